package org.caravan.bench;

import java.util.concurrent.TimeUnit;
import org.caravan.graph.CompactGraph;
import org.caravan.graph.Landmarks;
import org.caravan.graph.Overlay;
import org.caravan.graph.RoadNetworkGenerator;
import org.caravan.graph.Search;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The compact graph's searches (org.caravan.graph) on a seeded synthetic road network, one query of the fixed
 * seeded set per call, round robin, with JGraphT's Dijkstra on the same arcs as the reference in the same run.
 * Setup checks that all four engines give the same cost for every query. {@code bench/compare} is the one-pass
 * side-by-side harness (with igraph); this is the JMH view of the same searches.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CompactGraphBenchmark {
    @Param("100000")
    public int nodes;

    private Search search;
    private Landmarks landmarks;
    private Overlay closures;
    private DijkstraShortestPath<Integer, DefaultWeightedEdge> jgrapht;
    private int[][] q;
    private int next;

    @Setup(Level.Trial)
    public void setup() {
        CompactGraph g = RoadNetworkGenerator.generate(nodes, 1);
        q = RoadNetworkGenerator.queries(nodes, 64, 1);
        search = new Search(g);
        landmarks = Landmarks.farthest(g, 8, 1);
        SimpleDirectedWeightedGraph<Integer, DefaultWeightedEdge> jg = Compare.toJGraphT(g);
        jgrapht = new DijkstraShortestPath<>(jg);
        Overlay.Builder b = Overlay.builder();
        for (int a = 0; a < g.arcCount(); a += 97) b.close(a);
        for (int a = 13; a < g.arcCount(); a += 89) b.increase(a, 1.5);
        closures = b.build();
        for (int i = 0; i < q[0].length; i++) {
            double d = search.dijkstra(q[0][i], q[1][i], Overlay.NONE);
            check(i, "bidirectional", d, search.bidirectional(q[0][i], q[1][i], Overlay.NONE));
            check(i, "alt", d, search.alt(q[0][i], q[1][i], Overlay.NONE, landmarks));
            check(i, "jgrapht", d, jgrapht.getPathWeight(q[0][i], q[1][i]));
            check(i, "alt under closures", search.dijkstra(q[0][i], q[1][i], closures),
                    search.alt(q[0][i], q[1][i], closures, landmarks));
        }
        System.out.printf("%n# %d nodes, %d arcs; 64 queries, all engines agree%n", g.nodeCount(), g.arcCount());
    }

    private static void check(int i, String engine, double expected, double got) {
        if (!(Math.abs(expected - got) <= 1e-6 * Math.max(1, expected)) && !(expected == got)) {
            throw new IllegalStateException("query " + i + ": " + engine + " gives " + got + ", Dijkstra " + expected);
        }
    }

    private int pick() {
        next = (next + 1) % q[0].length;
        return next;
    }

    @Benchmark
    public double dijkstra() {
        int i = pick();
        return search.dijkstra(q[0][i], q[1][i], Overlay.NONE);
    }

    @Benchmark
    public double bidirectional() {
        int i = pick();
        return search.bidirectional(q[0][i], q[1][i], Overlay.NONE);
    }

    @Benchmark
    public double alt() {
        int i = pick();
        return search.alt(q[0][i], q[1][i], Overlay.NONE, landmarks);
    }

    @Benchmark
    public double altUnderClosures() {
        int i = pick();
        return search.alt(q[0][i], q[1][i], closures, landmarks);
    }

    @Benchmark
    public double jgraphtDijkstra() {
        int i = pick();
        return jgrapht.getPathWeight(q[0][i], q[1][i]);
    }
}
