package org.caravan.routing;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.caravan.cost.CargoProfile;
import org.caravan.cost.CostModel;
import org.caravan.cost.LinkCosts;
import org.caravan.cost.ModeRates;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.risk.RiskRegister;
import org.caravan.risk.RiskRegisterLoader;

/**
 * Exact least-cost routing over (node, carrier) states, where a carrier is a mode and, for rail, a gauge.
 * Moving between carriers at a node is a costed transfer allowed only where the node can do it (a
 * transshipment or a gauge change), so no route ever hides a mode change or gauge break. Via points are handled
 * by layering the state space (layer k = "via points 0..k-1 passed"), which keeps the answer exact. The state
 * graph itself lives in {@link SearchSpace}, shared with the Pareto and alternatives searches.
 *
 * <p>Thread-safe and immutable once built: the per-profile link prices are computed lazily and cached.
 * Ties are broken by a secondary key and then by state index, so answers are deterministic.
 */
public final class Router {
    private final Network network;
    private final CostModel costModel;
    private final RiskRegister risk;
    private final Map<String, LinkCosts> priced = new ConcurrentHashMap<>();
    private final Map<String, StateGraph> stateGraphs = new ConcurrentHashMap<>();
    private final double[] linkRisk;
    /** Transfer tables per cargo profile; see {@link SearchSpace#transfersFor}. */
    private final Map<String, Map<Long, SearchSpace.TransferTable>> transferCaches = new ConcurrentHashMap<>();

    public Router(Network network, CostModel costModel) {
        this(network, costModel, RiskRegisterLoader.defaults());
    }

    public Router(Network network, CostModel costModel, RiskRegister risk) {
        this.network = network;
        this.costModel = costModel;
        this.risk = risk;
        this.linkRisk = SearchSpace.linkRisk(network, risk);
    }

    double[] linkRisk() { return linkRisk; }

    Map<Long, SearchSpace.TransferTable> transferCache(String cargo) {
        return transferCaches.computeIfAbsent(cargo, c -> new ConcurrentHashMap<>());
    }

    public Network network() { return network; }

    public CostModel costModel() { return costModel; }

    public RiskRegister riskRegister() { return risk; }

    /** Link prices for a cargo profile (computed once per profile). */
    public LinkCosts linkCosts(String cargo) {
        CargoProfile profile = costModel.profile(cargo).orElseThrow(() -> new InvalidRequestException("cargo",
                "unknown cargo '" + cargo + "', expected one of " + costModel.profileNames()));
        return priced.computeIfAbsent(cargo, c -> new LinkCosts(network, costModel, profile));
    }

    /**
     * Answers a request: the best route under every restriction, or why there is none. With
     * {@link Objective#RELIABLE} the route is the one with the lowest simulated 90th-percentile time among
     * the candidates described in {@link ReliableChoice}.
     */
    public RouteResult route(RouteRequest request) {
        return route(request, costModel.delays().samples(), costModel.delays().seed());
    }

    /** As {@link #route(RouteRequest)}; {@code samples} and {@code seed} drive the reliable objective's choice. */
    public RouteResult route(RouteRequest request, int samples, long seed) {
        SearchSpace space = space(request);
        if (request.objective() == Objective.RELIABLE) {
            Route best = new ReliableChoice(this, samples, seed).choose(space);
            return best != null ? new RouteResult(request, best, null) : new RouteResult(request, null, explain(space));
        }
        StateSearch.Path path = shortest(space, request.objective());
        if (path != null) return new RouteResult(request, assemble(space, path), null);
        return new RouteResult(request, null, explain(space));
    }

