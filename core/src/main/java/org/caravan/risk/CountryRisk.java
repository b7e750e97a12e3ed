package org.caravan.risk;

/** The risk assessment of one country, by dimension, and its combined score and class under the register. */
public record CountryRisk(
        String country,
        String name,
        RiskScore sanctions,
        RiskScore security,
        RiskScore border,
        double combined,
        RiskClass riskClass,
        boolean rated) {}
