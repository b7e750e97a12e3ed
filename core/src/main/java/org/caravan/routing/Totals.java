package org.caravan.routing;

/**
 * Sums over a route for the whole shipment.
 *
 * @param usd            money actually paid (no penalties)
 * @param generalizedUsd usd + value of time × hours × units + penalties: what the {@code cost} objective minimises
 * @param penaltyUsd     soft per-country penalties the request asked for (not money), included in generalizedUsd
 */
public record Totals(double km, double hours, double usd, double co2Kg, double generalizedUsd, double penaltyUsd) {}
