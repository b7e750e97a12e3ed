package org.caravan.cost;

import java.util.Map;

/**
 * What moving one cargo unit costs in one mode. A leg is a maximal run in one mode (and gauge): its fixed cost
 * and terminal dwell are charged once, when the cargo enters the mode, so splitting a road into more links never
 * changes a price.
 *
 * @param fixedUsd           charged once per leg (loading, documents, trip start)
 * @param perKmUsd           per unit-km where no country rate is given
 * @param speedKmh           commercial speed (running, with stops on the line), where no country speed is given
 * @param perKmUsdByCountry  ISO2 country → per unit-km rate, for the country the link lies in
 * @param speedKmhByCountry  ISO2 country → speed
 * @param timing             rest, checkpoints and terminal dwell
 * @param emissions          CO2e factors; null to use the cost model's flat factor per mode
 * @param driving            the drivers' rest rule (road), counted over a trip by {@code DriverRest}
 * @param levels             published export, import and transit levels by country, which replace
 *                           {@code perKmUsdByCountry} for one shipment by where it starts and ends (see
 *                           {@link Levels}); none by default
 */
public record ModeRates(
        double fixedUsd,
        double perKmUsd,
        double speedKmh,
        Map<String, Double> perKmUsdByCountry,
        Map<String, Double> speedKmhByCountry,
        Timing timing,
        Emissions emissions,
        DrivingRules driving,
        Levels levels) {

    /**
     * Per-shipment tariff levels by country (ISO2 → per unit-km), as railways publish them: a link in country C
     * costs C's {@code export} level when the shipment starts in C and ends elsewhere, its {@code import} level when
     * it ends in C and starts elsewhere, its {@code transit} level when it neither starts nor ends in C. Where the
     * level that applies is not given (and for a shipment that starts and ends in C) the link keeps
     * {@link #perKmUsd(String)}. docs/COSTS.md, "Export, import and transit levels".
     */
    public record Levels(Map<String, Double> export, Map<String, Double> imports, Map<String, Double> transit) {
        public static final Levels NONE = new Levels(Map.of(), Map.of(), Map.of());

        public Levels {
            export = export == null ? Map.of() : Map.copyOf(export);
            imports = imports == null ? Map.of() : Map.copyOf(imports);
            transit = transit == null ? Map.of() : Map.copyOf(transit);
        }

        public boolean isEmpty() { return export.isEmpty() && imports.isEmpty() && transit.isEmpty(); }

        /** Whether country {@code cc} has any level of its own (so where a shipment ends there matters). */
        public boolean mentions(String cc) {
            return export.containsKey(cc) || imports.containsKey(cc) || transit.containsKey(cc);
        }

        /**
         * The level for a link in {@code country} of a shipment from {@code origin} to {@code destination}
         * (countries), or NaN where none applies (the country rate stays).
         */
        public double level(String country, String origin, String destination) {
            boolean starts = country.equals(origin);
            boolean ends = country.equals(destination);
            Double v;
            if (starts && ends) v = null;
            else if (starts) v = export.get(country);
            else if (ends) v = imports.get(country);
            else v = transit.get(country);
            return v == null ? Double.NaN : v;
        }
    }

    /**
     * Time beyond running at the commercial speed.
     *
     * @param drivingHoursPerDay        hours a vehicle moves per day (road: driving-time rules); 24 where the
     *                                  speed already includes rest (CPMM road speeds)
     * @param checkpointWaitPer100kmHours hours lost at internal checkpoints per 100 km
     * @param originDwellHours          at the start of a leg: terminal loading, documents and release to the
     *                                  railway (the train formation and wagon supply below are apart)
     * @param destinationDwellHours     at the end of a leg: train arrival, unloading, release
     * @param formationDwellHours       at the start of a leg: the wait until the cargo's train is formed and
     *                                  leaves (block container train: the next scheduled departure; wagonload:
     *                                  accumulation of wagons at the marshalling yard), where no country figure
     * @param formationIntervalHoursByCountry country → published departure interval of the trains: the formation
     *                                  wait is then uniform over it (mean half the interval), as a ship's
     * @param supplyDwellHours          at the start of a leg: the wait for empty wagons (bulk) or platforms
     *                                  (containers) to be supplied to the shipper
     */
    public record Timing(double drivingHoursPerDay, Map<String, Double> drivingHoursPerDayByCountry,
            Map<String, Double> checkpointWaitPer100kmHoursByCountry, double originDwellHours,
            Map<String, Double> originDwellHoursByCountry, double destinationDwellHours,
            double formationDwellHours, Map<String, Double> formationDwellHoursByCountry,
            Map<String, Double> formationIntervalHoursByCountry, double supplyDwellHours,
            Map<String, Double> supplyDwellHoursByCountry) {
        public static final Timing NONE = new Timing(24, Map.of(), Map.of(), 0, Map.of(), 0);

        public Timing {
            drivingHoursPerDayByCountry = Map.copyOf(drivingHoursPerDayByCountry);
            checkpointWaitPer100kmHoursByCountry = Map.copyOf(checkpointWaitPer100kmHoursByCountry);
            originDwellHoursByCountry = Map.copyOf(originDwellHoursByCountry);
            formationDwellHoursByCountry = Map.copyOf(formationDwellHoursByCountry);
            formationIntervalHoursByCountry = Map.copyOf(formationIntervalHoursByCountry);
            supplyDwellHoursByCountry = Map.copyOf(supplyDwellHoursByCountry);
        }

        /** Timing without train formation or wagon supply. */
        public Timing(double drivingHoursPerDay, Map<String, Double> drivingHoursPerDayByCountry,
                Map<String, Double> checkpointWaitPer100kmHoursByCountry, double originDwellHours,
                Map<String, Double> originDwellHoursByCountry, double destinationDwellHours) {
            this(drivingHoursPerDay, drivingHoursPerDayByCountry, checkpointWaitPer100kmHoursByCountry,
                    originDwellHours, originDwellHoursByCountry, destinationDwellHours, 0, Map.of(), Map.of(), 0,
                    Map.of());
        }

        public double drivingHoursPerDay(String country) {
            return drivingHoursPerDayByCountry.getOrDefault(country, drivingHoursPerDay);
        }

        public double checkpointWaitPer100km(String country) {
            return checkpointWaitPer100kmHoursByCountry.getOrDefault(country, 0.0);
        }

        /** The terminal part of the origin dwell (loading, documents), without formation and supply. */
        public double originDwellHours(String country) {
            return originDwellHoursByCountry.getOrDefault(country, originDwellHours);
        }

        /**
         * The wait for the train to be formed and leave, as a distribution: uniform over the published departure
         * interval where one is given for the country, else the country's (or the mode's) mean, whose spread the
         * delay model gives (p90 = mean x {@code p90ToMean}).
         */
        public Wait formationWait(String country, double p90ToMean) {
            Double interval = formationIntervalHoursByCountry.get(country);
            if (interval != null) return interval > 0 ? Wait.interval(interval) : Wait.NONE;
            double mean = formationDwellHoursByCountry.getOrDefault(country, formationDwellHours);
            return mean > 0 ? Wait.lognormal(mean, mean * p90ToMean) : Wait.NONE;
        }

        /** The expected train formation wait in {@code country} (hours). */
        public double formationHours(String country) { return formationWait(country, 1).meanHours(); }

        /** The wait for empty wagons or platforms in {@code country} (hours, mean). */
        public double supplyHours(String country) {
            return supplyDwellHoursByCountry.getOrDefault(country, supplyDwellHours);
        }

        /** Everything a leg waits at its origin: terminal dwell, wagon supply and train formation (means). */
        public double originTotalHours(String country) {
            return originDwellHours(country) + supplyHours(country) + formationHours(country);
        }
    }

    /**
     * CO2e factors per tonne-km (GLEC Framework v3 / ISO 14083): tank-to-wheel and well-to-wheel of the fuel
     * vehicle; for rail also an electric train's well-to-wheel (its tank-to-wheel is 0) and the electric share of
     * the tonne-km by country.
     */
    public record Emissions(double ttwKgPerTonneKm, double wtwKgPerTonneKm, double electricWtwKgPerTonneKm,
            Map<String, Double> electricShareByCountry) {
        public Emissions {
            electricShareByCountry = Map.copyOf(electricShareByCountry);
        }

        public double electricShare(String country) { return electricShareByCountry.getOrDefault(country, 0.0); }

        public double ttw(String country) { return (1 - electricShare(country)) * ttwKgPerTonneKm; }

        public double wtw(String country) {
            double e = electricShare(country);
            return (1 - e) * wtwKgPerTonneKm + e * electricWtwKgPerTonneKm;
        }
    }

    public ModeRates {
        perKmUsdByCountry = perKmUsdByCountry == null ? Map.of() : Map.copyOf(perKmUsdByCountry);
        speedKmhByCountry = speedKmhByCountry == null ? Map.of() : Map.copyOf(speedKmhByCountry);
        timing = timing == null ? Timing.NONE : timing;
        driving = driving == null ? DrivingRules.AETR : driving;
        levels = levels == null ? Levels.NONE : levels;
    }

    /** Rates with the AETR rest rule and without per-shipment levels. */
    public ModeRates(double fixedUsd, double perKmUsd, double speedKmh, Map<String, Double> perKmUsdByCountry,
            Map<String, Double> speedKmhByCountry, Timing timing, Emissions emissions) {
        this(fixedUsd, perKmUsd, speedKmh, perKmUsdByCountry, speedKmhByCountry, timing, emissions, null, Levels.NONE);
    }

    /** Rates with their own rest rule and without per-shipment levels. */
    public ModeRates(double fixedUsd, double perKmUsd, double speedKmh, Map<String, Double> perKmUsdByCountry,
            Map<String, Double> speedKmhByCountry, Timing timing, Emissions emissions, DrivingRules driving) {
        this(fixedUsd, perKmUsd, speedKmh, perKmUsdByCountry, speedKmhByCountry, timing, emissions, driving, Levels.NONE);
    }

    /** Rates without rest, dwell or own CO2 factors. */
    public ModeRates(double fixedUsd, double perKmUsd, double speedKmh, Map<String, Double> perKmUsdByCountry,
            Map<String, Double> speedKmhByCountry) {
        this(fixedUsd, perKmUsd, speedKmh, perKmUsdByCountry, speedKmhByCountry, Timing.NONE, null, null, Levels.NONE);
    }

    public double perKmUsd(String country) { return perKmUsdByCountry.getOrDefault(country, perKmUsd); }

    /**
     * The per unit-km rate of a link in {@code country} for a shipment from {@code origin} to {@code destination}
     * (countries): the export, import or transit level where one applies ({@link Levels#level}), else
     * {@link #perKmUsd(String)}.
     */
    public double perKmUsd(String country, String origin, String destination) {
        double v = levels.level(country, origin, destination);
        return Double.isNaN(v) ? perKmUsd(country) : v;
    }

    public double speedKmh(String country) { return speedKmhByCountry.getOrDefault(country, speedKmh); }

    /**
     * Hours to cover {@code km} in {@code country} as the search adds them per link: driving at the commercial speed
     * plus internal checkpoints, without the drivers' rest. Rest depends on the hours driven since the last rest, so
     * it is not additive per link: {@code DriverRest} counts it over the whole trip when the route is assembled
     * (the reported time and the Monte Carlo), and this figure is a lower bound of it.
     */
    public double travelHours(double km, String country) {
        return drivingHours(km, country) + km / 100 * timing.checkpointWaitPer100km(country);
    }

    /** Hours at the wheel for {@code km} in {@code country}. */
    public double drivingHours(double km, String country) { return km / speedKmh(country); }

    /** Whether driving in {@code country} counts towards the rest rule (false where the speed includes rest). */
    public boolean restCounted(String country) { return timing.drivingHoursPerDay(country) < 24; }
}
