package org.caravan.place;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.caravan.country.Countries;
import org.caravan.country.Country;
import org.caravan.country.UnknownCountryException;
import org.caravan.cost.CostModel;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.routing.InvalidRequestException;
import org.caravan.routing.Objective;
import org.caravan.routing.PlanOptions;
import org.caravan.routing.RouteRequest;

/**
 * A route question as a person types it (place names, country names or codes, mode names, numbers), before it is
 * checked: the inputs of {@link RouteParameters}. Every front end (command line, HTTP API) builds one with
 * {@link #builder()} and calls {@link #resolve} and {@link #planOptions}, so the same words mean the same thing
 * everywhere and bad input gets the same error naming the field at fault. Immutable.
 */
public final class RouteQuery {
    public static final String DEFAULT_CARGO = "container";
    public static final String DEFAULT_OBJECTIVE = "cost";

    private final String from;
    private final String to;
    private final List<String> via;
    private final String cargo;
    private final String railService;
    private final Double tonnes;
    private final String objective;
    private final List<String> avoid;
    private final List<String> close;
    private final List<String> avoidPassage;
    private final List<String> modes;
    private final boolean includePlanned;
    private final Double maxRisk;
    private final Map<String, Double> penalties;
    private final String depart;
    private final Integer alternatives;
    private final boolean pareto;
    private final Double paretoTolerance;
    private final Integer maxLabels;
    private final Long budgetMillis;
    private final Integer samples;
    private final Long seed;
    /** Whether anyone on the network may have asked (the HTTP API): then the tighter public bounds hold. */
    private final boolean publicRequest;

    private RouteQuery(Builder b) {
        from = b.from;
        to = b.to;
        via = List.copyOf(b.via);
        cargo = b.cargo == null || b.cargo.isBlank() ? DEFAULT_CARGO : b.cargo.trim();
        railService = b.railService == null || b.railService.isBlank() ? "regular" : b.railService.trim();
        tonnes = b.tonnes;
        objective = b.objective == null || b.objective.isBlank() ? DEFAULT_OBJECTIVE : b.objective.trim();
        avoid = List.copyOf(b.avoid);
        close = List.copyOf(b.close);
        avoidPassage = List.copyOf(b.avoidPassage);
        modes = List.copyOf(b.modes);
        includePlanned = b.includePlanned;
        maxRisk = b.maxRisk;
        penalties = Collections.unmodifiableMap(new LinkedHashMap<>(b.penalties));
        depart = b.depart == null || b.depart.isBlank() ? null : b.depart.trim();
        alternatives = b.alternatives;
        pareto = b.pareto;
        paretoTolerance = b.paretoTolerance;
        maxLabels = b.maxLabels;
        budgetMillis = b.budgetMillis;
        samples = b.samples;
        seed = b.seed;
        publicRequest = b.publicRequest;
    }

    public static Builder builder() { return new Builder(); }

    /** A builder holding this query's values, to change some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.from = from;
        b.to = to;
        b.via.addAll(via);
        b.cargo = cargo;
        b.railService = railService;
        b.tonnes = tonnes;
        b.objective = objective;
        b.avoid.addAll(avoid);
        b.close.addAll(close);
        b.avoidPassage.addAll(avoidPassage);
        b.modes.addAll(modes);
        b.includePlanned = includePlanned;
        b.maxRisk = maxRisk;
        b.penalties.putAll(penalties);
        b.depart = depart;
        b.alternatives = alternatives;
        b.pareto = pareto;
        b.paretoTolerance = paretoTolerance;
        b.maxLabels = maxLabels;
        b.budgetMillis = budgetMillis;
        b.samples = samples;
        b.seed = seed;
        b.publicRequest = publicRequest;
        return b;
    }

    /** This query between two other places (a template's restrictions for one OD pair). */
    public RouteQuery between(String newFrom, String newTo) {
        return toBuilder().from(newFrom).to(newTo).build();
    }

    public String from() { return from; }

    public String to() { return to; }

