package org.caravan.risk;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The country risk register: per country, sanctions exposure, security and border reliability scores with
 * reasons and sources, combined by the register's weights into one score in [0, 1] and a class. Immutable;
 * built by {@link RiskRegisterLoader}. Countries it does not list get its {@code default} entry, marked unrated.
 */
public final class RiskRegister {
    private final Map<String, CountryRisk> countries;
    private final CountryRisk fallback;
    private final double wSanctions;
    private final double wSecurity;
    private final double wBorder;
    private final Map<RiskClass, Double> thresholds;

    RiskRegister(Map<String, Scores> raw, Scores fallback, double wSanctions, double wSecurity, double wBorder,
            Map<RiskClass, Double> thresholds) {
        this.wSanctions = wSanctions;
        this.wSecurity = wSecurity;
        this.wBorder = wBorder;
        this.thresholds = new EnumMap<>(thresholds);
        Map<String, CountryRisk> m = new TreeMap<>();
        raw.forEach((cc, s) -> m.put(cc, assess(cc, s, true)));
        this.countries = java.util.Collections.unmodifiableMap(m);
        this.fallback = assess("", fallback, false);
    }

    /** Raw scores as read from a file, before combining. */
    record Scores(String name, RiskScore sanctions, RiskScore security, RiskScore border) {}

    private CountryRisk assess(String cc, Scores s, boolean rated) {
        double total = wSanctions + wSecurity + wBorder;
        double combined = (wSanctions * s.sanctions().score() + wSecurity * s.security().score()
                + wBorder * s.border().score()) / total;
        return new CountryRisk(cc, s.name(), s.sanctions(), s.security(), s.border(), combined, classify(combined),
                rated);
    }

    /** The class a combined score falls in. */
    public RiskClass classify(double combined) {
        RiskClass out = RiskClass.LOW;
        for (RiskClass c : RiskClass.values()) {
            if (combined >= thresholds.get(c)) out = c;
        }
        return out;
    }

    /** The assessment of a country; an unlisted country gets the register's default, marked unrated. */
    public CountryRisk of(String country) {
        CountryRisk r = countries.get(country);
        if (r != null) return r;
        return new CountryRisk(country, fallback.name(), fallback.sanctions(), fallback.security(), fallback.border(),
                fallback.combined(), fallback.riskClass(), false);
    }

    public Optional<CountryRisk> listed(String country) { return Optional.ofNullable(countries.get(country)); }

    /** Every listed country, by ISO code. */
    public Map<String, CountryRisk> countries() { return countries; }

    public double weightSanctions() { return wSanctions; }

    public double weightSecurity() { return wSecurity; }

    public double weightBorder() { return wBorder; }

    public Map<RiskClass, Double> thresholds() { return java.util.Collections.unmodifiableMap(thresholds); }
}
