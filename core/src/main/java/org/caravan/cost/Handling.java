package org.caravan.cost;

/**
 * Cost, time and emissions of one handling operation (a transshipment or a gauge change), per cargo unit.
 *
 * @param co2WtwKgPerTonne well-to-wheel emissions of the operation per tonne handled (hub emissions, ISO 14083)
 */
public record Handling(double usd, double hours, double co2WtwKgPerTonne) {
    public static final Handling NONE = new Handling(0, 0, 0);

    public Handling(double usd, double hours) { this(usd, hours, 0); }
}
