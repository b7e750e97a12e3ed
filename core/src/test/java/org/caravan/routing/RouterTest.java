package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.caravan.routing.Nets.crossing;
import static org.caravan.routing.Nets.link;
import static org.caravan.routing.Nets.net;
import static org.caravan.routing.Nets.node;
import static org.caravan.routing.Nets.oneway;
import static org.caravan.routing.Nets.rail;
import static org.caravan.routing.Nets.road;
import static org.caravan.routing.Nets.withStatus;

import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.caravan.cost.CostModel;
import org.caravan.cost.CostModelLoader;
import org.caravan.network.Cargo;
import org.caravan.network.CrossingTimes;
import org.caravan.network.Gauge;
import org.caravan.network.LinkStatus;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.junit.jupiter.api.Test;

/**
 * Hand-made routing examples priced with the embedded defaults. Container profile: road fixed 80, 1.25 USD/km
 * (KZ 3.0), 40 km/h; rail fixed 150, 0.9 USD/km (KZ 1.8), 30 km/h (KZ 53); transship default 120 USD / 24 h;
 * gauge change 329 USD / 24 h; value of time 0.8 USD/h; 20 t per box. Bulk: road fixed 3, 0.062 USD/km.
 */
class RouterTest {
    private static final double EPS = 1e-9;
    private static final CostModel DEFAULTS = Nets.classicCosts();

    private static Router router(Network n) { return new Router(n, DEFAULTS); }

    // ------------------------------------------------------------------ gauge breaks

    private static Network gaugeBreak(boolean gaugeChangeAtB) {
        return net(List.of(node("A", "CN"), node("B", "CN", false, gaugeChangeAtB, Set.of()), node("C", "CN")),
                List.of(rail("r1", "A", "B", Gauge.G1435, 100), rail("r2", "B", "C", Gauge.G1520, 200)));
    }

    @Test
    void gaugeBreakAtGaugeChangeNodeIsCostedExactly() {
        RouteResult res = router(gaugeBreak(true)).route(RouteRequest.of("A", "C"));
        assertThat(res.found()).isTrue();
        Route r = res.route();
        assertThat(r.nodes()).containsExactly("A", "B", "C");
        assertThat(r.legs()).hasSize(2);
        Leg l1 = r.legs().get(0);
        Leg l2 = r.legs().get(1);
        assertThat(l1.gauge()).isEqualTo(Gauge.G1435);
        assertThat(l2.gauge()).isEqualTo(Gauge.G1520);
        assertThat(l1.usd()).isCloseTo(150 + 100 * 0.9, within(EPS)); // fixed cost on the first leg
        assertThat(l1.hours()).isCloseTo(100 / 30.0, within(EPS));
        assertThat(l2.usd()).isCloseTo(200 * 0.9, within(EPS)); // a gauge change charges no new fixed cost
        assertThat(r.transshipments()).hasSize(1);
        Transshipment t = r.transshipments().get(0);
        assertThat(t.at()).isEqualTo("B");
        assertThat(t.fromGauge()).isEqualTo(Gauge.G1435);
        assertThat(t.toGauge()).isEqualTo(Gauge.G1520);
        assertThat(t.reason()).isEqualTo("gauge change 1435->1520");
        assertThat(t.usd()).isCloseTo(329, within(EPS));
        assertThat(t.hours()).isCloseTo(24, within(EPS));
        Totals tot = r.totals();
        assertThat(tot.km()).isCloseTo(300, within(EPS));
        assertThat(tot.usd()).isCloseTo(240 + 329 + 180, within(EPS));
        assertThat(tot.hours()).isCloseTo(100 / 30.0 + 24 + 200 / 30.0, within(EPS));
        assertThat(tot.co2Kg()).isCloseTo(300 * 0.025 * 20, within(EPS));
        assertThat(tot.generalizedUsd()).isCloseTo(749 + 0.8 * 34, within(1e-9));
    }

