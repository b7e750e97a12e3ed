package org.caravan.chart;

/** What the y-axis of a time/cost-distance chart accumulates. */
public enum ChartKind {
    /** Cumulative hours (the axis is labelled in days). */
    TIME,
    /** Cumulative USD for the whole shipment. */
    COST;

    /** Parses "time" or "cost" (any case); anything else is an IllegalArgumentException naming the choices. */
    public static ChartKind parse(String s) {
        return switch (s == null ? "" : s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "time" -> TIME;
            case "cost" -> COST;
            default -> throw new IllegalArgumentException("'" + s + "': expected time or cost");
        };
    }
}
