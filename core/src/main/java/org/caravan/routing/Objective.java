package org.caravan.routing;

import java.util.Locale;

/** What the router minimises. */
public enum Objective {
    /** Generalized cost: USD plus value of time × hours. */
    COST,
    /** Door-to-door hours, including crossings, waits and handling. */
    TIME,
    /** Kilometres. */
    DISTANCE,
    /** Kilograms of CO2. */
    CO2,
    /** 90th-percentile door-to-door hours from Monte Carlo over the route's delays (see {@code ReliableChoice}). */
    RELIABLE;

    public String code() { return name().toLowerCase(Locale.ROOT); }

    public static Objective parse(String s) {
        for (Objective o : values()) if (o.code().equalsIgnoreCase(s.trim())) return o;
        throw new IllegalArgumentException("unknown objective '" + s + "', expected cost, time, distance, co2 or reliable");
    }
}
