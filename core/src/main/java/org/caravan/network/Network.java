package org.caravan.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, validated network. Nodes and links keep the order of their source files and are addressed by
 * dense integer indexes so that routing can keep its state in primitive arrays; adjacency is stored in
 * compressed-row form ({@code adjStart}, {@code adjLink}) over both directions of every two-way link.
 *
 * <p>Instances are built only by {@link NetworkBuilder}, which refuses networks with problems: anything
 * holding a {@code Network} may assume ids are unique and every link's ends exist.
 */
public final class Network {
    private final List<Node> nodes;
    private final List<Link> links;
    private final Map<String, Integer> nodeIndex;
    private final Map<String, Integer> linkIndex;
    private final int[] linkFrom;
    private final int[] linkTo;
    private final int[] adjStart;
    private final int[] adjLink;
    private final String origin;

    Network(List<Node> nodes, List<Link> links, String origin) {
        this.nodes = List.copyOf(nodes);
        this.links = List.copyOf(links);
        this.origin = origin;
        Map<String, Integer> ni = new HashMap<>();
        for (int i = 0; i < this.nodes.size(); i++) ni.put(this.nodes.get(i).id(), i);
        Map<String, Integer> li = new HashMap<>();
        for (int i = 0; i < this.links.size(); i++) li.put(this.links.get(i).id(), i);
        this.nodeIndex = Collections.unmodifiableMap(ni);
        this.linkIndex = Collections.unmodifiableMap(li);
        int n = this.nodes.size();
        int m = this.links.size();
        linkFrom = new int[m];
        linkTo = new int[m];
        int[] degree = new int[n];
        for (int i = 0; i < m; i++) {
            Link l = this.links.get(i);
            linkFrom[i] = ni.get(l.from());
            linkTo[i] = ni.get(l.to());
            degree[linkFrom[i]]++;
            if (!l.oneway()) degree[linkTo[i]]++;
        }
        adjStart = new int[n + 1];
        for (int v = 0; v < n; v++) adjStart[v + 1] = adjStart[v] + degree[v];
        adjLink = new int[adjStart[n]];
        int[] fill = Arrays.copyOf(adjStart, n);
        for (int i = 0; i < m; i++) {
            adjLink[fill[linkFrom[i]]++] = i;
            if (!this.links.get(i).oneway()) adjLink[fill[linkTo[i]]++] = i;
        }
    }

    /** A description of where the network came from (file names, or "embedded"). */
    public String origin() { return origin; }

    public int nodeCount() { return nodes.size(); }

    public int linkCount() { return links.size(); }

    public List<Node> nodes() { return nodes; }

    public List<Link> links() { return links; }

    public Node node(int index) { return nodes.get(index); }

    public Link link(int index) { return links.get(index); }

    public Optional<Node> node(String id) {
        Integer i = nodeIndex.get(id);
        return i == null ? Optional.empty() : Optional.of(nodes.get(i));
    }

    public Optional<Link> link(String id) {
        Integer i = linkIndex.get(id);
        return i == null ? Optional.empty() : Optional.of(links.get(i));
    }

    /** Index of a node id, or -1. */
    public int nodeIndex(String id) { return nodeIndex.getOrDefault(id, -1); }

    /** Index of a link id, or -1. */
    public int linkIndex(String id) { return linkIndex.getOrDefault(id, -1); }

    public int linkFrom(int link) { return linkFrom[link]; }

    public int linkTo(int link) { return linkTo[link]; }

    /** The node at the other end of {@code link} seen from {@code node}. */
    public int opposite(int link, int node) { return linkFrom[link] == node ? linkTo[link] : linkFrom[link]; }

    /** First position in {@link #adjacentLink(int)} of the links leaving {@code node}. */
    public int adjacencyStart(int node) { return adjStart[node]; }

    /** One past the last position of the links leaving {@code node}. */
    public int adjacencyEnd(int node) { return adjStart[node + 1]; }

    /** The link at an adjacency position. */
    public int adjacentLink(int position) { return adjLink[position]; }

    /** Links leaving {@code node} in either direction (one-way links only from their {@code from} end). */
    public List<Link> linksAt(String nodeId) {
        int v = nodeIndex(nodeId);
        if (v < 0) return List.of();
        List<Link> out = new ArrayList<>();
        for (int p = adjStart[v]; p < adjStart[v + 1]; p++) out.add(links.get(adjLink[p]));
        return out;
    }

    /** Nodes by id in file order; handy for front ends. */
    public Map<String, Node> nodesById() {
        Map<String, Node> m = new LinkedHashMap<>();
        for (Node n : nodes) m.put(n.id(), n);
        return Collections.unmodifiableMap(m);
    }
}
