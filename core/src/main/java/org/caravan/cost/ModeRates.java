package org.caravan.cost;

import java.util.Map;

/**
 * What moving one cargo unit costs in one mode. A leg is a maximal run in one mode (and gauge): its fixed cost
 * is charged once, when the cargo enters the mode, so splitting a road into more links never changes a price.
 *
 * @param fixedUsd           charged once per leg (loading, documents, trip start)
 * @param perKmUsd           per unit-km where no country rate is given
 * @param speedKmh           average running speed without border delays, where no country speed is given
 * @param perKmUsdByCountry  ISO2 country → per unit-km rate, for the country the link lies in
 * @param speedKmhByCountry  ISO2 country → speed
 */
public record ModeRates(
        double fixedUsd,
        double perKmUsd,
        double speedKmh,
        Map<String, Double> perKmUsdByCountry,
        Map<String, Double> speedKmhByCountry) {

    public ModeRates {
        perKmUsdByCountry = perKmUsdByCountry == null ? Map.of() : Map.copyOf(perKmUsdByCountry);
        speedKmhByCountry = speedKmhByCountry == null ? Map.of() : Map.copyOf(speedKmhByCountry);
    }

    public double perKmUsd(String country) { return perKmUsdByCountry.getOrDefault(country, perKmUsd); }

    public double speedKmh(String country) { return speedKmhByCountry.getOrDefault(country, speedKmh); }
}
