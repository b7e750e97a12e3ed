package org.caravan.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caravan.network.Mode;

/**
 * Where things go on the picture, shared by the SVG and PNG renderers so both look the same: the plot box,
 * the axis scales with round ticks (km on x; days or USD on y), and the colours (the web map's mode colours).
 */
record ChartLayout(int width, int height, int left, int top, int plotWidth, int plotHeight, double xMax, double yMax,
        List<Tick> xTicks, List<Tick> yTicks, String xTitle, String yTitle) {

    record Tick(double value, String label) {}

    static final int WIDTH = 1000;
    static final int HEIGHT = 560;
    /** Room on the right for the legend. */
    static final int LEGEND_WIDTH = 230;
    /** Jump labels: font size, and a rough glyph width for placing them without a font at hand (SVG). */
    static final int LABEL_SIZE = 10;
    static final double LABEL_CHAR_WIDTH = 5.6;

    /** Route line styles: overlaid routes share the mode colours, so they are told apart by dash pattern. */
    static final String[] DASHES = {"", "10 5", "3 4", "12 4 3 4", "1 6"};

    static ChartLayout of(DistanceChart chart) {
        int left = 80;
        int top = 30;
        int plotWidth = WIDTH - left - LEGEND_WIDTH - 20;
        int plotHeight = HEIGHT - top - 60;
        double xStep = niceStep(Math.max(chart.maxKm(), 1));
        double xMax = Math.ceil(Math.max(chart.maxKm(), 1) / xStep) * xStep;
        List<Tick> xTicks = new ArrayList<>();
        for (double x = 0; x <= xMax + 1e-9; x += xStep) xTicks.add(new Tick(x, String.format(Locale.ROOT, "%,.0f", x)));
        List<Tick> yTicks = new ArrayList<>();
        double yMax;
        String yTitle;
        if (chart.kind() == ChartKind.TIME) {
            // Ticks in whole days (or fractions for short trips), values stay in hours.
            double days = Math.max(chart.maxValue() / 24, 0.25);
            double step = niceStep(days);
            double maxDays = Math.ceil(days / step) * step;
            for (double d = 0; d <= maxDays + 1e-9; d += step) {
                yTicks.add(new Tick(d * 24, step < 1 ? String.format(Locale.ROOT, "%.1f", d)
                        : String.format(Locale.ROOT, "%.0f", d)));
            }
            yMax = maxDays * 24;
            yTitle = "Cumulative time (days)";
        } else {
            double usd = Math.max(chart.maxValue(), 1);
            double step = niceStep(usd);
            yMax = Math.ceil(usd / step) * step;
            for (double u = 0; u <= yMax + 1e-9; u += step) yTicks.add(new Tick(u, String.format(Locale.ROOT, "%,.0f", u)));
            yTitle = "Cumulative cost (USD)";
        }
        return new ChartLayout(WIDTH, HEIGHT, left, top, plotWidth, plotHeight, xMax, yMax, List.copyOf(xTicks),
                List.copyOf(yTicks), "Distance along the route (km)", yTitle);
    }

    /** A jump's label where it goes: {@code anchorEnd} puts the text left of x (near the right edge). */
    record Label(String text, double x, double y, boolean anchorEnd, DistanceChart.Jump.Type type) {}

    /**
     * Labels for jumps tall enough to see (at least 6 px), placed in series order. Overlaid routes often share
     * a crossing: the same text at the same spot is written once, and a label that would overlap one already
     * placed moves down a line at a time (twice at most, so it stays by its jump; else it is dropped and the hover
     * title still has it).
     */
    List<Label> labels(DistanceChart chart) {
        List<Label> out = new ArrayList<>();
        List<double[]> boxes = new ArrayList<>(); // x0, y0, x1, y1 of placed labels
        for (DistanceChart.Series se : chart.series()) {
            for (DistanceChart.Jump j : se.jumps()) {
                double yTop = y(j.value1());
                double yBottom = y(j.value0());
                if (yBottom - yTop < 6) continue;
                String text = j.label(chart.kind());
                double w = text.length() * LABEL_CHAR_WIDTH;
                double jx = x(j.km1());
                boolean anchorEnd = jx + 4 + w > left + plotWidth;
                double x0 = anchorEnd ? jx - 4 - w : jx + 4;
                double baseline = (yTop + yBottom) / 2 + 4;
                boolean duplicate = out.stream().anyMatch(l -> l.text().equals(text)
                        && Math.abs(l.x() - (anchorEnd ? jx - 4 : jx + 4)) < 2);
                if (duplicate) continue;
                for (int tries = 0; tries < 3; tries++) {
                    double[] box = {x0, baseline - LABEL_SIZE, x0 + w, baseline + 2};
                    if (boxes.stream().noneMatch(b -> b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3])) {
                        boxes.add(box);
                        out.add(new Label(text, anchorEnd ? jx - 4 : jx + 4, baseline, anchorEnd, j.type()));
                        break;
                    }
                    baseline += LABEL_SIZE + 2;
                }
            }
        }
        return out;
    }

    /** Height of the mode and jump key under the route entries in the legend. */
    static final int KEY_HEIGHT = 6 * 18 + 6;

    /**
     * Legend rows per route: name and totals (36 px) when all fit, else the name alone (16 px; the totals stay in
     * the end dot's hover title), and at most as many as fit, the rest summed up as "+N more" (a large Pareto set).
     */
    record LegendRows(int rowHeight, boolean withTotals, int shown) {}

    LegendRows legendRows(int series) {
        int room = height - top - 20 - KEY_HEIGHT;
        if (series * 36 <= room) return new LegendRows(36, true, series);
        int fit = room / 16;
        return new LegendRows(16, false, series <= fit ? series : fit - 1);
    }

    /** A round step (1, 2 or 5 × 10^n) giving about six ticks up to max. */
    static double niceStep(double max) {
        double raw = max / 6;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
    }

    double x(double km) {
        return left + km / xMax * plotWidth;
    }

    double y(double value) {
        return top + plotHeight - value / yMax * plotHeight;
    }

    /** Mode colours as on the web map (server/src/main/resources/web/js/palette.mjs, MODE_STYLE). */
    static String colour(Mode mode) {
        return switch (mode) {
            case RAIL -> "#4e342e";
            case ROAD -> "#f57c00";
            case SEA -> "#0277bd";
            case FERRY -> "#00897b";
            case CROSSING -> "#6a1b9a";
        };
    }

    static String jumpColour(DistanceChart.Jump.Type type) {
        return switch (type) {
            case CROSSING -> "#6a1b9a";
            case TRANSSHIPMENT -> "#c62828";
            case DWELL -> "#8d6e63"; // terminal dwell: train formation, wagon supply, release
        };
    }

    static String dash(int seriesIndex) {
        return DASHES[seriesIndex % DASHES.length];
    }
}
