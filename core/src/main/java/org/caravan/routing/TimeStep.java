package org.caravan.routing;

import org.caravan.cost.OpeningHours;
import org.caravan.cost.Wait;

/**
 * One component of a route's door-to-door time, in travel order: running (with checkpoints), drivers' rest and
 * breaks (counted over the trip by {@link org.caravan.cost.DriverRest}, fixed hours), a
 * terminal dwell, a wait for a departure, a border crossing, a transshipment or gauge change. The timeline of a
 * route sums to its total hours; the Monte Carlo draws each random part from its own distribution, and a
 * departure time moves each step to the clock (a post that is closed, a timetabled ship).
 *
 * @param kind       what the time is spent on
 * @param at         node id (dwell, handling) or link id (run, wait, crossing)
 * @param name       readable place or link name
 * @param country    ISO2 country whose local time applies (opening hours, timetables); "XX" at sea
 * @param hours      expected hours of the step (with the expected wait for opening hours)
 * @param fixedHours the part that does not vary (running time)
 * @param delay      the random part (queue, wait for a ship, handling); {@link Wait#NONE} when none
 * @param gate       opening hours the step waits for before its random part; null when always open
 * @param legIndex   the route leg the step belongs to, or -1 (dwell, handling)
 * @param drivingHours hours at the wheel of a road run (its running time less checkpoints), which the drivers'
 *                   rest counts; 0 for every other step. The Monte Carlo recounts the rest from these
 * @param railService for the wait for a regular rail service between countries ({@code rail_services},
 *                   docs/COSTS.md) the service waited for, else null. Such a step is added to the route after the
 *                   search, which does not count its hours, as the drivers' rest ({@link #outsideSearch()})
 */
public record TimeStep(Kind kind, String at, String name, String country, double hours, double fixedHours,
        Wait delay, OpeningHours gate, int legIndex, double drivingHours,
        org.caravan.cost.RailService railService) {

    /** A step the search counts (all but rest and a rail service's wait). */
    public TimeStep(Kind kind, String at, String name, String country, double hours, double fixedHours,
            Wait delay, OpeningHours gate, int legIndex, double drivingHours) {
        this(kind, at, name, country, hours, fixedHours, delay, gate, legIndex, drivingHours, null);
    }

    /** A step without driving (everything but a road run). */
    public TimeStep(Kind kind, String at, String name, String country, double hours, double fixedHours,
            Wait delay, OpeningHours gate, int legIndex) {
        this(kind, at, name, country, hours, fixedHours, delay, gate, legIndex, 0);
    }

    public enum Kind {
        RUN, REST, DWELL, SERVICE_WAIT, CROSSING, HANDLING;

        public String code() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public TimeStep withHours(double h) {
        return new TimeStep(kind, at, name, country, h, fixedHours, delay, gate, legIndex, drivingHours, railService);
    }

    /**
     * Whether the search's cost leaves this step's hours out (drivers' rest, a rail service's wait between
     * countries): the route's reported hours include them, the search's lower bound and ranking do not.
     */
    public boolean outsideSearch() { return kind == Kind.REST || afterSearch(); }

    /** Whether the step was added after the search (a rail service's wait between countries). */
    public boolean afterSearch() { return railService != null; }
}
