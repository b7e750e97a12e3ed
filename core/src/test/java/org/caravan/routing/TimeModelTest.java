package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.caravan.routing.Nets.crossing;
import static org.caravan.routing.Nets.link;
import static org.caravan.routing.Nets.net;
import static org.caravan.routing.Nets.node;
import static org.caravan.routing.Nets.rail;
import static org.caravan.routing.Nets.road;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.caravan.cost.CostModel;
import org.caravan.cost.CostModelLoader;
import org.caravan.cost.Wait;
import org.caravan.io.NetworkLoader;
import org.caravan.io.YamlOverlay;
import org.caravan.network.Cargo;
import org.caravan.network.CrossingTimes;
import org.caravan.network.Gauge;
import org.caravan.network.LinkStatus;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.junit.jupiter.api.Test;

/**
 * Each component of the door-to-door time on small hand-made networks (issue 13, section 5): road rest and
 * checkpoints, rail terminal dwell, crossings with their own figures per direction and opening hours, ferry waits
 * as distributions, port dwell at named places, timing from a departure; and CO2 (legs sum to totals, WTW >= TTW).
 * Costs are the classic fixture with the piece under test added as YAML, so every expected figure is by hand.
 */
class TimeModelTest {
    private static final double EPS = 1e-9;
    /** A Monday. */
    private static final LocalDateTime MONDAY = LocalDateTime.of(2027, 3, 1, 0, 0);

    private static CostModel costs(String yaml) throws Exception {
        ObjectNode tree;
        try (InputStream in = TimeModelTest.class.getResourceAsStream("/org/caravan/routing/classic-costs.yaml")) {
            tree = (ObjectNode) YamlOverlay.YAML.readTree(in);
        }
        YamlOverlay.merge(tree, (ObjectNode) YamlOverlay.YAML.readTree(yaml.isBlank() ? "{}" : yaml));
        return CostModelLoader.fromTree(tree, "test");
    }

    /** A (KZ) -40 km road- P (KZ) =crossing 2 km= Q (CN) -40 km road- B (CN); road at 40 km/h. */
    private static Network border() {
        return net(List.of(node("A", "KZ"), node("P", "KZ"), node("Q", "CN"), node("B", "CN")),
                List.of(road("ap", "A", "P", 40), crossing("pq", "P", "Q", 2, Set.of(Mode.ROAD), Set.of(),
                        new CrossingTimes(30, 50, 500), null), road("qb", "Q", "B", 40)));
    }

    private static final String OPENING = """
            crossings:
              pq:
                forward: {wait_hours: 2, p90_wait_hours: 3.6, fee_usd: 100}
                reverse: {wait_hours: 5, p90_wait_hours: 9, fee_usd: 60}
                opening: {opens: "08:00", closes: "20:00", closed_days: [sun]}
            """;

    @Test
    void aCrossingThatOpensAt08ReachedAt23WaitsNineHours() throws Exception {
        Router router = new Router(border(), costs(OPENING));
        // Leave A at 22:00 on a Monday: 1 h of road, at the post at 23:00, open at 08:00: 9 h, then the 2 h queue.
        Route r = router.route(RouteRequest.of("A", "B").withDepart(MONDAY.plusHours(22))).route();
        TimeStep crossing = r.timeline().stream().filter(t -> t.kind() == TimeStep.Kind.CROSSING).findFirst()
                .orElseThrow();
        assertThat(crossing.hours()).isCloseTo(9 + 2, within(EPS));
        assertThat(r.crossings().get(0).hours()).isCloseTo(11, within(EPS));
        assertThat(r.legs().get(1).hours()).isCloseTo(11, within(EPS));
        assertThat(r.totals().hours()).isCloseTo(1 + 11 + 1, within(EPS));
        assertThat(r.departure()).isEqualTo(MONDAY.plusHours(22));
        assertThat(r.arrival()).isEqualTo(MONDAY.plusHours(22 + 13));
        // Reached at 10:00 it is open: only the queue.
        Route day = router.route(RouteRequest.of("A", "B").withDepart(MONDAY.plusHours(9))).route();
        assertThat(day.totals().hours()).isCloseTo(1 + 2 + 1, within(EPS));
    }

    /**
     * Two ways from A (KZ) to B (CN), 40 km of road on each side: crossing pq (2 h, open 08:00-20:00 Monday to
     * Friday) and crossing rs (20 h, always open). Expected opening wait of pq: a 60 h weekend spell and four 12 h
     * nights, (60^2/2 + 4 x 12^2/2) / 168 = 12.4 h, so without a departure pq (14.4 h) beats rs (20 h).
     */
    private static Network twoCrossings() {
        return net(List.of(node("A", "KZ"), node("P", "KZ"), node("Q", "CN"), node("R", "KZ"), node("S", "CN"),
                node("B", "CN")),
                List.of(road("ap", "A", "P", 40), crossing("pq", "P", "Q", 2, Set.of(Mode.ROAD), Set.of(),
                        new CrossingTimes(2, 3.6, 100), null), road("qb", "Q", "B", 40),
                        road("ar", "A", "R", 40), crossing("rs", "R", "S", 2, Set.of(Mode.ROAD), Set.of(),
                        new CrossingTimes(20, 36, 100), null), road("sb", "S", "B", 40)));
    }

    private static final String WEEKDAYS = """
            crossings:
              pq:
                forward: {wait_hours: 2, p90_wait_hours: 3.6, fee_usd: 100}
                opening: {opens: "08:00", closes: "20:00", closed_days: [sat, sun]}
            """;

