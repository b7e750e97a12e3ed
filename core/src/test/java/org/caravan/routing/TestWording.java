package org.caravan.routing;

import java.util.function.Function;

/** The command line's wording of restrictions, for tests that check which restriction blocks a route. */
final class TestWording {
    private TestWording() {}

    static final Function<Restriction, String> CLI = r -> r.kind() == Restriction.Kind.OPERATIONAL_ONLY
            ? "operational links only (--include-planned would add planned and under-construction links)"
            : "--" + r.kind().parameter().replace('_', '-') + " " + String.join(",", r.values());
}
