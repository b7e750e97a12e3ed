package org.caravan.assignment;

import java.util.Arrays;

/**
 * One class of traffic sharing the network with the others (e.g. bulk wagons and container trucks): its own demand,
 * its vehicle equivalents (how much of a link's capacity one unit of its demand uses) and how it weighs time.
 * A class's cost on a link is {@code timeWeight * t(V) + fixedCost(link)}, where {@code V} is the volume of all
 * classes in vehicle equivalents.
 *
 * @param demand     zone x zone demand, row-major ({@code demand[o * zones + d]}), in the class's units
 * @param pce        vehicle equivalents per unit of demand (> 0)
 * @param timeWeight multiplier of link time in this class's cost (> 0; 1 for a plain time assignment)
 * @param fixedCost  per link, a volume-independent cost in this class's cost units; null for the network's own
 * @param linkPce    per link, vehicle equivalents per unit of demand ({@code >= 0}; 0: the class does not use that
 *                   link's capacity), overriding {@code pce}; null for {@code pce} on every link. Freight needs it:
 *                   a tonne is a different share of a truck, a wagon and a TEU.
 * @param linkTimeWeight per link, the multiplier of link time ({@code > 0}), overriding {@code timeWeight}; null for
 *                   {@code timeWeight} on every link. Freight needs it: a day of queue costs a tonne its value of
 *                   time plus the detention of the vehicle it rides in, which differs by the link's vehicle unit.
 */
public record TrafficClass(String name, int zones, double[] demand, double pce, double timeWeight, double[] fixedCost,
        double[] linkPce, double[] linkTimeWeight) {
    public TrafficClass(String name, int zones, double[] demand, double pce, double timeWeight, double[] fixedCost) {
        this(name, zones, demand, pce, timeWeight, fixedCost, null, null);
    }

    public TrafficClass(String name, int zones, double[] demand, double pce, double timeWeight, double[] fixedCost,
            double[] linkPce) {
        this(name, zones, demand, pce, timeWeight, fixedCost, linkPce, null);
    }

    public TrafficClass {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a traffic class needs a name");
        if (demand.length != zones * zones) {
            throw new IllegalArgumentException("class " + name + ": demand must have zones x zones entries");
        }
        for (double d : demand) {
            if (!(d >= 0) || !Double.isFinite(d)) {
                throw new IllegalArgumentException("class " + name + ": demand must be finite and >= 0, got " + d);
            }
        }
        if (!(pce > 0) || !Double.isFinite(pce)) throw new IllegalArgumentException("class " + name + ": pce must be > 0");
        if (!(timeWeight > 0) || !Double.isFinite(timeWeight)) {
            throw new IllegalArgumentException("class " + name + ": time weight must be > 0");
        }
        if (linkPce != null) {
            for (double p : linkPce) {
                if (!(p >= 0) || !Double.isFinite(p)) {
                    throw new IllegalArgumentException("class " + name + ": link pce must be finite and >= 0, got " + p);
                }
            }
        }
        if (linkTimeWeight != null) {
            for (double w : linkTimeWeight) {
                if (!(w > 0) || !Double.isFinite(w)) {
                    throw new IllegalArgumentException("class " + name + ": link time weight must be > 0, got " + w);
                }
            }
        }
        demand = demand.clone();
        linkTimeWeight = linkTimeWeight == null ? null : linkTimeWeight.clone();
        fixedCost = fixedCost == null ? null : fixedCost.clone();
        linkPce = linkPce == null ? null : linkPce.clone();
    }

    /** The multiplier of link time in this class's cost on {@code link}. */
    public double timeWeight(int link) { return linkTimeWeight == null ? timeWeight : linkTimeWeight[link]; }

    /** Vehicle equivalents per unit of demand on {@code link}. */
    public double pce(int link) { return linkPce == null ? pce : linkPce[link]; }

    /** A single class with unit weights: the classic TNTP problem. */
    public static TrafficClass of(String name, int zones, double[] demand) {
        return new TrafficClass(name, zones, demand, 1, 1, null);
    }

    public double demand(int origin, int destination) { return demand[origin * zones + destination]; }

    public double totalDemand() { return Arrays.stream(demand).sum(); }
}
