package org.caravan.routing;

import java.util.List;

/**
 * What one restriction of a request did to its answer.
 *
 * @param restriction  the restriction
 * @param changedRoute whether the best route differs without it; null when not checked (the reliable objective,
 *                     whose choice is simulated, or no route)
 * @param countries    for a risk limit, the network's countries whose combined score exceeds it (alpha-2, sorted);
 *                     else empty
 */
public record RestrictionEffect(Restriction restriction, Boolean changedRoute, List<String> countries) {
    public RestrictionEffect {
        countries = countries == null ? List.of() : List.copyOf(countries);
    }

    /** True when the route is the same without this restriction. */
    public boolean changedNothing() { return Boolean.FALSE.equals(changedRoute); }
}
