package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.caravan.cost.CargoProfile;
import org.caravan.cost.CostModel;
import org.caravan.cost.CostModelLoader;
import org.caravan.cost.Handling;
import org.caravan.cost.ModeRates;
import org.caravan.network.Cargo;
import org.caravan.network.Carrier;
import org.caravan.network.Confidence;
import org.caravan.network.CrossingTimes;
import org.caravan.network.Gauge;
import org.caravan.network.Link;
import org.caravan.network.LinkStatus;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.network.NodeKind;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * Checks the router against an explicit, independently written state graph solved by JGraphT's Dijkstra, on
 * random small multimodal networks with random restrictions, and checks structural properties of the routes.
 *
 * <p>The reference follows the documented semantics only (it does not use {@code LinkCosts},
 * {@code Carrier.canUse} or {@code CargoProfile.transship}): vertices are (via layer, node, carrier) plus a
 * super-source, whose edges pay the starting mode's fixed cost, and a super-sink.
 */
class RouterReferenceProperties {
    /** The objectives whose optimum is a sum over moves, so a shortest-path reference can check it. */
    static final List<Objective> DECOMPOSABLE = List.of(Objective.COST, Objective.TIME, Objective.DISTANCE,
            Objective.CO2);

    private static final CostModel DEFAULTS = CostModelLoader.defaults();
    private static final String[] COUNTRIES = {"KZ", "CN", "PK", "AF", "UZ"};

    // ======================================================================= scenarios

    record Scenario(long seed, Network network, CostModel model, RouteRequest request, String description) {
        @Override
        public String toString() { return description; }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(Arbitraries.integers().between(4, 12), Arbitraries.integers().between(1, 3),
                Arbitraries.longs()).as(RouterReferenceProperties::scenario);
    }

