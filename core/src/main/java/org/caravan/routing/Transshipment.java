package org.caravan.routing;

import org.caravan.network.Gauge;
import org.caravan.network.Mode;

/**
 * A mode change or rail gauge break on a route.
 *
 * @param reason "mode change" or "gauge change 1520->1435"
 * @param co2Kg  well-to-wheel CO2e of the handling (hub emissions) for the shipment
 */
public record Transshipment(
        String at,
        String atName,
        Mode fromMode,
        Mode toMode,
        Gauge fromGauge,
        Gauge toGauge,
        String reason,
        double hours,
        double usd,
        double co2Kg) {}
