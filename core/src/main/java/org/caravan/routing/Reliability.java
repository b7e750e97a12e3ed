package org.caravan.routing;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.caravan.cost.DelayModel;
import org.caravan.network.Mode;

/**
 * Transit-time reliability by Monte Carlo. The random parts of a route are its border crossings (lognormal with
 * the crossing's mean and 90th-percentile hours), its waits for sea and ferry departures and its transshipments
 * and gauge changes (lognormal with their mean and p90 = mean × the delay model's factor). Running times are
 * fixed. Seeded, so a seed always gives the same percentiles; a route without random parts gives its
 * deterministic time at every percentile.
 */
public final class Reliability {
    /** z of the standard normal 90th percentile. */
    private static final double Z90 = 1.2815515655446004;

    private Reliability() {}

    /** A delay with a given mean and p90, as lognormal parameters; sigma 0 means "always the mean". */
    record Lognormal(double mu, double sigma, double mean) {
        double sample(SplittableRandom rnd) {
            if (mean <= 0) return 0;
            if (sigma == 0) return mean;
            return Math.exp(mu + sigma * gaussian(rnd));
        }
    }

    /**
     * Fits a lognormal to a mean and 90th percentile. From mean = exp(mu + s²/2) and p90 = exp(mu + z s):
     * ln(p90/mean) = z s − s²/2, whose smaller root is s = z − sqrt(z² − 2 ln(p90/mean)). A p90 above
     * mean × exp(z²/2) ≈ 2.27 × mean cannot be matched with that mean; the spread is then capped at s = z.
     */
    static Lognormal fit(double mean, double p90) {
        if (mean <= 0) return new Lognormal(0, 0, 0);
        double ratio = Math.log(Math.max(p90, mean) / mean);
        if (ratio <= 0) return new Lognormal(Math.log(mean), 0, mean);
        double disc = Z90 * Z90 - 2 * ratio;
        double sigma = disc <= 0 ? Z90 : Z90 - Math.sqrt(disc);
        double mu = Math.log(mean) - sigma * sigma / 2;
        return new Lognormal(mu, sigma, mean);
    }

    /**
     * A quick estimate of the route's 90th-percentile hours: the sum of its delays approximated as normal
     * (mean + 1.28 standard deviations, lognormal variances). Used to screen candidates before simulating them.
     */
    public static double approximateP90(Route route, DelayModel delays) {
        double mean = 0;
        double variance = 0;
        for (Lognormal d : delays(route, delays)) {
            mean += d.mean();
            variance += d.sigma() == 0 ? 0 : (Math.exp(d.sigma() * d.sigma()) - 1) * d.mean() * d.mean();
        }
        return fixedHours(route) + mean + Z90 * Math.sqrt(variance);
    }

    private static double fixedHours(Route route) {
        double fixed = 0;
        for (Leg leg : route.legs()) {
            if (leg.mode() != Mode.CROSSING) fixed += leg.hours() - leg.waitHours();
        }
        return fixed;
    }

    private static java.util.List<Lognormal> delays(Route route, DelayModel delays) {
        java.util.List<Lognormal> random = new java.util.ArrayList<>();
        for (Leg leg : route.legs()) {
            if (leg.mode() != Mode.CROSSING && leg.waitHours() > 0) {
                random.add(fit(leg.waitHours(), leg.waitHours() * delays.waitP90ToMean()));
            }
        }
        for (CrossingUse c : route.crossings()) random.add(fit(c.hours(), c.p90Hours()));
        for (Transshipment t : route.transshipments()) {
            if (t.hours() > 0) random.add(fit(t.hours(), t.hours() * delays.handlingP90ToMean()));
        }
        return random;
    }

    public static ReliabilityStats simulate(Route route, DelayModel delays, int samples, long seed) {
        if (samples < 1) throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        // Running times are fixed; a crossing leg's time is the crossing's delay, drawn with the others.
        double fixed = fixedHours(route);
        java.util.List<Lognormal> random = delays(route, delays);
        double[] totals = new double[samples];
        SplittableRandom rnd = new SplittableRandom(seed);
        double sum = 0;
        for (int i = 0; i < samples; i++) {
            if ((i & 4095) == 4095) Cancellation.checkpoint();
            double t = fixed;
            for (Lognormal d : random) t += d.sample(rnd);
            totals[i] = t;
            sum += t;
        }
        Arrays.sort(totals);
        return new ReliabilityStats(percentile(totals, 0.50), percentile(totals, 0.90), percentile(totals, 0.95),
                sum / samples, route.totals().hours(), samples, seed);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** A standard normal draw (Box–Muller; one of the pair is enough here). */
    private static double gaussian(SplittableRandom rnd) {
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
