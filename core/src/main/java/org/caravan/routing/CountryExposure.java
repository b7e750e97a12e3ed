package org.caravan.routing;

/**
 * What a route spends in one country: km travelled, hours (running, waiting, crossing out of it, handling) and
 * USD paid there, with the country's risk score and class. Sea legs count under "XX" (international waters).
 */
public record CountryExposure(String country, String name, double km, double hours, double usd, double riskScore,
        String riskClass) {}
