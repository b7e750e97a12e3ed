package org.caravan.assignment;

/**
 * @param method        the algorithm
 * @param targetGap     stop when the relative gap is at or below this (1e-4 is a common target)
 * @param maxIterations stop after this many equilibration iterations
 * @param threads       threads for the all-or-nothing loads (origins are split between them)
 */
public record AssignmentSettings(AssignmentMethod method, double targetGap, int maxIterations, int threads) {
    public static final double MIN_GAP = 1e-12;
    public static final int MAX_ITERATIONS = 100_000;

    public AssignmentSettings {
        if (method == null) throw new IllegalArgumentException("method is required");
        if (!(targetGap >= MIN_GAP && targetGap < 1)) {
            throw new IllegalArgumentException("gap must be between 1e-12 and 1, got " + targetGap);
        }
        if (maxIterations < 1 || maxIterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("max iterations must be between 1 and " + MAX_ITERATIONS + ", got "
                    + maxIterations);
        }
        if (threads < 1 || threads > 256) throw new IllegalArgumentException("threads must be between 1 and 256");
    }

    public static AssignmentSettings of(AssignmentMethod method, double targetGap, int maxIterations) {
        return new AssignmentSettings(method, targetGap, maxIterations, Runtime.getRuntime().availableProcessors());
    }
}
