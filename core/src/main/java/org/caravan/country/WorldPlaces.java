package org.caravan.country;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Towns and capitals that are not places of the network, so that a user who asks for one is told what it is
 * (a town in a country of the region, or a capital far outside it) instead of being offered a look-alike name.
 * Natural Earth populated places in lon 25..90, lat 0..60, and the capitals of {@code countries.csv}.
 */
public final class WorldPlaces {
    private static final String PLACES = "/org/caravan/country/populated-places.csv";

    /**
     * A place known by name.
     *
     * @param country  the country it is in
     * @param lat      latitude, NaN for a capital outside the Natural Earth extract (position unknown here)
     * @param lon      longitude, NaN likewise
     * @param inRegion whether it lies in Caravan's region (lon 25..90, lat 0..60)
     */
    public record Place(String name, Country country, double lat, double lon, boolean inRegion) {
        public boolean hasPosition() { return !Double.isNaN(lat); }
    }

    private final Map<String, Place> byName;

    private WorldPlaces(Map<String, Place> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static WorldPlaces embedded() { return Embedded.TABLE; }

    private static final class Embedded {
        static final WorldPlaces TABLE = load(Countries.embedded());
    }

    private static WorldPlaces load(Countries countries) {
        Map<String, Place> map = new HashMap<>();
        for (Map<String, String> row : EmbeddedTable.read(PLACES)) {
            Optional<Country> c = countries.byAlpha2(row.get("alpha2"));
            if (c.isEmpty()) continue;
            Place p = new Place(row.get("name"), c.get(), Double.parseDouble(row.get("lat")),
                    Double.parseDouble(row.get("lon")), true);
            List<String> names = new ArrayList<>(List.of(row.get("name"), row.get("ascii_name")));
            for (String alt : row.get("alt_name").split("[|;]")) names.add(alt);
            for (String n : names) {
                String k = Names.normalize(n);
                if (!k.isEmpty()) map.putIfAbsent(k, p);
            }
        }
        for (Country c : countries.all()) {
            if (c.capital().isEmpty()) continue;
            map.putIfAbsent(Names.normalize(c.capital()), new Place(c.capital(), c, Double.NaN, Double.NaN, false));
        }
        return new WorldPlaces(map);
    }

    /** The town or capital called {@code name} (case, diacritics and punctuation ignored), if any. */
    public Optional<Place> find(String name) {
        return Optional.ofNullable(byName.get(Names.normalize(name)));
    }
}
