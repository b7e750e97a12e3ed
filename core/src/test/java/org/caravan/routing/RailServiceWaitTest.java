package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.caravan.routing.Nets.net;
import static org.caravan.routing.Nets.node;
import static org.caravan.routing.Nets.rail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.List;
import org.caravan.cost.CostModel;
import org.caravan.cost.CostModelLoader;
import org.caravan.cost.Wait;
import org.caravan.io.YamlOverlay;
import org.caravan.network.Gauge;
import org.caravan.network.Network;
import org.junit.jupiter.api.Test;

/**
 * A regular rail service between countries (cost model {@code rail_services}, docs/COSTS.md) on a hand-made
 * CN - KZ - IR line: waited for once, at the first rail run, as a {@code service_wait} step; half the headway
 * on average, uniform over it in the Monte Carlo, the next published departure on the clock.
 */
class RailServiceWaitTest {
    private static final double EPS = 1e-9;
    /** A Monday. */
    private static final LocalDateTime MONDAY = LocalDateTime.of(2027, 3, 1, 0, 0);

    /** A (CN) -rail 300 km- B (KZ) -rail 530 km- C (IR), one gauge. */
    private static Network line() {
        return net(List.of(node("A", "CN"), node("B", "KZ"), node("C", "IR")),
                List.of(rail("ab", "A", "B", Gauge.G1435, 300), rail("bc", "B", "C", Gauge.G1435, 530)));
    }

    private static CostModel costs(String yaml) throws Exception {
        ObjectNode tree;
        try (InputStream in = RailServiceWaitTest.class.getResourceAsStream("/org/caravan/routing/classic-costs.yaml")) {
            tree = (ObjectNode) YamlOverlay.YAML.readTree(in);
        }
        YamlOverlay.merge(tree, (ObjectNode) YamlOverlay.YAML.readTree(yaml.isBlank() ? "{}" : yaml));
        return CostModelLoader.fromTree(tree, "test");
    }

    private static String row(String fields) {
        return "rail_services: {cn_ir: {from: [CN], to: [IR], " + fields + ", source: test, confidence: published}}";
    }

    private static final String TWICE_WEEKLY = row("via: [KZ], departures_per_week: 2");

    private static List<TimeStep> waits(Route r) {
        return r.timeline().stream().filter(t -> t.kind() == TimeStep.Kind.SERVICE_WAIT).toList();
    }

    @Test
    void withoutTheRowNothingIsWaitedAndWithItHalfTheHeadwayOnceAtTheFirstRailRun() throws Exception {
        Route without = new Router(line(), costs("")).route(RouteRequest.of("A", "C")).route();
        assertThat(waits(without)).isEmpty();

        Route with = new Router(line(), costs(TWICE_WEEKLY)).route(RouteRequest.of("A", "C")).route();
        List<TimeStep> w = waits(with);
        assertThat(w).hasSize(1); // two rail runs, one wait
        TimeStep step = w.get(0);
        assertThat(step.hours()).isCloseTo(42, within(EPS)); // headway 168 / 2 = 84 h, mean 42 h
        assertThat(step.delay().kind()).isEqualTo(Wait.Kind.INTERVAL);
        assertThat(step.delay().intervalHours()).isCloseTo(84, within(EPS));
        assertThat(step.at()).isEqualTo("A");
        assertThat(step.country()).isEqualTo("CN");
        assertThat(step.legIndex()).isZero();
        assertThat(step.afterSearch()).isTrue();
        assertThat(step.railService().id()).isEqualTo("cn_ir");
        assertThat(step.outsideSearch()).isTrue();
        assertThat(step.name()).contains("cn_ir").contains("2 departures a week");
        // the step comes right before the first run, nothing else moves
        int at = with.timeline().indexOf(step);
        assertThat(with.timeline().get(at + 1).kind()).isEqualTo(TimeStep.Kind.RUN);
        assertThat(with.timeline().get(at + 1).at()).isEqualTo("ab");
        assertThat(with.nodes()).isEqualTo(without.nodes());
        assertThat(with.totals().hours()).isCloseTo(without.totals().hours() + 42, within(EPS));
        assertThat(with.timeline().stream().mapToDouble(TimeStep::hours).sum()).isCloseTo(with.totals().hours(),
                within(EPS));
        assertThat(with.legs().get(0).hours()).isCloseTo(without.legs().get(0).hours() + 42, within(EPS));
        assertThat(with.legs().get(0).waitHours()).isCloseTo(without.legs().get(0).waitHours() + 42, within(EPS));
        assertThat(with.legs().get(1).hours()).isCloseTo(without.legs().get(1).hours(), within(EPS));
        assertThat(with.totals().usd()).isCloseTo(without.totals().usd(), within(EPS));
        // the search's value leaves the wait out (an admissible bound and the search's ranking are unchanged)
        StateSearch.Weight time = StateSearch.Weight.of(Objective.TIME, 0);
        assertThat(Alternatives.value(with, time)).isCloseTo(Alternatives.value(without, time), within(1e-6));
    }

