/**
 * The network model: nodes, links (rail by gauge, road, sea, ferry, border crossings), the carriers cargo
 * travels in, and the immutable {@link org.caravan.network.Network} with its compact adjacency arrays.
 * {@link org.caravan.network.NetworkBuilder} is the only way in: it validates everything first, so a
 * {@code Network} is always whole and consistent. Knows nothing of files, costs or routing.
 */
package org.caravan.network;
