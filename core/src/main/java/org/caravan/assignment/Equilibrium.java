package org.caravan.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Static user equilibrium by Frank-Wolfe and its conjugate variants (docs/ASSIGNMENT.md).
 *
 * <p>Each iteration loads the demand all-or-nothing at the current link costs (the shortest-path cost gives the
 * relative gap), builds a target point (FW: that load; CFW/BFW: a combination with the previous targets that makes
 * the direction conjugate to the last one or two with respect to the diagonal Hessian of the link costs, after
 * Mitradjieva and Lindberg 2013), and moves to the point on the segment that minimises the Beckmann objective (an
 * exact line search by bisection on its derivative, which is monotone because link costs do not decrease with
 * volume). A conjugate direction that is not a descent direction, or whose weights come out negative, is replaced
 * by the plain FW direction for that iteration, so every method keeps FW's convergence guarantee.
 *
 * <p>Several classes share the links: the volume a cost function sees is the sum of the classes' volumes times
 * their vehicle equivalents; each class pays {@code timeWeight * t + fixedCost}.
 */
public final class Equilibrium {
    private static final double MAX_CONJUGATE_WEIGHT = 0.99999;
    private static final int LINE_SEARCH_STEPS = 64;

    private final FlowNetwork net;
    private final List<TrafficClass> classes;
    private final AssignmentSettings settings;
    private final int m;
    private final int k;
    private final double[][] fixed;

