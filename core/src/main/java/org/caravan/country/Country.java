package org.caravan.country;

import java.util.List;
import java.util.Objects;

/**
 * A country as Caravan names it: ISO 3166-1 codes and English names.
 *
 * @param alpha2       ISO alpha-2 ("AF"); the network, the risk register and routing requests use it
 * @param alpha3       ISO alpha-3 ("AFG"); trade data uses it
 * @param numeric      ISO numeric ("004"), empty when ISO assigns none (Kosovo)
 * @param name         English common name ("Afghanistan")
 * @param officialName English official name
 * @param altNames     other accepted spellings and aliases
 * @param capital      the capital's English name, empty when none
 */
public record Country(String alpha2, String alpha3, String numeric, String name, String officialName,
        List<String> altNames, String capital) {
    /** The network's code for sea waypoints outside any country. */
    public static final Country INTERNATIONAL_WATERS = new Country("XX", "XXX", "", "International waters",
            "International waters", List.of(), "");

    public Country {
        Objects.requireNonNull(alpha2, "alpha2");
        Objects.requireNonNull(alpha3, "alpha3");
        numeric = numeric == null ? "" : numeric;
        officialName = officialName == null || officialName.isBlank() ? name : officialName;
        altNames = altNames == null ? List.of() : List.copyOf(altNames);
        capital = capital == null ? "" : capital;
    }

    /** "Afghanistan (AF)": how answers print a country. */
    public String label() { return name + " (" + alpha2 + ")"; }
}
