package org.caravan.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * The Pareto-optimal routes of a request over cost, time, risk and CO2, best first by the request's objective.
 *
 * @param truncated true when the label cap or time budget stopped the search: the routes are non-dominated
 *                  among themselves but more may exist
 * @param labels    labels created, a measure of the work done
 * @param tolerance 0 for the exact set; otherwise the relative tolerance it was thinned with (see {@link #thinned})
 */
public record ParetoResult(RouteRequest request, List<Route> routes, boolean truncated, int labels, NoRoute noRoute,
        double tolerance) {

    public ParetoResult(RouteRequest request, List<Route> routes, boolean truncated, int labels, NoRoute noRoute) {
        this(request, routes, truncated, labels, noRoute, 0);
    }

    /**
     * The set thinned for reading: walking the routes best first, a route is dropped when a route already kept is
     * within {@code tolerance} (relative, e.g. 0.02 = 2 %) of it on every criterion, i.e. it offers no trade-off
     * worth a row. With 0 nothing is dropped (the exact set has no dominated route).
     */
    public ParetoResult thinned(double tolerance) {
        if (tolerance < 0) throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        if (tolerance == 0) return this;
        List<Route> kept = new ArrayList<>();
        for (Route r : routes) {
            boolean close = false;
            for (Route k : kept) {
                if (within(k, r, tolerance)) {
                    close = true;
                    break;
                }
            }
            if (!close) kept.add(r);
        }
        return new ParetoResult(request, List.copyOf(kept), truncated, labels, noRoute, tolerance);
    }

    /** Route a is no worse than route b by more than the tolerance on any criterion. */
    private static boolean within(Route a, Route b, double t) {
        double ca = a.totals().usd() + a.totals().penaltyUsd();
        double cb = b.totals().usd() + b.totals().penaltyUsd();
        return ca <= cb * (1 + t) + 1e-9
                && a.totals().hours() <= b.totals().hours() * (1 + t) + 1e-9
                && a.risk().riskKm() <= b.risk().riskKm() * (1 + t) + 1e-9
                && a.totals().co2Kg() <= b.totals().co2Kg() * (1 + t) + 1e-9;
    }
}