    static Scenario scenario(int nodeCount, int countryCount, long seed) {
        Random rnd = new Random(seed);
        List<String> pool = new ArrayList<>(List.of(COUNTRIES));
        java.util.Collections.shuffle(pool, rnd);
        List<String> countries = pool.subList(0, countryCount);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            boolean sea = rnd.nextDouble() < 0.08;
            Set<Cargo> handles = switch (rnd.nextInt(4)) {
                case 0 -> Set.of(Cargo.CONTAINER);
                case 1 -> Set.of(Cargo.BULK);
                case 2 -> Set.of(Cargo.CONTAINER, Cargo.BULK);
                default -> Set.of();
            };
            nodes.add(new Node("N" + i, "Node " + i, List.of(), sea ? "XX" : countries.get(rnd.nextInt(countryCount)),
                    sea ? NodeKind.SEA_WAYPOINT : NodeKind.JUNCTION, 0, 0, handles, rnd.nextDouble() < 0.45,
                    rnd.nextDouble() < 0.45, "test", Confidence.ESTIMATED, ""));
        }
        int linkCount = nodeCount + rnd.nextInt(2 * nodeCount + 1);
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < linkCount; i++) {
            int a = rnd.nextInt(nodeCount);
            int b = (a + 1 + rnd.nextInt(nodeCount - 1)) % nodeCount;
            links.add(randomLink("L" + i, "N" + a, "N" + b, rnd));
        }
        Network network = Nets.net(nodes, links);
        CostModel model = rnd.nextBoolean() ? DEFAULTS : randomModel(rnd);
        RouteRequest request = randomRequest(network, rnd);
        StringBuilder sb = new StringBuilder("Scenario(nodes=" + nodeCount + ", countries=" + countryCount
                + ", seed=" + seed + "L, model=" + (model == DEFAULTS ? "defaults" : "random") + ")\n  " + request);
        for (Node n : nodes) {
            sb.append("\n  ").append(n.id()).append(' ').append(n.country()).append(n.transship() ? " transship" : "")
                    .append(n.gaugeChange() ? " gauge_change" : "").append(" handles=").append(n.handles());
        }
        for (Link l : links) {
            sb.append("\n  ").append(l.id()).append(' ').append(l.from()).append(l.oneway() ? "->" : "<->")
                    .append(l.to()).append(' ').append(l.mode()).append(l.gauges()).append(" km=").append(l.km())
                    .append(' ').append(l.status()).append(l.isCrossing() ? " carries=" + l.carries() + " fwd="
                            + l.forward() + " back=" + l.backward() : " hours=" + l.hours() + " wait=" + l.waitHours());
        }
        return new Scenario(seed, network, model, request, sb.toString());
    }

    private static Link randomLink(String id, String from, String to, Random rnd) {
        double p = rnd.nextDouble();
        Mode mode = p < 0.35 ? Mode.RAIL : p < 0.6 ? Mode.ROAD : p < 0.7 ? Mode.SEA : p < 0.8 ? Mode.FERRY
                : Mode.CROSSING;
        double q = rnd.nextDouble();
        LinkStatus status = q < 0.65 ? LinkStatus.OPERATIONAL : q < 0.77 ? LinkStatus.PLANNED
                : q < 0.89 ? LinkStatus.UNDER_CONSTRUCTION : LinkStatus.CLOSED;
        boolean oneway = rnd.nextDouble() < 0.15;
        double km = 1 + rnd.nextInt(900) + rnd.nextDouble();
        Gauge[] gauges = Gauge.values();
        if (mode == Mode.CROSSING) {
            Set<Mode> carries = EnumSet.noneOf(Mode.class);
            for (Mode m : Mode.CARRIER_MODES) {
                double chance = m == Mode.ROAD || m == Mode.RAIL ? 0.6 : 0.15;
                if (rnd.nextDouble() < chance) carries.add(m);
            }
            if (carries.isEmpty()) carries.add(Mode.ROAD);
            Set<Gauge> gs = EnumSet.noneOf(Gauge.class);
            if (rnd.nextBoolean()) for (Gauge g : gauges) if (rnd.nextBoolean()) gs.add(g);
            CrossingTimes fwd = randomTimes(rnd);
            CrossingTimes back = rnd.nextBoolean() ? null : randomTimes(rnd);
            return new Link(id, "", from, to, Mode.CROSSING, gs, Math.min(km, 20), OptionalDouble.empty(), 0, status,
                    oneway, carries, fwd, back, null, null, "test", Confidence.ESTIMATED, "");
        }
        Set<Gauge> gs = mode == Mode.RAIL ? Set.of(gauges[rnd.nextInt(gauges.length)]) : Set.of();
        double hoursChance = mode == Mode.SEA || mode == Mode.FERRY ? 0.5 : 0.1;
        OptionalDouble hours = rnd.nextDouble() < hoursChance ? OptionalDouble.of(0.5 + rnd.nextInt(100))
                : OptionalDouble.empty();
        double wait = rnd.nextDouble() < 0.3 ? rnd.nextInt(48) : 0;
        return new Link(id, "", from, to, mode, gs, km, hours, wait, status, oneway, null, null, null, null, null,
                "test", Confidence.ESTIMATED, "");
    }

    private static CrossingTimes randomTimes(Random rnd) {
        double mean = rnd.nextInt(60) + rnd.nextDouble();
        return new CrossingTimes(mean, mean + rnd.nextInt(40), rnd.nextDouble() < 0.2 ? 0 : rnd.nextInt(400));
    }

    private static CostModel randomModel(Random rnd) {
        Map<String, CargoProfile> profiles = new HashMap<>();
        for (String name : List.of("container", "bulk")) {
            Map<Mode, ModeRates> modes = new HashMap<>();
            Map<Mode, Double> perVehicle = new HashMap<>();
            for (Mode m : Mode.CARRIER_MODES) {
                Map<String, Double> perKm = new HashMap<>();
                Map<String, Double> speed = new HashMap<>();
                for (String c : COUNTRIES) {
                    if (rnd.nextDouble() < 0.3) perKm.put(c, 0.01 + 3 * rnd.nextDouble());
                    if (rnd.nextDouble() < 0.3) speed.put(c, 5 + 80 * rnd.nextDouble());
                }
                modes.put(m, new ModeRates(rnd.nextDouble() < 0.2 ? 0 : 300 * rnd.nextDouble(),
                        0.01 + 3 * rnd.nextDouble(), 5 + 80 * rnd.nextDouble(), perKm, speed));
                perVehicle.put(m, 1.0 + rnd.nextInt(100));
            }
            Map<String, Handling> transship = new HashMap<>();
            transship.put("default", randomHandling(rnd));
            for (Mode a : Mode.CARRIER_MODES) {
                for (Mode b : Mode.CARRIER_MODES) {
                    if (a != b && rnd.nextDouble() < 0.3) transship.put(a.code() + "-" + b.code(), randomHandling(rnd));
                }
            }
            profiles.put(name, new CargoProfile(name, name.equals("bulk") ? "tonne" : "box",
                    name.equals("bulk") ? 1 : 1 + rnd.nextInt(30), 2 * rnd.nextDouble(), modes, perVehicle, transship,
                    randomHandling(rnd)));
        }
        Map<Mode, Double> co2 = new HashMap<>();
        for (Mode m : Mode.CARRIER_MODES) co2.put(m, 0.001 + 0.1 * rnd.nextDouble());
        return new CostModel(profiles, co2, Map.of());
    }

    /** Handling costs are positive so that no optimal route carries a pointless transfer. */
    private static Handling randomHandling(Random rnd) {
        return new Handling(0.5 + 400 * rnd.nextDouble(), 0.1 + 48 * rnd.nextDouble());
    }

    private static RouteRequest randomRequest(Network net, Random rnd) {
        int n = net.nodeCount();
        int from = rnd.nextInt(n);
        int to = (from + 1 + rnd.nextInt(n - 1)) % n;
        String fromId = net.node(from).id();
        String toId = net.node(to).id();
        Set<String> avoid = new TreeSet<>();
        if (rnd.nextDouble() < 0.3) {
            Set<String> countries = new TreeSet<>();
            for (Node node : net.nodes()) countries.add(node.country());
            countries.remove("XX");
            countries.remove(net.node(from).country());
            countries.remove(net.node(to).country());
            if (!countries.isEmpty()) avoid.add(new ArrayList<>(countries).get(rnd.nextInt(countries.size())));
        }
        List<String> usable = new ArrayList<>();
        for (Node node : net.nodes()) {
            if (!avoid.contains(node.country()) && !node.id().equals(fromId) && !node.id().equals(toId)) {
                usable.add(node.id());
            }
        }
        List<String> via = new ArrayList<>();
        if (rnd.nextDouble() < 0.3) {
            int count = 1 + rnd.nextInt(2);
            List<String> candidates = new ArrayList<>(usable);
            candidates.add(fromId);
            candidates.add(toId);
            for (int i = 0; i < count; i++) via.add(candidates.get(rnd.nextInt(candidates.size())));
        }
        Set<String> closedNodes = new TreeSet<>();
        if (rnd.nextDouble() < 0.3) {
            for (int i = 0; i < 2; i++) {
                String c = usable.isEmpty() ? null : usable.get(rnd.nextInt(usable.size()));
                if (c != null && !via.contains(c)) closedNodes.add(c);
            }
        }
        Set<String> closedLinks = new TreeSet<>();
        if (rnd.nextDouble() < 0.3) {
            for (int i = 0; i < 2; i++) closedLinks.add(net.link(rnd.nextInt(net.linkCount())).id());
        }
        Set<Mode> modes = EnumSet.noneOf(Mode.class);
        if (rnd.nextDouble() < 0.3) {
            for (Mode m : Mode.CARRIER_MODES) if (rnd.nextBoolean()) modes.add(m);
        }
        String cargo = rnd.nextBoolean() ? "container" : "bulk";
        return new RouteRequest(fromId, toId, via, cargo, null, Objective.COST, avoid, closedNodes, closedLinks, modes,
                rnd.nextBoolean());
    }

    // ======================================================================= the reference

    record V(int layer, int node, Carrier carrier) {}

    private static final V SOURCE = new V(-1, -1, null);
    private static final V SINK = new V(-2, -2, null);

    /** The reference optimum of the objective per cargo unit, or NaN when the restrictions leave no route. */
    static double referenceOptimum(Network net, CostModel model, RouteRequest req) {
        GraphPath<V, DefaultWeightedEdge> path = referencePath(net, model, req);
        return path == null ? Double.NaN : path.getWeight();
    }

    static GraphPath<V, DefaultWeightedEdge> referencePath(Network net, CostModel model, RouteRequest req) {
        CargoProfile profile = model.profiles().get(req.cargo());
        Cargo cargo = profile.cargoClass();
        Objective obj = req.objective();
        double vot = profile.valueOfTimeUsdPerHour();
        int n = net.nodeCount();
        int layers = req.via().size() + 1;
        boolean[] nodeOk = new boolean[n];
        for (int v = 0; v < n; v++) {
            Node node = net.node(v);
            nodeOk[v] = !req.closedNodes().contains(node.id()) && !req.avoidCountries().contains(node.country());
        }
        List<Carrier> carriers = new ArrayList<>();
        for (Carrier c : Carrier.values()) if (req.modes().contains(c.mode())) carriers.add(c);

        DefaultDirectedWeightedGraph<V, DefaultWeightedEdge> g =
                new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        g.addVertex(SOURCE);
        g.addVertex(SINK);
        for (int layer = 0; layer < layers; layer++) {
            for (int v = 0; v < n; v++) {
                if (!nodeOk[v]) continue;
                for (Carrier c : carriers) g.addVertex(new V(layer, v, c));
            }
        }
        int from = idx(net, req.from());
        int to = idx(net, req.to());
        for (Carrier c : carriers) {
            double fixed = profile.modes().get(c.mode()).fixedUsd();
            edge(g, SOURCE, new V(0, from, c), weight(obj, vot, fixed, legDwell(profile, c, net.node(from)), 0, 0));
            edge(g, new V(layers - 1, to, c), SINK, 0);
            for (int layer = 0; layer < layers - 1; layer++) {
                int via = idx(net, req.via().get(layer));
                edge(g, new V(layer, via, c), new V(layer + 1, via, c), 0);
            }
        }
        // transfers
        for (int v = 0; v < n; v++) {
            if (!nodeOk[v]) continue;
            Node node = net.node(v);
            for (Carrier a : carriers) {
                for (Carrier b : carriers) {
                    if (a == b) continue;
                    double usd;
                    double hours;
                    Handling h;
                    if (a.mode() == b.mode()) { // rail gauges
                        if (!node.gaugeChange()) continue;
                        CargoProfile.NodeHandling own = profile.nodes().get(node.id());
                        h = own != null && own.gaugeChange() != null ? own.gaugeChange() : profile.gaugeChange();
                        usd = h.usd();
                        hours = h.hours() + ownFormation(own, b);
                    } else {
                        if (!node.transship()) continue;
                        if (!node.handles().isEmpty() && !node.handles().contains(cargo)) continue;
                        String pair = a.mode().code() + "-" + b.mode().code();
                        CargoProfile.NodeHandling own = profile.nodes().get(node.id());
                        h = own == null ? null : own.transship().getOrDefault(pair, own.transship().get("default"));
                        if (h == null) h = profile.transship().get(pair);
                        if (h == null) h = profile.transship().get("default");
                        usd = h.usd() + profile.modes().get(b.mode()).fixedUsd();
                        hours = h.hours() + legDwell(profile, b, node);
                    }
                    double hub = h.co2WtwKgPerTonne() * profile.tonnesPerUnit();
                    for (int layer = 0; layer < layers; layer++) {
                        edge(g, new V(layer, v, a), new V(layer, v, b), weight(obj, vot, usd, hours, 0, hub));
                    }
                }
            }
        }
        // links
        for (Link link : net.links()) {
            boolean statusOk = link.status() == LinkStatus.OPERATIONAL || (req.includePlanned()
                    && (link.status() == LinkStatus.PLANNED || link.status() == LinkStatus.UNDER_CONSTRUCTION));
            int a = idx(net, link.from());
            int b = idx(net, link.to());
            if (!statusOk || req.closedLinks().contains(link.id()) || !nodeOk[a] || !nodeOk[b]) continue;
            for (int dir = 0; dir < (link.oneway() ? 1 : 2); dir++) {
                int s = dir == 0 ? a : b;
                int t = dir == 0 ? b : a;
                Node start = net.node(s);
                for (Carrier c : carriers) {
                    if (!mayUse(c, link)) continue;
                    double[] cost = linkCost(link, start, c, profile, model, net.node(idx(net, req.from())).country(),
                            net.node(idx(net, req.to())).country());
                    double w = weight(obj, vot, cost[0], cost[1], cost[2], cost[3]);
                    for (int layer = 0; layer < layers; layer++) edge(g, new V(layer, s, c), new V(layer, t, c), w);
                }
            }
        }
        return new DijkstraShortestPath<>(g).getPath(SOURCE, SINK);
    }

    private static int idx(Network net, String id) {
        for (int i = 0; i < net.nodeCount(); i++) if (net.node(i).id().equals(id)) return i;
        throw new IllegalArgumentException(id);
    }

    /** A simple graph keeps the cheapest of parallel edges. */
    private static void edge(DefaultDirectedWeightedGraph<V, DefaultWeightedEdge> g, V a, V b, double w) {
        if (a.equals(b)) return;
        DefaultWeightedEdge e = g.getEdge(a, b);
        if (e == null) {
            e = g.addEdge(a, b);
            g.setEdgeWeight(e, w);
        } else if (w < g.getEdgeWeight(e)) {
            g.setEdgeWeight(e, w);
        }
    }

    private static double weight(Objective o, double vot, double usd, double hours, double km, double co2) {
        return switch (o) {
            case COST -> usd + vot * hours;
            case TIME -> hours;
            case DISTANCE -> km;
            case CO2 -> co2;
            case RELIABLE -> throw new IllegalArgumentException("a p90 objective has no additive reference");
        };
    }

    /** Whether cargo carried by {@code c} may travel along {@code link}, per the documented semantics. */
    static boolean mayUse(Carrier c, Link link) {
        if (link.mode() == Mode.CROSSING) {
            if (!link.carries().contains(c.mode())) return false;
            return c.mode() != Mode.RAIL || link.gauges().isEmpty() || link.gauges().contains(c.gauge());
        }
        if (link.mode() != c.mode()) return false;
        return c.mode() != Mode.RAIL || (link.gauges().size() == 1 && link.gauges().contains(c.gauge()));
    }

    /**
     * Terminal dwell of a leg in carrier {@code c} starting at {@code at}: origin terminal dwell, wagon or platform
     * supply (each by country, else the mode's), train formation (the station's own for a rail carrier of its gauge,
     * else half the country's departure interval, else the country's or the mode's mean) + destination.
     */
    static double legDwell(CargoProfile p, Carrier c, Node at) {
        ModeRates.Timing t = p.modes().get(c.mode()).timing();
        String cc = at.country();
        double origin = t.originDwellHoursByCountry().getOrDefault(cc, t.originDwellHours());
        double supply = t.supplyDwellHoursByCountry().getOrDefault(cc, t.supplyDwellHours());
        double formation = c.mode() == Mode.RAIL ? ownFormation(p.nodes().get(at.id()), c) : 0;
        if (formation == 0) {
            Double interval = t.formationIntervalHoursByCountry().get(cc);
            formation = interval != null ? interval / 2
                    : t.formationDwellHoursByCountry().getOrDefault(cc, t.formationDwellHours());
        }
        return origin + supply + formation + t.destinationDwellHours();
    }

    /** A station's own formation wait (mean) for trains in carrier {@code c}, 0 where it has none for that gauge. */
    static double ownFormation(CargoProfile.NodeHandling own, Carrier c) {
        if (own == null || own.formation() == null) return 0;
        if (own.formationGauge() != null && own.formationGauge() != c.gauge()) return 0;
        return own.formation().meanHours();
    }

    /** {usd, hours, km, co2} per unit for entering {@code link} at {@code start}. */
    static double[] linkCost(Link link, Node start, Carrier c, CargoProfile p, CostModel m) {
        return linkCost(link, start, c, p, m, null, null);
    }

    /**
     * As {@link #linkCost(Link, Node, Carrier, CargoProfile, CostModel)} for a shipment from country {@code origin}
     * to {@code destination}: a rail link in country C costs C's export level when only the origin is in C, its
     * import level when only the destination is, its transit level when neither is, where that level is given
     * (the rule of docs/COSTS.md, written out again here rather than called).
     */
    static double[] linkCost(Link link, Node start, Carrier c, CargoProfile p, CostModel m, String origin,
            String destination) {
        double usd;
        double hours;
        double co2;
        if (link.mode() == Mode.CROSSING) {
            org.caravan.cost.CrossingRule rule = m.timetables().crossing(link.id());
            if (rule != null) {
                var d = start.id().equals(link.from()) ? rule.forward() : rule.reverse();
                hours = d.waitHours() + rule.opening().expectedWaitHours();
                usd = d.feeUsd() / p.unitsPerVehicle().get(c.mode());
            } else {
                CrossingTimes t = start.id().equals(link.from()) ? link.forward() : link.backward();
                hours = t.meanHours();
                usd = t.feeUsd() / p.unitsPerVehicle().get(c.mode());
            }
            if (c.mode() == Mode.RAIL) {
                // interchange dwell at either border station of a rail crossing
                for (String station : List.of(link.from(), link.to())) {
                    CargoProfile.NodeHandling own = p.nodes().get(station);
                    if (own != null && own.interchange() != null) {
                        hours += own.interchange().hours();
                        usd += own.interchange().usd();
                    }
                }
            }
        } else {
            ModeRates r = p.modes().get(c.mode());
            String country = start.country();
            Double perKm = r.perKmUsdByCountry().get(country);
            Double speed = r.speedKmhByCountry().get(country);
            usd = link.km() * (perKm != null ? perKm : r.perKmUsd());
            if (c.mode() == Mode.RAIL && origin != null) {
                boolean starts = country.equals(origin);
                boolean ends = country.equals(destination);
                Double level = starts && ends ? null : starts ? r.levels().export().get(country)
                        : ends ? r.levels().imports().get(country) : r.levels().transit().get(country);
                if (level != null) usd = link.km() * level;
            }
            ModeRates.Timing t = r.timing();
            double run;
            org.caravan.cost.Service service = m.timetables().service(link.id());
            if (service != null && !Double.isNaN(service.sailingSpeedKmh())) {
                run = link.km() / service.sailingSpeedKmh();
            } else if (link.hours().isPresent()) {
                run = link.hours().getAsDouble();
            } else {
                // The search's road hours are driving and checkpoints; the drivers' rest is counted over the
                // assembled trip (DriverRest), not per link.
                double driving = link.km() / (speed != null ? speed : r.speedKmh());
                run = driving
                        + link.km() / 100 * t.checkpointWaitPer100kmHoursByCountry().getOrDefault(country, 0.0);
            }
            double wait = service != null && service.hasOwnWait() ? service.departureWait().meanHours()
                    : link.waitHours();
            // A departure is waited for at a port, never at a sea waypoint the ship sails past.
            hours = run + (start.kind() == NodeKind.SEA_WAYPOINT ? 0 : wait);
        }
        // CO2 well-to-wheel of the cargo's mode in the country the link starts in (a crossing too: it is driven).
        ModeRates.Emissions e = p.modes().get(c.mode()).emissions();
        double factor;
        if (e == null) {
            factor = m.co2KgPerTonneKm().get(c.mode());
        } else {
            double share = e.electricShareByCountry().getOrDefault(start.country(), 0.0);
            factor = (1 - share) * e.wtwKgPerTonneKm() + share * e.electricWtwKgPerTonneKm();
        }
        co2 = link.km() * factor * p.tonnesPerUnit();
        return new double[] {usd, hours, link.km(), co2};
    }

    /**
     * The drivers' rest of a route (its {@code REST} steps), which the search does not add: rest depends on the
     * hours driven since the last rest, so it is counted over the assembled trip (DriverRest); the search's road
     * hours are the lower bound without it.
     */
    static double restHours(Route r) {
        return r.timeline().stream().filter(t -> t.kind() == TimeStep.Kind.REST).mapToDouble(TimeStep::hours).sum();
    }

    static double restHours(Route r, int legIndex) {
        return r.timeline().stream().filter(t -> t.kind() == TimeStep.Kind.REST && t.legIndex() == legIndex)
                .mapToDouble(TimeStep::hours).sum();
    }

    /** The router's optimum per unit, read back from the route totals without the drivers' rest (the search's). */
    static double routerValue(Route r, Objective o, CostModel model) {
        double vot = model.profiles().get(r.cargo()).valueOfTimeUsdPerHour();
        return switch (o) {
            case COST -> r.totals().generalizedUsd() / r.units() - vot * restHours(r);
            case TIME -> r.totals().hours() - restHours(r);
            case DISTANCE -> r.totals().km();
            case CO2 -> r.totals().co2Kg() / r.units();
            case RELIABLE -> throw new IllegalArgumentException("a p90 objective has no additive reference");
        };
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }

    // ======================================================================= properties

    @Provide
    Arbitrary<Scenario> largerScenarios() {
        return Combinators.combine(Arbitraries.integers().between(13, 40), Arbitraries.integers().between(2, 5),
                Arbitraries.longs()).as(RouterReferenceProperties::scenario);
    }

    @Property(tries = 1000)
    void optimumEqualsReferenceForEveryObjective(@ForAll("scenarios") Scenario s) {
        checkAgainstReference(s);
    }

    @Property(tries = 150)
    void optimumEqualsReferenceOnLargerNetworks(@ForAll("largerScenarios") Scenario s) {
        checkAgainstReference(s);
    }

    private static void checkAgainstReference(Scenario s) {
        Router router = new Router(s.network(), s.model());
        for (Objective o : DECOMPOSABLE) {
            RouteRequest req = s.request().withObjective(o);
            double expected = referenceOptimum(s.network(), s.model(), req);
            RouteResult res = router.route(req);
            if (Double.isNaN(expected)) {
                assertThat(res.found()).as("router found a route the reference does not have, %s", o).isFalse();
                assertThat(res.noRoute()).isNotNull();
            } else {
                assertThat(res.found()).as("router found no route, reference optimum %s for %s", expected, o)
                        .isTrue();
                double actual = routerValue(res.route(), o, s.model());
                assertThat(close(actual, expected)).as("%s: router %s, reference %s", o, actual, expected).isTrue();
            }
        }
    }

    @Property(tries = 250)
    void noRouteNamesExactlyTheRestrictionsThatWouldEachConnect(@ForAll("scenarios") Scenario s) {
        Router router = new Router(s.network(), s.model());
        RouteRequest req = s.request();
        RouteResult res = router.route(req);
        if (res.found()) return;
        Map<String, RouteRequest> relaxations = new HashMap<>();
        if (!req.avoidCountries().isEmpty()) relaxations.put("--avoid ", req.withAvoid(Set.of()));
        if (!req.closedNodes().isEmpty() || !req.closedLinks().isEmpty()) {
            relaxations.put("--close ", req.withClosed(Set.of(), Set.of()));
        }
        if (!req.modes().containsAll(Mode.CARRIER_MODES)) relaxations.put("--modes ", req.withModes(Set.of()));
        if (!req.includePlanned()) relaxations.put("operational links only", req.withIncludePlanned(true));
        if (!req.via().isEmpty()) relaxations.put("--via ", req.withVia(List.of()));
        Set<String> expected = new TreeSet<>();
        relaxations.forEach((label, relaxed) -> {
            if (!Double.isNaN(referenceOptimum(s.network(), s.model(), relaxed))) expected.add(label);
        });
        Set<String> actual = new TreeSet<>();
        for (String b : res.noRoute().blockingConstraints(TestWording.CLI)) {
            String label = relaxations.keySet().stream().filter(b::startsWith).findFirst().orElse(b);
            actual.add(label);
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(res.noRoute().message()).isNotBlank();
    }

    @Property(tries = 400)
    void routesRespectRestrictionsAndShowEveryCarrierChange(@ForAll("scenarios") Scenario s) {
        Router router = new Router(s.network(), s.model());
        Network net = s.network();
        for (Objective o : DECOMPOSABLE) {
            RouteRequest req = s.request().withObjective(o);
            RouteResult res = router.route(req);
            if (!res.found()) continue;
            Route r = res.route();
            List<Leg> legs = r.legs();
            assertThat(legs).isNotEmpty();
            assertThat(legs.get(0).from()).isEqualTo(req.from());
            assertThat(legs.get(legs.size() - 1).to()).isEqualTo(req.to());
            assertThat(r.nodes().get(0)).isEqualTo(req.from());
            assertThat(r.nodes()).hasSize(legs.size() + 1);
            // via points in order
            int pos = 0;
            for (String via : req.via()) {
                int found = r.nodes().subList(pos, r.nodes().size()).indexOf(via);
                assertThat(found).as("via %s in order in %s", via, r.nodes()).isGreaterThanOrEqualTo(0);
                pos += found;
            }
            // every node: not avoided, not closed
            for (String id : r.nodes()) {
                Node node = net.node(id).orElseThrow();
                assertThat(req.avoidCountries()).doesNotContain(node.country());
                assertThat(req.closedNodes()).doesNotContain(id);
            }
            for (String avoided : req.avoidCountries()) assertThat(r.countries()).doesNotContain(avoided);
            boolean nonOperational = false;
            for (Leg leg : legs) {
                Link link = net.link(leg.linkId()).orElseThrow();
                assertThat(req.closedLinks()).doesNotContain(leg.linkId());
                assertThat(link.status()).isNotEqualTo(LinkStatus.CLOSED);
                if (!req.includePlanned()) assertThat(link.status()).isEqualTo(LinkStatus.OPERATIONAL);
                nonOperational |= link.status() != LinkStatus.OPERATIONAL;
                assertThat(req.modes()).contains(leg.cargoMode());
                assertThat(leg.mode()).isEqualTo(link.mode());
                Carrier c = leg.cargoMode() == Mode.RAIL ? Carrier.of(Mode.RAIL, leg.gauge())
                        : Carrier.of(leg.cargoMode(), null);
                assertThat(mayUse(c, link)).as("%s may not use %s", c, link.id()).isTrue();
                boolean forward = leg.from().equals(link.from()) && leg.to().equals(link.to());
                boolean backward = leg.from().equals(link.to()) && leg.to().equals(link.from());
                assertThat(forward || (backward && !link.oneway())).as("direction of %s", link.id()).isTrue();
                assertThat(leg.km()).isEqualTo(link.km());
            }
            assertThat(r.usesNonOperational()).isEqualTo(nonOperational);
            // countries: entered in order, no repeats in a row, international waters left out
            List<String> countries = new ArrayList<>();
            for (String id : r.nodes()) {
                String cc = net.node(id).orElseThrow().country();
                if (!cc.equals("XX") && (countries.isEmpty() || !countries.get(countries.size() - 1).equals(cc))) {
                    countries.add(cc);
                }
            }
            assertThat(r.countries()).isEqualTo(countries);
            for (Leg leg : legs) {
                String a = net.node(leg.from()).orElseThrow().country();
                String b = net.node(leg.to()).orElseThrow().country();
                String expected = leg.mode() == Mode.CROSSING || a.equals(b) ? a : null;
                assertThat(leg.country()).isEqualTo("XX".equals(expected) ? null : expected);
            }
            // Every change of mode or gauge between consecutive legs is a chain of transshipments at the shared
            // node; there are no other transshipments.
            List<Transshipment> ts = r.transshipments();
            int j = 0;
            for (int i = 1; i < legs.size(); i++) {
                Leg prev = legs.get(i - 1);
                Leg cur = legs.get(i);
                assertThat(cur.from()).isEqualTo(prev.to());
                Mode mode = prev.cargoMode();
                Gauge gauge = prev.gauge();
                while ((mode != cur.cargoMode() || gauge != cur.gauge()) && j < ts.size()
                        && ts.get(j).at().equals(cur.from()) && ts.get(j).fromMode() == mode
                        && ts.get(j).fromGauge() == gauge) {
                    Transshipment t = ts.get(j);
                    Node at = net.node(t.at()).orElseThrow();
                    if (t.fromMode() == t.toMode()) {
                        assertThat(t.fromMode()).isEqualTo(Mode.RAIL);
                        assertThat(t.fromGauge()).isNotEqualTo(t.toGauge());
                        assertThat(at.gaugeChange()).as("gauge change at %s", at.id()).isTrue();
                    } else {
                        assertThat(at.transship()).as("mode change at %s", at.id()).isTrue();
                        Cargo cargo = req.cargo().equals("bulk") ? Cargo.BULK : Cargo.CONTAINER;
                        assertThat(at.handles().isEmpty() || at.handles().contains(cargo)).isTrue();
                    }
                    mode = t.toMode();
                    gauge = t.toGauge();
                    j++;
                }
                assertThat(mode).as("mode change %s->%s at %s must be a transshipment", prev.cargoMode(),
                        cur.cargoMode(), cur.from()).isEqualTo(cur.cargoMode());
                assertThat(gauge).as("gauge break %s->%s at %s must be a transshipment", prev.gauge(), cur.gauge(),
                        cur.from()).isEqualTo(cur.gauge());
            }
            assertThat(j).as("transshipments not between legs: %s", ts).isEqualTo(ts.size());
            // crossings listed are the crossing legs
            assertThat(r.crossings()).extracting(CrossingUse::id).containsExactlyElementsOf(
                    legs.stream().filter(l -> l.mode() == Mode.CROSSING).map(Leg::linkId).toList());
        }
    }

    /**
     * Every leg and transshipment is priced as documented: a leg costs its link's price per direction and carrier
     * plus the fixed cost of every mode entered since the previous leg (the start mode for the first leg); a gauge
     * change costs the profile's gauge change and no fixed cost; a mode change costs the profile's transship
     * entry for the pair (else "default").
     */
    @Property(tries = 300)
    void legsAndTransshipmentsArePricedAsDocumented(@ForAll("scenarios") Scenario s) {
        Router router = new Router(s.network(), s.model());
        Network net = s.network();
        for (Objective o : DECOMPOSABLE) {
            RouteResult res = router.route(s.request().withObjective(o));
            if (!res.found()) continue;
            Route r = res.route();
            CargoProfile p = s.model().profiles().get(r.cargo());
            double pending = p.modes().get(r.legs().get(0).cargoMode()).fixedUsd();
            int j = 0;
            int k = 0;
            for (int i = 0; i < r.legs().size(); i++) {
                Leg leg = r.legs().get(i);
                while (i > 0 && j < r.transshipments().size() && r.transshipments().get(j).at().equals(leg.from())
                        && !(r.transshipments().get(j).fromMode() == leg.cargoMode()
                                && r.transshipments().get(j).fromGauge() == leg.gauge())) {
                    Transshipment t = r.transshipments().get(j++);
                    Handling h;
                    if (t.fromMode() == t.toMode()) {
                        h = p.gaugeChange();
                        assertThat(t.reason()).isEqualTo("gauge change " + t.fromGauge().code() + "->"
                                + t.toGauge().code());
                    } else {
                        h = p.transship().get(t.fromMode().code() + "-" + t.toMode().code());
                        if (h == null) h = p.transship().get("default");
                        pending += p.modes().get(t.toMode()).fixedUsd();
                        assertThat(t.reason()).isEqualTo("mode change");
                    }
                    assertThat(close(t.usd(), h.usd())).as("transshipment usd %s", t).isTrue();
                    assertThat(close(t.hours(), h.hours())).as("transshipment hours %s", t).isTrue();
                }
                Link link = net.link(leg.linkId()).orElseThrow();
                Carrier c = leg.cargoMode() == Mode.RAIL ? Carrier.of(Mode.RAIL, leg.gauge())
                        : Carrier.of(leg.cargoMode(), null);
                double[] cost = linkCost(link, net.node(leg.from()).orElseThrow(), c, p, s.model(),
                        net.node(r.nodes().get(0)).orElseThrow().country(),
                        net.node(r.nodes().get(r.nodes().size() - 1)).orElseThrow().country());
                assertThat(close(leg.usd(), cost[0] + pending)).as("usd of leg %d %s", i, leg).isTrue();
                assertThat(close(leg.hours() - restHours(r, i), cost[1])).as("hours of leg %d %s", i, leg).isTrue();
                assertThat(close(leg.co2Kg(), cost[3])).as("co2 of leg %d %s", i, leg).isTrue();
                pending = 0;
                if (link.isCrossing()) {
                    CrossingUse cu = r.crossings().get(k++); // crossings are listed in travel order
                    assertThat(cu.id()).isEqualTo(link.id());
                    assertThat(cu.fromNode()).isEqualTo(leg.from());
                    assertThat(close(cu.usd(), cost[0])).as("crossing fee %s", cu).isTrue();
                    assertThat(close(cu.hours(), cost[1])).isTrue();
                    assertThat(cu.cargoMode()).isEqualTo(leg.cargoMode());
                    assertThat(cu.toNode()).isEqualTo(leg.to());
                }
            }
            assertThat(j).isEqualTo(r.transshipments().size());
            assertThat(k).isEqualTo(r.crossings().size());
        }
    }

    @Property(tries = 300)
    void totalsAreSumsOverLegsAndTransshipments(@ForAll("scenarios") Scenario s) {
        Router router = new Router(s.network(), s.model());
        for (Objective o : DECOMPOSABLE) {
            RouteResult res = router.route(s.request().withObjective(o));
            if (!res.found()) continue;
            Route r = res.route();
            double km = 0;
            double hours = 0;
            double usd = 0;
            double co2 = 0;
            for (Leg l : r.legs()) {
                km += l.km();
                hours += l.hours();
                usd += l.usd();
                co2 += l.co2Kg();
            }
            for (Transshipment t : r.transshipments()) {
                hours += t.hours();
                usd += t.usd();
                co2 += t.co2Kg();
            }
            // terminal dwell is in the timeline only (not a leg or a transshipment)
            for (TimeStep step : r.timeline()) if (step.kind() == TimeStep.Kind.DWELL) hours += step.hours();
            // a rest that lengthens a stop to a weekly rest belongs to no leg
            for (TimeStep step : r.timeline()) {
                if (step.kind() == TimeStep.Kind.REST && step.legIndex() < 0) hours += step.hours();
            }
            double timeline = r.timeline().stream().mapToDouble(TimeStep::hours).sum();
            Totals t = r.totals();
            assertThat(close(t.hours(), timeline)).as("the timeline sums to the total hours").isTrue();
            assertThat(close(t.km(), km)).isTrue();
            assertThat(close(t.hours(), hours)).isTrue();
            assertThat(close(t.usd(), usd)).isTrue();
            assertThat(close(t.co2Kg(), co2)).isTrue();
            double vot = s.model().profiles().get(r.cargo()).valueOfTimeUsdPerHour();
            assertThat(close(t.generalizedUsd(), usd + vot * hours * r.units())).isTrue();
            assertThat(r.countries()).doesNotContain("XX");
        }
    }

    @Property(tries = 200)
    void tonnesScaleMoneyAndCo2NotHours(@ForAll("scenarios") Scenario s,
            @ForAll @net.jqwik.api.constraints.DoubleRange(min = 0.1, max = 5000) double tonnes) {
        Router router = new Router(s.network(), s.model());
        RouteResult one = router.route(s.request());
        if (!one.found()) return;
        Route r1 = one.route();
        Route rt = router.route(s.request().withTonnes(tonnes)).route();
        double tpu = s.model().profiles().get(s.request().cargo()).tonnesPerUnit();
        double units = Math.ceil(tonnes / tpu);
        // the 1e-9 slack the router allows for rounding: tonnes that are an exact multiple give exact units
        assertThat(rt.units()).isBetween(units - 1, units);
        assertThat(rt.units()).isGreaterThanOrEqualTo(1.0);
        if (Math.abs(tonnes / tpu - Math.rint(tonnes / tpu)) > 1e-6) assertThat(rt.units()).isEqualTo(units);
        assertThat(rt.tonnes()).isEqualTo(tonnes);
        assertThat(rt.nodes()).isEqualTo(r1.nodes());
        assertThat(close(rt.totals().usd(), r1.totals().usd() * rt.units())).isTrue();
        assertThat(close(rt.totals().co2Kg(), r1.totals().co2Kg() * rt.units())).isTrue();
        assertThat(close(rt.totals().hours(), r1.totals().hours())).isTrue();
        assertThat(close(rt.totals().km(), r1.totals().km())).isTrue();
    }

    @Property(tries = 200)
    void routingIsDeterministic(@ForAll("scenarios") Scenario s) {
        Router router = new Router(s.network(), s.model());
        for (Objective o : DECOMPOSABLE) {
            RouteRequest req = s.request().withObjective(o);
            RouteResult a = router.route(req);
            RouteResult b = router.route(req);
            RouteResult c = new Router(s.network(), s.model()).route(req);
            assertThat(b.route()).isEqualTo(a.route());
            assertThat(c.route()).isEqualTo(a.route());
            assertThat(b.noRoute()).isEqualTo(a.noRoute());
        }
    }

    @Property(tries = 200)
    void originOrDestinationInAvoidedCountryIsInvalid(@ForAll("scenarios") Scenario s) {
        Router router = new Router(s.network(), s.model());
        Node origin = s.network().node(s.request().from()).orElseThrow();
        Node dest = s.network().node(s.request().to()).orElseThrow();
        for (Node n : List.of(origin, dest)) {
            RouteRequest req = s.request().withAvoid(Set.of(n.country())).withVia(List.of());
            try {
                router.route(req);
                throw new AssertionError("expected InvalidRequestException for avoiding " + n.country());
            } catch (InvalidRequestException e) {
                assertThat(e.field()).isEqualTo("avoid");
            }
        }
        RouteRequest same = new RouteRequest(origin.id(), origin.id(), List.of(), "bulk", null, Objective.COST, null,
                null, null, null, false);
        try {
            router.route(same);
            throw new AssertionError("expected InvalidRequestException for origin == destination");
        } catch (InvalidRequestException e) {
            assertThat(e.field()).isEqualTo("to");
        }
    }

    /** Leaves the legs' link set out of reach of restrictions, as a sanity check of the generator itself. */
    @Property(tries = 50)
    void generatorProducesValidScenarios(@ForAll("scenarios") Scenario s) {
        Set<String> ids = new LinkedHashSet<>();
        for (Node n : s.network().nodes()) ids.add(n.id());
        assertThat(ids).contains(s.request().from(), s.request().to());
        assertThat(s.request().from()).isNotEqualTo(s.request().to());
        Set<String> avoidedNodes = new HashSet<>();
        for (Node n : s.network().nodes()) if (s.request().avoidCountries().contains(n.country())) avoidedNodes.add(n.id());
        assertThat(avoidedNodes).doesNotContain(s.request().from(), s.request().to());
        assertThat(s.network().linkCount()).isGreaterThanOrEqualTo(s.network().nodeCount());
    }
}
