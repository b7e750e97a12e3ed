package org.caravan.validation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.caravan.cost.CostModel;
import org.caravan.cost.CostModelException;
import org.caravan.cost.CostModelLoader;
import org.caravan.network.Network;
import org.caravan.risk.RiskRegister;
import org.caravan.routing.Router;

/**
 * Fits cost-model parameters to observations.
 *
 * <p>Method (docs/OBSERVATIONS.md): each observation's residual is the log distance of Caravan's value from the
 * published range, {@code r = ln(v / low)} below it, {@code ln(v / high)} above it and 0 inside. The fit
 * minimises {@code Σ huber(r) + λ Σ ln(p / p₀)²} over the chosen parameters {@code p} (defaults {@code p₀}), with
 * the Huber loss (quadratic up to δ = ln 1.2, linear beyond, so a few wild observations cannot dominate) and a
 * prior that pulls every parameter toward its default in log space.
 *
 * <p>So that the fit generalises rather than fitting single rows:
 * <ul>
 * <li><b>Support.</b> Before fitting, each parameter is moved once up and once down by ×1.6 (within its bounds)
 *     and the fitted rows whose answer changes are recorded: the rows it touches. A parameter touched by at least
 *     {@code minSupport} fitted rows is fitted on its own. Parameters touched by fewer rows are tied into a pool
 *     of their kind (same group, cargo profile, mode and key, e.g. all road crossings' {@code wait_hours}) that
 *     moves as one multiplier on their defaults, when the pool as a whole is touched by at least
 *     {@code minSupport} rows; otherwise they stay at their defaults and are reported. A parameter no row touches
 *     is never moved. Trials re-route only the rows the moved parameters touch.</li>
 * <li><b>Strength of the prior.</b> With candidate weights given, λ is chosen by k-fold cross-validation on the
 *     fitted rows only (seeded folds, stratified by kind of figure): for each candidate the fit is run on k−1
 *     folds and its Huber loss is summed over the left-out fold. A candidate qualifies only when it beats not
 *     fitting at all (the defaults' loss on the same rows) by more than one standard error of the row-by-row
 *     difference; the qualifying candidate with the least total wins; when none qualifies, nothing is fitted.
 *     The held-back rows are never seen by the choice.</li>
 * </ul>
 *
 * <p>The search is a coordinate pattern search on log-multipliers: each fit variable in turn is tried a step up
 * and a step down, and a move is kept when the objective falls; after a sweep that moved, the sweep's net move is
 * tried once more (a Hooke-Jeeves pattern move); when no variable moves the step is halved, from ln 1.6 down to
 * ln 1.001. Every value is clamped to its own bounds, so parameters never leave them.
 *
 * <p>The observations Caravan can answer are split into fitted and held-back rows with a seeded shuffle within
 * each kind of figure (distance, time, cost, CO2), so both sets have each kind.
 */
public final class Calibrator {
    public static final double HUBER_DELTA = Math.log(1.2);
    public static final double DEFAULT_PRIOR_WEIGHT = 0.05;
    /** Candidate prior weights the cross-validation chooses from by default. */
    public static final List<Double> DEFAULT_PRIOR_WEIGHTS = List.of(0.02, 0.1, 0.5, 2.0);
    public static final int DEFAULT_FOLDS = 3;
    public static final int DEFAULT_MIN_SUPPORT = 3;
    private static final double FIRST_STEP = Math.log(1.6);
    private static final double LAST_STEP = Math.log(1.001);
    /** Residual given to an observation that loses its route under trial parameters. */
    private static final double NO_ROUTE_RESIDUAL = Math.log(10);

