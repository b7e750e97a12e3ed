package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.caravan.routing.Nets.crossing;
import static org.caravan.routing.Nets.net;
import static org.caravan.routing.Nets.node;
import static org.caravan.routing.Nets.rail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caravan.cost.CostModel;
import org.caravan.cost.CostModelException;
import org.caravan.cost.CostModelLoader;
import org.caravan.io.YamlOverlay;
import org.caravan.network.CrossingTimes;
import org.caravan.network.Gauge;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.junit.jupiter.api.Test;

/**
 * Export, import and transit rail tariff levels (issue 13 s2) on a hand-made network, with every figure by hand
 * from the classic fixture (bulk rail: 4 USD per leg, 0.045 USD/t-km, KZ 0.09) and the levels below: a rail link
 * in country C costs C's export level when the shipment starts in C, its import level when it ends in C, its
 * transit level otherwise; without the level that applies (and within one country) the country rate stays.
 */
class TariffLevelsTest {
    private static final double EPS = 1e-9;

    private static final String LEVELS = """
            profiles:
              bulk:
                modes:
                  rail:
                    export_per_km_usd_by_country: {KZ: 0.02}
                    transit_per_km_usd_by_country: {UZ: 0.01}
                    import_per_km_usd_by_country: {TM: 0.03}
            """;

    private static CostModel costs(String yaml) throws Exception {
        ObjectNode tree;
        try (InputStream in = TariffLevelsTest.class.getResourceAsStream("/org/caravan/routing/classic-costs.yaml")) {
            tree = (ObjectNode) YamlOverlay.YAML.readTree(in);
        }
        YamlOverlay.merge(tree, (ObjectNode) YamlOverlay.YAML.readTree(yaml.isBlank() ? "{}" : yaml));
        return CostModelLoader.fromTree(tree, "test");
    }

    /**
     * A -100 km- B (KZ) = C -200 km- D (UZ) = E -50 km- F (TM), all 1520 mm rail with free 1 km crossings
     * (no fee, 1 h); and a parallel way B = G -150 km- H (RU) = E.
     */
    private static Network corridor() {
        CrossingTimes free = new CrossingTimes(1, 2, 0);
        return net(List.of(node("A", "KZ"), node("B", "KZ"), node("C", "UZ"), node("D", "UZ"), node("E", "TM"),
                        node("F", "TM"), node("G", "RU"), node("H", "RU")),
                List.of(rail("ab", "A", "B", Gauge.G1520, 100),
                        crossing("bc", "B", "C", 1, Set.of(Mode.RAIL), Set.of(), free, null),
                        rail("cd", "C", "D", Gauge.G1520, 200),
                        crossing("de", "D", "E", 1, Set.of(Mode.RAIL), Set.of(), free, null),
                        rail("ef", "E", "F", Gauge.G1520, 50),
                        crossing("bg", "B", "G", 1, Set.of(Mode.RAIL), Set.of(), free, null),
                        rail("gh", "G", "H", Gauge.G1520, 150),
                        crossing("he", "H", "E", 1, Set.of(Mode.RAIL), Set.of(), free, null)));
    }

    private static RouteRequest bulkRail(String from, String to) {
        return RouteRequest.of(from, to).withCargo("bulk").withModes(Set.of(Mode.RAIL));
    }

    private static double usd(Router router, String from, String to) {
        return router.route(bulkRail(from, to)).route().totals().usd();
    }

    @Test
    void eachCountryIsPricedAtTheLevelOfTheShipmentsDirection() throws Exception {
        Router router = new Router(corridor(), costs(LEVELS));
        // A -> F: KZ export 100 x 0.02, UZ transit 200 x 0.01, TM import 50 x 0.03, and the leg's 4 USD
        Route r = router.route(bulkRail("A", "F")).route();
        assertThat(r.nodes()).containsExactly("A", "B", "C", "D", "E", "F");
        assertThat(r.totals().usd()).isCloseTo(4 + 2 + 2 + 1.5, within(EPS));
        assertThat(r.legs()).extracting(Leg::usd).containsExactly(4 + 2.0, 0.0, 2.0, 0.0, 1.5);
        // by country, the same money
        Map<String, Double> byCountry = new java.util.HashMap<>();
        r.exposure().forEach(e -> byCountry.put(e.country(), e.usd()));
        assertThat(byCountry.get("UZ")).isCloseTo(2, within(EPS));
        assertThat(byCountry.get("TM")).isCloseTo(1.5, within(EPS));
        // A -> D ends in UZ, which has no import level: UZ at its country rate (0.045 x 200 = 9), so the way
        // round by Russia and Turkmenistan (RU 6.75, TM's D-E is a crossing) is cheaper; KZ still export
        Route toD = router.route(bulkRail("A", "D")).route();
        assertThat(toD.nodes()).containsExactly("A", "B", "G", "H", "E", "D");
        assertThat(toD.totals().usd()).isCloseTo(4 + 2 + 150 * 0.045, within(EPS));
        assertThat(usd(router, "A", "D")).isCloseTo(4 + 2 + 150 * 0.045, within(EPS));
        // C -> F starts in UZ, which has no export level: UZ at 0.045; TM import (Russia avoided, else the way
        // back through Kazakhstan's crossings and Russia is cheaper)
        assertThat(router.route(bulkRail("C", "F").withAvoid(Set.of("RU"))).route().totals().usd())
                .isCloseTo(4 + 200 * 0.045 + 1.5, within(EPS));
        // within one country no level applies: A -> B is KZ at its country rate 0.09, C -> D UZ at 0.045
        assertThat(usd(router, "A", "B")).isCloseTo(4 + 100 * 0.09, within(EPS));
        assertThat(router.route(bulkRail("C", "D").withAvoid(Set.of("RU"))).route().totals().usd())
                .isCloseTo(4 + 200 * 0.045, within(EPS));
        // F -> A the other way: TM has no export level (0.045), UZ transit, KZ has no import level (0.09)
        assertThat(router.route(bulkRail("F", "A").withAvoid(Set.of("RU"))).route().totals().usd())
                .isCloseTo(4 + 50 * 0.045 + 2 + 100 * 0.09, within(EPS));
    }

