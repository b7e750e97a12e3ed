package org.caravan.routing;

import java.util.List;

/**
 * The Pareto-optimal routes of a request over cost, time, risk and CO2, best first by the request's objective.
 *
 * @param truncated true when the label cap or time budget stopped the search: the routes are non-dominated
 *                  among themselves but more may exist
 * @param labels    labels created, a measure of the work done
 */
public record ParetoResult(RouteRequest request, List<Route> routes, boolean truncated, int labels, NoRoute noRoute) {}
