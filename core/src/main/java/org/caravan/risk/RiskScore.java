package org.caravan.risk;

/** One risk dimension of a country: a score from 0 (no concern) to 1 (prohibitive), why, and on what basis. */
public record RiskScore(double score, String reason, String source) {}
