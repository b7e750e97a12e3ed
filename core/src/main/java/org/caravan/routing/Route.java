package org.caravan.routing;

import java.util.List;

/**
 * A route with everything a user needs to judge it. Money and CO2 are for the whole shipment
 * ({@code units} cargo units of {@code unit}).
 *
 * @param nodes       node ids in travel order
 * @param countries   countries entered, in order, without repeats in a row
 * @param usesNonOperational true when a leg is planned or under construction (only with include-planned)
 * @param risk        risk score of the route and its share of km by risk class
 * @param exposure    km, hours and USD spent in each country, in order of first entry ("XX": at sea)
 * @param reliability door-to-door hours percentiles from Monte Carlo; null until simulated
 */
public record Route(
        List<String> nodes,
        List<String> countries,
        List<Leg> legs,
        List<CrossingUse> crossings,
        List<Transshipment> transshipments,
        Totals totals,
        String cargo,
        String unit,
        double units,
        double tonnes,
        boolean usesNonOperational,
        RiskSummary risk,
        List<CountryExposure> exposure,
        ReliabilityStats reliability) {

    public Route withReliability(ReliabilityStats r) {
        return new Route(nodes, countries, legs, crossings, transshipments, totals, cargo, unit, units, tonnes,
                usesNonOperational, risk, exposure, r);
    }

    /** The crossings passed, by name, in order: what makes two routes different corridors. */
    public List<String> crossingNames() {
        return crossings.stream().map(CrossingUse::name).toList();
    }
}
