package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.caravan.network.Mode;
import org.caravan.network.Network;

/**
 * {@link Router#weightedStates} is the router's own question as plain arcs: a textbook Dijkstra over them, from
 * the seeds to any target state, finds the optimum of the router's assembled route (generalized cost per unit,
 * hours or km), on the embedded network with random places, cargo, closures, avoided countries, modes and country
 * penalties. The benchmark's JGraphT reference graph is built from it.
 */
class WeightedStatesProperties {
    private static final Router ROUTER = EmbeddedRouter.ROUTER;
    private static final List<String> PLACES = EmbeddedRouter.PLACES;
    private static final List<String> COUNTRIES = EmbeddedRouter.COUNTRIES;

    @Property(tries = 150)
    void plainDijkstraOnTheExportFindsTheRoutersOptimum(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        Random rnd = new Random(seed);
        Network net = ROUTER.network();
        String from = PLACES.get(rnd.nextInt(PLACES.size()));
        String to = PLACES.get(rnd.nextInt(PLACES.size()));
        List<String> cargos = List.copyOf(ROUTER.costModel().profileNames());
        Objective objective = List.of(Objective.COST, Objective.TIME, Objective.DISTANCE).get(rnd.nextInt(3));
        Set<String> closedLinks = new LinkedHashSet<>();
        int closures = rnd.nextInt(3) == 0 ? 0 : 1 + rnd.nextInt(25);
        for (int i = 0; i < closures; i++) closedLinks.add(net.link(rnd.nextInt(net.linkCount())).id());
        Set<String> avoid = rnd.nextInt(3) == 0 ? Set.of(COUNTRIES.get(rnd.nextInt(COUNTRIES.size()))) : Set.of();
        Set<Mode> modes = EnumSet.noneOf(Mode.class);
        for (Mode m : List.of(Mode.ROAD, Mode.RAIL, Mode.SEA, Mode.FERRY)) if (rnd.nextInt(4) != 0) modes.add(m);
        if (modes.isEmpty()) modes.add(Mode.ROAD);
        Map<String, Double> penalties = rnd.nextInt(3) == 0
                ? Map.of(COUNTRIES.get(rnd.nextInt(COUNTRIES.size())), 50.0 + rnd.nextInt(2000)) : Map.of();
        RouteRequest request = new RouteRequest(from, to, List.of(), cargos.get(rnd.nextInt(cargos.size())), null,
                objective, avoid, Set.of(), closedLinks, modes, rnd.nextBoolean(), null, penalties);
        WeightedStates g;
        RouteResult r;
        try {
            g = ROUTER.weightedStates(request);
            r = ROUTER.route(request);
        } catch (InvalidRequestException e) {
            Statistics.collect("refused");
            return;
        }
        double best = dijkstra(g);
        Statistics.collect(r.found() ? "route" : "no route");
        if (!r.found()) {
            assertThat(best).as("no route either way").isInfinite();
            return;
        }
        Route route = r.route();
        double expected = switch (objective) {
            // The drivers' rest is counted over the assembled trip, not on the arcs (RouterReferenceProperties).
            case COST -> route.totals().generalizedUsd() / route.units()
                    - ROUTER.costModel().profiles().get(route.cargo()).valueOfTimeUsdPerHour()
                    * RouterReferenceProperties.restHours(route);
            case TIME -> route.totals().hours() - RouterReferenceProperties.restHours(route);
            default -> route.totals().km();
        };
        assertThat(best).as(objective + " optimum").isCloseTo(expected, org.assertj.core.data.Offset.offset(
                1e-9 * Math.max(1, Math.abs(expected))));
    }

    /** A textbook Dijkstra (lazy deletion, java.util.PriorityQueue) over the exported arcs. */
    static double dijkstra(WeightedStates g) {
        int n = g.states();
        int[] start = new int[n + 1];
        for (int t : g.tail()) start[t + 1]++;
        for (int v = 0; v < n; v++) start[v + 1] += start[v];
        int[] fill = Arrays.copyOf(start, n);
        int[] order = new int[g.arcCount()];
        for (int a = 0; a < g.arcCount(); a++) order[fill[g.tail()[a]]++] = a;
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        PriorityQueue<double[]> heap = new PriorityQueue<>((x, y) -> Double.compare(x[0], y[0]));
        for (int i = 0; i < g.seeds().length; i++) {
            int s = g.seeds()[i];
            if (g.seedWeight()[i] < dist[s]) {
                dist[s] = g.seedWeight()[i];
                heap.add(new double[] {dist[s], s});
            }
        }
        boolean[] target = new boolean[n];
        for (int t : g.targets()) target[t] = true;
        while (!heap.isEmpty()) {
            double[] e = heap.poll();
            int v = (int) e[1];
            if (e[0] > dist[v]) continue;
            if (target[v]) return e[0];
            for (int p = start[v]; p < start[v + 1]; p++) {
                int a = order[p];
                double d = e[0] + g.weight()[a];
                if (d < dist[g.head()[a]]) {
                    dist[g.head()[a]] = d;
                    heap.add(new double[] {d, g.head()[a]});
                }
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
