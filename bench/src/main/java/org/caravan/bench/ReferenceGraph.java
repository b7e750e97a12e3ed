package org.caravan.bench;

import org.caravan.cost.CargoProfile;
import org.caravan.cost.Handling;
import org.caravan.cost.LinkCosts;
import org.caravan.network.Cargo;
import org.caravan.network.Carrier;
import org.caravan.network.Link;
import org.caravan.network.LinkStatus;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.routing.RouteRequest;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * The least-generalized-cost question of the router, as an explicit JGraphT graph: one vertex per (node, carrier),
 * {@code node * Carrier.COUNT + carrier}, with
 * <ul>
 *   <li>a traversal edge per usable link direction and carrier, weighted by its price plus value of time
 *       ({@link LinkCosts}, operational links only, as for a request without {@code include-planned});</li>
 *   <li>a transfer edge between two carriers at a node that can do it: a gauge change where the node changes
 *       gauge, a transshipment (handling plus the new mode's fixed cost) where it transships container cargo
 *       (from the {@link CargoProfile});</li>
 *   <li>per origin-destination pair, a super-source whose edges pay each mode's fixed cost to start, and a
 *       super-sink reached free from every carrier at the destination.</li>
 * </ul>
 * Built once; the benchmark only runs Dijkstra on it. Only the unrestricted default request is modelled (no
 * avoided countries, closures, via points or penalties), which is what the benchmark asks.
 */
final class ReferenceGraph {
    private static final int K = Carrier.COUNT;

    private final DefaultDirectedWeightedGraph<Integer, DefaultWeightedEdge> graph =
            new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
    private final int firstExtra;

    ReferenceGraph(Network net, LinkCosts costs, RouteRequest[] pairs) {
        CargoProfile profile = costs.profile();
        double vot = profile.valueOfTimeUsdPerHour();
        int n = net.nodeCount();
        firstExtra = n * K;
        for (int s = 0; s < n * K; s++) graph.addVertex(s);
        for (int l = 0; l < net.linkCount(); l++) {
            Link link = net.link(l);
            if (link.status() != LinkStatus.OPERATIONAL) continue;
            for (int dir = 0; dir < 2; dir++) {
                int a = dir == 0 ? net.linkFrom(l) : net.linkTo(l);
                int b = dir == 0 ? net.linkTo(l) : net.linkFrom(l);
                for (int c = 0; c < K; c++) {
                    int i = LinkCosts.index(l, dir, c);
                    if (Double.isNaN(costs.usd(i))) continue; // carrier cannot use it, or against a one-way link
                    edge(a * K + c, b * K + c, costs.usd(i) + vot * costs.hours(i));
                }
            }
        }
        for (int v = 0; v < n; v++) {
            Node node = net.node(v);
            boolean transship = node.transship()
                    && (node.handles().isEmpty() || node.handles().contains(Cargo.CONTAINER));
            for (Carrier a : Carrier.values()) {
                for (Carrier b : Carrier.values()) {
                    if (a == b) continue;
                    double usd;
                    double hours;
                    if (a.mode() == b.mode()) {
                        if (!node.gaugeChange()) continue;
                        usd = profile.gaugeChange().usd();
                        hours = profile.gaugeChange().hours();
                    } else {
                        if (!transship) continue;
                        Handling h = profile.transship(a.mode(), b.mode());
                        usd = h.usd() + profile.rates(b.mode()).fixedUsd();
                        hours = h.hours();
                    }
                    edge(v * K + a.ordinal(), v * K + b.ordinal(), usd + vot * hours);
                }
            }
        }
        for (int p = 0; p < pairs.length; p++) {
            int from = net.nodeIndex(pairs[p].from());
            int to = net.nodeIndex(pairs[p].to());
            if (from < 0 || to < 0) throw new IllegalArgumentException("unknown node in " + pairs[p]);
            graph.addVertex(source(p));
            graph.addVertex(sink(p));
            for (Carrier c : Carrier.values()) {
                edge(source(p), from * K + c.ordinal(), profile.rates(c.mode()).fixedUsd());
                edge(to * K + c.ordinal(), sink(p), 0);
            }
        }
    }

    DefaultDirectedWeightedGraph<Integer, DefaultWeightedEdge> graph() { return graph; }

    Integer source(int pair) { return firstExtra + 2 * pair; }

    Integer sink(int pair) { return firstExtra + 2 * pair + 1; }

    /** The optimum per cargo unit for pair {@code pair}, or NaN when there is no path. */
    double optimum(int pair) {
        GraphPath<Integer, DefaultWeightedEdge> path = new DijkstraShortestPath<>(graph).getPath(source(pair),
                sink(pair));
        return path == null ? Double.NaN : path.getWeight();
    }

    int vertices() { return graph.vertexSet().size(); }

    int edges() { return graph.edgeSet().size(); }

    /** A simple graph: of parallel edges (two links between the same nodes) only the cheapest matters. */
    private void edge(int a, int b, double w) {
        DefaultWeightedEdge e = graph.getEdge(a, b);
        if (e == null) {
            graph.setEdgeWeight(graph.addEdge(a, b), w);
        } else if (w < graph.getEdgeWeight(e)) {
            graph.setEdgeWeight(e, w);
        }
    }
}
