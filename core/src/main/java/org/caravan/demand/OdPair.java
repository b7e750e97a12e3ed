package org.caravan.demand;

import java.util.Objects;

/**
 * One origin-destination flow: places as a user names them (resolved later), the cargo profile and the yearly
 * tonnes that weight it in criticality and scenario totals.
 *
 * @param source where the tonnage comes from (a trade statistic, or "illustrative" for the embedded list)
 */
public record OdPair(String from, String to, String cargo, double tonnes, String source) {
    public OdPair {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        cargo = cargo == null || cargo.isBlank() ? "container" : cargo;
        source = source == null ? "" : source;
        if (!(tonnes >= 0) || Double.isInfinite(tonnes)) {
            throw new IllegalArgumentException("tonnes must be a non-negative number, got " + tonnes);
        }
    }
}
