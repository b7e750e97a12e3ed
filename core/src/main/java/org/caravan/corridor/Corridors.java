package org.caravan.corridor;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caravan.io.YamlOverlay;

/** The catalogue of named corridors; immutable. */
public final class Corridors {
    public static final String EMBEDDED = "/org/caravan/corridor/corridors.yaml";

    private final Map<String, Corridor> byId;

    public Corridors(List<Corridor> corridors) {
        Map<String, Corridor> m = new LinkedHashMap<>();
        for (Corridor c : corridors) {
            if (m.put(c.id(), c) != null) throw new IllegalArgumentException("duplicate corridor id " + c.id());
        }
        this.byId = java.util.Collections.unmodifiableMap(m);
    }

    /** The corridors shipped with Caravan. */
    public static Corridors embedded() {
        try (InputStream in = Corridors.class.getResourceAsStream(EMBEDDED)) {
            if (in == null) throw new IllegalStateException("missing resource " + EMBEDDED);
            return parse(YamlOverlay.YAML.readTree(in));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("embedded corridor list is invalid: " + e.getMessage(), e);
        }
    }

    static Corridors parse(JsonNode root) {
        List<Corridor> out = new ArrayList<>();
        for (JsonNode c : root.path("corridors")) {
            List<String> steps = new ArrayList<>();
            c.path("steps").forEach(s -> steps.add(s.asText()));
            out.add(new Corridor(c.path("id").asText(), text(c, "name"), text(c, "description"), steps,
                    text(c, "source")));
        }
        return new Corridors(out);
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText().trim() : null;
    }

    public List<Corridor> all() { return List.copyOf(byId.values()); }

    public Optional<Corridor> find(String id) {
        return Optional.ofNullable(byId.get(id.trim().toLowerCase(java.util.Locale.ROOT)));
    }
}
