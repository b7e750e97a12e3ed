package org.caravan.cost;

import java.time.LocalDateTime;

/**
 * A wait whose length is random: a queue at a border, a wait for a ship. Three shapes, each from what is
 * published for the place:
 * <ul>
 *   <li>{@code LOGNORMAL}: a published (or estimated) mean and 90th percentile, e.g. CAREC CPMM border times;</li>
 *   <li>{@code INTERVAL}: departures every {@code intervalHours} without a timetable: cargo arriving at a random
 *       moment waits uniformly between 0 and the interval (mean = interval / 2);</li>
 *   <li>{@code TIMETABLE}: published departures; with a known arrival time the wait is exact.</li>
 * </ul>
 *
 * @param meanHours     expected wait (for a timetable: over a uniformly random arrival in the week)
 * @param p90Hours      90th percentile (lognormal) or the interval x 0.9 (interval); for a timetable its
 *                      expected wait (the spread comes from the clock)
 * @param intervalHours departure interval, or 0
 * @param timetable     published departures, or null
 */
public record Wait(Kind kind, double meanHours, double p90Hours, double intervalHours, Departures timetable) {
    public enum Kind { LOGNORMAL, INTERVAL, TIMETABLE }

    public static final Wait NONE = new Wait(Kind.LOGNORMAL, 0, 0, 0, null);

    public static Wait lognormal(double mean, double p90) {
        return new Wait(Kind.LOGNORMAL, mean, Math.max(mean, p90), 0, null);
    }

    public static Wait interval(double hours) { return new Wait(Kind.INTERVAL, hours / 2, hours * 0.9, hours, null); }

    public static Wait timetable(Departures d) {
        double mean = d.expectedWaitHours();
        return new Wait(Kind.TIMETABLE, mean, mean, 0, d);
    }

    /** The wait of cargo arriving at {@code t} when it is known, else the mean. */
    public double hoursAt(LocalDateTime t) {
        return kind == Kind.TIMETABLE && t != null ? timetable.waitHours(t) : meanHours;
    }
}
