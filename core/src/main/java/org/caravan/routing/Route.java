package org.caravan.routing;

import java.util.List;

/**
 * A route with everything a user needs to judge it. Money and CO2 are for the whole shipment
 * ({@code units} cargo units of {@code unit}).
 *
 * @param nodes       node ids in travel order
 * @param countries   countries entered, in order, without repeats in a row
 * @param usesNonOperational true when a leg is planned or under construction (only with include-planned)
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
        boolean usesNonOperational) {}
