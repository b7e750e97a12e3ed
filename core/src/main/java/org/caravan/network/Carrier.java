package org.caravan.network;

/**
 * How cargo is carried at a moment: a mode, and for rail the gauge of the wagons. Routing states are
 * (node, carrier), so a gauge break or a mode change is always a costed step between two carriers.
 */
public enum Carrier {
    ROAD(Mode.ROAD, null),
    SEA(Mode.SEA, null),
    FERRY(Mode.FERRY, null),
    RAIL_1520(Mode.RAIL, Gauge.G1520),
    RAIL_1435(Mode.RAIL, Gauge.G1435),
    RAIL_1676(Mode.RAIL, Gauge.G1676);

    public static final int COUNT = values().length;
    private static final Carrier[] ALL = values();

    private final Mode mode;
    private final Gauge gauge;

    Carrier(Mode mode, Gauge gauge) {
        this.mode = mode;
        this.gauge = gauge;
    }

    public Mode mode() { return mode; }

    /** The rail gauge, or null for other modes. */
    public Gauge gauge() { return gauge; }

    public static Carrier of(int ordinal) { return ALL[ordinal]; }

    public static Carrier of(Mode mode, Gauge gauge) {
        return switch (mode) {
            case ROAD -> ROAD;
            case SEA -> SEA;
            case FERRY -> FERRY;
            case RAIL -> switch (gauge) {
                case G1520 -> RAIL_1520;
                case G1435 -> RAIL_1435;
                case G1676 -> RAIL_1676;
            };
            case CROSSING -> throw new IllegalArgumentException("a crossing is not a carrier");
        };
    }

    /** Whether cargo in this carrier may travel along {@code link} (a crossing passes the modes it carries). */
    public boolean canUse(Link link) {
        if (link.mode() == Mode.CROSSING) {
            if (!link.carries().contains(mode)) return false;
            return mode != Mode.RAIL || link.gauges().isEmpty() || link.gauges().contains(gauge);
        }
        if (link.mode() != mode) return false;
        return mode != Mode.RAIL || link.gauges().contains(gauge);
    }
}
