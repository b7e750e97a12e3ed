package org.caravan.assignment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caravan.network.Problem;

/**
 * The TNTP format of the Transportation Networks for Research benchmarks (bstabler/TransportationNetworks):
 * {@code *_net.tntp} (metadata lines {@code <NUMBER OF ZONES> 24} ..., {@code <END OF METADATA>}, then one link per
 * line: init node, term node, capacity, length, free-flow time, b, power, speed, toll, link type, {@code ;}),
 * {@code *_trips.tntp} ({@code Origin o} followed by {@code d : flow;} entries) and the published solutions
 * {@code *_flow.tntp} ({@code From To Volume Cost}). Nodes are numbered from 1 in the files and from 0 inside.
 * Lines starting with {@code ~} are comments. Every problem is reported with the file, line and field.
 *
 * <p>Link cost is the BPR time {@code fftt (1 + b (v/c)^power)} plus {@code tollWeight * toll + distanceWeight *
 * length}: each benchmark states its weights in its README ("Generalized Cost Weights"; Sioux Falls 0 and 0,
 * Chicago Sketch 0.02 minutes per cent and 0.04 minutes per mile), not in the file.
 */
public final class Tntp {
    private Tntp() {}

    /** A TNTP network: the flow network and each link's end nodes as numbered in the file. */
    public record Network(FlowNetwork flow, int[] fileFrom, int[] fileTo) {}

    /** Reads {@code *_net.tntp} with toll and length weights of 0. */
    public static Network readNetwork(Path file) throws AssignmentInputException, IOException {
        return readNetwork(file, 0, 0);
    }

