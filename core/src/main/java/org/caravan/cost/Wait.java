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
 * @param overlapHours  for an interval: hours the cargo already waited at the place before it counts (a port dwell
 *                      that holds the box while the train is awaited); the wait is then max(0, U - overlap) with U
 *                      uniform over 0..interval, mean (interval - overlap)^2 / (2 interval) for overlap &lt; interval
 */
public record Wait(Kind kind, double meanHours, double p90Hours, double intervalHours, Departures timetable,
        double overlapHours) {
    public enum Kind { LOGNORMAL, INTERVAL, TIMETABLE }

    public static final Wait NONE = new Wait(Kind.LOGNORMAL, 0, 0, 0, null, 0);

    public Wait(Kind kind, double meanHours, double p90Hours, double intervalHours, Departures timetable) {
        this(kind, meanHours, p90Hours, intervalHours, timetable, 0);
    }

    public static Wait lognormal(double mean, double p90) {
        return new Wait(Kind.LOGNORMAL, mean, Math.max(mean, p90), 0, null);
    }

    public static Wait interval(double hours) { return new Wait(Kind.INTERVAL, hours / 2, hours * 0.9, hours, null); }

    public static Wait timetable(Departures d) {
        double mean = d.expectedWaitHours();
        return new Wait(Kind.TIMETABLE, mean, mean, 0, d);
    }

    /**
     * This wait after the cargo already waited {@code hours} at the same place (rule F after a port dwell,
     * docs/COSTS.md): for an interval the part of the uniform 0..N departure wait beyond the dwell, max(0, U - D),
     * mean (N - D)^2 / (2N) for D &lt; N, else none; other shapes are unchanged (their waits are not clock-free).
     */
    public Wait after(double hours) {
        if (kind != Kind.INTERVAL || hours <= 0) return this;
        double n = intervalHours;
        double d = overlapHours + hours;
        if (d >= n) return NONE;
        return new Wait(Kind.INTERVAL, (n - d) * (n - d) / (2 * n), Math.max(0, 0.9 * n - d), n, null, d);
    }

    /** One draw of an interval wait from a uniform {@code u} in [0, 1): max(0, u x interval - overlap). */
    public double intervalDraw(double u) {
        return Math.max(0, u * intervalHours - overlapHours);
    }

    /** The variance of an interval wait (uniform over the interval, less the overlap, floored at 0). */
    public double intervalVariance() {
        double n = intervalHours;
        double d = overlapHours;
        if (n <= 0 || d >= n) return 0;
        double second = (n - d) * (n - d) * (n - d) / (3 * n);
        return second - meanHours * meanHours;
    }

    /** The wait of cargo arriving at {@code t} when it is known, else the mean. */
    public double hoursAt(LocalDateTime t) {
        return kind == Kind.TIMETABLE && t != null ? timetable.waitHours(t) : meanHours;
    }
}
