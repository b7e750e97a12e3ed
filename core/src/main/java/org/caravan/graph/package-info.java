/**
 * Compact graph for large networks: node and arc attributes in primitive arrays (CSR adjacency, forward and
 * reverse), scenario overlays as masks and sparse deltas over the arc ids (never copies), weightings that price arcs apart
 * from the graph (one graph, many objectives), and the
 * single-objective searches that run on it: Dijkstra, bidirectional Dijkstra, A* with landmarks (ALT) and
 * one-to-many / many-to-many matrices. Per-query state lives in pooled arrays reset by a generation stamp, so a
 * query costs what it touches, not O(network). See docs/PERFORMANCE.md.
 */
package org.caravan.graph;
