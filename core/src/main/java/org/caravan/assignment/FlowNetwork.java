package org.caravan.assignment;

import java.util.Arrays;

/**
 * The graph an assignment loads: directed links with a free-flow time, a capacity and a volume-delay function,
 * in primitive arrays (plus a forward-star index by tail node) so that shortest-path trees and line searches run over
 * plain {@code double[]} without one object per link. Immutable once built.
 *
 * <p>Nodes are numbered {@code 0..nodeCount-1}; zones (where demand starts and ends) are nodes
 * {@code 0..zoneCount-1}. Paths never pass through a node below {@code firstThroughNode} (TNTP's convention for
 * centroids that must not be used as shortcuts); they may start or end there.
 */
public final class FlowNetwork {
    private final int nodeCount;
    private final int zoneCount;
    private final int firstThroughNode;
    private final int[] tail;
    private final int[] head;
    private final double[] freeFlowTime;
    private final double[] capacity;
    private final double[] alpha;
    private final double[] beta;
    private final double[] fixedCost;
    private final VolumeDelay[] function;
    /** Links out of node v: {@code outLink[outStart[v] .. outStart[v+1]-1]} (links keep the order they were added in). */
    private final int[] outStart;
    private final int[] outLink;

    private FlowNetwork(Builder b) {
        this.nodeCount = b.nodeCount;
        this.zoneCount = b.zoneCount;
        this.firstThroughNode = b.firstThroughNode;
        int m = b.size;
        tail = Arrays.copyOf(b.tail, m);
        head = Arrays.copyOf(b.head, m);
        freeFlowTime = Arrays.copyOf(b.t0, m);
        capacity = Arrays.copyOf(b.cap, m);
        alpha = Arrays.copyOf(b.alpha, m);
        beta = Arrays.copyOf(b.beta, m);
        fixedCost = Arrays.copyOf(b.fixed, m);
        function = Arrays.copyOf(b.fn, m);
        outStart = new int[nodeCount + 1];
        for (int i = 0; i < m; i++) outStart[tail[i] + 1]++;
        for (int v = 0; v < nodeCount; v++) outStart[v + 1] += outStart[v];
        outLink = new int[m];
        int[] fill = Arrays.copyOf(outStart, nodeCount);
        for (int i = 0; i < m; i++) outLink[fill[tail[i]]++] = i;
    }

    public int nodeCount() { return nodeCount; }
    public int zoneCount() { return zoneCount; }
    public int firstThroughNode() { return firstThroughNode; }
    public int linkCount() { return tail.length; }
    public int tail(int link) { return tail[link]; }
    public int head(int link) { return head[link]; }
    public double freeFlowTime(int link) { return freeFlowTime[link]; }
    public double capacity(int link) { return capacity[link]; }
    public double alpha(int link) { return alpha[link]; }
    public double beta(int link) { return beta[link]; }
    /** A volume-independent cost added to the link's time (a toll or fee in time units). */
    public double fixedCost(int link) { return fixedCost[link]; }
    public VolumeDelay function(int link) { return function[link]; }
    int outStart(int node) { return outStart[node]; }
    int outEnd(int node) { return outStart[node + 1]; }
    int outLink(int i) { return outLink[i]; }

    /** Travel time of a link at volume v (without its fixed cost). */
    public double time(int link, double v) {
        return function[link].cost(freeFlowTime[link], capacity[link], alpha[link], beta[link], v);
    }

    double timeDerivative(int link, double v) {
        return function[link].derivative(freeFlowTime[link], capacity[link], alpha[link], beta[link], v);
    }

    double timeIntegral(int link, double v) {
        return function[link].integral(freeFlowTime[link], capacity[link], alpha[link], beta[link], v);
    }

    public static Builder builder(int nodeCount, int zoneCount, int firstThroughNode) {
        return new Builder(nodeCount, zoneCount, firstThroughNode);
    }

    /** Collects links and checks each value as it comes. */
    public static final class Builder {
        private final int nodeCount;
        private final int zoneCount;
        private final int firstThroughNode;
        private int size;
        private int[] tail = new int[16];
        private int[] head = new int[16];
        private double[] t0 = new double[16];
        private double[] cap = new double[16];
        private double[] alpha = new double[16];
        private double[] beta = new double[16];
        private double[] fixed = new double[16];
        private VolumeDelay[] fn = new VolumeDelay[16];

        private Builder(int nodeCount, int zoneCount, int firstThroughNode) {
            if (nodeCount < 1) throw new IllegalArgumentException("a network needs at least one node");
            if (zoneCount < 1 || zoneCount > nodeCount) {
                throw new IllegalArgumentException("zones must be between 1 and the node count " + nodeCount);
            }
            if (firstThroughNode < 0 || firstThroughNode > nodeCount) {
                throw new IllegalArgumentException("first through node must be between 0 and " + nodeCount);
            }
            this.nodeCount = nodeCount;
            this.zoneCount = zoneCount;
            this.firstThroughNode = firstThroughNode;
        }

        /**
         * Adds a link; {@code alpha}/{@code beta} are the function's two parameters (BPR: b and power; conical:
         * unused and its steepness; queue: J and the period).
         */
        public Builder link(int from, int to, double freeFlowTime, double capacity, double alpha, double beta,
                double fixedCost, VolumeDelay function) {
            if (from < 0 || from >= nodeCount || to < 0 || to >= nodeCount) {
                throw new IllegalArgumentException("link " + from + "->" + to + ": node outside 0.." + (nodeCount - 1));
            }
            if (!(freeFlowTime >= 0) || !Double.isFinite(freeFlowTime)) {
                throw new IllegalArgumentException("free-flow time must be finite and >= 0, got " + freeFlowTime);
            }
            if (!(capacity > 0) || !Double.isFinite(capacity)) {
                throw new IllegalArgumentException("capacity must be finite and > 0, got " + capacity);
            }
            if (!(alpha >= 0) || !Double.isFinite(alpha)) {
                throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
            }
            double minBeta = function == VolumeDelay.CONICAL ? 1 : 0;
            if (!(beta >= minBeta) || !Double.isFinite(beta) || (function == VolumeDelay.CONICAL && beta == 1)
                    || (function == VolumeDelay.QUEUE && beta == 0)) {
                throw new IllegalArgumentException("beta out of range for " + function + ": " + beta);
            }
            if (!(fixedCost >= 0) || !Double.isFinite(fixedCost)) {
                throw new IllegalArgumentException("fixed cost must be finite and >= 0, got " + fixedCost);
            }
            if (size == tail.length) grow();
            tail[size] = from;
            head[size] = to;
            t0[size] = freeFlowTime;
            cap[size] = capacity;
            this.alpha[size] = alpha;
            this.beta[size] = beta;
            fixed[size] = fixedCost;
            fn[size] = function;
            size++;
            return this;
        }

        private void grow() {
            int n = tail.length * 2;
            tail = Arrays.copyOf(tail, n);
            head = Arrays.copyOf(head, n);
            t0 = Arrays.copyOf(t0, n);
            cap = Arrays.copyOf(cap, n);
            alpha = Arrays.copyOf(alpha, n);
            beta = Arrays.copyOf(beta, n);
            fixed = Arrays.copyOf(fixed, n);
            fn = Arrays.copyOf(fn, n);
        }

        public FlowNetwork build() {
            return new FlowNetwork(this);
        }
    }
}
