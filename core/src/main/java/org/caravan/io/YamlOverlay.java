package org.caravan.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Defaults files with user overrides: an embedded YAML resource, and a user file (YAML or JSON) whose mappings
 * merge key by key over it while anything else replaces. Used by the cost model and the risk register.
 */
public final class YamlOverlay {
    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private YamlOverlay() {}

    /** An embedded resource as a tree; a missing resource is a packaging bug, not user error. */
    public static ObjectNode resource(String name) {
        try (InputStream in = YamlOverlay.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A user file as a mapping.
     *
     * @throws IllegalArgumentException with a message for the user (missing, unreadable, not UTF-8, a syntax
     *         error, a repeated key, not a mapping); an {@link InputException} when the problem has a line
     */
    public static ObjectNode userFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("file not found");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read: " + firstLine(e));
        }
        JsonNode tree = parse(bytes);
        if (tree == null || tree.isMissingNode() || tree.isNull()) return YAML.createObjectNode();
        if (!tree.isObject()) throw new InputException("line 1", "expected a mapping at the top level");
        return (ObjectNode) tree;
    }

    /** Where a problem from {@link #userFile} is in the file, or "" when it concerns the whole file. */
    public static String locationOf(IllegalArgumentException e) {
        return e instanceof InputException ie ? ie.location() : "";
    }

    /** A problem of a YAML or JSON text that has a place in it: {@code "line L, column C"}. */
    public static final class InputException extends IllegalArgumentException {
        private final String location;

        public InputException(String location, String message) {
            super(message);
            this.location = location;
        }

        /** {@code "line L, column C"} or {@code "line L"}: where in the file. */
        public String location() { return location; }
    }

    /**
     * Parses YAML or JSON (JSON is YAML): strict UTF-8 (a leading byte-order mark is fine), a repeated key is an
     * error rather than the last one silently winning. Null for an empty text.
     *
     * @throws InputException naming line and column of a syntax error, or line and byte of a bad encoding
     */
    public static JsonNode parse(byte[] bytes) {
        String text;
        try {
            text = Utf8.decode(bytes);
        } catch (Utf8.MalformedException e) {
            throw new InputException(e.location(), e.getMessage());
        }
        try {
            return STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException y && y.getProblemMark() != null) {
                // SnakeYAML's own text spans several lines with a snippet; keep what and where.
                String what = (y.getContext() == null ? "" : y.getContext() + ": ") + y.getProblem();
                throw new InputException(at(y.getProblemMark().getLine() + 1, y.getProblemMark().getColumn() + 1),
                        "not valid YAML or JSON: " + firstLine(what));
            }
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : at(at.getLineNr(), at.getColumnNr());
            String m = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
            throw new InputException(where, "not valid YAML or JSON: " + firstLine(m));
        } catch (IOException | RuntimeException e) {
            // SnakeYAML refuses some texts (too many aliases, too deep) with exceptions that carry no location.
            throw new InputException("", "not valid YAML or JSON: " + firstLine(e));
        }
    }

    private static final ObjectMapper STRICT = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static String at(long line, long column) {
        return column < 1 ? "line " + line : "line " + line + ", column " + column;
    }

    private static String firstLine(Throwable e) {
        return firstLine(e.getMessage() == null ? e.toString() : e.getMessage());
    }

    private static String firstLine(String m) {
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }

    /** Merges {@code over} into {@code base} in place: mappings key by key, anything else replaces. */
    public static ObjectNode merge(ObjectNode base, ObjectNode over) {
        Iterator<Map.Entry<String, JsonNode>> it = over.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode current = base.get(e.getKey());
            if (current instanceof ObjectNode co && e.getValue() instanceof ObjectNode eo) {
                merge(co, eo);
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
        return base;
    }
}
