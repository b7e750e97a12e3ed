/**
 * Reading networks from files: CSV ({@code nodes.csv} + {@code links.csv}) and GeoJSON, as described in
 * {@code docs/NETWORK-FORMAT.md}. Readers turn text into {@link org.caravan.network.Node} and
 * {@link org.caravan.network.Link} records plus located {@link org.caravan.network.Problem}s; they never build
 * a network themselves: {@link org.caravan.network.NetworkBuilder} does that, so a file with errors loads
 * nothing. {@link org.caravan.io.NetworkLoader} is the entry point for front ends.
 *
 * <p>Problem locations: CSV {@code "line N"} (1-based, the header is line 1); GeoJSON {@code "feature N"}
 * (0-based index into the {@code features} array).
 */
package org.caravan.io;
