package org.caravan.graph;

import java.util.Arrays;

/**
 * A scenario over a {@link CompactGraph}: closed arcs as a bit mask and cost increases as a sparse map from arc
 * id to a factor (at least 1), never a copy of the graph. Because an overlay can only close arcs or raise their
 * cost, every base-graph distance stays a lower bound of the scenario's, so landmarks computed on the base
 * graph remain admissible under any overlay.
 */
public final class Overlay {
    /** No closures, no increases. */
    public static final Overlay NONE = new Overlay(new long[0], new int[0], new double[0], 0);

    private final long[] closed;
    private final int[] keys;
    private final double[] factors;
    private final int size;

    private Overlay(long[] closed, int[] keys, double[] factors, int size) {
        this.closed = closed;
        this.keys = keys;
        this.factors = factors;
        this.size = size;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when the overlay closes the arc. */
    public boolean isClosed(int arc) {
        int w = arc >>> 6;
        return w < closed.length && (closed[w] & (1L << arc)) != 0;
    }

    /** The arc's cost under this overlay, or +infinity if closed. */
    double cost(CompactGraph g, int arc) {
        if (isClosed(arc)) {
            return Double.POSITIVE_INFINITY;
        }
        return size == 0 ? g.cost[arc] : g.cost[arc] * factor(arc);
    }

    /**
     * The factor (at least 1) this overlay multiplies the arc's cost by, under any weighting; 1 when the arc is
     * not raised. Closure is separate ({@link #isClosed}).
     */
    public double factor(int arc) {
        if (size == 0) {
            return 1;
        }
        int mask = keys.length - 1;
        for (int i = mix(arc) & mask; ; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == -1) {
                return 1;
            }
            if (k == arc) {
                return factors[i];
            }
        }
    }

    /** True when the overlay neither closes nor raises anything. */
    public boolean isEmpty() {
        return size == 0 && closed.length == 0;
    }

    private static int mix(int a) {
        int h = a * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** Builds an overlay; the memory is proportional to the arcs it touches (plus one bit per arc if any closes). */
    public static final class Builder {
        private long[] closed = new long[0];
        private int[] keys = new int[0];
        private double[] factors = new double[0];

        public Builder close(int arc) {
            if (arc < 0) {
                throw new IllegalArgumentException("arc id " + arc + " is negative");
            }
            int w = arc >>> 6;
            if (w >= closed.length) {
                closed = Arrays.copyOf(closed, Math.max(w + 1, closed.length * 2));
            }
            closed[w] |= 1L << arc;
            return this;
        }

        /** Multiplies the arc's cost by {@code factor} (at least 1: an overlay never lowers a cost). */
        public Builder increase(int arc, double factor) {
            if (arc < 0) {
                throw new IllegalArgumentException("arc id " + arc + " is negative");
            }
            if (!(factor >= 1) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("arc " + arc + ": cost factor " + factor
                        + " must be finite and at least 1 (an overlay only raises costs)");
            }
            int n = 0;
            for (int k : keys) {
                if (k >= 0) {
                    n++;
                }
            }
            if (keys.length == 0 || (n + 1) * 2 > keys.length) {
                rehash(Math.max(8, keys.length * 2));
            }
            put(arc, factor);
            return this;
        }

        private void put(int arc, double factor) {
            int mask = keys.length - 1;
            for (int i = mix(arc) & mask; ; i = (i + 1) & mask) {
                if (keys[i] == arc) {
                    factors[i] *= factor;
                    return;
                }
                if (keys[i] == -1) {
                    keys[i] = arc;
                    factors[i] = factor;
                    return;
                }
            }
        }

        private void rehash(int capacity) {
            int[] oldKeys = keys;
            double[] oldFactors = factors;
            keys = new int[capacity];
            Arrays.fill(keys, -1);
            factors = new double[capacity];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] >= 0) {
                    put(oldKeys[i], oldFactors[i]);
                }
            }
        }

        public Overlay build() {
            int n = 0;
            for (int k : keys) {
                if (k >= 0) {
                    n++;
                }
            }
            return new Overlay(closed.clone(), keys.clone(), factors.clone(), n);
        }
    }
}
