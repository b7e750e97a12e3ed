package org.caravan.trade;

import java.util.List;

/**
 * A reporter or partner as the trade store knows it: its ISO 3166 alpha-3 code (or a Comtrade special such as
 * {@code W00} for World), an English name and every UN M49 / Comtrade numeric code that stands for it (France is
 * 250 in ISO and 251 in Comtrade, so one country may have several).
 */
public record Country(String iso3, String name, List<Integer> codes) {
    public Country {
        codes = List.copyOf(codes);
        if (codes.isEmpty()) throw new IllegalArgumentException("a country needs at least one code: " + iso3);
    }

    /** The codes as an SQL list, e.g. {@code 250,251}. Integers only, so safe to inline. */
    String sqlCodes() {
        StringBuilder sb = new StringBuilder();
        for (int c : codes) {
            if (sb.length() > 0) sb.append(',');
            sb.append(c);
        }
        return sb.toString();
    }

    /** Shown to users: {@code Kazakhstan (KAZ)}. */
    public String label() { return name + " (" + iso3 + ")"; }
}
