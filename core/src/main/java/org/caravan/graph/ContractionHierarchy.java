package org.caravan.graph;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Contraction hierarchy (Geisberger et al. 2008) of a {@link CompactGraph}'s base costs, for queries with no
 * overlay. Nodes are contracted in rounds, in order of a priority (edge difference plus contracted neighbours):
 * each round takes every node whose priority is below all its uncontracted neighbours' (an independent set, so
 * the round's contractions do not interfere) and contracts them on several threads ({@link #build(CompactGraph,
 * int)}). A shortcut u→x replaces u→v→x unless a witness search (a Dijkstra from u that avoids v and the rest of
 * the round, limited to {@value #WITNESS_SETTLE_LIMIT} settled nodes) finds a path no longer than it. An
 * unnecessary shortcut only costs space, never a wrong answer; a witness of equal length (a tie) also makes the
 * shortcut unnecessary, since only distances are answered. What remains is an upward graph in CSR form: for each
 * node its arcs to higher-ranked nodes (forward) and from higher-ranked nodes (backward, stored reversed).
 *
 * <p>Queries: {@link #query} (bidirectional upward Dijkstra with stall-on-demand, {@link Query}) and
 * {@link #manyToMany}, the bucket algorithm of Knopp et al. (2007): one backward upward search per target leaves
 * (target, distance) in a bucket at every node it settles and does not stall, then one forward upward search per
 * source scans the buckets of the nodes it settles. Both phases run in parallel over the common fork-join pool.
 * Overlays (closures, cost increases) are not in the hierarchy: {@link Matrix#compute} falls back to one Dijkstra
 * tree per source for them.
 */
public final class ContractionHierarchy {
    private final int n;
    private final int[] rank;
    private final int[] upFirst;
    private final int[] upHead;
    private final double[] upCost;
    private final int[] downFirst;
    private final int[] downHead;
    private final double[] downCost;
    private final int shortcuts;
    /**
     * Query states of finished {@link #manyToMany} tasks, kept for the next call: each holds two per-node label
     * arrays (32 bytes per node), which a fresh allocation per call and thread would zero again (at 10^6 nodes
     * 32 MB each) and hand to the garbage collector. Not a ThreadLocal, so a dropped hierarchy takes its states
     * with it.
     */
    private final java.util.concurrent.ConcurrentLinkedDeque<Query> idle = new java.util.concurrent.ConcurrentLinkedDeque<>();

    private ContractionHierarchy(int n, int[] rank, int[] upFirst, int[] upHead, double[] upCost, int[] downFirst,
                                 int[] downHead, double[] downCost, int shortcuts) {
        this.n = n;
        this.rank = rank;
        this.upFirst = upFirst;
        this.upHead = upHead;
        this.upCost = upCost;
        this.downFirst = downFirst;
        this.downHead = downHead;
        this.downCost = downCost;
        this.shortcuts = shortcuts;
    }

    public int nodeCount() {
        return n;
    }

    /** Shortcuts added during contraction. */
    public int shortcutCount() {
        return shortcuts;
    }

    /** Arcs of the upward graph (forward plus backward). */
    public int upwardArcCount() {
        return upHead.length + downHead.length;
    }

    /** Contraction order: 0 for the first node contracted. */
    public int rank(int node) {
        return rank[node];
    }

    /** Heap bytes of the upward graph. */
    public long bytes() {
        return 4L * (rank.length + upFirst.length + upHead.length + downFirst.length + downHead.length)
                + 8L * (upCost.length + downCost.length);
    }

    // ---------------------------------------------------------------- preprocessing

    /** Adjacency list that can grow and shrink, per node: heads and costs. */
    private static final class Adj {
        int[][] to;
        double[][] w;
        int[] size;

        Adj(int n) {
            to = new int[n][];
            w = new double[n][];
            size = new int[n];
        }

        /** Adds v→x at cost c, or lowers an existing v→x; true when something changed. */
        boolean put(int v, int x, double c) {
            int[] t = to[v];
            int s = size[v];
            for (int i = 0; i < s; i++) {
                if (t[i] == x) {
                    if (c < w[v][i]) {
                        w[v][i] = c;
                        return true;
                    }
                    return false;
                }
            }
            if (t == null) {
                to[v] = t = new int[4];
                w[v] = new double[4];
            } else if (s == t.length) {
                to[v] = t = Arrays.copyOf(t, s * 2);
                w[v] = Arrays.copyOf(w[v], s * 2);
            }
            t[s] = x;
            w[v][s] = c;
            size[v] = s + 1;
            return true;
        }

        void remove(int v, int x) {
            int[] t = to[v];
            int s = size[v];
            for (int i = 0; i < s; i++) {
                if (t[i] == x) {
                    t[i] = t[s - 1];
                    w[v][i] = w[v][s - 1];
                    size[v] = s - 1;
                    return;
                }
            }
        }
    }

    /**
     * Witness searches during contraction: Dijkstra over uncontracted nodes that are not being contracted in the
     * same round, pooled arrays, stamp reset, at most {@code limit} settled nodes.
     */
    private static final class Witness {
        final double[] dist;
        final int[] stamp;
        final Search.Heap heap = new Search.Heap();
        int generation;

        Witness(int n) {
            dist = new double[n];
            stamp = new int[n];
        }

        double d(int v) {
            return stamp[v] == generation ? dist[v] : Double.POSITIVE_INFINITY;
        }

        /** Distances from u avoiding {@code skip} and every node with {@code blocked} set, up to the limits. */
        void run(Adj out, boolean[] blocked, int u, int skip, double maxDist, int limit) {
            if (++generation == Integer.MAX_VALUE) {
                Arrays.fill(stamp, 0);
                generation = 1;
            }
            heap.clear();
            stamp[u] = generation;
            dist[u] = 0;
            heap.push(u, 0);
            int settled = 0;
            while (!heap.isEmpty()) {
                double k = heap.topKey();
                if (k > maxDist) {
                    break;
                }
                int v = heap.pop();
                if (k > d(v)) {
                    continue;
                }
                if (++settled > limit) {
                    break;
                }
                int[] t = out.to[v];
                double[] w = out.w[v];
                for (int i = 0, s = out.size[v]; i < s; i++) {
                    int x = t[i];
                    if (x == skip || blocked[x]) {
                        continue;
                    }
                    double nd = k + w[i];
                    if (nd < d(x)) {
                        stamp[x] = generation;
                        dist[x] = nd;
                        heap.push(x, nd);
                    }
                }
            }
        }
    }

    /** Settled-node limit of the witness searches that decide which shortcuts a contraction adds. */
    static final int WITNESS_SETTLE_LIMIT = 500;
    /** The cheaper limit of the searches that only estimate a node's priority (more shortcuts counted, never fewer). */
    static final int PRIORITY_SETTLE_LIMIT = 60;
    /**
     * Priority weights: shortcuts added, contracted neighbours, level (1 + the highest level of a contracted
     * neighbour). On RoadNetworkGenerator graphs (30,000 nodes) 2/1/2 gave 20 % fewer shortcuts and a smaller
     * query search space than 1/1/0, the old order's weights.
     */
    static final double ED_W = 2;
    static final double CN_W = 1;
    static final double LV_W = 2;

    /**
     * Builds the hierarchy of the graph's base costs (parallel arcs keep the cheapest; self-loops dropped) with
     * as many worker threads as the machine has cores.
     */
    public static ContractionHierarchy build(CompactGraph g) {
        return build(g, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Builds the hierarchy with {@code threads} workers. The contraction runs in rounds: every uncontracted node
     * whose priority is lower than all its uncontracted neighbours' (ties by a hash of the id) is contracted in
     * the same round, so the round's nodes are pairwise non-adjacent. Their shortcuts are decided in parallel by
     * witness searches that avoid all of the round's nodes (a witness that avoids them is still a path once they
     * are all gone, so no needed shortcut is missed), then applied one thread at a time. Priorities are kept
     * lazily: a contraction adds to its neighbours' contracted-neighbour and level terms at once and marks them
     * dirty, and a dirty node's shortcut count is re-estimated (in parallel) only when it is a candidate of a
     * round, after which the candidates are checked again. The answer does not depend on {@code threads}.
     */
    public static ContractionHierarchy build(CompactGraph g, int threads) {
        int n = g.nodeCount();
        int workers = Math.max(1, threads);
        Adj out = new Adj(n);
        Adj in = new Adj(n);
        for (int a = 0; a < g.arcCount(); a++) {
            int u = g.tail[a];
            int x = g.head[a];
            if (u != x) {
                out.put(u, x, g.cost[a]);
                in.put(x, u, g.cost[a]);
            }
        }
        boolean[] contracted = new boolean[n];
        boolean[] inRound = new boolean[n];
        int[] contractedNeighbours = new int[n];
        double[] prio = new double[n];
        boolean[] dirty = new boolean[n];
        int[] level = new int[n];
        Witness[] wits = new Witness[workers];
        for (int i = 0; i < workers; i++) {
            wits[i] = new Witness(n);
        }
        int[] remaining = new int[n];
        for (int v = 0; v < n; v++) {
            remaining[v] = v;
        }
        int remainingCount = n;
        forEach(workers, remaining, n, (w, v) ->
                prio[v] = priority(v, out, in, contracted, contractedNeighbours, level, wits[w]));
        int[] rank = new int[n];
        int[] upCount = new int[n];
        int[] downCount = new int[n];
        IntList upTail = new IntList();
        IntList upTo = new IntList();
        DoubleList upW = new DoubleList();
        IntList downTail = new IntList();
        IntList downTo = new IntList();
        DoubleList downW = new DoubleList();
        int shortcuts = 0;
        int next = 0;
        int[] round = new int[n];
        double[][] found = new double[n][];
        boolean[] touched = new boolean[n];
        int[] neighbours = new int[n];
        while (remainingCount > 0) {
            // The round: local minima of the priority among uncontracted neighbours. Priorities are updated
            // lazily: a neighbour's contraction marks a node dirty (and counts into its priority at once); a dirty
            // node's shortcuts are re-estimated only when it is a candidate, then the candidates are checked again.
            int size = 0;
            int candidates = 0;
            for (int i = 0; i < remainingCount; i++) {
                int v = remaining[i];
                if (localMinimum(v, out, in, prio)) {
                    round[candidates++] = v;
                }
            }
            while (true) {
                int dirtyCount = 0;
                for (int i = 0; i < candidates; i++) {
                    if (dirty[round[i]]) {
                        neighbours[dirtyCount++] = round[i];
                    }
                }
                if (dirtyCount > 0) {
                    forEach(workers, neighbours, dirtyCount, (w, v) ->
                            prio[v] = priority(v, out, in, contracted, contractedNeighbours, level, wits[w]));
                    for (int i = 0; i < dirtyCount; i++) {
                        dirty[neighbours[i]] = false;
                    }
                }
                size = 0;
                for (int i = 0; i < candidates; i++) {
                    int v = round[i];
                    if (dirtyCount == 0 || localMinimum(v, out, in, prio)) {
                        round[size++] = v;
                    }
                }
                if (size > 0) {
                    break;
                }
                // Every candidate rose above a neighbour: look again with the fresh priorities.
                candidates = 0;
                for (int i = 0; i < remainingCount; i++) {
                    int v = remaining[i];
                    if (localMinimum(v, out, in, prio)) {
                        round[candidates++] = v;
                    }
                }
            }
            for (int i = 0; i < size; i++) {
                inRound[round[i]] = true;
            }
            forEach(workers, round, size, (w, v) -> found[v] = shortcutsOf(v, out, in, inRound, wits[w]));
            int touchedCount = 0;
            for (int r = 0; r < size; r++) {
                int v = round[r];
                rank[v] = next++;
                for (int i = 0, s = out.size[v]; i < s; i++) {
                    int x = out.to[v][i];
                    upTail.add(v);
                    upTo.add(x);
                    upW.add(out.w[v][i]);
                    upCount[v]++;
                    in.remove(x, v);
                    contractedNeighbours[x]++;
                    prio[x] += CN_W;
                    level[x] = Math.max(level[x], level[v] + 1);
                    if (!touched[x]) {
                        touched[x] = true;
                        neighbours[touchedCount++] = x;
                    }
                }
                for (int i = 0, s = in.size[v]; i < s; i++) {
                    int u = in.to[v][i];
                    downTail.add(v);
                    downTo.add(u);
                    downW.add(in.w[v][i]);
                    downCount[v]++;
                    out.remove(u, v);
                    contractedNeighbours[u]++;
                    prio[u] += CN_W;
                    level[u] = Math.max(level[u], level[v] + 1);
                    if (!touched[u]) {
                        touched[u] = true;
                        neighbours[touchedCount++] = u;
                    }
                }
                double[] sc = found[v];
                for (int i = 0; i < sc.length; i += 3) {
                    int u = (int) sc[i];
                    int x = (int) sc[i + 1];
                    if (out.put(u, x, sc[i + 2])) {
                        in.put(x, u, sc[i + 2]);
                        shortcuts++;
                    }
                }
                found[v] = null;
                contracted[v] = true;
                inRound[v] = false;
                out.to[v] = null;
                out.w[v] = null;
                out.size[v] = 0;
                in.to[v] = null;
                in.w[v] = null;
                in.size[v] = 0;
            }
            for (int i = 0; i < touchedCount; i++) {
                touched[neighbours[i]] = false;
            }
            for (int i = 0; i < touchedCount; i++) {
                int x = neighbours[i];
                dirty[x] = true;
            }
            int kept = 0;
            for (int i = 0; i < remainingCount; i++) {
                if (!contracted[remaining[i]]) {
                    remaining[kept++] = remaining[i];
                }
            }
            remainingCount = kept;
        }
        int[] upFirst = csrFirst(upCount);
        int[] downFirst = csrFirst(downCount);
        int[] upHead = new int[upTo.size];
        double[] upCost = new double[upTo.size];
        fill(upFirst, upTail, upTo, upW, upHead, upCost);
        int[] downHead = new int[downTo.size];
        double[] downCost = new double[downTo.size];
        fill(downFirst, downTail, downTo, downW, downHead, downCost);
        return new ContractionHierarchy(n, rank, upFirst, upHead, upCost, downFirst, downHead, downCost,
                shortcuts);
    }

    /** Work on node {@code v} by worker {@code w}. */
    private interface NodeTask {
        void run(int w, int v);
    }

    /** Runs {@code task} on {@code nodes[0..count)} with {@code workers} threads taking chunks of 64. */
    private static void forEach(int workers, int[] nodes, int count, NodeTask task) {
        if (workers == 1 || count < 256) {
            for (int i = 0; i < count; i++) {
                task.run(0, nodes[i]);
            }
            return;
        }
        java.util.concurrent.atomic.AtomicInteger cursor = new java.util.concurrent.atomic.AtomicInteger();
        Thread[] pool = new Thread[workers - 1];
        Throwable[] failure = new Throwable[1];
        Runnable[] body = new Runnable[workers];
        for (int w = 0; w < workers; w++) {
            int worker = w;
            body[w] = () -> {
                for (int from; (from = cursor.getAndAdd(64)) < count; ) {
                    for (int i = from, end = Math.min(count, from + 64); i < end; i++) {
                        task.run(worker, nodes[i]);
                    }
                }
            };
        }
        for (int w = 1; w < workers; w++) {
            Runnable b = body[w];
            pool[w - 1] = new Thread(() -> {
                try {
                    b.run();
                } catch (Throwable t) {
                    synchronized (failure) {
                        failure[0] = t;
                    }
                }
            }, "ch-build-" + w);
            pool[w - 1].start();
        }
        body[0].run();
        for (Thread t : pool) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("hierarchy build interrupted", e);
            }
        }
        synchronized (failure) {
            if (failure[0] instanceof RuntimeException re) {
                throw re;
            }
            if (failure[0] instanceof Error err) {
                throw err;
            }
        }
    }

    /** A stable pseudo-random tie-break between equal priorities (ids alone would contract grids row by row). */
    private static int mix(int v) {
        int h = v * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** True when v's priority is below every uncontracted neighbour's (ties by {@link #mix}, then id). */
    private static boolean localMinimum(int v, Adj out, Adj in, double[] prio) {
        double p = prio[v];
        int hv = mix(v);
        for (int pass = 0; pass < 2; pass++) {
            Adj adj = pass == 0 ? out : in;
            int[] t = adj.to[v];
            for (int i = 0, s = adj.size[v]; i < s; i++) {
                int x = t[i];
                double q = prio[x];
                if (q < p || (q == p && (mix(x) < hv || (mix(x) == hv && x < v)))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The shortcuts contracting v needs when every node with {@code blocked} set (v's round) is contracted with
     * it, as (u, x, cost) triples.
     */
    private static double[] shortcutsOf(int v, Adj out, Adj in, boolean[] blocked, Witness wit) {
        Triples r = new Triples();
        scanShortcuts(v, out, in, blocked, wit, WITNESS_SETTLE_LIMIT, r);
        return Arrays.copyOf(r.a, r.size);
    }

    /**
     * Priority of v (lower is contracted first): the shortcuts contracting it would add (estimated with
     * cheaper witness searches that avoid only v) minus the arcs it removes, plus its contracted neighbours and
     * its level, weighted by {@link #ED_W}, {@link #CN_W}, {@link #LV_W}.
     */
    private static double priority(int v, Adj out, Adj in, boolean[] contracted, int[] contractedNeighbours,
                                   int[] level, Witness wit) {
        int needed = scanShortcuts(v, out, in, contracted, wit, PRIORITY_SETTLE_LIMIT, null);
        return ED_W * needed - (out.size[v] + in.size[v]) + CN_W * contractedNeighbours[v] + LV_W * level[v];
    }

    /**
     * For every in-arc u->v and out-arc v->x (u != x), a witness search from u that avoids the nodes with
     * {@code avoid} set, settles at most {@code limit} nodes and looks no further than u->v plus v's longest
     * out-arc: the pair needs a shortcut unless a witness is no longer than u->v->x (a tie included). Returns
     * how many need one and, when {@code into} is given, appends their (u, x, cost) triples to it.
     */
    private static int scanShortcuts(int v, Adj out, Adj in, boolean[] avoid, Witness wit, int limit, Triples into) {
        int outs = out.size[v];
        int ins = in.size[v];
        int needed = 0;
        double maxOut = 0;
        for (int j = 0; j < outs; j++) {
            maxOut = Math.max(maxOut, out.w[v][j]);
        }
        for (int i = 0; i < ins; i++) {
            int u = in.to[v][i];
            double wu = in.w[v][i];
            wit.run(out, avoid, u, v, wu + maxOut, limit);
            for (int j = 0; j < outs; j++) {
                int x = out.to[v][j];
                double via = wu + out.w[v][j];
                if (x == u || wit.d(x) <= via) {
                    continue;
                }
                needed++;
                if (into != null) {
                    into.add(u, x, via);
                }
            }
        }
        return needed;
    }

    /** Growable (u, x, cost) triples. */
    private static final class Triples {
        double[] a = new double[0];
        int size;

        void add(int u, int x, double cost) {
            if (size + 3 > a.length) {
                a = Arrays.copyOf(a, Math.max(12, a.length * 2));
            }
            a[size++] = u;
            a[size++] = x;
            a[size++] = cost;
        }
    }

    private static int[] csrFirst(int[] count) {
        int[] first = new int[count.length + 1];
        for (int v = 0; v < count.length; v++) {
            first[v + 1] = first[v] + count[v];
        }
        return first;
    }

    private static void fill(int[] first, IntList tails, IntList heads, DoubleList ws, int[] head, double[] cost) {
        int[] pos = Arrays.copyOf(first, first.length - 1);
        for (int i = 0; i < heads.size; i++) {
            int p = pos[tails.a[i]]++;
            head[p] = heads.a[i];
            cost[p] = ws.a[i];
        }
    }

    private static final class IntList {
        int[] a = new int[1024];
        int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }
    }

    private static final class DoubleList {
        double[] a = new double[1024];
        int size;

        void add(double v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }
    }

    // ---------------------------------------------------------------- queries

    /**
     * Per-thread state of upward searches: one {@link Labels} per direction (the same generation-stamped arrays
     * {@link Search} uses), with stall-on-demand: a node settled by the forward search is not expanded when a
     * higher-ranked node already reached reaches it more cheaply by a downward arc (its label cannot lie on a
     * shortest up-down path), and likewise backward. Stalled nodes meet the other side and fill no buckets.
     */
    public final class Query {
        private final Labels[] side = {new Labels(n), new Labels(n)};
        private int[] settledNodes = new int[256];
        private double[] settledDist = new double[256];
        private int settledCount;
        private int settledLast;
        private int stalledLast;

        private void next() {
            side[0].next();
            side[1].next();
            settledLast = 0;
            stalledLast = 0;
        }

        /** Nodes taken off the queues by the last query (stalled ones included). */
        public int settledLast() {
            return settledLast;
        }

        /** Of {@link #settledLast}, the nodes stalled (not expanded). */
        public int stalledLast() {
            return stalledLast;
        }

        /** Least base cost from s to t (+infinity if none). */
        public double distance(int s, int t) {
            next();
            Labels f = side[0];
            Labels b = side[1];
            f.set(s, 0, -1);
            b.set(t, 0, -1);
            f.heap.push(s, 0);
            b.heap.push(t, 0);
            double best = s == t ? 0 : Double.POSITIVE_INFINITY;
            while (!f.heap.isEmpty() || !b.heap.isEmpty()) {
                int dir;
                if (f.heap.isEmpty()) {
                    dir = 1;
                } else if (b.heap.isEmpty()) {
                    dir = 0;
                } else {
                    dir = f.heap.topKey() <= b.heap.topKey() ? 0 : 1;
                }
                Labels l = side[dir];
                Search.Heap h = l.heap;
                if (h.topKey() >= best) {
                    h.clear(); // this side cannot improve the best any more
                    continue;
                }
                double k = h.topKey();
                int v = h.pop();
                if (k > l.d(v)) {
                    continue;
                }
                settledLast++;
                double other = side[1 - dir].d(v);
                if (k + other < best) {
                    best = k + other;
                }
                if (stalled(dir, v, k)) {
                    stalledLast++;
                    continue;
                }
                relax(dir, v, k);
            }
            return best;
        }

        /**
         * Stall-on-demand: whether some higher-ranked w reached in direction {@code dir} has an arc to v (forward)
         * or from v (backward) that makes v cheaper than {@code k}; then v's label is not a shortest distance.
         */
        private boolean stalled(int dir, int v, double k) {
            return scanArcs(dir, 1 - dir, v, k, true);
        }

        private void relax(int dir, int v, double k) {
            scanArcs(dir, dir, v, k, false);
        }

        /**
         * The arcs of v that search direction {@code dir} reads: with {@code stall}, whether one of the
         * opposite direction's arcs (arcs {@code arcs = 1 - dir}) from a reached w makes v cheaper than {@code k};
         * otherwise relaxes its own arcs ({@code arcs = dir}) from v at distance {@code k}. Direction 0 is the
         * forward search (upward arcs), 1 the backward one (downward arcs stored reversed).
         */
        private boolean scanArcs(int dir, int arcs, int v, double k, boolean stall) {
            int[] first = arcs == 0 ? upFirst : downFirst;
            int[] head = arcs == 0 ? upHead : downHead;
            double[] cost = arcs == 0 ? upCost : downCost;
            Labels l = side[dir];
            for (int a = first[v], end = first[v + 1]; a < end; a++) {
                int w = head[a];
                if (stall) {
                    if (l.reached(w) && l.dist[w] + cost[a] < k) {
                        return true;
                    }
                } else {
                    double nd = k + cost[a];
                    if (nd < l.d(w)) {
                        l.set(w, nd, a);
                        l.heap.push(w, nd);
                    }
                }
            }
            return false;
        }

        /** The whole upward search space from s (dir 0) or to s (dir 1), unstalled nodes in settledNodes/Dist. */
        private void upward(int s, int dir) {
            upward(new int[] {s}, new double[] {0}, dir);
        }

        /** As {@link #upward(int, int)} from several start nodes, each at its own initial distance. */
        private void upward(int[] starts, double[] startDist, int dir) {
            next();
            settledCount = 0;
            Labels l = side[dir];
            Search.Heap h = l.heap;
            for (int i = 0; i < starts.length; i++) {
                if (startDist[i] < l.d(starts[i])) {
                    l.set(starts[i], startDist[i], -1);
                    h.push(starts[i], startDist[i]);
                }
            }
            while (!h.isEmpty()) {
                double k = h.topKey();
                int v = h.pop();
                if (k > l.d(v)) {
                    continue;
                }
                settledLast++;
                if (stalled(dir, v, k)) {
                    stalledLast++;
                    continue;
                }
                if (settledCount == settledNodes.length) {
                    settledNodes = Arrays.copyOf(settledNodes, settledCount * 2);
                    settledDist = Arrays.copyOf(settledDist, settledCount * 2);
                }
                settledNodes[settledCount] = v;
                settledDist[settledCount++] = k;
                relax(dir, v, k);
            }
        }
    }

    /** A fresh query state (not thread-safe; one per thread). */
    public Query newQuery() {
        return new Query();
    }

    /** Least base cost from s to t; allocates a query state (use {@link #newQuery} for many queries). */
    public double query(int s, int t) {
        return newQuery().distance(s, t);
    }

    /**
     * {@code result[i][j]}: least base cost from {@code sources[i]} to {@code targets[j]} (+infinity if none),
     * by buckets (Knopp et al.), both phases parallel over the common fork-join pool.
     */
    public double[][] manyToMany(int[] sources, int[] targets) {
        int[][] src = new int[sources.length][];
        double[][] zeroS = new double[sources.length][];
        for (int i = 0; i < sources.length; i++) {
            src[i] = new int[] {sources[i]};
            zeroS[i] = new double[] {0};
        }
        int[][] dst = new int[targets.length][];
        double[][] zeroT = new double[targets.length][];
        for (int j = 0; j < targets.length; j++) {
            dst[j] = new int[] {targets[j]};
            zeroT[j] = new double[] {0};
        }
        return manyToMany(src, zeroS, dst, zeroT);
    }

    /**
     * The bucket many-to-many between sets of nodes: source i starts at all of {@code sources[i]} at once, each at
     * its initial cost {@code sourceCost[i][..]} (a super-source), and target j ends at any of {@code targets[j]}
     * paying {@code targetCost[j][..]} there (a super-sink). {@code result[i][j]} is the least total.
     */
    public double[][] manyToMany(int[][] sources, double[][] sourceCost, int[][] targets, double[][] targetCost) {
        // Backward phase: each target's upward search space, as (node, distance) arrays.
        int[][] spaceNodes = new int[targets.length][];
        double[][] spaceDist = new double[targets.length][];
        IntStream.range(0, targets.length).parallel().forEach(j -> {
            Query q = borrow();
            try {
                q.upward(targets[j], targetCost[j], 1);
                spaceNodes[j] = Arrays.copyOf(q.settledNodes, q.settledCount);
                spaceDist[j] = Arrays.copyOf(q.settledDist, q.settledCount);
            } finally {
                idle.offerFirst(q);
            }
        });
        // Buckets in CSR by node: bucketFirst over nodes, entries (target index, distance).
        int[] bucketFirst = new int[n + 1];
        int entries = 0;
        for (int[] nodes : spaceNodes) {
            for (int v : nodes) {
                bucketFirst[v + 1]++;
            }
            entries += nodes.length;
        }
        for (int v = 0; v < n; v++) {
            bucketFirst[v + 1] += bucketFirst[v];
        }
        int[] pos = Arrays.copyOf(bucketFirst, n);
        int[] bucketTarget = new int[entries];
        double[] bucketDist = new double[entries];
        for (int j = 0; j < targets.length; j++) {
            int[] nodes = spaceNodes[j];
            for (int i = 0; i < nodes.length; i++) {
                int p = pos[nodes[i]]++;
                bucketTarget[p] = j;
                bucketDist[p] = spaceDist[j][i];
            }
        }
        double[][] r = new double[sources.length][];
        IntStream.range(0, sources.length).parallel().forEach(i -> {
            Query q = borrow();
            try {
                q.upward(sources[i], sourceCost[i], 0);
                double[] row = new double[targets.length];
                Arrays.fill(row, Double.POSITIVE_INFINITY);
                for (int k = 0; k < q.settledCount; k++) {
                    int v = q.settledNodes[k];
                    double dv = q.settledDist[k];
                    for (int b = bucketFirst[v], end = bucketFirst[v + 1]; b < end; b++) {
                        double c = dv + bucketDist[b];
                        if (c < row[bucketTarget[b]]) {
                            row[bucketTarget[b]] = c;
                        }
                    }
                }
                r[i] = row;
            } finally {
                idle.offerFirst(q);
            }
        });
        return r;
    }

    /** An idle query state of an earlier task, or a new one. */
    private Query borrow() {
        Query q = idle.pollFirst();
        return q != null ? q : new Query();
    }
}
