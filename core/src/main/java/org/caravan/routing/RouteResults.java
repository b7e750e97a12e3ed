package org.caravan.routing;

import java.util.List;

/** Several routes answering one request (alternatives), or the reason there is none. */
public record RouteResults(RouteRequest request, List<Route> routes, NoRoute noRoute) {}
