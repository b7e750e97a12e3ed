package org.caravan.cost;

/**
 * The driving-time rules of one driver (EU Regulation (EC) No 561/2006, arts. 4, 6-8; the AETR agreement, art. 6-8,
 * whose parties include Kazakhstan, Uzbekistan, Kyrgyzstan, Tajikistan, Turkmenistan and Russia): at most
 * {@code dailyDrivingHours} (the road timing's {@code driving_hours_per_day}, by country where given) between two
 * daily rests, extended to {@code extendedDrivingHours} on {@code extendedDaysPerWeek} days a week; a break of
 * {@code breakHours} after {@code breakAfterHours} of driving; a daily rest of {@code dailyRestHours}; after
 * {@code drivingDaysPerWeek} driving periods a weekly rest of {@code weeklyRestHours} instead of the daily rest.
 * The rest is counted over a whole trip by {@link DriverRest}, not per link. Where the speed already includes rest
 * (a {@code driving_hours_per_day} of 24, CPMM's trip speeds) the hours driven do not count towards any limit.
 */
public record DrivingRules(double extendedDrivingHours, int extendedDaysPerWeek, double breakAfterHours,
        double breakHours, double dailyRestHours, int drivingDaysPerWeek, double weeklyRestHours) {

    /** EU 561/2006 and AETR: 10 h twice a week, 45 min after 4.5 h, 11 h daily rest, weekly rest 45 h after 6 days. */
    public static final DrivingRules AETR = new DrivingRules(10, 2, 4.5, 0.75, 11, 6, 45);
    // Ranges are checked by the cost loader (docs/COSTS.md, "Ranges").
}
