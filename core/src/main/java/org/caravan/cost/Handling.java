package org.caravan.cost;

/** Cost and time of one handling operation (a transshipment or a gauge change), per cargo unit. */
public record Handling(double usd, double hours) {
    public static final Handling NONE = new Handling(0, 0);
}