    @Test
    void theRowAppliesOnlyToItsCountriesItsDirectionAndItsViaCountries() throws Exception {
        Router oneWay = new Router(line(), costs(TWICE_WEEKLY));
        assertThat(waits(oneWay.route(RouteRequest.of("C", "A")).route())).as("reverse").isEmpty();
        assertThat(waits(oneWay.route(RouteRequest.of("A", "B")).route())).as("to KZ only").isEmpty();
        assertThat(waits(oneWay.route(RouteRequest.of("A", "C").withCargo("bulk")).route())).as("bulk").isEmpty();
        Router both = new Router(line(), costs(row("via: [KZ], departures_per_week: 2, both_directions: true")));
        List<TimeStep> back = waits(both.route(RouteRequest.of("C", "A")).route());
        assertThat(back).hasSize(1);
        assertThat(back.get(0).at()).isEqualTo("C");
        Router viaTm = new Router(line(), costs(row("via: [TM], departures_per_week: 2")));
        assertThat(waits(viaTm.route(RouteRequest.of("A", "C")).route())).as("not via TM").isEmpty();
        // of two matching rows the more frequent one is waited for
        Router two = new Router(line(), costs("""
                rail_services:
                  weekly: {from: [CN], to: [IR], departures_per_week: 1, source: test, confidence: published}
                  daily: {from: [CN], to: [IR, TM], departures_per_week: 7, source: test, confidence: published}
                """));
        List<TimeStep> w = waits(two.route(RouteRequest.of("A", "C")).route());
        assertThat(w).hasSize(1);
        assertThat(w.get(0).hours()).isCloseTo(12, within(EPS));
        assertThat(w.get(0).name()).contains("daily");
    }

    @Test
    void theWaitCountsOnlyBeyondTheTerminalDwellAlreadyWaitedAtTheStation() throws Exception {
        // 12 h origin dwell at A; a weekly train: max(0, U - 12), U uniform 0..168: mean (168 - 12)^2 / 336.
        Route r = new Router(line(), costs(row("departures_per_week: 1") + """

                profiles: {container: {modes: {rail: {origin_dwell_hours: 12}}}}
                """)).route(RouteRequest.of("A", "C")).route();
        TimeStep step = waits(r).get(0);
        assertThat(step.hours()).isCloseTo(156.0 * 156.0 / 336.0, within(1e-6));
        assertThat(step.delay().overlapHours()).isCloseTo(12, within(EPS));
        assertThat(r.timeline().get(0).kind()).isEqualTo(TimeStep.Kind.DWELL); // the dwell comes first
    }

    @Test
    void aStationWithItsOwnDepartureIntervalIsNotWaitedForTwice() throws Exception {
        Route r = new Router(line(), costs(row("departures_per_week: 1") + """

                profiles: {container: {nodes: {A: {formation: {departure_wait_interval_hours: 168}}}}}
                """)).route(RouteRequest.of("A", "C")).route();
        assertThat(waits(r)).isEmpty();
        assertThat(r.timeline().get(0).hours()).isCloseTo(84, within(EPS)); // the station's own weekly formation
    }

    @Test
    void aTimedDepartureWaitsForTheNextPublishedDeparture() throws Exception {
        Router router = new Router(line(), costs(row("departures_per_week: 1, days: [wed], times: [\"10:00\"]")));
        Route untimed = router.route(RouteRequest.of("A", "C")).route();
        TimeStep mean = waits(untimed).get(0);
        assertThat(mean.delay().kind()).isEqualTo(Wait.Kind.TIMETABLE);
        assertThat(mean.hours()).isCloseTo(84, within(0.05)); // weekly: half a week on average
        // Ready on Monday 08:00 (no dwell): the Wednesday 10:00 train, 50 h later.
        Route timed = router.route(RouteRequest.of("A", "C").withDepart(MONDAY.plusHours(8))).route();
        assertThat(waits(timed).get(0).hours()).isCloseTo(50, within(EPS));
        double run = untimed.totals().hours() - mean.hours();
        assertThat(timed.totals().hours()).isCloseTo(run + 50, within(1e-6));
        assertThat(timed.legs().get(0).waitHours()).isCloseTo(50, within(EPS));
        // Ready on Wednesday 10:00: it leaves at once; 10:01: the next week's train.
        Route onTime = router.route(RouteRequest.of("A", "C").withDepart(MONDAY.plusDays(2).plusHours(10))).route();
        assertThat(waits(onTime).get(0).hours()).isCloseTo(0, within(EPS));
        Route late = router.route(RouteRequest.of("A", "C").withDepart(MONDAY.plusDays(2).plusHours(10)
                .plusMinutes(1))).route();
        assertThat(waits(late).get(0).hours()).isCloseTo(168 - 1.0 / 60, within(1e-6));
        // With a departure the Monte Carlo follows the clock: every sample catches the same train.
        ReliabilityStats s = router.reliability(timed, 500, 1);
        assertThat(s.p90Hours()).isCloseTo(timed.totals().hours(), within(1e-6));
    }

    @Test
    void theMonteCarloDrawsTheWaitWithinTheHeadway() throws Exception {
        Router router = new Router(line(), costs(row("departures_per_week: 1")));
        Route r = router.route(RouteRequest.of("A", "C")).route();
        double base = r.totals().hours() - 84;
        // one sample per seed: every draw lies in [0, 168] h beyond the fixed running time
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (long seed = 0; seed < 400; seed++) {
            double t = router.reliability(r, 1, seed).p50Hours();
            assertThat(t - base).isBetween(-EPS, 168 + EPS);
            lo = Math.min(lo, t - base);
            hi = Math.max(hi, t - base);
        }
        assertThat(lo).isLessThan(10); // and spread over it
        assertThat(hi).isGreaterThan(158);
        // uniform 0..168: mean 84, median 84, p90 151.2
        ReliabilityStats s = router.reliability(r, 40_000, 3);
        assertThat(s.meanHours()).isCloseTo(base + 84, within(1.0));
        assertThat(s.p50Hours()).isCloseTo(base + 84, within(2.0));
        assertThat(s.p90Hours()).isCloseTo(base + 151.2, within(2.0));
        assertThat(s.p95Hours()).isLessThanOrEqualTo(base + 168 + EPS);
    }
}
