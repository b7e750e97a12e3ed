package org.caravan.routing;

import org.caravan.network.Confidence;
import org.caravan.network.Gauge;
import org.caravan.network.LinkStatus;
import org.caravan.network.Mode;

/**
 * One link of a route as travelled. Money and CO2 are for the whole shipment.
 *
 * @param mode        the link's mode ({@link Mode#CROSSING} for a border crossing)
 * @param cargoMode   the mode the cargo travels in on this link (for a crossing: rail or road)
 * @param gauge       rail gauge the cargo runs on, or null
 * @param country     ISO2 country the link lies in; for a crossing the country it leaves; null at sea
 * @param usd         running cost, plus the leg's fixed cost on the first link after loading or a mode change
 * @param waitHours   the part of {@code hours} spent waiting for a departure (sea, ferry)
 * @param co2Kg       well-to-wheel CO2e (ISO 14083 / GLEC v3): fuel production and the vehicle's exhaust
 * @param co2TtwKg    tank-to-wheel CO2e: the vehicle's exhaust alone (0 for electric traction)
 */
public record Leg(
        String linkId,
        String from,
        String to,
        String fromName,
        String toName,
        Mode mode,
        Mode cargoMode,
        Gauge gauge,
        double km,
        double hours,
        double usd,
        double co2Kg,
        String country,
        LinkStatus status,
        Confidence confidence,
        double waitHours,
        double co2TtwKg) {

    /** Well-to-wheel CO2e, the same as {@link #co2Kg()}. */
    public double co2WtwKg() { return co2Kg; }

    public Leg withHours(double h, double wait) {
        return new Leg(linkId, from, to, fromName, toName, mode, cargoMode, gauge, km, h, usd, co2Kg, country, status,
                confidence, wait, co2TtwKg);
    }
}