    @Test
    void theSearchItselfRunsOnTheClockFridayEveningAvoidsTheWeekendClosure() throws Exception {
        Router router = new Router(twoCrossings(), costs(WEEKDAYS));
        RouteRequest q = new RouteRequest("A", "B", List.of(), "container", null, Objective.TIME, Set.of(), Set.of(),
                Set.of(), Set.of(Mode.ROAD), false);
        // Without a departure: the expected waits, pq.
        assertThat(router.route(q).route().crossings()).extracting(CrossingUse::id).containsExactly("pq");
        // Friday 19:30: at pq at 20:30, closed until Monday 08:00 (59.5 h); rs, always open, is far earlier.
        LocalDateTime friday = MONDAY.plusDays(4).plusHours(19).plusMinutes(30);
        Route fri = router.route(q.withDepart(friday)).route();
        assertThat(fri.crossings()).extracting(CrossingUse::id).containsExactly("rs");
        assertThat(fri.totals().hours()).isCloseTo(1 + 20 + 1, within(1e-6));
        // The route the expected waits would have chosen, timed from the same departure: much later.
        Route viaPq = new Router(twoCrossings(), costs(WEEKDAYS)).route(q.withDepart(friday)
                .withClosed(Set.of(), Set.of("rs"))).route();
        assertThat(viaPq.totals().hours()).isCloseTo(1 + 59.5 + 2 + 1, within(1e-6));
        // Monday 07:00: at pq at 08:00 as it opens, 2 h: pq.
        Route mon = router.route(q.withDepart(MONDAY.plusHours(7))).route();
        assertThat(mon.crossings()).extracting(CrossingUse::id).containsExactly("pq");
        assertThat(mon.totals().hours()).isCloseTo(1 + 2 + 1, within(1e-6));
    }

    private static final String PER_CARGO = """
            crossings:
              pq:
                forward: {wait_hours: 60, p90_wait_hours: 108, fee_usd: 100}
                reverse: {wait_hours: 40, p90_wait_hours: 72, fee_usd: 80}
                cargo:
                  container: {forward: {wait_hours: 4, p90_wait_hours: 7.2, fee_usd: 90}}
            sources:
              crossings.pq.cargo.container: {source: "test container figure", confidence: published}
            """;

    @Test
    void aCargoClassWithItsOwnCrossingFiguresUsesThemBothWaysAndOthersKeepTheCrossings() throws Exception {
        Router router = new Router(border(), costs(PER_CARGO));
        Route box = router.route(RouteRequest.of("A", "B").withCargo("container")).route();
        assertThat(box.crossings().get(0).hours()).isCloseTo(4, within(EPS));
        assertThat(box.crossings().get(0).p90Hours()).isCloseTo(7.2, within(EPS));
        assertThat(box.crossings().get(0).source()).isEqualTo("test container figure");
        // the override gives no reverse: its forward figures serve both directions
        Route boxBack = router.route(RouteRequest.of("B", "A").withCargo("container")).route();
        assertThat(boxBack.crossings().get(0).hours()).isCloseTo(4, within(EPS));
        Route bulk = router.route(RouteRequest.of("A", "B").withCargo("bulk")).route();
        assertThat(bulk.crossings().get(0).hours()).isCloseTo(60, within(EPS));
        Route bulkBack = router.route(RouteRequest.of("B", "A").withCargo("bulk")).route();
        assertThat(bulkBack.crossings().get(0).hours()).isCloseTo(40, within(EPS));
    }

    @Test
    void aClosedDayWaitsForTheNextOpening() throws Exception {
        Router router = new Router(border(), costs(OPENING));
        // Saturday 20:00 at the post: closed until Monday 08:00 (Sunday is closed) = 36 h.
        LocalDateTime saturday = MONDAY.minusDays(2).plusHours(19);
        Route r = router.route(RouteRequest.of("A", "B").withDepart(saturday)).route();
        assertThat(r.crossings().get(0).hours()).isCloseTo(36 + 2, within(EPS));
    }

    @Test
    void withoutADepartureTheExpectedOpeningWaitIsUsedAndDirectionsDiffer() throws Exception {
        Router router = new Router(border(), costs(OPENING));
        // Open 08-20 except Sundays: five closed nights of 12 h and one spell of 36 h (Saturday 20:00 to Monday
        // 08:00). Arriving at a random moment waits on average (5 x 12^2 / 2 + 36^2 / 2) / 168 = 6 h.
        double expected = (5 * 12 * 12 / 2.0 + 36 * 36 / 2.0) / 168;
        Route east = router.route(RouteRequest.of("A", "B")).route();
        assertThat(east.crossings().get(0).hours()).isCloseTo(2 + expected, within(0.1));
        assertThat(east.crossings().get(0).usd()).isCloseTo(100, within(EPS)); // the table replaces the network's 500
        Route west = router.route(RouteRequest.of("B", "A")).route();
        assertThat(west.crossings().get(0).hours()).isCloseTo(5 + expected, within(0.1));
        assertThat(west.crossings().get(0).usd()).isCloseTo(60, within(EPS));
        assertThat(east.departure()).isNull();
    }

