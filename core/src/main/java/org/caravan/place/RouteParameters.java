package org.caravan.place;

import static org.caravan.place.RouteParameter.Group.ASSIGNMENT;
import static org.caravan.place.RouteParameter.Group.ENDS;
import static org.caravan.place.RouteParameter.Group.QUERY;
import static org.caravan.place.RouteParameter.Group.RELIABILITY;
import static org.caravan.place.RouteParameter.Group.SEARCH;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caravan.place.RouteParameter.Group;
import org.caravan.place.RouteParameter.Kind;
import org.caravan.routing.PlanOptions;

/**
 * The table of route-question inputs: name, kind, range, default and help of each, declared once. The command
 * line's options ({@code org.caravan.cli.RouteOptions}), the HTTP API's parameters and {@code /openapi.json} are
 * all read from it, and tests check that they match. To add an input: add it here, to {@link RouteQuery} (field,
 * builder method and {@link RouteQuery.Builder#parameter}), and to the command line's option mixin.
 */
public final class RouteParameters {
    private RouteParameters() {}

    /** Largest shipment: 100 Mt, well above any corridor's yearly volume; money stays exact far beyond it. */
    public static final double MAX_TONNES = 100_000_000;
    /** Largest soft penalty per cargo unit, USD: a million dollars a box already forbids in all but name. */
    public static final double MAX_PENALTY_USD = 1_000_000;

    public static final RouteParameter FROM = new RouteParameter("from", Kind.PLACE, ENDS, "PLACE", null, null,
            false, null, null, null, null,
            "Origin: UN/LOCODE (KZALA), node id or place name (case and diacritics ignored).");
    public static final RouteParameter TO = new RouteParameter("to", Kind.PLACE, ENDS, "PLACE", null, null, false,
            null, null, null, null, "Destination, written like the origin.");
    public static final RouteParameter VIA = new RouteParameter("via", Kind.PLACES, QUERY, "PLACE", null, null, false,
            null, null, null, "none", "Places the route must pass, in order.");
    public static final RouteParameter CARGO = new RouteParameter("cargo", Kind.CHOICE, QUERY, "PROFILE", null, null,
            false, null, null, RouteQuery.DEFAULT_CARGO, null,
            "Cargo profile of the cost model: bulk (priced per tonne), container (per 40-ft box), or one of a user"
                + " cost file.");
    public static final RouteParameter RAIL_SERVICE = new RouteParameter("rail_service", Kind.CHOICE, QUERY, "SERVICE",
            List.of("regular", "express"), null, false, null, null, "regular", null,
            "Rail service class of container cargo: regular block trains, or express (timetabled) container trains at"
                + " their own published speeds (docs/COSTS.md); not for bulk.");
    public static final RouteParameter TONNES = new RouteParameter("tonnes", Kind.NUMBER, QUERY, "T", null,
            BigDecimal.ZERO, true, BigDecimal.valueOf(MAX_TONNES), null, null, "one cargo unit (a tonne, or one box)",
            "Shipment size in tonnes; money and CO2 are for the whole shipment (containers: the boxes needed).");
    public static final RouteParameter OBJECTIVE = new RouteParameter("objective", Kind.CHOICE, QUERY, "OBJ",
            List.of("cost", "time", "distance", "co2", "reliable"), null, false, null, null, RouteQuery.DEFAULT_OBJECTIVE,
            null, "What to minimise: cost (USD + value of time), time, distance, co2, or reliable (the lowest simulated"
                + " 90th-percentile time).");
    public static final RouteParameter AVOID = new RouteParameter("avoid", Kind.COUNTRIES, QUERY, "COUNTRY", null,
            null, false, null, null, null, "none",
            "Countries the route may not enter: ISO alpha-2 (AF) or alpha-3 (AFG) codes or English names.");
    public static final RouteParameter CLOSE = new RouteParameter("close", Kind.PLACES, QUERY, "NAME_OR_ID", null,
            null, false, null, null, null, "none",
            "Crossings (by name: every link of the crossing, every mode), places (every link of the place) or link ids"
                + " to treat as closed.");
    public static final RouteParameter AVOID_PASSAGE = new RouteParameter("avoid_passage", Kind.PLACES, QUERY,
            "NAME", null, null, false, null, null, null, "none",
            "Sea passages the route may not use, by name: Strait of Hormuz (Hormuz), Bosphorus (Turkish Straits).");
    public static final RouteParameter MODES = new RouteParameter("modes", Kind.CHOICES, QUERY, "MODE",
            List.of("rail", "road", "sea", "ferry"), null, false, null, null, null, "all",
            "Modes the cargo may travel in; border crossings follow the mode the cargo is in.");
    public static final RouteParameter INCLUDE_PLANNED = new RouteParameter("include_planned", Kind.BOOLEAN, QUERY,
            null, null, null, false, null, null, "false", null,
            "Also use links that are planned or under construction (labelled in the answer).");
    public static final RouteParameter MAX_RISK = new RouteParameter("max_risk", Kind.NUMBER, QUERY, "R", null,
            BigDecimal.ZERO, false, BigDecimal.ONE, null, null, "no limit",
            "Do not enter countries whose combined risk score (0-1, see the risk register) exceeds this.");
    public static final RouteParameter PENALTY = new RouteParameter("penalty", Kind.COUNTRY_AMOUNTS, QUERY,
            "COUNTRY=USD", null, BigDecimal.ZERO, false, BigDecimal.valueOf(MAX_PENALTY_USD), null, null, "none",
            "Soft preference: add USD per cargo unit each time the route enters the country, e.g. AF=500,IR=800 (the"
                + " answer shows it apart from real money).");
    public static final RouteParameter DEPART = new RouteParameter("depart", Kind.DATETIME, QUERY, "YYYY-MM-DDTHH:MM",
            null, null, false, null, null, null, "none: expected waits",
            "Departure, local time at the origin (2027-03-01T08:00): the route is timed on the clock, waiting where a"
                + " border post is closed or for a timetabled ship; without it the expected waits are used.");
    public static final RouteParameter SAMPLES = new RouteParameter("samples", Kind.INTEGER, RELIABILITY, "N", null,
            BigDecimal.ONE, false, BigDecimal.valueOf(PlanOptions.MAX_SAMPLES), BigDecimal.valueOf(100_000), null,
            "the cost model's delays.samples (10000 in the embedded one)",
            "Monte Carlo samples for transit-time reliability.");
    public static final RouteParameter SEED = new RouteParameter("seed", Kind.INTEGER, RELIABILITY, "S", null,
            BigDecimal.ZERO, false, BigDecimal.valueOf(PlanOptions.MAX_SEED), null, null,
            "the cost model's delays.seed (42 in the embedded one)", "Random seed for reliability.");
    public static final RouteParameter ALTERNATIVES = new RouteParameter("alternatives", Kind.INTEGER, SEARCH, "K",
            null, BigDecimal.ONE, false, BigDecimal.valueOf(PlanOptions.MAX_ALTERNATIVES), BigDecimal.TEN, null,
            "one route", "Up to K meaningfully different routes (other crossings or modes), best first.");
    public static final RouteParameter PARETO = new RouteParameter("pareto", Kind.BOOLEAN, SEARCH, null, null, null,
            false, null, null, "false", null,
            "Every route no other beats on cost, time, risk and CO2 at once (the trade-offs); not with alternatives.");
    public static final RouteParameter PARETO_TOLERANCE = new RouteParameter("pareto_tolerance", Kind.NUMBER, SEARCH,
            "FRACTION", null, BigDecimal.ZERO, false, new BigDecimal("0.99"), null,
            plain(PlanOptions.DEFAULTS.paretoTolerance()), null,
            "With pareto, hide a route when a better-ranked one is within this fraction of it on every criterion (0"
                + " shows the exact set).");
    public static final RouteParameter MAX_LABELS = new RouteParameter("max_labels", Kind.INTEGER, SEARCH, "N", null,
            BigDecimal.ONE, false, BigDecimal.valueOf(PlanOptions.MAX_LABELS), BigDecimal.valueOf(500_000),
            Integer.toString(PlanOptions.DEFAULTS.maxLabels()), null,
            "With pareto, the most labels the search may create.");
    public static final RouteParameter BUDGET_MS = new RouteParameter("budget_ms", Kind.INTEGER, SEARCH, "MS", null,
            BigDecimal.ONE, false, BigDecimal.valueOf(PlanOptions.MAX_BUDGET_MILLIS), BigDecimal.valueOf(5_000),
            Long.toString(PlanOptions.DEFAULTS.budgetMillis()), null,
            "With pareto, the most milliseconds the search may take.");

