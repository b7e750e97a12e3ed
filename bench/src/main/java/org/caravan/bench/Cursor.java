package org.caravan.bench;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Which corridor pair each invocation asks: by default round robin over all of them (the mix the targets are
 * stated for); {@code -p pair=0,1,...} pins one pair per run, for a per-corridor breakdown.
 */
@State(Scope.Thread)
public class Cursor {
    /** "all" for round robin, else an index into {@link Corridors#PAIRS}. */
    @Param({"all"})
    public String pair;

    private int next;

    int next(int count) {
        if (!"all".equals(pair)) return Integer.parseInt(pair);
        int i = next;
        next = i + 1 == count ? 0 : i + 1;
        return i;
    }
}
