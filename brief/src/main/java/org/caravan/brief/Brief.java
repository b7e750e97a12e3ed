package org.caravan.brief;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caravan.chart.RouteLabels;
import org.caravan.chart.ChartKind;
import org.caravan.chart.DistanceChart;
import org.caravan.chart.PngChart;
import org.caravan.chart.SvgChart;
import org.caravan.cost.CostModel;
import org.caravan.geo.CountryShapes;
import org.caravan.network.Link;
import org.caravan.network.Network;
import org.caravan.routing.CountryExposure;
import org.caravan.routing.CrossingUse;
import org.caravan.routing.Leg;
import org.caravan.routing.ReliabilityStats;
import org.caravan.routing.Route;
import org.caravan.routing.Transshipment;

/**
 * The corridor brief: a printable one-document summary of one or more routes for decision makers (docs/CHARTS.md,
 * "Corridor brief"). {@link #html()} is well-formed XHTML with the map and charts as inline SVG; {@link #pdf()}
 * renders the same content with openhtmltopdf (PDFBox), the pictures as PNG and the DejaVu fonts embedded so it
 * looks the same everywhere.
 */
public final class Brief {
    static final String FONT_FAMILY = "DejaVu Sans";
    private static final String FONT_DIR = "/org/caravan/brief/fonts/";

    /**
     * One route in the brief: its name (legend), the route, and the network and cost model it was planned on
     * (a scenario route refers to the scenario's network and costs).
     */
    public record Entry(String name, Route route, Network network, CostModel costs) {}

    private final String title;
    private final String subtitle;
    private final List<Entry> entries;
    private final CountryShapes shapes;

    /**
     * @param title    e.g. "Almaty → Karachi"
     * @param subtitle e.g. "container, 1 box; objective cost" (the cargo and request in words)
     */
    public Brief(String title, String subtitle, List<Entry> entries, CountryShapes shapes) {
        if (entries.isEmpty()) throw new IllegalArgumentException("a brief needs at least one route");
        this.title = title;
        this.subtitle = subtitle;
        this.entries = List.copyOf(entries);
        this.shapes = shapes;
    }

