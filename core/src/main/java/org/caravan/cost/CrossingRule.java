package org.caravan.cost;

/**
 * The cost model's figures for one border crossing (keyed by the crossing's link id), which replace the
 * network file's {@code hours_mean}/{@code hours_p90}/{@code fee_usd} where given: per direction (forward =
 * the link's {@code from} to {@code to}) the mean and 90th-percentile hours to pass and the fee per vehicle, and
 * the posts' opening hours.
 */
public record CrossingRule(Direction forward, Direction reverse, OpeningHours opening) {
    /** One direction: mean and p90 hours to pass (queue, controls, loading), fee per vehicle in USD. */
    public record Direction(double waitHours, double p90WaitHours, double feeUsd) {}

    public CrossingRule {
        reverse = reverse == null ? forward : reverse;
        opening = opening == null ? OpeningHours.ALWAYS : opening;
    }

    public Direction direction(boolean forwardDirection) { return forwardDirection ? forward : reverse; }
}
