package org.caravan.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.caravan.io.YamlOverlay;
import org.caravan.network.Limits;
import org.caravan.network.Link;
import org.caravan.network.LinkStatus;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.network.Problem;
import org.caravan.place.PlaceIndex;
import org.caravan.routing.InvalidRequestException;

/**
 * Reads scenario files (YAML or JSON; the schema is docs/SCENARIOS.md) and the shipped examples, checking them
 * against the base they will change: every problem (unknown field, wrong type, bad value, unknown node, link
 * or country, an added link that breaks a network rule, a cost override the cost model refuses) is reported at
 * once with the file and the dotted path of the field, and a scenario with any problem yields nothing.
 */
public final class ScenarioLoader {
    /** The shipped examples, in the order {@code caravan scenario list} shows them. */
    public static final List<String> EXAMPLES = List.of("northern-restricted", "trans-afghan-railway",
            "torkham-closed", "herat-railway", "caspian-ferry-doubled", "uzbek-transit-discount");
    static final String EXAMPLE_DIR = "/org/caravan/scenario/examples/";

    private static final Set<String> TOP = ordered("id", "title", "rationale", "sources", "assumptions", "changes");
    private static final Set<String> CHANGES = ordered("close", "reopen", "open", "add_links", "crossings", "links",
            "costs", "avoid", "penalties");
    private static final Set<String> CROSSING = ordered("hours_mean", "hours_p90", "fee_usd", "hours_mean_rev",
            "hours_p90_rev", "fee_usd_rev");
    private static final Set<String> LINK = ordered("km", "hours", "wait_hours", "capacity_tpd");

    private ScenarioLoader() {}

    /** A shipped example by id, or a file path. */
    public static Scenario resolve(String idOrFile, ScenarioBase base) throws ScenarioException {
        if (EXAMPLES.contains(idOrFile)) return example(idOrFile, base);
        Path p = Path.of(idOrFile);
        if (!Files.exists(p)) {
            throw new ScenarioException(List.of(new Problem(idOrFile, "", "", "neither a scenario file nor an "
                    + "example; examples: " + String.join(", ", EXAMPLES))));
        }
        return load(p, base);
    }

    public static Scenario example(String id, ScenarioBase base) throws ScenarioException {
        if (!EXAMPLES.contains(id)) {
            throw new ScenarioException(List.of(new Problem("example:" + id, "", "id", "no such example; "
                    + "examples: " + String.join(", ", EXAMPLES))));
        }
        return read(exampleText(id).getBytes(StandardCharsets.UTF_8), "example:" + id, base);
    }

