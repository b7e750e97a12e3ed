package org.caravan.routing;

import java.util.Arrays;
import org.caravan.cost.CargoProfile;
import org.caravan.cost.LinkCosts;
import org.caravan.graph.CompactGraph;
import org.caravan.graph.Overlay;
import org.caravan.graph.Weighting;
import org.caravan.network.Carrier;
import org.caravan.network.Network;
import org.caravan.network.Node;

/**
 * The (node, carrier) state graph of one network and cargo profile as a {@link CompactGraph}, built once per
 * router and profile: state {@code v * k + c}; an arc per link direction and carrier the profile can price, and
 * one per single transfer hop a place allows (a transfer chain is a run of hops). What an arc costs is a
 * {@link Weighting} of the request (objective, country penalties), kept apart from the graph; what a request
 * forbids (closed or planned links, avoided places, modes) is an {@link Overlay} of closed arcs. The search over
 * it gives the same answers as {@link StateSearch} over a {@link SearchSpace} (see {@code CompactRouterProperties}).
 *
 * <p>Thread-safe: the graph is immutable and each thread searches with its own pooled, generation-stamped state.
 */
final class StateGraph {
    final int n;
    final int k = Carrier.COUNT;
    final CompactGraph graph;
    /** Per arc: the traversal step (link * 2 + dir), or -1 for a transfer hop. */
    private final int[] arcStep;
    /** Per arc: the LinkCosts index of a traversal, or the hop's index in {@link #hopUsd} for a transfer. */
    private final int[] arcCost;
    private final double[] hopUsd;
    private final double[] hopHours;
    private final double[] hopCo2;
    /** Per LinkCosts index: the traversal's arc, or -1 when the profile cannot price it. */
    private final int[] arcOfIndex;
    /**
     * Search arrays for reuse, borrowed by one search at a time. Not a ThreadLocal: a pool refers to its graph,
     * so a thread's ThreadLocal entry would keep every graph (and router) it ever served alive, which ran
     * calibration (a router per trial) out of memory.
     */
    private final java.util.concurrent.ConcurrentLinkedDeque<Pool> pools = new java.util.concurrent.ConcurrentLinkedDeque<>();

    StateGraph(Network network, LinkCosts costs) {
        this.n = network.nodeCount();
        CargoProfile profile = costs.profile();
        int m = network.linkCount();
        arcOfIndex = new int[m * 2 * k];
        Arrays.fill(arcOfIndex, -1);
        IntList tails = new IntList();
        IntList heads = new IntList();
        IntList steps = new IntList();
        IntList costIdx = new IntList();
        DoubleList usd = new DoubleList();
        DoubleList hours = new DoubleList();
        DoubleList co2 = new DoubleList();
        DoubleList km = new DoubleList();
        var cargo = profile.cargoClass();
        // Arcs in tail order, and for each state in the order SearchSpace.expand relaxes them (transfers, then
        // links by adjacency), so that the CSR keeps the ids and ties are met in the same order.
        for (int v = 0; v < n; v++) {
            Node node = network.node(v);
            boolean transship = SearchSpace.canTransship(node, cargo);
            boolean gauge = node.gaugeChange();
            for (int c = 0; c < k; c++) {
                for (int b = 0; b < k; b++) {
                    if (b == c) continue;
                    boolean sameMode = Carrier.of(b).mode() == Carrier.of(c).mode();
                    if (sameMode ? !gauge : !transship) continue;
                    double[] hop = SearchSpace.hop(network, profile, v, c, b);
                    tails.add(v * k + c);
                    heads.add(v * k + b);
                    steps.add(-1);
                    costIdx.add(usd.size());
                    usd.add(hop[0]);
                    hours.add(hop[1]);
                    co2.add(hop[2]);
                    km.add(0);
                }
                for (int p = network.adjacencyStart(v); p < network.adjacencyEnd(v); p++) {
                    int l = network.adjacentLink(p);
                    int dir = network.linkFrom(l) == v ? 0 : 1;
                    int i = LinkCosts.index(l, dir, c);
                    if (Double.isNaN(costs.usd(i))) continue;
                    arcOfIndex[i] = tails.size();
                    tails.add(v * k + c);
                    heads.add(network.opposite(l, v) * k + c);
                    steps.add(l * 2 + dir);
                    costIdx.add(i);
                    km.add(costs.km(i));
                }
            }
        }
        float[] xs = new float[n * k];
        float[] ys = new float[n * k];
        for (int v = 0; v < n; v++) {
            Arrays.fill(xs, v * k, v * k + k, (float) network.node(v).lon());
            Arrays.fill(ys, v * k, v * k + k, (float) network.node(v).lat());
        }
        // The graph's own cost is the length (km); searches price arcs with a request's weighting instead.
        graph = CompactGraph.of(n * k, tails.toArray(), heads.toArray(), km.toArray(), xs, ys);
        arcStep = steps.toArray();
        arcCost = costIdx.toArray();
        hopUsd = usd.toArray();
        hopHours = hours.toArray();
        hopCo2 = co2.toArray();
        for (int a = 0; a < graph.arcCount(); a++) { // arcs were given in tail order, so ids are kept
            if (graph.tail(a) != tails.get(a) || graph.head(a) != heads.get(a)) {
                throw new IllegalStateException("state graph arc " + a + " renumbered");
            }
        }
    }