    /** Reads {@code *_net.tntp}; the link's fixed cost is {@code tollWeight * toll + distanceWeight * length}. */
    public static Network readNetwork(Path file, double tollWeight, double distanceWeight)
            throws AssignmentInputException, IOException {
        if (!(tollWeight >= 0) || !Double.isFinite(tollWeight) || !(distanceWeight >= 0) || !Double.isFinite(distanceWeight)) {
            throw new IllegalArgumentException("toll and distance weights must be finite and >= 0");
        }
        String name = file.toString();
        List<Problem> problems = new ArrayList<>();
        List<String> lines = lines(file, problems);
        Metadata meta = metadata(name, lines, problems, "<NUMBER OF ZONES>", "<NUMBER OF NODES>",
                "<FIRST THRU NODE>", "<NUMBER OF LINKS>");
        if (!problems.isEmpty()) throw new AssignmentInputException(problems);
        int zones = (int) meta.values[0];
        int nodes = (int) meta.values[1];
        int firstThru = (int) meta.values[2];
        int links = (int) meta.values[3];
        if (zones < 1 || zones > nodes) problems.add(new Problem(name, "line " + meta.lines[0], "<NUMBER OF ZONES>",
                "expected 1 to the node count (" + nodes + "), got " + zones));
        if (firstThru < 1 || firstThru > nodes + 1) problems.add(new Problem(name, "line " + meta.lines[2],
                "<FIRST THRU NODE>", "expected 1 to " + (nodes + 1) + ", got " + firstThru));
        if (!problems.isEmpty()) throw new AssignmentInputException(problems);
        String[] fields = {"init_node", "term_node", "capacity", "length", "free_flow_time", "b", "power"};
        List<double[]> rows = new ArrayList<>();
        for (int i = meta.end; i < lines.size(); i++) {
            String line = strip(lines.get(i));
            if (line.isEmpty()) continue;
            String[] tok = line.split("\\s+");
            String at = "line " + (i + 1);
            if (tok.length < fields.length) {
                problems.add(new Problem(name, at, fields[tok.length], "missing: a link line needs at least "
                        + fields.length + " values (init, term, capacity, length, free-flow time, b, power)"));
                continue;
            }
            double[] v = new double[fields.length];
            boolean ok = true;
            for (int f = 0; f < fields.length; f++) {
                Double d = number(tok[f]);
                if (d == null) {
                    problems.add(new Problem(name, at, fields[f], "not a number: '" + tok[f] + "'"));
                    ok = false;
                }
                else v[f] = d;
            }
            if (!ok) continue;
            for (int f = 0; f < 2; f++) {
                if (v[f] != Math.rint(v[f]) || v[f] < 1 || v[f] > nodes) {
                    problems.add(new Problem(name, at, fields[f], "expected a node number from 1 to " + nodes
                            + ", got " + tok[f]));
                    ok = false;
                }
            }
            if (!(v[2] > 0)) { problems.add(new Problem(name, at, "capacity", "must be > 0, got " + tok[2])); ok = false; }
            if (!(v[4] >= 0)) {
                problems.add(new Problem(name, at, "free_flow_time", "must be >= 0, got " + tok[4]));
                ok = false;
            }
            if (!(v[5] >= 0)) { problems.add(new Problem(name, at, "b", "must be >= 0, got " + tok[5])); ok = false; }
            if (!(v[6] >= 0) || v[6] > 16) {
                problems.add(new Problem(name, at, "power", "must be between 0 and 16, got " + tok[6]));
                ok = false;
            }
            double toll = 0;
            if (tok.length > 8) {
                Double t = number(tok[8]);
                if (t == null || t < 0) { problems.add(new Problem(name, at, "toll", "must be a number >= 0, got " + tok[8])); ok = false; }
                else toll = t;
            }
            if (!(v[3] >= 0)) { problems.add(new Problem(name, at, "length", "must be >= 0, got " + tok[3])); ok = false; }
            if (ok) {
                double[] row = java.util.Arrays.copyOf(v, fields.length + 1);
                row[fields.length] = tollWeight * toll + distanceWeight * v[3];
                rows.add(row);
            }
        }
        if (problems.isEmpty() && rows.size() != links) {
            problems.add(new Problem(name, "line " + meta.lines[3], "<NUMBER OF LINKS>", "says " + links + " but the file has "
                    + rows.size() + " link lines"));
        }
        if (!problems.isEmpty()) throw new AssignmentInputException(problems);
        FlowNetwork.Builder b = FlowNetwork.builder(nodes, zones, firstThru - 1);
        int[] from = new int[rows.size()];
        int[] to = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            double[] v = rows.get(i);
            from[i] = (int) v[0];
            to[i] = (int) v[1];
            b.link(from[i] - 1, to[i] - 1, v[4], v[2], v[5], v[6], v[7], VolumeDelay.BPR);
        }
        return new Network(b.build(), from, to);
    }

    /** Reads {@code *_trips.tntp} for a network with {@code zones} zones. */
    public static TrafficClass readTrips(Path file, int zones, String className)
            throws AssignmentInputException, IOException {
        String name = file.toString();
        List<Problem> problems = new ArrayList<>();
        List<String> lines = lines(file, problems);
        Metadata meta = metadata(name, lines, problems, "<NUMBER OF ZONES>", "<TOTAL OD FLOW>");
        if (!problems.isEmpty()) throw new AssignmentInputException(problems);
        if ((int) meta.values[0] != zones) {
            problems.add(new Problem(name, "line " + meta.lines[0], "<NUMBER OF ZONES>", "says " + (int) meta.values[0]
                    + " zones, the network file " + zones));
            throw new AssignmentInputException(problems);
        }
        double[] demand = new double[zones * zones];
        int origin = -1;
        double total = 0;
        for (int i = meta.end; i < lines.size(); i++) {
            String line = strip(lines.get(i));
            if (line.isEmpty()) continue;
            String at = "line " + (i + 1);
            if (line.regionMatches(true, 0, "Origin", 0, 6)) {
                String rest = line.substring(6).trim();
                Double o = number(rest);
                if (o == null || o != Math.rint(o) || o < 1 || o > zones) {
                    problems.add(new Problem(name, at, "origin", "expected a zone from 1 to " + zones + ", got '" + rest
                            + "'"));
                    origin = -2;
                } else {
                    origin = o.intValue() - 1;
                }
                continue;
            }
            if (origin == -1) {
                problems.add(new Problem(name, at, "origin", "demand before the first 'Origin' line"));
                continue;
            }
            for (String entry : line.split(";")) {
                entry = entry.trim();
                if (entry.isEmpty()) continue;
                int colon = entry.indexOf(':');
                if (colon < 0) {
                    problems.add(new Problem(name, at, "destination", "expected 'zone : flow', got '" + entry + "'"));
                    continue;
                }
                Double d = number(entry.substring(0, colon).trim());
                Double q = number(entry.substring(colon + 1).trim());
                if (d == null || d != Math.rint(d) || d < 1 || d > zones) {
                    problems.add(new Problem(name, at, "destination", "expected a zone from 1 to " + zones + ", got '"
                            + entry.substring(0, colon).trim() + "'"));
                    continue;
                }
                if (q == null || !(q >= 0) || q > 1e15) {
                    problems.add(new Problem(name, at, "flow", "expected a finite flow >= 0, got '"
                            + entry.substring(colon + 1).trim() + "'"));
                    continue;
                }
                if (origin < 0) continue;
                int dz = d.intValue() - 1;
                if (dz == origin) continue; // intrazonal demand never enters the network
                demand[origin * zones + dz] += q;
                total += q;
            }
            if (problems.size() > 100) break;
        }
        if (!problems.isEmpty()) throw new AssignmentInputException(problems);
        return TrafficClass.of(className, zones, demand);
    }

    /** A published solution: volume per link, in the network file's link order. */
    public static double[] readFlows(Path file, Network network) throws AssignmentInputException, IOException {
        String name = file.toString();
        List<Problem> problems = new ArrayList<>();
        List<String> lines = lines(file, problems);
        if (!problems.isEmpty()) throw new AssignmentInputException(problems);
        java.util.Map<Long, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < network.fileFrom().length; i++) {
            index.put(((long) network.fileFrom()[i] << 32) | network.fileTo()[i], i);
        }
        double[] volume = new double[network.fileFrom().length];
        boolean[] seen = new boolean[volume.length];
        for (int i = 0; i < lines.size(); i++) {
            String line = strip(lines.get(i));
            if (line.isEmpty() || line.toLowerCase(Locale.ROOT).startsWith("from")) continue;
            String[] tok = line.split("\\s+");
            String at = "line " + (i + 1);
            if (tok.length < 3) { problems.add(new Problem(name, at, "volume", "expected From To Volume")); continue; }
            Double a = number(tok[0]);
            Double b = number(tok[1]);
            Double v = number(tok[2]);
            if (a == null || b == null) { problems.add(new Problem(name, at, "from", "not a node number")); continue; }
            if (v == null) { problems.add(new Problem(name, at, "volume", "not a number: " + tok[2])); continue; }
            Integer l = index.get(((long) a.intValue() << 32) | b.intValue());
            if (l == null) { problems.add(new Problem(name, at, "from", "no link " + tok[0] + "->" + tok[1])); continue; }
            volume[l] = v;
            seen[l] = true;
        }
        for (int l = 0; l < seen.length && problems.isEmpty(); l++) {
            if (!seen[l]) problems.add(new Problem(name, "", "volume", "no volume for link " + network.fileFrom()[l] + "->"
                    + network.fileTo()[l]));
        }
        if (!problems.isEmpty()) throw new AssignmentInputException(problems);
        return volume;
    }

    /** Writes {@code init,term,volume,cost} (cost: time plus fixed cost), one row per link in the file's order. */
    public static void writeFlows(Writer out, Network network, AssignmentResult result) throws IOException {
        out.write("init,term,volume,cost\n");
        for (int l = 0; l < network.fileFrom().length; l++) {
            out.write(network.fileFrom()[l] + "," + network.fileTo()[l] + "," + fmt(result.volume()[l]) + ","
                    + fmt(result.time()[l] + network.flow().fixedCost(l)) + "\n");
        }
    }

    private static String fmt(double v) {
        return Double.toString(v);
    }

    private record Metadata(double[] values, int[] lines, int end) {}

    private static Metadata metadata(String name, List<String> lines, List<Problem> problems, String... keys) {
        double[] values = new double[keys.length];
        int[] at = new int[keys.length];
        boolean[] found = new boolean[keys.length];
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.startsWith("~") || line.isEmpty()) continue;
            if (!line.startsWith("<")) break;
            int close = line.indexOf('>');
            if (close < 0) {
                problems.add(new Problem(name, "line " + (i + 1), line, "a metadata tag needs a closing '>'"));
                continue;
            }
            String tag = line.substring(0, close + 1).toUpperCase(Locale.ROOT);
            if (tag.equals("<END OF METADATA>")) { end = i + 1; break; }
            for (int k = 0; k < keys.length; k++) {
                if (!tag.equals(keys[k])) continue;
                String value = strip(line.substring(close + 1));
                Double d = number(value.split("\\s+")[0]);
                if (d == null || !(d >= 0)) {
                    problems.add(new Problem(name, "line " + (i + 1), keys[k], "expected a number, got '" + value + "'"));
                } else {
                    values[k] = d;
                    at[k] = i + 1;
                    found[k] = true;
                }
            }
        }
        if (end < 0) problems.add(new Problem(name, "", "<END OF METADATA>", "missing: the metadata block must end "
                + "with <END OF METADATA>"));
        for (int k = 0; k < keys.length; k++) {
            String key = keys[k];
            if (!found[k] && problems.stream().noneMatch(p -> p.field().equals(key))) {
                problems.add(new Problem(name, "", key, "missing metadata tag"));
            }
        }
        return new Metadata(values, at, Math.max(end, 0));
    }

    private static String strip(String line) {
        String s = line.trim();
        if (s.startsWith("~")) return "";
        if (s.endsWith(";")) s = s.substring(0, s.length() - 1).trim();
        return s;
    }

    private static Double number(String s) {
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> lines(Path file, List<Problem> problems) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (out.isEmpty() && line.startsWith("\uFEFF")) line = line.substring(1);
                out.add(line);
            }
        } catch (CharacterCodingException e) {
            problems.add(new Problem(file.toString(), "line " + (out.size() + 1), "", "not UTF-8 (or ASCII) text"));
        }
        return out;
    }
}