    /** The file of a shipped example, as shipped (YAML with comments); for showing or copying it. */
    public static String exampleText(String id) {
        if (!EXAMPLES.contains(id)) throw new IllegalArgumentException("no such example: " + id);
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(EXAMPLE_DIR + id + ".yaml")) {
            if (in == null) throw new IllegalStateException("missing example resource " + id);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Scenario load(Path file, ScenarioBase base) throws ScenarioException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(List.of(new Problem(file.toString(), "", "", "file not found")));
        } catch (IOException e) {
            String why = Files.isDirectory(file) ? "is a directory, not a file"
                    : "cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw new ScenarioException(List.of(new Problem(file.toString(), "", "", why)));
        }
        return read(bytes, file.toString(), base);
    }

    /** Parses and checks a scenario; {@code name} is the file name problems carry. */
    public static Scenario read(byte[] content, String name, ScenarioBase base) throws ScenarioException {
        JsonNode root;
        try {
            root = YamlOverlay.parse(content);
        } catch (YamlOverlay.InputException e) {
            throw new ScenarioException(List.of(new Problem(name, e.location(), "", e.getMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException(List.of(new Problem(name, "line 1", "", "expected a mapping at the top level "
                    + "(id, title, rationale, sources, changes)")));
        }
        Reader r = new Reader(name, base);
        r.locations = org.caravan.io.YamlLocations.of(content);
        Scenario s = r.scenario((ObjectNode) root);
        if (!r.problems.isEmpty()) throw new ScenarioException(r.problems);
        // Added links and cost overrides are checked by building them, exactly as they will run.
        ScenarioOverlay.apply(base, s);
        return s;
    }

    /** Turns the tree into a {@link Scenario}, collecting every problem instead of stopping at the first. */
    private static final class Reader {
        final String file;
        final Network net;
        final PlaceIndex places;
        final Set<String> countries = new TreeSet<>();
        final List<Problem> problems = new ArrayList<>();

        Reader(String file, ScenarioBase base) {
            this.file = file;
            this.net = base.network();
            this.places = base.places();
            for (Node n : net.nodes()) countries.add(n.country());
        }

        /** Line and column of each field, so that a semantic problem is placed like a syntax error. */
        org.caravan.io.YamlLocations locations = org.caravan.io.YamlLocations.none();

        void problem(String field, String message) {
            problems.add(new Problem(file, locations.of(field), field, message));
        }

        Scenario scenario(ObjectNode root) {
            unknown(root, "", TOP);
            String id = text(root, "id", true);
            if (id != null && !id.matches("[a-z0-9][a-z0-9-]*")) {
                problem("id", "expected lower-case letters, digits and '-', got '" + id + "'");
            }
            String title = text(root, "title", true);
            String rationale = text(root, "rationale", true);
            List<String> sources = strings(root.get("sources"), "sources");
            List<String> assumptions = strings(root.get("assumptions"), "assumptions");
            JsonNode ch = root.get("changes");
            ScenarioChanges changes = ScenarioChanges.NONE;
            if (ch == null || ch.isNull()) {
                problem("changes", "missing: a scenario changes something");
            } else if (!ch.isObject()) {
                problem("changes", "expected a mapping with any of " + CHANGES);
            } else {
                changes = changes((ObjectNode) ch);
            }
            return new Scenario(id == null ? "invalid" : id, title, rationale, sources, assumptions, file, changes);
        }

        ScenarioChanges changes(ObjectNode c) {
            unknown(c, "changes", CHANGES);
            Set<String> closeNodes = new LinkedHashSet<>();
            Set<String> closeLinks = new LinkedHashSet<>();
            List<String> close = strings(c.get("close"), "changes.close");
            for (int i = 0; i < close.size(); i++) {
                try {
                    PlaceIndex.Closure cl = places.resolveClosure(close.get(i));
                    closeNodes.addAll(cl.nodes());
                    closeLinks.addAll(cl.links());
                } catch (InvalidRequestException e) {
                    problem("changes.close[" + i + "]", e.getMessage());
                }
            }
            Set<String> reopen = linkIds(c.get("reopen"), "changes.reopen", Set.of(LinkStatus.CLOSED),
                    "is not closed");
            Set<String> open = linkIds(c.get("open"), "changes.open",
                    Set.of(LinkStatus.PLANNED, LinkStatus.UNDER_CONSTRUCTION), "is not planned or under construction");
            for (String id : closeLinks) {
                if (reopen.contains(id) || open.contains(id)) {
                    problem("changes.close", "link " + id + " is both closed and opened");
                }
            }
            List<ObjectNode> add = new ArrayList<>();
            JsonNode al = c.get("add_links");
            if (al != null && !al.isNull()) {
                if (!al.isArray()) {
                    problem("changes.add_links", "expected a list of links");
                } else {
                    for (int i = 0; i < al.size(); i++) {
                        if (al.get(i).isObject()) add.add((ObjectNode) al.get(i));
                        else problem("changes.add_links[" + i + "]", "expected a mapping of link fields");
                    }
                }
            }
            Map<String, ScenarioChanges.CrossingChange> crossings = byLink(c.get("crossings"), "changes.crossings",
                    CROSSING, true, this::crossing);
            Map<String, ScenarioChanges.LinkChange> links = byLink(c.get("links"), "changes.links", LINK, false,
                    this::linkChange);
            ObjectNode costs = null;
            JsonNode co = c.get("costs");
            if (co != null && !co.isNull()) {
                if (co.isObject()) {
                    costs = (ObjectNode) co;
                    costCountries(costs, "changes.costs");
                } else {
                    problem("changes.costs", "expected a cost-model override (same shape as defaults.yaml)");
                }
            }
            Set<String> avoid = new LinkedHashSet<>();
            List<String> av = strings(c.get("avoid"), "changes.avoid");
            for (int i = 0; i < av.size(); i++) {
                String cc = country(av.get(i), "changes.avoid[" + i + "]");
                if (cc != null) avoid.add(cc);
            }
            Map<String, Double> penalties = new LinkedHashMap<>();
            JsonNode pe = c.get("penalties");
            if (pe != null && !pe.isNull()) {
                if (!pe.isObject()) {
                    problem("changes.penalties", "expected a mapping of country code to USD per cargo unit");
                } else {
                    pe.fields().forEachRemaining(e -> {
                        String p = "changes.penalties." + e.getKey();
                        String cc = country(e.getKey(), p);
                        Double usd = number(e.getValue(), p, Limits.PENALTY_USD);
                        if (cc != null && usd != null) penalties.put(cc, usd);
                    });
                }
            }
            return new ScenarioChanges(closeNodes, closeLinks, reopen, open, add, crossings, links, costs, avoid,
                    penalties);
        }

        ScenarioChanges.CrossingChange crossing(JsonNode n, String path, Link link) {
            ScenarioChanges.CrossingChange cc = new ScenarioChanges.CrossingChange(
                    number(n.get("hours_mean"), path + ".hours_mean", Limits.HOURS),
                    number(n.get("hours_p90"), path + ".hours_p90", Limits.HOURS),
                    number(n.get("fee_usd"), path + ".fee_usd", Limits.FEE_USD),
                    number(n.get("hours_mean_rev"), path + ".hours_mean_rev", Limits.HOURS),
                    number(n.get("hours_p90_rev"), path + ".hours_p90_rev", Limits.HOURS),
                    number(n.get("fee_usd_rev"), path + ".fee_usd_rev", Limits.FEE_USD));
            try {
                cc.forward(link.forward());
            } catch (IllegalArgumentException e) {
                problem(path + ".hours_p90", "the 90th percentile must be at least the mean: " + e.getMessage());
            }
            try {
                cc.backward(link.backward());
            } catch (IllegalArgumentException e) {
                problem(path + ".hours_p90_rev", "the 90th percentile must be at least the mean (reverse "
                        + "direction): " + e.getMessage());
            }
            return cc;
        }

        ScenarioChanges.LinkChange linkChange(JsonNode n, String path, Link link) {
            return new ScenarioChanges.LinkChange(number(n.get("km"), path + ".km", Limits.KM),
                    number(n.get("hours"), path + ".hours", Limits.HOURS),
                    number(n.get("wait_hours"), path + ".wait_hours", Limits.HOURS),
                    number(n.get("capacity_tpd"), path + ".capacity_tpd", Limits.CAPACITY_TPD));
        }

        interface Change<T> { T read(JsonNode n, String path, Link link); }

        <T> Map<String, T> byLink(JsonNode node, String path, Set<String> fields, boolean crossingsOnly,
                Change<T> read) {
            Map<String, T> out = new LinkedHashMap<>();
            if (node == null || node.isNull()) return out;
            if (!node.isObject()) {
                problem(path, "expected a mapping of link id to " + fields);
                return out;
            }
            node.fields().forEachRemaining(e -> {
                String p = path + "." + e.getKey();
                Link l = net.link(e.getKey()).orElse(null);
                if (l == null) {
                    problem(p, "unknown link id '" + e.getKey() + "'");
                    return;
                }
                if (crossingsOnly && !l.isCrossing()) {
                    problem(p, "link " + l.id() + " is a " + l.mode().code() + " link, not a border crossing; "
                            + "change it under 'links'");
                    return;
                }
                if (!e.getValue().isObject() || e.getValue().isEmpty()) {
                    problem(p, "expected a mapping with any of " + fields);
                    return;
                }
                unknown(e.getValue(), p, fields);
                out.put(l.id(), read.read(e.getValue(), p, l));
            });
            return out;
        }

        Set<String> linkIds(JsonNode node, String path, Set<LinkStatus> from, String otherwise) {
            Set<String> out = new LinkedHashSet<>();
            List<String> ids = strings(node, path);
            for (int i = 0; i < ids.size(); i++) {
                String p = path + "[" + i + "]";
                Link l = net.link(ids.get(i)).orElse(null);
                if (l == null) {
                    problem(p, "unknown link id '" + ids.get(i) + "'");
                } else if (!from.contains(l.status())) {
                    problem(p, "link " + l.id() + " " + otherwise + " (it is " + l.status().code() + ")");
                } else {
                    out.add(l.id());
                }
            }
            return out;
        }

        /** A country by ISO code or name (the shared resolver, as {@code --avoid} takes it) that the network has. */
        String country(String raw, String path) {
            String cc;
            try {
                cc = org.caravan.country.Countries.embedded().resolve(raw).alpha2();
            } catch (org.caravan.country.UnknownCountryException e) {
                problem(path, e.getMessage());
                return null;
            }
            if (!countries.contains(cc)) {
                problem(path, "no place of the network is in '" + cc + "'");
                return null;
            }
            return cc;
        }

        /** A number in its documented range, or null when absent (or wrong, after reporting it). */
        Double number(JsonNode v, String path, Limits.Range range) {
            if (v == null || v.isNull()) return null;
            if (!v.isNumber()) {
                problem(path, "expected a number, got " + describe(v));
                return null;
            }
            double d = v.doubleValue();
            java.util.Optional<String> bad = range.problem(d);
            if (bad.isPresent()) {
                problem(path, bad.get());
                return null;
            }
            return d;
        }

        /**
         * The countries a cost override names (the keys of every {@code ..._by_country} mapping) must be countries
         * of the network, as {@code avoid} and {@code penalties} are: a rate for a country no route enters is a typo.
         */
        void costCountries(JsonNode node, String path) {
            node.fields().forEachRemaining(e -> {
                String p = path + "." + e.getKey();
                if (e.getKey().endsWith("_by_country") && e.getValue().isObject()) {
                    e.getValue().fieldNames().forEachRemaining(key -> {
                        // any spelling of the one convention (KAZ, Kazakhstan); the cost model reads it as alpha-2
                        String cc = org.caravan.country.Countries.embedded().find(key)
                                .map(org.caravan.country.Country::alpha2).orElse(key);
                        if (!countries.contains(cc)) {
                            String why;
                            if (org.caravan.country.Countries.embedded().find(key).isPresent()) {
                                why = "no place of the network is in '" + cc + "'";
                            } else {
                                try {
                                    org.caravan.country.Countries.embedded().resolve(key);
                                    why = "unknown country '" + key + "'";
                                } catch (org.caravan.country.UnknownCountryException u) {
                                    why = u.getMessage();
                                }
                            }
                            problem(p + "." + key, why);
                        }
                    });
                } else if (e.getValue().isObject()) {
                    costCountries(e.getValue(), p);
                }
            });
        }

        String text(JsonNode parent, String key, boolean required) {
            JsonNode v = parent.get(key);
            if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
                if (required) problem(key, "missing");
                return null;
            }
            if (!v.isTextual()) {
                problem(key, "expected text, got " + describe(v));
                return null;
            }
            return v.asText().trim();
        }

        List<String> strings(JsonNode v, String path) {
            List<String> out = new ArrayList<>();
            if (v == null || v.isNull()) return out;
            if (!v.isArray()) {
                problem(path, "expected a list, got " + describe(v));
                return out;
            }
            for (int i = 0; i < v.size(); i++) {
                JsonNode e = v.get(i);
                if (e.isTextual() && !e.asText().isBlank()) out.add(e.asText().trim());
                else problem(path + "[" + i + "]", "expected text, got " + describe(e));
            }
            return out;
        }

        void unknown(JsonNode node, String path, Set<String> allowed) {
            node.fieldNames().forEachRemaining(k -> {
                if (!allowed.contains(k)) {
                    problem(Problem.fieldPath(path, k), "unknown field, expected one of " + allowed);
                }
            });
        }

        static String describe(JsonNode v) {
            String type = v.getNodeType().toString().toLowerCase(Locale.ROOT);
            return v.isValueNode() ? type + " '" + v.asText() + "'" : "a " + type;
        }
    }

    private static Set<String> ordered(String... names) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(names)));
    }

}
