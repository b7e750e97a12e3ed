package org.caravan.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caravan.io.YamlOverlay;
import org.caravan.network.Problem;

/**
 * Reads the embedded risk register ({@code /org/caravan/risk/countries.yaml}) and merges an optional user file
 * over it (same shape; only what it names changes). Problems name the file and the dotted field path.
 */
public final class RiskRegisterLoader {
    public static final String DEFAULTS_RESOURCE = "/org/caravan/risk/countries.yaml";
    private static final Set<String> TOP = Set.of("weights", "classes", "default", "countries");
    private static final Set<String> DIMENSIONS = Set.of("sanctions", "security", "border");
    private static final Set<String> COUNTRY = Set.of("name", "sanctions", "security", "border");
    private static final Set<String> SCORE = Set.of("score", "reason", "source");

    /** The shipped register, parsed once (YAML parsing is slow); callers get copies, since merging changes it. */
    private static volatile ObjectNode shipped;

    private RiskRegisterLoader() {}

    private static ObjectNode shipped() {
        ObjectNode s = shipped;
        if (s == null) shipped = s = YamlOverlay.resource(DEFAULTS_RESOURCE);
        return s.deepCopy();
    }

    public static RiskRegister defaults() {
        try {
            return build(shipped(), DEFAULTS_RESOURCE);
        } catch (RiskRegisterException e) {
            throw new IllegalStateException("embedded risk register is invalid: " + e.getMessage(), e);
        }
    }

    public static RiskRegister load(Path userFile) throws RiskRegisterException {
        String name = userFile.toString();
        ObjectNode user;
        try {
            user = YamlOverlay.userFile(userFile);
        } catch (IllegalArgumentException e) {
            throw new RiskRegisterException(List.of(new Problem(name, YamlOverlay.locationOf(e), "", e.getMessage())));
        }
        try {
            return build(YamlOverlay.merge(shipped(), user), name);
        } catch (RiskRegisterException e) {
            throw new RiskRegisterException(org.caravan.io.YamlLocations.of(userFile).locate(e.problems()));
        }
    }

    /** Like {@link #load(Path)} for a file's content; {@code name} is the file name problems carry. */
    public static RiskRegister load(byte[] content, String name) throws RiskRegisterException {
        JsonNode tree;
        try {
            tree = YamlOverlay.parse(content);
        } catch (YamlOverlay.InputException e) {
            throw new RiskRegisterException(List.of(new Problem(name, e.location(), "", e.getMessage())));
        }
        ObjectNode base = shipped();
        if (tree == null || tree.isNull() || tree.isMissingNode()) return build(base, name);
        if (!tree.isObject()) {
            throw new RiskRegisterException(List.of(new Problem(name, "line 1", "", "expected a mapping at the top level")));
        }
        try {
            return build(YamlOverlay.merge(base, (ObjectNode) tree), name);
        } catch (RiskRegisterException e) {
            throw new RiskRegisterException(org.caravan.io.YamlLocations.of(content).locate(e.problems()));
        }
    }

    /** The register as a tree (for showing the defaults). */
    public static ObjectNode readDefaults() { return shipped(); }

    private static RiskRegister build(ObjectNode root, String file) throws RiskRegisterException {
        List<Problem> problems = new ArrayList<>();
        unknown(root, "", TOP, file, problems);
        JsonNode w = root.path("weights");
        unknown(w, "weights", DIMENSIONS, file, problems);
        double ws = number(w, "sanctions", "weights", file, problems);
        double wq = number(w, "security", "weights", file, problems);
        double wb = number(w, "border", "weights", file, problems);
        if (ws + wq + wb <= 0) problems.add(new Problem(file, "", "weights", "weights must not all be zero"));
        Map<RiskClass, Double> thresholds = new EnumMap<>(RiskClass.class);
        JsonNode c = root.path("classes");
        Set<String> classNames = new java.util.HashSet<>();
        for (RiskClass rc : RiskClass.values()) classNames.add(rc.code());
        unknown(c, "classes", classNames, file, problems);
        double prev = -1;
        for (RiskClass rc : RiskClass.values()) {
            double t = number(c, rc.code(), "classes", file, problems);
            if (t <= prev) {
                problems.add(new Problem(file, "", "classes." + rc.code(), "class thresholds must increase"));
            }
            prev = t;
            thresholds.put(rc, t);
        }
        RiskRegister.Scores fallback = scores(root.path("default"), "default", file, problems);
        Map<String, RiskRegister.Scores> countries = new LinkedHashMap<>();
        JsonNode cs = root.path("countries");
        if (!cs.isObject()) {
            problems.add(new Problem(file, "", "countries", "expected a mapping of ISO alpha-2 code to scores"));
        } else {
            cs.fields().forEachRemaining(e -> {
                String path = "countries." + e.getKey();
                if (!e.getKey().matches("[A-Z]{2}")) {
                    problems.add(new Problem(file, "", path, "expected an ISO 3166-1 alpha-2 code"));
                }
                countries.put(e.getKey(), scores(e.getValue(), path, file, problems));
            });
        }
        if (!problems.isEmpty()) throw new RiskRegisterException(problems);
        return new RiskRegister(countries, fallback, ws, wq, wb, thresholds);
    }

    private static RiskRegister.Scores scores(JsonNode node, String path, String file, List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(new Problem(file, "", path, "missing or not a mapping"));
            return new RiskRegister.Scores("", null, null, null);
        }
        unknown(node, path, COUNTRY, file, problems);
        String name = node.path("name").asText("");
        return new RiskRegister.Scores(name, score(node.path("sanctions"), path + ".sanctions", file, problems),
                score(node.path("security"), path + ".security", file, problems),
                score(node.path("border"), path + ".border", file, problems));
    }

    private static RiskScore score(JsonNode node, String path, String file, List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(new Problem(file, "", path, "missing: expected {score, reason, source}"));
            return new RiskScore(0, "", "");
        }
        unknown(node, path, SCORE, file, problems);
        double s = number(node, "score", path, file, problems);
        if (s > 1) problems.add(new Problem(file, "", path + ".score", "a score runs from 0 to 1, got " + s));
        String reason = node.path("reason").asText("");
        String source = node.path("source").asText("");
        if (reason.isBlank()) problems.add(new Problem(file, "", path + ".reason", "missing"));
        if (source.isBlank()) problems.add(new Problem(file, "", path + ".source", "missing"));
        return new RiskScore(s, reason, source);
    }

    private static double number(JsonNode parent, String key, String path, String file, List<Problem> problems) {
        JsonNode v = parent.get(key);
        String p = path + "." + key;
        if (v == null || v.isNull()) {
            problems.add(new Problem(file, "", p, "missing"));
            return 0;
        }
        if (!v.isNumber() || !Double.isFinite(v.doubleValue()) || v.doubleValue() < 0) {
            problems.add(new Problem(file, "", p, "expected a non-negative number, got '" + v.asText() + "'"));
            return 0;
        }
        return v.doubleValue();
    }

    private static void unknown(JsonNode node, String path, Set<String> allowed, String file, List<Problem> problems) {
        if (node == null || !node.isObject()) return;
        node.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                problems.add(new Problem(file, "", Problem.fieldPath(path, k),
                        "unknown field, expected one of " + new java.util.TreeSet<>(allowed)));
            }
        });
    }
}
