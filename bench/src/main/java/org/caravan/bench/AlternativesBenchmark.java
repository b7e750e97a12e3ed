package org.caravan.bench;

import java.util.concurrent.TimeUnit;
import org.caravan.cost.CostModelLoader;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.RouteResults;
import org.caravan.routing.Router;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Three meaningfully different routes (different crossings or modes), best first by cost. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AlternativesBenchmark {
    static final int K = 3;

    private Router router;
    private RouteRequest[] requests;

    @Setup(Level.Trial)
    public void setup() {
        router = new Router(Corridors.network(), CostModelLoader.defaults());
        requests = Corridors.requests();
        for (RouteRequest r : requests) {
            if (router.alternatives(r, K).routes().isEmpty()) {
                throw new IllegalStateException(RouteBenchmark.describe(r) + ": no alternatives");
            }
        }
    }

    @Benchmark
    public RouteResults alternatives(Cursor c) {
        return router.alternatives(requests[c.next(requests.length)], K);
    }
}
