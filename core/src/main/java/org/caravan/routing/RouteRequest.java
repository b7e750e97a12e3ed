package org.caravan.routing;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.caravan.network.Mode;

/**
 * One routing question, with places already resolved to node ids.
 *
 * @param via            node ids the route must pass, in order
 * @param cargo          cost-model profile name ("bulk", "container")
 * @param tonnes         shipment size in tonnes; {@code null} means one cargo unit (a tonne, or one box)
 * @param avoidCountries ISO2 codes the route may not enter
 * @param closedNodes    node ids the route may not use
 * @param closedLinks    link ids (including crossings) the route may not use
 * @param modes          modes the cargo may travel in; crossings follow the mode the cargo is in
 * @param includePlanned also use links under construction or planned (never closed ones)
 * @param maxRisk        if set, the route may not enter countries whose combined risk score exceeds it
 * @param countryPenalties ISO2 → USD per cargo unit added each time the route enters that country: a soft
 *                       "prefer not via", unlike {@code avoidCountries} which forbids
 * @param depart         departure, local time at the origin: the route is timed to the clock (opening hours,
 *                       timetables); null for expected waits
 */
public record RouteRequest(
        String from,
        String to,
        List<String> via,
        String cargo,
        Double tonnes,
        Objective objective,
        Set<String> avoidCountries,
        Set<String> closedNodes,
        Set<String> closedLinks,
        Set<Mode> modes,
        boolean includePlanned,
        Double maxRisk,
        Map<String, Double> countryPenalties,
        java.time.LocalDateTime depart) {

    /** A request without a departure time (expected waits). */
    public RouteRequest(String from, String to, List<String> via, String cargo, Double tonnes, Objective objective,
            Set<String> avoidCountries, Set<String> closedNodes, Set<String> closedLinks, Set<Mode> modes,
            boolean includePlanned, Double maxRisk, Map<String, Double> countryPenalties) {
        this(from, to, via, cargo, tonnes, objective, avoidCountries, closedNodes, closedLinks, modes, includePlanned,
                maxRisk, countryPenalties, null);
    }

    /**
     * The cargo profile the user named, without the rail service class ({@code cargo} carries the class as
     * {@code container@express} when the express class was asked for: {@link org.caravan.cost.CostModel#serviceKey}).
     */
    public String cargoProfile() {
        int at = cargo.indexOf(org.caravan.cost.CostModel.SERVICE_SEPARATOR);
        return at < 0 ? cargo : cargo.substring(0, at);
    }

    /** The rail service class: {@code regular} (the default) or {@code express}. */
    public String railService() {
        int at = cargo.indexOf(org.caravan.cost.CostModel.SERVICE_SEPARATOR);
        return at < 0 ? "regular" : cargo.substring(at + 1);
    }

    public RouteRequest withDepart(java.time.LocalDateTime d) {
        return new RouteRequest(from, to, via, cargo, tonnes, objective, avoidCountries, closedNodes, closedLinks,
                modes, includePlanned, maxRisk, countryPenalties, d);
    }

    public RouteRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        via = via == null ? List.of() : List.copyOf(via);
        cargo = cargo == null ? "container" : cargo;
        objective = objective == null ? Objective.COST : objective;
        avoidCountries = avoidCountries == null ? Set.of() : Set.copyOf(avoidCountries);
        closedNodes = closedNodes == null ? Set.of() : Set.copyOf(closedNodes);
        closedLinks = closedLinks == null ? Set.of() : Set.copyOf(closedLinks);
        modes = modes == null || modes.isEmpty() ? Set.copyOf(EnumSet.copyOf(Mode.CARRIER_MODES)) : Set.copyOf(modes);
        if (tonnes != null && !(tonnes > 0 && Double.isFinite(tonnes))) {
            throw new IllegalArgumentException("tonnes must be a positive number, got " + tonnes);
        }
        if (maxRisk != null && !(maxRisk >= 0 && maxRisk <= 1)) {
            throw new IllegalArgumentException("max risk is a score from 0 to 1, got " + maxRisk);
        }
        countryPenalties = countryPenalties == null ? Map.of() : Map.copyOf(countryPenalties);
        countryPenalties.forEach((c, usd) -> {
            if (!(usd >= 0 && Double.isFinite(usd))) {
                throw new IllegalArgumentException("penalty for " + c + " must be a non-negative number, got " + usd);
            }
        });
    }

    /** A request without risk limits or penalties. */
    public RouteRequest(String from, String to, List<String> via, String cargo, Double tonnes, Objective objective,
            Set<String> avoidCountries, Set<String> closedNodes, Set<String> closedLinks, Set<Mode> modes,
            boolean includePlanned) {
        this(from, to, via, cargo, tonnes, objective, avoidCountries, closedNodes, closedLinks, modes, includePlanned,
                null, Map.of());
    }

    /** A request with defaults: container, cost objective, no restrictions. */
    public static RouteRequest of(String from, String to) {
        return new RouteRequest(from, to, List.of(), "container", null, Objective.COST, Set.of(), Set.of(), Set.of(),
                Set.of(), false, null, Map.of());
    }

    public RouteRequest withCargo(String c) {
        return new RouteRequest(from, to, via, c, tonnes, objective, avoidCountries, closedNodes, closedLinks, modes,
                includePlanned, maxRisk, countryPenalties, depart);
    }

    public RouteRequest withObjective(Objective o) {
        return new RouteRequest(from, to, via, cargo, tonnes, o, avoidCountries, closedNodes, closedLinks, modes,
                includePlanned, maxRisk, countryPenalties, depart);
    }

    public RouteRequest withAvoid(Set<String> countries) {
        return new RouteRequest(from, to, via, cargo, tonnes, objective, countries, closedNodes, closedLinks, modes,
                includePlanned, maxRisk, countryPenalties, depart);
    }

    public RouteRequest withClosed(Set<String> nodes, Set<String> links) {
        return new RouteRequest(from, to, via, cargo, tonnes, objective, avoidCountries, nodes, links, modes,
                includePlanned, maxRisk, countryPenalties, depart);
    }

    public RouteRequest withModes(Set<Mode> m) {
        return new RouteRequest(from, to, via, cargo, tonnes, objective, avoidCountries, closedNodes, closedLinks, m,
                includePlanned, maxRisk, countryPenalties, depart);
    }

    public RouteRequest withIncludePlanned(boolean p) {
        return new RouteRequest(from, to, via, cargo, tonnes, objective, avoidCountries, closedNodes, closedLinks,
                modes, p, maxRisk, countryPenalties, depart);
    }

    public RouteRequest withVia(List<String> v) {
        return new RouteRequest(from, to, v, cargo, tonnes, objective, avoidCountries, closedNodes, closedLinks,
                modes, includePlanned, maxRisk, countryPenalties, depart);
    }

    public RouteRequest withTonnes(Double t) {
        return new RouteRequest(from, to, via, cargo, t, objective, avoidCountries, closedNodes, closedLinks,
                modes, includePlanned, maxRisk, countryPenalties, depart);
    }

    public RouteRequest withMaxRisk(Double r) {
        return new RouteRequest(from, to, via, cargo, tonnes, objective, avoidCountries, closedNodes, closedLinks,
                modes, includePlanned, r, countryPenalties, depart);
    }

    public RouteRequest withPenalties(Map<String, Double> p) {
        return new RouteRequest(from, to, via, cargo, tonnes, objective, avoidCountries, closedNodes, closedLinks,
                modes, includePlanned, maxRisk, p, depart);
    }

    public RouteRequest withTo(String t) {
        return new RouteRequest(from, t, via, cargo, tonnes, objective, avoidCountries, closedNodes, closedLinks,
                modes, includePlanned, maxRisk, countryPenalties, depart);
    }

    /**
     * The restrictions the user set, as data, values sorted: avoided countries, the risk limit, closures, modes
     * (when not all) and via points. Operational-links-only, the default, is not listed.
     */
    public List<Restriction> restrictions() {
        List<Restriction> out = new java.util.ArrayList<>();
        if (!avoidCountries.isEmpty()) out.add(new Restriction(Restriction.Kind.AVOID, sorted(avoidCountries)));
        if (maxRisk != null) {
            out.add(new Restriction(Restriction.Kind.MAX_RISK, List.of(java.math.BigDecimal.valueOf(maxRisk)
                    .stripTrailingZeros().toPlainString())));
        }
        // closed links of a named sea passage are the passage's restriction, so that a refusal names the passage
        org.caravan.network.Passages passages = org.caravan.network.Passages.embedded();
        java.util.Set<String> passageNames = new java.util.TreeSet<>();
        java.util.Set<String> closed = new java.util.TreeSet<>(closedNodes);
        for (String l : closedLinks) {
            var p = passages.ofLink(l);
            if (p.isPresent()) passageNames.add(p.get().name());
            else closed.add(l);
        }
        if (!closed.isEmpty()) out.add(new Restriction(Restriction.Kind.CLOSE, List.copyOf(closed)));
        if (!passageNames.isEmpty()) out.add(new Restriction(Restriction.Kind.AVOID_PASSAGE, List.copyOf(passageNames)));
        if (!modes.containsAll(Mode.CARRIER_MODES)) {
            out.add(new Restriction(Restriction.Kind.MODES, sorted(modes.stream().map(Mode::code).toList())));
        }
        if (!via.isEmpty()) out.add(new Restriction(Restriction.Kind.VIA, via));
        return out;
    }

    private static List<String> sorted(java.util.Collection<String> c) {
        return c.stream().sorted().toList();
    }

    /** A builder for a request between two node ids, with the defaults of {@link #of}. */
    public static Builder builder(String from, String to) { return new Builder(from, to); }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        return new Builder(from, to).via(via).cargo(cargo).tonnes(tonnes).objective(objective).avoid(avoidCountries)
                .closedNodes(closedNodes).closedLinks(closedLinks).modes(modes).includePlanned(includePlanned)
                .maxRisk(maxRisk).penalties(countryPenalties).depart(depart);
    }

    /** Builds a {@link RouteRequest}; unset fields take the defaults of {@link #of}. */
    public static final class Builder {
        private String from;
        private String to;
        private List<String> via = List.of();
        private String cargo = "container";
        private Double tonnes;
        private Objective objective = Objective.COST;
        private Set<String> avoid = Set.of();
        private Set<String> closedNodes = Set.of();
        private Set<String> closedLinks = Set.of();
        private Set<Mode> modes = Set.of();
        private boolean includePlanned;
        private Double maxRisk;
        private Map<String, Double> penalties = Map.of();
        private java.time.LocalDateTime depart;

        private Builder(String from, String to) {
            this.from = from;
            this.to = to;
        }

        public Builder from(String v) { from = v; return this; }

        public Builder to(String v) { to = v; return this; }

        public Builder via(List<String> v) { via = v; return this; }

        public Builder cargo(String v) { cargo = v; return this; }

        public Builder tonnes(Double v) { tonnes = v; return this; }

        public Builder objective(Objective v) { objective = v; return this; }

        public Builder avoid(Set<String> v) { avoid = v; return this; }

        public Builder closedNodes(Set<String> v) { closedNodes = v; return this; }

        public Builder closedLinks(Set<String> v) { closedLinks = v; return this; }

        public Builder modes(Set<Mode> v) { modes = v; return this; }

        public Builder includePlanned(boolean v) { includePlanned = v; return this; }

        public Builder maxRisk(Double v) { maxRisk = v; return this; }

        public Builder penalties(Map<String, Double> v) { penalties = v; return this; }

        public Builder depart(java.time.LocalDateTime v) { depart = v; return this; }

        public RouteRequest build() {
            return new RouteRequest(from, to, via, cargo, tonnes, objective, avoid, closedNodes, closedLinks, modes,
                    includePlanned, maxRisk, penalties, depart);
        }
    }
}
