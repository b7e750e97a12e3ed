package org.caravan.validation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
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
 * small ridge term that keeps parameters no observation informs at their defaults. The search is a coordinate
 * pattern search on log-parameters: each parameter in turn is tried a step up and a step down, clamped to its
 * bounds, and a move is kept when the objective falls; after a sweep that moved, the sweep's net move is tried
 * once more (a Hooke-Jeeves pattern move); when no parameter moves the step is halved, from ln 1.6 down to
 * ln 1.001. Every evaluation re-routes the observations (a new fare can change the route), so the
 * objective is that of the answers users get. Parameters never leave their bounds.
 *
 * <p>The observations Caravan can answer are split into fitted and held-back rows with a seeded shuffle within
 * each kind of figure (distance, time, cost, CO2), so both sets have each kind.
 */
public final class Calibrator {
    public static final double HUBER_DELTA = Math.log(1.2);
    public static final double DEFAULT_PRIOR_WEIGHT = 0.05;
    private static final double FIRST_STEP = Math.log(1.6);
    private static final double LAST_STEP = Math.log(1.001);
    /** Residual given to an observation that loses its route under trial parameters. */
    private static final double NO_ROUTE_RESIDUAL = Math.log(10);

    /**
     * @param groups         parameter groups to fit ("speeds", "dwell", "waits", "rates", "co2")
     * @param holdout        share of the usable observations held back (0 to 0.9)
     * @param maxEvaluations the most objective evaluations
     * @param priorWeight    λ of the ridge term
     */
    public record Settings(Set<String> groups, double holdout, long seed, int maxEvaluations, double priorWeight) {
        public Settings {
            groups = Set.copyOf(groups);
            if (!(holdout >= 0 && holdout <= 0.9)) {
                throw new IllegalArgumentException("holdout must be between 0 and 0.9, got " + holdout);
            }
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
     * @param override the {@code --costs} file: the changed values, each with a source
     *                 "calibrated on FILE (N observations)" and confidence calibrated
     * @param skipped  observations not used, with why (place not in network, no route...)
     */
    public record Result(List<Fitted> parameters, Metrics fitBefore, Metrics fitAfter, Metrics holdoutBefore,
            Metrics holdoutAfter, List<RowChange> rows, int evaluations, ObjectNode override, List<String> skipped) {}

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

        Search search = new Search(baseTree, params, fit, model, settings);
        search.run();
        double[] fitted = search.current();

        List<Fitted> out = new ArrayList<>();
        for (int j = 0; j < params.size(); j++) out.add(new Fitted(params.get(j), fitted[j]));
        double[] allBefore = evaluate(usable, tree(baseTree, params, search.initial()), model);
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
                metrics(usable, allBefore, holdIdx), metrics(usable, allAfter, holdIdx), rows, search.evaluations,
                override(params, fitted, label, fit.size()), skipped);
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

    /** The pattern search over log-parameters, with residuals cached per observation. */
    private final class Search {
        final ObjectNode base;
        final List<ParameterRegistry.Parameter> params;
        final List<Validator.Prepared> fit;
        /** The name cost-model problems of trial parameter sets are reported against. */
        final String model;
        final Settings settings;
        final double[] u;
        final double[] u0;
        final double[] lo;
        final double[] hi;
        final double[] loss;
        /** For each parameter, the fitted observations it can change (same cargo profile, or all). */
        final List<int[]> affected = new ArrayList<>();
        int evaluations;

        Search(ObjectNode base, List<ParameterRegistry.Parameter> params, List<Validator.Prepared> fit, String model,
                Settings settings) throws CostModelException {
            this.base = base;
            this.params = params;
            this.fit = fit;
            this.model = model;
            this.settings = settings;
            int m = params.size();
            u = new double[m];
            lo = new double[m];
            hi = new double[m];
            for (int j = 0; j < m; j++) {
                ParameterRegistry.Parameter p = params.get(j);
                u[j] = Math.log(p.initial());
                lo[j] = Math.log(p.lower());
                hi[j] = Math.log(p.upper());
                String profile = p.profile().orElse(null);
                affected.add(java.util.stream.IntStream.range(0, fit.size())
                        .filter(i -> profile == null || fit.get(i).request().cargo().equals(profile)).toArray());
            }
            u0 = u.clone();
            loss = new double[fit.size()];
            double[] v = values(initial());
            for (int i = 0; i < v.length; i++) loss[i] = huber(residual(v[i], low(i), high(i)));
        }

