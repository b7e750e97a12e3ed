package org.caravan.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caravan.cost.CostModelLoader;
import org.caravan.criticality.Criticality;
import org.caravan.criticality.Criticality.LinkImpact;
import org.caravan.demand.OdFile;
import org.caravan.demand.OdPair;
import org.caravan.routing.Router;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Criticality of every link of the embedded network for the embedded main OD pairs: the ranking as
 * {@code caravan critical} runs it (links on no baseline route skipped, unaffected pairs re-used, 2 worker
 * threads), against the brute force in the same process (every link closed, every pair re-routed, one thread).
 * Setup checks that both rank the links that matter in the same order, so the ratio compares equal answers.
 * Target: under 2 s on 2 cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CriticalityBenchmark {
    private Router router;
    private List<OdPair> pairs;
    private Criticality.Options options;

    @Setup(Level.Trial)
    public void setup() {
        router = new Router(Corridors.network(), CostModelLoader.defaults());
        pairs = OdFile.embedded();
        options = Criticality.Options.defaults().withParallelism(2);
        Criticality.Result fast = Criticality.rank(router, pairs, options);
        Criticality.Result slow = Criticality.bruteForce(router, pairs, null);
        List<String> f = fast.ranked().stream().filter(CriticalityBenchmark::matters).map(LinkImpact::linkId).toList();
        List<String> s = slow.ranked().stream().filter(CriticalityBenchmark::matters).map(LinkImpact::linkId).toList();
        if (!f.equals(s)) throw new IllegalStateException("fast ranking differs from brute force: " + f + " vs " + s);
        System.out.println();
        System.out.printf("# criticality: %d OD pairs, %d links, %d candidates (%d skipped), %d re-routes; brute force "
                + "%d re-routes; %d links matter, same order%n", pairs.size(), fast.linkCount(), fast.candidates(),
                fast.skipped(), fast.reroutes(), slow.reroutes(), f.size());
    }

    private static boolean matters(LinkImpact l) {
        return l.costIncreaseUsd() > 1e-6 || l.lostTonnes() > 0;
    }

    @Benchmark
    public Criticality.Result ranked() {
        return Criticality.rank(router, pairs, options);
    }

    @Benchmark
    public Criticality.Result bruteForce() {
        return Criticality.bruteForce(router, pairs, null);
    }
}
