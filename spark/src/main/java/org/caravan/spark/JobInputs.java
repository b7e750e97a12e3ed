package org.caravan.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.caravan.cost.CostModelException;
import org.caravan.cost.CostModelLoader;
import org.caravan.demand.OdFile;
import org.caravan.demand.OdFileException;
import org.caravan.demand.OdPair;
import org.caravan.io.NetworkLoader;
import org.caravan.network.Network;
import org.caravan.network.NetworkException;
import org.caravan.scenario.Scenario;
import org.caravan.scenario.ScenarioBase;
import org.caravan.scenario.ScenarioException;
import org.caravan.scenario.ScenarioLoader;
import org.caravan.scenario.ScenarioOverlay;
import org.caravan.scenario.ScenarioRun;

/**
 * What a routing job works on, read and checked once on the driver with the core loaders (the same files and rules
 * as the CLI: {@code --network}, {@code --costs}, scenario ids or files, an OD file), and shipped to the executors as
 * the files' bytes in one broadcast. Each executor JVM rebuilds the {@link ScenarioBase} (network, cost model,
 * router) from those bytes once and keeps it ({@link #base()}); tasks only route. Nothing here is Spark-specific: the
 * same object runs the single-machine reference in tests and the benchmark.
 *
 * <p>Why bytes and not the built {@code Network}: the core's model is immutable but not {@code Serializable}, and the
 * files are what the CLI reads anyway; a rebuild per executor costs well under a second, against hours of routing.
 */