    @Test
    void aFerryWithADepartureEvery48HoursWaits24HoursOnAverage() throws Exception {
        Network n = net(List.of(node("A", "KZ"), node("B", "AZ")),
                List.of(link("f", "A", "B", Mode.FERRY, Set.of(), 400, OptionalDouble.of(20), 60,
                        LinkStatus.OPERATIONAL, false)));
        Router router = new Router(n, costs("services: {f: {departure_wait_interval_hours: 48}}"));
        Route r = router.route(RouteRequest.of("A", "B")).route();
        assertThat(r.legs().get(0).waitHours()).isCloseTo(24, within(EPS)); // not the network's 60 h
        assertThat(r.totals().hours()).isCloseTo(20 + 24, within(EPS));
        // The Monte Carlo draws the wait uniformly from 0 to 48 h: mean 24, p90 43.2.
        ReliabilityStats s = router.reliability(r, 40_000, 7);
        assertThat(s.meanHours()).isCloseTo(44, within(0.5));
        assertThat(s.p90Hours()).isCloseTo(20 + 43.2, within(0.8));
        assertThat(s.p50Hours()).isCloseTo(20 + 24, within(0.8));
    }

    @Test
    void aTimetabledFerryIsWaitedForByTheClock() throws Exception {
        Network n = net(List.of(node("A", "KZ"), node("B", "AZ")),
                List.of(link("f", "A", "B", Mode.FERRY, Set.of(), 400, OptionalDouble.of(20), 0,
                        LinkStatus.OPERATIONAL, false)));
        Router router = new Router(n, costs("services: {f: {timetable: {days: [mon], times: [\"20:00\"]}}}"));
        // Weekly: arriving at a random moment waits half a week on average.
        assertThat(router.route(RouteRequest.of("A", "B")).route().legs().get(0).waitHours()).isCloseTo(84,
                within(0.05));
        Route timed = router.route(RouteRequest.of("A", "B").withDepart(MONDAY.plusHours(8))).route();
        assertThat(timed.legs().get(0).waitHours()).isCloseTo(12, within(EPS));
        assertThat(timed.totals().hours()).isCloseTo(32, within(EPS));
        // With a departure the Monte Carlo follows the clock too: every sample catches the same ship.
        ReliabilityStats s = router.reliability(timed, 500, 1);
        assertThat(s.p90Hours()).isCloseTo(32, within(EPS));
    }

    @Test
    void aSeasonalClosureOfAServiceIsWaitedOutOrAvoidedWithADeparture() throws Exception {
        // Two sailings A-B: f (20 h) closed December to March, g (100 h) all year.
        Network n = net(List.of(node("A", "KZ"), node("B", "AZ")),
                List.of(link("f", "A", "B", Mode.FERRY, Set.of(), 400, OptionalDouble.of(20), 0,
                        LinkStatus.OPERATIONAL, false),
                        link("g", "A", "B", Mode.FERRY, Set.of(), 400, OptionalDouble.of(100), 0,
                        LinkStatus.OPERATIONAL, false)));
        String yaml = "services: {f: {departure_wait_interval_hours: 2, closed_months: [dec, jan, feb, mar]},"
                + " g: {departure_wait_interval_hours: 2}}";
        Router router = new Router(n, costs(yaml));
        // Summer departure: f is open, 20 h sailing + 1 h mean wait.
        Route summer = router.route(RouteRequest.of("A", "B").withDepart(LocalDateTime.of(2027, 7, 15, 8, 0))).route();
        assertThat(summer.legs().get(0).linkId()).isEqualTo("f");
        assertThat(summer.totals().hours()).isCloseTo(21, within(EPS));
        // Winter departure: waiting for 1 April would take 75 days, so the search takes g.
        Route winter = router.route(RouteRequest.of("A", "B").withDepart(LocalDateTime.of(2027, 1, 15, 8, 0))).route();
        assertThat(winter.legs().get(0).linkId()).isEqualTo("g");
        assertThat(winter.totals().hours()).isCloseTo(101, within(EPS));
        // Only f: the closed season is waited out on the clock, to 1 April 00:00 (75 days 16 h = 1,816 h).
        Router onlyF = new Router(net(List.of(node("A", "KZ"), node("B", "AZ")),
                List.of(link("f", "A", "B", Mode.FERRY, Set.of(), 400, OptionalDouble.of(20), 0,
                        LinkStatus.OPERATIONAL, false))), costs(yaml));
        Route waited = onlyF.route(RouteRequest.of("A", "B").withDepart(LocalDateTime.of(2027, 1, 15, 8, 0))).route();
        assertThat(waited.totals().hours()).isCloseTo(1816 + 1 + 20, within(EPS));
        // Without a departure: the expected wait over the year (closed 121 of 365 days: about 20 days) is counted,
        // in a step of its own that carries the closure.
        Route untimed = onlyF.route(RouteRequest.of("A", "B")).route();
        TimeStep closure = untimed.timeline().stream().filter(t -> t.gate() != null).findFirst().orElseThrow();
        assertThat(closure.gate().closedMonths()).hasSize(4);
        assertThat(closure.name()).startsWith("seasonal closure (closed Dec, Jan, Feb, Mar)");
        assertThat(closure.hours()).isBetween(19 * 24.0, 21 * 24.0);
        assertThat(untimed.totals().hours()).isCloseTo(closure.hours() + 21, within(EPS));
    }