    /** The request's restrictions as closed arcs: links it cannot use (status, closures, places), modes it excludes. */
    Overlay overlay(SearchSpace space) {
        Overlay.Builder b = Overlay.builder();
        boolean any = false;
        for (int l = 0; l < space.linkOk.length; l++) {
            if (space.linkOk[l]) continue;
            for (int dir = 0; dir < 2; dir++) {
                for (int c = 0; c < k; c++) {
                    int a = arcOfIndex[LinkCosts.index(l, dir, c)];
                    if (a >= 0) {
                        b.close(a);
                        any = true;
                    }
                }
            }
        }
        boolean allCarriers = true;
        for (boolean ok : space.carrierOk) allCarriers &= ok;
        if (!allCarriers) {
            for (int a = 0; a < graph.arcCount(); a++) {
                if (!space.carrierOk[graph.head(a) % k]) {
                    b.close(a);
                    any = true;
                }
            }
        }
        return any ? b.build() : Overlay.NONE;
    }

    /** The request's weighting of arcs: the same cost vector SearchSpace gives each move, under one objective. */
    private final class RequestWeighting implements Weighting {
        final SearchSpace space;
        final LinkCosts costs;
        final StateSearch.Weight w;
        final StateSearch.Weight tie;

        RequestWeighting(SearchSpace space, StateSearch.Weight w, StateSearch.Weight tie) {
            this.space = space;
            this.costs = space.costs;
            this.w = w;
            this.tie = tie;
        }

        @Override
        public double weight(int a) {
            return eval(a, w);
        }

        @Override
        public double tie(int a) {
            return eval(a, tie);
        }

        private double eval(int a, StateSearch.Weight f) {
            int step = arcStep[a];
            int i = arcCost[a];
            if (step < 0) {
                return f.of(hopUsd[i], hopHours[i], 0, hopCo2[i], 0, space.transferHoursP90(hopHours[i]));
            }
            return f.of(costs.usd(i) + space.tariff(step, i % k) + space.penalty(step), costs.hours(i), costs.km(i),
                    costs.co2(i),
                    space.riskKm(step), space.hoursP90(i));
        }
    }

    /**
     * The best path under {@code w} (ties by {@code tie}, then by state index) as a path of the space's steps,
     * or null when there is none. Same answer as {@link StateSearch#shortest(SearchSpace, StateSearch.Weight,
     * StateSearch.Weight)}.
     */
    StateSearch.Path shortest(SearchSpace space, StateSearch.Weight w, StateSearch.Weight tie) {
        Pool pool = pools.pollFirst();
        if (pool == null) pool = new Pool();
        try {
            return pool.shortest(space, new RequestWeighting(space, w, tie), overlay(space));
        } finally {
            pools.offerFirst(pool);
        }
    }

    /**
     * The request's state graph as plain weighted arcs, exactly as {@link #shortest} prices them under {@code w}
     * (closed arcs left out, overlay factors applied), with the space's seeds and the destination's states. For a
     * reference engine that must answer the same question; untimed requests without via points only.
     */
    WeightedStates export(SearchSpace space, StateSearch.Weight w) {
        if (space.layers != 1) throw new InvalidRequestException("via", "the exported state graph takes no via points");
        RequestWeighting wt = new RequestWeighting(space, w, w);
        Overlay o = overlay(space);
        IntList tails = new IntList();
        IntList heads = new IntList();
        DoubleList weights = new DoubleList();
        for (int a = 0; a < graph.arcCount(); a++) {
            if (o.isClosed(a)) continue;
            tails.add(graph.tail(a));
            heads.add(graph.head(a));
            weights.add((o.isEmpty() ? 1 : o.factor(a)) * wt.weight(a));
        }
        IntList seeds = new IntList();
        DoubleList seedWeights = new DoubleList();
        space.seeds((to, step, usd, hours, km, co2, riskKm, p90) -> {
            seeds.add(to);
            seedWeights.add(w.of(usd, hours, km, co2, riskKm, p90));
        });
        int[] targets = new int[k];
        for (int c = 0; c < k; c++) targets[c] = space.to * k + c;
        return new WeightedStates(n * k, tails.toArray(), heads.toArray(), weights.toArray(), seeds.toArray(),
                seedWeights.toArray(), targets);
    }

    /** Pooled per-thread search state over layers x states, reset lazily by a generation stamp. */
    private final class Pool {
        private double[] dist = new double[0];
        private double[] tieOf = new double[0];
        private int[] how = new int[0];
        private int[] seen = new int[0];
        private int[] done = new int[0];
        private int generation;
        private final MinHeap heap = new MinHeap(64);