public final class JobInputs implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A file as read on the driver: its name (as given, so messages name it) and content. */
    record FileBytes(String name, byte[] content) implements Serializable {}

    /** A scenario: an example id ({@code content == null}) or a file's bytes. */
    record ScenarioSource(String id, String name, byte[] content) implements Serializable {}

    /** An OD pair as a plain serializable row (core's {@link OdPair} is a record without Serializable). */
    record Od(String from, String to, String cargo, double tonnes, String source) implements Serializable {
        OdPair pair() { return new OdPair(from, to, cargo, tonnes, source); }
    }

    private final String key;
    private final List<FileBytes> network;
    private final FileBytes costs;
    private final List<ScenarioSource> scenarios;
    private final List<Od> ods;

    private JobInputs(List<FileBytes> network, FileBytes costs, List<ScenarioSource> scenarios, List<Od> ods) {
        this.network = List.copyOf(network);
        this.costs = costs;
        this.scenarios = List.copyOf(scenarios);
        this.ods = List.copyOf(ods);
        this.key = digest();
    }

    /**
     * Reads and checks every input; the first bad one is an {@link InputException} whose message names the file,
     * line and field (the core loaders' own messages).
     *
     * @param networkFiles nodes.csv + links.csv or GeoJSON, or empty for the embedded network
     * @param costsFile    a cost file merged over the defaults, or null
     * @param scenarioArgs example ids or scenario files (a directory: its *.yaml, *.yml and *.json files, by name)
     * @param odFile       an OD demand file, or null for the embedded main OD pairs
     * @param cargo        a cargo profile for every pair, or null for each pair's own
     */
    public static JobInputs read(List<Path> networkFiles, Path costsFile, List<String> scenarioArgs, Path odFile,
                                 String cargo) {
        List<FileBytes> net = new ArrayList<>();
        for (Path p : networkFiles) net.add(new FileBytes(p.toString(), bytes(p, "--network")));
        FileBytes costs = costsFile == null ? null : new FileBytes(costsFile.toString(), bytes(costsFile, "--costs"));
        List<ScenarioSource> scenarios = new ArrayList<>();
        for (String arg : scenarioArgs) scenarios.addAll(scenarioSources(arg));
        // Built here once to check everything with the core's own messages, and to read the OD file against it.
        JobInputs probe = new JobInputs(net, costs, scenarios, List.of());
        ScenarioBase base = probe.build();
        List<OdPair> pairs;
        try {
            pairs = odFile == null ? OdFile.embedded()
                    : OdFile.read(odFile, base.places(), cargo == null ? base.costs().profileNames() : null);
        } catch (OdFileException e) {
            throw new InputException("--od: " + e.getMessage());
        }
        List<Od> ods = new ArrayList<>();
        for (OdPair p : pairs) {
            ods.add(new Od(p.from(), p.to(), cargo != null ? cargo : p.cargo(), p.tonnes(), p.source()));
        }
        JobInputs in = new JobInputs(net, costs, scenarios, ods);
        for (int i = 0; i < scenarios.size(); i++) in.scenario(base, i); // refuses a bad scenario, naming its file
        return in;
    }

    private static List<ScenarioSource> scenarioSources(String arg) {
        Path p = Path.of(arg);
        if (Files.isDirectory(p)) {
            List<ScenarioSource> out = new ArrayList<>();
            try (var files = Files.list(p)) {
                for (Path f : files.filter(f -> f.getFileName().toString().matches("(?i).*\\.(ya?ml|json)"))
                        .sorted().toList()) {
                    out.add(new ScenarioSource(null, f.toString(), bytes(f, "--scenarios")));
                }
            } catch (IOException e) {
                throw new InputException("--scenarios: cannot list " + p + ": " + e.getMessage());
            }
            if (out.isEmpty()) throw new InputException("--scenarios: " + p + " has no .yaml, .yml or .json file");
            return out;
        }
        if (ScenarioLoader.EXAMPLES.contains(arg)) return List.of(new ScenarioSource(arg, "example:" + arg, null));
        if (!Files.exists(p)) {
            throw new InputException("--scenarios: '" + arg + "' is neither an example scenario ("
                    + String.join(", ", ScenarioLoader.EXAMPLES) + ") nor a file");
        }
        return List.of(new ScenarioSource(null, p.toString(), bytes(p, "--scenarios")));
    }

    private static byte[] bytes(Path p, String option) {
        try {
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new InputException(option + ": " + p + ": file not found");
        } catch (IOException e) {
            throw new InputException(option + ": " + p + ": "
                    + (Files.isDirectory(p) ? "is a directory, not a file" : "cannot read: " + e.getMessage()));
        }
    }

    /** Stable identity of the inputs: the executors' cache key. */
    String key() { return key; }

    public List<OdPair> pairs() { return ods.stream().map(Od::pair).toList(); }

    int odCount() { return ods.size(); }

    Od od(int i) { return ods.get(i); }

    int scenarioCount() { return scenarios.size(); }

    // ---- executor side: built once per JVM and inputs ----

    private static final Map<String, ScenarioBase> BASES = new ConcurrentHashMap<>();
    private static final Map<String, Map<Integer, ScenarioRun>> RUNS = new ConcurrentHashMap<>();
    /** Scenario overlays kept per JVM; a task works through one scenario's OD batches, so a few suffice. */
    private static final int RUNS_KEPT = 32;

    /** The base network, costs and router, built from the inputs once per JVM. */
    public ScenarioBase base() { return BASES.computeIfAbsent(key, k -> build()); }

    /** Scenario {@code i} applied to the base, kept (a bounded number per JVM). */
    public ScenarioRun run(int i) {
        Map<Integer, ScenarioRun> runs = RUNS.computeIfAbsent(key, k -> java.util.Collections.synchronizedMap(
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<Integer, ScenarioRun> e) {
                        return size() > RUNS_KEPT;
                    }
                }));
        ScenarioRun r = runs.get(i);
        if (r == null) {
            ScenarioBase base = base();
            try {
                r = ScenarioOverlay.apply(base, scenario(base, i));
            } catch (ScenarioException e) {
                throw new InputException(e.getMessage());
            }
            runs.put(i, r);
        }
        return r;
    }

    /** Scenario {@code i} read against {@code base} (the CLI's rules: an example id, or a YAML/JSON file). */
    Scenario scenario(ScenarioBase base, int i) {
        ScenarioSource s = scenarios.get(i);
        try {
            Scenario sc = s.content() == null ? ScenarioLoader.example(s.id(), base)
                    : ScenarioLoader.read(s.content(), s.name(), base);
            ScenarioOverlay.apply(base, sc); // a scenario that overlays into an invalid network is refused here
            return sc;
        } catch (ScenarioException e) {
            throw new InputException(e.getMessage());
        }
    }

    private ScenarioBase build() {
        try {
            Network net;
            if (network.isEmpty()) {
                net = new NetworkLoader().loadEmbedded();
            } else {
                // The loaders read files (format by extension, problems named by file): the bytes go back into
                // files of the same names in a private directory, and messages are mapped back to the given names.
                Path dir = Files.createTempDirectory("caravan-spark-");
                List<Path> files = new ArrayList<>();
                for (int i = 0; i < network.size(); i++) {
                    Path sub = Files.createDirectories(dir.resolve(Integer.toString(i)));
                    files.add(Files.write(sub.resolve(Path.of(network.get(i).name()).getFileName()),
                            network.get(i).content()));
                }
                try {
                    net = new NetworkLoader().load(files);
                } catch (NetworkException e) {
                    throw new InputException(rename("--network: " + e.getMessage(), files));
                }
            }
            ObjectNode userCosts = null;
            if (costs != null) {
                Path f = Files.createTempFile("caravan-costs-", suffix(costs.name()));
                Files.write(f, costs.content());
                try {
                    userCosts = CostModelLoader.userTree(f);
                    CostModelLoader.load(f);
                } catch (CostModelException e) {
                    throw new InputException("--costs: " + e.getMessage().replace(f.toString(), costs.name()));
                } finally {
                    Files.deleteIfExists(f);
                }
            }
            return ScenarioBase.of(net, userCosts, null);
        } catch (NetworkException | CostModelException e) {
            throw new InputException(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the input files: " + e.getMessage(), e);
        }
    }

    private String rename(String message, List<Path> files) {
        String m = message;
        for (int i = 0; i < files.size(); i++) m = m.replace(files.get(i).toString(), network.get(i).name());
        return m;
    }

    private static String suffix(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? ".yaml" : name.substring(dot);
    }

    private String digest() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (FileBytes f : network) update(md, f.name(), f.content());
            if (costs != null) update(md, "costs:" + costs.name(), costs.content());
            for (ScenarioSource s : scenarios) update(md, "scenario:" + s.name(), s.content());
            for (Od o : ods) update(md, o.toString(), null);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest md, String name, byte[] content) {
        md.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 0);
        if (content != null) md.update(content);
        md.update((byte) 0);
    }

    /** Bad input, with a message that names the option, file, line and field. */
    public static final class InputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InputException(String message) { super(message); }
    }
}
