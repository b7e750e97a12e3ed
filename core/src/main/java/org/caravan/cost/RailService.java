package org.caravan.cost;

import java.util.List;
import java.util.Set;
import org.caravan.network.Cargo;

/**
 * A regular train service between countries (the {@code rail_services} table of the cost model, docs/COSTS.md
 * "Rail services between countries"): a published number of departures a week from a set of origin countries to
 * a set of destination countries, optionally through given countries. A route whose origin and destination
 * countries match waits once for the service's departure, at its first rail run (a {@code service_wait} step):
 * uniformly over the headway (mean half of it) without a timetable, the next published departure with one.
 *
 * @param id               the row's key in the table
 * @param from             ISO alpha-2 countries the service leaves from (the request's origin country)
 * @param to               ISO alpha-2 countries the service goes to (the request's destination country)
 * @param via              countries the route must pass through for the row to apply (empty: any way)
 * @param departuresPerWeek published departures a week in the row's direction
 * @param cargo            the cargo class the service carries
 * @param timetable        published departure days and times (local time of the departure station), or null
 * @param bothDirections   the same frequency is published for the reverse direction (to -> from)
 * @param source           the publication the frequency comes from
 * @param date             the date of the publication (or of the figure)
 * @param confidence       published, estimated or calibrated
 */
public record RailService(String id, Set<String> from, Set<String> to, List<String> via, double departuresPerWeek,
        Cargo cargo, Departures timetable, boolean bothDirections, String source, String date, String confidence) {
    public static final double HOURS_PER_WEEK = 168;

    public RailService {
        from = Set.copyOf(from);
        to = Set.copyOf(to);
        via = List.copyOf(via);
    }

    /** Hours between departures: a week over the departures per week. */
    public double headwayHours() { return HOURS_PER_WEEK / departuresPerWeek; }

    /**
     * The wait for a departure of cargo ready at a random moment: uniform over the headway (mean half of it), or
     * the timetable's next departure (exact on the clock, its mean over the week without one).
     */
    public Wait departureWait() {
        return timetable != null ? Wait.timetable(timetable) : Wait.interval(headwayHours());
    }

    /**
     * Whether the service carries {@code cargo} from {@code originCountry} to {@code destinationCountry} on a route
     * through {@code routeCountries} (every via country among them); either way round if {@link #bothDirections}.
     */
    public boolean matches(String originCountry, String destinationCountry, List<String> routeCountries,
            Cargo cargoClass) {
        if (cargoClass != cargo) return false;
        if (!routeCountries.containsAll(via)) return false;
        return from.contains(originCountry) && to.contains(destinationCountry)
                || bothDirections && to.contains(originCountry) && from.contains(destinationCountry);
    }
}
