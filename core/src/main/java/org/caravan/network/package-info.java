/**
 * The network model: nodes, links (rail by gauge, road, sea, ferry, border crossings), the carriers cargo
 * travels in, and the immutable {@link org.caravan.network.Network}: nodes and links by dense index, the links at
 * each node in compressed-row arrays over both directions of every two-way link.
 * {@link org.caravan.network.NetworkBuilder} is the only way in: it validates everything first, so a
 * {@code Network} is always whole and consistent. Knows nothing of files, costs or routing.
 */
package org.caravan.network;
