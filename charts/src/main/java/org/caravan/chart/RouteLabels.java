package org.caravan.chart;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.caravan.routing.Route;

/** How pictures name routes, shared by the chart files of the command line and the corridor brief. */
public final class RouteLabels {
    private RouteLabels() {}

    /** "Almaty → Karachi": the places the route joins (a route with no legs is named by its node). */
    public static String title(Route r, String arrow) {
        if (r.legs().isEmpty()) return r.nodes().get(0);
        return r.legs().get(0).fromName() + " " + arrow + " " + r.legs().get(r.legs().size() - 1).toName();
    }

    /**
     * Legend names: the rank and the crossings that set each route apart. Crossings every route shares are left
     * out (they would fill the legend and tell nothing), unless there is only one route.
     */
    public static List<String> routeNames(List<Route> routes) {
        Set<String> common = new HashSet<>(routes.get(0).crossingNames());
        if (routes.size() > 1) routes.forEach(r -> common.retainAll(r.crossingNames()));
        else common.clear();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            List<String> own = routes.get(i).crossingNames().stream().filter(c -> !common.contains(c)).toList();
            names.add("Route " + (i + 1) + (own.isEmpty() ? "" : " via " + String.join(", ", own)));
        }
        return names;
    }
}
