package org.caravan.trade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The embedded table of reporter and partner codes ({@code countries.csv}: UN M49 numeric code, ISO alpha-3,
 * name, source; built by {@code data-build/build_trade_reference.py}). Resolves what a user types (ISO3, ISO
 * numeric or Comtrade code, or a name) to a {@link Country}; imports keep any numeric code, known or not.
 */
public final class Countries {
    static final String RESOURCE = "/org/caravan/trade/countries.csv";

    private final Map<Integer, String> iso3ByCode;
    private final Map<String, Country> byIso3;

    private Countries(Map<Integer, String> iso3ByCode, Map<String, Country> byIso3) {
        this.iso3ByCode = iso3ByCode;
        this.byIso3 = byIso3;
    }

    /** The embedded table (read once: it is immutable). */
    public static Countries embedded() { return Embedded.TABLE; }

    private static final class Embedded {
        static final Countries TABLE = EmbeddedCsv.load(RESOURCE, Countries::build);
    }

    private static Countries build(List<Map<String, String>> rows) {
        Map<Integer, String> iso3ByCode = new TreeMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<Integer>> codes = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            int code = Integer.parseInt(row.get("m49"));
            String iso3 = row.get("iso3").toUpperCase(Locale.ROOT);
            iso3ByCode.put(code, iso3);
            names.putIfAbsent(iso3, row.get("name"));
            codes.computeIfAbsent(iso3, k -> new ArrayList<>()).add(code);
        }
        Map<String, Country> byIso3 = new LinkedHashMap<>();
        names.forEach((iso3, name) -> byIso3.put(iso3, new Country(iso3, name, codes.get(iso3))));
        return new Countries(Map.copyOf(iso3ByCode), Map.copyOf(byIso3));
    }

    /** The country a numeric code stands for; unknown codes get a placeholder named after the code. */
    public Country byCode(int code) {
        String iso3 = iso3ByCode.get(code);
        if (iso3 != null) return byIso3.get(iso3);
        return new Country("M" + code, "M49 " + code, List.of(code));
    }

    public Optional<Country> byIso3(String iso3) {
        return Optional.ofNullable(iso3 == null ? null : byIso3.get(iso3.trim().toUpperCase(Locale.ROOT)));
    }

    /**
     * The numeric code for a row that gives only an ISO3 code: Comtrade's own where it differs from ISO (699 for
     * India, 251 for France, 842 for the USA: always the higher of the two), so such rows key like Comtrade's.
     */
    public Optional<Integer> codeOf(String iso3) {
        return byIso3(iso3).map(c -> c.codes().stream().max(Integer::compare).orElseThrow());
    }

    /**
     * What a user typed: a numeric code ({@code 398}, Comtrade's or ISO's), or a country as Caravan's one
     * convention names it ({@link org.caravan.country.Countries}: ISO alpha-2 {@code KZ}, alpha-3 {@code KAZ},
     * English name or alias, case and diacritics ignored), or the name of a Comtrade group ({@code World}).
     *
     * @throws IllegalArgumentException naming the input and close matches when nothing fits
     */
    public Country resolve(String input) {
        String s = input == null ? "" : input.trim();
        if (s.isEmpty()) throw new IllegalArgumentException("empty country: give an ISO code (KZ or KAZ) or a name");
        if (s.chars().allMatch(Character::isDigit)) {
            int code = Integer.parseInt(s);
            if (iso3ByCode.containsKey(code)) return byCode(code);
            throw new IllegalArgumentException("unknown country code " + s);
        }
        Optional<Country> iso = byIso3(s);
        if (iso.isPresent()) return iso.get();
        Optional<org.caravan.country.Country> known = org.caravan.country.Countries.embedded().find(s);
        if (known.isPresent()) {
            return byIso3(known.get().alpha3()).orElseThrow(() -> new IllegalArgumentException(
                    known.get().name() + " (" + known.get().alpha3() + ") is not in the trade code list"));
        }
        String key = org.caravan.country.Names.normalize(s);
        for (Country c : byIso3.values()) {
            if (org.caravan.country.Names.normalize(c.name()).equals(key)) return c;
        }
        try {
            org.caravan.country.Countries.embedded().resolve(s);
        } catch (org.caravan.country.UnknownCountryException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        throw new IllegalArgumentException("unknown country '" + s + "'");
    }

    /** All countries, in the table's order. */
    public List<Country> all() { return List.copyOf(byIso3.values()); }
}
