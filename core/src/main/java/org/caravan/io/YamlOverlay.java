package org.caravan.io;

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
     * @throws IllegalArgumentException with a message for the user (missing, unreadable, not a mapping)
     */
    public static ObjectNode userFile(Path file) {
        JsonNode tree;
        try {
            tree = YAML.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("file not found");
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            int nl = m.indexOf('\n');
            throw new IllegalArgumentException("cannot read: " + (nl < 0 ? m : m.substring(0, nl)));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) return YAML.createObjectNode();
        if (!tree.isObject()) throw new IllegalArgumentException("expected a mapping at the top level");
        return (ObjectNode) tree;
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
