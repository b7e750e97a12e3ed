package org.caravan.bench;

import java.util.concurrent.TimeUnit;
import org.caravan.cost.CostModelLoader;
import org.caravan.network.Network;
import org.caravan.routing.NoRoute;
import org.caravan.routing.Objective;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.RouteResult;
import org.caravan.routing.Router;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Single-objective queries through the public API ({@link Router#route}: request checks, state graph, search and
 * route assembly), and the same least-cost question answered by JGraphT's general-purpose Dijkstra on an explicit
 * state graph built once in setup ({@link ReferenceGraph}). Setup checks that both find the same optimum for every
 * pair, so {@code jgraphtCost / singleObjective} compares two answers to one question.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RouteBenchmark {
    private Router router;
    private RouteRequest[] cost;
    private RouteRequest[] time;
    private ReferenceGraph reference;

    @Setup(Level.Trial)
    public void setup() {
        Network network = Corridors.network();
        router = new Router(network, CostModelLoader.defaults());
        cost = Corridors.requests();
        time = new RouteRequest[cost.length];
        for (int i = 0; i < cost.length; i++) time[i] = cost[i].withObjective(Objective.TIME);
        reference = new ReferenceGraph(router, cost);
        System.out.println();
        System.out.printf("# network: %d nodes, %d links; JGraphT state graph: %d vertices, %d edges"
                        + " (%d weightings for %d pairs)%n", network.nodeCount(), network.linkCount(),
                reference.vertices(), reference.edges(), reference.graphs(), cost.length);
        for (int i = 0; i < cost.length; i++) {
            RouteResult r = router.route(cost[i]);
            if (!r.found()) throw new IllegalStateException(describe(cost[i]) + ": no route: " + reason(r.noRoute()));
            if (!router.route(time[i]).found()) throw new IllegalStateException(describe(time[i]) + ": no route");
            double caravan = r.route().totals().generalizedUsd() / r.route().units();
            double jgrapht = reference.optimum(i);
            if (!(Math.abs(caravan - jgrapht) <= 1e-9 * Math.max(1, Math.abs(jgrapht)))) {
                throw new IllegalStateException(describe(cost[i]) + ": Caravan's optimum " + caravan
                        + " USD differs from JGraphT's " + jgrapht + " USD: the comparison would not be fair");
            }
            System.out.printf("# %s (pair %d): %.2f USD/box generalized, Caravan and JGraphT agree%n",
                    describe(cost[i]), i, caravan);
        }
    }

    static String describe(RouteRequest r) { return r.from() + " -> " + r.to() + " (" + r.objective() + ")"; }

    private static String reason(NoRoute n) { return n == null ? "?" : n.toString(); }

    /** Least generalized cost (money plus value of time) through the router. */
    @Benchmark
    public RouteResult singleObjective(Cursor c) {
        return router.route(cost[c.next(cost.length)]);
    }

    /** Least transit time through the router. */
    @Benchmark
    public RouteResult time(Cursor c) {
        return router.route(time[c.next(time.length)]);
    }

    /** The reference: JGraphT's Dijkstra on the prebuilt explicit state graph, same pairs, same objective. */
    @Benchmark
    public GraphPath<Integer, DefaultWeightedEdge> jgraphtCost(Cursor c) {
        int i = c.next(cost.length);
        return new DijkstraShortestPath<>(reference.graph(i)).getPath(reference.source(i), reference.sink(i));
    }
}
