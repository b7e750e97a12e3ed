package org.caravan.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.caravan.cost.CostModelLoader;
import org.caravan.io.NetworkLoader;
import org.caravan.network.Network;
import org.caravan.network.NodeKind;

/**
 * One router over the embedded network with the default costs, and what property tests draw random requests
 * from: its places (every node but sea waypoints) and its countries, in a fixed order.
 */
final class EmbeddedRouter {
    static final Router ROUTER;
    static final List<String> PLACES;
    static final List<String> COUNTRIES;

    static {
        try {
            ROUTER = new Router(new NetworkLoader().loadEmbedded(), CostModelLoader.defaults());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Network net = ROUTER.network();
        List<String> places = new ArrayList<>();
        Set<String> cc = new java.util.TreeSet<>();
        for (int v = 0; v < net.nodeCount(); v++) {
            if (net.node(v).kind() != NodeKind.SEA_WAYPOINT) places.add(net.node(v).id());
            cc.add(net.node(v).country());
        }
        PLACES = List.copyOf(places);
        COUNTRIES = List.copyOf(cc);
    }

    private EmbeddedRouter() {}
}
