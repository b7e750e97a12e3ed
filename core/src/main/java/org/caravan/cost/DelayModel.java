package org.caravan.cost;

/**
 * How uncertain the delays of a route are, for transit-time reliability. Border crossings carry their own mean
 * and 90th-percentile hours; waits for a sea or ferry departure and handling at transshipments have only a mean,
 * so their 90th percentile is taken as the mean times a factor. Each delay is lognormal with that mean and p90.
 *
 * @param waitP90ToMean     p90 / mean of the wait for a departure
 * @param handlingP90ToMean p90 / mean of the time of a transshipment or gauge change
 * @param samples           default Monte Carlo sample count
 * @param seed              default random seed (results are reproducible for a seed)
 */
public record DelayModel(double waitP90ToMean, double handlingP90ToMean, int samples, long seed) {
    public static final DelayModel DEFAULT = new DelayModel(2.0, 2.0, 10_000, 42L);
}
