/**
 * The cost model: cargo profiles (bulk per tonne, container per 40-ft box) with per-mode rates, speeds,
 * handling at transshipments and gauge changes, value of time and CO2 factors, read from the embedded
 * {@code defaults.yaml} with an optional user override; and {@link org.caravan.cost.LinkCosts}, the price of
 * every link per direction and carrier, computed once per profile (the "weighting", kept apart from the graph).
 */
package org.caravan.cost;
