package org.caravan.routing;

import java.util.Arrays;

/**
 * Dijkstra over the (node, carrier, via layer) states of a {@link SearchSpace}, under one scalar objective with a
 * secondary key for ties (then the state index), so answers are deterministic. Stateless: every search keeps its
 * labels in its own primitive arrays.
 *
 * <p>With a departure time and a clock-dependent network ({@link SearchSpace#timeDependent}), the search is
 * time-dependent: each label carries its hours since the departure, and a traversal that waits for a post to open
 * or for a timetabled sailing waits as long as the clock says at that moment instead of the expected wait.
 * Waiting keeps arrivals in order (FIFO), so for the time objective the labels stay exact. (The clock counts a
 * leg's destination dwell when the leg starts, as the search charges it; the answer is then timed step by step
 * on the clock.)
 */
final class StateSearch {
    private StateSearch() {}


    /** A path through the state graph: states from the seed to the target and the step into each. */
    record Path(int[] states, int[] steps) {}

    /** Scalar weight of a move under a single objective. */
    interface Weight {
        double of(double usd, double hours, double km, double co2, double riskKm, double hoursP90);

        static Weight of(Objective o, double vot) {
            return switch (o) {
                case COST -> (usd, h, km, co2, r, p90) -> usd + vot * h;
                case TIME -> (usd, h, km, co2, r, p90) -> h;
                case DISTANCE -> (usd, h, km, co2, r, p90) -> km;
                case CO2 -> (usd, h, km, co2, r, p90) -> co2;
                case RELIABLE -> (usd, h, km, co2, r, p90) -> p90;
            };
        }
    }

    /**
     * The best path under one objective; ties go to the cheaper route in generalized cost (or, when cost is the
     * objective, to the faster one).
     */
    static Path shortest(SearchSpace space, Objective objective) {
        double vot = space.profile.valueOfTimeUsdPerHour();
        Objective tie = objective == Objective.COST ? Objective.TIME : Objective.COST;
        return shortest(space, Weight.of(objective, vot), Weight.of(tie, vot));
    }

    /** Dijkstra over the state graph; ties on {@code weight} broken by {@code tieWeight}, then by state index. */
    static Path shortest(SearchSpace space, Weight weight, Weight tieWeight) {
        Path[] found = new Path[1];
        search(space, weight, tieWeight, s -> space.isTarget(s), (s, path) -> {
            found[0] = path.get();
            return true; // one target: stop
        });
        return found[0];
    }

    /** Receives each settled target state; returns true to stop the search. */
    interface TargetSink {
        boolean reached(int state, java.util.function.Supplier<Path> path);
    }

    static void search(SearchSpace space, Weight weight, Weight tieWeight, java.util.function.IntPredicate isTarget,
            TargetSink sink) {
        int states = space.stateCount();
        double[] dist = new double[states];
        double[] tie = new double[states];
        int[] pred = new int[states];
        int[] step = new int[states];
        boolean[] done = new boolean[states];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(tie, Double.POSITIVE_INFINITY);
        MinHeap heap = new MinHeap(64);
        final int[] current = {-1};
        final double[] base = {0, 0};
        boolean clock = space.timeDependent();
        // Hours since the departure along each state's label (only on the clock).
        double[] elapsed = clock ? new double[states] : null;
        SearchSpace.Moves relax = (to, how, usd, hours0, km, co2, riskKm, p900) -> {
            double since = clock && current[0] >= 0 ? elapsed[current[0]] : 0;
            double delta = clock ? space.clockDelta(how, space.carrierOf(to), since) : 0;
            double hours = hours0 + delta;
            double p90 = p900 + delta;
            double d = base[0] + weight.of(usd, hours, km, co2, riskKm, p90);
            double t = base[1] + tieWeight.of(usd, hours, km, co2, riskKm, p90);
            if (improves(d, t, dist[to], tie[to])) {
                dist[to] = d;
                tie[to] = t;
                if (clock) elapsed[to] = since + hours;
                pred[to] = current[0];
                step[to] = how;
                heap.push(d, t, to);
            }
        };
        space.seeds(relax);
        int pops = 0;
        while (!heap.isEmpty()) {
            if ((++pops & 1023) == 0) Cancellation.checkpoint();
            double d = heap.peekKey();
            double t = heap.peekTie();
            int s = heap.pop();
            if (done[s] || d != dist[s] || t != tie[s]) continue; // a stale entry: the label has changed since
            done[s] = true;
            if (isTarget.test(s)) {
                int target = s;
                if (sink.reached(s, () -> path(target, pred, step))) return;
                // More destinations to reach: routes to them may pass through this one, as they would in a
                // point-to-point search, so the search goes on from here.
            }
            current[0] = s;
            base[0] = d;
            base[1] = t;
            space.expand(s, relax);
        }
    }

    /**
     * Whether the label (weight {@code d}, tie {@code t}) beats the best so far: a lower weight, or the same weight
     * and a lower tie, where "the same" allows for rounding (1e-9 relative). The same costs summed in another order
     * (a transfer chain priced as one move or hop by hop) differ in the last bits; without the allowance that
     * difference, not the tie, would choose between two routes, and the two searches would disagree.
     */
    static boolean improves(double d, double t, double bestD, double bestT) {
        if (Double.isInfinite(bestD)) return d < bestD;
        double slack = 1e-9 * Math.max(1, Math.abs(bestD));
        if (d < bestD - slack) return true;
        if (d > bestD + slack) return false;
        if (Double.isInfinite(bestT)) return t < bestT;
        return t < bestT - 1e-9 * Math.max(1, Math.abs(bestT));
    }

    private static Path path(int target, int[] pred, int[] step) {
        int len = 0;
        for (int s = target; s >= 0; s = pred[s]) len++;
        int[] pathStates = new int[len];
        int[] steps = new int[len];
        int i = len;
        for (int s = target; s >= 0; s = pred[s]) {
            pathStates[--i] = s;
            steps[i] = step[s];
        }
        return new Path(pathStates, steps);
    }

}
