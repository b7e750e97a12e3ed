package org.caravan.place;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.caravan.network.Link;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.network.NodeKind;
import org.caravan.routing.InvalidRequestException;

/**
 * Finds nodes by UN/LOCODE, id, name or alternative name, ignoring case, diacritics and punctuation
 * ("Mazar-i-Sharif", "mazar i sharif" and "Mazār-e Sharīf" are the same). When a name fits several nodes the
 * most useful kind wins (a city over its rail station or border post); a true tie is an error that lists the
 * candidates. A known town of the region that is not a node (Natural Earth populated places) is told so, with
 * the nearest network places and their distance; a capital outside the region is told it is outside; other
 * unknown names get suggestions by edit distance. Immutable and thread-safe.
 */
public final class PlaceIndex {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Preference when one name fits several nodes: lower wins. */
    private static final List<NodeKind> KIND_ORDER = List.of(NodeKind.CITY, NodeKind.SEAPORT, NodeKind.DRY_PORT,
            NodeKind.TERMINAL, NodeKind.RAIL_STATION, NodeKind.JUNCTION, NodeKind.BORDER_POST,
            NodeKind.SEA_WAYPOINT);

    private final Network network;
    private final Map<String, List<Node>> byName = new HashMap<>();
    /** Looser keys ("Karachi" for "Karachi port", "Torkham" for "Torkham (AF side)"), tried after exact names. */
    private final Map<String, List<Node>> byLooseName = new HashMap<>();
    /** Crossing name without its mode → every crossing link between the same posts. */
    private final Map<String, List<Link>> crossingsByName = new HashMap<>();
    /** Crossing name with its mode ("sarakhs rail") → those links only. */
    private final Map<String, List<Link>> modeCrossingsByName = new HashMap<>();

    public PlaceIndex(Network network) {
        this.network = network;
        for (Node n : network.nodes()) {
            Set<String> keys = new LinkedHashSet<>();
            keys.add(normalize(n.name()));
            for (String alt : n.altNames()) keys.add(normalize(alt));
            for (String k : keys) {
                if (!k.isEmpty()) byName.computeIfAbsent(k, x -> new ArrayList<>()).add(n);
            }
            Set<String> loose = new LinkedHashSet<>();
            for (String name : names(n)) loose.addAll(looseKeys(name));
            loose.removeAll(keys);
            for (String k : loose) byLooseName.computeIfAbsent(k, x -> new ArrayList<>()).add(n);
        }
        // A crossing is every crossing link between the same two posts, whatever its mode: "Sarakhs" and
        // "Sarakhs rail" both denote the road and the rail link between Sarakhs (TM) and Sarakhs (IR).
        Map<String, List<Link>> byPosts = new HashMap<>();
        for (Link l : network.links()) {
            if (l.isCrossing()) byPosts.computeIfAbsent(postsKey(l), x -> new ArrayList<>()).add(l);
        }
        // A name that says its mode ("Sarakhs rail") denotes that link alone.
        for (Link l : network.links()) {
            if (!l.isCrossing() || l.name().isBlank()) continue;
            String full = normalize(l.name());
            String bare = bareCrossingName(l.name());
            List<Link> group = crossingsByName.computeIfAbsent(bare, x -> new ArrayList<>());
            for (Link m : byPosts.get(postsKey(l))) if (!group.contains(m)) group.add(m);
            if (!full.equals(bare)) modeCrossingsByName.computeIfAbsent(full, x -> new ArrayList<>()).add(l);
        }
    }

    private static final Pattern MODE_SUFFIX = Pattern.compile("\\s+(rail|road|railway|ferry|sea)$");

    /** The two posts of a crossing, in either direction. */
    private static String postsKey(Link l) {
        return l.from().compareTo(l.to()) < 0 ? l.from() + "|" + l.to() : l.to() + "|" + l.from();
    }

    /** A crossing's name without a trailing mode ("farap alat" for "Farap-Alat rail"). */
    static String bareCrossingName(String name) {
        return MODE_SUFFIX.matcher(normalize(name)).replaceAll("");
    }

    private static final Pattern PARENS = Pattern.compile("\\(([^)]*)\\)");
    private static final Pattern PORT_SUFFIX = Pattern.compile("\\s+(sea)?port$");
    private static final Pattern PORT_PREFIX = Pattern.compile("^(bandar e|bandar|port)\\s+");

