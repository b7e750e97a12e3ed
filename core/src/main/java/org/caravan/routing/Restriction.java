package org.caravan.routing;

import java.util.List;

/**
 * One restriction of a request, as data: its kind and values (country codes, node and link ids, modes, a risk
 * limit). The core never words a restriction in a front end's syntax; each front end does
 * ({@code --avoid AF} on the command line, {@code avoid=AF} in the HTTP API). {@link #describe()} is the plain
 * English wording for messages that no front end rewords.
 *
 * @param kind   what is restricted
 * @param values the request's values for it, sorted (empty for {@link Kind#OPERATIONAL_ONLY})
 */
public record Restriction(Kind kind, List<String> values) {
    public enum Kind {
        AVOID("avoid"), MAX_RISK("max_risk"), CLOSE("close"), MODES("modes"),
        /** Named sea passages avoided (values are passage names; their links are closed). */
        AVOID_PASSAGE("avoid_passage"),
        /** Only operational links (planned and under-construction links not allowed). */
        OPERATIONAL_ONLY("include_planned"),
        VIA("via"),
        /** A soft penalty for entering a country (values "IR=800"): never blocks a route, may change it. */
        PENALTY("penalty");

        private final String parameter;

        Kind(String parameter) { this.parameter = parameter; }

        /** The request parameter that sets it ({@code org.caravan.place.RouteParameters}). */
        public String parameter() { return parameter; }
    }

    public Restriction {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** Plain English: "avoided countries AF, CN", "closed AF_TORKHAM", "operational links only". */
    public String describe() {
        String v = String.join(", ", values);
        return switch (kind) {
            case AVOID -> "avoided countries " + v;
            case MAX_RISK -> "maximum country risk " + v;
            case CLOSE -> "closed " + v;
            case AVOID_PASSAGE -> "avoided sea passages " + v;
            case MODES -> "modes " + v;
            case OPERATIONAL_ONLY -> "operational links only (planned and under-construction links not used)";
            case VIA -> "via " + v;
            case PENALTY -> "penalty " + v;
        };
    }
}
