package org.caravan.routing;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.caravan.cost.DelayModel;
import org.caravan.cost.DriverRest;
import org.caravan.cost.ModeRates;
import java.time.LocalDateTime;
import java.util.List;
import org.caravan.cost.Wait;

/**
 * Transit-time reliability by Monte Carlo over a route's timeline ({@link TimeStep}). The random parts are its
 * border crossings (lognormal with the crossing's mean and 90th-percentile hours, after waiting for the post to
 * open), its waits for sea and ferry departures (uniform over the departure interval, a timetable's next
 * departure, or lognormal with a published mean and p90), its terminal dwells, transshipments and gauge changes
 * (lognormal with their mean and p90 = mean × the delay model's factor). Running times are fixed. Seeded, so a seed always gives the same percentiles; a route without random parts gives its
 * deterministic time at every percentile. The drivers' rest is counted again in each sample over its drawn stops
 * (when the road rates are given): a drawn queue as long as a daily rest is the rest, as in the expected timeline.
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
     * (mean + 1.28 standard deviations; lognormal and uniform variances). Used to screen candidates before
     * simulating them.
     */
    public static double approximateP90(Route route, DelayModel delays) {
        double total = 0;
        double variance = 0;
        for (TimeStep s : route.timeline()) {
            total += s.hours();
            Wait w = s.delay();
            if (w.kind() == Wait.Kind.INTERVAL) {
                variance += w.intervalVariance();
            } else if (w.kind() == Wait.Kind.LOGNORMAL) {
                Lognormal d = fit(w.meanHours(), w.p90Hours());
                variance += d.sigma() == 0 ? 0 : (Math.exp(d.sigma() * d.sigma()) - 1) * d.mean() * d.mean();
            }
        }
        return total + Z90 * Math.sqrt(variance);
    }

    /**
     * Door-to-door hours percentiles: each sample walks the route's timeline, drawing every random part from
     * its own distribution (lognormal for queues and handling, uniform over the departure interval for untimed
     * services); steps with opening hours or timetables follow a clock started at the route's departure, or at a
     * random moment of the week when there is none (of the year when a step has closed months).
     */
    public static ReliabilityStats simulate(Route route, DelayModel delays, int samples, long seed) {
        return simulate(route, delays, samples, seed, org.caravan.cost.TimeTables.NONE);
    }

    public static ReliabilityStats simulate(Route route, DelayModel delays, int samples, long seed,
            org.caravan.cost.TimeTables tables) {
        return simulate(route, delays, samples, seed, tables, null);
    }

    /**
     * As above; with {@code road} (the rates of the route's road mode, whose driving rules apply) each sample
     * counts the drivers' rest again ({@link DriverRest}) over its own drawn stops, as the expected timeline
     * counts it over the expected ones: a border queue drawn as long as a daily rest is the rest (no rest is added
     * after it), a short one after a long drive is lengthened into it. The timeline's {@code REST} steps are then
     * replaced by the recount. Without {@code road}, or on a route without driving, the timeline's rest steps are
     * kept as they are.
     */
    public static ReliabilityStats simulate(Route route, DelayModel delays, int samples, long seed,
            org.caravan.cost.TimeTables tables, ModeRates road) {
        if (samples < 1) throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        List<TimeStep> steps = route.timeline();
        Lognormal[] fitted = new Lognormal[steps.size()];
        for (int i = 0; i < fitted.length; i++) {
            Wait w = steps.get(i).delay();
            fitted[i] = w.kind() == Wait.Kind.LOGNORMAL ? fit(w.meanHours(), w.p90Hours()) : null;
        }
        boolean recount = road != null && steps.stream().anyMatch(st -> st.drivingHours() > 0);
        boolean clocked = Clock.clockMatters(route);
        String origin = steps.isEmpty() ? "XX" : steps.get(0).country();
        LocalDateTime weekStart = LocalDateTime.of(2024, 1, 1, 0, 0); // a Monday
        // With a seasonal closure (closed months) on the route, an untimed sample starts at a random moment of the
        // year, not of the week (else every sample would start in January).
        boolean seasonal = steps.stream().anyMatch(s -> s.gate() != null && !s.gate().closedMonths().isEmpty());
        double[] totals = new double[samples];
        SplittableRandom rnd = new SplittableRandom(seed);
        double sum = 0;
        for (int i = 0; i < samples; i++) {
            if ((i & 4095) == 4095) Cancellation.checkpoint();
            double t = 0;
            LocalDateTime start = null;
            if (clocked) {
                start = route.departure() != null ? route.departure()
                        : Clock.plusHours(weekStart, rnd.nextDouble() * (seasonal ? 365 : 7) * 24);
            }
            DriverRest rest = recount ? new DriverRest(road) : null;
            for (int j = 0; j < fitted.length; j++) {
                TimeStep s = steps.get(j);
                if (recount && s.kind() == TimeStep.Kind.REST) continue; // recounted below
                Wait w = s.delay();
                double delay = switch (w.kind()) {
                    case LOGNORMAL -> fitted[j].sample(rnd);
                    case INTERVAL -> w.intervalDraw(rnd.nextDouble());
                    case TIMETABLE -> w.meanHours(); // replaced by the clock below when there is one
                };
                double h;
                if (clocked) {
                    LocalDateTime now = Clock.local(Clock.plusHours(start, t), origin, s.country(), tables);
                    h = Clock.stepHours(s, now, delay);
                } else {
                    h = s.fixedHours() + delay;
                }
                t += h;
                if (recount) t += s.drivingHours() > 0 ? rest.drive(s.drivingHours(), s.country()) : rest.pause(h);
            }
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