        private void reset(int size) {
            if (dist.length < size) {
                dist = new double[size];
                tieOf = new double[size];
                how = new int[size];
                seen = new int[size];
                done = new int[size];
                generation = 0;
            }
            if (++generation == Integer.MAX_VALUE) {
                Arrays.fill(seen, 0);
                Arrays.fill(done, 0);
                generation = 1;
            }
            heap.clear();
        }

        private boolean relax(int s, double d, double t, int via) {
            if (seen[s] == generation && !StateSearch.improves(d, t, dist[s], tieOf[s])) return false;
            seen[s] = generation;
            dist[s] = d;
            tieOf[s] = t;
            how[s] = via;
            heap.push(d, t, s);
            return true;
        }

        StateSearch.Path shortest(SearchSpace space, RequestWeighting wt, Overlay o) {
            int states = n * k;
            reset(space.layers * states);
            boolean factors = !o.isEmpty();
            // Seeds: the space's own (cargo loaded in a carrier that can leave the origin, with its fixed cost).
            space.seeds((to, step, usd, hours, km, co2, riskKm, p90) -> relax(to,
                    wt.w.of(usd, hours, km, co2, riskKm, p90), wt.tie.of(usd, hours, km, co2, riskKm, p90), step));
            int pops = 0;
            while (!heap.isEmpty()) {
                if ((++pops & 1023) == 0) Cancellation.checkpoint();
                double d = heap.peekKey();
                double t = heap.peekTie();
                int s = heap.pop();
                if (done[s] == generation || d != dist[s] || t != tieOf[s]) continue; // stale: the label changed
                done[s] = generation;
                int layer = s / states;
                int g = s - layer * states;
                int v = g / k;
                if (layer == space.layers - 1 && v == space.to) return path(space, s);
                if (layer < space.layers - 1 && v == space.via[layer]
                        && !(how[s] >= 0 && arcStep[how[s]] < 0 && !space.canLeave(v, g % k))) {
                    relax(s + states, d, t, SearchSpace.LAYER_JUMP);
                }
                int base = layer * states;
                for (int a = graph.firstOut(g), end = graph.endOut(g); a < end; a++) {
                    if (o.isClosed(a)) continue;
                    double f = factors ? o.factor(a) : 1;
                    relax(base + graph.head(a), d + f * wt.weight(a), t + f * wt.tie(a), a);
                }
            }
            return null;
        }

        /** The found path in the space's steps: runs of transfer hops become the space's transfer chains. */
        private StateSearch.Path path(SearchSpace space, int target) {
            int states = n * k;
            IntList rev = new IntList();
            for (int s = target; ; ) {
                rev.add(s);
                int h = how[s];
                if (h == SearchSpace.SEED) break;
                s = h == SearchSpace.LAYER_JUMP ? s - states : s / states * states + graph.tail(h);
            }
            int len = rev.size();
            IntList outStates = new IntList();
            IntList outSteps = new IntList();
            for (int i = len - 1; i >= 0; ) {
                int s = rev.get(i);
                int h = how[s];
                if (h == SearchSpace.SEED || h == SearchSpace.LAYER_JUMP || arcStep[h] >= 0) {
                    outStates.add(s);
                    outSteps.add(h < 0 ? h : arcStep[h]);
                    i--;
                    continue;
                }
                // A run of transfer hops at one place, from the carrier of the state before it.
                int before = rev.get(i + 1);
                int j = i;
                while (j - 1 >= 0 && how[rev.get(j - 1)] >= 0 && arcStep[how[rev.get(j - 1)]] < 0) j--;
                IntList carriers = new IntList();
                carriers.add(before % k);
                for (int q = i; q >= j; q--) carriers.add(rev.get(q) % k);
                int v = (before % states) / k;
                int from = 0;
                int[] c = carriers.toArray();
                while (from < c.length - 1) {
                    int to = c.length - 1;
                    int step = -1;
                    for (; to > from; to--) {
                        step = space.transferStep(v, Arrays.copyOfRange(c, from, to + 1));
                        if (step != -1) break;
                    }
                    if (step == -1) {
                        throw new IllegalStateException("transfer " + Arrays.toString(c) + " at node " + v
                                + " is not in the request's transfer table");
                    }
                    outStates.add(rev.get(i - (to - 1)));
                    outSteps.add(step);
                    from = to;
                }
                i = j - 1;
            }
            return new StateSearch.Path(outStates.toArray(), outSteps.toArray());
        }
    }

    /** A growable int array. */
    static final class IntList {
        private int[] a = new int[16];
        private int size;

        void add(int v) {
            if (size == a.length) a = Arrays.copyOf(a, size * 2);
            a[size++] = v;
        }

        int get(int i) { return a[i]; }

        int size() { return size; }

        int[] toArray() { return Arrays.copyOf(a, size); }
    }

    /** A growable double array. */
    static final class DoubleList {
        private double[] a = new double[16];
        private int size;

        void add(double v) {
            if (size == a.length) a = Arrays.copyOf(a, size * 2);
            a[size++] = v;
        }

        int size() { return size; }

        double[] toArray() { return Arrays.copyOf(a, size); }
    }
}