    public List<String> via() { return via; }

    public String cargo() { return cargo; }

    /** The rail service class: regular (the default) or express. */
    public String railService() { return railService; }

    /** Null for one cargo unit. */
    public Double tonnes() { return tonnes; }

    public String objective() { return objective; }

    public List<String> avoid() { return avoid; }

    public List<String> close() { return close; }

    /** Sea passages to avoid, by name ({@link org.caravan.network.Passages}). */
    public List<String> avoidPassage() { return avoidPassage; }

    public List<String> modes() { return modes; }

    public boolean includePlanned() { return includePlanned; }

    /** Null for no limit. */
    public Double maxRisk() { return maxRisk; }

    /** Country as the user wrote it → USD per cargo unit for entering it (a soft preference). */
    public Map<String, Double> penalties() { return penalties; }

    public Integer alternatives() { return alternatives; }

    public boolean pareto() { return pareto; }

    public Integer samples() { return samples; }

    public Long seed() { return seed; }

    /**
     * Checks every field and resolves names to ids.
     *
     * @throws InvalidRequestException naming the field ({@link RouteParameter#name()})
     */
    public RouteRequest resolve(Network network, CostModel costs, PlaceIndex places) {
        if (costs.profile(cargo).isEmpty()) {
            throw new InvalidRequestException("cargo", "unknown cargo '" + cargo + "', expected one of "
                    + costs.profileNames());
        }
        String priced = cargo;
        if (!railService.equals("regular")) {
            if (!RouteParameters.RAIL_SERVICE.choices().contains(railService)) {
                throw new InvalidRequestException("rail_service", "unknown rail service '" + railService
                        + "', expected one of " + RouteParameters.RAIL_SERVICE.choices());
            }
            if (costs.profile(cargo).get().cargoClass() != org.caravan.network.Cargo.CONTAINER) {
                throw new InvalidRequestException("rail_service", "express trains are block container trains;"
                        + " cargo '" + cargo + "' moves as wagonload (use the regular service, or container cargo)");
            }
            priced = CostModel.serviceKey(cargo, railService);
            if (costs.profile(priced).isEmpty()) {
                throw new InvalidRequestException("rail_service", "the cost model has no " + railService
                        + " class for cargo '" + cargo + "' (profiles." + cargo + ".modes.rail." + railService + ")");
            }
        }
        Objective obj;
        try {
            obj = Objective.parse(objective);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("objective", e.getMessage());
        }
        if (tonnes != null) RouteParameters.TONNES.check(tonnes, null, publicRequest);
        if (maxRisk != null) RouteParameters.MAX_RISK.check(maxRisk, null, publicRequest);
        if (from == null || from.isBlank()) throw new InvalidRequestException("from", "missing origin");
        if (to == null || to.isBlank()) throw new InvalidRequestException("to", "missing destination");
        Node a = places.resolve(from, "from");
        Node b = places.resolve(to, "to");
        List<String> viaIds = new ArrayList<>();
        for (String v : via) {
            if (!v.isBlank()) viaIds.add(places.resolve(v, "via").id());
        }
        Set<String> avoidCodes = new LinkedHashSet<>();
        for (String c : avoid) {
            if (c.isBlank()) continue;
            avoidCodes.add(country("avoid", c).alpha2());
        }
        Set<String> closedNodes = new LinkedHashSet<>();
        Set<String> closedLinks = new LinkedHashSet<>();
        for (String c : close) {
            if (c.isBlank()) continue;
            PlaceIndex.Closure closure = places.resolveClosure(c);
            closedNodes.addAll(closure.nodes());
            closedLinks.addAll(closure.links());
        }
        for (String p : avoidPassage) {
            if (p.isBlank()) continue;
            org.caravan.network.Passages.Passage passage = org.caravan.network.Passages.embedded().byName(p)
                    .orElseThrow(() -> new InvalidRequestException("avoid_passage", "unknown passage '" + p
                            + "'; known: " + String.join(", ", org.caravan.network.Passages.embedded().all().stream()
                            .map(org.caravan.network.Passages.Passage::name).toList())));
            for (String id : passage.links()) if (places.hasLink(id)) closedLinks.add(id);
        }
        Set<Mode> modeSet = new LinkedHashSet<>();
        for (String m : modes) {
            if (m.isBlank()) continue;
            Mode mode;
            try {
                mode = Mode.parse(m);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("modes", e.getMessage());
            }
            if (!mode.isCarrier()) {
                throw new InvalidRequestException("modes",
                        "crossings follow the cargo's mode; give rail, road, sea or ferry");
            }
            modeSet.add(mode);
        }
        Map<String, Double> penaltyMap = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : penalties.entrySet()) {
            String cc = country("penalty", e.getKey()).alpha2();
            Double usd = e.getValue();
            if (usd == null) throw new InvalidRequestException("penalty", e.getKey() + ": missing USD amount");
            RouteParameters.PENALTY.check(usd, e.getKey(), publicRequest);
            penaltyMap.put(cc, usd);
        }
        java.time.LocalDateTime departure = null;
        if (depart != null) {
            try {
                departure = java.time.LocalDateTime.parse(depart);
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidRequestException("depart", "expected a local date and time such as "
                        + "2027-03-01T08:00, got '" + depart + "'");
            }
            if (departure.getYear() < 1900 || departure.getYear() > 2200) {
                throw new InvalidRequestException("depart", "expected a year from 1900 to 2200, got "
                        + departure.getYear());
            }
        }
        return RouteRequest.builder(a.id(), b.id()).via(viaIds).cargo(priced).tonnes(tonnes).objective(obj)
                .avoid(avoidCodes).closedNodes(closedNodes).closedLinks(closedLinks).modes(modeSet)
                .includePlanned(includePlanned).maxRisk(maxRisk).penalties(penaltyMap).depart(departure).build();
    }

    /**
     * How many routes to find and how hard to search, checked against {@link RouteParameters} (the public bounds
     * for a request from the network).
     *
     * @throws InvalidRequestException naming the field
     */
    public PlanOptions planOptions() {
        PlanOptions d = PlanOptions.DEFAULTS;
        if (alternatives != null) RouteParameters.ALTERNATIVES.check(alternatives, null, publicRequest);
        if (pareto && alternatives != null) {
            throw new InvalidRequestException("pareto", "choose either pareto or alternatives, not both");
        }
        double tol = paretoTolerance == null ? d.paretoTolerance()
                : RouteParameters.PARETO_TOLERANCE.check(paretoTolerance, null, publicRequest);
        int labels = maxLabels == null ? d.maxLabels()
                : (int) RouteParameters.MAX_LABELS.check(maxLabels, null, publicRequest);
        long budget = budgetMillis == null ? d.budgetMillis()
                : (long) RouteParameters.BUDGET_MS.check(budgetMillis, null, publicRequest);
        if (samples != null) RouteParameters.SAMPLES.check(samples, null, publicRequest);
        if (seed != null && seed < 0) RouteParameters.SEED.check(seed, null, publicRequest);
        // One alternative is one route: the plain search (the same answer, reported as a single route).
        Integer alt = alternatives != null && alternatives == 1 ? null : alternatives;
        return new PlanOptions(alt, pareto, tol, labels, budget, samples, seed);
    }

    private static Country country(String field, String input) {
        try {
            return Countries.embedded().resolve(input);
        } catch (UnknownCountryException e) {
            throw new InvalidRequestException(field, e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RouteQuery q && toString().equals(q.toString());
    }

    @Override
    public int hashCode() { return toString().hashCode(); }

    @Override
    public String toString() {
        return "RouteQuery[from=" + from + ", to=" + to + ", via=" + via + ", cargo=" + cargo + ", rail_service=" + railService + ", tonnes=" + tonnes
                + ", objective=" + objective + ", avoid=" + avoid + ", close=" + close + ", avoid_passage=" + avoidPassage + ", modes=" + modes
                + ", includePlanned=" + includePlanned + ", maxRisk=" + maxRisk + ", penalties=" + penalties
                + ", depart=" + depart
                + ", alternatives=" + alternatives + ", pareto=" + pareto + ", paretoTolerance=" + paretoTolerance
                + ", maxLabels=" + maxLabels + ", budgetMillis=" + budgetMillis + ", samples=" + samples
                + ", seed=" + seed + ", public=" + publicRequest + "]";
    }

    /** Builds a {@link RouteQuery}; every setter accepts null for "not given". */
    public static final class Builder {
        private String from;
        private String to;
        private final List<String> via = new ArrayList<>();
        private String cargo;
        private String railService;
        private Double tonnes;
        private String objective;
        private final List<String> avoid = new ArrayList<>();
        private final List<String> close = new ArrayList<>();
        private final List<String> avoidPassage = new ArrayList<>();
        private final List<String> modes = new ArrayList<>();
        private boolean includePlanned;
        private Double maxRisk;
        private final Map<String, Double> penalties = new LinkedHashMap<>();
        private String depart;
        private Integer alternatives;
        private boolean pareto;
        private Double paretoTolerance;
        private Integer maxLabels;
        private Long budgetMillis;
        private Integer samples;
        private Long seed;
        private boolean publicRequest;

        private Builder() {}

        public Builder from(String v) { from = v; return this; }

        public Builder to(String v) { to = v; return this; }

        public Builder via(List<String> v) { via.clear(); if (v != null) via.addAll(v); return this; }

        public Builder cargo(String v) { cargo = v; return this; }

        /** regular (null: the default) or express; checked by {@link #resolve}. */
        public Builder railService(String v) { railService = v; return this; }

        public Builder tonnes(Double v) { tonnes = v; return this; }

        public Builder objective(String v) { objective = v; return this; }

        public Builder avoid(List<String> v) { avoid.clear(); if (v != null) avoid.addAll(v); return this; }

        public Builder close(List<String> v) { close.clear(); if (v != null) close.addAll(v); return this; }

        public Builder avoidPassage(List<String> v) {
            avoidPassage.clear();
            if (v != null) avoidPassage.addAll(v);
            return this;
        }

        public Builder modes(List<String> v) { modes.clear(); if (v != null) modes.addAll(v); return this; }

        public Builder includePlanned(boolean v) { includePlanned = v; return this; }

        public Builder maxRisk(Double v) { maxRisk = v; return this; }

        public Builder penalties(Map<String, Double> v) { penalties.clear(); if (v != null) penalties.putAll(v); return this; }

        /** Departure, local time at the origin, as ISO text (2027-03-01T08:00); checked by {@link #resolve}. */
        public Builder depart(String v) { depart = v; return this; }

        public Builder alternatives(Integer v) { alternatives = v; return this; }

        public Builder pareto(boolean v) { pareto = v; return this; }

        public Builder paretoTolerance(Double v) { paretoTolerance = v; return this; }

        public Builder maxLabels(Integer v) { maxLabels = v; return this; }

        public Builder budgetMillis(Long v) { budgetMillis = v; return this; }

        public Builder samples(Integer v) { samples = v; return this; }

        public Builder seed(Long v) { seed = v; return this; }

        /** A request from anyone on the network (the HTTP API): the tighter public bounds hold. */
        public Builder publicRequest(boolean v) { publicRequest = v; return this; }

        /**
         * Sets the parameter {@code name} of {@link RouteParameters} from text as a person typed it (each value may
         * be a comma-separated list). Front ends that receive text, such as the HTTP API, call this for every
         * parameter of the table.
         *
         * @throws InvalidRequestException naming the parameter when the text does not parse or the name is unknown
         */
        public Builder parameter(String name, List<String> values) {
            RouteParameter p = RouteParameters.byName(name)
                    .orElseThrow(() -> new InvalidRequestException(name, "unknown route parameter '" + name + "'"));
            List<String> items = new ArrayList<>();
            for (String v : values) {
                if (v == null) continue;
                if (p.kind().isList()) {
                    for (String part : v.split(",")) if (!part.isBlank()) items.add(part.trim());
                } else if (!v.isBlank()) {
                    items.add(v.trim());
                }
            }
            if (items.isEmpty()) return this;
            if (!p.kind().isList() && items.size() > 1) {
                throw new InvalidRequestException(name, "give one value, got " + items.size());
            }
            String one = items.get(0);
            switch (name) {
                case "from" -> from(one);
                case "to" -> to(one);
                case "via" -> via(items);
                case "cargo" -> cargo(one);
                case "rail_service" -> railService(one.toLowerCase(Locale.ROOT));
                case "tonnes" -> tonnes(number(p, one));
                case "objective" -> objective(one);
                case "avoid" -> avoid(items);
                case "close" -> close(items);
                case "avoid_passage" -> avoidPassage(items);
                case "modes" -> modes(items);
                case "include_planned" -> includePlanned(bool(p, one));
                case "max_risk" -> maxRisk(number(p, one));
                case "penalty" -> penalties(amounts(p, items));
                case "depart" -> depart(one);
                case "samples" -> samples((int) whole(p, one));
                case "seed" -> seed(whole(p, one));
                case "alternatives" -> alternatives((int) whole(p, one));
                case "pareto" -> pareto(bool(p, one));
                case "pareto_tolerance" -> paretoTolerance(number(p, one));
                case "max_labels" -> maxLabels((int) whole(p, one));
                case "budget_ms" -> budgetMillis(whole(p, one));
                case "capacities" -> throw new InvalidRequestException(name, "is a table (a file, or an upload field),"
                        + " not a value of the route question");
                default -> throw new IllegalStateException("route parameter " + name + " has no setter");
            }
            return this;
        }

        public RouteQuery build() { return new RouteQuery(this); }

        private double number(RouteParameter p, String text) {
            double d;
            try {
                d = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new InvalidRequestException(p.name(), "expected a number, got '" + text + "'");
            }
            return p.check(d, null, publicRequest);
        }

        /** A whole number within the parameter's range (checked here, so no int cast can wrap around). */
        private long whole(RouteParameter p, String text) {
            long v;
            try {
                v = Long.parseLong(text);
            } catch (NumberFormatException e) {
                try {
                    new java.math.BigInteger(text);
                } catch (NumberFormatException e2) {
                    throw new InvalidRequestException(p.name(), "expected a whole number, got '" + text + "'");
                }
                throw new InvalidRequestException(p.name(), "expected " + p.rangeText(publicRequest) + ", got "
                        + text);
            }
            java.math.BigDecimal b = java.math.BigDecimal.valueOf(v);
            java.math.BigDecimal hi = p.effectiveMax(publicRequest);
            if ((p.min() != null && b.compareTo(p.min()) < 0) || (hi != null && b.compareTo(hi) > 0)) {
                throw new InvalidRequestException(p.name(), "expected " + p.rangeText(publicRequest) + ", got " + v);
            }
            return v;
        }

        private static boolean bool(RouteParameter p, String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on" -> true;
                case "false", "0", "no", "off" -> false;
                default -> throw new InvalidRequestException(p.name(), "expected true or false, got '" + text + "'");
            };
        }

        private Map<String, Double> amounts(RouteParameter p, List<String> items) {
            Map<String, Double> out = new LinkedHashMap<>();
            for (String item : items) {
                int eq = item.indexOf('=');
                if (eq <= 0) throw new InvalidRequestException(p.name(), "expected COUNTRY=USD, got '" + item + "'");
                String key = item.substring(0, eq).trim();
                String amount = item.substring(eq + 1).trim();
                double usd;
                try {
                    usd = Double.parseDouble(amount);
                } catch (NumberFormatException e) {
                    throw new InvalidRequestException(p.name(), "expected COUNTRY=USD with a number, got '" + item
                            + "'");
                }
                out.put(key, p.check(usd, key, publicRequest));
            }
            return out;
        }
    }
}
