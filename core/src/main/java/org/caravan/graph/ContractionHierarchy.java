package org.caravan.graph;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Contraction hierarchy (Geisberger et al. 2008) of a {@link CompactGraph}'s base costs, for queries with no
 * overlay: nodes are contracted one by one in order of a priority (edge difference plus contracted neighbours,
 * updated lazily), and a shortcut u→x replaces u→v→x unless a witness search (a Dijkstra from u that avoids v,
 * limited to {@value #WITNESS_SETTLE_LIMIT} settled nodes) finds a path no longer than it. An unnecessary
 * shortcut only costs space, never a wrong answer; a witness of equal length (a tie) also makes the shortcut
 * unnecessary, since only distances are answered. What remains is an upward graph in CSR form: for each node its
 * arcs to higher-ranked nodes (forward) and from higher-ranked nodes (backward, stored reversed).
 *
 * <p>Queries: {@link #query} (bidirectional upward Dijkstra) and {@link #manyToMany}, the bucket algorithm of
 * Knopp et al. (2007): one backward upward search per target leaves (target, distance) in a bucket at every
 * node it settles, then one forward upward search per source scans the buckets of the nodes it settles. Both
 * phases run in parallel over the common fork-join pool. Overlays (closures, cost increases) are not in the
 * hierarchy: {@link Matrix#compute} falls back to one Dijkstra tree per source for them.
 */
public final class ContractionHierarchy {
    static final int WITNESS_SETTLE_LIMIT = 400;

    private final int n;
    private final int[] rank;
    private final int[] upFirst;
    private final int[] upHead;
    private final double[] upCost;
    private final int[] downFirst;
    private final int[] downHead;
    private final double[] downCost;
    private final int shortcuts;

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

    /** Witness searches during contraction: Dijkstra over uncontracted nodes, pooled arrays, stamp reset. */
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

        /** Distances from u avoiding {@code skip}, settled up to the limit or beyond {@code maxDist}. */
        void run(Adj out, boolean[] contracted, int u, int skip, double maxDist) {
            generation++;
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
                if (++settled > WITNESS_SETTLE_LIMIT) {
                    break;
                }
                int[] t = out.to[v];
                double[] w = out.w[v];
                for (int i = 0, s = out.size[v]; i < s; i++) {
                    int x = t[i];
                    if (x == skip || contracted[x]) {
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

    /** Builds the hierarchy of the graph's base costs (parallel arcs keep the cheapest; self-loops dropped). */
    public static ContractionHierarchy build(CompactGraph g) {
        int n = g.nodeCount();
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
        int[] contractedNeighbours = new int[n];
        Witness wit = new Witness(n);
        Search.Heap queue = new Search.Heap();
        for (int v = 0; v < n; v++) {
            queue.push(v, priority(v, out, in, contracted, contractedNeighbours, wit, null));
        }
        int[] rank = new int[n];
        // Upward arcs recorded per contracted node, in contraction order, then turned into CSR.
        int[] upCount = new int[n];
        int[] downCount = new int[n];
        IntList upTail = new IntList();
        IntList upTo = new IntList();
        DoubleList upW = new DoubleList();
        IntList downTail = new IntList();
        IntList downTo = new IntList();
        DoubleList downW = new DoubleList();
        int[] shortcuts = {0};
        int next = 0;
        while (!queue.isEmpty()) {
            int v = queue.pop();
            double p = priority(v, out, in, contracted, contractedNeighbours, wit, null);
            if (!queue.isEmpty() && p > queue.topKey()) {
                queue.push(v, p);
                continue;
            }
            rank[v] = next++;
            priority(v, out, in, contracted, contractedNeighbours, wit, shortcuts);
            contracted[v] = true;
            for (int i = 0, s = out.size[v]; i < s; i++) {
                int x = out.to[v][i];
                upTail.add(v);
                upTo.add(x);
                upW.add(out.w[v][i]);
                upCount[v]++;
                in.remove(x, v);
                contractedNeighbours[x]++;
            }
            for (int i = 0, s = in.size[v]; i < s; i++) {
                int u = in.to[v][i];
                downTail.add(v);
                downTo.add(u);
                downW.add(in.w[v][i]);
                downCount[v]++;
                out.remove(u, v);
                contractedNeighbours[u]++;
            }
            out.to[v] = null;
            out.w[v] = null;
            in.to[v] = null;
            in.w[v] = null;
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
                shortcuts[0]);
    }

    /**
     * The shortcuts contracting v would need. With {@code added == null} it only counts them and returns the
     * priority; otherwise it inserts them (counting into {@code added[0]}).
     */
    private static double priority(int v, Adj out, Adj in, boolean[] contracted, int[] contractedNeighbours,
                                   Witness wit, int[] added) {
        int needed = 0;
        int outs = out.size[v];
        int ins = in.size[v];
        double maxOut = 0;
        for (int j = 0; j < outs; j++) {
            maxOut = Math.max(maxOut, out.w[v][j]);
        }
        // Copy the in-list: inserting shortcuts changes other nodes' lists, not v's, but be safe.
        int[] inTo = ins == 0 ? null : Arrays.copyOf(in.to[v], ins);
        double[] inW = ins == 0 ? null : Arrays.copyOf(in.w[v], ins);
        int[] outTo = outs == 0 ? null : Arrays.copyOf(out.to[v], outs);
        double[] outW = outs == 0 ? null : Arrays.copyOf(out.w[v], outs);
        for (int i = 0; i < ins; i++) {
            int u = inTo[i];
            double wu = inW[i];
            wit.run(out, contracted, u, v, wu + maxOut);
            for (int j = 0; j < outs; j++) {
                int x = outTo[j];
                if (x == u) {
                    continue;
                }
                double via = wu + outW[j];
                if (wit.d(x) <= via) {
                    continue; // a witness no longer than u->v->x (a tie included)
                }
                needed++;
                if (added != null) {
                    if (out.put(u, x, via)) {
                        in.put(x, u, via);
                        added[0]++;
                    }
                }
            }
        }
        return needed - (ins + outs) + contractedNeighbours[v];
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

    /** Per-thread state of upward searches (generation-stamped, so a search costs what it touches). */
    public final class Query {
        private final double[][] dist = {new double[n], new double[n]};
        private final int[][] stamp = {new int[n], new int[n]};
        private final Search.Heap[] heap = {new Search.Heap(), new Search.Heap()};
        private int generation;
        private int[] settledNodes = new int[256];
        private double[] settledDist = new double[256];
        private int settledCount;

        private double d(int side, int v) {
            return stamp[side][v] == generation ? dist[side][v] : Double.POSITIVE_INFINITY;
        }

        private void next() {
            generation++;
            if (generation == Integer.MAX_VALUE) {
                Arrays.fill(stamp[0], 0);
                Arrays.fill(stamp[1], 0);
                generation = 1;
            }
            heap[0].clear();
            heap[1].clear();
        }

        /** Least base cost from s to t (+infinity if none). */
        public double distance(int s, int t) {
            next();
            stamp[0][s] = generation;
            dist[0][s] = 0;
            stamp[1][t] = generation;
            dist[1][t] = 0;
            heap[0].push(s, 0);
            heap[1].push(t, 0);
            double best = s == t ? 0 : Double.POSITIVE_INFINITY;
            while (!heap[0].isEmpty() || !heap[1].isEmpty()) {
                int side;
                if (heap[0].isEmpty()) {
                    side = 1;
                } else if (heap[1].isEmpty()) {
                    side = 0;
                } else {
                    side = heap[0].topKey() <= heap[1].topKey() ? 0 : 1;
                }
                Search.Heap h = heap[side];
                if (h.topKey() >= best) {
                    h.clear(); // this side cannot improve the best any more
                    continue;
                }
                double k = h.topKey();
                int v = h.pop();
                if (k > d(side, v)) {
                    continue;
                }
                double other = d(1 - side, v);
                if (k + other < best) {
                    best = k + other;
                }
                relax(side, v, k, h);
            }
            return best;
        }

        private void relax(int side, int v, double k, Search.Heap h) {
            int[] first = side == 0 ? upFirst : downFirst;
            int[] head = side == 0 ? upHead : downHead;
            double[] cost = side == 0 ? upCost : downCost;
            double[] ds = dist[side];
            int[] st = stamp[side];
            for (int a = first[v], end = first[v + 1]; a < end; a++) {
                int w = head[a];
                double nd = k + cost[a];
                if (st[w] != generation || nd < ds[w]) {
                    st[w] = generation;
                    ds[w] = nd;
                    h.push(w, nd);
                }
            }
        }

        /** The whole upward search space from s (side 0) or to s (side 1); kept in settledNodes/Dist. */
        private void upward(int s, int side) {
            next();
            settledCount = 0;
            stamp[side][s] = generation;
            dist[side][s] = 0;
            Search.Heap h = heap[side];
            h.push(s, 0);
            while (!h.isEmpty()) {
                double k = h.topKey();
                int v = h.pop();
                if (k > d(side, v)) {
                    continue;
                }
                if (settledCount == settledNodes.length) {
                    settledNodes = Arrays.copyOf(settledNodes, settledCount * 2);
                    settledDist = Arrays.copyOf(settledDist, settledCount * 2);
                }
                settledNodes[settledCount] = v;
                settledDist[settledCount++] = k;
                relax(side, v, k, h);
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
        ThreadLocal<Query> pool = ThreadLocal.withInitial(Query::new);
        // Backward phase: each target's upward search space, as (node, distance) arrays.
        int[][] spaceNodes = new int[targets.length][];
        double[][] spaceDist = new double[targets.length][];
        IntStream.range(0, targets.length).parallel().forEach(j -> {
            Query q = pool.get();
            q.upward(targets[j], 1);
            spaceNodes[j] = Arrays.copyOf(q.settledNodes, q.settledCount);
            spaceDist[j] = Arrays.copyOf(q.settledDist, q.settledCount);
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
            Query q = pool.get();
            q.upward(sources[i], 0);
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
        });
        return r;
    }
}
