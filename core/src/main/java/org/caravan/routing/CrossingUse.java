package org.caravan.routing;

import org.caravan.network.Mode;

/** A border crossing passed by a route, with its hours (mean and 90th percentile) and fees for the shipment. */
public record CrossingUse(
        String id,
        String name,
        String fromNode,
        String toNode,
        String fromCountry,
        String toCountry,
        Mode cargoMode,
        double hours,
        double p90Hours,
        double usd,
        String source) {

    public CrossingUse withHours(double h) {
        return new CrossingUse(id, name, fromNode, toNode, fromCountry, toCountry, cargoMode, h, p90Hours, usd, source);
    }
}
