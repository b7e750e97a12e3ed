package org.caravan.routing;

/**
 * Cooperative cancellation of long computations (searches, Pareto, alternatives, Monte Carlo): a caller that no
 * longer wants an answer interrupts the computing thread, and the loops of this package stop at their next
 * checkpoint with {@link CancelledException}. The usual Java idiom, so front ends need nothing of ours to stop a
 * computation: a server with a time limit per request cancels its worker's future; a command-line run is never
 * interrupted and never stops here.
 */
public final class Cancellation {
    private Cancellation() {}

    /** Throws when the current thread has been interrupted; leaves the interrupt flag set for the caller to see. */
    public static void checkpoint() {
        if (Thread.currentThread().isInterrupted()) throw new CancelledException();
    }

    /** The computation was cancelled (its thread was interrupted) before it finished; there is no partial answer. */
    public static final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("the computation was cancelled before it finished", null, false, false);
        }
    }
}
