package org.caravan.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each field of a YAML or JSON file is, by the dotted path the loaders name in their problems
 * ({@code changes.penalties.IR}, {@code changes.avoid[0]}): {@code "line L, column C"} of the key (or, in a list, of
 * the element). A tree loses positions, so the loaders that check a tree look the path up here to report a semantic
 * problem (unknown field, wrong type, out of range) with its line and column, as they do for syntax errors.
 */
public final class YamlLocations {
    private final Map<String, String> byPath;

    private YamlLocations(Map<String, String> byPath) { this.byPath = byPath; }

    /** No positions (a problem is then reported by field alone). */
    public static YamlLocations none() { return new YamlLocations(Map.of()); }

    /** The positions of a file that {@link YamlOverlay#parse} accepted; best effort (empty where it cannot tell). */
    public static YamlLocations of(byte[] content) {
        Map<String, String> out = new HashMap<>();
        record Frame(String path, boolean array, int[] index) {}
        Deque<Frame> stack = new ArrayDeque<>();
        String field = "";
        try (JsonParser p = YamlOverlay.YAML.getFactory().createParser(content)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    String parent = stack.isEmpty() ? "" : stack.peek().path();
                    field = parent.isEmpty() ? p.currentName() : parent + "." + p.currentName();
                    out.putIfAbsent(field, at(p.currentTokenLocation()));
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    if (!stack.isEmpty()) stack.pop();
                    continue;
                }
                String path;
                if (stack.isEmpty()) {
                    path = "";
                } else if (stack.peek().array()) {
                    path = stack.peek().path() + "[" + stack.peek().index()[0]++ + "]";
                    out.putIfAbsent(path, at(p.currentTokenLocation()));
                } else {
                    path = field;
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    stack.push(new Frame(path, t == JsonToken.START_ARRAY, new int[] {0}));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the file parsed as a tree already: whatever was mapped before this point stays usable
        }
        return new YamlLocations(out);
    }

    /**
     * {@code "line L, column C"} of {@code path}, else of its nearest enclosing field that is in the file (a missing
     * {@code changes.links.X.km} is placed at {@code changes.links.X}); "" when none is.
     */
    public String of(String path) {
        String p = path == null ? "" : path;
        while (!p.isEmpty()) {
            String at = byPath.get(p);
            if (at != null) return at;
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return "";
    }

    /**
     * {@code problems} with each problem that has no location given the line and column of its field in the file
     * (or of the nearest enclosing field there); problems already located, or about fields the file does not
     * have, are kept as they are.
     */
    public java.util.List<org.caravan.network.Problem> locate(java.util.List<org.caravan.network.Problem> problems) {
        java.util.List<org.caravan.network.Problem> out = new java.util.ArrayList<>(problems.size());
        for (org.caravan.network.Problem p : problems) {
            String at = p.location().isEmpty() && !p.field().isEmpty() ? of(p.field()) : "";
            out.add(at.isEmpty() ? p : new org.caravan.network.Problem(p.file(), at, p.field(), p.message()));
        }
        return out;
    }

    /** The positions of a file on disk; none when it cannot be read (its loader reports that). */
    public static YamlLocations of(java.nio.file.Path file) {
        try {
            return of(java.nio.file.Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            return none();
        }
    }

    private static String at(JsonLocation l) {
        return l.getLineNr() < 1 ? "" : l.getColumnNr() < 1 ? "line " + l.getLineNr()
                : "line " + l.getLineNr() + ", column " + l.getColumnNr();
    }
}