    /**
     * Every Pareto-optimal route over cost, time, risk and CO2, best first by the request's objective, with at
     * most {@code maxLabels} labels and {@code budgetMillis} of search (the answer says when it was cut short).
     */
    /**
     * The search compares road hours without the drivers' rest (it depends on the whole path); once each route has its
     * rest, a route that another beats on every reported criterion (money with penalties, hours, risk-km, CO2) is
     * dropped, so the set shown is non-dominated in what it reports. Without rest nothing changes. A rail service's
     * departure wait between countries (rail_services), also added after the search, is treated the same way.
     */
    private static List<Route> withoutRestDominated(List<Route> routes) {
        boolean rest = routes.stream().anyMatch(r -> r.timeline().stream().anyMatch(TimeStep::outsideSearch));
        if (!rest) return routes;
        List<double[]> v = new ArrayList<>();
        for (Route r : routes) {
            v.add(new double[] {(r.totals().usd() + r.totals().penaltyUsd()) / r.units(), r.totals().hours(),
                r.risk().riskKm(), r.totals().co2Kg() / r.units()});
        }
        List<Route> out = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            boolean dominated = false;
            for (int j = 0; j < routes.size() && !dominated; j++) {
                if (i == j) continue;
                boolean le = true;
                boolean lt = false;
                for (int q = 0; q < 4; q++) {
                    double a = v.get(j)[q];
                    double b = v.get(i)[q];
                    double slack = 1e-9 * Math.max(1, Math.abs(b));
                    if (a > b + slack) le = false;
                    if (a < b - slack) lt = true;
                }
                dominated = le && lt;
            }
            if (!dominated) out.add(routes.get(i));
        }
        return out;
    }

    public ParetoResult pareto(RouteRequest request, int maxLabels, long budgetMillis) {
        SearchSpace space = space(request);
        ParetoSearch.Outcome out = new ParetoSearch(space, maxLabels, budgetMillis).run();
        if (out.paths().isEmpty()) {
            return new ParetoResult(request, List.of(), out.truncated(), out.labels(),
                    out.truncated() ? new NoRoute(NoRoute.Reason.BUDGET_EXHAUSTED, network.node(space.from).name(),
                            network.node(space.to).name(), request.cargoProfile(), List.of(), request.restrictions(), null)
                            : explain(space));
        }
        StateSearch.Weight rank = StateSearch.Weight.of(request.objective(), space.profile.valueOfTimeUsdPerHour());
        List<Route> routes = new ArrayList<>();
        for (StateSearch.Path p : out.paths()) {
            Cancellation.checkpoint();
            routes.add(assemble(space, p));
        }
        routes = withoutRestDominated(routes);
        routes.sort(java.util.Comparator.comparingDouble((Route r) -> Alternatives.reportedValue(r, rank))
                .thenComparingDouble(r -> r.totals().generalizedUsd()).thenComparingDouble(r -> r.totals().hours()));
        return new ParetoResult(request, List.copyOf(routes), out.truncated(), out.labels(), null);
    }

    /**
     * Up to {@code k} meaningfully different routes (different crossings or modes), best first by the request's
     * objective; the first is {@link #route}'s answer. Empty with a reason when there is no route at all.
     */
    public RouteResults alternatives(RouteRequest request, int k) {
        return alternatives(request, k, costModel.delays().samples(), costModel.delays().seed());
    }

    /**
     * As {@link #alternatives(RouteRequest, int)}. With the reliable objective the first route is
     * {@link #route}'s reliable choice and the others, found under pessimistic times, are ranked by simulated
     * p90 with {@code samples} and {@code seed}.
     */
    public RouteResults alternatives(RouteRequest request, int k, int samples, long seed) {
        if (k < 1) throw new InvalidRequestException("alternatives", "alternatives must be at least 1, got " + k);
        SearchSpace space = space(request);
        double vot = space.profile.valueOfTimeUsdPerHour();
        Objective o = request.objective();
        Objective tie = o == Objective.COST ? Objective.TIME : Objective.COST;
        if (o != Objective.RELIABLE) {
            List<Route> routes = new Alternatives(this).find(space, StateSearch.Weight.of(o, vot), StateSearch.Weight.of(tie, vot), k);
            return new RouteResults(request, routes, routes.isEmpty() ? explain(space) : null);
        }
        Route best = new ReliableChoice(this, samples, seed).choose(space);
        if (best == null) return new RouteResults(request, List.of(), explain(space));
        List<Route> others = new ArrayList<>();
        String bestSignature = Alternatives.signature(best);
        for (Route r : new Alternatives(this).find(space, StateSearch.Weight.of(o, vot), StateSearch.Weight.of(tie, vot), 2 * k)) {
            if (!Alternatives.signature(r).equals(bestSignature)) {
                others.add(r.withReliability(reliability(r, samples, seed)));
            }
        }
        others.sort(java.util.Comparator.comparingDouble((Route r) -> r.reliability().p90Hours())
                .thenComparingDouble(r -> r.totals().generalizedUsd()));
        List<Route> routes = new ArrayList<>();
        routes.add(best);
        routes.addAll(others.subList(0, Math.min(k - 1, others.size())));
        return new RouteResults(request, List.copyOf(routes), null);
    }

    /** Monte Carlo transit-time percentiles of a route, with the cost model's delay settings. */
    public ReliabilityStats reliability(Route route, int samples, long seed) {
        ModeRates road = costModel.profile(route.cargo()).filter(p -> p.modes().containsKey(Mode.ROAD))
                .map(p -> p.rates(Mode.ROAD)).orElse(null);
        return Reliability.simulate(route, costModel.delays(), samples, seed, costModel.timetables(), road);
    }

    /** Checks the request's ids and builds its state graph. */
    SearchSpace space(RouteRequest request) {
        LinkCosts costs = linkCosts(request.cargo());
        int from = nodeOrThrow(request.from(), "from");
        int to = nodeOrThrow(request.to(), "to");
        int[] via = new int[request.via().size()];
        for (int i = 0; i < via.length; i++) via[i] = nodeOrThrow(request.via().get(i), "via");
        if (from == to && Arrays.stream(via).allMatch(v -> v == from)) { // nowhere to go: a route without legs
            throw new InvalidRequestException("to", "origin and destination are the same place ("
                    + network.node(from).name() + ")");
        }
        if (request.modes().stream().noneMatch(Mode::isCarrier)) {
            throw new InvalidRequestException("modes", "no mode cargo can travel in: " + request.modes()
                    + ", expected rail, road, sea or ferry");
        }
        for (String id : request.closedNodes()) nodeOrThrow(id, "close");
        for (String id : request.closedLinks()) {
            if (network.linkIndex(id) < 0) throw new InvalidRequestException("close", "unknown link '" + id + "'");
        }
        checkEndpoint(request, from, "from", "origin");
        checkEndpoint(request, to, "to", "destination");
        for (int v : via) checkEndpoint(request, v, "via", "via point");
        return new SearchSpace(network, costs, risk, linkRisk, transferCache(request.cargo()), request, from, to, via,
                costModel.delays().waitP90ToMean(), costModel.delays().handlingP90ToMean());
    }

    private int nodeOrThrow(String id, String field) {
        int v = network.nodeIndex(id);
        if (v < 0) throw new InvalidRequestException(field, "unknown node id '" + id + "'");
        return v;
    }

    private void checkEndpoint(RouteRequest r, int v, String field, String role) {
        Node n = network.node(v);
        if (r.closedNodes().contains(n.id())) {
            throw new InvalidRequestException("close", "the " + role + " " + n.name() + " is closed by the request");
        }
        if (r.avoidCountries().contains(n.country())) {
            throw new InvalidRequestException("avoid", "the " + role + " " + n.name() + " is in " + n.country()
                    + ", which the request avoids");
        }
        if (r.maxRisk() != null && risk.of(n.country()).combined() > r.maxRisk()) {
            throw new InvalidRequestException("max_risk", "the " + role + " " + n.name() + " is in " + n.country()
                    + ", whose risk score " + String.format(java.util.Locale.ROOT, "%.2f",
                    risk.of(n.country()).combined()) + " exceeds the maximum " + r.maxRisk());
        }
    }

    /** The best path under one objective (see {@link StateSearch#shortest(SearchSpace, Objective)}). */
    StateSearch.Path shortest(SearchSpace space, Objective objective) {
        double vot = space.profile.valueOfTimeUsdPerHour();
        Objective tie = objective == Objective.COST ? Objective.TIME : Objective.COST;
        return shortest(space, StateSearch.Weight.of(objective, vot), StateSearch.Weight.of(tie, vot));
    }

    /**
     * The one place that picks the single-objective search engine: the compact state graph ({@link StateGraph},
     * built once per cargo profile, restrictions as an overlay) for requests without a departure time, and
     * {@link StateSearch} over the request's {@link SearchSpace} for timed requests. Both give the same answer.
     */
    StateSearch.Path shortest(SearchSpace space, StateSearch.Weight weight, StateSearch.Weight tieWeight) {
        if (space.request.depart() == null && space.network == network && space.costs == linkCosts(space.request.cargo())) {
            return stateGraph(space.request.cargo()).shortest(space, weight, tieWeight);
        }
        return StateSearch.shortest(space, weight, tieWeight);
    }

    /**
     * The (node, carrier) state graph the single-objective search runs on for this request, as plain weighted arcs
     * under the request's objective: every link direction and carrier with its price, value of time, crossing
     * time and fee, country penalty and the request's restrictions applied, every transfer hop with its handling,
     * new-leg fixed cost and dwell, the origin's seeds (loading, fixed cost, dwell) and the destination's states.
     * The shortest seed-to-target path in it is {@link #route}'s optimum. For reference engines (the benchmark's
     * JGraphT graph) that must answer exactly the router's question; untimed requests without via points and
     * additive objectives only.
     */
    public WeightedStates weightedStates(RouteRequest request) {
        if (request.depart() != null) {
            throw new InvalidRequestException("depart", "the exported state graph is for untimed requests");
        }
        if (request.objective() == Objective.RELIABLE) {
            throw new InvalidRequestException("objective", "the exported state graph is for additive objectives");
        }
        SearchSpace space = space(request);
        return stateGraph(request.cargo()).export(space,
                StateSearch.Weight.of(request.objective(), space.profile.valueOfTimeUsdPerHour()));
    }

    /** Contraction hierarchies of unrestricted state graphs, per cargo and objective (built on first use). */
    private final Map<String, StateHierarchy> hierarchies = new ConcurrentHashMap<>();

    /** A hierarchy of one request's weighted state graph, with the arcs it was built from (to check reuse). */
    private record StateHierarchy(WeightedStates arcs, org.caravan.graph.ContractionHierarchy ch) {}

    /**
     * The objective's least value from every origin to every destination (node ids) by the bucket many-to-many
     * on a contraction hierarchy of the weighted state graph ({@link #weightedStates}): per unit of cargo for cost
     * and CO2, hours for time, km for distance; +infinity without a route, 0 for an origin equal to the
     * destination. Each value equals {@link #route}'s optimum for the pair. The hierarchy is built once per cargo
     * and objective, on the unrestricted request's arcs, and used for a request only when its exported arcs are
     * exactly those (no closures, avoided places, mode limits, planned links or penalties); returns null when it
     * cannot be used (timed, reliable, via points, or other arcs; and the cost and time objectives, whose reported
     * values add the trip's drivers' rest and the pair's rail tariff levels), so the caller falls back to search
     * trees.
     */
    public double[][] objectiveMatrix(RouteRequest request, List<String> from, List<String> to) {
        if (request.depart() != null || request.objective() == Objective.RELIABLE || !request.via().isEmpty()) {
            return null;
        }
        // A route's reported cost and time hold the trip's drivers' rest (counted over the assembled trip) and the
        // pair's export/import/transit rail levels and rail service wait (by the origin's and destination's countries,
        // rail_services): none is in
        // one hierarchy shared by every pair, so only km and CO2 are answered here.
        if (request.objective() != Objective.DISTANCE && request.objective() != Objective.CO2) return null;
        List<String> all = new ArrayList<>(from);
        all.addAll(to);
        String a = all.get(0);
        String b = all.stream().filter(x -> !x.equals(a)).findFirst().orElse(null);
        if (b == null) return null;
        WeightedStates mine = weightedStates(withEnds(request, a, b));
        String key = request.cargo() + "/" + request.objective();
        StateHierarchy h = hierarchies.computeIfAbsent(key, x -> {
            // Always of the unrestricted request, whatever the first caller asked.
            WeightedStates base = weightedStates(RouteRequest.of(a, b).withCargo(request.cargo())
                    .withObjective(request.objective()));
            return new StateHierarchy(base, org.caravan.graph.ContractionHierarchy.build(
                    org.caravan.graph.CompactGraph.of(base.states(), base.tail(), base.head(), base.weight(),
                            new float[base.states()], new float[base.states()])));
        });
        if (!Arrays.equals(h.arcs().tail(), mine.tail()) || !Arrays.equals(h.arcs().head(), mine.head())
                || !Arrays.equals(h.arcs().weight(), mine.weight())) {
            return null;
        }
        int k = org.caravan.network.Carrier.COUNT;
        int[][] seeds = new int[from.size()][];
        double[][] seedCost = new double[from.size()][];
        for (int i = 0; i < from.size(); i++) {
            String o = from.get(i);
            String other = all.stream().filter(x -> !x.equals(o)).findFirst().orElse(o);
            SearchSpace space = space(withEnds(request, o, other));
            StateGraph.IntList st = new StateGraph.IntList();
            StateGraph.DoubleList sc = new StateGraph.DoubleList();
            StateSearch.Weight w = StateSearch.Weight.of(request.objective(), space.profile.valueOfTimeUsdPerHour());
            space.seeds((state, step, usd, hours, km, co2, riskKm, p90) -> {
                st.add(state);
                sc.add(w.of(usd, hours, km, co2, riskKm, p90));
            });
            seeds[i] = st.toArray();
            seedCost[i] = sc.toArray();
        }
        int[][] targets = new int[to.size()][];
        double[][] targetCost = new double[to.size()][];
        for (int j = 0; j < to.size(); j++) {
            int v = nodeOrThrow(to.get(j), "to");
            checkEndpoint(request, v, "to", "destination");
            targets[j] = new int[k];
            for (int c = 0; c < k; c++) targets[j][c] = v * k + c;
            targetCost[j] = new double[k];
        }
        double[][] r = h.ch().manyToMany(seeds, seedCost, targets, targetCost);
        for (int i = 0; i < from.size(); i++) {
            for (int j = 0; j < to.size(); j++) {
                if (from.get(i).equals(to.get(j))) r[i][j] = 0;
            }
        }
        return r;
    }

    private static RouteRequest withEnds(RouteRequest r, String from, String to) {
        return new RouteRequest(from, to, r.via(), r.cargo(), r.tonnes(), r.objective(), r.avoidCountries(),
                r.closedNodes(), r.closedLinks(), r.modes(), r.includePlanned(), r.maxRisk(), r.countryPenalties(),
                r.depart());
    }

    /** The compact (node, carrier) state graph of a cargo profile (built on first use). */
    StateGraph stateGraph(String cargo) {
        return stateGraphs.computeIfAbsent(cargo, c -> new StateGraph(network, linkCosts(c)));
    }

    /**
     * Routes from the request's origin to several destinations with one shortest-path tree (one per destination
     * country that has export, import or transit tariff levels of its own, as those change prices). Each route is the one
     * {@link #route} gives for that destination (Dijkstra settles states in the same order whatever the target,
     * and stops growing a route at its destination either way), so callers such as criticality can share one
     * search among all the OD pairs of an origin. Not for via points or the reliable objective. A destination
     * without a route maps to a result with a short {@link NoRoute} (not explained).
     */
    public Map<String, RouteResult> routeFrom(RouteRequest request, java.util.Collection<String> destinations) {
        if (!request.via().isEmpty()) throw new InvalidRequestException("via", "routeFrom takes no via points");
        if (request.objective() == Objective.RELIABLE) {
            throw new InvalidRequestException("objective", "routeFrom is for additive objectives");
        }
        Map<String, RouteResult> out = new java.util.LinkedHashMap<>();
        java.util.Set<String> wanted = new java.util.LinkedHashSet<>(destinations);
        wanted.remove(request.from());
        if (wanted.isEmpty()) return out;
        for (String id : wanted) {
            int v = nodeOrThrow(id, "to");
            checkEndpoint(request, v, "to", "destination");
        }
        // Export, import and transit tariff levels depend on the country a shipment ends in: destinations whose
        // country has levels of its own get a tree each (one per such country), the others share one.
        var rail = linkCosts(request.cargo()).profile().modes().get(Mode.RAIL);
        var levels = rail == null ? null : rail.levels();
        Map<String, List<String>> groups = new java.util.LinkedHashMap<>();
        for (String id : wanted) {
            String cc = network.node(network.nodeIndex(id)).country();
            String key = levels != null && !levels.isEmpty() && levels.mentions(cc) ? cc : "";
            groups.computeIfAbsent(key, x -> new ArrayList<>()).add(id);
        }
        Map<Integer, Route> routes = new java.util.HashMap<>();
        SearchSpace space = null;
        for (List<String> group : groups.values()) {
            space = space(request.withTo(group.get(0)));
            tree(space, request, group, routes);
        }
        for (String id : wanted) {
            Route r = routes.get(network.nodeIndex(id));
            RouteRequest forId = request.withTo(id);
            out.put(id, r != null ? new RouteResult(forId, r, null)
                    : new RouteResult(forId, null, NoRoute.other("No route from " + network.node(space.from).name()
                    + " to " + network.node(network.nodeIndex(id)).name() + " under the given restrictions.")));
        }
        return out;
    }

    /** One shortest-path tree from the space's origin that assembles the routes to {@code group}'s destinations. */
    private void tree(SearchSpace space, RouteRequest request, List<String> group, Map<Integer, Route> routes) {
        boolean[] targetNode = new boolean[network.nodeCount()];
        for (String id : group) targetNode[network.nodeIndex(id)] = true;
        int lastLayer = space.layers - 1;
        int[] remaining = {group.size()};
        double vot = space.profile.valueOfTimeUsdPerHour();
        Objective tie = request.objective() == Objective.COST ? Objective.TIME : Objective.COST;
        StateSearch.search(space, StateSearch.Weight.of(request.objective(), vot), StateSearch.Weight.of(tie, vot),
                s -> space.layerOf(s) == lastLayer && targetNode[space.nodeOf(s)]
                        && !routes.containsKey(space.nodeOf(s)),
                (s, path) -> {
                    // The assembler reads the request only for cargo and tonnes, which all destinations share.
                    routes.put(space.nodeOf(s), new RouteAssembler(space, risk).assemble(path.get()));
                    return --remaining[0] == 0;
                });
    }

    Route assemble(SearchSpace space, StateSearch.Path path) {
        Route route = new RouteAssembler(space, risk).assemble(path);
        // The search uses expected waits; a route with a departure time is then timed to the clock.
        LocalDateTime depart = space.request.depart();
        return depart == null ? route
                : Clock.timed(route, depart, costModel.timetables(), space.profile.valueOfTimeUsdPerHour());
    }

    NoRoute explain(SearchSpace space) {
        return new NoRouteDiagnosis(this).explain(space);
    }
}
