package org.caravan.validation;

import java.util.Locale;
import org.caravan.place.RouteQuery;
import org.caravan.routing.Route;
import org.caravan.routing.TimeStep;

/**
 * One published figure to compare Caravan with: a route question (places and route options) and the range the
 * source gives. A single published figure has {@code low == high}; a figure the source gives as a bound ("at least
 * 28 hours") has {@code bound} {@link Bound#AT_LEAST} (or {@link Bound#AT_MOST}) and {@code low == high}; a figure
 * for one component of the trip (a border crossing) has its {@link Scope}.
 *
 * @param corridor a label for grouping the summary (free text; "" when the file has none)
 * @param options  the route options as written in the file ({@code key=value;key=value})
 * @param query    the question Caravan is asked: from, to and the options
 * @param line     where the row starts in its file, for messages
 */
public record Observation(
        String id,
        String corridor,
        String from,
        String to,
        String options,
        RouteQuery query,
        Quantity quantity,
        double low,
        double high,
        String source,
        String url,
        String date,
        String note,
        int line,
        Bound bound,
        Scope scope) {

    /** Whether the published figure is a range (or single figure) or an open bound. */
    public enum Bound {
        /** [low, high], compared within ±20 %. */
        RANGE(""),
        /** "at least low": any value from low up is in range (no tolerance below a stated minimum). */
        AT_LEAST("at_least"),
        /** "at most high": any value up to high is in range. */
        AT_MOST("at_most");

        private final String code;

        Bound(String code) { this.code = code; }

        public String code() { return code; }

        static java.util.Optional<Bound> parse(String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            for (Bound b : values()) if (b.code.equals(t)) return java.util.Optional.of(b);
            return java.util.Optional.empty();
        }
    }

    /** Which part of Caravan's route the figure is compared with. */
    public enum Scope {
        /** The whole trip (what the quantity says: door to door, or the running time for run_hours/run_days). */
        DOOR_TO_DOOR(""),
        /**
         * Only the border crossings of the route: the timeline's {@code crossing} steps (queue, formalities and the
         * expected wait for the posts' opening hours), for published border-crossing times (CAREC CPMM's TFI1).
         */
        CROSSING("crossing");

        private final String code;

        Scope(String code) { this.code = code; }

        public String code() { return code; }

        static java.util.Optional<Scope> parse(String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            if (t.equals("door_to_door")) return java.util.Optional.of(DOOR_TO_DOOR);
            for (Scope b : values()) if (b.code.equals(t)) return java.util.Optional.of(b);
            return java.util.Optional.empty();
        }
    }

    /** A range observation of the whole trip (the constructor before bounds and scopes). */
    public Observation(String id, String corridor, String from, String to, String options, RouteQuery query,
            Quantity quantity, double low, double high, String source, String url, String date, String note,
            int line) {
        this(id, corridor, from, to, options, query, quantity, low, high, source, url, date, note, line,
                Bound.RANGE, Scope.DOOR_TO_DOOR);
    }

    public Observation {
        bound = bound == null ? Bound.RANGE : bound;
        scope = scope == null ? Scope.DOOR_TO_DOOR : scope;
    }

    /**
     * The single figure a ratio is taken against: the geometric middle of the published range; for a bound, the
     * bound itself.
     */
    public double reference() {
        return switch (bound) {
            case RANGE -> Math.sqrt(low * high);
            case AT_LEAST -> low;
            case AT_MOST -> high;
        };
    }

    /** The rule: within ±20 % of the range ({@link Validator#inBand}); for a bound, on the stated side of it. */
    public boolean inRange(double v) {
        return switch (bound) {
            case RANGE -> Validator.inBand(v, low, high);
            case AT_LEAST -> v >= low - 1e-9 * Math.max(1, low);
            case AT_MOST -> v <= high + 1e-9 * Math.max(1, high);
        };
    }

    /** The lower end the calibration's residual measures from (0 for "at most"). */
    public double residualLow() { return bound == Bound.AT_MOST ? 0 : low; }

    /** The upper end the calibration's residual measures from (infinite for "at least"). */
    public double residualHigh() { return bound == Bound.AT_LEAST ? Double.POSITIVE_INFINITY : high; }

    /** The published figure as text: "28", "20–30", "≥ 28", "≤ 5" (with {@code dash} between a range's ends). */
    public String published(java.util.function.DoubleFunction<String> num, String dash, String atLeast,
            String atMost) {
        return switch (bound) {
            case AT_LEAST -> atLeast + num.apply(low);
            case AT_MOST -> atMost + num.apply(high);
            case RANGE -> low == high ? num.apply(low) : num.apply(low) + dash + num.apply(high);
        };
    }

    /** This observation's figure on a route Caravan found: its quantity, over its scope. */
    public double valueOf(Route route) {
        if (scope == Scope.CROSSING) {
            double h = route.timeline().stream().filter(t -> t.kind() == TimeStep.Kind.CROSSING)
                    .mapToDouble(TimeStep::hours).sum();
            return quantity == Quantity.DAYS ? h / 24.0 : h;
        }
        return quantity.of(route);
    }
}