    @Test
    void gaugeChangeChargesNoFixedCostInTheSearchEither() {
        // Rail with a gauge break: 749 USD + 0.8 x 34 h = 776.2. Road A-C 620 km: 80 + 775 + 0.8 x 15.5 = 867.4.
        // Had the search charged rail's fixed cost (150) again at the gauge change, road would win.
        Network base = gaugeBreak(true);
        List<org.caravan.network.Link> links = new java.util.ArrayList<>(base.links());
        links.add(road("road", "A", "C", 620));
        Route r = router(net(base.nodes(), links)).route(RouteRequest.of("A", "C")).route();
        assertThat(r.legs()).extracting(Leg::linkId).containsExactly("r1", "r2");
        assertThat(r.totals().generalizedUsd()).isCloseTo(776.2, within(1e-9));
        Route road = router(net(base.nodes(), links)).route(RouteRequest.of("A", "C")
                .withModes(Set.of(Mode.ROAD))).route();
        assertThat(road.totals().generalizedUsd()).isCloseTo(867.4, within(1e-9));
    }

    @Test
    void gaugeBreakWithoutGaugeChangeNodeHasNoRoute() {
        RouteResult res = router(gaugeBreak(false)).route(RouteRequest.of("A", "C"));
        assertThat(res.found()).isFalse();
        assertThat(res.route()).isNull();
        assertThat(res.noRoute().blockingConstraints(TestWording.CLI)).isEmpty();
        assertThat(res.noRoute().message())
                .isEqualTo("The network does not connect Name A and Name C for container cargo, even with every "
                        + "restriction lifted.");
    }

    @Test
    void gaugeChangeOnlyInAvoidedCountryNamesTheAvoid() {
        // A(KZ) -1520- G(CN, gauge change) -1435- C(KZ): the only gauge change is in CN.
        Network n = net(List.of(node("A", "KZ"), node("G", "CN", false, true, Set.of()), node("C", "KZ")),
                List.of(rail("r1", "A", "G", Gauge.G1520, 10), rail("r2", "G", "C", Gauge.G1435, 10)));
        RouteResult res = router(n).route(RouteRequest.of("A", "C").withAvoid(Set.of("CN")));
        assertThat(res.found()).isFalse();
        assertThat(res.noRoute().blockingConstraints(TestWording.CLI)).containsExactly("--avoid CN");
        assertThat(res.noRoute().message(TestWording.CLI)).contains("--avoid CN");
    }

    @Test
    void modeChangeNeedsTransshipNodeThatHandlesTheCargo() {
        // A -rail- T -road- C; T transships bulk only.
        Network n = net(List.of(node("A", "CN"), node("T", "CN", true, false, Set.of(Cargo.BULK)), node("C", "CN")),
                List.of(rail("r", "A", "T", Gauge.G1435, 300), road("d", "T", "C", 40)));
        assertThat(router(n).route(RouteRequest.of("A", "C")).found()).isFalse();
        RouteResult bulk = router(n).route(RouteRequest.of("A", "C").withCargo("bulk"));
        assertThat(bulk.found()).isTrue();
        Route r = bulk.route();
        assertThat(r.transshipments()).singleElement().satisfies(t -> {
            assertThat(t.at()).isEqualTo("T");
            assertThat(t.fromMode()).isEqualTo(Mode.RAIL);
            assertThat(t.toMode()).isEqualTo(Mode.ROAD);
            assertThat(t.usd()).isCloseTo(8.0, within(EPS));
            assertThat(t.hours()).isCloseTo(24, within(EPS));
        });
        // bulk: rail fixed 4 + 300*0.045; road fixed 3 charged on the road leg + 40*0.062
        assertThat(r.legs().get(0).usd()).isCloseTo(4 + 300 * 0.045, within(EPS));
        assertThat(r.legs().get(1).usd()).isCloseTo(3 + 40 * 0.062, within(EPS));
        assertThat(r.totals().usd()).isCloseTo(4 + 13.5 + 8 + 3 + 2.48, within(EPS));
    }

    // ------------------------------------------------------------------ via, tonnes

