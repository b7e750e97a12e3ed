package org.caravan.cost;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The documented range of every kind of number in a cost file, by key (see docs/COSTS.md, "Ranges"). A value
 * outside is refused with its dotted path; the calibrator never leaves these bounds. Ranges are wide enough for
 * any plausible planning figure and narrow enough that money arithmetic cannot overflow.
 */
final class Bounds {
    private static final double[] DEFAULT = {0, 1e6};
    private static final Map<String, double[]> BY_KEY = Map.ofEntries(
            Map.entry("co2_kg_per_tonne_km", new double[] {0, 5}),
            Map.entry("co2_ttw_kg_per_tonne_km", new double[] {0, 5}),
            Map.entry("co2_wtw_kg_per_tonne_km", new double[] {0, 5}),
            Map.entry("electric_co2_wtw_kg_per_tonne_km", new double[] {0, 5}),
            Map.entry("electric_share_by_country", new double[] {0, 1}),
            Map.entry("co2_wtw_kg_per_tonne", new double[] {0, 100}),
            Map.entry("tonnes_per_unit", new double[] {0.001, 1000}),
            Map.entry("value_of_time_usd_per_hour", new double[] {0, 10_000}),
            Map.entry("units_per_vehicle", new double[] {1, 100_000}),
            Map.entry("fixed_usd", new double[] {0, 1e6}),
            Map.entry("per_km_usd", new double[] {0, 100}),
            Map.entry("per_km_usd_by_country", new double[] {0, 100}),
            Map.entry("export_per_km_usd_by_country", new double[] {0, 100}),
            Map.entry("import_per_km_usd_by_country", new double[] {0, 100}),
            Map.entry("transit_per_km_usd_by_country", new double[] {0, 100}),
            Map.entry("speed_kmh", new double[] {1, 150}),
            Map.entry("running_time_ratio", new double[] {0.1, 1}),
            Map.entry("speed_kmh_by_country", new double[] {1, 150}),
            Map.entry("sailing_speed_kmh", new double[] {1, 80}),
            Map.entry("driving_hours_per_day", new double[] {1, 24}),
            Map.entry("driving_hours_per_day_by_country", new double[] {1, 24}),
            Map.entry("checkpoint_wait_per_100km_hours_by_country", new double[] {0, 48}),
            Map.entry("extended_driving_hours", new double[] {1, 24}),
            Map.entry("extended_driving_days_per_week", new double[] {0, 7}),
            Map.entry("break_after_driving_hours", new double[] {0.5, 24}),
            Map.entry("break_hours", new double[] {0, 24}),
            Map.entry("daily_rest_hours", new double[] {0, 24}),
            Map.entry("driving_days_per_week", new double[] {1, 7}),
            Map.entry("weekly_rest_hours", new double[] {0, 168}),
            Map.entry("origin_dwell_hours", new double[] {0, 2000}),
            Map.entry("origin_dwell_hours_by_country", new double[] {0, 2000}),
            Map.entry("destination_dwell_hours", new double[] {0, 2000}),
            Map.entry("formation_dwell_hours", new double[] {0, 2000}),
            Map.entry("formation_dwell_hours_by_country", new double[] {0, 2000}),
            Map.entry("formation_departure_wait_interval_hours_by_country", new double[] {0, 2000}),
            Map.entry("supply_dwell_hours", new double[] {0, 2000}),
            Map.entry("supply_dwell_hours_by_country", new double[] {0, 2000}),
            Map.entry("dwell_hours", new double[] {0, 2000}),
            Map.entry("hours", new double[] {0, 2000}),
            Map.entry("handling_usd", new double[] {0, 1e6}),
            Map.entry("usd", new double[] {0, 1e6}),
            Map.entry("wait_hours", new double[] {0, 2000}),
            Map.entry("p90_wait_hours", new double[] {0, 5000}),
            Map.entry("fee_usd", new double[] {0, 1e6}),
            Map.entry("departure_wait_interval_hours", new double[] {0.1, 2000}),
            Map.entry("departures_per_week", new double[] {0.01, 168}),
            Map.entry("utc_offset_hours", new double[] {-12, 14}),
            Map.entry("wait_p90_to_mean", new double[] {1, 10}),
            Map.entry("handling_p90_to_mean", new double[] {1, 10}),
            Map.entry("samples", new double[] {1, 10_000_000}),
            Map.entry("seed", new double[] {0, 9.0e15}));

    private Bounds() {}

    static double[] of(String key) { return BY_KEY.getOrDefault(key, DEFAULT).clone(); }

    /** Every key with a range, for documentation and the calibrator. */
    static Map<String, double[]> all() { return BY_KEY; }

    static String format(double d) { return new BigDecimal(d).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString(); }
}
