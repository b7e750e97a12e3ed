package org.caravan.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.caravan.scenario.ScenarioTestSupport.BASE;
import static org.caravan.scenario.ScenarioTestSupport.file;
import static org.caravan.scenario.ScenarioTestSupport.parse;
import static org.caravan.scenario.ScenarioTestSupport.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.caravan.cost.CostModel;
import org.caravan.cost.CostModelLoader;
import org.caravan.demand.OdFile;
import org.caravan.demand.OdPair;
import org.caravan.geo.CountryShapes;
import org.caravan.io.YamlOverlay;
import org.caravan.network.CrossingTimes;
import org.caravan.network.Link;
import org.caravan.network.LinkStatus;
import org.caravan.network.Network;
import org.caravan.network.NetworkBuilder;
import org.caravan.network.Node;
import org.caravan.place.RouteQuery;
import org.caravan.routing.PlanOptions;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.RouteResult;
import org.caravan.routing.Router;
import org.junit.jupiter.api.Test;

/** The overlay leaves the base alone, really closes what it closes, and equals a network edited by hand. */
class ScenarioOverlayTest {

    private record Snapshot(List<Link> links, List<Node> nodes, List<String> statuses) {
        static Snapshot of(Network n) {
            return new Snapshot(new ArrayList<>(n.links()), new ArrayList<>(n.nodes()),
                    n.links().stream().map(l -> l.id() + "=" + l.status()).toList());
        }
    }

    @Test
    void overlaysNeverChangeTheBaseNetwork() throws Exception {
        Snapshot before = Snapshot.of(BASE.network());
        ObjectNode treeBefore = BASE.costTree();
        List<ScenarioRun> runs = new ArrayList<>();
        for (String id : ScenarioLoader.EXAMPLES) runs.add(ScenarioOverlay.apply(BASE, ScenarioLoader.example(id, BASE)));
        runs.add(ScenarioOverlay.apply(BASE, parse(file("""
                  add_links:
                    - {id: road_new, from: AFMZR, to: AFKBL, mode: road, km: 420, status: operational,
                       source: test, confidence: estimated}
                """))));
        Snapshot after = Snapshot.of(BASE.network());
        assertThat(after.statuses()).isEqualTo(before.statuses());
        assertThat(BASE.network().linkCount()).isEqualTo(before.links().size());
        for (int i = 0; i < before.links().size(); i++) assertThat(after.links().get(i)).isSameAs(before.links().get(i));
        assertThat(BASE.costTree()).isEqualTo(treeBefore);
        assertThat(BASE.network().link("road_new")).isEmpty();
        for (ScenarioRun run : runs) {
            Set<String> touched = touched(run.scenario().changes());
            assertThat(run.network().nodes()).hasSameSizeAs(BASE.network().nodes());
            for (int i = 0; i < BASE.network().nodeCount(); i++) {
                assertThat(run.network().node(i)).isSameAs(BASE.network().node(i));
            }
            for (Link l : BASE.network().links()) {
                Link o = run.network().link(l.id()).orElseThrow();
                if (touched.contains(l.id())) assertThat(o).isNotSameAs(l);
                else assertThat(o).as(l.id()).isSameAs(l);
            }
            assertThat(run.network().linkCount()).isEqualTo(BASE.network().linkCount()
                    + run.scenario().changes().addLinks().size());
        }
    }

    private static Set<String> touched(ScenarioChanges c) {
        Set<String> s = new HashSet<>(c.closeLinks());
        s.addAll(c.open());
        s.addAll(c.reopen());
        s.addAll(c.crossings().keySet());
        s.addAll(c.links().keySet());
        return s;
    }

