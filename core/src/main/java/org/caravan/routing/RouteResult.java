package org.caravan.routing;

import java.util.Optional;

/** The answer to a {@link RouteRequest}: a route, or the reason there is none. */
public record RouteResult(RouteRequest request, Route route, NoRoute noRoute) {
    public boolean found() { return route != null; }

    public Optional<Route> routeOpt() { return Optional.ofNullable(route); }
}