    @Test
    void trucksRestAndStopAtCheckpoints() throws Exception {
        Network n = net(List.of(node("A", "UZ"), node("B", "UZ"), node("C", "PK"), node("D", "PK")),
                List.of(road("ab", "A", "B", 1000), road("cd", "C", "D", 1000)));
        CostModel m = costs("""
                profiles:
                  container:
                    modes:
                      road:
                        speed_kmh: 50
                        driving_hours_per_day: 9
                        driving_hours_per_day_by_country: {PK: 24}
                        speed_kmh_by_country: {PK: 25}
                        checkpoint_wait_per_100km_hours_by_country: {PK: 0.5}
                """);
        Router router = new Router(n, m);
        // 1000 km at 50 km/h = 20 h of driving under EU 561/2006 / AETR (the fixture's defaults): two 10 h days
        // (the extension twice a week), 4.5 + 4.5 + 1 h each with two 45 min breaks, one 11 h daily rest between
        // them and none at the end: 20 + 4 x 0.75 + 11 = 34 h.
        Route ab = router.route(RouteRequest.of("A", "B")).route();
        assertThat(ab.totals().hours()).isCloseTo(34, within(EPS));
        assertThat(ab.legs().get(0).hours()).isCloseTo(34, within(EPS));
        assertThat(ab.timeline().stream().map(TimeStep::kind).toList()).containsExactly(TimeStep.Kind.RUN,
                TimeStep.Kind.REST);
        assertThat(ab.timeline().get(1).name()).startsWith("driver 1 daily rest, 4 breaks");
        // The Monte Carlo reads the same rest: nothing random on this trip, so every percentile is 34 h.
        assertThat(router.reliability(ab, 200, 1).p90Hours()).isCloseTo(34, within(EPS));
        // CPMM-style speed with rest included: 40 h, plus 10 x 0.5 h at checkpoints.
        assertThat(router.route(RouteRequest.of("C", "D")).route().totals().hours()).isCloseTo(45, within(EPS));
    }

    @Test
    void aLongBorderWaitIsTheDailyRestAndAShortOneIsLengthenedIntoIt() throws Exception {
        // A (KZ) -500 km road- P (KZ) =crossing= Q (CN) -200 km road- B (CN), road at 50 km/h, AETR rules.
        java.util.function.DoubleFunction<Network> net = h -> net(List.of(node("A", "KZ"), node("P", "KZ"),
                node("Q", "CN"), node("B", "CN")), List.of(road("ap", "A", "P", 500), crossing("pq", "P", "Q", 2,
                        Set.of(Mode.ROAD), Set.of(), new CrossingTimes(h, h, 0), null), road("qb", "Q", "B", 200)));
        CostModel m = costs("""
                profiles:
                  container:
                    modes:
                      road: {speed_kmh: 50, driving_hours_per_day: 9}
                """);
        // 12 h at the border: 10 h driving (4.5 + 45 min + 4.5 + 45 min + 1) before it, the wait is the daily rest,
        // 4 h after it: 10 + 1.5 + 12 + 4 = 27.5 h, no rest added after the border.
        Route wait = new Router(net.apply(12), m).route(RouteRequest.of("A", "B")).route();
        assertThat(wait.totals().hours()).isCloseTo(27.5, within(EPS));
        // 3 h at the border: 14.5 h since the start, past the 13 h window, so the driver rests there: 11 h from the
        // start of the wait, 8 h more: 10 + 1.5 + 3 + 8 + 4 = 26.5 h.
        Route shortWait = new Router(net.apply(3), m).route(RouteRequest.of("A", "B")).route();
        assertThat(shortWait.totals().hours()).isCloseTo(26.5, within(EPS));
        assertThat(shortWait.timeline().stream().filter(t -> t.kind() == TimeStep.Kind.REST)
                .mapToDouble(TimeStep::hours).sum()).isCloseTo(1.5 + 8, within(EPS));
        // The crossing keeps its own hours; the rest belongs to the road leg after it.
        assertThat(shortWait.crossings().get(0).hours()).isCloseTo(3, within(EPS));
        assertThat(shortWait.legs().get(2).hours()).isCloseTo(4 + 8, within(EPS));
        // Timed from a departure the same rest is on the clock, and the Monte Carlo draws around the same rest
        // (the crossing's queue is fixed here: mean = p90).
        Route timed = new Router(net.apply(3), m).route(RouteRequest.of("A", "B").withDepart(MONDAY)).route();
        assertThat(timed.totals().hours()).isCloseTo(26.5, within(EPS));
        assertThat(new Router(net.apply(3), m).reliability(shortWait, 200, 1).p90Hours()).isCloseTo(26.5,
                within(EPS));
    }

    @Test
    void theMonteCarloRecountsTheRestOverEachSamplesDrawnBorderQueue() throws Exception {
        // The network of the test above: 500 km (10 h) to a border, 200 km (4 h) after it, road at 50 km/h.
        java.util.function.DoubleFunction<Network> net = h -> net(List.of(node("A", "KZ"), node("P", "KZ"),
                node("Q", "CN"), node("B", "CN")), List.of(road("ap", "A", "P", 500), crossing("pq", "P", "Q", 2,
                        Set.of(Mode.ROAD), Set.of(), new CrossingTimes(h, h, 0), null), road("qb", "Q", "B", 200)));
        CostModel m = costs("""
                profiles:
                  container:
                    modes:
                      road: {speed_kmh: 50, driving_hours_per_day: 9}
                """);
        Router router = new Router(net.apply(3), m);
        // Expected queue 3 h: the driver rests at the border (8 h added after it), 26.5 h.
        Route shortWait = router.route(RouteRequest.of("A", "B")).route();
        assertThat(shortWait.totals().hours()).isCloseTo(26.5, within(EPS));
        // A sample whose queue is 12 h: the queue is the daily rest, nothing is added after it:
        // 10 + 1.5 + 12 + 4 = 27.5 h, not 26.5 - 3 + 12 = 35.5 h with the expected timeline's rest kept.
        assertThat(router.reliability(withCrossingQueue(shortWait, 12), 200, 1).p90Hours()).isCloseTo(27.5,
                within(EPS));
        // The other way: expected queue 12 h (no rest after it), a sample whose queue is 3 h must rest there.
        Route longWait = new Router(net.apply(12), m).route(RouteRequest.of("A", "B")).route();
        assertThat(longWait.totals().hours()).isCloseTo(27.5, within(EPS));
        assertThat(router.reliability(withCrossingQueue(longWait, 3), 200, 1).p90Hours()).isCloseTo(26.5,
                within(EPS));
        // A random queue (mean 6 h, p90 14 h): each sample is at least the 10 + 1.5 + 4 h of driving and breaks
        // plus the daily rest (11 h, the queue counting towards it): never less than 26.5 h, and a long queue
        // adds only its excess over the rest.
        Route random = withCrossingQueue(shortWait, 6, Wait.lognormal(6, 14));
        ReliabilityStats s = router.reliability(random, 20_000, 3);
        assertThat(s.p50Hours()).isGreaterThanOrEqualTo(26.5 - EPS);
        assertThat(s.p50Hours()).isCloseTo(26.5, within(EPS)); // the median queue (< 11 h) is inside the rest
        assertThat(s.p95Hours()).isGreaterThan(26.5);
    }

