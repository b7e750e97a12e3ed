package org.caravan.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caravan.io.YamlOverlay;
import org.caravan.network.Mode;
import org.caravan.network.Problem;

/**
 * Reads the embedded defaults ({@code /org/caravan/cost/defaults.yaml}) and merges an optional user file over
 * them: objects merge key by key, anything else replaces. YAML and JSON files are both accepted (JSON is YAML).
 * Every problem names the file and the dotted path of the field; nothing is half-applied.
 */
public final class CostModelLoader {
    public static final String DEFAULTS_RESOURCE = "/org/caravan/cost/defaults.yaml";
    private static final Set<String> TOP = Set.of("co2_kg_per_tonne_km", "profiles", "sources", "reliability");
    private static final Set<String> RELIABILITY = Set.of("wait_p90_to_mean", "handling_p90_to_mean", "samples", "seed");
    private static final Set<String> PROFILE = Set.of("unit", "tonnes_per_unit", "value_of_time_usd_per_hour",
            "units_per_vehicle", "modes", "transship", "gauge_change");
    private static final Set<String> RATES = Set.of("fixed_usd", "per_km_usd", "speed_kmh",
            "per_km_usd_by_country", "speed_kmh_by_country");
    private static final Set<String> HANDLING = Set.of("usd", "hours");
    /** calibrated: fitted to observations by {@code caravan calibrate}, which names them in the source. */
    private static final Set<String> CONFIDENCES = Set.of("published", "estimated", "calibrated");

    private CostModelLoader() {}

    /** The embedded defaults alone. */
    public static CostModel defaults() {
        try {
            return build(readDefaults(), DEFAULTS_RESOURCE);
        } catch (CostModelException e) {
            throw new IllegalStateException("embedded cost defaults are invalid: " + e.getMessage(), e);
        }
    }

    /** The defaults with {@code userFile} merged over them. */
    public static CostModel load(Path userFile) throws CostModelException {
        String name = userFile.toString();
        ObjectNode user;
        try {
            user = YamlOverlay.userFile(userFile);
        } catch (IllegalArgumentException e) {
            throw new CostModelException(List.of(new Problem(name, YamlOverlay.locationOf(e), "", e.getMessage())));
        }
        // Problems are reported against the user's file: the defaults are known good.
        return build(YamlOverlay.merge(readDefaults(), withSources(user, "user cost file " + name)), name);
    }

