package org.caravan.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.caravan.cost.CostModelLoader;
import org.caravan.io.YamlOverlay;

/**
 * Which cost-model values calibration may change, and within which bounds: entries of
 * {@code /org/caravan/validation/parameters.yaml}, each a group ("speeds", "dwell", "waits", "rates", "co2"), a
 * pattern over the YAML key path of a value and its bounds. Values are found generically by walking the cost
 * model's tree, so a parameter the cost model gains later is fitted once its name follows the naming rules.
 */
public final class ParameterRegistry {
    public static final String RESOURCE = "/org/caravan/validation/parameters.yaml";
    /** Top-level parts of a cost model that hold no fittable numbers. */
    private static final Set<String> SKIP = Set.of("sources", "reliability");

    /**
     * One registry entry. An entry with {@code follows} (a sibling key, e.g. {@code wait_hours} for
     * {@code p90_wait_hours}) is not fitted itself: the value keeps its ratio to the sibling and moves with it, so
     * a 90th percentile never falls below its mean.
     */
    public record Entry(String group, String pattern, double minFactor, double maxFactor, double min, double max,
            String why, String follows) {
        public Entry(String group, String pattern, double minFactor, double maxFactor, double min, double max,
                String why) {
            this(group, pattern, minFactor, maxFactor, min, max, why, null);
        }

        public boolean matches(String path) { return ParameterRegistry.matches(pattern, path); }
    }

    /**
     * A value that moves with a fitted parameter, keeping its ratio to it: {@code initial × value / leader's
     * initial}, within the cost file's range of its key ({@link CostModelLoader#bounds}).
     */
    public record Tied(String path, double initial) {
        /** The value when the leader, whose default is {@code leaderInitial}, is {@code leaderValue}. */
        public double value(double leaderInitial, double leaderValue) {
            double[] b = CostModelLoader.bounds(path);
            return Math.min(b[1], Math.max(b[0], initial * leaderValue / leaderInitial));
        }
    }

    /** A value of a cost model that may be fitted, with the values tied to it. */
    public record Parameter(String path, String group, double initial, double lower, double upper, String why,
            List<Tied> tied) {
        public Parameter {
            tied = List.copyOf(tied);
        }

        public Parameter(String path, String group, double initial, double lower, double upper, String why) {
            this(path, group, initial, lower, upper, why, List.of());
        }

        /** The cargo profile the value belongs to, if it sits under {@code profiles.NAME}. */
        public Optional<String> profile() {
            if (!path.startsWith("profiles.")) return Optional.empty();
            int end = path.indexOf('.', "profiles.".length());
            return Optional.of(end < 0 ? path.substring(9) : path.substring(9, end));
        }
    }

    private final List<Entry> entries;

    public ParameterRegistry(List<Entry> entries) { this.entries = List.copyOf(entries); }

    /** The embedded registry. */
    public static ParameterRegistry embedded() {
        ObjectNode root = YamlOverlay.resource(RESOURCE);
        List<Entry> out = new ArrayList<>();
        for (JsonNode e : root.path("parameters")) {
            out.add(new Entry(e.path("group").asText(), e.path("pattern").asText(), e.path("min_factor").asDouble(),
                    e.path("max_factor").asDouble(), e.path("min").asDouble(), e.path("max").asDouble(),
                    e.path("why").asText(), e.hasNonNull("follows") ? e.get("follows").asText() : null));
        }
        return new ParameterRegistry(out);
    }

    public List<Entry> entries() { return entries; }

    public Set<String> groups() {
        Set<String> g = new LinkedHashSet<>();
        for (Entry e : entries) g.add(e.group());
        return g;
    }

    /** The entry that decides a path: the first that matches. */
    public Optional<Entry> entryFor(String path) {
        return entries.stream().filter(e -> e.matches(path)).findFirst();
    }

    /**
     * Every fittable value of {@code costTree} in the chosen groups, in the tree's order. Values whose default is
     * 0 are left out (a log-scale search cannot move them and the model says the component does not apply).
     */
    public List<Parameter> find(ObjectNode costTree, Set<String> groups) {
        Map<String, Double> leaves = numericLeaves(costTree);
        // Tied values by the path of the value they follow (a sibling in the same mapping).
        Map<String, List<Tied>> followers = new java.util.HashMap<>();
        for (Map.Entry<String, Double> leaf : leaves.entrySet()) {
            Optional<Entry> e = entryFor(leaf.getKey());
            if (e.isEmpty() || e.get().follows() == null) continue;
            String path = leaf.getKey();
            String leader = path.substring(0, path.lastIndexOf('.') + 1) + e.get().follows();
            followers.computeIfAbsent(leader, k -> new ArrayList<>()).add(new Tied(path, leaf.getValue()));
        }
        List<Parameter> out = new ArrayList<>();
        for (Map.Entry<String, Double> leaf : leaves.entrySet()) {
            Optional<Entry> e = entryFor(leaf.getKey());
            if (e.isEmpty() || e.get().follows() != null || !groups.contains(e.get().group())) continue;
            double v = leaf.getValue();
            if (!(v > 0)) continue;
            // The default always lies within its bounds, and the lower bound stays positive (the search is on a
            // log scale).
            // Within the cost file's range of the key too, so a fitted file is never refused by the loader.
            double[] range = CostModelLoader.bounds(leaf.getKey());
            double lo = Math.min(v, Math.max(Math.max(e.get().min(), range[0]), v * e.get().minFactor()));
            double hi = Math.max(v, Math.min(Math.min(e.get().max(), range[1]), v * e.get().maxFactor()));
            out.add(new Parameter(leaf.getKey(), e.get().group(), v, lo, hi, e.get().why(),
                    followers.getOrDefault(leaf.getKey(), List.of())));
        }
        return out;
    }

    /** Dotted path to every number in the tree except under {@code sources} and {@code reliability}. */
    public static Map<String, Double> numericLeaves(ObjectNode tree) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = tree.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!SKIP.contains(e.getKey())) walk(e.getValue(), e.getKey(), out);
        }
        return out;
    }

    private static void walk(JsonNode node, String path, Map<String, Double> out) {
        if (node.isNumber()) {
            out.put(path, node.doubleValue());
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> walk(e.getValue(), path + "." + e.getKey(), out));
        }
    }

    /** Glob over dotted paths: {@code *} within a segment, {@code **} for any number of segments. */
    static boolean matches(String pattern, String path) {
        return match(pattern.split("\\."), 0, path.split("\\."), 0);
    }

    private static boolean match(String[] p, int i, String[] s, int j) {
        if (i == p.length) return j == s.length;
        if (p[i].equals("**")) {
            for (int k = j; k <= s.length; k++) if (match(p, i + 1, s, k)) return true;
            return false;
        }
        if (j == s.length) return false;
        return segment(p[i], s[j]) && match(p, i + 1, s, j + 1);
    }

    private static boolean segment(String glob, String s) {
        String[] parts = glob.split("\\*", -1);
        StringBuilder re = new StringBuilder();
        for (int k = 0; k < parts.length; k++) {
            if (k > 0) re.append(".*");
            re.append(Pattern.quote(parts[k]));
        }
        return s.matches(re.toString());
    }
}
