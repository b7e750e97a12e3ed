package org.caravan.server;

import io.javalin.http.Context;
import java.util.List;
import org.caravan.place.RouteParameter;
import org.caravan.place.RouteParameter.Group;
import org.caravan.place.RouteParameters;
import org.caravan.place.RouteQuery;
import org.caravan.routing.Restriction;

/**
 * Reads a route question from the query string, parameter by parameter of the core's table
 * ({@link RouteParameters}): the same names, kinds, ranges (the public bounds) and defaults as the command line's
 * route options, so the two cannot drift. Repeated parameters and comma-separated values both work for lists.
 */
final class RouteParams {
    private RouteParams() {}

    /** The parameters of {@code groups} as given (from and to only if {@link Group#ENDS} is asked). */
    static RouteQuery.Builder read(Context ctx, Group... groups) {
        RouteQuery.Builder b = RouteQuery.builder().publicRequest(true);
        for (RouteParameter p : RouteParameters.of(groups)) {
            List<String> values = ctx.queryParams(p.name());
            if (!values.isEmpty()) b.parameter(p.name(), values);
        }
        return b;
    }

    /** A restriction as the API writes it: {@code avoid=AF,CN}. */
    static String word(Restriction r) {
        return r.kind() == Restriction.Kind.OPERATIONAL_ONLY
                ? "operational links only (" + r.kind().parameter() + "=true would add planned and under-construction"
                    + " links)"
                : r.kind().parameter() + "=" + String.join(",", r.values());
    }

    /** Every route parameter: the places, the restrictions, reliability and the multi-route search. */
    static RouteQuery all(Context ctx) {
        return read(ctx, Group.ENDS, Group.QUERY, Group.RELIABILITY, Group.SEARCH).build();
    }
}
