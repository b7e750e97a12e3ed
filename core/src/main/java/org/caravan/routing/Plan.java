package org.caravan.routing;

import java.util.List;

/**
 * The answer to a route question as front ends show it: one or more routes (each with its reliability
 * simulated), or why there is none, and a note on how the set was made (Pareto size, thinning, truncation).
 */
public record Plan(RouteRequest request, List<Route> routes, NoRoute noRoute, String note, boolean truncated) {
    public boolean found() { return !routes.isEmpty(); }
}