    /**
     * @param groups         parameter groups to fit ("speeds", "dwell", "waits", "rates", "co2")
     * @param holdout        share of the usable observations held back (0 to 0.9)
     * @param maxEvaluations the most objective evaluations of the final fit (and of each cross-validation fit,
     *                       unless {@code cvEvaluations} is smaller)
     * @param priorWeight    λ of the prior when {@code priorWeights} is empty (no cross-validation)
     * @param priorWeights   candidate λ for the cross-validation; empty: use {@code priorWeight}
     * @param folds          folds of the cross-validation (at least 2 when candidates are given)
     * @param minSupport     fitted rows a parameter (or a pool of tied parameters) must touch to be fitted
     * @param cvEvaluations  the most evaluations of each cross-validation fit
     */
    public record Settings(Set<String> groups, double holdout, long seed, int maxEvaluations, double priorWeight,
            List<Double> priorWeights, int folds, int minSupport, int cvEvaluations) {
        public Settings {
            groups = Set.copyOf(groups);
            priorWeights = List.copyOf(priorWeights);
            if (!(holdout >= 0 && holdout <= 0.9)) {
                throw new IllegalArgumentException("holdout must be between 0 and 0.9, got " + holdout);
            }
            if (minSupport < 1) throw new IllegalArgumentException("min support must be at least 1, got " + minSupport);
            if (!priorWeights.isEmpty() && folds < 2) {
                throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
            }
            for (double w : priorWeights) {
                if (!(w >= 0)) throw new IllegalArgumentException("prior weights must be >= 0, got " + w);
            }
        }

        /** A fixed prior weight, every touched parameter fitted on its own, no cross-validation. */
        public Settings(Set<String> groups, double holdout, long seed, int maxEvaluations, double priorWeight) {
            this(groups, holdout, seed, maxEvaluations, priorWeight, List.of(), 0, 1, maxEvaluations);
        }

        /** λ chosen by {@code folds}-fold cross-validation among {@code priorWeights}, with support pooling. */
        public static Settings crossValidated(Set<String> groups, double holdout, long seed, int maxEvaluations,
                List<Double> priorWeights, int folds, int minSupport, int cvEvaluations) {
            return new Settings(groups, holdout, seed, maxEvaluations, Double.NaN, priorWeights, folds, minSupport,
                    cvEvaluations);
        }
    }

    /** How well a set of observations agrees. */
    public record Metrics(int observations, int inRange, double medianAbsLogRatio, double loss) {
        public double shareInRange() { return observations == 0 ? 0 : (double) inRange / observations; }
    }

    /** A parameter with its fitted value. */
    public record Fitted(ParameterRegistry.Parameter parameter, double value) {}

    /** One observation before and after. */
    public record RowChange(String id, boolean heldOut, double low, double high, double before, double after) {}

    /**
     * A fit variable: one parameter, or a pool of tied parameters moving as one multiplier.
     *
     * @param support fitted rows it touches
     */
    public record Variable(String name, List<String> paths, int support) {
        public boolean tied() { return paths.size() > 1 || !name.equals(paths.get(0)); }
    }

    /** A parameter left at its default because too few fitted rows touch it (and its pool). */
    public record Unsupported(String path, int support) {}

    /**
     * One candidate prior weight: its Huber loss summed over the left-out folds, the change from the defaults'
     * loss on the same rows (negative: better) and the standard error of that change (paired by row).
     */
    public record CvScore(double priorWeight, double loss, double change, double standardError) {
        public boolean beatsDefaults() { return change < -standardError; }
    }

    /**
     * @param override        the {@code --costs} file: the changed values, each with a source
     *                        "calibrated on FILE (N observations)" and confidence calibrated
     * @param skipped         observations not used, with why (place not in network, no route...)
     * @param priorWeight     the λ used (chosen by cross-validation or given); infinite when cross-validation
     *                        found that no fit beats the defaults, and nothing was fitted
     * @param noFitCvLoss     the defaults' loss on the cross-validation folds (NaN without cross-validation)
     */
    public record Result(List<Fitted> parameters, Metrics fitBefore, Metrics fitAfter, Metrics holdoutBefore,
            Metrics holdoutAfter, List<RowChange> rows, int evaluations, ObjectNode override, List<String> skipped,
            double priorWeight, List<CvScore> crossValidation, double noFitCvLoss, List<Variable> variables,
            List<Unsupported> unsupported) {}

    private final Network network;
    private final RiskRegister risk;
    private final ParameterRegistry registry;

    public Calibrator(Network network, RiskRegister risk, ParameterRegistry registry) {
        this.network = network;
        this.risk = risk;
        this.registry = registry;
    }

