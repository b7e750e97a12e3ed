package org.caravan.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Answers a route question the way every front end shows it: one route, K alternatives or the Pareto set, each
 * with transit-time reliability from Monte Carlo. The command line and the HTTP API both call this, so they
 * give the same answers.
 */
public final class Planner {
    private final Router router;

    public Planner(Router router) { this.router = router; }

    public Router router() { return router; }

    public Plan plan(RouteRequest request, PlanOptions options) {
        List<Route> routes;
        NoRoute noRoute;
        String note = null;
        boolean truncated = false;
        var delays = router.costModel().delays();
        int samples = options.samples() != null ? options.samples() : delays.samples();
        long seed = options.seed() != null ? options.seed() : delays.seed();
        if (options.pareto()) {
            ParetoResult exact = router.pareto(request, options.maxLabels(), options.budgetMillis());
            ParetoResult shown = exact.thinned(options.paretoTolerance());
            routes = shown.routes();
            noRoute = shown.noRoute();
            truncated = exact.truncated();
            note = String.format(Locale.ROOT, "Pareto set over cost, time, risk and CO2: %d route(s)%s%s.",
                    exact.routes().size(),
                    shown.routes().size() < exact.routes().size() ? String.format(Locale.ROOT,
                            ", %d shown (each hidden one is within %s%% of a shown one on every criterion; "
                            + "a tolerance of 0 shows them all)", shown.routes().size(),
                            new java.math.BigDecimal(options.paretoTolerance() * 100).stripTrailingZeros()
                                    .toPlainString()) : "",
                    exact.truncated() ? "; TRUNCATED: the label or time budget ran out, more routes may exist" : "");
        } else if (options.alternatives() != null) {
            RouteResults res = router.alternatives(request, options.alternatives(), samples, seed);
            routes = res.routes();
            noRoute = res.noRoute();
            note = String.format(Locale.ROOT, "%d alternative(s) asked, %d found that differ in border crossings or "
                    + "modes.", options.alternatives(), routes.size());
        } else {
            RouteResult res = router.route(request, samples, seed);
            routes = res.found() ? List.of(res.route()) : List.of();
            noRoute = res.noRoute();
        }
        List<Route> simulated = new ArrayList<>();
        for (Route r : routes) {
            Cancellation.checkpoint();
            boolean reuse = r.reliability() != null && r.reliability().samples() == samples
                    && r.reliability().seed() == seed;
            simulated.add(reuse ? r : r.withReliability(router.reliability(r, samples, seed)));
        }
        List<RestrictionEffect> effects = RestrictionEffects.of(router, request,
                simulated.isEmpty() || options.pareto() ? null : simulated.get(0));
        return new Plan(request, List.copyOf(simulated), noRoute, note, truncated, effects);
    }
}
