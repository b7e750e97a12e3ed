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
 * @param timeline    every component of the door-to-door time in travel order (sums to the total hours)
 * @param departure   the requested departure (local time at the origin) when the route was timed to the clock,
 *                    else null (expected waits)
 * @param arrival     the arrival of a timed route, local time at the destination; else null
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
        ReliabilityStats reliability,
        List<TimeStep> timeline,
        java.time.LocalDateTime departure,
        java.time.LocalDateTime arrival) {

    public Route {
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    /** The named sea passages the route uses ({@link org.caravan.network.Passages}), in order, each once. */
    public List<String> passages() {
        return org.caravan.network.Passages.embedded().used(legs.stream().map(Leg::linkId).toList());
    }

    public Route withReliability(ReliabilityStats r) {
        return new Route(nodes, countries, legs, crossings, transshipments, totals, cargo, unit, units, tonnes,
                usesNonOperational, risk, exposure, r, timeline, departure, arrival);
    }

    /** The route timed from a departure: legs, timeline and totals with the waits the clock gives. */
    Route timed(java.time.LocalDateTime depart, java.time.LocalDateTime arrive, List<Leg> newLegs,
            List<CrossingUse> newCrossings, List<TimeStep> newTimeline, Totals newTotals) {
        return new Route(nodes, countries, newLegs, newCrossings, transshipments, newTotals, cargo, unit, units, tonnes,
                usesNonOperational, risk, exposure, null, newTimeline, depart, arrive);
    }

    /** The crossings passed, by name, in order: what makes two routes different corridors. */
    public List<String> crossingNames() {
        return crossings.stream().map(CrossingUse::name).toList();
    }
}
