package org.caravan.validation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.caravan.routing.Route;
import org.caravan.routing.TimeStep;

/**
 * What an observation measures, and how the same figure is read off a Caravan route. Money and CO2 are for the
 * whole shipment the observation's options describe (one tonne of bulk or one 40-ft box by default), as in every
 * Caravan answer.
 */
public enum Quantity {
    KM("km", Family.DISTANCE),
    HOURS("hours", Family.TIME),
    DAYS("days", Family.TIME),
    /**
     * Hours the cargo moves (the timeline's {@code run} steps: sailing, driving with rest, train running), without
     * waits for a departure, dwell, handling or border crossings: for published sailing or running times.
     */
    RUN_HOURS("run_hours", Family.TIME),
    RUN_DAYS("run_days", Family.TIME),
    /**
     * Hours of the train's (or truck's, ship's) journey: from the start of the timeline's first {@code run} step to
     * the end of its last one, so en-route crossings, interchange, gauge change and waits between runs count, but
     * the origin dwell before the first departure and the destination dwell after the last arrival do not: for
     * published journey times such as "the train covered 856 km in 40 hours".
     */
    TRAIN_HOURS("train_hours", Family.TIME),
    TRAIN_DAYS("train_days", Family.TIME),
    USD("usd", Family.COST),
    USD_PER_TONNE("usd_per_tonne", Family.COST),
    /** Kilograms of CO2 for the shipment. */
    CO2("co2", Family.CO2);

    /** The kinds of figure the targets are set for. */
    public enum Family {
        DISTANCE, TIME, COST, CO2;

        public String code() { return name().toLowerCase(Locale.ROOT); }
    }

    private final String code;
    private final Family family;

    Quantity(String code, Family family) {
        this.code = code;
        this.family = family;
    }

    public String code() { return code; }

    public Family family() { return family; }

    public static Optional<Quantity> parse(String s) {
        if (s == null) return Optional.empty();
        String t = s.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(q -> q.code.equals(t)).findFirst();
    }

    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(Quantity::code).toList());
    }

    /** This quantity on a route Caravan found. */
    public double of(Route route) {
        return switch (this) {
            case KM -> route.totals().km();
            case HOURS -> route.totals().hours();
            case DAYS -> route.totals().hours() / 24.0;
            case RUN_HOURS -> runHours(route);
            case RUN_DAYS -> runHours(route) / 24.0;
            case TRAIN_HOURS -> trainHours(route.timeline());
            case TRAIN_DAYS -> trainHours(route.timeline()) / 24.0;
            case USD -> route.totals().usd();
            case USD_PER_TONNE -> route.totals().usd() / route.tonnes();
            case CO2 -> route.totals().co2Kg();
        };
    }

    /** Hours from the start of the first run step to the end of the last (0 when the timeline has no run). */
    static double trainHours(java.util.List<TimeStep> timeline) {
        int first = -1, last = -1;
        for (int i = 0; i < timeline.size(); i++) {
            if (timeline.get(i).kind() == TimeStep.Kind.RUN) {
                if (first < 0) first = i;
                last = i;
            }
        }
        if (first < 0) return 0;
        double h = 0;
        for (int i = first; i <= last; i++) h += timeline.get(i).hours();
        return h;
    }

    private static double runHours(Route route) {
        return route.timeline().stream().filter(t -> t.kind() == TimeStep.Kind.RUN).mapToDouble(TimeStep::hours).sum();
    }
}
