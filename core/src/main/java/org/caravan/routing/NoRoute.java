package org.caravan.routing;

import java.util.List;
import java.util.function.Function;

/**
 * Why no route exists, as data. The router never relaxes a restriction to find one; instead it checks which
 * restrictions, each lifted on its own, would connect the places ({@link #blocking}). Front ends word the answer
 * with {@link #message(Function)} in their own syntax; {@link #message()} is plain English.
 *
 * @param reason   which case this is
 * @param fromName the origin's name (empty when not known)
 * @param toName   the destination's name (empty when not known)
 * @param cargo    the cargo profile searched
 * @param blocking restrictions each of which, lifted alone, would connect the places ({@link Reason#BLOCKED})
 * @param inForce  every restriction of the request
 * @param detail   the whole message for {@link Reason#OTHER}, else empty
 */
public record NoRoute(Reason reason, String fromName, String toName, String cargo, List<Restriction> blocking,
        List<Restriction> inForce, String detail) {

    public enum Reason {
        /** Lifting any one of {@code blocking} would connect the places. */
        BLOCKED,
        /** No single restriction is to blame; lifting them together would connect the places. */
        BLOCKED_TOGETHER,
        /** The network does not connect the places for this cargo, even with every restriction lifted. */
        NOT_CONNECTED,
        /** A search budget ran out before any route was found. */
        BUDGET_EXHAUSTED,
        /** Anything else, explained by {@code detail}. */
        OTHER
    }

    public NoRoute {
        blocking = blocking == null ? List.of() : List.copyOf(blocking);
        inForce = inForce == null ? List.of() : List.copyOf(inForce);
        fromName = fromName == null ? "" : fromName;
        toName = toName == null ? "" : toName;
        detail = detail == null ? "" : detail;
    }

    /** A no-route answer that is only a sentence (a corridor not used, a scenario that closes an end). */
    public static NoRoute other(String message) {
        return new NoRoute(Reason.OTHER, "", "", "", List.of(), List.of(), message);
    }

    /** The answer in plain English. */
    public String message() { return message(Restriction::describe); }

    /** The answer with each restriction worded by {@code wording}. */
    public String message(Function<Restriction, String> wording) {
        String a = fromName;
        String b = toName;
        return switch (reason) {
            case BLOCKED -> "No route from " + a + " to " + b + " under the given restrictions. Each of these, "
                    + "lifted on its own, would connect them: " + String.join("; ", words(blocking, wording)) + ".";
            case BLOCKED_TOGETHER -> "No route from " + a + " to " + b + " under the given restrictions; no single one "
                    + "of them is to blame, but lifting them together would connect the places: "
                    + String.join("; ", words(inForce, wording)) + ".";
            case NOT_CONNECTED -> "The network does not connect " + a + " and " + b + " for " + cargo
                    + " cargo, even with every restriction lifted.";
            case BUDGET_EXHAUSTED -> "The search budget ran out before any route was found.";
            case OTHER -> detail;
        };
    }

    /** The blocking restrictions, each worded by {@code wording}. */
    public List<String> blockingConstraints(Function<Restriction, String> wording) {
        return words(blocking, wording);
    }

    /** The blocking restrictions in plain English. */
    public List<String> blockingConstraints() { return blockingConstraints(Restriction::describe); }

    private static List<String> words(List<Restriction> rs, Function<Restriction, String> wording) {
        return rs.stream().map(wording).toList();
    }
}
