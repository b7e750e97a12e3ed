package org.caravan.routing;

/**
 * How many routes a plan shows and how hard it searches.
 *
 * @param alternatives    null for one route; else up to this many meaningfully different routes (1..20)
 * @param pareto          the Pareto set over cost, time, risk and CO2 instead
 * @param paretoTolerance thinning for reading (0 = exact set), see {@link ParetoResult#thinned}
 * @param maxLabels       label cap of the Pareto search
 * @param budgetMillis    time budget of the Pareto search
 * @param samples         Monte Carlo samples for reliability; null for the cost model's default
 * @param seed            random seed; null for the cost model's default
 */
public record PlanOptions(Integer alternatives, boolean pareto, double paretoTolerance, int maxLabels,
        long budgetMillis, Integer samples, Long seed) {
    public static final int MAX_ALTERNATIVES = 20;
    public static final int MAX_LABELS = 5_000_000;
    public static final long MAX_BUDGET_MILLIS = 60_000;
    public static final int MAX_SAMPLES = 1_000_000;
    public static final long MAX_SEED = Long.MAX_VALUE;

    /**
     * The defaults of every front end: one route; Pareto thinning 2 %, 200,000 labels, 3 s; the cost model's
     * samples and seed.
     */
    public static final PlanOptions DEFAULTS = new PlanOptions(null, false, 0.02, 200_000, 3_000, null, null);

    /** One route, default search limits (the same as {@link #DEFAULTS}). */
    public static final PlanOptions SINGLE = DEFAULTS;

    /** Checks the bounds; the field names are those of the HTTP API (the CLI prefixes "--"). */
    public PlanOptions {
        if (pareto && alternatives != null) {
            throw new InvalidRequestException("pareto", "choose either pareto or alternatives");
        }
        if (alternatives != null && (alternatives < 1 || alternatives > MAX_ALTERNATIVES)) {
            throw new InvalidRequestException("alternatives", "expected 1 to " + MAX_ALTERNATIVES + ", got "
                    + alternatives);
        }
        if (!(paretoTolerance >= 0 && paretoTolerance < 1)) {
            throw new InvalidRequestException("pareto_tolerance", "expected a fraction from 0 to below 1, got "
                    + paretoTolerance);
        }
        if (maxLabels < 1 || maxLabels > MAX_LABELS) {
            throw new InvalidRequestException("max_labels", "expected 1 to " + MAX_LABELS + ", got " + maxLabels);
        }
        if (budgetMillis < 1 || budgetMillis > MAX_BUDGET_MILLIS) {
            throw new InvalidRequestException("budget_ms", "expected 1 to " + MAX_BUDGET_MILLIS + ", got "
                    + budgetMillis);
        }
        if (samples != null && (samples < 1 || samples > MAX_SAMPLES)) {
            throw new InvalidRequestException("samples", "expected 1 to " + MAX_SAMPLES + ", got " + samples);
        }
        if (seed != null && seed < 0) {
            throw new InvalidRequestException("seed", "expected 0 to " + MAX_SEED + ", got " + seed);
        }
    }

    /** The same options with another sample count and seed (null: the cost model's). */
    public PlanOptions withReliability(Integer newSamples, Long newSeed) {
        return new PlanOptions(alternatives, pareto, paretoTolerance, maxLabels, budgetMillis, newSamples, newSeed);
    }

    /** One route (no alternatives, no Pareto set), with these options' reliability settings. */
    public PlanOptions singleRoute() {
        return new PlanOptions(null, false, paretoTolerance, maxLabels, budgetMillis, samples, seed);
    }
}
