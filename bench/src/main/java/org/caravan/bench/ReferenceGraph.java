package org.caravan.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * destination. Pairs whose requests weigh the arcs differently (rail levels by origin and destination country)
 * get a graph each.
 *
 * <p>The weights come from the router, not from a second copy of the cost model: an earlier version re-derived
 * them from {@code LinkCosts} and the cargo profile, and silently drifted from the router when transfer dwell and
 * per-place handling were added (4,434.89 against the router's 4,532.49 USD/box for Almaty-Karachi). What is
 * compared is the search engine on one question; setup still checks that both find the same optimum, which also
 * checks the router's route assembly (its totals) against the search's weights.
 */
final class ReferenceGraph {
    /** One explicit graph per distinct weighting: pairs whose requests weigh the state graph alike share one. */
    private final List<DefaultDirectedWeightedGraph<Integer, DefaultWeightedEdge>> graphs = new ArrayList<>();
    private final int[] graphOf;
    private final int[] sourceOf;
    private final int[] sinkOf;

    ReferenceGraph(Router router, RouteRequest[] pairs) {
        graphOf = new int[pairs.length];
        sourceOf = new int[pairs.length];
        sinkOf = new int[pairs.length];
        // Rail levels depend on the shipment's origin and destination countries (export, import, transit:
        // docs/COSTS.md), so pairs may weigh the same arcs differently; each distinct weighting gets its own graph.
        List<WeightedStates> weightings = new ArrayList<>();
        for (int p = 0; p < pairs.length; p++) {
            WeightedStates own = router.weightedStates(pairs[p]);
            int g = -1;
            for (int i = 0; i < weightings.size() && g < 0; i++) {
                WeightedStates w = weightings.get(i);
                if (Arrays.equals(own.tail(), w.tail()) && Arrays.equals(own.head(), w.head())
                        && Arrays.equals(own.weight(), w.weight())) {
                    g = i;
                }
            }
            if (g < 0) {
                g = weightings.size();
                weightings.add(own);
                DefaultDirectedWeightedGraph<Integer, DefaultWeightedEdge> graph =
                        new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
                for (int s = 0; s < own.states(); s++) graph.addVertex(s);
                for (int a = 0; a < own.arcCount(); a++) edge(graph, own.tail()[a], own.head()[a], own.weight()[a]);
                graphs.add(graph);
            }
            DefaultDirectedWeightedGraph<Integer, DefaultWeightedEdge> graph = graphs.get(g);
            graphOf[p] = g;
            sourceOf[p] = graph.vertexSet().size();
            sinkOf[p] = sourceOf[p] + 1;
            graph.addVertex(sourceOf[p]);
            graph.addVertex(sinkOf[p]);
            for (int i = 0; i < own.seeds().length; i++) edge(graph, sourceOf[p], own.seeds()[i], own.seedWeight()[i]);
            for (int t : own.targets()) edge(graph, t, sinkOf[p], 0);
        }
    }

    /** The graph pair {@code pair} is answered on. */
    DefaultDirectedWeightedGraph<Integer, DefaultWeightedEdge> graph(int pair) { return graphs.get(graphOf[pair]); }

    Integer source(int pair) { return sourceOf[pair]; }

    Integer sink(int pair) { return sinkOf[pair]; }

    /** The optimum per cargo unit for pair {@code pair}, or NaN when there is no path. */
    double optimum(int pair) {
        GraphPath<Integer, DefaultWeightedEdge> path = new DijkstraShortestPath<>(graph(pair)).getPath(source(pair),
                sink(pair));
        return path == null ? Double.NaN : path.getWeight();
    }

    /** How many distinct weightings (explicit graphs) the pairs need. */
    int graphs() { return graphs.size(); }

    int vertices() { return graphs.get(0).vertexSet().size(); }

    int edges() { return graphs.get(0).edgeSet().size(); }

    /** A simple graph: of parallel edges (two links between the same nodes) only the cheapest matters. */
    private static void edge(DefaultDirectedWeightedGraph<Integer, DefaultWeightedEdge> graph, int a, int b, double w) {
        DefaultWeightedEdge e = graph.getEdge(a, b);
        if (e == null) {
            graph.setEdgeWeight(graph.addEdge(a, b), w);
        } else if (w < graph.getEdgeWeight(e)) {
            graph.setEdgeWeight(e, w);
        }
    }
}
