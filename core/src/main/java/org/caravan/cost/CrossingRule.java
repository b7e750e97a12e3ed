package org.caravan.cost;

import java.util.Map;
import org.caravan.network.Cargo;

/**
 * The cost model's figures for one border crossing (keyed by the crossing's link id), which replace the
 * network file's {@code hours_mean}/{@code hours_p90}/{@code fee_usd} where given: per direction (forward =
 * the link's {@code from} to {@code to}) the mean and 90th-percentile hours to pass and the fee per vehicle, and
 * the posts' opening hours. Optional {@code cargo} overrides give a cargo class (container block trains, wagonload
 * bulk) its own figures per direction where they differ from the crossing's figures for all traffic; a class
 * without an override uses the crossing's figures.
 */
public record CrossingRule(Direction forward, Direction reverse, OpeningHours opening,
        Map<Cargo, CrossingRule> cargo) {
    /** One direction: mean and p90 hours to pass (queue, controls, loading), fee per vehicle in USD. */
    public record Direction(double waitHours, double p90WaitHours, double feeUsd) {}

    public CrossingRule {
        reverse = reverse == null ? forward : reverse;
        opening = opening == null ? OpeningHours.ALWAYS : opening;
        cargo = cargo == null ? Map.of() : Map.copyOf(cargo);
    }

    public CrossingRule(Direction forward, Direction reverse, OpeningHours opening) {
        this(forward, reverse, opening, Map.of());
    }

    public Direction direction(boolean forwardDirection) { return forwardDirection ? forward : reverse; }

    /**
     * The figures for one cargo class: its override (which keeps this crossing's opening hours) where given,
     * else this rule.
     */
    public CrossingRule forCargo(Cargo c) {
        CrossingRule o = c == null ? null : cargo.get(c);
        return o == null ? this : new CrossingRule(o.forward, o.reverse, opening, Map.of());
    }
}