    private static Network triangle() {
        return net(List.of(node("A", "CN"), node("B", "CN"), node("V", "CN")),
                List.of(road("ab", "A", "B", 100), road("av", "A", "V", 150), road("vb", "V", "B", 120)));
    }

    @Test
    void viaPointForcesDetour() {
        Router router = router(triangle());
        Route direct = router.route(RouteRequest.of("A", "B")).route();
        assertThat(direct.nodes()).containsExactly("A", "B");
        assertThat(direct.totals().km()).isCloseTo(100, within(EPS));
        Route via = router.route(RouteRequest.of("A", "B").withVia(List.of("V"))).route();
        assertThat(via.nodes()).containsExactly("A", "V", "B");
        assertThat(via.totals().km()).isCloseTo(270, within(EPS));
        assertThat(via.totals().usd()).isCloseTo(80 + 270 * 1.25, within(EPS));
        // Going back and forth through the via point is allowed: B is the via, then A.
        Route back = router.route(RouteRequest.of("A", "V").withVia(List.of("B"))).route();
        assertThat(back.nodes()).containsExactly("A", "B", "V");
    }

    @Test
    void roundTripThroughAViaPointIsARoute() {
        Route r = router(triangle()).route(RouteRequest.of("A", "A").withVia(List.of("B"))).route();
        assertThat(r.nodes()).containsExactly("A", "B", "A");
        assertThat(r.totals().km()).isCloseTo(200, within(EPS));
        assertThat(r.totals().usd()).isCloseTo(80 + 200 * 1.25, within(EPS)); // one road leg, one fixed cost
    }

    @Test
    void tonnesScaleMoneyAndCo2ButNotHours() {
        Router router = router(triangle());
        Route one = router.route(RouteRequest.of("A", "B")).route();
        Route many = router.route(RouteRequest.of("A", "B").withTonnes(50.0)).route();
        assertThat(one.units()).isEqualTo(1.0);
        assertThat(one.tonnes()).isEqualTo(20.0);
        assertThat(many.units()).isEqualTo(3.0); // ceil(50 / 20)
        assertThat(many.tonnes()).isEqualTo(50.0);
        assertThat(many.nodes()).isEqualTo(one.nodes());
        assertThat(one.totals().usd()).isCloseTo(80 + 125, within(EPS));
        assertThat(many.totals().usd()).isCloseTo(3 * 205, within(EPS));
        assertThat(many.totals().co2Kg()).isCloseTo(3 * 100 * 0.075 * 20, within(EPS));
        assertThat(many.totals().hours()).isCloseTo(one.totals().hours(), within(EPS));
        assertThat(many.totals().km()).isCloseTo(100, within(EPS));
        assertThat(many.totals().generalizedUsd()).isCloseTo(3 * (205 + 0.8 * 2.5), within(EPS));

        Route bulk = router.route(RouteRequest.of("A", "B").withCargo("bulk").withTonnes(2.5)).route();
        assertThat(bulk.units()).isEqualTo(3.0);
        assertThat(bulk.totals().usd()).isCloseTo(3 * (3 + 100 * 0.062), within(EPS));
        Route exact = router.route(RouteRequest.of("A", "B").withTonnes(40.0)).route();
        assertThat(exact.units()).isEqualTo(2.0);
    }

    @Test
    void tinyShipmentIsStillOneUnit() {
        Route r = router(triangle()).route(RouteRequest.of("A", "B").withCargo("bulk").withTonnes(1e-12)).route();
        assertThat(r.units()).isEqualTo(1.0);
        assertThat(r.totals().usd()).isCloseTo(3 + 100 * 0.062, within(EPS));
    }

    // ------------------------------------------------------------------ invalid requests

