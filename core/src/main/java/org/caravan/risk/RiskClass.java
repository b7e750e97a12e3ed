package org.caravan.risk;

import java.util.Locale;

/** Risk classes, cut from the combined score at thresholds set in the register. */
public enum RiskClass {
    LOW, MEDIUM, HIGH, SEVERE;

    public String code() { return name().toLowerCase(Locale.ROOT); }
}
