package org.caravan.validation;

/**
 * Agreement over a group of observations (a quantity, a mode, a corridor).
 *
 * @param observations rows in the group
 * @param evaluated    rows Caravan could answer (the others: place not in network, no route, bad options)
 * @param inRange      evaluated rows within the tolerance band
 * @param medianRatio  median of caravan ÷ published over the evaluated rows; null when none
 * @param bias         exp(mean ln ratio) − 1: +0.30 means Caravan is 30 % high on (geometric) average
 */
public record Summary(String group, int observations, int evaluated, int inRange, Double medianRatio, Double bias) {
    /** Share of the evaluated rows in range; null when none was evaluated. */
    public Double shareInRange() { return evaluated == 0 ? null : (double) inRange / evaluated; }
}
