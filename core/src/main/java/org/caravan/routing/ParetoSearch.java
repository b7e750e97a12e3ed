package org.caravan.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Multi-criteria label setting over the state graph: every route that no other route beats on all of cost
 * (USD, with any soft penalties), time (hours), risk (risk-weighted km) and CO2 at once.
 *
 * <p>Labels are settled in lexicographic order of (cost, hours) plus admissible, consistent lower bounds of what
 * is left to the destination (multi-objective A*), so a settled label is never dominated by a later one at its
 * state except on exact ties, which the final filter at the destination removes. The bounds also prune every
 * label that cannot end better than a route already found. A new label is dropped
 * when a label at its state, or any route already found, is at least as good on every criterion; labels it
 * dominates are dropped in turn. A cap on labels and a time budget stop runaway requests; the answer then says
 * it is truncated (the routes returned are still non-dominated among themselves, but the set may be incomplete).
 */
final class ParetoSearch {
    static final int CRITERIA = 4;
    private static final double EPS = 1e-9;

    /** The outcome: paths to the destination and whether a budget cut the search short. */
    record Outcome(List<StateSearch.Path> paths, List<double[]> vectors, boolean truncated, int labels) {}

    private final SearchSpace space;
    private final int maxLabels;
    private final long deadlineNanos;

    // Label storage in growable primitive arrays.
    private double[] crit = new double[1024 * CRITERIA];
    private int[] state = new int[1024];
    private int[] pred = new int[1024];
    private int[] step = new int[1024];
    private boolean[] dead = new boolean[1024];
    private int count;
    private final int[][] bags;
    private final int[] bagSize;
    private int[] targets = new int[16];
    /** The targets' criteria side by side (4 per target), scanned for every label: kept contiguous. */
    private double[] targetCrit = new double[16 * CRITERIA];
    private int targetCount;
    /** Admissible lower bounds per criterion and (layer, node): see {@link SearchSpace#lowerBounds()}. */
    private final double[][] lb;

    ParetoSearch(SearchSpace space, int maxLabels, long budgetMillis) {
        this.space = space;
        this.maxLabels = maxLabels;
        this.deadlineNanos = System.nanoTime() + budgetMillis * 1_000_000L;
        this.bags = new int[space.stateCount()][];
        this.bagSize = new int[space.stateCount()];
        this.lb = space.lowerBounds();
    }

    Outcome run() {
        MinHeap heap = new MinHeap(256);
        final int[] parent = {-1};
        final boolean[] overflow = {false};
        SearchSpace.Moves moves = (to, how, usd, hours, km, co2, riskKm, p90) -> {
            if (count >= maxLabels) {
                overflow[0] = true;
                return;
            }
            double c0 = usd;
            double c1 = hours;
            double c2 = riskKm;
            double c3 = co2;
            int p = parent[0];
            if (p >= 0) {
                c0 += crit[p * CRITERIA];
                c1 += crit[p * CRITERIA + 1];
                c2 += crit[p * CRITERIA + 2];
                c3 += crit[p * CRITERIA + 3];
            }
            int at = to / space.k;
            double h0 = lb[0][at];
            if (h0 == Double.POSITIVE_INFINITY) return; // the destination is out of reach from here
            double h1 = lb[1][at];
            // A label whose cheapest possible completion is already beaten by a found route can only lose.
            if (dominatedByTargets(c0 + h0, c1 + h1, c2 + lb[2][at], c3 + lb[3][at])) return;
            if (!insert(to, c0, c1, c2, c3, p, how)) return;
            heap.push(c0 + h0, c1 + h1, count - 1);
        };
        space.seeds(moves);
        boolean truncated = false;
        int pops = 0;
        while (!heap.isEmpty()) {
            int label = heap.pop();
            if (dead[label]) continue;
            if ((++pops & 255) == 0) Cancellation.checkpoint();
            if ((pops & 255) == 0 && System.nanoTime() > deadlineNanos) {
                truncated = true;
                break;
            }
            int s = state[label];
            if (space.isTarget(s)) {
                if (!dominatedByTargets(crit[label * CRITERIA], crit[label * CRITERIA + 1],
                        crit[label * CRITERIA + 2], crit[label * CRITERIA + 3])) {
                    if (targetCount == targets.length) {
                        targets = Arrays.copyOf(targets, targetCount * 2);
                        targetCrit = Arrays.copyOf(targetCrit, targetCount * 2 * CRITERIA);
                    }
                    // Keep the targets sorted by hours: only those no slower than a label can dominate it.
                    double hours = crit[label * CRITERIA + 1];
                    int pos = targetCount;
                    while (pos > 0 && targetCrit[(pos - 1) * CRITERIA + 1] > hours) pos--;
                    System.arraycopy(targets, pos, targets, pos + 1, targetCount - pos);
                    System.arraycopy(targetCrit, pos * CRITERIA, targetCrit, (pos + 1) * CRITERIA,
                            (targetCount - pos) * CRITERIA);
                    System.arraycopy(crit, label * CRITERIA, targetCrit, pos * CRITERIA, CRITERIA);
                    targets[pos] = label;
                    targetCount++;
                }
                continue; // a route ends at its destination
            }
            int at = s / space.k;
            if (dominatedByTargets(crit[label * CRITERIA] + lb[0][at], crit[label * CRITERIA + 1] + lb[1][at],
                    crit[label * CRITERIA + 2] + lb[2][at], crit[label * CRITERIA + 3] + lb[3][at])) {
                continue;
            }
            parent[0] = label;
            space.expand(s, moves);
        }
        truncated |= overflow[0];
        // Final filter: ties settled in either order may leave a dominated route among the targets.
        List<Integer> front = new ArrayList<>();
        for (int ti = 0; ti < targetCount; ti++) {
            int t = targets[ti];
            boolean dominated = false;
            for (int ui = 0; ui < targetCount; ui++) {
                int u = targets[ui];
                if (u != t && dominates(u, t) && !(equal(u, t) && u > t)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) front.add(t);
        }
        List<StateSearch.Path> paths = new ArrayList<>();
        List<double[]> vectors = new ArrayList<>();
        for (int t : front) {
            paths.add(path(t));
            vectors.add(Arrays.copyOfRange(crit, t * CRITERIA, t * CRITERIA + CRITERIA));
        }
        return new Outcome(paths, vectors, truncated, count);
    }

    private boolean insert(int s, double c0, double c1, double c2, double c3, int p, int how) {
        int[] bag = bags[s];
        int size = bagSize[s];
        double u0 = c0 + tol(c0);
        double u1 = c1 + tol(c1);
        double u2 = c2 + tol(c2);
        double u3 = c3 + tol(c3);
        for (int i = 0; i < size; i++) {
            int y = bag[i];
            int o = y * CRITERIA;
            if (!dead[y] && crit[o] <= u0 && crit[o + 1] <= u1 && crit[o + 2] <= u2 && crit[o + 3] <= u3) {
                return false;
            }
        }
        // Drop labels the new one dominates, compacting the bag.
        double l0 = c0 - tol(c0);
        double l1 = c1 - tol(c1);
        double l2 = c2 - tol(c2);
        double l3 = c3 - tol(c3);
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int y = bag[i];
            if (dead[y]) continue;
            int o = y * CRITERIA;
            if (crit[o] >= l0 && crit[o + 1] >= l1 && crit[o + 2] >= l2 && crit[o + 3] >= l3) {
                dead[y] = true;
                continue;
            }
            bag[kept++] = y;
        }
        int id = newLabel(s, c0, c1, c2, c3, p, how);
        if (bag == null) {
            bag = new int[4];
            bags[s] = bag;
        } else if (kept == bag.length) {
            bag = Arrays.copyOf(bag, bag.length * 2);
            bags[s] = bag;
        }
        bag[kept++] = id;
        bagSize[s] = kept;
        return true;
    }