    @Test
    void withoutLevelsTheCountryRatesStay() throws Exception {
        Router router = new Router(corridor(), costs(""));
        // A -> F picks Russia (150 x 0.045 = 6.75 against Uzbekistan's 9): KZ 9 + RU 6.75 + TM 2.25 + 4
        Route r = router.route(bulkRail("A", "F")).route();
        assertThat(r.nodes()).containsExactly("A", "B", "G", "H", "E", "F");
        assertThat(r.totals().usd()).isCloseTo(4 + 9 + 6.75 + 2.25, within(EPS));
    }

    @Test
    void theSearchChoosesByTheLevelsAndEveryEngineAgrees() throws Exception {
        Router router = new Router(corridor(), costs(LEVELS));
        RouteRequest q = bulkRail("A", "F");
        // with the UZ transit level the way through Uzbekistan (2) beats Russia (6.75)
        Route graph = router.route(q).route(); // untimed: the compact state graph
        assertThat(graph.nodes()).contains("C", "D");
        double expected = 4 + 2 + 2 + 1.5;
        // timed: StateSearch over the SearchSpace (no opening hours here, so the same route and money)
        Route timed = router.route(q.withDepart(LocalDateTime.of(2027, 3, 1, 8, 0))).route();
        assertThat(timed.nodes()).isEqualTo(graph.nodes());
        assertThat(timed.totals().usd()).isCloseTo(expected, within(EPS));
        // Pareto: the cheapest of the set is the same route, priced the same (lower bounds include the levels)
        ParetoResult p = router.pareto(q.withObjective(Objective.COST), 10_000, 10_000);
        double cheapest = p.routes().stream().mapToDouble(x -> x.totals().usd()).min().orElseThrow();
        assertThat(cheapest).isCloseTo(expected, within(EPS));
        // the lower bounds from A are admissible: at most the true remaining cost
        SearchSpace space = router.space(q);
        double[][] lb = space.lowerBounds();
        assertThat(lb[0][space.from]).isLessThanOrEqualTo(expected - 4 + EPS);
        assertThat(lb[0][space.from]).isCloseTo(expected - 4, within(EPS));
        // alternatives: the first is the route, the second the Russian way, each priced for this shipment
        RouteResults alt = router.alternatives(q, 2);
        assertThat(alt.routes().get(0).totals().usd()).isCloseTo(expected, within(EPS));
        assertThat(alt.routes().get(1).nodes()).contains("G", "H");
        assertThat(alt.routes().get(1).totals().usd()).isCloseTo(4 + 2 + 6.75 + 1.5, within(EPS));
    }

    @Test
    void oneTreeToManyDestinationsPricesEachDestinationsImportLevel() throws Exception {
        Router router = new Router(corridor(), costs(LEVELS));
        RouteRequest q = bulkRail("A", "F");
        Map<String, RouteResult> tree = router.routeFrom(q, List.of("B", "D", "F", "H"));
        for (String d : List.of("B", "D", "F", "H")) {
            assertThat(tree.get(d).route()).as(d).isEqualTo(router.route(q.withTo(d)).route());
        }
        assertThat(tree.get("F").route().totals().usd()).isCloseTo(4 + 2 + 2 + 1.5, within(EPS));
        assertThat(tree.get("B").route().totals().usd()).isCloseTo(4 + 9, within(EPS));
    }

