package org.caravan.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caravan.chart.ChartKind;
import org.caravan.chart.DistanceChart;
import org.caravan.chart.PngChart;
import org.caravan.chart.SvgChart;
import org.caravan.routing.Route;

/** {@code --chart FILE} and {@code --chart-kind}: the time/cost-distance chart of routes, as SVG or PNG by extension. */
final class ChartOutput {
    private ChartOutput() {}

    /** Checked before any routing, so a typo in the file name fails fast with exit code 2. */
    static void checkOptions(Path chart, String kind) {
        if (chart != null) format(chart);
        try {
            ChartKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--chart-kind: " + e.getMessage());
        }
    }

    private static String format(Path chart) {
        String name = chart.getFileName() == null ? "" : chart.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) return "svg";
        if (name.endsWith(".png")) return "png";
        throw new UserInputException("--chart: " + chart + ": the file name must end in .svg or .png");
    }

    /** Writes the chart of {@code routes} (named in the legend by {@code names}) to {@code chart}. */
    static void write(Path chart, String kind, String title, List<String> names, List<Route> routes) {
        ChartKind k = ChartKind.parse(kind);
        DistanceChart model = DistanceChart.of(k, names, routes);
        String fullTitle = title + (k == ChartKind.TIME ? ": time-distance" : ": cost-distance");
        try {
            if (format(chart).equals("png")) {
                Files.write(chart, PngChart.render(model, fullTitle));
            } else {
                Files.writeString(chart, SvgChart.render(model, fullTitle), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UserInputException("--chart: cannot write " + chart + ": " + e.getMessage());
        }
    }

    /** "Almaty – Karachi": the places the route joins (a route with no legs is named by its node). */
    static String title(Route r) {
        if (r.legs().isEmpty()) return r.nodes().get(0);
        return r.legs().get(0).fromName() + " – " + r.legs().get(r.legs().size() - 1).toName();
    }

    /**
     * Legend names for a plan's routes: the rank and the crossings that set each apart. Crossings every route
     * shares are left out (they would fill the legend and tell nothing), unless there is only one route.
     */
    static List<String> routeNames(List<Route> routes) {
        java.util.Set<String> common = new java.util.HashSet<>(routes.get(0).crossingNames());
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
