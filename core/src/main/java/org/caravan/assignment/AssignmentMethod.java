package org.caravan.assignment;

import java.util.Locale;

/** How the equilibrium is approached (docs/ASSIGNMENT.md). */
public enum AssignmentMethod {
    /** All-or-nothing: every OD pair on its free-flow shortest path; one iteration, no congestion. */
    AON,
    /** Frank-Wolfe: the all-or-nothing solution at current costs is the search direction. */
    FW,
    /** Conjugate Frank-Wolfe (Mitradjieva and Lindberg 2013): the direction is made conjugate to the last one. */
    CFW,
    /** Bi-conjugate Frank-Wolfe (Mitradjieva and Lindberg 2013): conjugate to the last two directions. */
    BFW,
    /**
     * Stochastic user equilibrium with logit route choice over each OD pair's route set, by the method of
     * successive averages (freight assignment only: it needs the route sets).
     */
    LOGIT;

    public static AssignmentMethod parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown assignment method '" + s + "', expected aon, fw, cfw, bfw or logit");
        }
    }
}