    public static final RouteParameter CAPACITIES = new RouteParameter("capacities", Kind.TABLE, ASSIGNMENT, "FILE",
            null, null, false, null, null, null, "the shipped capacities.csv only",
            "Capacities per crossing, terminal, port or ferry and direction that override or add to the shipped table"
                + " (the format of capacities.csv; a row replaces the element's rows for its direction; docs/ASSIGNMENT.md).");

    /** Every parameter, in the order help and the API document them. */
    public static final List<RouteParameter> ALL = List.of(FROM, TO, VIA, CARGO, RAIL_SERVICE, TONNES, OBJECTIVE, AVOID, CLOSE, AVOID_PASSAGE, MODES,
            INCLUDE_PLANNED, MAX_RISK, PENALTY, DEPART, SAMPLES, SEED, ALTERNATIVES, PARETO, PARETO_TOLERANCE, MAX_LABELS,
            BUDGET_MS, CAPACITIES);

    private static final Map<String, RouteParameter> BY_NAME;

    static {
        Map<String, RouteParameter> m = new LinkedHashMap<>();
        for (RouteParameter p : ALL) {
            if (m.put(p.name(), p) != null) throw new IllegalStateException("route parameter declared twice: " + p.name());
        }
        BY_NAME = Map.copyOf(m);
    }

    public static Optional<RouteParameter> byName(String name) { return Optional.ofNullable(BY_NAME.get(name)); }

    /** The parameters of the given groups, in table order. */
    public static List<RouteParameter> of(Group... groups) {
        List<Group> g = List.of(groups);
        return ALL.stream().filter(p -> g.contains(p.group())).toList();
    }

    private static String plain(double d) { return RouteParameter.plain(d); }
}
