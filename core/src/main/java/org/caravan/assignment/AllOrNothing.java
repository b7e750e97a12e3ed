package org.caravan.assignment;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Loads one class's demand on shortest paths for given link costs: one Dijkstra tree per origin zone, then the
 * tree's demand is pushed from the leaves to the root in reverse settling order (linear in the tree's size).
 * Origins are taken by the worker threads from a shared counter, each with its own search arrays and volume
 * array, summed at the end, so the result does not depend on the thread count (up to floating-point summation
 * order of the per-worker totals, which is fixed: worker 0 first).
 */
final class AllOrNothing {
    private final FlowNetwork net;
    private final ExecutorService pool;
    private final int workers;
    private final Workspace[] spaces;

    AllOrNothing(FlowNetwork net, ExecutorService pool, int workers) {
        this.net = net;
        this.pool = pool;
        this.workers = workers;
        this.spaces = new Workspace[workers];
        for (int i = 0; i < workers; i++) spaces[i] = new Workspace(net.nodeCount(), net.linkCount());
    }

    /**
     * Writes the all-or-nothing volumes of {@code cls} at {@code cost} into {@code volumes} (overwritten) and returns
     * the total shortest-path cost (sum over OD pairs of demand x shortest-path cost).
     */
    double load(TrafficClass cls, double[] cost, double[] volumes) {
        AtomicInteger next = new AtomicInteger();
        int zones = net.zoneCount();
        if (workers == 1 || pool == null) {
            spaces[0].reset();
            spaces[0].run(cls, cost, next, zones);
        } else {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                Workspace ws = spaces[w];
                ws.reset();
                futures.add(pool.submit(() -> ws.run(cls, cost, next, zones)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("assignment interrupted", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        Arrays.fill(volumes, 0);
        double total = 0;
        for (int w = 0; w < workers; w++) {
            double[] v = spaces[w].volume;
            for (int a = 0; a < volumes.length; a++) volumes[a] += v[a];
            total += spaces[w].shortestPathCost;
            if (workers == 1 || pool == null) break;
        }
        return total;
    }

    /** One worker's search arrays, reused for every origin it takes. */
    private final class Workspace {
        final double[] dist;
        final int[] predLink;
        final int[] heap;
        final int[] heapPos;
        final int[] settled;
        final double[] nodeLoad;
        final double[] volume;
        double shortestPathCost;

        Workspace(int n, int m) {
            dist = new double[n];
            predLink = new int[n];
            heap = new int[n];
            heapPos = new int[n];
            settled = new int[n];
            nodeLoad = new double[n];
            volume = new double[m];
        }

        void reset() {
            Arrays.fill(volume, 0);
            shortestPathCost = 0;
        }

        void run(TrafficClass cls, double[] cost, AtomicInteger next, int zones) {
            for (int o = next.getAndIncrement(); o < zones; o = next.getAndIncrement()) {
                boolean any = false;
                for (int d = 0; d < zones; d++) {
                    if (d != o && cls.demand(o, d) > 0) { any = true; break; }
                }
                if (!any) continue;
                int count = tree(o, cost);
                Arrays.fill(nodeLoad, 0);
                for (int d = 0; d < zones; d++) {
                    double q = cls.demand(o, d);
                    if (q <= 0 || d == o) continue;
                    if (dist[d] == Double.POSITIVE_INFINITY) {
                        throw new UnreachableDemandException(cls.name(), o, d, q);
                    }
                    nodeLoad[d] += q;
                    shortestPathCost += q * dist[d];
                }
                for (int i = count - 1; i > 0; i--) {
                    int v = settled[i];
                    double q = nodeLoad[v];
                    if (q == 0) continue;
                    int l = predLink[v];
                    volume[l] += q;
                    nodeLoad[net.tail(l)] += q;
                }
            }
        }

        /** Dijkstra from {@code origin}; returns the number of settled nodes (in {@code settled}, origin first). */
        int tree(int origin, double[] cost) {
            Arrays.fill(dist, Double.POSITIVE_INFINITY);
            Arrays.fill(heapPos, -1);
            int size = 0;
            int count = 0;
            int firstThrough = net.firstThroughNode();
            dist[origin] = 0;
            predLink[origin] = -1;
            heap[0] = origin;
            heapPos[origin] = 0;
            size = 1;
            while (size > 0) {
                int u = heap[0];
                size = pop(size);
                heapPos[u] = -2;
                settled[count++] = u;
                if (u < firstThrough && u != origin) continue;
                double du = dist[u];
                for (int i = net.outStart(u), end = net.outEnd(u); i < end; i++) {
                    int l = net.outLink(i);
                    int v = net.head(l);
                    if (heapPos[v] == -2) continue;
                    double nd = du + cost[l];
                    if (nd < dist[v]) {
                        dist[v] = nd;
                        predLink[v] = l;
                        if (heapPos[v] < 0) {
                            heap[size] = v;
                            heapPos[v] = size;
                            size++;
                        }
                        siftUp(heapPos[v]);
                    }
                }
            }
            return count;
        }

        private int pop(int size) {
            size--;
            if (size > 0) {
                heap[0] = heap[size];
                heapPos[heap[0]] = 0;
                siftDown(0, size);
            }
            return size;
        }

        private void siftUp(int i) {
            int v = heap[i];
            double key = dist[v];
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                int p = heap[parent];
                if (dist[p] <= key) break;
                heap[i] = p;
                heapPos[p] = i;
                i = parent;
            }
            heap[i] = v;
            heapPos[v] = i;
        }

        private void siftDown(int i, int size) {
            int v = heap[i];
            double key = dist[v];
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) break;
                if (child + 1 < size && dist[heap[child + 1]] < dist[heap[child]]) child++;
                int c = heap[child];
                if (dist[c] >= key) break;
                heap[i] = c;
                heapPos[c] = i;
                i = child;
            }
            heap[i] = v;
            heapPos[v] = i;
        }
    }
}
