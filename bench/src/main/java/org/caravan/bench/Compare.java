package org.caravan.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caravan.graph.CompactGraph;
import org.caravan.graph.Landmarks;
import org.caravan.graph.ContractionHierarchy;
import org.caravan.graph.Matrix;
import org.caravan.graph.Overlay;
import org.caravan.graph.RoadNetworkGenerator;
import org.caravan.graph.Search;
import org.caravan.scenario.ScenarioBase;
import org.jgrapht.alg.shortestpath.BidirectionalDijkstraShortestPath;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * Side-by-side shortest-path comparison on one seeded synthetic road network and one seeded query set (see
 * bench/compare and docs/PERFORMANCE.md). Each engine answers every query once after a warm-up pass over the
 * first queries; per-query wall times give median and p99. Costs are checked against Caravan's Dijkstra.
 *
 * <p>{@code --network embedded} runs the same engines on the embedded regional network instead ({@link EmbeddedGraph};
 * {@code --nodes} is then ignored).
 *
 * <p>Usage: Compare [--network synthetic|embedded] --nodes N --queries Q [--seed S] [--landmarks K] [--avoid-landmarks K] [--matrix M] [--matrix-only true] [--ch-threads T]
 * [--ch-serial true] [--export FILE] [--igraph-results FILE]
 */
public final class Compare {
    private Compare() {
    }

    interface Engine {
        double cost(int s, int t);
    }

    /** Nodes the engine settled in its last query (-1 when it does not say). */
    interface Settled {
        int last();
    }

    private static final Settled UNKNOWN = () -> -1;