    /** A brief of a plan's routes (best first), all on one network and cost model. */
    public static Brief ofPlan(Network network, CostModel costs, List<Route> routes, String subtitle) {
        List<String> names = RouteLabels.routeNames(routes);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) entries.add(new Entry(names.get(i), routes.get(i), network, costs));
        return new Brief(RouteLabels.title(routes.get(0), "→"), subtitle, entries, CountryShapes.naturalEarth());
    }

    /**
     * A brief comparing a scenario with the baseline for one pair: the baseline route on the base network, the
     * scenario route on the scenario's. A side with no route is left out (the subtitle should say so).
     */
    public static Brief ofScenario(org.caravan.scenario.ScenarioRun run,
            org.caravan.scenario.ScenarioComparison.RoutePair pair, String subtitle) {
        List<Entry> entries = new ArrayList<>();
        if (pair.baseline() != null) {
            entries.add(new Entry("Baseline", pair.baseline(), run.base().network(), run.base().costs()));
        }
        if (pair.scenario() != null) {
            entries.add(new Entry("Scenario " + run.scenario().id(), pair.scenario(), run.network(), run.costs()));
        }
        if (entries.isEmpty()) throw new IllegalArgumentException("no route on either side");
        String sub = subtitle + (pair.baseline() == null ? "; no baseline route" : "")
                + (pair.scenario() == null ? "; no route under the scenario" : "");
        return new Brief(RouteLabels.title(entries.get(0).route(), "→"), sub, entries, CountryShapes.naturalEarth());
    }

    /** The brief as XHTML with inline SVG pictures. */
    public String html() {
        return render(false);
    }

    /** The brief as PDF (A4), fonts embedded. */
    public byte[] pdf() {
        String xhtml = render(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.withHtmlContent(xhtml, null);
            b.useFont(() -> font("DejaVuSans.ttf"), FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            b.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            b.toStream(out);
            b.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the brief as PDF", e);
        }
        return out.toByteArray();
    }

    private static InputStream font(String file) {
        InputStream in = Brief.class.getResourceAsStream(FONT_DIR + file);
        if (in == null) throw new IllegalStateException("missing classpath resource " + FONT_DIR + file);
        return in;
    }

    static Font awtFont() {
        try (InputStream in = font("DejaVuSans.ttf")) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            return new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        }
    }

    private String render(boolean pdf) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n<title>").append(esc("Corridor brief: " + title))
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>Corridor brief: ").append(esc(title)).append("</h1>\n");
        Network net0 = entries.get(0).network();
        h.append("<p class=\"sub\">").append(esc(subtitle)).append("<br/>Data: ").append(esc(net0.origin()))
                .append(" (").append(net0.nodeCount()).append(" places, ").append(net0.linkCount())
                .append(" links); brief made ").append(LocalDate.now(ZoneOffset.UTC)).append(" by Caravan.</p>\n");

        h.append("<h2>Map</h2>\n<div class=\"fig\">");
        List<BriefMap.Item> items = entries.stream().map(e -> new BriefMap.Item(e.name(), e.route(), e.network()))
                .toList();
        BriefMap map = BriefMap.of(items, shapes);
        if (pdf) h.append(img(map.png(awtFont()), "Map of the routes"));
        else h.append(map.svg());
        h.append("</div>\n<p class=\"note\">Country shapes: Natural Earth (public domain). Green dot: origin; red dot:"
                + " destination. Equirectangular projection; the scale bar holds at the map's middle latitude.</p>\n");

        h.append("<h2>Comparison</h2>\n<table>\n<tr><th>Route</th><th>km</th><th>days</th><th>p50 / p90 days</th>"
                + "<th>USD</th><th>t CO2</th><th>risk</th><th>crossings</th></tr>\n");
        for (Entry e : entries) {
            Route r = e.route();
            ReliabilityStats rel = r.reliability();
            h.append("<tr><td>").append(esc(e.name())).append("</td><td class=\"n\">").append(num(r.totals().km(), 0))
                    .append("</td><td class=\"n\">").append(num(r.totals().hours() / 24, 1))
                    .append("</td><td class=\"n\">")
                    .append(rel == null ? "–" : num(rel.p50Hours() / 24, 1) + " / " + num(rel.p90Hours() / 24, 1))
                    .append("</td><td class=\"n\">").append(num(r.totals().usd(), 0))
                    .append("</td><td class=\"n\">").append(num(r.totals().co2Kg() / 1000, 1))
                    .append("</td><td class=\"n\">").append(r.risk() == null ? "–" : num(r.risk().score(), 2))
                    .append("</td><td>").append(esc(String.join(", ", r.crossingNames()))).append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"note\">Costs and CO2 are for the whole shipment (")
                .append(esc(describeUnits(entries.get(0).route()))).append("). p50/p90: simulated median and 90th-"
                + "percentile transit time. Risk: 0 (none) to 1, the km-weighted country risk score.</p>\n");

        List<String> names = entries.stream().map(Entry::name).toList();
        List<Route> routes = entries.stream().map(Entry::route).toList();
        h.append("<h2>Time and cost along the way</h2>\n");
        for (ChartKind k : List.of(ChartKind.TIME, ChartKind.COST)) {
            DistanceChart c = DistanceChart.of(k, names, routes);
            String t = title + (k == ChartKind.TIME ? ": time-distance" : ": cost-distance");
            h.append("<div class=\"fig\">");
            if (pdf) h.append(img(PngChart.render(c, t), t));
            else h.append(SvgChart.render(c, t).replaceFirst("^<\\?xml[^>]*\\?>\\s*", ""));
            h.append("</div>\n");
        }

        for (Entry e : entries) routeSection(h, e);
        sources(h);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private void routeSection(StringBuilder h, Entry e) {
        Route r = e.route();
        h.append("<div class=\"route\">\n<h2>").append(esc(e.name())).append("</h2>\n");
        h.append("<p>").append(esc(String.join(" → ", places(r)))).append("</p>\n");
        h.append("<h3>Border crossings</h3>\n");
        if (r.crossings().isEmpty()) {
            h.append("<p>None.</p>\n");
        } else {
            h.append("<table>\n<tr><th>Crossing</th><th>countries</th><th>hours</th><th>p90 hours</th><th>USD</th>"
                    + "<th>source</th></tr>\n");
            for (CrossingUse c : r.crossings()) {
                h.append("<tr><td>").append(esc(c.name())).append("</td><td>").append(esc(c.fromCountry()))
                        .append(" → ").append(esc(c.toCountry())).append("</td><td class=\"n\">")
                        .append(num(c.hours(), 1)).append("</td><td class=\"n\">").append(num(c.p90Hours(), 1))
                        .append("</td><td class=\"n\">").append(num(c.usd(), 0)).append("</td><td class=\"src\">")
                        .append(esc(orNone(c.source()))).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h3>Transshipments</h3>\n");
        if (r.transshipments().isEmpty()) {
            h.append("<p>None.</p>\n");
        } else {
            h.append("<table>\n<tr><th>At</th><th>from → to</th><th>reason</th><th>hours</th><th>USD</th></tr>\n");
            for (Transshipment t : r.transshipments()) {
                h.append("<tr><td>").append(esc(t.atName())).append("</td><td>").append(esc(mode(t.fromMode())))
                        .append(" → ").append(esc(mode(t.toMode()))).append("</td><td>").append(esc(t.reason()))
                        .append("</td><td class=\"n\">").append(num(t.hours(), 1)).append("</td><td class=\"n\">")
                        .append(num(t.usd(), 0)).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h3>Exposure by country</h3>\n<table>\n<tr><th>Country</th><th>km</th><th>hours</th><th>USD</th>"
                + "<th>risk score</th><th>risk class</th></tr>\n");
        for (CountryExposure x : r.exposure()) {
            h.append("<tr><td>").append(esc(x.name())).append(" (").append(esc(x.country())).append(")</td>")
                    .append("<td class=\"n\">").append(num(x.km(), 0)).append("</td><td class=\"n\">")
                    .append(num(x.hours(), 1)).append("</td><td class=\"n\">").append(num(x.usd(), 0))
                    .append("</td><td class=\"n\">").append(num(x.riskScore(), 2)).append("</td><td>")
                    .append(esc(orNone(x.riskClass()))).append("</td></tr>\n");
        }
        h.append("</table>\n<h3>Reliability</h3>\n");
        ReliabilityStats rel = r.reliability();
        if (rel == null) {
            h.append("<p>Not simulated.</p>\n");
        } else {
            h.append("<p>Planned ").append(num(rel.deterministicHours() / 24, 1)).append(" days; simulated median ")
                    .append(num(rel.p50Hours() / 24, 1)).append(", mean ").append(num(rel.meanHours() / 24, 1))
                    .append(", 90th percentile ").append(num(rel.p90Hours() / 24, 1)).append(", 95th percentile ")
                    .append(num(rel.p95Hours() / 24, 1)).append(" days (").append(rel.samples())
                    .append(" Monte Carlo samples, seed ").append(rel.seed()).append(").</p>\n");
        }
        h.append("</div>\n");
    }

    /** Every link and crossing used and every cost-model value behind the figures, with source and confidence. */
    private void sources(StringBuilder h) {
        h.append("<h2>Data sources</h2>\n<p class=\"note\">Every figure above comes from these links, crossings and"
                + " cost-model values. Confidence: published (from a cited source) or estimated (a modelled"
                + " default).</p>\n<h3>Links and crossings used</h3>\n<table>\n<tr><th>Link</th><th>name</th>"
                + "<th>mode</th><th>source</th><th>confidence</th></tr>\n");
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (Entry e : entries) {
            for (Leg leg : e.route().legs()) {
                Link l = e.network().link(leg.linkId()).orElse(null);
                String name = l != null && l.name() != null && !l.name().isBlank() ? l.name()
                        : leg.fromName() + " – " + leg.toName();
                String src = l == null ? "(not in the network)" : orNone(l.source());
                String conf = l == null ? "–" : l.confidence() == null ? "–" : l.confidence().code();
                rows.putIfAbsent(leg.linkId() + "\u0000" + src, new String[] {leg.linkId(), name, mode(leg.mode()),
                    src, conf});
            }
            for (CrossingUse c : e.route().crossings()) {
                String src = orNone(c.source());
                String conf = e.network().link(c.id()).map(l -> l.confidence() == null ? "–" : l.confidence().code())
                        .orElse("–");
                rows.putIfAbsent(c.id() + "\u0000" + src, new String[] {c.id(), c.name() + " (crossing times)",
                    "crossing", src, conf});
            }
        }
        for (String[] row : rows.values()) {
            h.append("<tr><td>").append(esc(row[0])).append("</td><td>").append(esc(row[1])).append("</td><td>")
                    .append(esc(row[2])).append("</td><td class=\"src\">").append(esc(row[3])).append("</td><td>")
                    .append(esc(row[4])).append("</td></tr>\n");
        }
        h.append("</table>\n<h3>Cost-model values used</h3>\n<table>\n<tr><th>value</th><th>source</th>"
                + "<th>confidence</th></tr>\n");
        Map<String, CostModel.Source> used = new java.util.TreeMap<>();
        for (Entry e : entries) used.putAll(costSources(e.costs(), e.route().cargo()));
        for (Map.Entry<String, CostModel.Source> s : used.entrySet()) {
            h.append("<tr><td>").append(esc(s.getKey())).append("</td><td class=\"src\">")
                    .append(esc(orNone(s.getValue().source()))).append("</td><td>")
                    .append(esc(orNone(s.getValue().confidence()))).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /**
     * The cost-model sources behind a route of this cargo profile: every entry of that profile (per-mode rates,
     * transshipment, gauge change, value of time) and every entry outside the profiles (CO2 factors, delays).
     */
    public static Map<String, CostModel.Source> costSources(CostModel costs, String cargo) {
        Map<String, CostModel.Source> out = new java.util.TreeMap<>();
        for (Map.Entry<String, CostModel.Source> s : costs.sources().entrySet()) {
            String k = s.getKey();
            if (!k.startsWith("profiles.") || k.startsWith("profiles." + cargo + ".") || k.equals("profiles." + cargo)) {
                out.put(k, s.getValue());
            }
        }
        return out;
    }

    private static List<String> places(Route r) {
        List<String> out = new ArrayList<>();
        if (r.legs().isEmpty()) return r.nodes();
        out.add(r.legs().get(0).fromName());
        for (Leg l : r.legs()) if (l.mode() == org.caravan.network.Mode.CROSSING) out.add("[" + l.toName() + "]");
        out.add(r.legs().get(r.legs().size() - 1).toName());
        return out;
    }

    private static String describeUnits(Route r) {
        String units = num(r.units(), r.units() == Math.rint(r.units()) ? 0 : 1);
        return r.cargo() + ", " + units + " " + r.unit() + (r.tonnes() > 0 ? ", " + num(r.tonnes(), 0) + " t" : "");
    }

    private static String mode(org.caravan.network.Mode m) {
        return m == null ? "–" : m.name().toLowerCase(Locale.ROOT);
    }

    private static String img(byte[] png, String alt) {
        return "<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\" alt=\"" + esc(alt)
                + "\" style=\"width: 100%;\"/>";
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() ? "(no source given)" : s;
    }

    static String num(double v, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    /** XML-escapes text for element content and attribute values. */
    public static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') b.append(' ');
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            @page { size: A4; margin: 16mm 14mm 18mm 14mm; }
            body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #212121; line-height: 1.3; }
            h1 { font-size: 16pt; margin: 0 0 4pt 0; }
            h2 { font-size: 12.5pt; margin: 14pt 0 4pt 0; border-bottom: 1px solid #bdbdbd; page-break-after: avoid; }
            h3 { font-size: 10pt; margin: 8pt 0 3pt 0; page-break-after: avoid; }
            .sub { color: #555555; margin: 0 0 6pt 0; }
            .note { color: #616161; font-size: 8pt; }
            .fig { page-break-inside: avoid; margin: 4pt 0; }
            .fig svg { max-width: 100%; height: auto; }
            table { border-collapse: collapse; width: 100%; margin: 2pt 0 4pt 0; }
            th, td { border: 1px solid #d0d0d0; padding: 2pt 4pt; text-align: left; vertical-align: top; }
            th { background: #f0f0f0; }
            tr { page-break-inside: avoid; }
            td.n { text-align: right; white-space: nowrap; }
            td.src { font-size: 7.5pt; word-wrap: break-word; }
            .route { page-break-before: auto; }
            @media screen { body { max-width: 190mm; margin: 12mm auto; } }
            """;
}