    @Test
    void aClosedLinkIsNeverUsed() throws Exception {
        int checked = 0;
        for (OdPair od : OdFile.embedded()) {
            RouteRequest req = request(od.from(), od.to(), od.cargo());
            RouteResult base = BASE.router().route(req);
            if (!base.found()) continue;
            for (Link used : usedLinks(base.route())) {
                if (!used.isCrossing()) continue;
                ScenarioRun run = ScenarioOverlay.apply(BASE, parse(file("  close: [" + used.id() + "]\n")));
                RouteResult r = run.router().route(run.restrict(req));
                if (r.found()) assertThat(r.route().legs()).noneMatch(l -> l.linkId().equals(used.id()));
                checked++;
                break;
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    private static List<Link> usedLinks(Route r) {
        return r.legs().stream().map(l -> BASE.network().link(l.linkId()).orElseThrow()).toList();
    }

    @Test
    void torkhamClosedMovesKabulPeshawarOffTorkham() throws Exception {
        ScenarioRun run = ScenarioOverlay.apply(BASE, ScenarioLoader.example("torkham-closed", BASE));
        RouteRequest req = request("Kabul", "Peshawar", "container");
        Route base = BASE.router().route(req).route();
        assertThat(base.crossingNames()).contains("Torkham");
        RouteResult r = run.router().route(run.restrict(req));
        assertThat(r.found()).isTrue();
        assertThat(r.route().crossingNames()).doesNotContain("Torkham");
    }

    // ---- scenario == the same change made by hand -------------------------------------------------------

    /** The base network with {@code edit} applied to its links, and {@code extra} links added. */
    private static Network edited(UnaryOperator<Link> edit, List<Link> extra) throws Exception {
        NetworkBuilder b = new NetworkBuilder().countryShapes(CountryShapes.none());
        for (Node n : BASE.network().nodes()) b.addNode(n, "hand", "");
        for (Link l : BASE.network().links()) b.addLink(edit.apply(l), "hand", "");
        for (Link l : extra) b.addLink(l, "hand", "");
        return b.build("hand-edited");
    }

    private static Link with(Link l, LinkStatus status, double wait, CrossingTimes f, CrossingTimes b) {
        return new Link(l.id(), l.name(), l.from(), l.to(), l.mode(), l.gauges(), l.km(), l.hours(), wait, status,
                l.oneway(), l.carries(), f, b, l.capacityTonnesPerDay(), l.geometry(), l.source(), l.confidence(),
                l.note());
    }

    private static void assertSameRoutes(Router hand, UnaryOperator<RouteRequest> handRequest, ScenarioRun run,
            List<RouteRequest> requests) {
        for (RouteRequest req : requests) {
            RouteResult a = route(hand, handRequest.apply(req));
            RouteResult b = route(run.router(), run.restrict(req));
            assertThat(b == null).as(req.from() + "->" + req.to() + " refused").isEqualTo(a == null);
            if (a == null) continue;
            assertThat(b.found()).as(req.from() + "->" + req.to()).isEqualTo(a.found());
            if (!a.found()) continue;
            assertThat(b.route().nodes()).isEqualTo(a.route().nodes());
            assertThat(b.route().totals().usd()).isCloseTo(a.route().totals().usd(), within(1e-6));
            assertThat(b.route().totals().hours()).isCloseTo(a.route().totals().hours(), within(1e-6));
            assertThat(b.route().totals().generalizedUsd())
                    .isCloseTo(a.route().totals().generalizedUsd(), within(1e-6));
            assertThat(b.route().totals().co2Kg()).isCloseTo(a.route().totals().co2Kg(), within(1e-6));
        }
    }

    /** The route, or null when the router refuses the request (its own ends closed or avoided). */
    private static RouteResult route(Router router, RouteRequest req) {
        try {
            return router.route(req);
        } catch (org.caravan.routing.InvalidRequestException e) {
            return null;
        }
    }

    private static List<RouteRequest> requests() {
        List<RouteRequest> out = new ArrayList<>();
        for (OdPair od : OdFile.embedded()) out.add(request(od.from(), od.to(), od.cargo()));
        out.add(request("Kabul", "Peshawar", "container"));
        out.add(request("Termez", "Peshawar", "container", "rail"));
        out.add(request("Herat", "Bandar Abbas", "bulk"));
        return out;
    }

    private static Router router(Network n) { return new Router(n, BASE.costs(), BASE.risk()); }

    @Test
    void closeEqualsHandEdit() throws Exception {
        ScenarioRun run = ScenarioOverlay.apply(BASE, parse(file("  close: [Torkham, Tashkent]\n")));
        Set<String> torkham = BASE.places().resolveClosure("Torkham").links();
        String tashkent = BASE.places().resolve("Tashkent", "t").id();
        Network hand = edited(l -> torkham.contains(l.id())
                ? with(l, LinkStatus.CLOSED, l.waitHours(), l.forward(), l.backward()) : l, List.of());
        assertSameRoutes(router(hand), r -> r.withClosed(Set.of(tashkent), r.closedLinks()), run, requests());
    }

    @Test
    void openAndReopenEqualHandEdit() throws Exception {
        Set<String> trans = Set.of("rail_afmzr_af_maidan_shahr", "rail_af_maidan_shahr_af_pul_i_alam",
                "rail_af_pul_i_alam_af_dand_patan", "x_af_dand_patan_pk_kharlachi_rail", "rail_pk_kharlachi_pkpew");
        Network hand = edited(l -> trans.contains(l.id())
                ? with(l, LinkStatus.OPERATIONAL, l.waitHours(), l.forward(), l.backward()) : l, List.of());
        ScenarioRun run = ScenarioOverlay.apply(BASE, ScenarioLoader.example("trans-afghan-railway", BASE));
        assertSameRoutes(router(hand), r -> r, run, requests());

        // reopen: a base where Torkham is closed, reopened by a scenario, equals the embedded network
        Set<String> torkham = BASE.places().resolveClosure("Torkham").links();
        Network closed = edited(l -> torkham.contains(l.id())
                ? with(l, LinkStatus.CLOSED, l.waitHours(), l.forward(), l.backward()) : l, List.of());
        ScenarioBase closedBase = ScenarioBase.of(closed, null, BASE.risk());
        Scenario reopen = ScenarioLoader.read(file("  reopen: [" + String.join(", ", torkham) + "]\n")
                .getBytes(), "reopen.yaml", closedBase);
        ScenarioRun reopened = ScenarioOverlay.apply(closedBase, reopen);
        assertSameRoutes(BASE.router(), r -> r, reopened, requests());
    }

    @Test
    void crossingAndLinkChangesEqualHandEdit() throws Exception {
        Link torkham = BASE.network().link("x_pktor_afrkh_road").orElseThrow();
        ScenarioRun run = ScenarioOverlay.apply(BASE, parse(file("""
                  crossings:
                    x_pktor_afrkh_road: {hours_mean: 5, hours_p90: 9, fee_usd: 20, fee_usd_rev: 30}
                  links:
                    ferry_kzaau_azala: {wait_hours: 30}
                """)));
        Network hand = edited(l -> switch (l.id()) {
            case "x_pktor_afrkh_road" -> with(l, l.status(), l.waitHours(), new CrossingTimes(5, 9, 20),
                    new CrossingTimes(5, 9, 30));
            case "ferry_kzaau_azala" -> with(l, l.status(), 30, l.forward(), l.backward());
            default -> l;
        }, List.of());
        assertThat(torkham.forward().feeUsd()).isNotEqualTo(20);
        // The router takes crossing and ferry times from the cost model's place tables: the hand edit edits them
        // the same way (a scenario's change must reach the answer, not only the network file).
        ObjectNode tree = CostModelLoader.readDefaults();
        ((ObjectNode) tree.get("crossings")).set("x_pktor_afrkh_road", YamlOverlay.YAML.readTree(
                "{forward: {wait_hours: 5, p90_wait_hours: 9, fee_usd: 20}, reverse: {wait_hours: 5, p90_wait_hours: 9,"
                        + " fee_usd: 30}}"));
        ((ObjectNode) tree.get("services")).set("ferry_kzaau_azala",
                YamlOverlay.YAML.readTree("{wait_hours: 30, p90_wait_hours: 60}"));
        Router handRouter = new Router(hand, CostModelLoader.fromTree(tree, "hand"), BASE.risk());
        List<RouteRequest> reqs = new ArrayList<>(requests());
        reqs.add(request("Aktau", "Baku", "container"));
        reqs.add(request("Peshawar", "Kabul", "container"));
        assertSameRoutes(handRouter, r -> r, run, reqs);
        // and it does change the answer
        RouteResult before = BASE.router().route(run.restrict(request("Peshawar", "Kabul", "container", "road")));
        RouteResult after = run.router().route(run.restrict(request("Peshawar", "Kabul", "container", "road")));
        assertThat(after.route().crossings().get(0).hours()).isCloseTo(5, within(1e-9));
        assertThat(before.route().crossings().get(0).hours()).isCloseTo(24.2, within(1e-9));
    }

    @Test
    void aScenariosFerryWaitKeepsTheServicesPublishedFare() throws Exception {
        // Turkmenbashi-Alat has its own wait and ASCO's fare; Kuryk-Amirabad a fare-only entry (tariffs.yaml)
        ScenarioRun run = ScenarioOverlay.apply(BASE, parse(file("""
                  links:
                    ferry_tmkrw_azala: {wait_hours: 30}
                    ferry_kzkur_iramd: {wait_hours: 10}
                """)));
        for (String[] q : new String[][] {{"Turkmenbashi port", "Alat port", "1000"},
                {"Kuryk port", "Amirabad port", "1650"}}) {
            RouteRequest req = run.restrict(request(q[0], q[1], "container", "ferry"));
            Route before = BASE.router().route(req).route();
            Route after = run.router().route(req).route();
            assertThat(after.totals().usd()).as(q[0]).isCloseTo(Double.parseDouble(q[2]), within(1e-9));
            assertThat(after.totals().usd()).as(q[0]).isCloseTo(before.totals().usd(), within(1e-9));
            assertThat(after.totals().hours()).as(q[0]).isNotCloseTo(before.totals().hours(), within(1e-6));
        }
    }

    @Test
    void addedLinkEqualsHandEdit() throws Exception {
        ScenarioRun run = ScenarioOverlay.apply(BASE, parse(file("""
                  add_links:
                    - {id: road_new, from: AFMZR, to: AFKBL, mode: road, km: 300, status: operational,
                       source: test, confidence: estimated}
                """)));
        Link added = new Link("road_new", "", "AFMZR", "AFKBL", org.caravan.network.Mode.ROAD, Set.of(), 300,
                OptionalDouble.empty(), 0, LinkStatus.OPERATIONAL, false, null, null, null, null, null, "test",
                org.caravan.network.Confidence.ESTIMATED, "");
        assertSameRoutes(router(edited(l -> l, List.of(added))), r -> r, run, requests());
        assertThat(run.router().route(request("Mazar-i-Sharif", "Kabul", "container")).route().legs())
                .anyMatch(l -> l.linkId().equals("road_new"));
    }

    @Test
    void costsAvoidAndPenaltiesEqualHandEdit() throws Exception {
        ScenarioRun run = ScenarioOverlay.apply(BASE, ScenarioLoader.example("uzbek-transit-discount", BASE));
        ObjectNode tree = CostModelLoader.readDefaults();
        YamlOverlay.merge(tree, (ObjectNode) YamlOverlay.YAML.readTree("""
                profiles:
                  bulk: {modes: {rail: {per_km_usd_by_country: {UZ: 0.027}}}}
                  container: {modes: {rail: {per_km_usd_by_country: {UZ: 0.45}}}}
                """));
        CostModel hand = CostModelLoader.fromTree(tree, "hand");
        assertThat(hand.profile("container").orElseThrow().modes().get(org.caravan.network.Mode.RAIL)
                .perKmUsd("KZ")).isEqualTo(0.79); // the override merged, it did not replace (KZ: tariffs.yaml)
        assertSameRoutes(new Router(BASE.network(), hand, BASE.risk()), r -> r, run, requests());

        ScenarioRun avoid = ScenarioOverlay.apply(BASE, parse(file("  avoid: [AF]\n  penalties: {IR: 500}\n")));
        assertSameRoutes(BASE.router(), r -> r.withAvoid(Set.of("AF")).withPenalties(Map.of("IR", 500.0)), avoid,
                requests());
    }

    @Test
    void manyScenariosRunConcurrently() throws Exception {
        List<OdPair> ods = OdFile.embedded();
        RouteQuery template = RouteQuery.builder().build();
        PlanOptions options = new PlanOptions(null, false, 0.02, 200_000, 3_000, 200, 1L);
        List<ScenarioComparison.Result> sequential = new ArrayList<>();
        List<ScenarioRun> runs = new ArrayList<>();
        for (String id : ScenarioLoader.EXAMPLES) {
            ScenarioRun run = ScenarioOverlay.apply(BASE, ScenarioLoader.example(id, BASE));
            runs.add(run);
            sequential.add(ScenarioComparison.compare(run, ods, template, options));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<ScenarioComparison.Result>> futures = new ArrayList<>();
            for (ScenarioRun run : runs) futures.add(pool.submit(() -> ScenarioComparison.compare(run, ods, template,
                    options)));
            for (int i = 0; i < runs.size(); i++) assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
        } finally {
            pool.shutdown();
        }
    }
}
