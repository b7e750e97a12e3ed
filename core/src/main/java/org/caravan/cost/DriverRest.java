package org.caravan.cost;

/**
 * The drivers' rest of one trip, counted as the trip goes ({@link DrivingRules}: EU 561/2006 / AETR): call
 * {@link #drive} for each stretch at the wheel and {@link #pause} for each stop (a border, a wait, a dwell, a
 * sailing), in travel order; each returns the hours of rest and breaks the driver must add there. Rest depends on
 * the hours driven since the last rest, so it is counted over the whole path, never per link.
 *
 * <p>Rules: at most the daily driving limit between two daily rests ({@code driving_hours_per_day}, the country's
 * where the road timing has one; extended to {@code extended_driving_hours} on the first
 * {@code extended_driving_days_per_week} driving periods of each week, which is the fastest legal use of the
 * extension); a break after {@code break_after_driving_hours} at the wheel; a daily rest when the limit is reached
 * and more driving follows (never at the end of the trip), and also when 13 hours (24 less the daily rest) have passed
 * since the last rest, driving or not (a daily rest within each 24 hours, art. 8(2)); the weekly rest instead of the daily rest after
 * {@code driving_days_per_week} driving periods. A rest due when the driver has just stopped (at a border, for a
 * departure) is taken there: it lengthens the stop to the rest, so it adds the rest less the stop. A stop as long as a daily (weekly) rest counts as one, and a stop
 * as long as a break as a break. Driving where the speed already includes rest ({@code driving_hours_per_day} 24)
 * counts towards nothing. Regular rests only: the reduced daily rest (9 h, three times a week) and split breaks
 * are not used. Not thread-safe: one per trip (or per Monte Carlo sample).
 */
public final class DriverRest {
    private static final double EPS = 1e-9;
    private final ModeRates road;
    private final DrivingRules rules;
    private double sinceRest;
    /** Hours (driving and stops) since the end of the last rest: a daily rest is due within each 24 hours. */
    private double elapsed;
    private double sinceBreak;
    /** Hours of the stops since the driver last drove: a rest due now is taken there, lengthening them. */
    private double stopped;
    /** Driving periods ended by a daily rest since the last weekly rest. */
    private int day;
    private int breaks;
    private int dailyRests;
    private int weeklyRests;

    public DriverRest(ModeRates road) {
        this.road = road;
        this.rules = road.driving();
    }

    /** The limit of the current driving period in {@code country}. */
    double limit(String country) {
        double base = road.timing().drivingHoursPerDay(country);
        double extension = Math.max(0, rules.extendedDrivingHours() - road.timing().drivingHoursPerDay());
        return day < rules.extendedDaysPerWeek() ? base + extension : base;
    }

    /** Drives {@code hours} in {@code country}; returns the hours of breaks and rests taken during them. */
    public double drive(double hours, String country) {
        if (!(hours > 0) || !road.restCounted(country)) return 0;
        double pause = 0;
        double left = hours;
        while (left > EPS) {
            double limit = limit(country);
            double window = 24 - rules.dailyRestHours();
            if (sinceRest >= limit - EPS || elapsed >= window - EPS) {
                pause += rest();
                continue;
            }
            if (sinceBreak >= rules.breakAfterHours() - EPS) {
                pause += rules.breakHours();
                elapsed += rules.breakHours();
                sinceBreak = 0;
                breaks++;
                continue;
            }
            double step = Math.min(Math.min(left, window - elapsed),
                    Math.min(limit - sinceRest, rules.breakAfterHours() - sinceBreak));
            stopped = 0;
            sinceRest += step;
            elapsed += step;
            sinceBreak += step;
            left -= step;
        }
        return pause;
    }

    /** After a daily or weekly rest: the driving period, the 24 h window and the break count start again. */
    private void startDrivingPeriod() {
        sinceRest = 0;
        elapsed = 0;
        sinceBreak = 0;
    }

    /** A rest due now: when the driver has just stopped (a border, a wait), it lengthens that stop. */
    private double rest() {
        double credit = stopped;
        stopped = 0;
        startDrivingPeriod();
        day++;
        if (day >= rules.drivingDaysPerWeek()) {
            day = 0;
            weeklyRests++;
            return Math.max(0, rules.weeklyRestHours() - credit);
        }
        dailyRests++;
        return Math.max(0, rules.dailyRestHours() - credit);
    }

    /**
     * A stop of {@code hours} (not driving): it counts as a break, a daily or a weekly rest when long enough.
     * Returns the hours the stop must be lengthened by: only when it ends the last driving period of the week and is
     * shorter than the weekly rest.
     */
    public double pause(double hours) {
        if (!(hours > 0) || sinceRest <= EPS) return 0;
        stopped += hours;
        if (hours >= rules.weeklyRestHours()) {
            startDrivingPeriod();
            day = 0;
            return 0;
        }
        if (hours >= rules.dailyRestHours()) {
            startDrivingPeriod();
            day++;
            if (day >= rules.drivingDaysPerWeek()) {
                day = 0;
                weeklyRests++;
                return rules.weeklyRestHours() - hours;
            }
            return 0;
        }
        elapsed += hours;
        if (hours >= rules.breakHours()) sinceBreak = 0;
        return 0;
    }

    /** Hours at the wheel since the last daily (or weekly) rest. */
    public double drivenSinceRest() { return sinceRest; }

    public int breaks() { return breaks; }

    /** Daily rests added by the rule (stops long enough to count as one are not included). */
    public int dailyRests() { return dailyRests; }

    public int weeklyRests() { return weeklyRests; }
}
