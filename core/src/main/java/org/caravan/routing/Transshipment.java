package org.caravan.routing;

import org.caravan.network.Gauge;
import org.caravan.network.Mode;

/**
 * A mode change or rail gauge break on a route.
 *
 * @param reason "mode change" or "gauge change 1520->1435"
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
        double usd) {}