    /** The route with its crossing's queue fixed at {@code hours} (mean = p90), as if a sample had drawn it. */
    private static Route withCrossingQueue(Route r, double hours) {
        return withCrossingQueue(r, hours, Wait.lognormal(hours, hours));
    }

    private static Route withCrossingQueue(Route r, double hours, Wait queue) {
        List<TimeStep> steps = r.timeline().stream().map(t -> t.kind() == TimeStep.Kind.CROSSING
                ? new TimeStep(t.kind(), t.at(), t.name(), t.country(), hours, 0, queue, t.gate(), t.legIndex())
                : t).toList();
        return new Route(r.nodes(), r.countries(), r.legs(), r.crossings(), r.transshipments(), r.totals(), r.cargo(),
                r.unit(), r.units(), r.tonnes(), r.usesNonOperational(), r.risk(), r.exposure(), null, steps, null,
                null);
    }

    @Test
    void railLegsDwellAtOriginAndDestinationAndATransferEndsTheLeg() throws Exception {
        // A -rail 300 km- B (transship) -road 40 km- C, all KZ
        Network n = net(List.of(node("A", "KZ"), node("B", "KZ", true, false, Set.of()), node("C", "KZ")),
                List.of(rail("ab", "A", "B", Gauge.G1520, 300), road("bc", "B", "C", 40)));
        CostModel m = costs("""
                profiles:
                  bulk:
                    modes:
                      rail: {speed_kmh: 15, speed_kmh_by_country: {KZ: 15}, origin_dwell_hours: 72,
                             origin_dwell_hours_by_country: {KZ: 96},
                             destination_dwell_hours: 48}
                """);
        Route r = new Router(n, m).route(RouteRequest.of("A", "C").withCargo("bulk").withObjective(Objective.TIME))
                .route();
        List<TimeStep.Kind> kinds = r.timeline().stream().map(TimeStep::kind).toList();
        assertThat(kinds).containsExactly(TimeStep.Kind.DWELL, TimeStep.Kind.RUN, TimeStep.Kind.DWELL,
                TimeStep.Kind.HANDLING, TimeStep.Kind.RUN);
        assertThat(r.timeline().get(0).hours()).isCloseTo(96, within(EPS)); // origin dwell in KZ
        assertThat(r.timeline().get(0).at()).isEqualTo("A");
        assertThat(r.timeline().get(2).hours()).isCloseTo(48, within(EPS)); // destination dwell where rail ends
        assertThat(r.timeline().get(2).at()).isEqualTo("B");
        double handling = r.transshipments().get(0).hours();
        assertThat(r.totals().hours()).isCloseTo(96 + 20 + 48 + handling + 1, within(EPS));
        assertThat(r.timeline().stream().mapToDouble(TimeStep::hours).sum()).isCloseTo(r.totals().hours(),
                within(EPS));
    }

    /** A (KZ) -rail 300 km 1520- B (KZ). */
    private static Network railLine() {
        return net(List.of(node("A", "KZ"), node("B", "KZ")), List.of(rail("ab", "A", "B", Gauge.G1520, 300)));
    }

    @Test
    void aRailOriginDwellIsTerminalSupplyAndFormationEachItsOwnStep() throws Exception {
        CostModel m = costs("""
                profiles:
                  bulk:
                    modes:
                      rail: {speed_kmh: 15, speed_kmh_by_country: {KZ: 15}, origin_dwell_hours: 12,
                             supply_dwell_hours: 20, supply_dwell_hours_by_country: {KZ: 24},
                             formation_dwell_hours: 12, formation_dwell_hours_by_country: {KZ: 30},
                             destination_dwell_hours: 24}
                  container:
                    modes:
                      rail: {speed_kmh: 15, speed_kmh_by_country: {KZ: 15}, origin_dwell_hours: 12,
                             supply_dwell_hours: 6, formation_dwell_hours: 0, destination_dwell_hours: 12}
                """);
        Router router = new Router(railLine(), m);
        Route bulk = router.route(RouteRequest.of("A", "B").withCargo("bulk")).route();
        assertThat(bulk.timeline().stream().map(TimeStep::kind).toList()).containsExactly(TimeStep.Kind.DWELL,
                TimeStep.Kind.DWELL, TimeStep.Kind.DWELL, TimeStep.Kind.RUN, TimeStep.Kind.DWELL);
        assertThat(bulk.timeline().stream().map(TimeStep::hours).toList()).containsExactly(12.0, 24.0, 30.0, 20.0,
                24.0);
        assertThat(bulk.timeline().get(1).name()).contains("wagon supply");
        assertThat(bulk.timeline().get(2).name()).contains("train formation");
        assertThat(bulk.totals().hours()).isCloseTo(12 + 24 + 30 + 20 + 24, within(EPS));
        // Block container trains: platform supply, no formation wait (0 h: no step).
        Route box = router.route(RouteRequest.of("A", "B")).route();
        assertThat(box.timeline().stream().map(TimeStep::hours).toList()).containsExactly(12.0, 6.0, 20.0, 12.0);
        assertThat(box.timeline().get(1).name()).contains("platform supply");
        assertThat(box.totals().hours()).isCloseTo(50, within(EPS));
    }