    /**
     * Gives every value an override sets the override as its source (confidence estimated), unless the override's
     * own {@code sources:} names one: a number a user changed must not keep citing the publication of the default.
     * Returns {@code override} (changed in place).
     */
    public static ObjectNode withSources(ObjectNode override, String origin) {
        ObjectNode given = override.get("sources") instanceof ObjectNode o ? o : null;
        ObjectNode sources = override.putObject("sources");
        override.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("sources")) leaves(e.getValue(), e.getKey(), sources, origin);
        });
        if (given != null) given.fields().forEachRemaining(e -> sources.set(e.getKey(), e.getValue()));
        if (sources.isEmpty()) override.remove("sources");
        return override;
    }

    private static void leaves(JsonNode node, String path, ObjectNode sources, String origin) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> leaves(e.getValue(), path + "." + e.getKey(), sources, origin));
        } else {
            ObjectNode s = sources.putObject(path);
            s.put("source", "set by " + origin);
            s.put("confidence", "estimated");
        }
    }

    /**
     * A user file as a tree, without merging it: scenarios merge their own cost changes over the defaults and
     * this file, and need the trees to do so.
     */
    public static ObjectNode userTree(Path userFile) throws CostModelException {
        try {
            return YamlOverlay.userFile(userFile);
        } catch (IllegalArgumentException e) {
            throw new CostModelException(List.of(new Problem(userFile.toString(), YamlOverlay.locationOf(e), "", e.getMessage())));
        }
    }

    /**
     * A cost model from a complete tree (the defaults with any overrides already merged). Problems name
     * {@code file} and the dotted path of the field.
     */
    public static CostModel fromTree(ObjectNode tree, String file) throws CostModelException {
        return build(tree.deepCopy(), file);
    }

    /** The defaults as a tree, e.g. for an HTTP endpoint that shows them. */
    public static ObjectNode readDefaults() {
        return YamlOverlay.resource(DEFAULTS_RESOURCE);
    }

    private static CostModel build(ObjectNode root, String file) throws CostModelException {
        Reader r = new Reader(file);
        r.unknown(root, "", TOP);
        Map<Mode, Double> co2 = r.modeMap(root.get("co2_kg_per_tonne_km"), "co2_kg_per_tonne_km", true);
        Map<String, CargoProfile> profiles = new LinkedHashMap<>();
        JsonNode ps = root.get("profiles");
        if (ps == null || !ps.isObject() || ps.isEmpty()) {
            r.problem("profiles", "needs at least one cargo profile");
        } else {
            ps.fields().forEachRemaining(e -> {
                CargoProfile p = r.profile(e.getKey(), e.getValue(), "profiles." + e.getKey());
                if (p != null) profiles.put(e.getKey(), p);
            });
        }
        Map<String, CostModel.Source> sources = new HashMap<>();
        JsonNode src = root.get("sources");
        if (src != null) {
            if (!src.isObject()) {
                r.problem("sources", "expected a mapping of dotted paths to {source, confidence}");
            } else {
                src.fields().forEachRemaining(e -> {
                    JsonNode v = e.getValue();
                    String path = "sources." + e.getKey();
                    String s = v.path("source").asText("");
                    String c = v.path("confidence").asText("");
                    if (s.isBlank()) r.problem(path + ".source", "missing");
                    if (!CONFIDENCES.contains(c)) {
                        r.problem(path + ".confidence", "expected published, estimated or calibrated, got '" + c
                                + "'");
                    }
                    sources.put(e.getKey(), new CostModel.Source(s, c));
                });
            }
        }
        DelayModel delays = DelayModel.DEFAULT;
        JsonNode rel = root.get("reliability");
        if (rel != null) {
            r.unknown(rel, "reliability", RELIABILITY);
            double wait = r.number(rel, "wait_p90_to_mean", "reliability", true);
            double handling = r.number(rel, "handling_p90_to_mean", "reliability", true);
            double samples = r.number(rel, "samples", "reliability", true);
            double seed = r.number(rel, "seed", "reliability", false);
            if (wait < 1) r.problem("reliability.wait_p90_to_mean", "a p90 is at least the mean: expected >= 1");
            if (handling < 1) {
                r.problem("reliability.handling_p90_to_mean", "a p90 is at least the mean: expected >= 1");
            }
            if (samples != Math.rint(samples) || samples > 10_000_000) {
                r.problem("reliability.samples", "expected a whole number up to 10,000,000");
            }
            delays = new DelayModel(wait, handling, (int) samples, (long) seed);
        }
        if (!r.problems.isEmpty()) throw new CostModelException(r.problems);
        return new CostModel(profiles, co2, sources, delays);
    }

    /** Converts the tree into records, collecting problems instead of stopping at the first. */
    private static final class Reader {
        final String file;
        final List<Problem> problems = new ArrayList<>();

        Reader(String file) { this.file = file; }

        void problem(String field, String message) { problems.add(new Problem(file, "", field, message)); }

        void unknown(JsonNode node, String path, Set<String> allowed) {
            if (node == null || !node.isObject()) return;
            node.fieldNames().forEachRemaining(k -> {
                if (!allowed.contains(k)) {
                    problem(join(path, k), "unknown field, expected one of " + new java.util.TreeSet<>(allowed));
                }
            });
        }

        double number(JsonNode parent, String key, String path, boolean positive) {
            JsonNode v = parent == null ? null : parent.get(key);
            String p = join(path, key);
            if (v == null || v.isNull()) {
                problem(p, "missing");
                return Double.NaN;
            }
            if (!v.isNumber()) {
                problem(p, "expected a number, got '" + v.asText() + "'");
                return Double.NaN;
            }
            double d = v.doubleValue();
            if (!Double.isFinite(d) || d < 0 || (positive && d == 0)) {
                problem(p, "expected a " + (positive ? "positive" : "non-negative") + " number, got " + d);
            }
            return d;
        }

        Map<Mode, Double> modeMap(JsonNode node, String path, boolean required) {
            Map<Mode, Double> out = new EnumMap<>(Mode.class);
            if (node == null) {
                if (required) problem(path, "missing");
                return out;
            }
            if (!node.isObject()) {
                problem(path, "expected a mapping of mode to number");
                return out;
            }
            node.fieldNames().forEachRemaining(k -> {
                Mode m = mode(k, join(path, k));
                if (m != null) out.put(m, number(node, k, path, false));
            });
            if (required) {
                for (Mode m : Mode.CARRIER_MODES) {
                    if (!out.containsKey(m)) problem(join(path, m.code()), "missing");
                }
            }
            return out;
        }

        Mode mode(String key, String path) {
            try {
                Mode m = Mode.parse(key);
                if (!m.isCarrier()) {
                    problem(path, "'crossing' is not a mode cargo travels in");
                    return null;
                }
                return m;
            } catch (IllegalArgumentException e) {
                problem(path, "unknown mode '" + key + "', expected rail, road, sea or ferry");
                return null;
            }
        }

        Map<String, Double> countryMap(JsonNode node, String path) {
            Map<String, Double> out = new HashMap<>();
            if (node == null || node.isNull()) return out;
            if (!node.isObject()) {
                problem(path, "expected a mapping of ISO 3166-1 alpha-2 country code to number");
                return out;
            }
            node.fieldNames().forEachRemaining(k -> {
                if (!k.matches("[A-Z]{2}")) problem(join(path, k), "expected an ISO 3166-1 alpha-2 code");
                out.put(k, number(node, k, path, true));
            });
            return out;
        }

        Handling handling(JsonNode node, String path) {
            if (node == null || !node.isObject()) {
                problem(path, node == null ? "missing" : "expected {usd, hours}");
                return Handling.NONE;
            }
            unknown(node, path, HANDLING);
            return new Handling(number(node, "usd", path, false), number(node, "hours", path, false));
        }

        CargoProfile profile(String name, JsonNode node, String path) {
            if (!node.isObject()) {
                problem(path, "expected a mapping");
                return null;
            }
            unknown(node, path, PROFILE);
            JsonNode unitNode = node.get("unit");
            if (unitNode == null || !unitNode.isTextual() || unitNode.asText().isBlank()) {
                problem(join(path, "unit"), "missing (e.g. tonne, 40ft box)");
            }
            double tonnes = number(node, "tonnes_per_unit", path, true);
            double vot = number(node, "value_of_time_usd_per_hour", path, false);
            Map<Mode, Double> perVehicle = modeMap(node.get("units_per_vehicle"),
                    join(path, "units_per_vehicle"), true);
            perVehicle.forEach((m, v) -> {
                if (v != null && v == 0) problem(join(path, "units_per_vehicle." + m.code()), "must be positive");
            });
            Map<Mode, ModeRates> modes = new EnumMap<>(Mode.class);
            JsonNode ms = node.get("modes");
            String mp = join(path, "modes");
            if (ms == null || !ms.isObject()) {
                problem(mp, "missing rates per mode");
            } else {
                ms.fields().forEachRemaining(e -> {
                    String p = join(mp, e.getKey());
                    Mode m = mode(e.getKey(), p);
                    JsonNode r = e.getValue();
                    if (m == null) return;
                    if (!r.isObject()) {
                        problem(p, "expected {fixed_usd, per_km_usd, speed_kmh, ...}");
                        return;
                    }
                    unknown(r, p, RATES);
                    modes.put(m, new ModeRates(number(r, "fixed_usd", p, false), number(r, "per_km_usd", p, false),
                            number(r, "speed_kmh", p, true),
                            countryMap(r.get("per_km_usd_by_country"), join(p, "per_km_usd_by_country")),
                            countryMap(r.get("speed_kmh_by_country"), join(p, "speed_kmh_by_country"))));
                });
                for (Mode m : Mode.CARRIER_MODES) {
                    if (!modes.containsKey(m) && !ms.has(m.code())) problem(join(mp, m.code()), "missing");
                }
            }
            Map<String, Handling> transship = new HashMap<>();
            JsonNode ts = node.get("transship");
            String tp = join(path, "transship");
            if (ts == null || !ts.isObject()) {
                problem(tp, "missing: needs at least 'default: {usd, hours}'");
            } else {
                ts.fields().forEachRemaining(e -> {
                    String k = e.getKey();
                    String p = join(tp, k);
                    String key = k;
                    if (!k.equals("default")) {
                        String[] pair = k.split("-", -1);
                        if (pair.length != 2) {
                            problem(p, "expected 'default' or a pair of modes such as 'rail-road'");
                            return;
                        }
                        Mode a = mode(pair[0], p);
                        Mode b = mode(pair[1], p);
                        if (a == null || b == null) return;
                        if (a == b) problem(p, "a transshipment needs two different modes");
                        key = a.code() + "-" + b.code(); // the form CargoProfile.transship looks up
                    }
                    transship.put(key, handling(e.getValue(), p));
                });
                if (!ts.has("default")) problem(join(tp, "default"), "missing");
            }
            Handling gauge = handling(node.get("gauge_change"), join(path, "gauge_change"));
            return new CargoProfile(name, unitNode == null ? "" : unitNode.asText(), tonnes, vot, modes, perVehicle,
                    transship, gauge);
        }

        static String join(String path, String key) { return path.isEmpty() ? key : path + "." + key; }
    }
}