    private int newLabel(int s, double c0, double c1, double c2, double c3, int p, int how) {
        if (count == state.length) {
            int n = state.length * 2;
            crit = Arrays.copyOf(crit, n * CRITERIA);
            state = Arrays.copyOf(state, n);
            pred = Arrays.copyOf(pred, n);
            step = Arrays.copyOf(step, n);
            dead = Arrays.copyOf(dead, n);
        }
        int id = count++;
        crit[id * CRITERIA] = c0;
        crit[id * CRITERIA + 1] = c1;
        crit[id * CRITERIA + 2] = c2;
        crit[id * CRITERIA + 3] = c3;
        state[id] = s;
        pred[id] = p;
        step[id] = how;
        return id;
    }

    /** Label y is at least as good as (c0..c3) on every criterion. */
    private boolean leq(int y, double c0, double c1, double c2, double c3) {
        int o = y * CRITERIA;
        return crit[o] <= c0 + tol(c0) && crit[o + 1] <= c1 + tol(c1) && crit[o + 2] <= c2 + tol(c2)
                && crit[o + 3] <= c3 + tol(c3);
    }

    /**
     * Whether a route already found is at least as good on every criterion. Targets are sorted by hours, so the
     * scan stops at the first target slower than the label.
     */
    private boolean dominatedByTargets(double c0, double c1, double c2, double c3) {
        double u0 = c0 + tol(c0);
        double u1 = c1 + tol(c1);
        double u2 = c2 + tol(c2);
        double u3 = c3 + tol(c3);
        double[] t = targetCrit;
        for (int i = 0; i < targetCount; i++) {
            int o = i * CRITERIA;
            if (t[o + 1] > u1) return false;
            if (t[o] <= u0 && t[o + 2] <= u2 && t[o + 3] <= u3) return true;
        }
        return false;
    }

    private boolean dominates(int a, int b) {
        return leq(a, crit[b * CRITERIA], crit[b * CRITERIA + 1], crit[b * CRITERIA + 2], crit[b * CRITERIA + 3]);
    }

    private boolean equal(int a, int b) { return dominates(a, b) && dominates(b, a); }

    private static double tol(double v) { return EPS * Math.max(1, Math.abs(v)); }

    private StateSearch.Path path(int label) {
        int len = 0;
        for (int x = label; x >= 0; x = pred[x]) len++;
        int[] states = new int[len];
        int[] steps = new int[len];
        int i = len;
        for (int x = label; x >= 0; x = pred[x]) {
            states[--i] = state[x];
            steps[i] = step[x];
        }
        return new StateSearch.Path(states, steps);
    }
}