    @Test
    void aServicesPublishedFareIsTheWholePriceOfTheSailing() throws Exception {
        // A (KZ) -400 km ferry- B (AZ); classic container ferry: 600 USD per leg + 2.0 USD/km = 1,400 USD
        Network n = net(List.of(node("A", "KZ"), node("B", "AZ")),
                List.of(Nets.link("f", "A", "B", Mode.FERRY, Set.of(), 400, java.util.OptionalDouble.of(20), 0,
                        org.caravan.network.LinkStatus.OPERATIONAL, false)));
        assertThat(new Router(n, costs("")).route(RouteRequest.of("A", "B")).route().totals().usd())
                .isCloseTo(600 + 400 * 2.0, within(EPS));
        Router fared = new Router(n, costs("""
                services:
                  f: {departure_wait_interval_hours: 24, fare_usd: {container: 1000}}
                """));
        Route r = fared.route(RouteRequest.of("A", "B")).route();
        assertThat(r.totals().usd()).isCloseTo(1000, within(EPS)); // the fare, fixed charge included
        assertThat(r.legs()).singleElement().satisfies(l -> assertThat(l.usd()).isCloseTo(1000, within(EPS)));
        // bulk has no fare of its own here: the per-km estimate stays (8 USD per leg + 0.06 USD/t-km)
        assertThat(fared.route(RouteRequest.of("A", "B").withCargo("bulk")).route().totals().usd())
                .isCloseTo(8 + 400 * 0.06, within(EPS));
        // a fare below the leg's fixed charge: the leg costs its fixed charge (the link carries 0)
        Router cheap = new Router(n, costs("""
                services:
                  f: {departure_wait_interval_hours: 24, fare_usd: {container: 400}}
                """));
        assertThat(cheap.route(RouteRequest.of("A", "B")).route().totals().usd()).isCloseTo(600, within(EPS));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> costs("""
                services:
                  f: {departure_wait_interval_hours: 24, fare_usd: {wagons: 400}}
                """)).isInstanceOf(CostModelException.class).hasMessageContaining("services.f.fare_usd.wagons");
    }

    @Test
    void aFareOnlyEntryPricesTheSailingAndKeepsTheNetworksWait() throws Exception {
        // A (KZ) -700 km ferry, 40 h sailing, 30 h network wait- B (IR); classic container ferry 600 + 2.0 USD/km
        Network n = net(List.of(node("A", "KZ"), node("B", "IR")),
                List.of(Nets.link("f", "A", "B", Mode.FERRY, Set.of(), 700, java.util.OptionalDouble.of(40), 30,
                        org.caravan.network.LinkStatus.OPERATIONAL, false)));
        Route plain = new Router(n, costs("")).route(RouteRequest.of("A", "B")).route();
        assertThat(plain.totals().usd()).isCloseTo(600 + 700 * 2.0, within(EPS));
        Router fared = new Router(n, costs("""
                services:
                  f: {fare_usd: {container: 1650}}
                """));
        Route r = fared.route(RouteRequest.of("A", "B")).route();
        assertThat(r.totals().usd()).isCloseTo(1650, within(EPS)); // the fare replaces fixed charge and per-km price
        assertThat(r.totals().hours()).isCloseTo(plain.totals().hours(), within(EPS)); // the network's 30 h wait stays
        assertThat(r.timeline()).anySatisfy(st -> {
            assertThat(st.kind()).isEqualTo(TimeStep.Kind.SERVICE_WAIT);
            assertThat(st.hours()).isCloseTo(30, within(EPS));
        });
        // bulk has no fare here: the per-km estimate (8 USD per leg + 0.06 USD/t-km) stays
        assertThat(fared.route(RouteRequest.of("A", "B").withCargo("bulk")).route().totals().usd())
                .isCloseTo(8 + 700 * 0.06, within(EPS));
        // with a wait of its own in the same entry, the entry's wait replaces the network's (mean 24 / 2 = 12 h)
        Router both = new Router(n, costs("""
                services:
                  f: {departure_wait_interval_hours: 24, fare_usd: {container: 1650}}
                """));
        Route rb = both.route(RouteRequest.of("A", "B")).route();
        assertThat(rb.totals().usd()).isCloseTo(1650, within(EPS));
        assertThat(rb.totals().hours()).isCloseTo(plain.totals().hours() - 30 + 12, within(EPS));
        // neither a wait nor a fare: refused, naming the entry
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> costs("""
                services:
                  f: {sailing_speed_kmh: 20}
                """)).isInstanceOf(CostModelException.class).hasMessageContaining("services.f")
                .hasMessageContaining("fare_usd alone");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> costs("""
                services:
                  f: {fare_usd: {}}
                """)).isInstanceOf(CostModelException.class).hasMessageContaining("services.f.fare_usd");
    }

    @Test
    void levelsAreCheckedLikeEveryRate() {
        String bad = """
                profiles:
                  bulk:
                    modes:
                      rail:
                        transit_per_km_usd_by_country: {UZ: -0.01, Narnia: 0.1}
                """;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> costs(bad))
                .isInstanceOf(CostModelException.class)
                .hasMessageContaining("profiles.bulk.modes.rail.transit_per_km_usd_by_country.UZ")
                .hasMessageContaining("Narnia");
    }
}
