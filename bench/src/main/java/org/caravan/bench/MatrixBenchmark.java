package org.caravan.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.caravan.cost.CostModelLoader;
import org.caravan.network.Network;
import org.caravan.network.NodeKind;
import org.caravan.routing.CostMatrix;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.Router;
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
 * {@code caravan matrix} on the embedded network, {@code size} x {@code size} seeded random places (no sea
 * waypoints), default request (cost, one box): one search tree per origin with full routes
 * ({@link CostMatrix#compute}) against the contraction hierarchy's bucket many-to-many of the objective
 * ({@link CostMatrix#computeObjective}, the hierarchy built once in setup as the router caches it). Setup checks
 * that every cell's generalized cost agrees (relative 1e-9) and prints the cells compared.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MatrixBenchmark {
    @Param({"40"})
    public int size;

    private Router router;
    private RouteRequest request;
    private List<String> places;

    @Setup(Level.Trial)
    public void setup() {
        Network network = Corridors.network();
        router = new Router(network, CostModelLoader.defaults());
        List<String> all = new ArrayList<>();
        for (int v = 0; v < network.nodeCount(); v++) {
            if (network.node(v).kind() != NodeKind.SEA_WAYPOINT) all.add(network.node(v).id());
        }
        SplittableRandom r = new SplittableRandom(7);
        places = new ArrayList<>();
        while (places.size() < size) {
            String p = all.get(r.nextInt(all.size()));
            if (!places.contains(p)) places.add(p);
        }
        // Distance: the hierarchy answers km and CO2 only (reported cost and time add the trip's drivers' rest and
        // the pair's rail tariff levels).
        request = RouteRequest.of(places.get(0), places.get(1)).withObjective(org.caravan.routing.Objective.DISTANCE);
        CostMatrix.Result trees = CostMatrix.compute(router, request, places, places);
        CostMatrix.Result ch = CostMatrix.computeObjective(router, request, places, places);
        if (ch == null) throw new IllegalStateException("the hierarchy declined the default request");
        int compared = 0;
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                CostMatrix.Cell t = trees.cell(i, j);
                CostMatrix.Cell c = ch.cell(i, j);
                if (t.found() != c.found() || (t.found() && Math.abs(t.km() - c.km())
                        > 1e-9 * Math.max(1, Math.abs(t.km())))) {
                    throw new IllegalStateException(places.get(i) + " -> " + places.get(j) + ": trees "
                            + t.km() + " km, hierarchy " + c.km() + " km");
                }
                compared++;
            }
        }
        System.out.printf("%n# %dx%d matrix on %d nodes: %d cells agree (trees vs hierarchy), %d with a route%n",
                size, size, network.nodeCount(), compared, trees.found());
    }

    /** One search tree per origin, full routes assembled, origins in parallel. */
    @Benchmark
    public CostMatrix.Result trees() {
        return CostMatrix.compute(router, request, places, places);
    }

    /** The hierarchy's bucket many-to-many of the objective only. */
    @Benchmark
    public CostMatrix.Result hierarchy() {
        return CostMatrix.computeObjective(router, request, places, places);
    }
}
