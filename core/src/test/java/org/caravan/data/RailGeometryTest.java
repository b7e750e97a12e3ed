package org.caravan.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.caravan.cost.CostModelLoader;
import org.caravan.io.NetworkLoader;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.NetworkSummary;
import org.caravan.place.PlaceIndex;
import org.caravan.report.RouteGeoJson;
import org.caravan.routing.Objective;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.RouteResult;
import org.caravan.routing.Router;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded rail network is built from track geometry (data-build/rail_osm.py, issue #14): a rail route's
 * GeoJSON follows the source track, the capitals and main rail hubs are joined by rail, and stations are
 * found by name and by UN/LOCODE.
 */
class RailGeometryTest {
    private static Network network;
    private static Router router;
    private static PlaceIndex places;

    @BeforeAll
    static void load() throws Exception {
        network = new NetworkLoader().loadEmbedded();
        router = new Router(network, CostModelLoader.defaults());
        places = new PlaceIndex(network);
    }

    private static RouteResult rail(String from, String to) {
        return router.route(RouteRequest.of(places.resolve(from, "from").id(), places.resolve(to, "to").id())
                .withModes(Set.of(Mode.RAIL)).withObjective(Objective.DISTANCE));
    }

    /** Raw OSM vertices around Tashkent-Samarkand (test resource written by data-build/rail_track_sample.py). */
    private static List<double[]> trackSample() throws Exception {
        List<double[]> pts = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RailGeometryTest.class.getResourceAsStream("/org/caravan/data/track_sample_uz_osm.csv"),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.startsWith("lon")) continue;
                String[] c = line.split(",");
                pts.add(new double[] {Double.parseDouble(c[0]), Double.parseDouble(c[1])});
            }
        }
        return pts;
    }

    private static double km(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
        double a = Math.pow(Math.sin((p2 - p1) / 2), 2)
                + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(Math.toRadians(lon2 - lon1) / 2), 2);
        return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    @Test
    void railRouteGeoJsonFollowsTheSourceTrack() throws Exception {
        RouteResult res = rail("Tashkent", "Samarkand");
        assertThat(res.found()).isTrue();
        List<double[]> coords = new ArrayList<>();
        for (JsonNode f : RouteGeoJson.toGeoJson(network, res).get("features")) {
            if (!"leg".equals(f.get("properties").get("feature_type").asText())) continue;
            assertThat(f.get("properties").get("mode").asText()).isEqualTo("rail");
            for (JsonNode c : f.get("geometry").get("coordinates")) coords.add(new double[] {c.get(0).asDouble(), c.get(1).asDouble()});
        }
        // the curated chain Tashkent-Jizzakh-Samarkand had 3 vertices; track geometry has one every few km
        assertThat(coords.size()).isGreaterThan(60);
        List<double[]> track = trackSample();
        assertThat(track).hasSizeGreaterThan(500);
        double worst = 0;
        for (int i = 1; i < coords.size() - 1; i++) { // the two ends are the city nodes, off the track
            double[] p = coords.get(i);
            double best = Double.MAX_VALUE;
            for (double[] q : track) best = Math.min(best, km(p[0], p[1], q[0], q[1]));
            worst = Math.max(worst, best);
        }
        assertThat(worst).as("largest distance of a route vertex from the OSM track, km").isLessThan(3.0);
        // the length is measured along the track: longer than the straight line, close to the published ~340 km
        double straight = km(coords.get(0)[0], coords.get(0)[1], coords.get(coords.size() - 1)[0],
                coords.get(coords.size() - 1)[1]);
        assertThat(res.route().totals().km()).isBetween(straight * 1.05, straight * 1.5);
    }

    @Test
    void capitalsAndMainRailHubsAreJoinedByRail() {
        for (String to : List.of("Almaty", "Astana", "Dushanbe", "Ashgabat", "Turkmenbashi", "Aktau",
                "Mazar-i-Sharif", "Termez", "Tehran", "Mashhad", "Bandar Abbas", "Baku", "Tbilisi", "Poti", "Urumqi",
                "Dostyk", "Kostanay")) {
            RouteResult r = rail("Tashkent", to);
            assertThat(r.found()).as("Tashkent -> " + to + " by rail").isTrue();
        }
        for (String to : List.of("Lahore", "Peshawar", "Quetta", "Zahedan", "Rawalpindi")) {
            assertThat(rail("Karachi", to).found()).as("Karachi -> " + to + " by rail").isTrue();
        }
        // capitals without a rail link to the region's network (Kyrgyz track has no rail crossing here; Kabul
        // has no railway) are reached by rail and road
        for (String to : List.of("Bishkek", "Kabul")) {
            RouteResult r = router.route(RouteRequest.of(places.resolve("Tashkent", "from").id(),
                    places.resolve(to, "to").id()).withModes(Set.of(Mode.RAIL, Mode.ROAD)));
            assertThat(r.found()).as("Tashkent -> " + to + " by rail and road").isTrue();
        }
    }

    @Test
    void trackStationsAreRoutableByNameAndCode() {
        var byName = places.resolve("Jizzakh", "from");
        assertThat(byName).isNotNull();
        // a station added from the OSM station list, and the UN/LOCODE code of one
        assertThat(network.nodes().stream().filter(n -> n.id().startsWith("st_")).count()).isGreaterThan(250);
        var coded = network.nodes().stream().filter(n -> n.id().startsWith("st_"))
                .filter(n -> n.altNames().stream().anyMatch(a -> a.matches("[A-Z]{5}"))).findFirst().orElseThrow();
        String code = coded.altNames().stream().filter(a -> a.matches("[A-Z]{5}")).findFirst().orElseThrow();
        assertThat(places.resolve(code, "from").id()).isEqualTo(coded.id());
        // a station whose name no other node has is found by that name
        var unique = network.nodes().stream().filter(n -> n.id().startsWith("st_"))
                .filter(n -> network.nodes().stream().filter(m -> PlaceIndex.normalize(m.name())
                        .equals(PlaceIndex.normalize(n.name()))).count() == 1)
                .findFirst().orElseThrow();
        assertThat(places.resolve(unique.name(), "from").id()).isEqualTo(unique.id());
    }

    @Test
    void countsBySourceNameTheTrackSources() {
        NetworkSummary s = NetworkSummary.of(network);
        assertThat(s.linksBySource()).containsKeys("osm", "natural-earth", "curated");
        assertThat(s.linksBySource().get("osm")).isGreaterThan(300);
        assertThat(s.linksBySource().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(s.linkCount());
        assertThat(s.nodesBySource().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(s.nodeCount());
    }
}
