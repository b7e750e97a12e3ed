package org.caravan.assignment;

import java.util.List;

/**
 * Link volumes at the end of an assignment.
 *
 * @param classVolumes per class (in the order given), per link, in the class's demand units
 * @param volume       per link, all classes in vehicle equivalents
 * @param time         per link, the travel time at {@code volume}
 * @param relativeGap  the relative gap of the returned volumes
 * @param converged    whether {@code relativeGap} reached the target
 * @param iterations   one report per iteration, the initial load first
 */
public record AssignmentResult(List<String> classNames, double[][] classVolumes, double[] volume, double[] time,
        double relativeGap, boolean converged, double objective, List<IterationReport> iterations) {

    /** Volume over capacity of a link. */
    public double volumeToCapacity(FlowNetwork net, int link) {
        return volume[link] / net.capacity(link);
    }
}