    /**
     * The name without its parenthetical remark, without a trailing "port" and without a leading "Bandar" or
     * "Port" ("Anzali" for "Bandar Anzali"), and the remark itself.
     */
    static Set<String> looseKeys(String name) {
        Set<String> out = new LinkedHashSet<>();
        java.util.regex.Matcher m = PARENS.matcher(name);
        while (m.find()) out.add(normalize(m.group(1)));
        String bare = normalize(PARENS.matcher(name).replaceAll(" "));
        out.add(bare);
        out.add(PORT_SUFFIX.matcher(bare).replaceAll(""));
        out.add(PORT_PREFIX.matcher(bare).replaceAll(""));
        out.remove("");
        return out;
    }

    /** Lower case, no diacritics, punctuation and spaces folded to single spaces. */
    public static String normalize(String s) {
        if (s == null) return "";
        String t = Normalizer.normalize(s, Normalizer.Form.NFD);
        t = MARKS.matcher(t).replaceAll("");
        t = t.toLowerCase(Locale.ROOT).replace('ı', 'i');
        return NON_ALNUM.matcher(t).replaceAll(" ").trim();
    }

    /**
     * The node a user means by {@code query}.
     *
     * @param field request field to name in the error ("from", "to", "via"...)
     * @throws InvalidRequestException for unknown or ambiguous places, with suggestions
     */
    public Node resolve(String query, String field) {
        if (query == null || query.isBlank()) throw new InvalidRequestException(field, "empty place name");
        String q = query.trim();
        Node byId = network.node(q).orElseGet(() -> network.node(q.toUpperCase(Locale.ROOT)).orElse(null));
        if (byId != null) return byId;
        for (Node n : network.nodes()) {
            if (n.id().equalsIgnoreCase(q)) return n;
        }
        List<Node> hits = byName.getOrDefault(normalize(q), List.of());
        if (hits.isEmpty()) hits = byLooseName.getOrDefault(normalize(q), List.of());
        if (hits.isEmpty()) {
            // a known town or capital outside the region is told so: offering the nearest spelling ("Kunduz" for
            // "London") would suggest the network could route there
            var known = org.caravan.country.WorldPlaces.embedded().find(q);
            if (known.isPresent() && !known.get().inRegion()) {
                throw new InvalidRequestException(field, "'" + q + "' is " + known.get().name() + ", "
                        + known.get().country().label() + ", outside the network's region (Central and South Asia, "
                        + "Iran, the Caucasus, Turkey and their ports); choose a place in the region, e.g. a port "
                        + "or border town on the way");
            }
            if (known.isPresent() && known.get().hasPosition()) {
                // a town in the region that is not a node: say so and offer the network places nearest to it
                var town = known.get();
                throw new InvalidRequestException(field, "'" + q + "' is " + town.name() + ", "
                        + town.country().label() + ", a town that is not a place of the network; nearest places "
                        + "of the network: " + String.join(", ", nearest(town.lat(), town.lon(), 3))
                        + "; choose one of them");
            }
            List<String> sugg = suggestions(q, 3);
            throw new InvalidRequestException(field, "unknown place '" + q + "'"
                    + (sugg.isEmpty() ? "" : "; did you mean " + String.join(", ", sugg) + "?"));
        }
        if (hits.size() == 1) return hits.get(0);
        List<Node> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparingInt(n -> KIND_ORDER.indexOf(n.kind())));
        if (KIND_ORDER.indexOf(sorted.get(0).kind()) < KIND_ORDER.indexOf(sorted.get(1).kind())) return sorted.get(0);
        throw new InvalidRequestException(field, "place '" + q + "' is ambiguous: "
                + String.join(", ", sorted.stream().map(PlaceIndex::label).toList()) + "; give the id instead");
    }

    /**
     * What {@code --close TOKEN} means: a link id, a node id, a crossing by name, or a place by name, in that
     * order, so "Torkham" closes the Torkham crossing rather than only one of its posts.
     */
    public Closure resolveClosure(String token) {
        String t = token.trim();
        if (network.link(t).isPresent()) return new Closure(Set.of(), Set.of(t));
        if (network.node(t).isPresent() || network.node(t.toUpperCase(Locale.ROOT)).isPresent()) {
            return new Closure(Set.of(network.node(t).orElseGet(() ->
                    network.node(t.toUpperCase(Locale.ROOT)).orElseThrow()).id()), Set.of());
        }
        List<Link> crossings = modeCrossingsByName.get(normalize(t));
        if (crossings == null) crossings = crossingsByName.get(normalize(t));
        if (crossings == null) crossings = crossingsByName.get(bareCrossingName(t));
        if (crossings != null) {
            Set<String> ids = new LinkedHashSet<>();
            for (Link l : crossings) ids.add(l.id());
            return new Closure(Set.of(), ids);
        }
        try {
            return new Closure(Set.of(resolve(t, "close").id()), Set.of());
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException("close", e.getMessage().replace("unknown place",
                    "unknown place, crossing or link"));
        }
    }

    /** Whether the network has a link of this id. */
    public boolean hasLink(String id) { return network.link(id).isPresent(); }

    /** Nodes and links that {@code --close} takes out of the network. */
    public record Closure(Set<String> nodes, Set<String> links) {}

    /**
     * Places whose name, alternative name or id starts with (or else contains) the query, best first; for
     * autocomplete.
     */
    public List<Node> search(String query, int limit) {
        String q = normalize(query);
        if (q.isEmpty()) return List.of();
        List<Node> prefix = new ArrayList<>();
        List<Node> contains = new ArrayList<>();
        for (Node n : network.nodes()) {
            boolean p = n.id().toLowerCase(Locale.ROOT).startsWith(q);
            boolean c = false;
            for (String name : names(n)) {
                String k = normalize(name);
                if (k.startsWith(q) || k.contains(" " + q)) p = true;
                else if (k.contains(q)) c = true;
            }
            if (p) prefix.add(n);
            else if (c) contains.add(n);
        }
        Comparator<Node> order = Comparator.<Node>comparingInt(n -> KIND_ORDER.indexOf(n.kind()))
                .thenComparing(Node::name);
        prefix.sort(order);
        contains.sort(order);
        List<Node> out = new ArrayList<>(prefix);
        out.addAll(contains);
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
    }

    /** Up to {@code limit} "Name (ID)" labels close to the query by edit distance. */
    public List<String> suggestions(String query, int limit) {
        String q = normalize(query);
        record Scored(Node node, int distance) {}
        List<Scored> scored = new ArrayList<>();
        for (Node n : network.nodes()) {
            int best = Integer.MAX_VALUE;
            for (String name : names(n)) {
                String k = normalize(name);
                int d = levenshtein(q, k);
                if (!q.isEmpty() && k.startsWith(q)) d = Math.min(d, 1);
                best = Math.min(best, d);
            }
            int max = Math.max(2, q.length() / 3);
            if (best <= max) scored.add(new Scored(n, best));
        }
        scored.sort(Comparator.comparingInt(Scored::distance)
                .thenComparingInt(s -> KIND_ORDER.indexOf(s.node().kind())).thenComparing(s -> s.node().name()));
        return scored.stream().limit(limit).map(s -> label(s.node())).toList();
    }

    /**
     * Up to {@code limit} "Name (ID, CC, kind) N km" labels of the nodes nearest to a position (great-circle
     * distance; sea waypoints and junctions left out, since nobody ships from them).
     */
    public List<String> nearest(double lat, double lon, int limit) {
        record Near(Node node, double km) {}
        List<Near> near = new ArrayList<>();
        for (Node n : network.nodes()) {
            if (n.kind() == NodeKind.SEA_WAYPOINT || n.kind() == NodeKind.JUNCTION) continue;
            near.add(new Near(n, org.caravan.geo.GreatCircle.km(lat, lon, n.lat(), n.lon())));
        }
        near.sort(Comparator.comparingDouble(Near::km).thenComparing(x -> x.node().id()));
        return near.stream().limit(limit)
                .map(x -> label(x.node()) + " " + Math.round(x.km()) + " km").toList();
    }

    private static List<String> names(Node n) {
        List<String> all = new ArrayList<>();
        all.add(n.name());
        all.addAll(n.altNames());
        return all;
    }

    private static String label(Node n) {
        return n.name() + " (" + n.id() + ", " + n.country() + ", " + n.kind().code().replace('_', ' ') + ")";
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