    @Test
    void aWeeklyBlockTrainWaits84HoursOnAverageAndTheMonteCarloDrawsItUniformly() throws Exception {
        CostModel m = costs("""
                profiles:
                  container:
                    modes:
                      rail: {speed_kmh: 15, speed_kmh_by_country: {KZ: 15},
                             formation_departure_wait_interval_hours_by_country: {KZ: 168}}
                """);
        Router router = new Router(railLine(), m);
        Route r = router.route(RouteRequest.of("A", "B")).route();
        TimeStep formation = r.timeline().get(0);
        assertThat(formation.kind()).isEqualTo(TimeStep.Kind.DWELL);
        assertThat(formation.hours()).isCloseTo(84, within(EPS));
        assertThat(formation.delay().kind()).isEqualTo(org.caravan.cost.Wait.Kind.INTERVAL);
        assertThat(r.totals().hours()).isCloseTo(84 + 20, within(EPS));
        // Uniform 0..168 h: mean 84, median 84, p90 151.2, on top of the 20 h run.
        ReliabilityStats s = router.reliability(r, 40_000, 3);
        assertThat(s.meanHours()).isCloseTo(104, within(1.0));
        assertThat(s.p50Hours()).isCloseTo(104, within(2.0));
        assertThat(s.p90Hours()).isCloseTo(20 + 151.2, within(2.0));
    }

    /**
     * S (sea) -sea 100 km, 4 h- K (IR, port) -rail 100 km- B (IR), and A (IR) -road 40 km- K; rail at 50 km/h, no
     * terminal dwell; K holds boxes 96 h (or {@code dwell}) and its trains leave weekly (rule F).
     */
    private static Router portThenWeeklyTrain(double dwell) throws Exception {
        Network n = net(List.of(node("S", "XX"), node("K", "IR", true, false, Set.of()), node("B", "IR"),
                        node("A", "IR")),
                List.of(link("sk", "S", "K", Mode.SEA, Set.of(), 100, OptionalDouble.of(4), 0,
                                LinkStatus.OPERATIONAL, false),
                        rail("kb", "K", "B", Gauge.G1435, 100), road("ak", "A", "K", 40)));
        CostModel m = costs("""
                profiles:
                  container:
                    modes:
                      rail: {speed_kmh: 50}
                    nodes:
                      K: {transship: {default: {handling_usd: 220, dwell_hours: %s}},
                          formation: {departure_wait_interval_hours: 168}}
                """.formatted(dwell));
        return new Router(n, m);
    }

    @Test
    void aWeeklyTrainAfterAPortDwellWaitsOnlyBeyondTheDwell() throws Exception {
        Router router = portThenWeeklyTrain(96);
        Route r = router.route(RouteRequest.of("S", "B")).route();
        // The box waits for the train while it dwells: E[max(0, U - 96)], U uniform 0..168 = 72^2 / 336 h.
        double beyond = 72.0 * 72.0 / (2 * 168);
        TimeStep formation = r.timeline().stream().filter(t -> t.name().contains("train formation")).findFirst()
                .orElseThrow();
        assertThat(formation.hours()).isCloseTo(beyond, within(EPS));
        assertThat(formation.name()).contains("beyond the 96 h port dwell");
        assertThat(formation.delay().kind()).isEqualTo(org.caravan.cost.Wait.Kind.INTERVAL);
        assertThat(formation.delay().overlapHours()).isCloseTo(96, within(EPS));
        // The search's clock and the answer agree: sailing 4 h, port 96 h, the rest of the wait, rail 2 h.
        assertThat(r.totals().hours()).isCloseTo(4 + 96 + beyond + 2, within(EPS));
        // The Monte Carlo draws max(0, U - 96): its mean is the same (port dwell lognormal, mean 96).
        ReliabilityStats s = router.reliability(r, 40_000, 7);
        assertThat(s.meanHours()).isCloseTo(4 + 96 + beyond + 2, within(1.5));
        // A box that comes by road did not dwell in the port: the whole weekly wait, mean 84 h.
        Route byRoad = router.route(RouteRequest.of("A", "B").withModes(Set.of(Mode.ROAD, Mode.RAIL))).route();
        TimeStep roadFormation = byRoad.timeline().stream().filter(t -> t.name().contains("train formation"))
                .findFirst().orElseThrow();
        assertThat(roadFormation.hours()).isCloseTo(84, within(EPS));
        assertThat(roadFormation.delay().overlapHours()).isZero();
    }

    @Test
    void aPortDwellLongerThanTheDepartureIntervalLeavesNoFormationWait() throws Exception {
        Route r = portThenWeeklyTrain(200).route(RouteRequest.of("S", "B")).route();
        assertThat(r.timeline()).noneMatch(t -> t.name().contains("train formation"));
        assertThat(r.totals().hours()).isCloseTo(4 + 200 + 2, within(EPS));
    }

