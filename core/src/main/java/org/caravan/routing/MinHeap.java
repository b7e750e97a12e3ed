package org.caravan.routing;

import java.util.Arrays;

/**
 * A binary min-heap of (key, tie-break key, value) entries in primitive arrays, ordered lexicographically and
 * finally by the smaller value, which makes Dijkstra's visiting order (and so its answer among equal-cost
 * paths) deterministic. Decrease-key is by re-insertion; callers skip stale entries.
 */
final class MinHeap {
    private double[] keys;
    private double[] ties;
    private int[] values;
    private int size;

    MinHeap(int capacity) {
        keys = new double[Math.max(16, capacity)];
        ties = new double[keys.length];
        values = new int[keys.length];
    }

    boolean isEmpty() { return size == 0; }

    double peekKey() { return keys[0]; }

    double peekTie() { return ties[0]; }

    void push(double key, double tie, int value) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            ties = Arrays.copyOf(ties, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(key, tie, value, keys[parent], ties[parent], values[parent])) break;
            keys[i] = keys[parent];
            ties[i] = ties[parent];
            values[i] = values[parent];
            i = parent;
        }
        keys[i] = key;
        ties[i] = tie;
        values[i] = value;
    }

    /** Removes the smallest entry and returns its value; read its key with {@link #peekKey()} first. */
    int pop() {
        int top = values[0];
        size--;
        if (size > 0) {
            double k = keys[size];
            double t = ties[size];
            int v = values[size];
            int i = 0;
            while (true) {
                int c = 2 * i + 1;
                if (c >= size) break;
                if (c + 1 < size && less(keys[c + 1], ties[c + 1], values[c + 1], keys[c], ties[c], values[c])) c++;
                if (!less(keys[c], ties[c], values[c], k, t, v)) break;
                keys[i] = keys[c];
                ties[i] = ties[c];
                values[i] = values[c];
                i = c;
            }
            keys[i] = k;
            ties[i] = t;
            values[i] = v;
        }
        return top;
    }

    void clear() { size = 0; }

    private static boolean less(double k1, double t1, int v1, double k2, double t2, int v2) {
        if (k1 != k2) return k1 < k2;
        if (t1 != t2) return t1 < t2;
        return v1 < v2;
    }
}
