package org.caravan.routing;

/**
 * Sums over a route for the whole shipment.
 *
 * @param usd            money actually paid (no penalties)
 * @param generalizedUsd usd + value of time × hours × units + penalties: what the {@code cost} objective minimises
 * @param penaltyUsd     soft per-country penalties the request asked for (not money), included in generalizedUsd
 * @param co2Kg          well-to-wheel CO2e of the legs and the hubs (transshipments, gauge changes)
 * @param co2TtwKg       tank-to-wheel CO2e of the legs (hub emissions are counted well-to-wheel only)
 * @param co2HubKg       the part of co2Kg emitted at hubs
 */
public record Totals(double km, double hours, double usd, double co2Kg, double generalizedUsd, double penaltyUsd,
        double co2TtwKg, double co2HubKg) {

    public Totals withHours(double h, double generalized) {
        return new Totals(km, h, usd, co2Kg, generalized, penaltyUsd, co2TtwKg, co2HubKg);
    }
}
