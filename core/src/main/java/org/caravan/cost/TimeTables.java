package org.caravan.cost;

import java.util.List;
import java.util.Map;
import org.caravan.network.Cargo;

/**
 * Place-specific time (and fee) figures of the cost model, keyed by network ids: border crossings by link id,
 * sea and ferry services by link id; regular rail services between countries (weekly trains); and the standard UTC offset of each country, to read a departure time
 * and opening hours in local time.
 */
public record TimeTables(Map<String, CrossingRule> crossings, Map<String, Service> services,
        Map<String, Double> utcOffsetHours, List<RailService> railServices) {
    public static final TimeTables NONE = new TimeTables(Map.of(), Map.of(), Map.of());

    public TimeTables {
        crossings = Map.copyOf(crossings);
        services = Map.copyOf(services);
        utcOffsetHours = Map.copyOf(utcOffsetHours);
        railServices = railServices == null ? List.of() : List.copyOf(railServices);
    }

    /** Without rail services between countries. */
    public TimeTables(Map<String, CrossingRule> crossings, Map<String, Service> services,
            Map<String, Double> utcOffsetHours) {
        this(crossings, services, utcOffsetHours, List.of());
    }

    /**
     * The rail service a route from {@code originCountry} to {@code destinationCountry} through
     * {@code routeCountries} waits for ({@link RailService#matches}): of the matching rows the most frequent (the
     * first in the table among equals); null when none matches.
     */
    public RailService railService(String originCountry, String destinationCountry, List<String> routeCountries,
            Cargo cargo) {
        RailService best = null;
        for (RailService s : railServices) {
            if (!s.matches(originCountry, destinationCountry, routeCountries, cargo)) continue;
            if (best == null || s.departuresPerWeek() > best.departuresPerWeek()) best = s;
        }
        return best;
    }

    public CrossingRule crossing(String linkId) { return crossings.get(linkId); }

    /**
     * The crossing's figures for one cargo class (its per-cargo override where given), so every caller that times
     * a crossing for a shipment gets the same figures; null when the cost model has none for this link.
     */
    public CrossingRule crossing(String linkId, Cargo cargo) {
        CrossingRule rule = crossings.get(linkId);
        return rule == null ? null : rule.forCargo(cargo);
    }

    public Service service(String linkId) { return services.get(linkId); }

    /** Hours to add to a time in {@code fromCountry}'s local time to get {@code toCountry}'s (0 if unknown). */
    public double offsetBetween(String fromCountry, String toCountry) {
        Double a = utcOffsetHours.get(fromCountry);
        Double b = utcOffsetHours.get(toCountry);
        return a == null || b == null ? 0 : b - a;
    }
}