    /** A (IR) -rail 100 km 1435- G (IR, gauge change) -rail 100 km 1520- B (TM); rail at 50 km/h, no dwell. */
    private static Network gaugeBreak() {
        return net(List.of(node("A", "IR"), node("G", "IR", false, true, Set.of()), node("B", "TM")),
                List.of(rail("ag", "A", "G", Gauge.G1435, 100), rail("gb", "G", "B", Gauge.G1520, 100)));
    }

    @Test
    void aStationsOwnFormationWaitFollowsAGaugeChangeAndStartsTrainsOfItsGaugeOnly() throws Exception {
        CostModel m = costs("""
                profiles:
                  container:
                    modes:
                      rail: {speed_kmh: 50}
                    gauge_change: {usd: 0, hours: 12}
                    nodes:
                      G: {formation: {departure_wait_interval_hours: 48, gauge: 1520}}
                """);
        Router router = new Router(gaugeBreak(), m);
        // Northbound: 2 h run, 12 h transloading, then the onward 1520 train: 24 h on average, 2 h run.
        Route north = router.route(RouteRequest.of("A", "B")).route();
        assertThat(north.totals().hours()).isCloseTo(2 + 12 + 24 + 2, within(EPS));
        assertThat(north.timeline().stream().filter(t -> t.kind() == TimeStep.Kind.DWELL).toList())
                .singleElement().satisfies(t -> {
                    assertThat(t.at()).isEqualTo("G");
                    assertThat(t.hours()).isCloseTo(24, within(EPS));
                    assertThat(t.delay().kind()).isEqualTo(org.caravan.cost.Wait.Kind.INTERVAL);
                });
        // Southbound onto 1435 mm: the station's figure is for 1520 trains only.
        assertThat(router.route(RouteRequest.of("B", "A")).route().totals().hours()).isCloseTo(2 + 12 + 2,
                within(EPS));
        // A train that starts at the station waits for it only on 1520 mm.
        assertThat(router.route(RouteRequest.of("G", "B")).route().totals().hours()).isCloseTo(24 + 2, within(EPS));
        assertThat(router.route(RouteRequest.of("G", "A")).route().totals().hours()).isCloseTo(2, within(EPS));
    }

    @Test
    void aRailBorderStationAddsItsInterchangeDwellAsAStepOfItsOwn() throws Exception {
        // A (KZ) -rail 100- P (KZ) =crossing 2 km, rail and road, 4 h (p90 8)= Q (UZ) -rail 100- B (UZ);
        // A, B also by road.
        Network n = net(List.of(node("A", "KZ"), node("P", "KZ"), node("Q", "UZ"), node("B", "UZ")),
                List.of(rail("ap", "A", "P", Gauge.G1520, 100), crossing("pq", "P", "Q", 2, Set.of(Mode.RAIL,
                        Mode.ROAD), Set.of(Gauge.G1520), new CrossingTimes(4, 8, 0), null),
                        rail("qb", "Q", "B", Gauge.G1520, 100), road("apr", "A", "P", 100), road("qbr", "Q", "B", 100)));
        CostModel m = costs("""
                profiles:
                  container:
                    modes:
                      rail: {speed_kmh: 50, speed_kmh_by_country: {KZ: 50}}
                      road: {speed_kmh: 50}
                    nodes:
                      Q: {interchange: {handling_usd: 0, dwell_hours: 6}}
                """);
        Router router = new Router(n, m);
        Route rail = router.route(RouteRequest.of("A", "B").withModes(Set.of(Mode.RAIL))).route();
        assertThat(rail.timeline().stream().map(TimeStep::kind).toList()).containsExactly(TimeStep.Kind.RUN,
                TimeStep.Kind.CROSSING, TimeStep.Kind.DWELL, TimeStep.Kind.RUN);
        assertThat(rail.timeline().get(1).hours()).isCloseTo(4, within(EPS));
        assertThat(rail.timeline().get(2).hours()).isCloseTo(6, within(EPS));
        assertThat(rail.timeline().get(2).at()).isEqualTo("Q");
        assertThat(rail.crossings().get(0).hours()).isCloseTo(10, within(EPS));
        assertThat(rail.totals().hours()).isCloseTo(2 + 4 + 6 + 2, within(EPS));
        // Both ways (the station is at either end of the crossing), and never for trucks.
        assertThat(router.route(RouteRequest.of("B", "A").withModes(Set.of(Mode.RAIL))).route().totals().hours())
                .isCloseTo(14, within(EPS));
        Route road = router.route(RouteRequest.of("A", "B").withModes(Set.of(Mode.ROAD))).route();
        assertThat(road.timeline().stream().map(t -> t.kind() + " " + t.at() + " " + t.hours()).toList())
                .as("road timeline").containsExactly("RUN apr 2.0", "CROSSING pq 4.0", "RUN qbr 2.0");
        // The Monte Carlo draws the interchange (lognormal, mean 6 h, p90 12 h) as well as the crossing.
        ReliabilityStats s = router.reliability(rail, 40_000, 5);
        assertThat(s.meanHours()).isCloseTo(14, within(0.3));
        assertThat(s.p90Hours()).isGreaterThan(14);
    }

    @Test
    void aNamedPortHasItsOwnDwell() throws Exception {
        Network n = net(List.of(node("A", "PK"), node("K", "PK", true, false, Set.of()), node("S", "XX")),
                List.of(road("ak", "A", "K", 40), link("ks", "K", "S", Mode.SEA, Set.of(), 100, OptionalDouble.of(4),
                        0, LinkStatus.OPERATIONAL, false)));
        CostModel m = costs("""
                profiles:
                  container:
                    nodes:
                      K: {transship: {default: {handling_usd: 220, dwell_hours: 96}}}
                """);
        Route r = new Router(n, m).route(RouteRequest.of("A", "S")).route();
        assertThat(r.transshipments()).singleElement().satisfies(t -> {
            assertThat(t.hours()).isCloseTo(96, within(EPS));
            assertThat(t.usd()).isCloseTo(220, within(EPS));
        });
    }

