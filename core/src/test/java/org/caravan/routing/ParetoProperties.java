package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.caravan.cost.CargoProfile;
import org.caravan.cost.CostModel;
import org.caravan.cost.Handling;
import org.caravan.network.Cargo;
import org.caravan.network.Carrier;
import org.caravan.network.Link;
import org.caravan.network.LinkStatus;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.network.NodeKind;
import org.caravan.risk.RiskRegister;
import org.caravan.risk.RiskRegisterLoader;

/**
 * The Pareto search against exhaustive enumeration. On small random networks (4-7 nodes, at most one via point,
 * random avoid / close / modes / include-planned restrictions, random risk cap and country penalties), every
 * simple path of an explicit (layer, node, carrier) state graph, written here from the documented semantics, is
 * enumerated; the exact front of their (cost incl. penalties, hours, risk-km, CO2) vectors per unit must be the
 * router's front, vector for vector.
 *
 * <p>The enumeration stops a path at the first destination state it reaches: every move costs >= 0 on each
 * criterion, so a path continuing past the destination is weakly dominated by its own prefix and cannot change
 * the set of non-dominated vectors. For the same reason seeding every allowed carrier (the router seeds only
 * carriers that can leave the origin) changes nothing.
 */
class ParetoProperties {
    static final RiskRegister RISK = RiskRegisterLoader.defaults();
    private static final int MAX_PATHS = 100_000;
    private static final long MAX_STEPS = 1_500_000;
    private static final double DOM_EPS = 1e-9;
    private static final double MATCH_EPS = 1e-6;

    record Case(RouterReferenceProperties.Scenario scenario, RouteRequest request) {
        Network network() { return scenario.network(); }

        CostModel model() { return scenario.model(); }