    private Equilibrium(FlowNetwork net, List<TrafficClass> classes, AssignmentSettings settings) {
        if (classes.isEmpty()) throw new IllegalArgumentException("an assignment needs at least one traffic class");
        for (TrafficClass c : classes) {
            if (c.zones() != net.zoneCount()) {
                throw new IllegalArgumentException("class " + c.name() + " has " + c.zones() + " zones, the network "
                        + net.zoneCount());
            }
            if (c.linkPce() != null && c.linkPce().length != net.linkCount()) {
                throw new IllegalArgumentException("class " + c.name() + ": one pce per link expected");
            }
            if (c.linkTimeWeight() != null && c.linkTimeWeight().length != net.linkCount()) {
                throw new IllegalArgumentException("class " + c.name() + ": one time weight per link expected");
            }
            if (c.fixedCost() != null && c.fixedCost().length != net.linkCount()) {
                throw new IllegalArgumentException("class " + c.name() + ": one fixed cost per link expected");
            }
        }
        this.net = net;
        this.classes = List.copyOf(classes);
        this.settings = settings;
        this.m = net.linkCount();
        this.k = classes.size();
        this.fixed = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] f = classes.get(c).fixedCost();
            if (f == null) {
                f = new double[m];
                for (int a = 0; a < m; a++) f[a] = net.fixedCost(a);
            }
            fixed[c] = f;
        }
    }

    /**
     * Solves with shortest-path trees over the flow network itself; {@code listener} (may be null) hears each
     * iteration as it ends.
     */
    public static AssignmentResult solve(FlowNetwork net, List<TrafficClass> classes, AssignmentSettings settings,
            Consumer<IterationReport> listener) {
        Equilibrium e = new Equilibrium(net, classes, settings);
        if (settings.method() == AssignmentMethod.LOGIT) {
            throw new IllegalArgumentException("logit route choice needs route sets (the freight assignment); "
                    + "expected aon, fw, cfw or bfw");
        }
        int workers = Math.max(1, Math.min(settings.threads(), net.zoneCount()));
        ExecutorService pool = workers > 1 ? Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "caravan-assignment");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            AllOrNothing aon = new AllOrNothing(net, pool, workers);
            List<TrafficClass> list = e.classes;
            PathLoader loader = (c, cost, volumes) -> {
                double sp = aon.load(list.get(c), cost, volumes);
                return new PathLoader.LoadCost(sp, 0);
            };
            return e.run(loader, listener == null ? r -> { } : listener);
        } finally {
            if (pool != null) pool.shutdownNow();
        }
    }

    /**
     * Solves with paths found by {@code loader} (for example Caravan's router over its state graph), the flow
     * network giving the volume-dependent part of the costs.
     */
    public static AssignmentResult solve(FlowNetwork net, List<TrafficClass> classes, PathLoader loader,
            AssignmentSettings settings, Consumer<IterationReport> listener) {
        if (settings.method() == AssignmentMethod.LOGIT) {
            throw new IllegalArgumentException("logit is a stochastic loading, not solved here (FreightAssignment)");
        }
        return new Equilibrium(net, classes, settings).run(loader, listener == null ? r -> { } : listener);
    }

    private AssignmentResult run(PathLoader aon, Consumer<IterationReport> listener) {
        List<IterationReport> reports = new ArrayList<>();
        double[][] x = new double[k][m];
        double[][] y = new double[k][m];
        double[][] target = new double[k][m];
        double[][] prevTarget = new double[k][m];
        double[][] prevTarget2 = new double[k][m];
        double[][] cost = new double[k][m];
        double[] volume = new double[m];
        double[] derivative = new double[m];
        // Costs outside the flow links (PathLoader.LoadCost.baseCost) of each point, combined like the volumes.
        double[] xBase = new double[k];
        double[] yBase = new double[k];
        double[] targetBase = new double[k];
        double[] prevBase = new double[k];
        double[] prevBase2 = new double[k];

        long t0 = System.nanoTime();
        costs(volume, cost);
        for (int c = 0; c < k; c++) xBase[c] = aon.load(c, cost[c], x[c]).baseCost();
        aggregate(x, volume);
        reports.add(report(listener, new IterationReport(0, Double.NaN, objective(x, xBase, volume), 1, "aon",
                secs(t0))));

        double gap = Double.NaN;
        boolean converged = false;
        int history = 0; // how many previous targets the conjugate directions may use
        double prevStep = 1;
        int maxIterations = settings.method() == AssignmentMethod.AON ? 0 : settings.maxIterations();
        for (int it = 1; ; it++) {
            long start = System.nanoTime();
            costs(volume, cost);
            double shortest = 0;
            for (int c = 0; c < k; c++) {
                PathLoader.LoadCost lc = aon.load(c, cost[c], y[c]);
                shortest += lc.shortestPathCost();
                yBase[c] = lc.baseCost();
            }
            double total = 0;
            for (int c = 0; c < k; c++) total += dot(cost[c], x[c]) + xBase[c];
            gap = total > 0 ? Math.max(0, (total - shortest) / total) : 0;
            if (gap <= settings.targetGap()) { converged = true; break; }
            if (it > maxIterations) break;

            String direction = "fw";
            for (int a = 0; a < m; a++) derivative[a] = net.timeDerivative(a, volume[a]);
            boolean usable = prevStep < 1 - 1e-12;
            if (usable && history >= 2 && settings.method() == AssignmentMethod.BFW
                    && biconjugate(x, y, prevTarget, prevTarget2, prevStep, derivative, target, yBase, prevBase,
                            prevBase2, targetBase)) {
                direction = "bfw";
            } else if (usable && history >= 1 && (settings.method() == AssignmentMethod.CFW
                    || settings.method() == AssignmentMethod.BFW)
                    && conjugate(x, y, prevTarget, derivative, target, yBase, prevBase, targetBase)) {
                direction = "cfw";
            } else {
                copy(y, target);
                System.arraycopy(yBase, 0, targetBase, 0, k);
            }
            double slope = slope(x, target, cost) + baseChange(xBase, targetBase);
            if (!(slope < 0) && !direction.equals("fw")) {
                copy(y, target);
                System.arraycopy(yBase, 0, targetBase, 0, k);
                direction = "fw";
                slope = slope(x, target, cost) + baseChange(xBase, targetBase);
            }
            if (!(slope < 0)) { converged = gap <= settings.targetGap(); break; }
            double step = lineSearch(x, target, volume, baseChange(xBase, targetBase));
            for (int c = 0; c < k; c++) {
                double[] xc = x[c];
                double[] tc = target[c];
                for (int a = 0; a < m; a++) xc[a] += step * (tc[a] - xc[a]);
                xBase[c] += step * (targetBase[c] - xBase[c]);
            }
            aggregate(x, volume);
            double[][] swap = prevTarget2;
            prevTarget2 = prevTarget;
            prevTarget = swap;
            copy(target, prevTarget);
            System.arraycopy(prevBase, 0, prevBase2, 0, k);
            System.arraycopy(targetBase, 0, prevBase, 0, k);
            history = step >= 1 - 1e-12 ? 0 : Math.min(2, history + 1);
            prevStep = step;
            reports.add(report(listener, new IterationReport(it, gap, objective(x, xBase, volume), step, direction,
                    secs(start))));
        }
        double[] time = new double[m];
        for (int a = 0; a < m; a++) time[a] = net.time(a, volume[a]);
        List<String> names = classes.stream().map(TrafficClass::name).toList();
        if (!reports.isEmpty() && settings.method() == AssignmentMethod.AON) {
            // The AON "iteration" is the initial load; its gap is known only now.
            IterationReport first = reports.get(0);
            reports.set(0, new IterationReport(0, gap, first.objective(), 1, "aon", first.seconds()));
        }
        return new AssignmentResult(names, x, volume, time, gap, converged, objective(x, xBase, volume),
                List.copyOf(reports));
    }

    private static IterationReport report(Consumer<IterationReport> listener, IterationReport r) {
        listener.accept(r);
        return r;
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private void costs(double[] volume, double[][] cost) {
        for (int a = 0; a < m; a++) {
            double t = net.time(a, volume[a]);
            for (int c = 0; c < k; c++) cost[c][a] = classes.get(c).timeWeight(a) * t + fixed[c][a];
        }
    }

    private void aggregate(double[][] x, double[] volume) {
        Arrays.fill(volume, 0);
        for (int c = 0; c < k; c++) {
            TrafficClass tc = classes.get(c);
            double[] xc = x[c];
            for (int a = 0; a < m; a++) volume[a] += tc.pce(a) * xc[a];
        }
    }

    /**
     * The Beckmann objective: link-time integrals of the shared volume plus the classes' fixed and base costs
     * (exact for one class with unit weights; with several classes, a potential only when time weights equal
     * vehicle equivalents).
     */
    private double objective(double[][] x, double[] xBase, double[] volume) {
        double z = 0;
        for (int a = 0; a < m; a++) z += net.timeIntegral(a, volume[a]);
        for (int c = 0; c < k; c++) z += dot(fixed[c], x[c]) + xBase[c];
        return z;
    }

    private double baseChange(double[] xBase, double[] targetBase) {
        double s = 0;
        for (int c = 0; c < k; c++) s += targetBase[c] - xBase[c];
        return s;
    }

    /** d objective / d step at the current point along {@code target - x}: class costs times the direction. */
    private double slope(double[][] x, double[][] target, double[][] cost) {
        double g = 0;
        for (int c = 0; c < k; c++) {
            double[] xc = x[c];
            double[] tc = target[c];
            double[] cc = cost[c];
            for (int a = 0; a < m; a++) g += (tc[a] - xc[a]) * cc[a];
        }
        return g;
    }

    private double lineSearch(double[][] x, double[][] target, double[] volume, double baseChange) {
        double[] dv = new double[m];
        double[] weighted = new double[m];
        double constant = baseChange;
        for (int a = 0; a < m; a++) {
            for (int c = 0; c < k; c++) {
                double d = target[c][a] - x[c][a];
                dv[a] += classes.get(c).pce(a) * d;
                weighted[a] += classes.get(c).timeWeight(a) * d;
                constant += fixed[c][a] * d;
            }
        }
        if (slopeAt(1, dv, weighted, constant, volume) <= 0) return 1;
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < LINE_SEARCH_STEPS && hi - lo > 1e-15; i++) {
            double mid = (lo + hi) / 2;
            if (slopeAt(mid, dv, weighted, constant, volume) > 0) hi = mid; else lo = mid;
        }
        return (lo + hi) / 2;
    }

    private double slopeAt(double step, double[] dv, double[] weighted, double constant, double[] volume) {
        double g = constant;
        for (int a = 0; a < m; a++) {
            if (weighted[a] != 0) g += weighted[a] * net.time(a, volume[a] + step * dv[a]);
        }
        return g;
    }

    /**
     * {@code <p, H q>} for the diagonal link Hessian: per link, t' times the time-weighted sum of p and the
     * vehicle-equivalent sum of q (exact for one class).
     */
    private double hessian(double[] derivative, Vector p, Vector q) {
        double s = 0;
        for (int a = 0; a < m; a++) {
            if (derivative[a] == 0) continue;
            double pw = 0;
            double qv = 0;
            for (int c = 0; c < k; c++) {
                pw += classes.get(c).timeWeight(a) * p.at(c, a);
                qv += classes.get(c).pce(a) * q.at(c, a);
            }
            s += derivative[a] * pw * qv;
        }
        return s;
    }

    /** A vector over (class, link) given as an expression of the stored arrays, so none is materialised. */
    @FunctionalInterface
    private interface Vector {
        double at(int c, int a);
    }

    /** CFW target: alpha * previous target + (1 - alpha) * AON, conjugate to the previous direction. */
    private boolean conjugate(double[][] x, double[][] y, double[][] prev, double[] derivative, double[][] out,
            double[] yBase, double[] prevBase, double[] outBase) {
        Vector towardsPrev = (c, a) -> prev[c][a] - x[c][a];
        Vector fw = (c, a) -> y[c][a] - x[c][a];
        Vector aonMinusPrev = (c, a) -> y[c][a] - prev[c][a];
        double num = hessian(derivative, towardsPrev, fw);
        double den = hessian(derivative, towardsPrev, aonMinusPrev);
        if (den == 0 || !Double.isFinite(num / den)) return false;
        double alpha = Math.max(0, Math.min(MAX_CONJUGATE_WEIGHT, num / den));
        for (int c = 0; c < k; c++) {
            for (int a = 0; a < m; a++) out[c][a] = alpha * prev[c][a] + (1 - alpha) * y[c][a];
            outBase[c] = alpha * prevBase[c] + (1 - alpha) * yBase[c];
        }
        return true;
    }

    /** BFW target: a combination of AON and the two previous targets, conjugate to the last two directions. */
    private boolean biconjugate(double[][] x, double[][] y, double[][] prev, double[][] prev2, double prevStep,
            double[] derivative, double[][] out, double[] yBase, double[] prevBase, double[] prevBase2,
            double[] outBase) {
        double tau = prevStep;
        Vector d1 = (c, a) -> prev[c][a] - x[c][a];
        Vector d2 = (c, a) -> tau * prev[c][a] - x[c][a] + (1 - tau) * prev2[c][a];
        Vector fw = (c, a) -> y[c][a] - x[c][a];
        Vector prev2MinusPrev = (c, a) -> prev2[c][a] - prev[c][a];
        double muDen = hessian(derivative, d2, prev2MinusPrev);
        double nuDen = hessian(derivative, d1, d1);
        if (muDen == 0 || nuDen == 0) return false;
        double mu = -hessian(derivative, d2, fw) / muDen;
        double nu = -hessian(derivative, d1, fw) / nuDen + mu * tau / (1 - tau);
        if (!(mu >= 0) || !(nu >= 0) || !Double.isFinite(mu) || !Double.isFinite(nu)) return false;
        double b0 = 1 / (1 + mu + nu);
        double b1 = nu * b0;
        double b2 = mu * b0;
        for (int c = 0; c < k; c++) {
            for (int a = 0; a < m; a++) out[c][a] = b0 * y[c][a] + b1 * prev[c][a] + b2 * prev2[c][a];
            outBase[c] = b0 * yBase[c] + b1 * prevBase[c] + b2 * prevBase2[c];
        }
        return true;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static void copy(double[][] from, double[][] to) {
        for (int c = 0; c < from.length; c++) System.arraycopy(from[c], 0, to[c], 0, from[c].length);
    }
}
