package org.caravan.assignment;

/** Demand between two zones that no path connects: the assignment cannot place it and refuses to drop it. */
public final class UnreachableDemandException extends RuntimeException {
    private final String trafficClass;
    private final int origin;
    private final int destination;
    private final double demand;

    public UnreachableDemandException(String trafficClass, int origin, int destination, double demand) {
        super("class " + trafficClass + ": no path from zone index " + origin + " to zone index " + destination
                + " for a demand of " + demand);
        this.trafficClass = trafficClass;
        this.origin = origin;
        this.destination = destination;
        this.demand = demand;
    }

    public String trafficClass() { return trafficClass; }
    /** Zero-based zone index. */
    public int origin() { return origin; }
    /** Zero-based zone index. */
    public int destination() { return destination; }
    public double demand() { return demand; }
}
