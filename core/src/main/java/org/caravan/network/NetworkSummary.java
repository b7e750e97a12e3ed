package org.caravan.network;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Counts describing a network, for {@code caravan network info}. Map keys are the codes used in data files
 * ({@code rail}, {@code border_post}, {@code KZ}); enum-keyed maps follow declaration order and list only
 * values that occur, country maps are sorted. Jackson serialises the record as is; {@link #toMap()} gives
 * the same content as plain maps.
 *
 * @param linksByCountry a link counts under its country when both ends are in one country, else under the
 *                       sorted pair such as {@code CN/KZ} (crossings, sea legs to waypoints in {@code XX})
 * @param kmByMode       total length per link mode
 * @param nodesBySource  nodes per kind of source ({@link #sourceKind}): {@code osm}, {@code natural-earth},
 *                       {@code marnet}, {@code curated}
 * @param linksBySource  links per kind of source, as for nodes
 */
public record NetworkSummary(
        String origin,
        int nodeCount,
        int linkCount,
        double totalKm,
        Map<String, Integer> nodesByCountry,
        Map<String, Integer> nodesByKind,
        Map<String, Integer> nodesByConfidence,
        Map<String, Integer> linksByCountry,
        Map<String, Integer> linksByMode,
        Map<String, Integer> linksByStatus,
        Map<String, Integer> linksByConfidence,
        Map<String, Double> kmByMode,
        Map<String, Integer> nodesBySource,
        Map<String, Integer> linksBySource) {

    /** Kinds of source, in display order (see {@link #sourceKind}). */
    public static final List<String> SOURCE_KINDS = List.of("osm", "natural-earth", "marnet", "curated");

    public NetworkSummary {
        nodesByCountry = frozen(nodesByCountry);
        nodesByKind = frozen(nodesByKind);
        nodesByConfidence = frozen(nodesByConfidence);
        linksByCountry = frozen(linksByCountry);
        linksByMode = frozen(linksByMode);
        linksByStatus = frozen(linksByStatus);
        linksByConfidence = frozen(linksByConfidence);
        kmByMode = frozen(kmByMode);
        nodesBySource = frozen(nodesBySource);
        linksBySource = frozen(linksBySource);
    }

    /**
     * The kind of source a record's {@code source} text names, by its first mention: {@code osm} (OpenStreetMap
     * track or stations, ODbL), {@code natural-earth} (Natural Earth railroads or places), {@code marnet} (sea
     * lanes), else {@code curated} (the hand-curated tables with published figures and estimates).
     */
    public static String sourceKind(String source) {
        String s = source == null ? "" : source;
        int best = Integer.MAX_VALUE;
        String kind = "curated";
        String[][] marks = {{"OpenStreetMap", "osm"}, {"Natural Earth", "natural-earth"}, {"MARNET", "marnet"}};
        for (String[] m : marks) {
            int i = s.indexOf(m[0]);
            if (i >= 0 && i < best) {
                best = i;
                kind = m[1];
            }
        }
        return kind;
    }

    private static <T> Map<String, Integer> bySource(List<T> items, Function<T, String> source) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (T t : items) counts.merge(sourceKind(source.apply(t)), 1, Integer::sum);
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String k : SOURCE_KINDS) if (counts.containsKey(k)) m.put(k, counts.get(k));
        return m;
    }

    public static NetworkSummary of(Network network) {
        Map<String, Node> byId = network.nodesById();
        List<Node> nodes = network.nodes();
        List<Link> links = network.links();
        Map<String, Double> km = new LinkedHashMap<>();
        for (Mode m : Mode.values()) {
            double sum = links.stream().filter(l -> l.mode() == m).mapToDouble(Link::km).sum();
            if (links.stream().anyMatch(l -> l.mode() == m)) km.put(m.code(), sum);
        }
        return new NetworkSummary(
                network.origin(),
                nodes.size(),
                links.size(),
                links.stream().mapToDouble(Link::km).sum(),
                sorted(nodes, Node::country),
                byEnum(nodes, NodeKind.values(), Node::kind, NodeKind::code),
                byEnum(nodes, Confidence.values(), Node::confidence, Confidence::code),
                sorted(links, l -> linkCountry(l, byId)),
                byEnum(links, Mode.values(), Link::mode, Mode::code),
                byEnum(links, LinkStatus.values(), Link::status, LinkStatus::code),
                byEnum(links, Confidence.values(), Link::confidence, Confidence::code),
                km,
                bySource(nodes, Node::source),
                bySource(links, Link::source));
    }

    private static String linkCountry(Link l, Map<String, Node> byId) {
        String a = byId.get(l.from()).country();
        String b = byId.get(l.to()).country();
        if (a.equals(b)) return a;
        return a.compareTo(b) < 0 ? a + "/" + b : b + "/" + a;
    }

    private static <T> Map<String, Integer> sorted(List<T> items, Function<T, String> key) {
        Map<String, Integer> m = new TreeMap<>();
        for (T t : items) m.merge(key.apply(t), 1, Integer::sum);
        return m;
    }

    private static <T, E extends Enum<E>> Map<String, Integer> byEnum(List<T> items, E[] values, Function<T, E> key,
                                                                     Function<E, String> code) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (E e : values) {
            int count = (int) items.stream().filter(t -> key.apply(t) == e).count();
            if (count > 0) m.put(code.apply(e), count);
        }
        return m;
    }

    private static <V> Map<String, V> frozen(Map<String, V> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** The summary as nested plain maps, in the record's component order. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("origin", origin);
        m.put("nodeCount", nodeCount);
        m.put("linkCount", linkCount);
        m.put("totalKm", totalKm);
        m.put("nodesByCountry", nodesByCountry);
        m.put("nodesByKind", nodesByKind);
        m.put("nodesByConfidence", nodesByConfidence);
        m.put("linksByCountry", linksByCountry);
        m.put("linksByMode", linksByMode);
        m.put("linksByStatus", linksByStatus);
        m.put("linksByConfidence", linksByConfidence);
        m.put("kmByMode", kmByMode);
        m.put("nodesBySource", nodesBySource);
        m.put("linksBySource", linksBySource);
        return Collections.unmodifiableMap(m);
    }
}
