package org.caravan.network;

import java.util.Locale;
import java.util.Optional;

/**
 * The documented range of every number in a network, scenario or OD file (docs/NETWORK-FORMAT.md,
 * docs/SCENARIOS.md). The bounds are physical plausibility limits, far beyond any real value, that catch typos,
 * units mixed up and overflowing numbers ({@code 1e309} reads as infinity) before they reach a search.
 */
public final class Limits {
    private Limits() {}

    /**
     * A closed interval, optionally open at the bottom.
     *
     * @param why what the upper bound stands for, shown in the message
     */
    public record Range(double min, boolean minIncluded, double max, String unit, String why) {
        public boolean contains(double v) {
            return (minIncluded ? v >= min : v > min) && v <= max; // false for NaN
        }

        /** Why {@code v} is out of range, or empty when it is fine. */
        public Optional<String> problem(double v) {
            if (contains(v)) return Optional.empty();
            return Optional.of("expected " + describe() + ", got " + format(v));
        }

        /** For example {@code "a number > 0 and <= 20000 km (half the Earth's circumference)"}. */
        public String describe() {
            return "a number " + (minIncluded ? ">= " : "> ") + format(min) + " and <= " + format(max)
                    + (unit.isEmpty() ? "" : " " + unit) + (why.isEmpty() ? "" : " (" + why + ")");
        }
    }

    /** Link length: no single link is longer than half the Earth's circumference. */
    public static final Range KM = new Range(0, false, 20_000, "km", "half the Earth's circumference");
    /** Running time, departure wait and crossing times: beyond 2,000 h (83 days) a figure is a typo. */
    public static final Range HOURS = new Range(0, true, 2_000, "hours", "83 days");
    /** Border fee per vehicle. */
    public static final Range FEE_USD = new Range(0, true, 100_000, "USD per vehicle", "");
    /** Practical capacity: the world's busiest port handles about 3.5 million tonnes a day. */
    public static final Range CAPACITY_TPD = new Range(0, true, 10_000_000, "tonnes per day", "");
    /** Yearly tonnes of one OD pair: world seaborne trade is about 12 billion tonnes a year. */
    public static final Range TONNES_PER_YEAR = new Range(0, true, 1e10, "tonnes per year", "");
    /** A scenario's penalty for entering a country, per cargo unit. */
    public static final Range PENALTY_USD = new Range(0, true, 1_000_000, "USD per cargo unit", "");

    static String format(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "infinity (a number too large)" : "-infinity";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%.0f", v);
        return Double.toString(v);
    }
}
