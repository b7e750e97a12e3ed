package org.caravan.corridor;

import java.util.List;
import java.util.Objects;

/**
 * A named corridor: the places and crossings a route must pass, in order (or all in reverse order).
 *
 * @param steps place names or ids, crossing names or link ids
 * @param source where the alignment comes from
 */
public record Corridor(String id, String name, String description, List<String> steps, String source) {
    public Corridor {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        description = description == null ? "" : description;
        steps = List.copyOf(steps);
        source = source == null ? "" : source;
        if (steps.isEmpty()) throw new IllegalArgumentException("corridor " + id + " has no steps");
    }
}