        double low(int i) { return fit.get(i).observation().residualLow(); }

        double high(int i) { return fit.get(i).observation().residualHigh(); }

        double[] initial() {
            double[] x = new double[u0.length];
            for (int j = 0; j < x.length; j++) x[j] = params.get(j).initial();
            return x;
        }

        double[] current() {
            double[] x = new double[u.length];
            for (int j = 0; j < x.length; j++) {
                // A parameter that never moved keeps its exact default (exp(ln x) may differ in the last bit).
                x[j] = u[j] == u0[j] ? params.get(j).initial()
                        : Math.min(params.get(j).upper(), Math.max(params.get(j).lower(), Math.exp(u[j])));
            }
            return x;
        }

        double[] values(double[] x) throws CostModelException {
            return evaluate(fit, tree(base, params, x), model);
        }

        double prior(double[] uu) {
            double s = 0;
            for (int j = 0; j < uu.length; j++) s += (uu[j] - u0[j]) * (uu[j] - u0[j]);
            return settings.priorWeight() * s;
        }

        double objective(double[] l, double[] uu) {
            double s = 0;
            for (double x : l) s += x;
            return s + prior(uu);
        }

        /** The objective at {@code uu}, re-routing only the observations the changed parameters can move. */
        double trial(double[] uu, double[] l, java.util.BitSet changed) throws CostModelException {
            double[] x = new double[uu.length];
            for (int k = 0; k < x.length; k++) x[k] = Math.exp(uu[k]);
            Router router = new Router(network, CostModelLoader.fromTree(tree(base, params, x), model), risk);
            evaluations++;
            java.util.BitSet rows = new java.util.BitSet();
            for (int j = changed.nextSetBit(0); j >= 0; j = changed.nextSetBit(j + 1)) {
                for (int i : affected.get(j)) rows.set(i);
            }
            for (int i = rows.nextSetBit(0); i >= 0; i = rows.nextSetBit(i + 1)) {
                RowResult r = Validator.evaluate(router, fit.get(i));
                l[i] = huber(residual(r.evaluated() ? r.caravan() : -1, low(i), high(i)));
            }
            return objective(l, uu);
        }

        void run() throws CostModelException {
            double f = objective(loss, u);
            double step = FIRST_STEP;
            while (step >= LAST_STEP && evaluations < settings.maxEvaluations()) {
                boolean moved = false;
                double[] start = u.clone();
                for (int j = 0; j < u.length && evaluations < settings.maxEvaluations(); j++) {
                    if (affected.get(j).length == 0) continue;
                    for (int dir : new int[] {1, -1}) {
                        double trial = Math.max(lo[j], Math.min(hi[j], u[j] + dir * step));
                        if (Math.abs(trial - u[j]) < 1e-12) continue;
                        double[] uu = u.clone();
                        uu[j] = trial;
                        double[] l = loss.clone();
                        java.util.BitSet changed = new java.util.BitSet();
                        changed.set(j);
                        double ft = trial(uu, l, changed);
                        if (ft < f - 1e-12) {
                            f = ft;
                            u[j] = trial;
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
                java.util.BitSet changed = new java.util.BitSet();
                for (int j = 0; j < uu.length; j++) {
                    uu[j] = Math.max(lo[j], Math.min(hi[j], 2 * u[j] - start[j]));
                    if (Math.abs(uu[j] - u[j]) > 1e-12) changed.set(j);
                }
                if (changed.isEmpty() || evaluations >= settings.maxEvaluations()) continue;
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
