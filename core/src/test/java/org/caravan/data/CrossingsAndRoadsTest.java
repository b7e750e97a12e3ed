package org.caravan.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caravan.cost.CostModel;
import org.caravan.cost.CostModelLoader;
import org.caravan.cost.CrossingRule;
import org.caravan.io.NetworkLoader;
import org.caravan.network.Confidence;
import org.caravan.network.CrossingTimes;
import org.caravan.network.Link;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.place.PlaceIndex;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.RouteResult;
import org.caravan.routing.Router;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Border crossings and roads of the embedded network (issue 14, section 2): every crossing carries its own figures
 * with a source and a confidence in both the network file and the time model's crossing table, no published figure
 * is shared by two crossings, the published closures reach the time model, and every capital and main city of the
 * region is reachable by road.
 */
class CrossingsAndRoadsTest {
    private static Network network;
    private static CostModel costs;
    private static Router router;
    private static PlaceIndex places;

    @BeforeAll
    static void load() throws Exception {
        network = new NetworkLoader().loadEmbeddedChecked();
        costs = CostModelLoader.defaults();
        router = new Router(network, costs);
        places = new PlaceIndex(network);
    }

    private static List<Link> crossings() {
        return network.links().stream().filter(l -> l.mode() == Mode.CROSSING).toList();
    }

    @Test
    void everyCrossingHasItsOwnFiguresSourceAndConfidence() {
        assertThat(crossings()).hasSizeGreaterThanOrEqualTo(60);
        Map<String, String> publishedBy = new HashMap<>();
        for (Link l : crossings()) {
            assertThat(l.source()).as(l.id()).isNotBlank();
            assertThat(l.confidence()).as(l.id()).isNotNull();
            CrossingTimes t = l.crossingTimesFrom(l.from());
            assertThat(t.meanHours()).as(l.id()).isPositive();
            assertThat(t.p90Hours()).as(l.id()).isGreaterThanOrEqualTo(t.meanHours());
            CrossingRule rule = costs.timetables().crossing(l.id());
            assertThat(rule).as("crossing %s has its entry in crossings.yaml", l.id()).isNotNull();
            assertThat(rule.forward().waitHours()).as(l.id()).isPositive();
            CostModel.Source s = costs.sourceOf("crossings." + l.id()).orElseThrow();
            assertThat(s.source()).as(l.id()).isNotBlank();
            assertThat(s.confidence()).as(l.id()).isIn("published", "estimated");
            if (s.confidence().equals("published")) {
                // A BCP's published figure belongs to that BCP only: never copied onto another crossing.
                String other = publishedBy.put(s.source(), l.id());
                assertThat(other).as("%s shares its published source with %s", l.id(), other).isNull();
            } else {
                assertThat(s.source()).as(l.id() + " names its estimate rule").containsAnyOf("rule", "estimate");
            }
            if (l.confidence() == Confidence.ESTIMATED) assertThat(l.note()).as(l.id()).isNotBlank();
        }
    }

    @Test
    void publishedClosuresReachTheTimeModel() {
        // Khunjerab operates year-round since 1 December 2024 (it used to close December to March).
        assertThat(rule("Khunjerab").opening().closedMonths()).isEmpty();
        for (String name : List.of("Torugart", "Irkeshtam")) {
            assertThat(rule(name).opening().closedDays()).as(name)
                    .containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        }
    }

    private static CrossingRule rule(String name) {
        Link l = crossings().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        return costs.timetables().crossing(l.id());
    }

    @Test
    void everyCapitalAndMainCityIsReachableByRoad() {
        List<String> cities = List.of("Astana", "Almaty", "Tashkent", "Samarkand", "Bishkek", "Osh", "Dushanbe",
                "Khujand", "Ashgabat", "Kabul", "Herat", "Kandahar", "Mazar-i-Sharif", "Islamabad", "Lahore", "Karachi",
                "Quetta", "Tehran", "Mashhad", "Tabriz", "Baku", "Tbilisi", "Ankara", "Istanbul", "Urumqi", "Kashgar",
                "Moscow", "Astrakhan");
        String hub = places.resolve("Tashkent", "test").id();
        for (String c : cities) {
            String id = places.resolve(c, "test").id();
            if (id.equals(hub)) continue;
            RouteResult r = router.route(RouteRequest.of(hub, id).withModes(Set.of(Mode.ROAD)));
            assertThat(r.found()).as("Tashkent -> %s by road", c).isTrue();
        }
    }

    @Test
    void mainCitiesOfEuropeanRussiaTurkeyAndIndiaAreReachableByRoad() {
        // national roads of roads_links.csv (3 Dec 2026): before them these cities hung on Moscow, Istanbul or an
        // Indian port by estimated access legs of up to 1,600 km
        String tashkent = places.resolve("Tashkent", "test").id();
        for (String c : List.of("Saint Petersburg", "Voronezh", "Kazan", "Kirov", "Izhevsk", "Perm", "Barnaul", "Izmir",
                "Antalya", "Diyarbakir", "Samsun")) {
            RouteResult r = router.route(RouteRequest.of(tashkent, places.resolve(c, "test").id()).withModes(Set.of(Mode.ROAD)));
            assertThat(r.found()).as("Tashkent -> %s by road", c).isTrue();
        }
        String delhi = places.resolve("Delhi", "test").id();
        for (String c : List.of("Mumbai port", "Chennai", "Kolkata port", "Bangalore", "Hyderabad (Telangana)", "Nagpur", "Amritsar",
                "Srinagar", "Kandla", "Thiruvananthapuram")) {
            RouteResult r = router.route(RouteRequest.of(delhi, places.resolve(c, "test").id()).withModes(Set.of(Mode.ROAD)));
            assertThat(r.found()).as("Delhi -> %s by road", c).isTrue();
        }
    }

    @Test
    void attariWagahIsClosedSoNoRoadRouteCrossesIt() {
        Link x = crossings().stream().filter(l -> l.name().equals("Attari-Wagah")).findFirst().orElseThrow();
        assertThat(x.status().name()).isEqualTo("CLOSED");
        String amritsar = places.resolve("Amritsar", "test").id();
        String lahore = places.resolve("Lahore", "test").id();
        assertThat(router.route(RouteRequest.of(amritsar, lahore).withModes(Set.of(Mode.ROAD))).found())
                .as("Amritsar -> Lahore by road only (the one land crossing is closed)").isFalse();
        RouteResult any = router.route(RouteRequest.of(amritsar, lahore));
        assertThat(any.found()).isTrue();
        assertThat(any.route().nodes()).as("the closed crossing's posts").doesNotContain(x.from(), x.to());
    }
}