    @Test
    void co2LegsAndHubsSumToTotalsAndWellToWheelIncludesTankToWheel() throws Exception {
        Router router = new Router(new NetworkLoader().loadEmbedded(), CostModelLoader.defaults());
        for (String[] od : List.of(new String[] {"KZALA", "PKKHI"}, new String[] {"KZAAU", "AZALA"},
                new String[] {"UZTAS", "IRSRP"})) {
            for (String cargo : List.of("container", "bulk")) {
                RouteResult res = router.route(new RouteRequest(od[0], od[1], List.of(), cargo, 100.0,
                        Objective.COST, Set.of(), Set.of(), Set.of(), Set.of(), false));
                if (!res.found()) continue;
                Route r = res.route();
                double wtw = r.legs().stream().mapToDouble(Leg::co2Kg).sum();
                double ttw = r.legs().stream().mapToDouble(Leg::co2TtwKg).sum();
                double hub = r.transshipments().stream().mapToDouble(Transshipment::co2Kg).sum();
                assertThat(r.totals().co2Kg()).isCloseTo(wtw + hub, within(1e-6));
                assertThat(r.totals().co2TtwKg()).isCloseTo(ttw, within(1e-6));
                assertThat(r.totals().co2HubKg()).isCloseTo(hub, within(1e-6));
                assertThat(r.totals().co2Kg()).isGreaterThan(r.totals().co2TtwKg());
                for (Leg l : r.legs()) assertThat(l.co2Kg()).as(l.linkId()).isGreaterThanOrEqualTo(l.co2TtwKg());
            }
        }
    }

    @Test
    void electricTractionHasNoTankToWheelEmissions() throws Exception {
        Network n = net(List.of(node("A", "GE"), node("B", "GE"), node("C", "TM"), node("D", "TM")),
                List.of(rail("ab", "A", "B", Gauge.G1520, 100), rail("cd", "C", "D", Gauge.G1520, 100)));
        CostModel m = costs("""
                profiles:
                  bulk:
                    modes:
                      rail: {co2_ttw_kg_per_tonne_km: 0.02, co2_wtw_kg_per_tonne_km: 0.0235,
                             electric_co2_wtw_kg_per_tonne_km: 0.012, electric_share_by_country: {GE: 1.0}}
                """);
        Router router = new Router(n, m);
        Leg ge = router.route(RouteRequest.of("A", "B").withCargo("bulk")).route().legs().get(0);
        assertThat(ge.co2TtwKg()).isZero();
        assertThat(ge.co2Kg()).isCloseTo(100 * 0.012, within(EPS));
        Leg tm = router.route(RouteRequest.of("C", "D").withCargo("bulk")).route().legs().get(0);
        assertThat(tm.co2TtwKg()).isCloseTo(100 * 0.02, within(EPS));
        assertThat(tm.co2Kg()).isCloseTo(100 * 0.0235, within(EPS));
    }

    @Test
    void aCopyOfTheBulkProfileUnderAnotherNameRoutesAsBulk() throws Exception {
        ObjectNode tree = CostModelLoader.readDefaults();
        ObjectNode profiles = (ObjectNode) tree.get("profiles");
        profiles.set("grain", profiles.get("bulk").deepCopy());
        ObjectNode asBox = profiles.get("bulk").deepCopy();
        asBox.put("cargo_class", "container");
        profiles.set("grain_in_boxes", asBox);
        CostModel m = CostModelLoader.fromTree(tree, "test");
        assertThat(m.profile("grain").orElseThrow().cargoClass()).isEqualTo(Cargo.BULK);
        Router router = new Router(new NetworkLoader().loadEmbedded(), m);
        for (String[] od : List.of(new String[] {"KZZAB", "IRSRP"}, new String[] {"AFHEA", "IRSRP"},
                new String[] {"KZALA", "PKKHI"}, new String[] {"UZTAS", "AFKBL"})) {
            RouteRequest q = RouteRequest.of(od[0], od[1]);
            RouteResult bulk = router.route(q.withCargo("bulk"));
            RouteResult grain = router.route(q.withCargo("grain"));
            assertThat(grain.found()).isEqualTo(bulk.found());
            if (!bulk.found()) continue;
            assertThat(grain.route().nodes()).isEqualTo(bulk.route().nodes());
            assertThat(grain.route().totals()).isEqualTo(bulk.route().totals());
        }
        // The class, not the name, decides where the cargo can be transshipped: T handles bulk only.
        Network small = net(List.of(node("A", "KZ"), node("T", "KZ", true, false, Set.of(Cargo.BULK)), node("B", "KZ")),
                List.of(road("at", "A", "T", 10), rail("tb", "T", "B", Gauge.G1520, 2000), road("ab", "A", "B", 4000)));
        Router r2 = new Router(small, m);
        RouteRequest q = RouteRequest.of("A", "B");
        assertThat(r2.route(q.withCargo("grain")).route().nodes()).containsExactly("A", "T", "B");
        assertThat(r2.route(q.withCargo("grain")).route().nodes())
                .isEqualTo(r2.route(q.withCargo("bulk")).route().nodes());
        assertThat(r2.route(q.withCargo("grain_in_boxes")).route().nodes()).containsExactly("A", "B");
    }
}