    /**
     * Fits the chosen parameters of {@code baseTree} (a complete cost model tree) to {@code observations}.
     *
     * @param label the observations file's name, cited in the override's sources
     * @param model the name cost-model problems are reported against: the cost file being fitted (e.g. "fitted
     *              parameters for fitted.yaml"); {@code baseTree} itself is checked before under this name too
     * @throws IllegalArgumentException when no parameter of the groups exists or no observation can be used
     */
    public Result calibrate(ObjectNode baseTree, List<Observation> observations, String label, String model,
            Settings settings) throws CostModelException {
        CostModel base = CostModelLoader.fromTree(baseTree, model);
        Router baseRouter = new Router(network, base, risk);
        Validator validator = new Validator(baseRouter);
        List<Validator.Prepared> usable = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Validator.Prepared p : validator.prepare(observations)) {
            RowResult r = Validator.evaluate(baseRouter, p);
            if (r.evaluated()) usable.add(p);
            else skipped.add(p.observation().id() + ": " + r.status().label() + " (" + r.message() + ")");
        }
        if (usable.isEmpty()) throw new IllegalArgumentException("no observation can be answered on this network");
        List<ParameterRegistry.Parameter> params = registry.find(baseTree, settings.groups());
        if (params.isEmpty()) {
            throw new IllegalArgumentException("the cost model has no parameter in the groups " + settings.groups()
                    + " (groups: " + registry.groups() + ")");
        }
        boolean[] held = split(usable, settings.holdout(), settings.seed());
        List<Validator.Prepared> fit = new ArrayList<>();
        for (int i = 0; i < usable.size(); i++) if (!held[i]) fit.add(usable.get(i));

        double[] initial = new double[params.size()];
        for (int j = 0; j < initial.length; j++) initial[j] = params.get(j).initial();
        int[] counter = {0};
        double[] fitBase = evaluate(fit, tree(baseTree, params, initial), model);
        List<BitSet> touched = probe(baseTree, params, fit, fitBase, model, counter);

        BitSet all = new BitSet();
        all.set(0, fit.size());
        double lambda = settings.priorWeight();
        List<CvScore> cv = new ArrayList<>();
        double noFit = Double.NaN;
        if (!settings.priorWeights().isEmpty()) {
            int[] fold = folds(fit, settings.folds(), settings.seed());
            noFit = 0;
            for (int i = 0; i < fit.size(); i++) noFit += huber(residual(fitBase[i], low(fit, i), high(fit, i)));
            int cvEvals = Math.min(settings.maxEvaluations(), settings.cvEvaluations());
            double[] base0 = new double[fit.size()];
            for (int i = 0; i < fit.size(); i++) base0[i] = huber(residual(fitBase[i], low(fit, i), high(fit, i)));
            double best = Double.POSITIVE_INFINITY;
            lambda = Double.POSITIVE_INFINITY;
            for (double w : settings.priorWeights()) {
                double[] rowLoss = base0.clone();
                for (int k = 0; k < settings.folds(); k++) {
                    BitSet train = new BitSet();
                    List<Integer> test = new ArrayList<>();
                    for (int i = 0; i < fit.size(); i++) {
                        if (fold[i] == k) test.add(i); else train.set(i);
                    }
                    if (test.isEmpty()) continue;
                    Plan plan = plan(params, touched, train, settings.minSupport());
                    Search s = new Search(baseTree, params, plan, fit, fitBase, train, model, w, cvEvals);
                    s.run();
                    counter[0] += s.evaluations;
                    List<Validator.Prepared> rowsOut = test.stream().map(fit::get).toList();
                    double[] v = evaluate(rowsOut, tree(baseTree, params, s.current()), model);
                    counter[0]++;
                    for (int t = 0; t < test.size(); t++) {
                        rowLoss[test.get(t)] = huber(residual(v[t], low(rowsOut, t), high(rowsOut, t)));
                    }
                }
                // Paired with the defaults row by row: the total change and its standard error.
                double total = 0;
                double sum = 0;
                double sq = 0;
                int n = fit.size();
                for (int i = 0; i < n; i++) {
                    total += rowLoss[i];
                    double d = rowLoss[i] - base0[i];
                    sum += d;
                    sq += d * d;
                }
                double mean = sum / n;
                double se = n < 2 ? 0 : Math.sqrt(n * Math.max(0, (sq - n * mean * mean) / (n - 1)));
                cv.add(new CvScore(w, total, sum, se));
                // A candidate is used only when it beats the defaults by more than one standard error of the
                // paired difference; among those, the least loss (the first, i.e. the weaker prior, on a tie).
                if (sum < -se && total < best - 1e-12) {
                    best = total;
                    lambda = w;
                }
            }
        }
        Plan plan = plan(params, touched, all, settings.minSupport());
        double[] fitted = initial;
        if (Double.isFinite(lambda)) {
            Search search = new Search(baseTree, params, plan, fit, fitBase, all, model, lambda,
                    settings.maxEvaluations());
            search.run();
            counter[0] += search.evaluations;
            fitted = search.current();
        }

