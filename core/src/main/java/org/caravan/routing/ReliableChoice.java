package org.caravan.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks the route with the lowest simulated 90th-percentile door-to-door time. A p90 does not add up along a
 * route, so no exact label search exists for it; instead Caravan simulates a set of strong candidates and keeps
 * the best: the fastest route by mean hours, the fastest by "pessimistic" hours (crossings at their p90, waits and
 * handling at theirs), the cheapest, the alternatives by pessimistic hours, and the Pareto set (with a small
 * budget). The candidates are screened by a normal approximation of their p90 and the best eight simulated.
 * Ties go to the lower mean, then the lower generalized cost.
 */
final class ReliableChoice {
    private static final int ALTERNATIVES = 4;
    private static final int PARETO_LABELS = 50_000;
    /** A safety net only: the label cap, not the clock, bounds the search, so answers do not depend on load. */
    private static final long PARETO_MILLIS = 30_000;
    private static final int SIMULATED = 8;

    private final Router router;
    private final int samples;
    private final long seed;

    ReliableChoice(Router router, int samples, long seed) {
        this.router = router;
        this.samples = samples;
        this.seed = seed;
    }

    Route choose(SearchSpace space) {
        double vot = space.profile.valueOfTimeUsdPerHour();
        List<Route> candidates = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        StateSearch.Weight pessimistic = StateSearch.Weight.of(Objective.RELIABLE, vot);
        StateSearch.Weight cost = StateSearch.Weight.of(Objective.COST, vot);
        for (Route r : new Alternatives(router).find(space, pessimistic, cost, ALTERNATIVES)) add(candidates, seen, r);
        for (Objective o : List.of(Objective.TIME, Objective.COST)) {
            StateSearch.Path p = router.shortest(space, o);
            if (p != null) add(candidates, seen, router.assemble(space, p));
        }
        ParetoSearch.Outcome front = new ParetoSearch(space, PARETO_LABELS, PARETO_MILLIS).run();
        for (StateSearch.Path p : front.paths()) add(candidates, seen, router.assemble(space, p));
        if (candidates.isEmpty()) return null;
        var delays = router.costModel().delays();
        // Screen with the normal approximation, then simulate the most promising few.
        candidates.sort(java.util.Comparator.comparingDouble(r -> Reliability.approximateP90(r, delays)));
        Route best = null;
        for (Route r : candidates.subList(0, Math.min(SIMULATED, candidates.size()))) {
            Route simulated = r.withReliability(router.reliability(r, samples, seed));
            if (best == null || better(simulated, best)) best = simulated;
        }
        return best;
    }

    private static void add(List<Route> candidates, Set<List<String>> seen, Route r) {
        List<String> key = new ArrayList<>(r.nodes());
        r.legs().forEach(l -> key.add(l.linkId() + "/" + l.cargoMode() + "/" + l.gauge()));
        if (seen.add(key)) candidates.add(r);
    }

    private static boolean better(Route a, Route b) {
        double pa = a.reliability().p90Hours();
        double pb = b.reliability().p90Hours();
        if (pa != pb) return pa < pb;
        if (a.reliability().meanHours() != b.reliability().meanHours()) {
            return a.reliability().meanHours() < b.reliability().meanHours();
        }
        return a.totals().generalizedUsd() < b.totals().generalizedUsd();
    }
}
