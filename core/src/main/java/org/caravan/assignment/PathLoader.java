package org.caravan.assignment;

/**
 * The all-or-nothing step of an assignment: loads one traffic class's demand on its cheapest paths at the given
 * link costs. A loader may price parts of a path that are not flow links (for freight: running costs, fees and
 * transfers that do not depend on volume); their sum over the loaded demand is the load's {@code baseCost}, which
 * the solver carries along with the volumes so that relative gaps and line searches see the whole cost.
 */
public interface PathLoader {
    /** What a load cost: the total over its demand, and the part of it outside the flow links. */
    record LoadCost(double shortestPathCost, double baseCost) {}

    /**
     * Writes the volumes of class {@code trafficClass} (index into the solver's list) at {@code linkCost} into
     * {@code volumes} (overwritten).
     *
     * @throws UnreachableDemandException when demand has no path
     */
    LoadCost load(int trafficClass, double[] linkCost, double[] volumes);
}
