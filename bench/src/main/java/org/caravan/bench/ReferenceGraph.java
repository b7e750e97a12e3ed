package org.caravan.bench;

import java.util.Arrays;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.Router;
import org.caravan.routing.WeightedStates;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * The router's own single-objective question as an explicit JGraphT graph, built once: one vertex per
 * (node, carrier) state, {@code node * Carrier.COUNT + carrier}, and one edge per arc of the state graph the
 * router searches for the request, with the weight the router gives it ({@link Router#weightedStates}: link price
 * plus value of time, crossing fees and times, country penalties, transfer handling, new-leg fixed costs and
 * dwell, restrictions applied). Per origin-destination pair a super-source has an edge to each of the router's
 * seeds at the origin (loading: fixed cost and dwell) and a super-sink is reached free from every state at the
 * destination.
 *
 * <p>The weights come from the router, not from a second copy of the cost model: an earlier version re-derived
 * them from {@code LinkCosts} and the cargo profile, and silently drifted from the router when transfer dwell and
 * per-place handling were added (4,434.89 against the router's 4,532.49 USD/box for Almaty-Karachi). What is
 * compared is the search engine on one question; setup still checks that both find the same optimum, which also
 * checks the router's route assembly (its totals) against the search's weights.
 */
final class ReferenceGraph {
    private final DefaultDirectedWeightedGraph<Integer, DefaultWeightedEdge> graph =
            new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
    private final int firstExtra;

    ReferenceGraph(Router router, RouteRequest[] pairs) {
        WeightedStates arcs = router.weightedStates(pairs[0]);
        firstExtra = arcs.states();
        for (int s = 0; s < arcs.states(); s++) graph.addVertex(s);
        for (int a = 0; a < arcs.arcCount(); a++) edge(arcs.tail()[a], arcs.head()[a], arcs.weight()[a]);
        for (int p = 0; p < pairs.length; p++) {
            WeightedStates own = p == 0 ? arcs : router.weightedStates(pairs[p]);
            // One arc set for all pairs: the requests differ only in origin and destination.
            if (!Arrays.equals(own.tail(), arcs.tail()) || !Arrays.equals(own.head(), arcs.head())
                    || !Arrays.equals(own.weight(), arcs.weight())) {
                throw new IllegalArgumentException("pair " + p + " (" + pairs[p] + ") weighs the state graph"
                        + " differently from pair 0: give the pairs the same options");
            }
            graph.addVertex(source(p));
            graph.addVertex(sink(p));
            for (int i = 0; i < own.seeds().length; i++) edge(source(p), own.seeds()[i], own.seedWeight()[i]);
            for (int t : own.targets()) edge(t, sink(p), 0);
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
