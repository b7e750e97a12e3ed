package org.caravan.country;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one country convention of Caravan: what a user types for a country (ISO 3166-1 alpha-2 {@code AF}, alpha-3
 * {@code AFG} or numeric {@code 004}, the English name {@code Afghanistan}, the official name, an alternative
 * spelling or a common alias such as {@code Turkey} or {@code UK}; case, diacritics and punctuation ignored)
 * resolves here to a {@link Country}, with suggestions on a typo. Every routing and trade option, API parameter and
 * file field that names a country goes through {@link #resolve}. The network's {@code XX} (international waters)
 * is known too. Immutable; the embedded table is read once.
 */
public final class Countries {
    private static final String COUNTRIES = "/org/caravan/country/countries.csv";
    private static final String ALIASES = "/org/caravan/country/aliases.csv";

    private final Map<String, Country> byAlpha2;
    private final Map<String, Country> byAlpha3;
    private final Map<Integer, Country> byNumeric;
    /** Normalized name, official name, alternative spelling or alias → country. */
    private final Map<String, Country> byName;

    private Countries(List<Country> countries, Map<String, String> aliases) {
        Map<String, Country> a2 = new LinkedHashMap<>();
        Map<String, Country> a3 = new HashMap<>();
        Map<Integer, Country> num = new HashMap<>();
        Map<String, Country> names = new HashMap<>();
        for (Country c : countries) {
            a2.put(c.alpha2(), c);
            a3.put(c.alpha3(), c);
            if (!c.numeric().isEmpty()) num.put(Integer.parseInt(c.numeric()), c);
            for (String n : namesOf(c)) names.putIfAbsent(Names.normalize(n), c);
        }
        aliases.forEach((alias, alpha2) -> {
            Country c = a2.get(alpha2);
            if (c == null) throw new IllegalStateException("alias " + alias + " names unknown country " + alpha2);
            names.putIfAbsent(Names.normalize(alias), c);
        });
        this.byAlpha2 = Map.copyOf(a2);
        this.byAlpha3 = Map.copyOf(a3);
        this.byNumeric = Map.copyOf(num);
        this.byName = Map.copyOf(names);
    }

    /** The embedded table: {@code countries.csv} (ODbL, see the README beside it) and {@code aliases.csv}. */
    public static Countries embedded() { return Embedded.TABLE; }

    private static final class Embedded {
        static final Countries TABLE = load();
    }

    private static Countries load() {
        List<Country> list = new ArrayList<>();
        for (Map<String, String> row : EmbeddedTable.read(COUNTRIES)) {
            List<String> alts = new ArrayList<>();
            for (String s : row.get("alt_names").split(";")) if (!s.isBlank()) alts.add(s.trim());
            String capital = row.get("capital").split(";")[0].trim();
            list.add(new Country(row.get("alpha2").toUpperCase(Locale.ROOT), row.get("alpha3").toUpperCase(Locale.ROOT),
                    row.get("numeric"), row.get("name"), row.get("official_name"), alts, capital));
        }
        list.add(Country.INTERNATIONAL_WATERS);
        Map<String, String> aliases = new LinkedHashMap<>();
        for (Map<String, String> row : EmbeddedTable.read(ALIASES)) {
            aliases.put(row.get("alias"), row.get("alpha2").toUpperCase(Locale.ROOT));
        }
        return new Countries(list, aliases);
    }

    private static List<String> namesOf(Country c) {
        List<String> out = new ArrayList<>();
        out.add(c.name());
        out.add(c.officialName());
        out.addAll(c.altNames());
        return out;
    }

    /** Every country, by alpha-2 code (international waters last). */
    public List<Country> all() { return List.copyOf(byAlpha2.values()); }

    public Optional<Country> byAlpha2(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byAlpha2.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    public Optional<Country> byAlpha3(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byAlpha3.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    /** "Afghanistan (AF)" for a known alpha-2 code, else the code itself. */
    public String label(String alpha2) {
        return byAlpha2(alpha2).map(Country::label).orElse(alpha2);
    }

    /** The English name of a known alpha-2 code, else the code itself. */
    public String name(String alpha2) {
        return byAlpha2(alpha2).map(Country::name).orElse(alpha2);
    }

    /** The country {@code input} denotes, if exactly one does (see the class comment for what is accepted). */
    public Optional<Country> find(String input) {
        if (input == null) return Optional.empty();
        String s = input.trim();
        if (s.isEmpty()) return Optional.empty();
        String upper = s.toUpperCase(Locale.ROOT);
        if (upper.length() == 2 && byAlpha2.containsKey(upper)) return Optional.of(byAlpha2.get(upper));
        if (upper.length() == 3 && byAlpha3.containsKey(upper)) return Optional.of(byAlpha3.get(upper));
        if (s.chars().allMatch(Character::isDigit) && s.length() <= 4) {
            return Optional.ofNullable(byNumeric.get(Integer.parseInt(s)));
        }
        String key = Names.normalize(s);
        if (key.startsWith("the ")) key = key.substring(4);
        Country exact = byName.get(key);
        if (exact != null) return Optional.of(exact);
        // A unique start of a name ("Afghan", "Kyrgyz"), never shorter than four letters.
        if (key.length() >= 4) {
            Set<Country> starts = new LinkedHashSet<>();
            for (Map.Entry<String, Country> e : byName.entrySet()) {
                if (e.getKey().startsWith(key)) starts.add(e.getValue());
            }
            if (starts.size() == 1) return Optional.of(starts.iterator().next());
        }
        return Optional.empty();
    }

    /**
     * The country {@code input} denotes.
     *
     * @throws UnknownCountryException when none (or several) fits, with the closest countries as suggestions
     */
    public Country resolve(String input) {
        Optional<Country> c = find(input);
        if (c.isPresent()) return c.get();
        String s = input == null ? "" : input.trim();
        if (s.isEmpty()) {
            throw new UnknownCountryException("", List.of(), "empty country: give an ISO code (AF, AFG) or a name");
        }
        List<Country> sugg = suggestions(s, 3);
        String hint = sugg.isEmpty() ? "give an ISO code (AF or AFG) or an English name"
                : "did you mean " + String.join(", ", sugg.stream().map(x -> x.name() + " (" + x.alpha2() + ", "
                        + x.alpha3() + ")").toList()) + "?";
        throw new UnknownCountryException(s, sugg, "unknown country '" + s + "'; " + hint);
    }

    /** Up to {@code limit} countries whose codes or names are close to {@code input}, closest first. */
    public List<Country> suggestions(String input, int limit) {
        String key = Names.normalize(input);
        if (key.isEmpty()) return List.of();
        Map<Country, Integer> best = new LinkedHashMap<>();
        for (Map.Entry<String, Country> e : byName.entrySet()) {
            String name = e.getKey();
            int d = Names.levenshtein(key, name);
            if (name.startsWith(key) || name.contains(" " + key)) d = Math.min(d, 1);
            // The last word alone too, so "Afganistan" finds "Islamic Republic of Afghanistan" as well as the name.
            String[] words = name.split(" ");
            if (words.length > 1) d = Math.min(d, Names.levenshtein(key, words[words.length - 1]) + 1);
            best.merge(e.getValue(), d, Math::min);
        }
        if (key.length() <= 3) {
            String upper = input.trim().toUpperCase(Locale.ROOT);
            for (Country c : byAlpha2.values()) {
                int d = Math.min(Names.levenshtein(upper, c.alpha2()), Names.levenshtein(upper, c.alpha3()));
                best.merge(c, d, Math::min);
            }
        }
        int max = Math.max(1, Math.min(3, key.length() / 3));
        List<Map.Entry<Country, Integer>> hits = new ArrayList<>();
        for (Map.Entry<Country, Integer> e : best.entrySet()) if (e.getValue() <= max) hits.add(e);
        hits.sort(Map.Entry.<Country, Integer>comparingByValue().thenComparing(e -> e.getKey().name()));
        return hits.stream().limit(limit).map(Map.Entry::getKey).toList();
    }

    /** Resolves each of {@code inputs} (comma lists already split), keeping order and dropping repeats. */
    public List<Country> resolveAll(List<String> inputs) {
        Set<Country> out = new LinkedHashSet<>();
        for (String s : inputs) if (s != null && !s.isBlank()) out.add(resolve(s));
        return List.copyOf(out);
    }

}
