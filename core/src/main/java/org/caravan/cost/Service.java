package org.caravan.cost;

/**
 * A sea or ferry service on one link (keyed by the link id): the wait for a departure and, optionally, the
 * sailing speed that turns the link's distance into sailing hours.
 *
 * @param departureWait  the wait for a departure at the port of embarkation
 * @param sailingSpeedKmh sailing speed; NaN to keep the network's explicit hours (or the mode's speed)
 */
public record Service(Wait departureWait, double sailingSpeedKmh) {}