        @Override
        public String toString() { return scenario.description() + "\n  final request: " + request; }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.integers().between(4, 7), Arbitraries.integers().between(1, 3),
                Arbitraries.longs()).as(ParetoProperties::makeCase);
    }

    /** A reference scenario with at most one via point, plus a random risk cap, penalties, tonnes and objective. */
    static Case makeCase(int nodes, int countries, long seed) {
        RouterReferenceProperties.Scenario s = RouterReferenceProperties.scenario(nodes, countries, seed);
        Random rnd = new Random(seed * 31 + 7);
        RouteRequest r = s.request();
        if (r.via().size() > 1) r = r.withVia(r.via().subList(0, 1));
        Map<String, Double> penalties = new HashMap<>();
        if (rnd.nextDouble() < 0.5) {
            for (Node n : s.network().nodes()) {
                if (!n.country().equals("XX") && rnd.nextDouble() < 0.5) {
                    penalties.put(n.country(), rnd.nextDouble() < 0.3 ? 0.0 : 1 + 400 * rnd.nextDouble());
                }
            }
        }
        // Mostly a cap the endpoints pass (so it bites in the middle of the route); sometimes any cap at all.
        double endRisk = 0;
        List<String> ends = new ArrayList<>(List.of(r.from(), r.to()));
        ends.addAll(r.via());
        for (String id : ends) endRisk = Math.max(endRisk, RISK.of(s.network().node(id).orElseThrow().country()).combined());
        double p = rnd.nextDouble();
        Double maxRisk = null;
        if (p < 0.3) maxRisk = Math.min(1.0, endRisk + (0.75 - endRisk) * rnd.nextDouble() * rnd.nextDouble());
        else if (p < 0.36) maxRisk = 0.1 + 0.7 * rnd.nextDouble();
        Double tonnes = rnd.nextDouble() < 0.2 ? 1.0 + rnd.nextInt(300) : null;
        List<Objective> objectives = RouterReferenceProperties.DECOMPOSABLE;
        r = r.withPenalties(penalties).withMaxRisk(maxRisk).withTonnes(tonnes)
                .withObjective(objectives.get(rnd.nextInt(objectives.size())));
        return new Case(s, r);
    }

    // ======================================================================= the reference

    /** An incremental exact Pareto front of 4-vectors (cost, hours, risk, co2), one representative per vector. */
    static final class Front {
        final List<double[]> vectors = new ArrayList<>();

        void add(double[] v) {
            for (double[] f : vectors) if (leq(f, v)) return;
            vectors.removeIf(f -> leq(v, f));
            vectors.add(v.clone());
        }
    }

    /** a is at least as good as b on every criterion (with a 1e-9 relative slack for rounding). */
    static boolean leq(double[] a, double[] b) {
        for (int q = 0; q < 4; q++) if (a[q] > b[q] + DOM_EPS * Math.max(1, Math.abs(b[q]))) return false;
        return true;
    }

    /** a dominates b: no worse anywhere, clearly better somewhere. */
    static boolean dominates(double[] a, double[] b) {
        if (!leq(a, b)) return false;
        for (int q = 0; q < 4; q++) if (a[q] < b[q] - MATCH_EPS * Math.max(1, Math.abs(b[q]))) return true;
        return false;
    }

    static boolean same(double[] a, double[] b) {
        for (int q = 0; q < 4; q++) {
            if (Math.abs(a[q] - b[q]) > MATCH_EPS * Math.max(1, Math.max(Math.abs(a[q]), Math.abs(b[q])))) {
                return false;
            }
        }
        return true;
    }

    /** The combined risk score a traversal from a to b counts at, per the documented rule. */
    static double riskScore(RiskRegister risk, Link link, Node a, Node b) {
        String cc = a.country().equals(b.country()) ? a.country() : link.mode() == Mode.CROSSING ? a.country() : "XX";
        return risk.of(cc).combined();
    }

    /** Whether the request may use a node: not closed, not avoided, not above the risk cap (sea waypoints exempt). */
    static boolean nodeAllowed(Node node, RouteRequest req, RiskRegister risk) {
        if (req.closedNodes().contains(node.id()) || req.avoidCountries().contains(node.country())) return false;
        return req.maxRisk() == null || node.kind() == NodeKind.SEA_WAYPOINT
                || risk.of(node.country()).combined() <= req.maxRisk();
    }

    /**
     * The exact front over every simple state-graph path, or null when there are too many paths to enumerate.
     * Vectors are per cargo unit: {usd + penalties, hours, risk-km, co2}.
     */
    static Front referenceFront(Network net, CostModel model, RiskRegister risk, RouteRequest req) {
        CargoProfile profile = model.profiles().get(req.cargo());
        Cargo cargo = profile.cargoClass();
        int n = net.nodeCount();
        int k = Carrier.COUNT;
        int layers = req.via().size() + 1;
        int states = layers * n * k;
        boolean[] nodeOk = new boolean[n];
        for (int v = 0; v < n; v++) nodeOk[v] = nodeAllowed(net.node(v), req, risk);
        boolean[] carrierOk = new boolean[k];
        for (Carrier c : Carrier.values()) carrierOk[c.ordinal()] = req.modes().contains(c.mode());
        List<List<double[]>> out = new ArrayList<>(); // per state: {to, usd, hours, risk, co2}
        for (int s = 0; s < states; s++) out.add(new ArrayList<>());
        int from = index(net, req.from());
        int to = index(net, req.to());
        int[] via = new int[req.via().size()];
        for (int i = 0; i < via.length; i++) via[i] = index(net, req.via().get(i));
        for (int layer = 0; layer < layers; layer++) {
            for (int v = 0; v < n; v++) {
                if (!nodeOk[v]) continue;
                Node node = net.node(v);
                for (Carrier a : Carrier.values()) {
                    if (!carrierOk[a.ordinal()]) continue;
                    int sa = (layer * n + v) * k + a.ordinal();
                    if (layer < layers - 1 && v == via[layer]) {
                        out.get(sa).add(new double[] {sa + n * k, 0, 0, 0, 0});
                    }
                    for (Carrier b : Carrier.values()) {
                        if (b == a || !carrierOk[b.ordinal()]) continue;
                        Handling h;
                        double usd;
                        double hours;
                        if (a.mode() == b.mode()) {
                            if (!node.gaugeChange()) continue;
                            h = profile.gaugeChangeAt(node.id());
                            usd = h.usd();
                            hours = h.hours();
                        } else {
                            if (!node.transship() || !(node.handles().isEmpty() || node.handles().contains(cargo))) {
                                continue;
                            }
                            h = profile.transshipAt(node.id(), a.mode(), b.mode());
                            usd = h.usd() + profile.modes().get(b.mode()).fixedUsd();
                            hours = h.hours() + RouterReferenceProperties.legDwell(profile, b, node);
                        }
                        out.get(sa).add(new double[] {(layer * n + v) * k + b.ordinal(), usd, hours, 0,
                            h.co2WtwKgPerTonne() * profile.tonnesPerUnit()});
                    }
                }
            }
        }
        for (Link link : net.links()) {
            boolean statusOk = link.status() == LinkStatus.OPERATIONAL || (req.includePlanned()
                    && (link.status() == LinkStatus.PLANNED || link.status() == LinkStatus.UNDER_CONSTRUCTION));
            int a = index(net, link.from());
            int b = index(net, link.to());
            if (!statusOk || req.closedLinks().contains(link.id()) || !nodeOk[a] || !nodeOk[b]) continue;
            for (int dir = 0; dir < (link.oneway() ? 1 : 2); dir++) {
                Node start = net.node(dir == 0 ? a : b);
                Node end = net.node(dir == 0 ? b : a);
                double penalty = start.country().equals(end.country()) ? 0
                        : req.countryPenalties().getOrDefault(end.country(), 0.0);
                double riskKm = link.km() * riskScore(risk, link, start, end);
                for (Carrier c : Carrier.values()) {
                    if (!carrierOk[c.ordinal()] || !RouterReferenceProperties.mayUse(c, link)) continue;
                    double[] cost = RouterReferenceProperties.linkCost(link, start, c, profile, model,
                            net.node(index(net, req.from())).country(), net.node(index(net, req.to())).country());
                    for (int layer = 0; layer < layers; layer++) {
                        int s = (layer * n + index(net, start.id())) * k + c.ordinal();
                        int t = (layer * n + index(net, end.id())) * k + c.ordinal();
                        out.get(s).add(new double[] {t, cost[0] + penalty, cost[1], riskKm, cost[3]});
                    }
                }
            }
        }
        // States from which the destination can be reached at all (pruning only, it drops no complete path).
        boolean[] live = new boolean[states];
        boolean changed = true;
        for (int c = 0; c < k; c++) live[((layers - 1) * n + to) * k + c] = nodeOk[to] && carrierOk[c];
        while (changed) {
            changed = false;
            for (int s = 0; s < states; s++) {
                if (live[s]) continue;
                for (double[] e : out.get(s)) {
                    if (live[(int) e[0]]) {
                        live[s] = true;
                        changed = true;
                        break;
                    }
                }
            }
        }
        Front front = new Front();
        long[] budget = {MAX_STEPS, MAX_PATHS};
        boolean[] onPath = new boolean[states];
        for (Carrier c : Carrier.values()) {
            if (!carrierOk[c.ordinal()]) continue;
            int s = from * k + c.ordinal();
            if (!live[s]) continue;
            double[] acc = {profile.modes().get(c.mode()).fixedUsd(),
                RouterReferenceProperties.legDwell(profile, c, net.node(from)), 0, 0};
            if (!dfs(s, acc, out, live, onPath, layers, n, k, to, front, budget)) return null;
        }
        return front;
    }

    private static boolean dfs(int s, double[] acc, List<List<double[]>> out, boolean[] live, boolean[] onPath,
            int layers, int n, int k, int to, Front front, long[] budget) {
        if (--budget[0] < 0) return false;
        if (s / k == (layers - 1) * n + to) {
            front.add(acc);
            return --budget[1] >= 0;
        }
        onPath[s] = true;
        for (double[] e : out.get(s)) {
            int t = (int) e[0];
            if (onPath[t] || !live[t]) continue;
            double[] next = {acc[0] + e[1], acc[1] + e[2], acc[2] + e[3], acc[3] + e[4]};
            if (!dfs(t, next, out, live, onPath, layers, n, k, to, front, budget)) {
                onPath[s] = false;
                return false;
            }
        }
        onPath[s] = false;
        return true;
    }

    static int index(Network net, String id) {
        for (int i = 0; i < net.nodeCount(); i++) if (net.node(i).id().equals(id)) return i;
        throw new IllegalArgumentException(id);
    }

    /**
     * The route's Pareto vector per unit as the search compares it: {(usd + penalties) / units, hours without the
     * drivers' rest, risk-km, co2 / units}. The rest depends on the whole path (DriverRest), so the search compares
     * road hours without it (a lower bound) and the route reports it on top (docs/ROUTE-CHOICE.md).
     */
    static double[] vector(Route r) {
        return new double[] {(r.totals().usd() + r.totals().penaltyUsd()) / r.units(),
            r.totals().hours() - RouterReferenceProperties.restHours(r),
            r.risk().riskKm(), r.totals().co2Kg() / r.units()};
    }

    static String show(double[] v) {
        return String.format(java.util.Locale.ROOT, "[usd %.6f, h %.6f, riskKm %.6f, co2 %.6f]", v[0], v[1], v[2], v[3]);
    }

    /** True (and the assertion is skipped) when an endpoint breaks the request, which the router must refuse. */
    static boolean refusedEndpoint(Case c, Router router) {
        List<String> ends = new ArrayList<>(List.of(c.request().from(), c.request().to()));
        ends.addAll(c.request().via());
        Double cap = c.request().maxRisk();
        for (String id : ends) {
            Node node = c.network().node(id).orElseThrow();
            if (cap != null && RISK.of(node.country()).combined() > cap) {
                assertThatThrownBy(() -> router.pareto(c.request(), 1_000_000, 20_000))
                        .isInstanceOf(InvalidRequestException.class)
                        .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("max_risk"));
                return true;
            }
        }
        return false;
    }

    // ======================================================================= properties

    @Property(tries = 400)
    void paretoFrontEqualsExhaustiveEnumeration(@ForAll("cases") Case c) {
        Router router = new Router(c.network(), c.model(), RISK);
        if (refusedEndpoint(c, router)) {
            Statistics.label("outcome").collect("refused endpoint");
            return;
        }
        Front expected = referenceFront(c.network(), c.model(), RISK, c.request());
        if (expected == null) {
            Statistics.label("outcome").collect("too many paths");
            return;
        }
        ParetoResult res = router.pareto(c.request(), 1_000_000, 20_000);
        assertThat(res.truncated()).as("truncated on a tiny network").isFalse();
        List<double[]> actual = new ArrayList<>();
        for (Route r : res.routes()) actual.add(vector(r));
        String report = "expected " + expected.vectors.stream().map(ParetoProperties::show).toList() + "\nactual   "
                + actual.stream().map(ParetoProperties::show).toList();
        if (expected.vectors.isEmpty()) {
            Statistics.label("outcome").collect("no route");
            assertThat(res.routes()).as(report).isEmpty();
            assertThat(res.noRoute()).isNotNull();
            return;
        }
        Statistics.label("outcome").collect("front of " + Math.min(expected.vectors.size(), 4) + "+");
        assertThat(res.noRoute()).isNull();
        // With drivers' rest (the default cost model) the router drops routes that the rest makes dominated on the
        // reported hours (Router.withoutRestDominated): the set is then a subset of the search's exact front, each
        // route on it; without rest it is the exact front.
        boolean rest = c.model().profiles().get(c.request().cargo()).modes().get(org.caravan.network.Mode.ROAD)
                .timing().drivingHoursPerDay() < 24;
        for (double[] e : rest ? List.<double[]>of() : expected.vectors) {
            assertThat(actual.stream().anyMatch(a -> same(a, e))).as("missing %s\n%s", show(e), report).isTrue();
        }
        for (double[] a : actual) {
            assertThat(expected.vectors.stream().anyMatch(e -> same(a, e))).as("extra %s\n%s", show(a), report)
                    .isTrue();
        }
        if (!rest) assertThat(actual).as("one route per vector\n%s", report).hasSize(expected.vectors.size());
    }

    @Property(tries = 250)
    void paretoRoutesAreMutuallyNonDominatedRankedAndRespectRestrictions(@ForAll("cases") Case c) {
        Router router = new Router(c.network(), c.model(), RISK);
        if (refusedEndpoint(c, router)) return;
        ParetoResult res = router.pareto(c.request(), 1_000_000, 20_000);
        assertThat(res.truncated()).isFalse();
        List<Route> routes = res.routes();
        for (int i = 0; i < routes.size(); i++) {
            for (int j = 0; j < routes.size(); j++) {
                if (i == j) continue;
                double[] a = vector(routes.get(i));
                double[] b = vector(routes.get(j));
                assertThat(dominates(a, b)).as("route %d %s dominates route %d %s", i, show(a), j, show(b)).isFalse();
                assertThat(same(a, b)).as("routes %d and %d share the vector %s", i, j, show(a)).isFalse();
            }
            checkRestrictions(c.network(), c.request(), routes.get(i), RISK);
        }
        // best first by the request's objective
        double vot = c.model().profiles().get(c.request().cargo()).valueOfTimeUsdPerHour();
        StateSearch.Weight w = StateSearch.Weight.of(c.request().objective(), vot);
        for (int i = 1; i < routes.size(); i++) {
            double prev = Alternatives.reportedValue(routes.get(i - 1), w);
            double cur = Alternatives.reportedValue(routes.get(i), w);
            assertThat(cur).as("rank %d by %s", i, c.request().objective())
                    .isGreaterThanOrEqualTo(prev - 1e-9 * Math.max(1, Math.abs(prev)));
        }
        // the single-objective optimum is on the front (its value is the first route's) when the objective is
        // monotone in the criteria; distance is not a criterion, so the shortest route may be dominated
        RouteResult best = router.route(c.request());
        assertThat(best.found()).isEqualTo(!routes.isEmpty());
        if (best.found() && c.request().objective() != Objective.DISTANCE) {
            double v0 = Alternatives.reportedValue(routes.get(0), w);
            double vb = Alternatives.reportedValue(best.route(), w);
            double eps = 1e-6 * Math.max(1, Math.abs(vb));
            // Both searches price road hours without the drivers' rest, which is counted over the assembled trip.
            // router.route's answer is on the front before the rest; if the rest leaves it dominated it is dropped
            // for a member no worse in every reported criterion. The set is ranked by reported value, so its first
            // route is never worse than router.route's answer in what both report.
            assertThat(v0).as("first Pareto route vs router.route").isLessThanOrEqualTo(vb + eps);
            if (RouterReferenceProperties.restHours(routes.get(0)) == 0
                    && RouterReferenceProperties.restHours(best.route()) == 0) {
                assertThat(v0).as("first Pareto route vs router.route, no rest").isCloseTo(vb,
                        org.assertj.core.data.Offset.offset(eps));
            }
        }
        // thinning with 0 changes nothing; with a tolerance it keeps the first route and a subset
        assertThat(res.thinned(0).routes()).isEqualTo(routes);
        ParetoResult thin = res.thinned(0.05);
        assertThat(routes).containsAll(thin.routes());
        if (!routes.isEmpty()) assertThat(thin.routes().get(0)).isEqualTo(routes.get(0));
        assertThat(thin.tolerance()).isEqualTo(0.05);
    }

    /**
     * A label cap that bites says so: the answer is truncated, its routes are still valid and mutually
     * non-dominated, each on the exact front or dominated by it, and without any route it says why.
     */
    @Property(tries = 150)
    void aLabelCapTruncatesButKeepsRoutesValid(@ForAll("cases") Case c,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 40) int cap) {
        Router router = new Router(c.network(), c.model(), RISK);
        if (AlternativesProperties.endpointOverRiskCap(c)) return;
        ParetoResult full = router.pareto(c.request(), 1_000_000, 20_000);
        ParetoResult cut = router.pareto(c.request(), cap, 20_000);
        assertThat(cut.labels()).isLessThanOrEqualTo(cap);
        if (full.labels() > cap) assertThat(cut.truncated()).as("cap %d < %d labels", cap, full.labels()).isTrue();
        if (!cut.truncated()) assertThat(cut.routes()).hasSameSizeAs(full.routes());
        if (cut.routes().isEmpty()) {
            assertThat(cut.noRoute()).isNotNull();
            if (cut.truncated()) assertThat(cut.noRoute().message()).contains("budget");
        }
        for (Route r : cut.routes()) {
            checkRestrictions(c.network(), c.request(), r, RISK);
            double[] v = vector(r);
            assertThat(full.routes().stream().anyMatch(f -> leq(vector(f), v))).as("%s not covered by the front",
                    show(v)).isTrue();
            for (Route o : cut.routes()) if (o != r) assertThat(dominates(vector(o), v)).isFalse();
        }
    }

    /** Every hard restriction of the request holds on the route. */
    static void checkRestrictions(Network net, RouteRequest req, Route r, RiskRegister risk) {
        assertThat(r.nodes().get(0)).isEqualTo(req.from());
        assertThat(r.nodes().get(r.nodes().size() - 1)).isEqualTo(req.to());
        int pos = 0;
        for (String via : req.via()) {
            int found = r.nodes().subList(pos, r.nodes().size()).indexOf(via);
            assertThat(found).as("via %s in order in %s", via, r.nodes()).isGreaterThanOrEqualTo(0);
            pos += found;
        }
        for (String id : r.nodes()) {
            Node node = net.node(id).orElseThrow();
            assertThat(req.avoidCountries()).as("avoided country entered at %s", id).doesNotContain(node.country());
            assertThat(req.closedNodes()).as("closed node used").doesNotContain(id);
            if (req.maxRisk() != null && node.kind() != NodeKind.SEA_WAYPOINT) {
                assertThat(risk.of(node.country()).combined()).as("risk cap at %s (%s)", id, node.country())
                        .isLessThanOrEqualTo(req.maxRisk());
            }
        }
        for (Leg leg : r.legs()) {
            Link link = net.link(leg.linkId()).orElseThrow();
            assertThat(req.closedLinks()).as("closed link used").doesNotContain(leg.linkId());
            assertThat(link.status()).isNotEqualTo(LinkStatus.CLOSED);
            if (!req.includePlanned()) assertThat(link.status()).isEqualTo(LinkStatus.OPERATIONAL);
            assertThat(req.modes()).as("mode of %s", leg.linkId()).contains(leg.cargoMode());
        }
        for (Transshipment t : r.transshipments()) assertThat(req.modes()).contains(t.fromMode(), t.toMode());
    }

    /** The generator yields enough fronts with several routes for the comparison to mean something. */
    @Example
    void generatorYieldsNonTrivialFronts() {
        int checked = 0;
        int multi = 0;
        TreeSet<Integer> sizes = new TreeSet<>();
        for (long seed = 1; seed <= 120; seed++) {
            Case c = makeCase(4 + (int) (seed % 4), 1 + (int) (seed % 3), seed * 7919);
            Router router = new Router(c.network(), c.model(), RISK);
            List<String> ends = new ArrayList<>(List.of(c.request().from(), c.request().to()));
            ends.addAll(c.request().via());
            if (c.request().maxRisk() != null && ends.stream().anyMatch(id -> RISK.of(c.network().node(id)
                    .orElseThrow().country()).combined() > c.request().maxRisk())) {
                continue;
            }
            Front f = referenceFront(c.network(), c.model(), RISK, c.request());
            if (f == null) continue;
            checked++;
            sizes.add(f.vectors.size());
            if (f.vectors.size() > 1) multi++;
            assertThat(router.pareto(c.request(), 1_000_000, 20_000).routes()).hasSize(f.vectors.size());
        }
        assertThat(checked).as("scenarios small enough to enumerate").isGreaterThan(80);
        assertThat(multi).as("scenarios with a real trade-off, sizes %s", sizes).isGreaterThan(10);
    }
}
