package org.caravan.cost;

import java.util.Map;
import org.caravan.network.Cargo;

/**
 * A sea or ferry service on one link (keyed by the link id): the wait for a departure and, optionally, the
 * sailing speed that turns the link's distance into sailing hours and the service's own published fare.
 *
 * @param departureWait  the wait for a departure at the port of embarkation; null for a fare-only entry (a published
 *                       fare and nothing else), where the link keeps the network's {@code wait_hours}
 * @param sailingSpeedKmh sailing speed; NaN to keep the network's explicit hours (or the mode's speed)
 * @param fareUsd        the service's published fare per cargo unit by cargo class (a box for containers, a tonne
 *                       for bulk): the whole price of the sailing, in place of the mode's fixed charge and per-km
 *                       price (docs/COSTS.md, "Ferry fares per service"); empty where none is published
 * @param season         the months of the year without service (a seasonal closure, e.g. ice on an inland
 *                       waterway) as opening hours open round the clock; {@link OpeningHours#ALWAYS} where none
 */
public record Service(Wait departureWait, double sailingSpeedKmh, Map<Cargo, Double> fareUsd, OpeningHours season) {
    public Service {
        fareUsd = fareUsd == null ? Map.of() : Map.copyOf(fareUsd);
        season = season == null ? OpeningHours.ALWAYS : season;
    }

    /** A service open all year. */
    public Service(Wait departureWait, double sailingSpeedKmh, Map<Cargo, Double> fareUsd) {
        this(departureWait, sailingSpeedKmh, fareUsd, OpeningHours.ALWAYS);
    }

    /** A service without a fare of its own. */
    public Service(Wait departureWait, double sailingSpeedKmh) {
        this(departureWait, sailingSpeedKmh, Map.of());
    }

    /**
     * Whether the entry gives its own wait for a departure; a fare-only entry does not, and the link keeps the
     * network's {@code wait_hours} (lognormal, as for a link without an entry).
     */
    public boolean hasOwnWait() { return departureWait != null; }

    /** The published fare per unit of {@code cargo}, or NaN where the service has none. */
    public double fare(Cargo cargo) {
        Double f = fareUsd.get(cargo);
        return f == null ? Double.NaN : f;
    }
}