        List<Fitted> out = new ArrayList<>();
        for (int j = 0; j < params.size(); j++) out.add(new Fitted(params.get(j), fitted[j]));
        double[] allBefore = evaluate(usable, tree(baseTree, params, initial), model);
        double[] allAfter = evaluate(usable, tree(baseTree, params, fitted), model);
        List<RowChange> rows = new ArrayList<>();
        List<Integer> fitIdx = new ArrayList<>();
        List<Integer> holdIdx = new ArrayList<>();
        for (int i = 0; i < usable.size(); i++) {
            Observation o = usable.get(i).observation();
            rows.add(new RowChange(o.id(), held[i], o.low(), o.high(), allBefore[i], allAfter[i]));
            (held[i] ? holdIdx : fitIdx).add(i);
        }
        return new Result(out, metrics(usable, allBefore, fitIdx), metrics(usable, allAfter, fitIdx),
                metrics(usable, allBefore, holdIdx), metrics(usable, allAfter, holdIdx), rows, counter[0],
                override(params, fitted, label, fit.size()), skipped, lambda, cv, noFit, plan.variables(params),
                plan.unsupported(params));
    }

    private static double low(List<Validator.Prepared> rows, int i) { return rows.get(i).observation().residualLow(); }

    private static double high(List<Validator.Prepared> rows, int i) {
        return rows.get(i).observation().residualHigh();
    }

    /**
     * For each parameter, the fitted rows whose answer changes when it alone is moved ×1.6 up or down (within
     * its bounds). Only rows of the parameter's cargo profile can change, so only those are routed.
     */
    private List<BitSet> probe(ObjectNode base, List<ParameterRegistry.Parameter> params,
            List<Validator.Prepared> fit, double[] baseline, String model, int[] counter) throws CostModelException {
        List<BitSet> out = new ArrayList<>();
        double[] initial = new double[params.size()];
        for (int j = 0; j < initial.length; j++) initial[j] = params.get(j).initial();
        for (int j = 0; j < params.size(); j++) {
            ParameterRegistry.Parameter p = params.get(j);
            String profile = p.profile().orElse(null);
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < fit.size(); i++) {
                if (profile == null || fit.get(i).request().cargo().equals(profile)) rows.add(i);
            }
            BitSet t = new BitSet();
            if (!rows.isEmpty()) {
                for (double factor : new double[] {1.6, 1 / 1.6}) {
                    double x = Math.min(p.upper(), Math.max(p.lower(), p.initial() * factor));
                    if (Math.abs(x - p.initial()) <= 1e-12 * p.initial()) continue;
                    double[] xs = initial.clone();
                    xs[j] = x;
                    Router router = new Router(network, CostModelLoader.fromTree(tree(base, params, xs), model), risk);
                    counter[0]++;
                    for (int i : rows) {
                        RowResult r = Validator.evaluate(router, fit.get(i));
                        double v = r.evaluated() ? r.caravan() : -1;
                        if (Math.abs(v - baseline[i]) > 1e-9 * Math.max(1, Math.abs(baseline[i]))) t.set(i);
                    }
                }
            }
            out.add(t);
        }
        return out;
    }

    /** Seeded folds of the fitted rows, dealt round-robin after a shuffle within each kind of figure. */
    static int[] folds(List<Validator.Prepared> rows, int k, long seed) {
        int[] fold = new int[rows.size()];
        Random random = new Random(seed * 31 + 7);
        Map<Quantity.Family, List<Integer>> byFamily = new LinkedHashMap<>();
        for (Quantity.Family f : Quantity.Family.values()) byFamily.put(f, new ArrayList<>());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) order.add(i);
        order.sort(Comparator.comparing(i -> rows.get(i).observation().id()));
        for (int i : order) byFamily.get(rows.get(i).observation().quantity().family()).add(i);
        int next = 0;
        for (List<Integer> idx : byFamily.values()) {
            Collections.shuffle(idx, random);
            for (int i : idx) fold[i] = next++ % k;
        }
        return fold;
    }

    /**
     * Which parameters move, and how: {@code members[v]} are the parameter indices of fit variable {@code v},
     * {@code rows[v]} the rows (among the training rows) it touches; {@code support[j]} the training rows
     * parameter {@code j} touches; {@code names[v]} a pool's name (null for a single parameter).
     */
    record Plan(List<int[]> members, List<BitSet> rows, List<String> names, int[] support, int minSupport) {
        List<Variable> variables(List<ParameterRegistry.Parameter> params) {
            List<Variable> out = new ArrayList<>();
            for (int v = 0; v < members.size(); v++) {
                List<String> paths = new ArrayList<>();
                for (int j : members.get(v)) paths.add(params.get(j).path());
                out.add(new Variable(names.get(v) == null ? paths.get(0) : names.get(v), paths, rows.get(v)
                        .cardinality()));
            }
            return out;
        }

        List<Unsupported> unsupported(List<ParameterRegistry.Parameter> params) {
            BitSet fitted = new BitSet();
            for (int[] m : members) for (int j : m) fitted.set(j);
            List<Unsupported> out = new ArrayList<>();
            for (int j = 0; j < params.size(); j++) {
                if (!fitted.get(j) && support[j] > 0) out.add(new Unsupported(params.get(j).path(), support[j]));
            }
            return out;
        }
    }

    /**
     * Parameters touched by at least {@code minSupport} of the {@code train} rows are fitted alone; the others
     * that some row touches are pooled by {@link #poolKey}; a pool touched by at least {@code minSupport} rows
     * is fitted as one multiplier; the rest stay at their defaults.
     */
    static Plan plan(List<ParameterRegistry.Parameter> params, List<BitSet> touched, BitSet train, int minSupport) {
        List<int[]> members = new ArrayList<>();
        List<BitSet> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int[] support = new int[params.size()];
        Map<String, List<Integer>> pools = new LinkedHashMap<>();
        for (int j = 0; j < params.size(); j++) {
            BitSet t = (BitSet) touched.get(j).clone();
            t.and(train);
            support[j] = t.cardinality();
            if (support[j] == 0) continue;
            if (support[j] >= minSupport) {
                members.add(new int[] {j});
                rows.add(t);
                names.add(null);
            } else {
                pools.computeIfAbsent(poolKey(params.get(j)), k -> new ArrayList<>()).add(j);
            }
        }
        for (Map.Entry<String, List<Integer>> e : pools.entrySet()) {
            BitSet t = new BitSet();
            for (int j : e.getValue()) {
                t.or(touched.get(j));
            }
            t.and(train);
            if (t.cardinality() < minSupport) continue;
            members.add(e.getValue().stream().mapToInt(Integer::intValue).toArray());
            rows.add(t);
            names.add(e.getKey());
        }
        return new Plan(members, rows, names, support, minSupport);
    }

    /**
     * The kind of a parameter, for pooling: its group, its top-level table ({@code profiles.CARGO},
     * {@code crossings}, {@code services}), its mode (the key after {@code modes}; a crossing's id ends in its
     * mode, a service's id starts with it) and its last key, e.g. {@code waits crossings[road] wait_hours} or
     * {@code rates profiles.container[road] per_km_usd_by_country}.
     */
    static String poolKey(ParameterRegistry.Parameter p) {
        String[] s = p.path().split("\\.");
        String table = s[0];
        String mode = "";
        if (s[0].equals("profiles") && s.length > 1) {
            table = "profiles." + s[1];
            for (int i = 2; i < s.length - 1; i++) {
                if (s[i].equals("modes")) mode = s[i + 1];
                if (s[i].equals("nodes") || s[i].equals("transship") || s[i].equals("gauge_change")) {
                    mode = mode.isEmpty() ? s[i] : mode;
                }
            }
        } else if (s[0].equals("crossings") && s.length > 1) {
            mode = s[1].substring(s[1].lastIndexOf('_') + 1);
        } else if (s[0].equals("services") && s.length > 1) {
            int u = s[1].indexOf('_');
            mode = u < 0 ? s[1] : s[1].substring(0, u);
        }
        String last = s[s.length - 1];
        // A map entry keyed by country or line (…_by_country.KZ): the key is the map's name.
        if (s.length > 1 && s[s.length - 2].contains("_by_")) last = s[s.length - 2];
        return p.group() + " " + table + (mode.isEmpty() ? "" : "[" + mode + "]") + " " + last;
    }

    /** {@link #calibrate(ObjectNode, List, String, String, Settings)} reporting model problems as "fitted parameters". */
    public Result calibrate(ObjectNode baseTree, List<Observation> observations, String label, Settings settings)
            throws CostModelException {
        return calibrate(baseTree, observations, label, "fitted parameters (calibrating on " + label + ")", settings);
    }

    /** Held-back flags: within each kind of figure, a seeded shuffle, the first share held back. */
    static boolean[] split(List<Validator.Prepared> usable, double holdout, long seed) {
        boolean[] held = new boolean[usable.size()];
        Random random = new Random(seed);
        Map<Quantity.Family, List<Integer>> byFamily = new LinkedHashMap<>();
        for (Quantity.Family f : Quantity.Family.values()) byFamily.put(f, new ArrayList<>());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < usable.size(); i++) order.add(i);
        order.sort(Comparator.comparing(i -> usable.get(i).observation().id()));
        for (int i : order) byFamily.get(usable.get(i).observation().quantity().family()).add(i);
        for (List<Integer> idx : byFamily.values()) {
            Collections.shuffle(idx, random);
            int n = (int) Math.round(idx.size() * holdout);
            for (int k = 0; k < n; k++) held[idx.get(k)] = true;
        }
        return held;
    }

    /** Log distance from the published range: 0 inside it. */
    public static double residual(double v, double low, double high) {
        if (!(v > 0)) return NO_ROUTE_RESIDUAL;
        if (v < low) return Math.log(v / low);
        if (v > high) return Math.log(v / high);
        return 0;
    }

    public static double huber(double r) {
        double a = Math.abs(r);
        return a <= HUBER_DELTA ? 0.5 * a * a : HUBER_DELTA * (a - 0.5 * HUBER_DELTA);
    }

    private Metrics metrics(List<Validator.Prepared> usable, double[] values, List<Integer> idx) {
        int in = 0;
        double loss = 0;
        double[] abs = new double[idx.size()];
        for (int k = 0; k < idx.size(); k++) {
            Observation o = usable.get(idx.get(k)).observation();
            double v = values[idx.get(k)];
            if (v > 0 && o.inRange(v)) in++;
            abs[k] = v > 0 ? Math.abs(Math.log(v / o.reference())) : NO_ROUTE_RESIDUAL;
            loss += huber(residual(v, o.residualLow(), o.residualHigh()));
        }
        Arrays.sort(abs);
        double median = abs.length == 0 ? 0 : abs.length % 2 == 1 ? abs[abs.length / 2]
                : (abs[abs.length / 2 - 1] + abs[abs.length / 2]) / 2;
        return new Metrics(idx.size(), in, median, loss);
    }

    private double[] evaluate(List<Validator.Prepared> prepared, ObjectNode tree, String model)
            throws CostModelException {
        Router router = new Router(network, CostModelLoader.fromTree(tree, model), risk);
        double[] out = new double[prepared.size()];
        for (int i = 0; i < prepared.size(); i++) {
            RowResult r = Validator.evaluate(router, prepared.get(i));
            out[i] = r.evaluated() ? r.caravan() : -1;
        }
        return out;
    }

    /** {@code base} with the parameters set to {@code values}. */
    static ObjectNode tree(ObjectNode base, List<ParameterRegistry.Parameter> params, double[] values) {
        ObjectNode t = base.deepCopy();
        for (int j = 0; j < params.size(); j++) {
            ParameterRegistry.Parameter p = params.get(j);
            set(t, p.path(), values[j]);
            for (ParameterRegistry.Tied tied : p.tied()) set(t, tied.path(), tied.value(p.initial(), values[j]));
        }
        return t;
    }

    private static void set(ObjectNode root, String path, double value) {
        String[] parts = path.split("\\.");
        ObjectNode n = root;
        for (int i = 0; i < parts.length - 1; i++) {
            n = n.get(parts[i]) instanceof ObjectNode o ? o : n.putObject(parts[i]);
        }
        n.put(parts[parts.length - 1], value);
    }

    /** The changed values as a {@code --costs} file, each citing the calibration. */
    static ObjectNode override(List<ParameterRegistry.Parameter> params, double[] values, String label, int n) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode sources = JsonNodeFactory.instance.objectNode();
        for (int j = 0; j < params.size(); j++) {
            ParameterRegistry.Parameter p = params.get(j);
            double v = Math.min(p.upper(), Math.max(p.lower(), round(values[j])));
            if (Math.abs(v - p.initial()) <= 1e-9 * Math.max(1, Math.abs(p.initial()))) continue;
            set(root, p.path(), v);
            ObjectNode s = sources.putObject(p.path());
            s.put("source", "calibrated on " + label + " (" + n + " observations); default was "
                    + ValidationFormats.num(p.initial()) + ", bounds " + ValidationFormats.num(p.lower()) + "-"
                    + ValidationFormats.num(p.upper()));
            s.put("confidence", "calibrated");
            for (ParameterRegistry.Tied tied : p.tied()) {
                set(root, tied.path(), round(tied.value(p.initial(), v)));
                ObjectNode ts = sources.putObject(tied.path());
                ts.put("source", "calibrated on " + label + " (" + n + " observations): moved with " + p.path()
                        + ", keeping its ratio to it; default was " + ValidationFormats.num(tied.initial()));
                ts.put("confidence", "calibrated");
            }
        }
        if (!sources.isEmpty()) root.set("sources", sources);
        return root;
    }

    /** The override as the text of a {@code --costs} file, under comment lines {@code header}. */
    public static String yaml(ObjectNode override, List<String> header) {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper(com.fasterxml.jackson.dataformat.yaml.YAMLFactory
                .builder().disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.SPLIT_LINES)
                .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.MINIMIZE_QUOTES).build());
        StringBuilder s = new StringBuilder();
        for (String h : header) s.append("# ").append(h).append('\n');
        try {
            return s.append(mapper.writeValueAsString(override)).toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Four significant digits (the caller clamps to the bounds again). */
    static double round(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
    }

    /**
     * The pattern search over the log-multipliers of a plan's fit variables, on the {@code train} rows, with
     * residuals cached per row: a trial re-routes only the rows the moved variables touch.
     */
    private final class Search {
        final ObjectNode base;
        final List<ParameterRegistry.Parameter> params;
        final Plan plan;
        final List<Validator.Prepared> rows;
        /** The name cost-model problems of trial parameter sets are reported against. */
        final String model;
        final double lambda;
        final int maxEvaluations;
        /** Log-multiplier of each variable on its members' defaults. */
        final double[] u;
        final double[] lo;
        final double[] hi;
        /** Huber loss of each row (0 for rows outside {@code train}, which never count). */
        final double[] loss;
        int evaluations;

        Search(ObjectNode base, List<ParameterRegistry.Parameter> params, Plan plan, List<Validator.Prepared> rows,
                double[] baseline, BitSet train, String model, double lambda, int maxEvaluations) {
            this.base = base;
            this.params = params;
            this.plan = plan;
            this.rows = rows;
            this.model = model;
            this.lambda = lambda;
            this.maxEvaluations = maxEvaluations;
            int m = plan.members().size();
            u = new double[m];
            lo = new double[m];
            hi = new double[m];
            for (int v = 0; v < m; v++) {
                lo[v] = Double.POSITIVE_INFINITY;
                hi[v] = Double.NEGATIVE_INFINITY;
                for (int j : plan.members().get(v)) {
                    ParameterRegistry.Parameter p = params.get(j);
                    lo[v] = Math.min(lo[v], Math.log(p.lower() / p.initial()));
                    hi[v] = Math.max(hi[v], Math.log(p.upper() / p.initial()));
                }
            }
            loss = new double[rows.size()];
            for (int i = train.nextSetBit(0); i >= 0; i = train.nextSetBit(i + 1)) {
                loss[i] = huber(residual(baseline[i], low(rows, i), high(rows, i)));
            }
        }

        /** Parameter values for multipliers {@code uu}, each clamped to its own bounds. */
        double[] values(double[] uu) {
            double[] x = new double[params.size()];
            for (int j = 0; j < x.length; j++) x[j] = params.get(j).initial();
            for (int v = 0; v < uu.length; v++) {
                if (uu[v] == 0) continue; // an unmoved variable keeps its members' exact defaults
                for (int j : plan.members().get(v)) {
                    ParameterRegistry.Parameter p = params.get(j);
                    x[j] = Math.min(p.upper(), Math.max(p.lower(), p.initial() * Math.exp(uu[v])));
                }
            }
            return x;
        }

        double[] current() { return values(u); }

        /** λ Σ ln(p / p₀)² over the parameters (a pool's members each count). */
        double prior(double[] uu) {
            double[] x = values(uu);
            double s = 0;
            for (int v = 0; v < uu.length; v++) {
                for (int j : plan.members().get(v)) {
                    double d = Math.log(x[j] / params.get(j).initial());
                    s += d * d;
                }
            }
            return lambda * s;
        }

        double objective(double[] l, double[] uu) {
            double s = 0;
            for (double x : l) s += x;
            return s + prior(uu);
        }

        /** The objective at {@code uu}, re-routing only the rows the changed variables touch. */
        double trial(double[] uu, double[] l, BitSet changed) throws CostModelException {
            Router router = new Router(network, CostModelLoader.fromTree(tree(base, params, values(uu)), model), risk);
            evaluations++;
            BitSet touched = new BitSet();
            for (int v = changed.nextSetBit(0); v >= 0; v = changed.nextSetBit(v + 1)) touched.or(plan.rows().get(v));
            for (int i = touched.nextSetBit(0); i >= 0; i = touched.nextSetBit(i + 1)) {
                RowResult r = Validator.evaluate(router, rows.get(i));
                l[i] = huber(residual(r.evaluated() ? r.caravan() : -1, low(rows, i), high(rows, i)));
            }
            return objective(l, uu);
        }

        void run() throws CostModelException {
            double f = objective(loss, u);
            double step = FIRST_STEP;
            while (step >= LAST_STEP && evaluations < maxEvaluations) {
                boolean moved = false;
                double[] start = u.clone();
                for (int v = 0; v < u.length && evaluations < maxEvaluations; v++) {
                    for (int dir : new int[] {1, -1}) {
                        double trial = Math.max(lo[v], Math.min(hi[v], u[v] + dir * step));
                        if (Math.abs(trial - u[v]) < 1e-12) continue;
                        double[] uu = u.clone();
                        uu[v] = trial;
                        double[] l = loss.clone();
                        BitSet changed = new BitSet();
                        changed.set(v);
                        double ft = trial(uu, l, changed);
                        if (ft < f - 1e-12) {
                            f = ft;
                            u[v] = trial;
                            System.arraycopy(l, 0, loss, 0, l.length);
                            moved = true;
                            break;
                        }
                    }
                }
                if (!moved) {
                    step /= 2;
                    continue;
                }
                // Hooke-Jeeves pattern move: repeat the sweep's net move once more, which follows a valley that
                // runs across the coordinate axes (e.g. a fixed fee against a rate per km) much faster.
                double[] uu = u.clone();
                BitSet changed = new BitSet();
                for (int v = 0; v < uu.length; v++) {
                    uu[v] = Math.max(lo[v], Math.min(hi[v], 2 * u[v] - start[v]));
                    if (Math.abs(uu[v] - u[v]) > 1e-12) changed.set(v);
                }
                if (changed.isEmpty() || evaluations >= maxEvaluations) continue;
                double[] l = loss.clone();
                double ft = trial(uu, l, changed);
                if (ft < f - 1e-12) {
                    f = ft;
                    System.arraycopy(uu, 0, u, 0, u.length);
                    System.arraycopy(l, 0, loss, 0, l.length);
                }
            }
        }
    }
}
