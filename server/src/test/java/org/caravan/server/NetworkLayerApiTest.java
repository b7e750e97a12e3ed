package org.caravan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.caravan.network.Link;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.scenario.ScenarioBase;
import org.caravan.server.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/**
 * {@code /api/network} per zoom band and with a {@code bbox}, on the embedded network through a real server: the
 * simplified lines of every band keep each link's exact end coordinates (links still meet where they met), the bbox
 * answer is exactly the links a brute-force envelope test picks (and, with places, the places inside the box and the
 * links' end places), and every malformed bbox is a 400 naming {@code bbox}.
 */
class NetworkLayerApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The lowest zoom of each band (web map: network.mjs BAND_ZOOM). */
    private static final int[] BAND_ZOOM = {0, 5, 7, 9};

    @TempDir
    static Path dataDir;
    private static ScenarioBase scenarioBase;
    private static Network network;
    private static TestServer http;

    @BeforeAll
    static void start() {
        scenarioBase = ScenarioBase.embedded();
        network = scenarioBase.network();
        http = TestServer.start(scenarioBase, dataDir);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    static Reply get(String path) throws Exception { return http.get(path); }

    /** Link id -> its LineString coordinates [lon, lat] in a layer. */
    private static Map<String, List<double[]>> lines(JsonNode layer) {
        Map<String, List<double[]>> out = new HashMap<>();
        for (JsonNode f : layer.path("features")) {
            if (!f.path("geometry").path("type").asText().equals("LineString")) continue;
            List<double[]> c = new ArrayList<>();
            for (JsonNode p : f.path("geometry").path("coordinates")) c.add(new double[] {p.get(0).asDouble(), p.get(1).asDouble()});
            out.put(f.path("properties").path("id").asText(), c);
        }
        return out;
    }

    private static Set<String> pointIds(JsonNode layer) {
        Set<String> out = new TreeSet<>();
        for (JsonNode f : layer.path("features")) {
            if (f.path("geometry").path("type").asText().equals("Point")) out.add(f.path("properties").path("id").asText());
        }
        return out;
    }

    /** A link's full line as drawn: its geometry, else from-node to to-node. */
    private static List<double[]> fullLine(Link l) {
        List<double[]> c = new ArrayList<>();
        if (l.geometry() != null && l.geometry().getNumPoints() >= 2) {
            for (Coordinate x : l.geometry().getCoordinates()) c.add(new double[] {x.x, x.y});
        } else {
            Node a = network.node(l.from()).orElseThrow(), b = network.node(l.to()).orElseThrow();
            c.add(new double[] {a.lon(), a.lat()});
            c.add(new double[] {b.lon(), b.lat()});
        }
        return c;
    }

    /**
     * Every band, lean map layer and lines only: one line per link with at least two vertices, its first and last
     * coordinates exactly the full line's (so two links that meet at a node in the full geometry still meet there at
     * every zoom), its vertices a subsequence of the full line's (Douglas-Peucker drops vertices, never moves them);
     * no more vertices in a coarser band than in a finer one.
     */
    @Test
    void everyBandKeepsEachLinksExactEndCoordinates() throws Exception {
        Map<String, List<double[]>> full = new HashMap<>();
        for (Link l : network.links()) full.put(l.id(), fullLine(l));
        // Where links meet in the full geometry: an end coordinate shared by at least two links.
        Map<String, Set<String>> meeting = new HashMap<>();
        for (Map.Entry<String, List<double[]>> e : full.entrySet()) {
            List<double[]> c = e.getValue();
            for (double[] end : new double[][] {c.get(0), c.get(c.size() - 1)}) {
                meeting.computeIfAbsent(end[0] + "," + end[1], k -> new HashSet<>()).add(e.getKey());
            }
        }
        long sharedEnds = meeting.values().stream().filter(s -> s.size() > 1).count();
        assertThat(sharedEnds).as("links that meet at shared end coordinates").isGreaterThan(1000);

        long previous = 0;
        for (int band = 0; band < BAND_ZOOM.length; band++) {
            long vertices = 0;
            for (String shape : new String[] {"&lines=only", "&attrs=map"}) {
                Reply r = get("/api/network?zoom=" + BAND_ZOOM[band] + shape);
                assertThat(r.status()).isEqualTo(200);
                Map<String, List<double[]>> simplified = lines(r.json());
                assertThat(simplified.keySet()).as("band %d%s has every link", band, shape).isEqualTo(full.keySet());
                long v = 0;
                for (Map.Entry<String, List<double[]>> e : simplified.entrySet()) {
                    List<double[]> s = e.getValue(), f = full.get(e.getKey());
                    String what = "band " + band + shape + " link " + e.getKey();
                    assertThat(s.size()).as(what).isBetween(2, f.size());
                    assertThat(s.get(0)).as(what + " first").containsExactly(f.get(0));
                    assertThat(s.get(s.size() - 1)).as(what + " last").containsExactly(f.get(f.size() - 1));
                    assertThat(isSubsequence(s, f)).as(what + " vertices are the full line's").isTrue();
                    v += s.size();
                }
                // Where links met in the full geometry they meet in this band.
                Map<String, Set<String>> meetingHere = new HashMap<>();
                for (Map.Entry<String, List<double[]>> e : simplified.entrySet()) {
                    List<double[]> c = e.getValue();
                    for (double[] end : new double[][] {c.get(0), c.get(c.size() - 1)}) {
                        meetingHere.computeIfAbsent(end[0] + "," + end[1], k -> new HashSet<>()).add(e.getKey());
                    }
                }
                assertThat(meetingHere).as("band %d%s end points", band, shape).isEqualTo(meeting);
                vertices = v;
            }
            assertThat(vertices).as("band %d vertices", band).isGreaterThanOrEqualTo(previous);
            previous = vertices;
        }
        long fullVertices = full.values().stream().mapToLong(List::size).sum();
        assertThat(previous).as("band 3 is the full geometry").isEqualTo(fullVertices);
        assertThat(lines(get("/api/network?zoom=0&lines=only").json()).values().stream().mapToLong(List::size).sum())
                .as("band 0 is simplified").isLessThan(fullVertices / 2);
    }

    private static boolean isSubsequence(List<double[]> s, List<double[]> f) {
        int j = 0;
        for (double[] p : s) {
            while (j < f.size() && !(f.get(j)[0] == p[0] && f.get(j)[1] == p[1])) j++;
            if (j == f.size()) return false;
            j++;
        }
        return true;
    }

    /** The links whose full line's envelope meets the closed box, by looking at every vertex of every link. */
    private static Set<String> bruteForce(double[] box) {
        Set<String> out = new TreeSet<>();
        for (Link l : network.links()) {
            double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
            for (double[] p : fullLine(l)) {
                minX = Math.min(minX, p[0]);
                maxX = Math.max(maxX, p[0]);
                minY = Math.min(minY, p[1]);
                maxY = Math.max(maxY, p[1]);
            }
            if (maxX >= box[0] && minX <= box[2] && maxY >= box[1] && minY <= box[3]) out.add(l.id());
        }
        return out;
    }

    private static String bboxParam(double[] b) {
        return String.format(Locale.ROOT, "%s,%s,%s,%s", b[0], b[1], b[2], b[3]);
    }

    /**
     * Fixed boxes (the Fergana valley, the whole region, open sea with nothing in it, one link's own envelope so that
     * edges touch, a sliver) and 40 random ones: the links answered are exactly the brute force's, in every shape and
     * band; with places, the places are those inside the box and the ends of the links kept; every feature is the
     * whole band layer's feature, byte for byte.
     */
    @Test
    void bboxAnswersExactlyTheLinksWhoseEnvelopeMeetsTheBox() throws Exception {
        List<double[]> boxes = new ArrayList<>();
        boxes.add(new double[] {70, 40, 73.5, 41.8});
        boxes.add(new double[] {20, 10, 130, 70});
        boxes.add(new double[] {-179.9, -89, -170, -80});
        Link some = network.links().stream().filter(l -> l.geometry() != null && l.geometry().getNumPoints() > 5)
                .findFirst().orElseThrow();
        var env = some.geometry().getEnvelopeInternal();
        boxes.add(new double[] {env.getMaxX(), env.getMaxY(), env.getMaxX() + 0.5, env.getMaxY() + 0.5}); // corner touch
        boxes.add(new double[] {env.getMinX() - 1, env.getMinY(), env.getMinX(), env.getMaxY()}); // left edge touch
        boxes.add(new double[] {68.0, 30, 68.001, 45}); // a meridian sliver
        Random rnd = new Random(14);
        for (int i = 0; i < 40; i++) {
            double w = 0.05 + rnd.nextDouble() * (i < 20 ? 3 : 25), h = 0.05 + rnd.nextDouble() * (i < 20 ? 3 : 15);
            double x = 25 + rnd.nextDouble() * 95, y = 15 + rnd.nextDouble() * 45;
            boxes.add(new double[] {Math.round(x * 1000) / 1000.0, Math.round(y * 1000) / 1000.0,
                Math.round((x + w) * 1000) / 1000.0, Math.round((y + h) * 1000) / 1000.0});
        }
        Map<String, Map<String, String>> wholeByQuery = new HashMap<>();
        int nonEmpty = 0;
        for (int k = 0; k < boxes.size(); k++) {
            double[] b = boxes.get(k);
            Set<String> expected = bruteForce(b);
            if (!expected.isEmpty() && expected.size() < network.linkCount()) nonEmpty++;
            Set<String> expectedPlaces = new TreeSet<>();
            for (Node n : network.nodes()) {
                if (n.lon() >= b[0] && n.lon() <= b[2] && n.lat() >= b[1] && n.lat() <= b[3]) expectedPlaces.add(n.id());
            }
            for (String id : expected) {
                Link l = network.link(id).orElseThrow();
                expectedPlaces.add(l.from());
                expectedPlaces.add(l.to());
            }
            // All shapes and bands on a few boxes; the lean map layer of a varying band on the rest.
            List<String> queries = k < 6
                    ? List.of("zoom=0&lines=only", "zoom=5&lines=only", "zoom=7&attrs=map", "zoom=9&attrs=map", "zoom=3", "")
                    : List.of("zoom=" + BAND_ZOOM[k % 4] + (k % 2 == 0 ? "&attrs=map" : "&lines=only"));
            for (String query : queries) {
                String sep = query.isEmpty() ? "" : "&";
                Reply r = get("/api/network?" + query + sep + "bbox=" + bboxParam(b));
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(r.type()).contains("geo+json");
                JsonNode layer = r.json();
                assertThat(layer.path("type").asText()).isEqualTo("FeatureCollection");
                assertThat(new TreeSet<>(lines(layer).keySet())).as("box %s %s", bboxParam(b), query).isEqualTo(expected);
                if (query.contains("lines=only")) assertThat(pointIds(layer)).isEmpty();
                else assertThat(pointIds(layer)).as("places of box %s %s", bboxParam(b), query).isEqualTo(expectedPlaces);
                Map<String, String> whole = wholeByQuery.get(query);
                if (whole == null) {
                    whole = new HashMap<>();
                    for (JsonNode w : get("/api/network?" + query).json().path("features")) {
                        whole.put(w.path("geometry").path("type").asText() + "|" + w.path("properties").path("id").asText(),
                                JSON.writeValueAsString(w));
                    }
                    wholeByQuery.put(query, whole);
                }
                for (JsonNode f : layer.path("features")) {
                    String key = f.path("geometry").path("type").asText() + "|" + f.path("properties").path("id").asText();
                    assertThat(JSON.writeValueAsString(f)).as(query + " " + key).isEqualTo(whole.get(key));
                }
            }
        }
        assertThat(nonEmpty).as("boxes that cut the network").isGreaterThan(25);
        // The region-wide box holds every link; the open-sea box none.
        assertThat(lines(get("/api/network?zoom=0&lines=only&bbox=-180,-90,180,90").json())).hasSize(network.linkCount());
        assertThat(get("/api/network?zoom=0&attrs=map&bbox=-179.9,-89,-170,-80").json().path("features")).isEmpty();
    }

    @Test
    void aMalformedBboxIsA400NamingIt() throws Exception {
        String[] bad = {
            "", "1,2,3", "1,2,3,4,5", "a,b,c,d", "1,2,,4", "60,35,75,x", "NaN,35,75,45", "60,35,Infinity,45",
            "0x1p3,35,75,45", "75,35,60,45", "60,45,75,35", "60,40,60,45", "60,40,75,40", "-181,35,75,45",
            "60,35,180.5,45", "60,-91,75,45", "60,35,75,90.01", "%3Cscript%3Ealert(1)%3C/script%3E,1,2,3",
            "1e400,35,75,45",
        };
        for (String b : bad) {
            for (String shape : new String[] {"zoom=3&attrs=map&", "zoom=5&lines=only&", ""}) {
                Reply r = get("/api/network?" + shape + "bbox=" + b);
                assertThat(r.status()).as(b + " " + r.body()).isEqualTo(400);
                assertThat(r.type()).contains("application/json");
                JsonNode j = r.json();
                assertThat(j.path("field").asText()).as(b).isEqualTo("bbox");
                assertThat(j.path("error").asText()).as(b).contains("bbox");
                assertThat(r.body()).doesNotContain("<script", "Exception", "\tat ");
            }
        }
        assertThat(get("/api/network?bbox=1,2,3").json().path("error").asText()).contains("minLon,minLat,maxLon,maxLat");
        assertThat(get("/api/network?bbox=75,35,60,45").json().path("error").asText()).contains("minLon", "less than maxLon");
        assertThat(get("/api/network?bbox=60,-91,75,45").json().path("error").asText()).contains("minLat", "-90..90");
        assertThat(get("/api/network?bbox=-181,35,75,45").json().path("error").asText()).contains("minLon", "-180..180");
        // The other parameters are still checked first, each naming itself.
        assertThat(get("/api/network?zoom=x&bbox=60,35,75,45").json().path("field").asText()).isEqualTo("zoom");
        assertThat(get("/api/network?attrs=no&bbox=60,35,75,45").json().path("field").asText()).isEqualTo("attrs");
        assertThat(get("/api/network?lines=only&bbox=60,35,75,45").json().path("field").asText()).isEqualTo("lines");
        // Whitespace around the numbers and the extreme bounds are fine.
        assertThat(get("/api/network?zoom=3&lines=only&bbox=-180,%20-90,180%20,90").status()).isEqualTo(200);
    }

    private static HttpResponse<byte[]> raw(String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(http.uri(path)).GET();
        if (acceptEncoding != null) b.header("Accept-Encoding", acceptEncoding);
        return http.client().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] b) throws Exception {
        return new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(b)).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * A whole layer is gzipped once and served as such to every client that accepts gzip (the same text as the plain
     * answer, gzipped once: no second Content-Encoding); a client without Accept-Encoding gets plain text; a bbox answer is
     * gzipped too (by Javalin, per answer).
     */
    @Test
    void wholeLayersAreGzippedOnceAndBboxAnswersToo() throws Exception {
        for (String path : new String[] {"/api/network?zoom=0&attrs=map", "/api/network?zoom=7&lines=only", "/api/network"}) {
            String plain = get(path).body();
            HttpResponse<byte[]> a = raw(path, "gzip, deflate, br"), b = raw(path, "gzip");
            assertThat(a.headers().allValues("Content-Encoding")).as(path).containsExactly("gzip");
            assertThat(a.headers().firstValue("Vary").orElse("")).containsIgnoringCase("Accept-Encoding");
            assertThat(a.headers().firstValue("Content-Type").orElse("")).contains("geo+json", "charset=utf-8");
            assertThat(gunzip(a.body())).as(path).isEqualTo(plain);
            assertThat(b.body()).as("the same bytes: gzipped once").isEqualTo(a.body());
            assertThat(a.body().length).isLessThan(plain.length() / 4);
            // gzip refused: not the kept gzip (Javalin's own compression may still apply; the text is the same).
            HttpResponse<byte[]> refused = raw(path, "gzip;q=0, identity");
            assertThat(refused.headers().firstValue("Content-Encoding").isPresent() ? gunzip(refused.body())
                    : new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(plain);
            HttpResponse<byte[]> none = raw(path, null);
            assertThat(none.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(new String(none.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(plain);
        }
        String box = "/api/network?zoom=7&lines=only&bbox=66,37,72,42";
        HttpResponse<byte[]> z = raw(box, "gzip");
        assertThat(z.headers().allValues("Content-Encoding")).containsExactly("gzip");
        assertThat(gunzip(z.body())).isEqualTo(get(box).body());
        assertThat(NetworkLayers.acceptsGzip("deflate, GZip;q=0.5")).isTrue();
        assertThat(NetworkLayers.acceptsGzip("*")).isTrue();
        assertThat(NetworkLayers.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(NetworkLayers.acceptsGzip("gzip; q=0.000, br")).isFalse();
        assertThat(NetworkLayers.acceptsGzip("identity")).isFalse();
        assertThat(NetworkLayers.acceptsGzip(null)).isFalse();
    }

    @Test
    void openApiDescribesTheBbox() throws Exception {
        JsonNode params = get("/openapi.json").json().path("paths").path("/api/network").path("get").path("parameters");
        JsonNode bbox = null;
        for (JsonNode p : params) if (p.path("name").asText().equals("bbox")) bbox = p;
        assertThat(bbox).isNotNull();
        assertThat(bbox.path("in").asText()).isEqualTo("query");
        assertThat(bbox.path("description").asText()).contains("minLon,minLat,maxLon,maxLat", "-180..180", "-90..90");
        assertThat(get("/openapi.json").json().path("paths").path("/api/network").path("get").path("responses")
                .path("400").path("description").asText()).contains("bbox");
    }
}
