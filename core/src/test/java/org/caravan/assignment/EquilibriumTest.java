package org.caravan.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class EquilibriumTest {

    private static AssignmentResult solve(FlowNetwork net, TrafficClass cls, AssignmentMethod method, double gap) {
        return Equilibrium.solve(net, List.of(cls), new AssignmentSettings(method, gap, 10_000, 2), null);
    }

    /** Two parallel links 1 + v and 2 + 0.5 v carrying 10: equal costs at v1 = 4, v2 = 6, both cost 5. */
    @ParameterizedTest
    @EnumSource(value = AssignmentMethod.class, names = {"FW", "CFW", "BFW"})
    void twoParallelLinksMatchTheClosedForm(AssignmentMethod method) {
        FlowNetwork net = FlowNetwork.builder(2, 2, 0)
                .link(0, 1, 1, 1, 1, 1, 0, VolumeDelay.BPR)
                .link(0, 1, 2, 1, 0.25, 1, 0, VolumeDelay.BPR)
                .build();
        TrafficClass cls = TrafficClass.of("cars", 2, new double[] {0, 10, 0, 0});
        AssignmentResult r = solve(net, cls, method, 1e-10);
        assertThat(r.converged()).isTrue();
        assertThat(r.volume()[0]).isCloseTo(4, within(1e-6));
        assertThat(r.volume()[1]).isCloseTo(6, within(1e-6));
        assertThat(r.time()[0]).isCloseTo(5, within(1e-6));
        assertThat(r.time()[1]).isCloseTo(5, within(1e-6));
    }

    /**
     * Braess's network (demand 6; s-a 10x, a-t 50+x, s-b 50+x, b-t 10x, a-b 10+x): at equilibrium each of the three
     * paths carries 2 and costs 92. Zero intercepts are approximated by a free-flow time of 1e-9.
     */
    @ParameterizedTest
    @EnumSource(value = AssignmentMethod.class, names = {"FW", "CFW", "BFW"})
    void braessParadoxEquilibrium(AssignmentMethod method) {
        double eps = 1e-9;
        FlowNetwork net = FlowNetwork.builder(4, 2, 0)
                .link(0, 2, eps, 1, 10 / eps, 1, 0, VolumeDelay.BPR)   // s-a 10x
                .link(2, 1, 50, 50, 1, 1, 0, VolumeDelay.BPR)          // a-t 50+x
                .link(0, 3, 50, 50, 1, 1, 0, VolumeDelay.BPR)          // s-b 50+x
                .link(3, 1, eps, 1, 10 / eps, 1, 0, VolumeDelay.BPR)   // b-t 10x
                .link(2, 3, 10, 10, 1, 1, 0, VolumeDelay.BPR)          // a-b 10+x
                .build();
        TrafficClass cls = TrafficClass.of("cars", 2, new double[] {0, 6, 0, 0});
        AssignmentResult r = solve(net, cls, method, 1e-10);
        assertThat(r.volume()).containsExactly(new double[] {4, 2, 2, 4, 2}, within(1e-4));
        double pathCost = r.time()[0] + r.time()[1];
        assertThat(pathCost).isCloseTo(92, within(1e-3));
        assertThat(r.time()[0] + r.time()[4] + r.time()[3]).isCloseTo(92, within(1e-3));
    }

    @Test
    void zeroDemandGivesZeroVolumes() {
        FlowNetwork net = grid(4, 4, 1);
        TrafficClass cls = TrafficClass.of("none", net.zoneCount(), new double[net.zoneCount() * net.zoneCount()]);
        AssignmentResult r = solve(net, cls, AssignmentMethod.BFW, 1e-6);
        assertThat(r.volume()).containsOnly(0.0);
        assertThat(r.relativeGap()).isZero();
        assertThat(r.converged()).isTrue();
    }

    @Test
    void demandThatNoPathServesIsRefusedNotDropped() {
        FlowNetwork net = FlowNetwork.builder(3, 3, 0).link(0, 1, 1, 10, 0.15, 4, 0, VolumeDelay.BPR).build();
        double[] demand = new double[9];
        demand[0 * 3 + 2] = 5;
        TrafficClass cls = TrafficClass.of("cars", 3, demand);
        assertThatThrownBy(() -> solve(net, cls, AssignmentMethod.FW, 1e-4))
                .isInstanceOfSatisfying(UnreachableDemandException.class, e -> {
                    assertThat(e.origin()).isZero();
                    assertThat(e.destination()).isEqualTo(2);
                    assertThat(e.demand()).isEqualTo(5);
                });
    }

    @Test
    void pathsDoNotPassThroughCentroidsBelowTheFirstThroughNode() {
        // 0 -> 1 -> 2 is short but 1 is a centroid; the only legal way is the long link 0 -> 2.
        FlowNetwork net = FlowNetwork.builder(3, 3, 2)
                .link(0, 1, 1, 100, 0.15, 4, 0, VolumeDelay.BPR)
                .link(1, 2, 1, 100, 0.15, 4, 0, VolumeDelay.BPR)
                .link(0, 2, 50, 100, 0.15, 4, 0, VolumeDelay.BPR)
                .build();
        double[] demand = new double[9];
        demand[2] = 10;
        AssignmentResult r = solve(net, TrafficClass.of("cars", 3, demand), AssignmentMethod.AON, 1e-4);
        assertThat(r.volume()).containsExactly(0, 0, 10);
    }

    @Test
    void conjugateMethodsNeedFewerIterationsThanFrankWolfe() {
        FlowNetwork net = grid(6, 6, 2);
        TrafficClass cls = gridDemand(net, 20);
        int fw = solve(net, cls, AssignmentMethod.FW, 1e-4).iterations().size();
        int cfw = solve(net, cls, AssignmentMethod.CFW, 1e-4).iterations().size();
        int bfw = solve(net, cls, AssignmentMethod.BFW, 1e-4).iterations().size();
        assertThat(cfw).isLessThan(fw);
        assertThat(bfw).isLessThanOrEqualTo(cfw);
    }

    @Test
    void iterationsReportTheGapAndEndAtTheTarget() {
        FlowNetwork net = grid(5, 5, 3);
        TrafficClass cls = gridDemand(net, 60);
        List<IterationReport> heard = new ArrayList<>();
        AssignmentResult r = Equilibrium.solve(net, List.of(cls),
                new AssignmentSettings(AssignmentMethod.BFW, 1e-6, 5_000, 1), heard::add);
        assertThat(heard).isEqualTo(r.iterations());
        assertThat(heard.get(0).iteration()).isZero();
        assertThat(r.converged()).isTrue();
        assertThat(r.relativeGap()).isLessThanOrEqualTo(1e-6);
        for (int i = 1; i < heard.size(); i++) {
            assertThat(heard.get(i).step()).isBetween(0.0, 1.0);
            assertThat(heard.get(i).objective()).isLessThanOrEqualTo(heard.get(i - 1).objective() + 1e-9);
        }
    }

    @Test
    void maximumIterationsStopsWithAnHonestGap() {
        FlowNetwork net = grid(6, 6, 4);
        TrafficClass cls = gridDemand(net, 80);
        AssignmentResult r = Equilibrium.solve(net, List.of(cls),
                new AssignmentSettings(AssignmentMethod.FW, 1e-12, 3, 1), null);
        assertThat(r.converged()).isFalse();
        assertThat(r.iterations()).hasSize(4);
        assertThat(r.relativeGap()).isGreaterThan(1e-12);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        FlowNetwork net = grid(7, 7, 5);
        TrafficClass cls = gridDemand(net, 50);
        AssignmentResult one = Equilibrium.solve(net, List.of(cls),
                new AssignmentSettings(AssignmentMethod.BFW, 1e-6, 1000, 1), null);
        AssignmentResult two = Equilibrium.solve(net, List.of(cls),
                new AssignmentSettings(AssignmentMethod.BFW, 1e-6, 1000, 2), null);
        assertThat(two.volume()).containsExactly(one.volume(), within(1e-6));
    }

    @Test
    void twoClassesShareCapacityByTheirVehicleEquivalents() {
        // Trucks count 2.5 cars each; both classes split over the same two parallel links.
        FlowNetwork net = FlowNetwork.builder(2, 2, 0)
                .link(0, 1, 1, 1, 1, 1, 0, VolumeDelay.BPR)
                .link(0, 1, 2, 1, 0.25, 1, 0, VolumeDelay.BPR)
                .build();
        TrafficClass cars = new TrafficClass("cars", 2, new double[] {0, 5, 0, 0}, 1, 1, null);
        TrafficClass trucks = new TrafficClass("trucks", 2, new double[] {0, 2, 0, 0}, 2.5, 1, null);
        AssignmentResult r = Equilibrium.solve(net, List.of(cars, trucks),
                new AssignmentSettings(AssignmentMethod.BFW, 1e-10, 10_000, 1), null);
        // 10 vehicle equivalents in all: the single-class answer (4 and 6) in equivalents.
        assertThat(r.volume()[0]).isCloseTo(4, within(1e-5));
        assertThat(r.volume()[1]).isCloseTo(6, within(1e-5));
        assertThat(r.classVolumes()[0][0] + r.classVolumes()[0][1]).isCloseTo(5, within(1e-9));
        assertThat(r.classVolumes()[1][0] + r.classVolumes()[1][1]).isCloseTo(2, within(1e-9));
    }

    /** A w x h bidirectional grid with BPR links; every node is a zone. */
    static FlowNetwork grid(int w, int h, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        int n = w * h;
        FlowNetwork.Builder b = FlowNetwork.builder(n, n, 0);
        for (int v = 0; v < n; v++) {
            int x = v % w;
            int y = v / w;
            int[][] nb = {{x + 1, y}, {x - 1, y}, {x, y + 1}, {x, y - 1}};
            for (int[] p : nb) {
                if (p[0] < 0 || p[0] >= w || p[1] < 0 || p[1] >= h) continue;
                b.link(v, p[1] * w + p[0], 1 + rnd.nextInt(5), 20 + rnd.nextInt(40), 0.15, 4, 0, VolumeDelay.BPR);
            }
        }
        return b.build();
    }

    static TrafficClass gridDemand(FlowNetwork net, double scale) {
        int z = net.zoneCount();
        java.util.Random rnd = new java.util.Random(z);
        double[] d = new double[z * z];
        for (int o = 0; o < z; o++) {
            for (int t = 0; t < z; t++) if (o != t && rnd.nextInt(4) == 0) d[o * z + t] = scale * rnd.nextDouble();
        }
        return TrafficClass.of("cars", z, d);
    }

    /**
     * A loader with costs outside the flow links: route A costs 10 plus the congested link 1 + v, route B costs 20 on
     * an uncongested link. 15 units split where both cost 20: 9 on A, 6 on B.
     */
    @ParameterizedTest
    @EnumSource(value = AssignmentMethod.class, names = {"FW", "CFW", "BFW"})
    void baseCostsOfACustomLoaderEnterTheEquilibrium(AssignmentMethod method) {
        FlowNetwork net = FlowNetwork.builder(2, 1, 0)
                .link(0, 1, 1, 1, 1, 1, 0, VolumeDelay.BPR)
                .link(0, 1, 0, 1, 0, 1, 0, VolumeDelay.BPR)
                .build();
        double demand = 15;
        PathLoader loader = (c, cost, volumes) -> {
            java.util.Arrays.fill(volumes, 0);
            double a = 10 + cost[0];
            double b = 20 + cost[1];
            boolean viaA = a <= b;
            volumes[viaA ? 0 : 1] = demand;
            return new PathLoader.LoadCost(demand * Math.min(a, b), demand * (viaA ? 10 : 20));
        };
        TrafficClass cls = TrafficClass.of("freight", 1, new double[] {0});
        AssignmentResult r = Equilibrium.solve(net, List.of(cls), loader,
                new AssignmentSettings(method, 1e-9, 10_000, 1), null);
        assertThat(r.converged()).isTrue();
        assertThat(r.volume()[0]).isCloseTo(9, within(1e-5));
        assertThat(r.volume()[1]).isCloseTo(6, within(1e-5));
    }
}
