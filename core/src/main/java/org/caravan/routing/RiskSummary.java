package org.caravan.routing;

import java.util.Map;

/**
 * How risky a route is under the country risk register.
 *
 * @param score          km-weighted mean of the combined risk score of the countries travelled (0..1)
 * @param riskKm         km × combined score summed over legs: the additive measure Pareto search minimises
 * @param maxClass       the worst risk class entered
 * @param kmShareByClass share of the route's km in each risk class ("low", "medium", "high", "severe")
 */
public record RiskSummary(double score, double riskKm, String maxClass, Map<String, Double> kmShareByClass) {}
