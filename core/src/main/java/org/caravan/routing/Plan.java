package org.caravan.routing;

import java.util.List;

/**
 * The answer to a route question as front ends show it: one or more routes (each with its reliability
 * simulated), or why there is none, and a note on how the set was made (Pareto size, thinning, truncation), and
 * what each restriction did to the best route ({@code effects}).
 */
public record Plan(RouteRequest request, List<Route> routes, NoRoute noRoute, String note, boolean truncated,
        List<RestrictionEffect> effects) {
    public Plan {
        routes = List.copyOf(routes);
        effects = effects == null ? List.of() : List.copyOf(effects);
    }

    public boolean found() { return !routes.isEmpty(); }
}
