package org.caravan.bench;

import java.util.concurrent.TimeUnit;
import org.caravan.cost.CostModelLoader;
import org.caravan.routing.ParetoResult;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.Router;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The multi-criteria Pareto set (cost, time, risk, CO2) with the CLI's limits: 200,000 labels, 5 s. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParetoBenchmark {
    static final int MAX_LABELS = 200_000;
    static final long BUDGET_MILLIS = 5000;

    private Router router;
    private RouteRequest[] requests;

    @Setup(Level.Trial)
    public void setup() {
        router = new Router(Corridors.network(), CostModelLoader.defaults());
        requests = Corridors.requests();
        System.out.println();
        for (int i = 0; i < requests.length; i++) {
            RouteRequest r = requests[i];
            long t0 = System.nanoTime();
            ParetoResult p = router.pareto(r, MAX_LABELS, BUDGET_MILLIS);
            long us = (System.nanoTime() - t0) / 1000;
            if (p.routes().isEmpty()) throw new IllegalStateException(RouteBenchmark.describe(r) + ": no Pareto route");
            // One line per pair so a reader of the log sees the size of each answer (first, cold call's time).
            System.out.printf("# pareto %s -> %s (pair %d): %d routes, %d labels%s, cold %d us%n", r.from(), r.to(),
                    i, p.routes().size(), p.labels(), p.truncated() ? ", TRUNCATED" : "", us);
        }
    }

    @Benchmark
    public ParetoResult pareto(Cursor c) {
        return router.pareto(requests[c.next(requests.length)], MAX_LABELS, BUDGET_MILLIS);
    }
}
