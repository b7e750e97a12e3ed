/**
 * Routing: the state graph of one request over (layer, node, carrier) states ({@code SearchSpace}), the exact
 * least-cost search ({@link org.caravan.routing.Router}, Dijkstra; the single-objective search runs on
 * {@code StateGraph}, the states as an {@code org.caravan.graph.CompactGraph}, timed requests on
 * {@code StateSearch}), many-to-many ({@link org.caravan.routing.CostMatrix}), the multi-criteria Pareto label
 * setting ({@code ParetoSearch}), different corridors ({@code Alternatives}), Monte Carlo transit times
 * ({@link org.caravan.routing.Reliability}), the request with its objective and restrictions, the route answer
 * (legs, crossings, transshipments, totals, timeline) or the reason there is none ({@link
 * org.caravan.routing.NoRoute}, as data: the restriction and what would connect the places). Front ends call
 * {@link org.caravan.routing.Planner#plan}; nothing here formats output or knows a front end's syntax.
 */
package org.caravan.routing;