    @Test
    void invalidRequestsNameTheirField() {
        Network n = net(List.of(node("A", "KZ"), node("B", "CN"), node("C", "CN")),
                List.of(road("ab", "A", "B", 10), road("bc", "B", "C", 10)));
        Router router = router(n);
        assertField(router, RouteRequest.of("Q", "B"), "from");
        assertField(router, RouteRequest.of("A", "Q"), "to");
        assertField(router, RouteRequest.of("A", "C").withVia(List.of("Q")), "via");
        assertField(router, RouteRequest.of("A", "A"), "to");
        assertField(router, RouteRequest.of("A", "C").withCargo("gold"), "cargo");
        assertField(router, RouteRequest.of("A", "C").withAvoid(Set.of("KZ")), "avoid");
        assertField(router, RouteRequest.of("A", "C").withAvoid(Set.of("CN")), "avoid");
        assertField(router, RouteRequest.of("A", "C").withClosed(Set.of("Q"), Set.of()), "close");
        assertField(router, RouteRequest.of("A", "C").withClosed(Set.of(), Set.of("nope")), "close");
        assertField(router, RouteRequest.of("A", "C").withClosed(Set.of("A"), Set.of()), "close");
        assertField(router, RouteRequest.of("A", "A").withVia(List.of("A")), "to"); // no route without legs
        assertField(router, RouteRequest.of("A", "C").withModes(Set.of(Mode.CROSSING)), "modes");
        assertThatThrownBy(() -> RouteRequest.of("A", "C").withTonnes(-1.0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertField(Router router, RouteRequest req, String field) {
        assertThatThrownBy(() -> router.route(req))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    // ------------------------------------------------------------------ no route explanations

    @Test
    void avoidingTheOnlyTransitCountryNamesIt() {
        Network n = net(List.of(node("A", "KZ"), node("B", "CN"), node("C", "KZ")),
                List.of(road("ab", "A", "B", 10), road("bc", "B", "C", 10)));
        RouteResult res = router(n).route(RouteRequest.of("A", "C").withAvoid(Set.of("CN", "AF")));
        assertThat(res.found()).isFalse();
        assertThat(res.route()).isNull();
        assertThat(res.noRoute().blockingConstraints(TestWording.CLI)).containsExactly("--avoid AF,CN");
        assertThat(res.noRoute().message(TestWording.CLI)).contains("--avoid AF,CN");
    }

    @Test
    void restrictionsThatBlockOnlyTogetherAreSaidSo() {
        // The only way runs A(CN) -planned- X(KZ) - C(CN): avoiding KZ and operational-only both block it.
        Network n = net(List.of(node("A", "CN"), node("X", "KZ"), node("C", "CN")),
                List.of(withStatus(road("ax", "A", "X", 10), LinkStatus.PLANNED), road("xc", "X", "C", 10)));
        RouteResult res = router(n).route(RouteRequest.of("A", "C").withAvoid(Set.of("KZ")));
        assertThat(res.found()).isFalse();
        assertThat(res.noRoute().blockingConstraints(TestWording.CLI)).isEmpty();
        assertThat(res.noRoute().message(TestWording.CLI)).contains("no single one of them is to blame")
                .contains("--avoid KZ").contains("operational links only");
        Route both = router(n).route(RouteRequest.of("A", "C").withIncludePlanned(true)).route();
        assertThat(both.countries()).containsExactly("CN", "KZ", "CN");
    }

    @Test
    void closedLinkAndModesAreNamedWhenBlocking() {
        Network n = net(List.of(node("A", "CN"), node("B", "CN")), List.of(road("ab", "A", "B", 10)));
        RouteResult closed = router(n).route(RouteRequest.of("A", "B").withClosed(Set.of(), Set.of("ab")));
        assertThat(closed.noRoute().blockingConstraints(TestWording.CLI)).containsExactly("--close ab");
        RouteResult rail = router(n).route(RouteRequest.of("A", "B").withModes(Set.of(Mode.RAIL)));
        assertThat(rail.noRoute().blockingConstraints(TestWording.CLI)).containsExactly("--modes rail");
    }

    // ------------------------------------------------------------------ status

    @Test
    void plannedLinkUsedOnlyWithIncludePlannedAndFlagged() {
        Network n = net(List.of(node("A", "CN"), node("B", "CN")),
                List.of(road("long", "A", "B", 500), withStatus(road("short", "A", "B", 100), LinkStatus.PLANNED),
                        withStatus(road("shortest", "A", "B", 50), LinkStatus.CLOSED)));
        Router router = router(n);
        Route today = router.route(RouteRequest.of("A", "B")).route();
        assertThat(today.legs()).extracting(Leg::linkId).containsExactly("long");
        assertThat(today.usesNonOperational()).isFalse();
        Route planned = router.route(RouteRequest.of("A", "B").withIncludePlanned(true)).route();
        assertThat(planned.legs()).extracting(Leg::linkId).containsExactly("short");
        assertThat(planned.legs().get(0).status()).isEqualTo(LinkStatus.PLANNED);
        assertThat(planned.usesNonOperational()).isTrue();
        assertThat(planned.totals().km()).isCloseTo(100, within(EPS));
    }

    @Test
    void onlyPlannedConnectionGivesNoRouteNamingOperationalOnly() {
        Network n = net(List.of(node("A", "CN"), node("B", "CN")),
                List.of(withStatus(road("u", "A", "B", 100), LinkStatus.UNDER_CONSTRUCTION),
                        withStatus(road("c", "A", "B", 10), LinkStatus.CLOSED)));
        RouteResult res = router(n).route(RouteRequest.of("A", "B"));
        assertThat(res.found()).isFalse();
        assertThat(res.noRoute().blockingConstraints(TestWording.CLI)).singleElement().asString()
                .startsWith("operational links only");
        Route r = router(n).route(RouteRequest.of("A", "B").withIncludePlanned(true)).route();
        assertThat(r.legs()).extracting(Leg::linkId).containsExactly("u");
        assertThat(r.usesNonOperational()).isTrue();
    }

    // ------------------------------------------------------------------ crossings and direction

    private static Network borderNet() {
        // X(KZ) -road 100- A(KZ post) =crossing 2 km= B(CN post) -road 50- Y(CN)
        return net(List.of(node("X", "KZ"), node("A", "KZ"), node("B", "CN"), node("Y", "CN")),
                List.of(road("xa", "X", "A", 100),
                        crossing("ab", "A", "B", 2, Set.of(Mode.ROAD), Set.of(),
                                new CrossingTimes(10, 20, 100), new CrossingTimes(30, 45, 60)),
                        road("by", "B", "Y", 50)));
    }

    @Test
    void crossingTimesAndFeesArePerDirection() {
        Router router = router(borderNet());
        Route east = router.route(RouteRequest.of("X", "Y")).route();
        Leg cross = east.legs().get(1);
        assertThat(cross.mode()).isEqualTo(Mode.CROSSING);
        assertThat(cross.cargoMode()).isEqualTo(Mode.ROAD);
        assertThat(cross.hours()).isCloseTo(10, within(EPS));
        assertThat(cross.usd()).isCloseTo(100, within(EPS));
        assertThat(cross.country()).isEqualTo("KZ");
        assertThat(east.crossings()).singleElement().satisfies(c -> {
            assertThat(c.hours()).isCloseTo(10, within(EPS));
            assertThat(c.p90Hours()).isCloseTo(20, within(EPS));
            assertThat(c.usd()).isCloseTo(100, within(EPS));
            assertThat(c.fromCountry()).isEqualTo("KZ");
            assertThat(c.toCountry()).isEqualTo("CN");
        });
        // road in KZ costs 3.0/km at 40 km/h, in CN 1.25/km
        assertThat(east.legs().get(0).usd()).isCloseTo(80 + 100 * 3.0, within(EPS));
        assertThat(east.legs().get(2).usd()).isCloseTo(50 * 1.25, within(EPS));
        assertThat(east.countries()).containsExactly("KZ", "CN");

        Route west = router.route(RouteRequest.of("Y", "X")).route();
        Leg back = west.legs().get(1);
        assertThat(back.hours()).isCloseTo(30, within(EPS));
        assertThat(back.usd()).isCloseTo(60, within(EPS));
        assertThat(back.country()).isEqualTo("CN");
        assertThat(west.crossings().get(0).p90Hours()).isCloseTo(45, within(EPS));
        assertThat(west.legs().get(0).usd()).isCloseTo(80 + 50 * 1.25, within(EPS));
        assertThat(west.legs().get(2).usd()).isCloseTo(100 * 3.0, within(EPS)); // priced by start node A in KZ
        assertThat(west.countries()).containsExactly("CN", "KZ");
        assertThat(west.totals().hours()).isCloseTo(50 / 40.0 + 30 + 100 / 40.0, within(EPS));

        // bulk shares the per-vehicle fee over 20 t per truck
        Route bulk = router.route(RouteRequest.of("X", "Y").withCargo("bulk")).route();
        assertThat(bulk.legs().get(1).usd()).isCloseTo(100 / 20.0, within(EPS));
    }

    @Test
    void crossingFeeExcludesTheFixedCostOfAFirstLeg() {
        // The route starts on the crossing: the road fixed cost belongs to the leg, not to the crossing fee.
        Route r = router(borderNet()).route(RouteRequest.of("A", "Y")).route();
        assertThat(r.legs().get(0).usd()).isCloseTo(80 + 100, within(EPS));
        assertThat(r.crossings()).singleElement().satisfies(c -> assertThat(c.usd()).isCloseTo(100, within(EPS)));
    }

    @Test
    void crossingRestrictsRailGauges() {
        // A -1520- P =crossing (rail 1520 only)= Q -1520- B, and a parallel 1435 pair that cannot cross.
        Network n = net(List.of(node("A", "KZ"), node("P", "KZ"), node("Q", "CN"), node("B", "CN")),
                List.of(rail("ap", "A", "P", Gauge.G1435, 10),
                        crossing("pq", "P", "Q", 1, Set.of(Mode.RAIL), Set.of(Gauge.G1520),
                                new CrossingTimes(5, 6, 0), null),
                        rail("qb", "Q", "B", Gauge.G1435, 10)));
        assertThat(router(n).route(RouteRequest.of("A", "B")).found()).isFalse();
        Network open = net(n.nodes(), List.of(n.link("ap").orElseThrow(),
                crossing("pq", "P", "Q", 1, Set.of(Mode.RAIL), Set.of(), new CrossingTimes(5, 6, 0), null),
                n.link("qb").orElseThrow()));
        Route r = router(open).route(RouteRequest.of("B", "A")).route();
        assertThat(r.legs()).extracting(Leg::gauge).containsOnly(Gauge.G1435);
        assertThat(r.legs().get(1).hours()).isCloseTo(5, within(EPS)); // backward defaults to forward
    }

    @Test
    void onewayLinkIsNotUsableBackwards() {
        Network n = net(List.of(node("A", "CN"), node("B", "CN")), List.of(oneway(road("ab", "A", "B", 10))));
        Router router = router(n);
        assertThat(router.route(RouteRequest.of("A", "B")).found()).isTrue();
        RouteResult back = router.route(RouteRequest.of("B", "A"));
        assertThat(back.found()).isFalse();
        assertThat(back.noRoute().blockingConstraints(TestWording.CLI)).isEmpty();
    }

    @Test
    void explicitHoursAndWaitAreUsedForFerries() {
        Network n = net(List.of(node("A", "KZ"), node("B", "AZ")),
                List.of(link("f", "A", "B", Mode.FERRY, Set.of(), 400, OptionalDouble.of(20), 36,
                        LinkStatus.OPERATIONAL, false)));
        Route r = router(n).route(RouteRequest.of("A", "B").withObjective(Objective.TIME)).route();
        assertThat(r.totals().hours()).isCloseTo(56, within(EPS));
        assertThat(r.totals().usd()).isCloseTo(600 + 400 * 2.0, within(EPS));
        assertThat(r.totals().co2Kg()).isCloseTo(400 * 0.045 * 20, within(EPS));
    }
}