    public static void main(String[] args) throws IOException {
        int nodes = 100_000;
        int queries = 100;
        long seed = 1;
        int landmarks = 16;
        int avoidLandmarks = 16;
        int matrix = 100;
        int chThreads = Runtime.getRuntime().availableProcessors();
        boolean chSerial = false;
        boolean matrixOnly = false;
        Path export = null;
        Path igraph = null;
        String network = "synthetic";
        for (int i = 0; i < args.length; i += 2) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            if (v == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--nodes" -> nodes = Integer.parseInt(v);
                case "--queries" -> queries = Integer.parseInt(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--landmarks" -> landmarks = Integer.parseInt(v);
                case "--avoid-landmarks" -> avoidLandmarks = Integer.parseInt(v);
                case "--matrix" -> matrix = Integer.parseInt(v);
                case "--ch-threads" -> chThreads = Integer.parseInt(v);
                case "--ch-serial" -> chSerial = Boolean.parseBoolean(v);
                case "--matrix-only" -> matrixOnly = Boolean.parseBoolean(v);
                case "--export" -> export = Path.of(v);
                case "--igraph-results" -> igraph = Path.of(v);
                case "--network" -> network = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long t0 = System.nanoTime();
        long heap0 = usedHeap();
        boolean embedded = switch (network) {
            case "synthetic" -> false;
            case "embedded" -> true;
            default -> throw new IllegalArgumentException("--network must be synthetic or embedded, not " + network);
        };
        CompactGraph g = embedded ? EmbeddedGraph.of(ScenarioBase.embedded().network())
                : RoadNetworkGenerator.generate(nodes, seed);
        long heapGraph = usedHeap() - heap0;
        System.out.printf("graph: %s, %d nodes, %d arcs (mean out-degree %.2f), %.1f MB arrays (%.1f MB heap growth),"
                        + " built in %.1f s%n", embedded ? "embedded regional network (link km, every mode)"
                        : "synthetic road-like network", g.nodeCount(), g.arcCount(), (double) g.arcCount() / g.nodeCount(),
                g.bytes() / 1e6, heapGraph / 1e6, (System.nanoTime() - t0) / 1e9);
        int[][] q = embedded ? EmbeddedGraph.queries(g, queries, seed) : RoadNetworkGenerator.queries(nodes, queries, seed);
        if (export != null) {
            exportGraph(g, q, export);
            System.out.println("exported graph and queries to " + export);
            return;
        }
        if (matrixOnly) { // only the hierarchy's build and the matrix (a 10^6 run in minutes, not half an hour)
            long p0 = System.nanoTime();
            ContractionHierarchy ch = ContractionHierarchy.build(g, chThreads);
            System.out.printf("RESULT engine=ch-preprocessing seconds=%.1f threads=%d shortcuts=%d upward_arcs=%d"
                    + " ch_mb=%.1f%n", (System.nanoTime() - p0) / 1e9, chThreads, ch.shortcutCount(),
                    ch.upwardArcCount(), ch.bytes() / 1e6);
            matrix(g, ch, q, matrix, queries);
            return;
        }
        t0 = System.nanoTime();
        Landmarks lm = Landmarks.farthest(g, landmarks, seed);
        System.out.printf("landmarks: %d (farthest), %.1f MB, chosen in %.1f s%n", landmarks, lm.bytes() / 1e6,
                (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        Landmarks lmAvoid = Landmarks.avoid(g, avoidLandmarks, seed);
        System.out.printf("landmarks: %d (avoid), %.1f MB, chosen in %.1f s; ALT queries use the best %d per query%n",
                avoidLandmarks, lmAvoid.bytes() / 1e6, (System.nanoTime() - t0) / 1e9, Search.ACTIVE_LANDMARKS);

        Map<String, double[]> costs = new LinkedHashMap<>();
        Map<String, double[]> times = new LinkedHashMap<>();
        Map<String, Long> heaps = new LinkedHashMap<>();
        Map<String, double[]> settled = new LinkedHashMap<>();
        Search search = new Search(g);
        run("caravan-dijkstra", (s, t) -> search.dijkstra(s, t, Overlay.NONE), search::settledLast, q, costs, times,
                heaps, settled);
        run("caravan-bidirectional", (s, t) -> search.bidirectional(s, t, Overlay.NONE), search::settledLast, q,
                costs, times, heaps, settled);
        run("caravan-alt", (s, t) -> search.alt(s, t, Overlay.NONE, lm), search::settledLast, q, costs, times,
                heaps, settled);
        run("caravan-alt-avoid", (s, t) -> search.alt(s, t, Overlay.NONE, lmAvoid), search::settledLast, q, costs,
                times, heaps, settled);

        // Contraction hierarchy: build time on chThreads workers (and, with --ch-serial true, on one), then the
        // one-to-one upward query with stall-on-demand on the same queries.
        double serialSeconds = Double.NaN;
        if (chSerial) {
            long s0 = System.nanoTime();
            ContractionHierarchy.build(g, 1);
            serialSeconds = (System.nanoTime() - s0) / 1e9;
        }
        long p0 = System.nanoTime();
        ContractionHierarchy ch = ContractionHierarchy.build(g, chThreads);
        double prep = (System.nanoTime() - p0) / 1e9;
        System.out.printf("RESULT engine=ch-preprocessing seconds=%.1f threads=%d shortcuts=%d upward_arcs=%d"
                        + " ch_mb=%.1f%s%n", prep, chThreads, ch.shortcutCount(), ch.upwardArcCount(),
                ch.bytes() / 1e6, chSerial ? String.format(" serial_seconds=%.1f", serialSeconds) : "");
        if (chSerial) {
            ratio("ch build 1 thread / " + chThreads + " threads", serialSeconds / prep, "");
        }
        ContractionHierarchy.Query chq = ch.newQuery();
        run("caravan-ch", chq::distance, chq::settledLast, q, costs, times, heaps, settled);

        long hj = usedHeap();
        SimpleDirectedWeightedGraph<Integer, DefaultWeightedEdge> jg = toJGraphT(g);
        long jgBytes = usedHeap() - hj;
        System.out.printf("jgrapht graph: %.1f MB heap growth%n", jgBytes / 1e6);
        DijkstraShortestPath<Integer, DefaultWeightedEdge> jd = new DijkstraShortestPath<>(jg);
        run("jgrapht-dijkstra", (s, t) -> jd.getPathWeight(s, t), UNKNOWN, q, costs, times, heaps, settled);
        BidirectionalDijkstraShortestPath<Integer, DefaultWeightedEdge> jb =
                new BidirectionalDijkstraShortestPath<>(jg);
        run("jgrapht-bidirectional", (s, t) -> jb.getPathWeight(s, t), UNKNOWN, q, costs, times, heaps,
                settled);
        jg = null;

        if (igraph != null && Files.exists(igraph)) {
            List<String> lines = Files.readAllLines(igraph);
            double[] c = new double[queries];
            double[] tm = new double[queries];
            long ih = 0;
            for (String line : lines) {
                String[] f = line.trim().split("\\s+");
                if (f[0].equals("HEAP")) {
                    ih = (long) (Double.parseDouble(f[1]) * 1e6);
                } else {
                    int i = Integer.parseInt(f[0]);
                    c[i] = Double.parseDouble(f[1]);
                    tm[i] = Double.parseDouble(f[2]);
                }
            }
            costs.put("igraph", c);
            times.put("igraph", tm);
            heaps.put("igraph", ih);
        }

        double[] ref = costs.get("caravan-dijkstra");
        int mismatches = 0;
        for (Map.Entry<String, double[]> e : costs.entrySet()) {
            int m = 0;
            for (int i = 0; i < queries; i++) {
                double a = ref[i];
                double b = e.getValue()[i];
                boolean same = Double.isInfinite(a) ? Double.isInfinite(b)
                        : Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));
                if (!same) {
                    m++;
                }
            }
            if (m > 0) {
                System.out.printf("MISMATCH engine=%s queries=%d%n", e.getKey(), m);
            }
            mismatches += m;
        }
        for (String name : times.keySet()) {
            double[] tm = times.get(name).clone();
            Arrays.sort(tm);
            double[] st = settled.get(name);
            System.out.printf("RESULT engine=%s median_ms=%.3f p99_ms=%.3f mean_ms=%.3f heap_mb=%.1f%s%n", name,
                    pct(tm, 0.5), pct(tm, 0.99), mean(tm), heaps.get(name) / 1e6,
                    st == null || st[0] < 0 ? "" : String.format(" mean_settled=%.0f", mean(st)));
        }
        System.out.printf("AGREE engines=%d queries=%d mismatches=%d%n", costs.size(), queries, mismatches);
        double cd = median(times.get("caravan-dijkstra"));
        ratio("jgrapht-dijkstra / caravan-dijkstra", median(times.get("jgrapht-dijkstra")) / cd, ">= 3");
        ratio("caravan-dijkstra / caravan-alt", cd / median(times.get("caravan-alt")), ">= 10");
        ratio("caravan-dijkstra / caravan-alt by means", mean(times.get("caravan-dijkstra"))
                / mean(times.get("caravan-alt")), ">= 10");
        ratio("settled nodes caravan-dijkstra / caravan-alt by means", mean(settled.get("caravan-dijkstra"))
                / mean(settled.get("caravan-alt")), ">= 10");
        ratio("caravan-dijkstra / caravan-alt-avoid", cd / median(times.get("caravan-alt-avoid")), ">= 10");
        ratio("caravan-dijkstra / caravan-alt-avoid by means", mean(times.get("caravan-dijkstra"))
                / mean(times.get("caravan-alt-avoid")), ">= 10");
        ratio("settled nodes caravan-dijkstra / caravan-alt-avoid by means", mean(settled.get("caravan-dijkstra"))
                / mean(settled.get("caravan-alt-avoid")), ">= 10");
        ratio("caravan-dijkstra / caravan-ch", cd / median(times.get("caravan-ch")), "");
        ratio("caravan-dijkstra / caravan-ch by means", mean(times.get("caravan-dijkstra"))
                / mean(times.get("caravan-ch")), "");
        ratio("settled nodes caravan-dijkstra / caravan-ch by means", mean(settled.get("caravan-dijkstra"))
                / mean(settled.get("caravan-ch")), "");
        ratio("caravan-dijkstra / caravan-bidirectional", cd / median(times.get("caravan-bidirectional")), "");
        if (times.containsKey("igraph")) {
            ratio("caravan-dijkstra / igraph", cd / median(times.get("igraph")), "<= 1.5");
        }
        if (matrix > 0) {
            matrix(g, ch, q, matrix, queries);
        }
    }

    /**
     * Many-to-many between the first {@code matrix} query sources and targets: by buckets on the hierarchy (three
     * timed calls after a warm-up: the first pays for new per-thread query states, later ones reuse them), then
     * one Dijkstra tree per source; every cell compared.
     */
    private static void matrix(CompactGraph g, ContractionHierarchy ch, int[][] q, int matrix, int queries) {
        int[] src = Arrays.copyOf(q[0], Math.min(matrix, queries));
        int[] dst = Arrays.copyOf(q[1], Math.min(matrix, queries));
        int threads = java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1;
        Matrix.compute(g, ch, Arrays.copyOf(src, Math.min(4, src.length)), dst, Overlay.NONE); // warm-up
        double[][] chm = null;
        double[] chRuns = new double[3];
        for (int run = 0; run < chRuns.length; run++) {
            long c0 = System.nanoTime();
            chm = Matrix.compute(g, ch, src, dst, Overlay.NONE);
            chRuns[run] = (System.nanoTime() - c0) / 1e9;
        }
        double chSeconds = median(chRuns.clone());
        Matrix.compute(g, Arrays.copyOf(src, Math.min(4, src.length)), dst, Overlay.NONE); // warm-up
        long m0 = System.nanoTime();
        double[][] trees = Matrix.compute(g, src, dst, Overlay.NONE);
        double treeSeconds = (System.nanoTime() - m0) / 1e9;
        int bad = 0;
        for (int i = 0; i < src.length; i++) {
            for (int j = 0; j < dst.length; j++) {
                double e = trees[i][j];
                double a = chm[i][j];
                if (!(e == a || Math.abs(e - a) <= 1e-9 * Math.max(1, Math.abs(e)))) {
                    bad++;
                }
            }
        }
        System.out.printf("MATRIX engine=dijkstra-trees %dx%d seconds=%.3f threads=%d%n", src.length,
                dst.length, treeSeconds, threads);
        System.out.printf("MATRIX engine=ch-buckets %dx%d seconds=%.3f (median of %.3f, %.3f, %.3f) threads=%d"
                + " (target < 1 s on 2 cores) %s%n", src.length, dst.length, chSeconds, chRuns[0], chRuns[1],
                chRuns[2], threads, chSeconds < 1 ? "PASS" : "MISS");
        System.out.printf("AGREE matrix cells=%d mismatches=%d%n", src.length * dst.length, bad);
        ratio("matrix dijkstra-trees / ch-buckets", treeSeconds / chSeconds, "");
    }

    private static void ratio(String what, double r, String target) {
        System.out.printf("RATIO %s = %.2f%s%n", what, r, target.isEmpty() ? "" : " (target " + target + ")");
    }

    private static void run(String name, Engine e, Settled settledBy, int[][] q, Map<String, double[]> costs,
                            Map<String, double[]> times, Map<String, Long> heaps, Map<String, double[]> settled) {
        int n = q[0].length;
        for (int i = 0; i < Math.min(n, 20); i++) {
            e.cost(q[0][i], q[1][i]);
        }
        double[] c = new double[n];
        double[] tm = new double[n];
        double[] st = new double[n];
        for (int i = 0; i < n; i++) {
            long a = System.nanoTime();
            c[i] = e.cost(q[0][i], q[1][i]);
            tm[i] = (System.nanoTime() - a) / 1e6;
            st[i] = settledBy.last();
        }
        costs.put(name, c);
        times.put(name, tm);
        heaps.put(name, usedHeap());
        settled.put(name, st);
    }

    private static double mean(double[] t) {
        double sum = 0;
        for (double x : t) {
            sum += x;
        }
        return sum / t.length;
    }

    private static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        return pct(s, 0.5);
    }

    private static double pct(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return r.totalMemory() - r.freeMemory();
    }

    static SimpleDirectedWeightedGraph<Integer, DefaultWeightedEdge> toJGraphT(CompactGraph g) {
        SimpleDirectedWeightedGraph<Integer, DefaultWeightedEdge> jg =
                new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        for (int v = 0; v < g.nodeCount(); v++) {
            jg.addVertex(v);
        }
        for (int a = 0; a < g.arcCount(); a++) {
            DefaultWeightedEdge e = jg.addEdge(g.tail(a), g.head(a));
            if (e != null) {
                jg.setEdgeWeight(e, g.cost(a));
            }
        }
        return jg;
    }

    private static void exportGraph(CompactGraph g, int[][] q, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write(g.nodeCount() + " " + g.arcCount() + " " + q[0].length + "\n");
            for (int a = 0; a < g.arcCount(); a++) {
                w.write(g.tail(a) + " " + g.head(a) + " " + Double.toString(g.cost(a)) + "\n");
            }
            for (int i = 0; i < q[0].length; i++) {
                w.write(q[0][i] + " " + q[1][i] + "\n");
            }
        }
    }
}
