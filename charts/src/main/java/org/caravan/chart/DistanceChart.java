package org.caravan.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caravan.network.Mode;
import org.caravan.routing.Leg;
import org.caravan.routing.Route;
import org.caravan.routing.Transshipment;

/**
 * The UNESCAP time/cost-distance chart of one or more routes, as data: for each route a line of sloped legs
 * (distance on x, cumulative hours or USD on y) broken by vertical jumps where a border crossing or a
 * transshipment costs time or money without moving the cargo far. Renderers ({@link SvgChart}, {@link PngChart})
 * draw this model and nothing else, so both pictures show the same numbers.
 *
 * <p>A leg's fixed cost (paid on the first link after loading or a mode change, and included in that leg's usd)
 * is drawn as part of the leg's slope, not as a jump: the route's own legs carry it that way.
 */
public record DistanceChart(ChartKind kind, List<Series> series) {

    /** One route: its segments and jumps in travel order; the end point equals the route's totals. */
    public record Series(String name, List<Segment> segments, List<Jump> jumps, double endKm, double endValue) {}

    /** A leg travelled: from (km0, value0) to (km1, value1), coloured by its mode. */
    public record Segment(double km0, double value0, double km1, double value1, Mode mode, String from, String to,
            double km, double hours, double usd) {}

    /**
     * A crossing or transshipment: a near-vertical step. A crossing link has a few km of its own, so its step
     * runs from km0 to km1; a transshipment happens at one place (km0 == km1).
     */
    public record Jump(double km0, double value0, double km1, double value1, Type type, String name, double hours,
            double usd) {
        public enum Type { CROSSING, TRANSSHIPMENT, DWELL }

        /** The label shown beside the jump: the place and what it costs on this chart's axis. */
        public String label(ChartKind kind) {
            return name + ": " + (kind == ChartKind.TIME ? formatHours(hours) : formatUsd(usd));
        }
    }

    /** One series per route, named by the caller (e.g. "1 cost-best", "baseline"). */
    public static DistanceChart of(ChartKind kind, List<String> names, List<Route> routes) {
        if (names.size() != routes.size()) throw new IllegalArgumentException("one name per route");
        List<Series> out = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) out.add(series(kind, names.get(i), routes.get(i)));
        return new DistanceChart(kind, List.copyOf(out));
    }

    /**
     * Walks legs and transshipments in travel order: a transshipment at node X is handled after the leg that
     * ends at X (equivalently, before the leg that leaves X), which is how {@code RouteAssembler} records it.
     */
    static Series series(ChartKind kind, String name, Route route) {
        List<Segment> segments = new ArrayList<>();
        List<Jump> jumps = new ArrayList<>();
        List<Transshipment> ts = route.transshipments();
        int ti = 0;
        double km = 0;
        double v = 0;
        // Terminal dwells (in the timeline only) by the number of legs travelled before them.
        java.util.Map<Integer, List<org.caravan.routing.TimeStep>> dwells = new java.util.HashMap<>();
        int legsBefore = 0;
        for (org.caravan.routing.TimeStep step : route.timeline()) {
            if (step.legIndex() >= 0) legsBefore = step.legIndex() + 1;
            if (step.kind() == org.caravan.routing.TimeStep.Kind.DWELL) {
                dwells.computeIfAbsent(legsBefore, x -> new ArrayList<>()).add(step);
            }
        }
        int li = 0;
        for (Leg leg : route.legs()) {
            for (org.caravan.routing.TimeStep d : dwells.getOrDefault(li++, List.of())) {
                double dv = kind == ChartKind.TIME ? d.hours() : 0;
                jumps.add(new Jump(km, v, km, v + dv, Jump.Type.DWELL, d.name(), d.hours(), 0));
                v += dv;
            }
            while (ti < ts.size() && ts.get(ti).at().equals(leg.from())) {
                Transshipment t = ts.get(ti++);
                double dv = kind == ChartKind.TIME ? t.hours() : t.usd();
                jumps.add(new Jump(km, v, km, v + dv, Jump.Type.TRANSSHIPMENT, t.atName() + " (" + t.reason() + ")",
                        t.hours(), t.usd()));
                v += dv;
            }
            double dv = kind == ChartKind.TIME ? leg.hours() : leg.usd();
            if (leg.mode() == Mode.CROSSING) {
                jumps.add(new Jump(km, v, km + leg.km(), v + dv, Jump.Type.CROSSING, crossingName(route, leg),
                        leg.hours(), leg.usd()));
            } else {
                segments.add(new Segment(km, v, km + leg.km(), v + dv, leg.mode(), leg.fromName(), leg.toName(),
                        leg.km(), leg.hours(), leg.usd()));
            }
            km += leg.km();
            v += dv;
        }
        for (org.caravan.routing.TimeStep d : dwells.getOrDefault(li, List.of())) {
            double dv = kind == ChartKind.TIME ? d.hours() : 0;
            jumps.add(new Jump(km, v, km, v + dv, Jump.Type.DWELL, d.name(), d.hours(), 0));
            v += dv;
        }
        // Transshipments not yet placed (none on a well-formed route) still count, at the end, so totals hold.
        while (ti < ts.size()) {
            Transshipment t = ts.get(ti++);
            double dv = kind == ChartKind.TIME ? t.hours() : t.usd();
            jumps.add(new Jump(km, v, km, v + dv, Jump.Type.TRANSSHIPMENT, t.atName() + " (" + t.reason() + ")",
                    t.hours(), t.usd()));
            v += dv;
        }
        return new Series(name, List.copyOf(segments), List.copyOf(jumps), km, v);
    }

    /** The crossing's own name (from the route's crossing list), else the two sides' names. */
    private static String crossingName(Route route, Leg leg) {
        return route.crossings().stream().filter(c -> c.id().equals(leg.linkId())).map(c -> c.name()).findFirst()
                .orElse(leg.fromName() + " / " + leg.toName());
    }

    public double maxKm() {
        return series.stream().mapToDouble(Series::endKm).max().orElse(0);
    }

    public double maxValue() {
        return series.stream().mapToDouble(Series::endValue).max().orElse(0);
    }

    static String formatHours(double h) {
        return h >= 48 ? String.format(Locale.ROOT, "%.0f h (%.1f d)", h, h / 24) : String.format(Locale.ROOT, "%.1f h", h);
    }

    static String formatUsd(double usd) {
        return String.format(Locale.ROOT, "USD %,.0f", usd);
    }

    /** The end value as text: the route's total hours or USD. */
    public String formatValue(double value) {
        return kind == ChartKind.TIME ? formatHours(value) : formatUsd(value);
    }
}
