package org.caravan.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.caravan.cost.CostModel;
import org.caravan.cost.CostModelLoader;
import org.caravan.io.NetworkLoader;
import org.caravan.place.PlaceIndex;
import org.caravan.place.RouteQuery;
import org.caravan.routing.Leg;
import org.caravan.routing.RouteResult;
import org.caravan.routing.Router;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded network's places and ports (data-build/places_ports.py): main ports reachable by sea, places that
 * are only in UN/LOCODE routable by code, every access leg honest (estimated, named as an access leg, a dead end).
 */
class PlacesAndPortsTest {
    static Network network;
    static CostModel costs;
    static Router router;
    static PlaceIndex places;

    /** Main ports of the Gulf, Arabian Sea, Red Sea, Mediterranean, Black Sea, India and the container routes. */
    static final List<String> MAIN_PORTS = List.of("Jebel Ali", "Shahid Rajaee port", "Chabahar", "Karachi port",
            "Port Qasim", "Gwadar", "Mundra", "Nhava Sheva", "Poti", "Batumi", "Constanta", "Mersin", "Istanbul",
            "Ambarli", "Novorossiysk", "Piraeus", "Bushehr port", "Dammam", "Sohar", "Salalah", "Port Said", "Aden",
            "Djibouti", "Jeddah", "Izmir", "Iskenderun", "Varna", "Samsun", "Kandla", "Mumbai port", "Colombo",
            "Chennai", "Rotterdam", "Hamburg", "Singapore", "Shanghai", "Lianyungang port");

    @BeforeAll
    static void load() throws Exception {
        network = new NetworkLoader().loadEmbedded();
        costs = CostModelLoader.defaults();
        router = new Router(network, costs);
        places = new PlaceIndex(network);
    }

    private RouteResult route(RouteQuery.Builder b) {
        return router.route(b.build().resolve(network, costs, places));
    }

    @Test
    void everyMainPortIsASeaportReachableBySeaFromJebelAli() {
        for (String name : MAIN_PORTS) {
            Node port = places.resolve(name, "to");
            assertThat(port.kind()).as(name).isEqualTo(NodeKind.SEAPORT);
            if (port.id().equals("AEJEA")) continue;
            RouteResult r = route(RouteQuery.builder().from("AEJEA").to(port.id()).modes(List.of("sea")));
            assertThat(r.found()).as("sea route Jebel Ali -> " + name).isTrue();
            assertThat(r.route().legs()).as(name).allMatch(l -> l.mode() == Mode.SEA);
        }
    }

    @Test
    void seaLegsMeasuredOnTheLanesAreNoShorterThanTheGreatCircle() {
        for (Link l : network.links()) {
            if (l.mode() != Mode.SEA) continue;
            Node a = network.node(l.from()).orElseThrow();
            Node b = network.node(l.to()).orElseThrow();
            double gc = greatCircleKm(a, b);
            assertThat(l.km()).as(l.id()).isGreaterThanOrEqualTo(gc * 0.99);
        }
    }

    @Test
    void mundraToNhavaShevaGoesRoundSaurashtraNotAcrossIt() {
        RouteResult r = route(RouteQuery.builder().from("Mundra").to("Nhava Sheva").modes(List.of("sea")));
        assertThat(r.found()).isTrue();
        double km = r.route().legs().stream().mapToDouble(Leg::km).sum();
        // the great circle is 537 km across the peninsula; round Saurashtra by sea is about 700 km
        assertThat(km).isBetween(680.0, 800.0);
    }

    @Test
    void aPlaceOnlyInUnLocodeIsRoutableByItsCodeThroughAnHonestAccessLeg() {
        Node akkol = places.resolve("KZKKO", "from");
        assertThat(akkol.name()).isEqualTo("Akkol'");
        assertThat(places.resolve("Akkol'", "from").id()).isEqualTo("KZKKO");
        RouteResult r = route(RouteQuery.builder().from("KZKKO").to("Almaty"));
        assertThat(r.found()).isTrue();
        Link first = network.link(r.route().legs().get(0).linkId()).orElseThrow();
        assertThat(first.name()).startsWith("access road");
        assertThat(first.confidence()).isEqualTo(Confidence.ESTIMATED);
    }

    @Test
    void accessLegsAreDeadEndsSoTheyCarryNoThroughTraffic() {
        // a place is a dead end of each mode it is reached by; a city reached by a rail and a road access leg
        // (data-build/places_ports.py) is no transshipment place, so no route changes mode there either
        java.util.Map<String, Integer> degree = new java.util.HashMap<>();
        for (Link l : network.links()) {
            degree.merge(l.from() + "/" + l.mode(), 1, Integer::sum);
            degree.merge(l.to() + "/" + l.mode(), 1, Integer::sum);
            degree.merge(l.from(), 1, Integer::sum);
            degree.merge(l.to(), 1, Integer::sum);
        }
        int access = 0;
        for (Link l : network.links()) {
            if (!l.name().startsWith("access ")) continue;
            access++;
            assertThat(degree.get(l.from() + "/" + l.mode())).as(l.id()).isEqualTo(1);
            if (degree.get(l.from()) > 1) {
                assertThat(degree.get(l.from())).as(l.id()).isEqualTo(2);
                assertThat(network.node(l.from()).orElseThrow().transship()).as(l.id()).isFalse();
            }
            assertThat(l.confidence()).as(l.id()).isEqualTo(Confidence.ESTIMATED);
            assertThat(network.node(l.from()).orElseThrow().country()).as(l.id()).isEqualTo(network.node(l.to()).orElseThrow().country());
        }
        assertThat(access).isGreaterThan(1000);
    }

    @Test
    void containerTrainEndsInEasternChinaAndEuropeanRussiaAreRoutable() {
        RouteResult r = route(RouteQuery.builder().from("Xi'an").to("Almaty"));
        assertThat(r.found()).isTrue();
        assertThat(r.route().countries()).containsExactly("CN", "KZ");
        assertThat(route(RouteQuery.builder().from("Chongqing").to("Moscow")).found()).isTrue();
        assertThat(route(RouteQuery.builder().from("Yiwu").to("Tashkent")).found()).isTrue();
        assertThat(route(RouteQuery.builder().from("Lianyungang").to("Almaty")).found()).isTrue();
    }

    @Test
    void aLargeCityOffTheCorridorsIsRoutableByName() {
        // Natural Earth: Kazan, Konya and Namangan are cities of more than 100,000 people
        for (String city : List.of("Kazan", "Konya", "Namangan", "Kunduz")) {
            Node n = places.resolve(city, "from");
            assertThat(n.kind()).as(city).isEqualTo(NodeKind.CITY);
        }
        assertThat(route(RouteQuery.builder().from("Konya").to("Tbilisi")).found()).isTrue();
        // a city whose port the network already has (within 30 km) is that port: Kolkata is Kolkata port
        assertThat(places.resolve("Kolkata", "from").id()).isEqualTo("INCCU");
    }

    private static double greatCircleKm(Node a, Node b) {
        double la1 = Math.toRadians(a.lat()), la2 = Math.toRadians(b.lat());
        double dla = la2 - la1, dlo = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dla / 2) * Math.sin(dla / 2) + Math.cos(la1) * Math.cos(la2) * Math.sin(dlo / 2) * Math.sin(dlo / 2);
        return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
