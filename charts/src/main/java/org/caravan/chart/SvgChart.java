package org.caravan.chart;

import java.util.Locale;
import org.caravan.network.Mode;

/**
 * Writes a {@link DistanceChart} as a standalone SVG document (a viewBox, so it scales). Each leg is a
 * {@code <line class="leg">} and each crossing or transshipment a {@code <line class="jump">}, each with a
 * {@code <title>} so a browser shows the leg on hover; every series ends in a {@code <circle class="end">} whose
 * {@code data-km} and {@code data-value} are the route's totals.
 */
public final class SvgChart {
    private SvgChart() {}

    public static String render(DistanceChart chart, String title) {
        ChartLayout l = ChartLayout.of(chart);
        StringBuilder s = new StringBuilder(16_384);
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"distance-chart\" viewBox=\"0 0 ")
                .append(l.width()).append(' ').append(l.height()).append("\" width=\"").append(l.width())
                .append("\" height=\"").append(l.height()).append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        s.append("<title>").append(esc(title)).append("</title>\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        s.append("<text x=\"").append(l.left()).append("\" y=\"18\" font-size=\"13\" font-weight=\"bold\">")
                .append(esc(title)).append("</text>\n");
        axes(s, l);
        for (int i = 0; i < chart.series().size(); i++) series(s, chart, l, i);
        for (ChartLayout.Label lb : l.labels(chart)) {
            s.append("<text class=\"jump-label\" x=\"").append(num(lb.x())).append("\" y=\"").append(num(lb.y()))
                    .append(lb.anchorEnd() ? "\" text-anchor=\"end" : "").append("\" fill=\"")
                    .append(ChartLayout.jumpColour(lb.type())).append("\" font-size=\"").append(ChartLayout.LABEL_SIZE)
                    .append("\">").append(esc(lb.text())).append("</text>\n");
        }
        legend(s, chart, l);
        s.append("</svg>\n");
        return s.toString();
    }

    private static void axes(StringBuilder s, ChartLayout l) {
        int x0 = l.left();
        int y0 = l.top() + l.plotHeight();
        s.append("<g class=\"axes\" stroke=\"#9e9e9e\">\n");
        for (ChartLayout.Tick t : l.xTicks()) {
            String x = num(l.x(t.value()));
            s.append("<line x1=\"").append(x).append("\" y1=\"").append(l.top()).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(y0).append("\" stroke=\"#eeeeee\"/>\n");
            s.append("<text x=\"").append(x).append("\" y=\"").append(y0 + 16)
                    .append("\" text-anchor=\"middle\" stroke=\"none\" fill=\"#424242\">").append(esc(t.label()))
                    .append("</text>\n");
        }
        for (ChartLayout.Tick t : l.yTicks()) {
            String y = num(l.y(t.value()));
            s.append("<line x1=\"").append(x0).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(x0 + l.plotWidth()).append("\" y2=\"").append(y).append("\" stroke=\"#eeeeee\"/>\n");
            s.append("<text x=\"").append(x0 - 6).append("\" y=\"").append(num(l.y(t.value()) + 4))
                    .append("\" text-anchor=\"end\" stroke=\"none\" fill=\"#424242\">").append(esc(t.label()))
                    .append("</text>\n");
        }
        s.append("<line x1=\"").append(x0).append("\" y1=\"").append(y0).append("\" x2=\"").append(x0 + l.plotWidth())
                .append("\" y2=\"").append(y0).append("\"/>\n");
        s.append("<line x1=\"").append(x0).append("\" y1=\"").append(l.top()).append("\" x2=\"").append(x0)
                .append("\" y2=\"").append(y0).append("\"/>\n");
        s.append("<text x=\"").append(x0 + l.plotWidth() / 2).append("\" y=\"").append(y0 + 40)
                .append("\" text-anchor=\"middle\" stroke=\"none\" fill=\"#212121\">").append(esc(l.xTitle()))
                .append("</text>\n");
        int cy = l.top() + l.plotHeight() / 2;
        s.append("<text x=\"20\" y=\"").append(cy).append("\" transform=\"rotate(-90 20 ").append(cy)
                .append(")\" text-anchor=\"middle\" stroke=\"none\" fill=\"#212121\">").append(esc(l.yTitle()))
                .append("</text>\n");
        s.append("</g>\n");
    }

    private static void series(StringBuilder s, DistanceChart chart, ChartLayout l, int i) {
        DistanceChart.Series se = chart.series().get(i);
        String dash = ChartLayout.dash(i);
        String dashAttr = dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"";
        s.append("<g class=\"series\" data-name=\"").append(esc(se.name())).append("\">\n");
        for (DistanceChart.Segment g : se.segments()) {
            s.append("<line class=\"leg\" data-mode=\"").append(g.mode().name().toLowerCase(Locale.ROOT))
                    .append("\" x1=\"").append(num(l.x(g.km0()))).append("\" y1=\"").append(num(l.y(g.value0())))
                    .append("\" x2=\"").append(num(l.x(g.km1()))).append("\" y2=\"").append(num(l.y(g.value1())))
                    .append("\" stroke=\"").append(ChartLayout.colour(g.mode())).append("\" stroke-width=\"3\"")
                    .append(dashAttr).append(" stroke-linecap=\"round\"><title>").append(esc(legTitle(se, g)))
                    .append("</title></line>\n");
        }
        for (DistanceChart.Jump j : se.jumps()) {
            double x = l.x(j.km1());
            s.append("<line class=\"jump\" data-type=\"").append(j.type().name().toLowerCase(Locale.ROOT))
                    .append("\" x1=\"").append(num(l.x(j.km0()))).append("\" y1=\"").append(num(l.y(j.value0())))
                    .append("\" x2=\"").append(num(x)).append("\" y2=\"").append(num(l.y(j.value1())))
                    .append("\" stroke=\"").append(ChartLayout.jumpColour(j.type())).append("\" stroke-width=\"3\"")
                    .append(dashAttr).append("><title>").append(esc(se.name() + ": " + j.label(chart.kind())))
                    .append("</title></line>\n");
        }
        s.append("<circle class=\"end\" data-km=\"").append(String.format(Locale.ROOT, "%.3f", se.endKm()))
                .append("\" data-value=\"").append(String.format(Locale.ROOT, "%.3f", se.endValue()))
                .append("\" cx=\"").append(num(l.x(se.endKm()))).append("\" cy=\"").append(num(l.y(se.endValue())))
                .append("\" r=\"4\" fill=\"#212121\"><title>").append(esc(se.name() + ": " + totalLabel(chart, se)))
                .append("</title></circle>\n");
        s.append("</g>\n");
    }

    private static void legend(StringBuilder s, DistanceChart chart, ChartLayout l) {
        int x = l.left() + l.plotWidth() + 20;
        int y = l.top() + 10;
        s.append("<g class=\"legend\">\n");
        ChartLayout.LegendRows rows = l.legendRows(chart.series().size());
        for (int i = 0; i < rows.shown(); i++) {
            DistanceChart.Series se = chart.series().get(i);
            String dash = ChartLayout.dash(i);
            s.append("<line x1=\"").append(x).append("\" y1=\"").append(y).append("\" x2=\"").append(x + 28)
                    .append("\" y2=\"").append(y).append("\" stroke=\"#212121\" stroke-width=\"2.5\"")
                    .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"").append("/>\n");
            s.append("<text class=\"series-name\" x=\"").append(x + 34).append("\" y=\"").append(y + 4).append("\">")
                    .append(esc(legendName(se.name()))).append("</text>\n");
            if (rows.withTotals()) {
                s.append("<text class=\"total\" x=\"").append(x + 34).append("\" y=\"").append(y + 18)
                        .append("\" fill=\"#616161\" font-size=\"10\">").append(esc(totalLabel(chart, se)))
                        .append("</text>\n");
            }
            y += rows.rowHeight();
        }
        if (rows.shown() < chart.series().size()) {
            s.append("<text x=\"").append(x + 34).append("\" y=\"").append(y + 4).append("\" fill=\"#616161\">+")
                    .append(chart.series().size() - rows.shown()).append(" more routes</text>\n");
            y += rows.rowHeight();
        }
        y += 6;
        for (Mode m : Mode.CARRIER_MODES) {
            s.append("<line x1=\"").append(x).append("\" y1=\"").append(y).append("\" x2=\"").append(x + 28)
                    .append("\" y2=\"").append(y).append("\" stroke=\"").append(ChartLayout.colour(m))
                    .append("\" stroke-width=\"3\"/>\n");
            s.append("<text x=\"").append(x + 34).append("\" y=\"").append(y + 4).append("\">")
                    .append(m.name().toLowerCase(Locale.ROOT)).append("</text>\n");
            y += 18;
        }
        for (DistanceChart.Jump.Type t : DistanceChart.Jump.Type.values()) {
            s.append("<line x1=\"").append(x + 14).append("\" y1=\"").append(y - 7).append("\" x2=\"").append(x + 14)
                    .append("\" y2=\"").append(y + 7).append("\" stroke=\"").append(ChartLayout.jumpColour(t))
                    .append("\" stroke-width=\"3\"/>\n");
            s.append("<text x=\"").append(x + 34).append("\" y=\"").append(y + 4).append("\">")
                    .append(t == DistanceChart.Jump.Type.CROSSING ? "border crossing" : "transshipment / gauge break")
                    .append("</text>\n");
            y += 18;
        }
        s.append("</g>\n");
    }

    static String legTitle(DistanceChart.Series se, DistanceChart.Segment g) {
        return String.format(Locale.ROOT, "%s: %s → %s, %s, %,.0f km, %.1f h, USD %,.0f", se.name(), g.from(), g.to(),
                g.mode().name().toLowerCase(Locale.ROOT), g.km(), g.hours(), g.usd());
    }

    /** Legend names are cut to fit the legend column; the full name stays in the hover titles. */
    static String legendName(String name) {
        return name.length() <= 28 ? name : name.substring(0, 27) + "…";
    }

    static String totalLabel(DistanceChart chart, DistanceChart.Series se) {
        return String.format(Locale.ROOT, "%,.0f km, %s", se.endKm(), chart.formatValue(se.endValue()));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** XML escaping for text and attribute values (place names come from data files). */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    // Control characters are not allowed in XML 1.0; drop them rather than emit a broken file.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') b.append(c);
                }
            }
        }
        return b.toString();
    }
}
