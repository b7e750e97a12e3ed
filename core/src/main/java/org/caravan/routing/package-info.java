/**
 * Routing: the exact least-cost search over (node, carrier) states ({@link org.caravan.routing.Router}), the
 * request with its objective and restrictions, and the route answer (legs, crossings, transshipments, totals)
 * or the reason there is none. The single-objective search runs on {@code StateGraph} (the
 * states as an {@code org.caravan.graph.CompactGraph}); {@link org.caravan.routing.CostMatrix} answers
 * many-to-many. Front ends call {@code Router.route}; nothing here formats output.
 */
package org.caravan.routing;
