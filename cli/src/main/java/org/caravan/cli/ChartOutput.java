package org.caravan.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    static void write(java.io.PrintWriter err, Path chart, String kind, String title, List<String> names, List<Route> routes) {
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
        TextOutput.wrote(err, chart);
    }
}
