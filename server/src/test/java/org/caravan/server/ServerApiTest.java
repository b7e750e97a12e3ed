package org.caravan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caravan.scenario.ScenarioBase;
import org.caravan.server.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint of the HTTP API and every error path, against a real server on a loopback port. */
class ServerApiTest {
    @TempDir
    static Path dataDir;
    private static ScenarioBase scenarioBase;
    private static TestServer http;

    static final String USER_SCENARIO = """
            id: my-torkham
            title: Torkham closed, Chaman slower
            rationale: A user's what-if.
            sources: ["a test"]
            changes:
              close: [Torkham]
            """;

    @BeforeAll
    static void start() throws Exception {
        scenarioBase = ScenarioBase.embedded();
        http = TestServer.start(scenarioBase, dataDir);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    static Reply get(String path) throws Exception { return http.get(path); }

    static Reply post(String path, String body) throws Exception { return http.post(path, "application/yaml", body); }

    static Reply delete(String path) throws Exception { return http.delete(path); }

    private static Reply send(HttpRequest.Builder request) throws Exception { return http.send(request); }

    private static void assertError(Reply r, int status, String field) throws Exception {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.type()).contains("application/json");
        assertThat(r.json().path("error").asText()).isNotBlank();
        if (field == null) assertThat(r.json().path("field").isNull()).isTrue();
        else assertThat(r.json().path("field").asText()).isEqualTo(field);
        assertThat(r.body()).doesNotContain("Exception", "\tat ");
    }

    static String q(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    private static void assertBad(String path, String field) throws Exception {
        Reply r = get(path);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(400);
        assertThat(r.type()).contains("application/json");
        JsonNode j = r.json();
        assertThat(j.path("error").asText()).isNotBlank();
        assertThat(j.path("field").asText()).isEqualTo(field);
        assertThat(r.body()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void healthSaysTheNetworkSize() throws Exception {
        JsonNode j = get("/api/health").json();
        assertThat(j.path("status").asText()).isEqualTo("ok");
        assertThat(j.path("nodes").asInt()).isGreaterThanOrEqualTo(150);
    }

    @Test
    void placesAutocompletes() throws Exception {
        Reply r = get("/api/places?q=" + q("mazar"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode places = r.json().path("places");
        assertThat(places.size()).isPositive();
        assertThat(places.get(0).path("name").asText()).containsIgnoringCase("Mazar");
        assertThat(places.get(0).has("lon") && places.get(0).has("lat")).isTrue();
        assertThat(get("/api/places?q=kar&limit=3").json().path("places").size()).isLessThanOrEqualTo(3);
        assertThat(get("/api/places").json().path("places").size()).isZero();
        assertBad("/api/places?q=kar&limit=0", "limit");
        assertBad("/api/places?q=kar&limit=many", "limit");
    }

    @Test
    void routeHasTheCliShape() throws Exception {
        Reply r = get("/api/route?from=Almaty&to=Karachi&cargo=container");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.type()).contains("application/json");
        JsonNode route = r.json().path("routes").get(0);
        for (String f : new String[] {"nodes", "countries", "legs", "crossings", "transshipments", "totals", "risk",
            "exposure", "reliability"}) {
            assertThat(route.has(f)).as(f).isTrue();
        }
        assertThat(route.path("totals").path("km").asDouble()).isPositive();
        assertThat(route.path("reliability").path("samples").asInt()).isEqualTo(10_000);
        assertThat(r.json().path("request").path("from").path("id").asText()).isEqualTo("KZALA");
    }

    @Test
    void routeOptionsWork() throws Exception {
        JsonNode avoid = get("/api/route?from=Almaty&to=Karachi&avoid=IR,CN").json().path("routes").get(0);
        avoid.path("countries").forEach(c -> assertThat(c.asText()).isNotIn("IR", "CN"));
        JsonNode repeated = get("/api/route?from=Almaty&to=Karachi&avoid=IR&avoid=CN").json().path("routes").get(0);
        assertThat(repeated.path("nodes")).isEqualTo(avoid.path("nodes"));
        JsonNode closed = get("/api/route?from=Kabul&to=Peshawar&close=Torkham").json().path("routes").get(0);
        closed.path("crossings").forEach(c -> assertThat(c.path("name").asText()).doesNotContain("Torkham"));
        JsonNode alts = get("/api/route?from=Almaty&to=Karachi&alternatives=3").json();
        assertThat(alts.path("routes").size()).isBetween(2, 3);
        assertThat(alts.path("note").asText()).contains("alternative");
        JsonNode pareto = get("/api/route?from=Almaty&to=Karachi&pareto=true").json();
        assertThat(pareto.path("routes").size()).isGreaterThan(1);
        assertThat(pareto.path("note").asText()).contains("Pareto");
        JsonNode bulk = get("/api/route?from=Kostanay&to=" + q("Bandar Abbas") + "&cargo=bulk&tonnes=1000&modes=rail")
                .json().path("routes").get(0);
        assertThat(bulk.path("units").asDouble()).isEqualTo(1000.0);
        bulk.path("legs").forEach(l -> assertThat(l.path("cargo_mode").asText()).isEqualTo("rail"));
        JsonNode planned = get("/api/route?from=Termez&to=Peshawar&modes=rail&avoid=IR&include_planned=true").json();
        assertThat(planned.path("routes").get(0).path("uses_non_operational").asBoolean()).isTrue();
        JsonNode via = get("/api/route?from=Almaty&to=Karachi&via=Herat").json().path("routes").get(0);
        assertThat(via.path("nodes").toString()).contains("AFHEA");
        JsonNode reliable = get("/api/route?from=Almaty&to=Karachi&objective=reliable&samples=2000&seed=3").json();
        assertThat(reliable.path("routes").get(0).path("reliability").path("samples").asInt()).isEqualTo(2000);
        JsonNode penalty = get("/api/route?from=Almaty&to=Karachi&penalty=IR=5000").json().path("routes").get(0);
        penalty.path("countries").forEach(c -> assertThat(c.asText()).isNotEqualTo("IR"));
    }

    @Test
    void railServiceExpressIsEchoedFasterAndRefusedForBulkNamingTheField() throws Exception {
        JsonNode regular = get("/api/route?from=Xian&to=Tashkent&modes=rail").json();
        JsonNode express = get("/api/route?from=Xian&to=Tashkent&modes=rail&rail_service=express").json();
        assertThat(regular.path("request").path("rail_service").asText()).isEqualTo("regular");
        assertThat(express.path("request").path("rail_service").asText()).isEqualTo("express");
        assertThat(express.path("routes").get(0).path("totals").path("hours").asDouble())
                .isLessThan(regular.path("routes").get(0).path("totals").path("hours").asDouble());
        assertError(get("/api/route?from=Xian&to=Tashkent&cargo=bulk&rail_service=express"), 400, "rail_service");
        assertError(get("/api/route?from=Xian&to=Tashkent&rail_service=fast"), 400, "rail_service");
        assertThat(get("/openapi.json").body()).contains("\"rail_service\"");
    }

    @Test
    void departTimesTheRouteAndIsCheckedLikeEveryParameter() throws Exception {
        JsonNode r = get("/api/route?from=Aktau&to=Baku&depart=2027-03-01T08:00").json().path("routes").get(0);
        assertThat(r.path("depart").asText()).isEqualTo("2027-03-01T08:00");
        assertThat(r.path("arrive").asText()).isNotBlank();
        assertThat(r.path("timeline").size()).isGreaterThan(0);
        assertThat(r.path("totals").path("co2_wtw_kg").asDouble()).isGreaterThanOrEqualTo(
                r.path("totals").path("co2_ttw_kg").asDouble());
        JsonNode untimed = get("/api/route?from=Aktau&to=Baku").json().path("routes").get(0);
        assertThat(untimed.has("depart")).isFalse();
        assertError(get("/api/route?from=Aktau&to=Baku&depart=soon"), 400, "depart");
        assertThat(get("/openapi.json").body()).contains("\"depart\"");
    }

    @Test
    void noRouteIsAnAnswerNotAnError() throws Exception {
        Reply r = get("/api/route?from=Termez&to=Peshawar&modes=rail&avoid=IR");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("routes").size()).isZero();
        assertThat(r.json().path("no_route").path("blocking_constraints").toString()).contains("include_planned");
    }

    @Test
    void routeGeoJsonDownloads() throws Exception {
        Reply r = get("/api/route.geojson?from=Almaty&to=Karachi");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.type()).contains("geo+json");
        JsonNode fc = r.json();
        assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(fc.path("features").size()).isPositive();
    }

    @Test
    void briefDownloadsAsPdfAndHtml() throws Exception {
        Reply pdf = get("/api/brief.pdf?from=Almaty&to=Karachi&samples=200");
        assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
        assertThat(pdf.type()).contains("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");
        Reply html = get("/api/brief.html?from=Almaty&to=Karachi&alternatives=2&samples=200");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.type()).contains("text/html");
        assertThat(html.body()).contains("Corridor brief", "Data sources", "Saryagash-Keles rail");
        assertThat(get("/api/brief.html?from=Almaty&to=Karachy").status()).isEqualTo(400);
    }

    @Test
    void alpha2Alpha3AndNameGiveTheSameRouteAndAClosedCrossingIsAbsent() throws Exception {
        // issue 11: one country convention; a name closes every link it denotes
        JsonNode a2 = get("/api/route?from=Tashkent&to=Karachi&avoid=AF").json();
        JsonNode a3 = get("/api/route?from=Tashkent&to=Karachi&avoid=AFG").json();
        JsonNode name = get("/api/route?from=Tashkent&to=Karachi&avoid=afghanistan").json();
        assertThat(a2.path("routes").get(0).path("nodes")).isNotEmpty();
        assertThat(a3.path("routes").get(0).path("nodes")).isEqualTo(a2.path("routes").get(0).path("nodes"));
        assertThat(name.path("routes").get(0).path("nodes")).isEqualTo(a2.path("routes").get(0).path("nodes"));
        a2.path("routes").get(0).path("countries").forEach(c -> assertThat(c.asText()).isNotEqualTo("AF"));
        JsonNode open = get("/api/route?from=Almaty&to=Karachi&avoid=AF").json();
        assertThat(open.path("routes").get(0).path("crossings").toString()).contains("Sarakhs");
        JsonNode closed = get("/api/route?from=Almaty&to=Karachi&avoid=AF&close=Sarakhs&alternatives=3")
                .json();
        assertThat(closed.path("routes")).isNotEmpty();
        for (JsonNode r : closed.path("routes")) {
            assertThat(r.path("crossings").toString()).doesNotContain("Sarakhs");
        }
        // every link the name denotes (road and rail) is listed as closed, by id
        assertThat(closed.path("request").path("closed_links").size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void outOfRangeNumbersAreRefusedNamingTheField() throws Exception {
        assertBad("/api/route?from=Almaty&to=Karachi&tonnes=1e308", "tonnes");
        assertBad("/api/route?from=Almaty&to=Karachi&penalty=IR=1e308", "penalty");
        assertBad("/api/route?from=Almaty&to=Karachi&tonnes=NaN", "tonnes");
        assertBad("/api/route?from=Almaty&to=Karachi&samples=99999999999", "samples");
        assertBad("/api/route?from=Almaty&to=Karachi&alternatives=-1", "alternatives");
    }

    @Test
    void everyBadParameterIsNamed() throws Exception {
        assertBad("/api/route?to=Karachi", "from");
        assertBad("/api/route?from=Almaty", "to");
        assertBad("/api/route?from=Almaty&to=Karachy", "to");
        assertBad("/api/route?from=Almaty&to=Karachi&cargo=liquid", "cargo");
        assertBad("/api/route?from=Almaty&to=Karachi&objective=fast", "objective");
        assertBad("/api/route?from=Almaty&to=Karachi&tonnes=abc", "tonnes");
        assertBad("/api/route?from=Almaty&to=Karachi&tonnes=-4", "tonnes");
        assertBad("/api/route?from=Almaty&to=Karachi&avoid=XQ", "avoid");
        assertBad("/api/route?from=Almaty&to=Karachi&avoid=PK", "avoid");
        assertBad("/api/route?from=Almaty&to=Karachi&close=Atlantis", "close");
        assertBad("/api/route?from=Almaty&to=Karachi&modes=teleport", "modes");
        assertBad("/api/route?from=Almaty&to=Karachi&via=Nowhere", "via");
        assertBad("/api/route?from=Almaty&to=Karachi&include_planned=perhaps", "include_planned");
        assertBad("/api/route?from=Almaty&to=Karachi&alternatives=50", "alternatives");
        assertBad("/api/route?from=Almaty&to=Karachi&alternatives=3&pareto=true", "pareto");
        assertBad("/api/route?from=Almaty&to=Karachi&pareto=true&max_labels=99999999", "max_labels");
        assertBad("/api/route?from=Almaty&to=Karachi&pareto=true&budget_ms=60000", "budget_ms");
        assertBad("/api/route?from=Almaty&to=Karachi&samples=0", "samples");
        assertBad("/api/route?from=Almaty&to=Karachi&max_risk=3", "max_risk");
        assertBad("/api/route?from=Almaty&to=Karachi&penalty=AF", "penalty");
        assertBad("/api/route?from=Almaty&to=Karachi&penalty=AF=-5", "penalty");
        assertBad("/api/route?from=Almaty&to=Almaty", "to");
        assertBad("/api/route?from=Almaty&to=Karachi&pareto_tolerance=2", "pareto_tolerance");
        assertBad("/api/route?from=Almaty&to=Karachi&x=" + "a".repeat(5000), "query");
    }

    @Test
    void unknownPathsAre404Json() throws Exception {
        for (String p : new String[] {"/api/nope", "/nothing/here", "/api/route/extra"}) {
            Reply r = get(p);
            assertThat(r.status()).as(p).isEqualTo(404);
            assertThat(r.json().path("error").asText()).contains("not found");
        }
    }

    /**
     * The web map's first layer (attrs=map) carries only what drawing and styling need, every feature of the full
     * layer with the same geometry; /api/network/node/{id} and /link/{id} answer one feature's full attributes, 404
     * for an unknown id, 400 for a malformed or hostile one; JSON is gzipped for a client that accepts it.
     */
    @Test
    void mapLayerIsLeanAndFeatureDetailsComeOnDemand() throws Exception {
        Reply mapReply = get("/api/network?zoom=3&attrs=map");
        assertThat(mapReply.status()).isEqualTo(200);
        assertThat(mapReply.type()).contains("geo+json").containsIgnoringCase("charset=utf-8");
        JsonNode map = mapReply.json();
        JsonNode coarse = get("/api/network?zoom=3").json();
        assertThat(map.path("features").size()).isEqualTo(coarse.path("features").size());
        Set<String> allowed = Set.of("id", "name", "from", "to", "mode", "gauge", "status", "oneway", "km", "carries",
                "country", "kind");
        for (int i = 0; i < map.path("features").size(); i++) {
            JsonNode f = map.path("features").get(i);
            assertThat(f.path("geometry")).isEqualTo(coarse.path("features").get(i).path("geometry"));
            f.path("properties").fieldNames().forEachRemaining(k -> assertThat(allowed).as(k).contains(k));
            assertThat(f.path("properties").path("id").asText()).isEqualTo(coarse.path("features").get(i).path("properties").path("id").asText());
        }
        assertThat(mapReply.body().length()).as("the map layer is at most 60 % of the full one")
                .isLessThan(get("/api/network?zoom=3").body().length() * 6 / 10);
        assertThat(get("/api/network?attrs=map").status()).isEqualTo(200);
        assertError(get("/api/network?zoom=3&attrs=some"), 400, "attrs");
        assertError(get("/api/network?zoom=3&attrs=map&lines=only"), 400, "lines");
        assertError(get("/api/network?zoom=x&attrs=map"), 400, "zoom");

        // One link: the attributes of the full layer, sources included.
        org.caravan.network.Link link = scenarioBase.network().links().stream()
                .filter(l -> l.source() != null && !l.source().isBlank()).findFirst().orElseThrow();
        Reply lr = get("/api/network/link/" + link.id());
        assertThat(lr.status()).as(lr.body()).isEqualTo(200);
        assertThat(lr.type()).contains("application/json");
        JsonNode full = null;
        for (JsonNode f : get("/api/network").json().path("features")) {
            if (f.path("geometry").path("type").asText().equals("LineString") && f.path("properties").path("id").asText().equals(link.id())) full = f.path("properties");
        }
        assertThat(lr.json()).isEqualTo(full);
        assertThat(lr.json().path("source").asText()).isEqualTo(link.source());
        // One place, with a name outside Latin-1 (sent as UTF-8), and its coordinates.
        org.caravan.network.Node node = scenarioBase.network().nodes().stream()
                .filter(n -> n.name().chars().anyMatch(c -> c > 0xff)).findFirst()
                .orElse(scenarioBase.network().nodes().iterator().next());
        JsonNode nr = get("/api/network/node/" + node.id()).json();
        assertThat(nr.path("name").asText()).isEqualTo(node.name());
        assertThat(nr.path("source").asText()).isEqualTo(node.source());
        assertThat(nr.path("lon").asDouble()).isEqualTo(node.lon());
        assertThat(get("/api/network?attrs=map").body()).contains(node.name());

        // Unknown ids: 404 naming the id; a node id is no link id.
        assertError(get("/api/network/link/no_such_link"), 404, "id");
        assertThat(get("/api/network/link/no_such_link").json().path("error").asText()).contains("no link", "no_such_link");
        assertError(get("/api/network/node/NOWHERE"), 404, "id");
        assertError(get("/api/network/link/" + node.id()), 404, "id");
        // Hostile ids: 400 on the id, nothing echoed raw.
        for (String bad : new String[] {"%3Cscript%3Ealert(1)%3C%2Fscript%3E", "a%20b", "x'%20OR%201=1", "%E2%80%AE",
            "a".repeat(129), "..%2F..%2Fetc%2Fpasswd"}) {
            Reply r = get("/api/network/link/" + bad);
            assertThat(r.status()).as(bad).isIn(400, 404);
            assertThat(r.body()).as(bad).doesNotContain("<script>");
            if (r.status() == 400) assertThat(r.json().path("field").asText()).isEqualTo("id");
        }
        assertError(get("/api/network/node/%3Cscript%3E"), 400, "id");
        assertError(get("/api/network/link/" + "a".repeat(129)), 400, "id");

        // gzip on the wire for a client that accepts it.
        HttpResponse<byte[]> gz = http.client().send(HttpRequest.newBuilder(http.uri("/api/network?zoom=3&attrs=map"))
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gz.body().length).isLessThan(mapReply.body().length() / 4);
        String unzipped = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body()))
                .readAllBytes(), StandardCharsets.UTF_8);
        assertThat(unzipped).isEqualTo(mapReply.body());
    }

    @Test
    void networkCountriesCostsRiskAndOpenApi() throws Exception {
        JsonNode net = get("/api/network").json();
        assertThat(net.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(net.path("features").size()).isGreaterThan(600);
        JsonNode first = net.path("features").get(0);
        assertThat(first.path("properties").has("source")).isTrue();
        String full = get("/api/network").body(), coarse = get("/api/network?zoom=3").body();
        assertThat(get("/api/network?zoom=3").json().path("features").size()).isEqualTo(net.path("features").size());
        assertThat(coarse.length()).as("zoom 3 layer is smaller than the full one").isLessThan(full.length());
        assertThat(get("/api/network?zoom=12").body()).as("zoom 12 is the full geometry").isEqualTo(full);
        assertThat(get("/api/network?zoom=abc").status()).isEqualTo(400);
        // lines=only: the same band's lines, one feature per link with just its id, a fraction of the bytes.
        JsonNode lines = get("/api/network?zoom=3&lines=only").json();
        JsonNode coarseJson = get("/api/network?zoom=3").json();
        java.util.Map<String, JsonNode> coarseLines = new java.util.HashMap<>();
        for (JsonNode f : coarseJson.path("features")) {
            if (f.path("geometry").path("type").asText().equals("LineString")) coarseLines.put(f.path("properties").path("id").asText(), f.path("geometry"));
        }
        assertThat(lines.path("features").size()).isEqualTo(coarseLines.size());
        for (JsonNode f : lines.path("features")) {
            assertThat(f.path("properties").size()).isEqualTo(1);
            assertThat(f.path("geometry")).isEqualTo(coarseLines.get(f.path("properties").path("id").asText()));
        }
        assertThat(get("/api/network?zoom=3&lines=only").body().length()).isLessThan(coarse.length() / 2);
        assertThat(get("/api/network?zoom=3&lines=all").status()).isEqualTo(400);
        assertThat(get("/api/network?lines=only").status()).isEqualTo(400);
        JsonNode countries = get("/api/countries").json().path("countries");
        assertThat(countries.toString()).contains("\"code\":\"AF\"", "risk_class");
        JsonNode shapes = get("/api/countries/shapes").json();
        assertThat(shapes.path("features").size()).isGreaterThan(20);
        JsonNode costs = get("/api/costs").json();
        assertThat(costs.path("profiles").has("container")).isTrue();
        assertThat(costs.path("sources").size()).isPositive();
        JsonNode risk = get("/api/risk").json();
        assertThat(risk.path("countries").size()).isGreaterThan(10);
        JsonNode api = get("/openapi.json").json();
        assertThat(api.path("openapi").asText()).startsWith("3.");
        for (String p : new String[] {"/api/places", "/api/route", "/api/network", "/api/countries", "/api/costs",
            "/api/risk", "/api/route.geojson", "/api/brief.html", "/api/brief.pdf", "/api/scenarios", "/api/scenarios/{id}", "/api/scenarios/{id}/run",
            "/api/critical", "/api/trade/imports", "/api/trade/series", "/api/network/node/{id}", "/api/network/link/{id}"}) {
            assertThat(api.path("paths").has(p)).as(p).isTrue();
        }
    }

    @Test
    void tradeEndpointsAnswer503WithoutATradeStore() throws Exception {
        // This server was made with the two-argument constructor: no trade store.
        for (String p : new String[] {"/api/trade/imports", "/api/trade/partners?reporter=KAZ", "/api/trade/mirror?a=KAZ&b=AFG",
            "/api/trade/countries", "/api/trade/od?reporter=KAZ", "/api/trade/transit?reporter=KAZ"}) {
            Reply r = get(p);
            assertError(r, 503, null);
            assertThat(r.json().path("error").asText()).as(p).startsWith("no trade store");
        }
        Reply upload = post("/api/trade/imports", "refYear,reporterCode\n");
        assertThat(upload.status()).isEqualTo(503);
        // The published figures are embedded: they need no store.
        Reply facts = get("/api/trade/facts?a=KAZ&b=AFG");
        assertThat(facts.status()).isEqualTo(200);
        assertThat(facts.json().path("facts").size()).isPositive();
        // ... the series and top products answer from them alone, saying so
        Reply series = get("/api/trade/series?a=KAZ&b=AFG");
        assertThat(series.status()).as(series.body()).isEqualTo(200);
        assertThat(series.json().path("points")).isEmpty();
        assertThat(series.json().path("published").size()).isEqualTo(facts.json().path("facts").size());
        assertThat(series.json().path("basis").asText()).startsWith("no trade store");
        assertThat(series.json().path("synthetic").asBoolean()).isFalse();
        Reply top = get("/api/trade/top?reporter=KAZ&partner=AFG&year=2022");
        assertThat(top.status()).as(top.body()).isEqualTo(200);
        assertThat(top.json().path("products")).isEmpty();
        assertThat(top.json().path("published").size()).isPositive();
        assertThat(get("/api/trade/top?reporter=USA").status()).isEqualTo(404);
        // ... and so is the demand made from them, routed on the server's network
        Reply od = get("/api/trade/transit?reporter=KAZ&year=2022&from_published=true");
        assertThat(od.status()).as(od.body()).isEqualTo(200);
        assertThat(od.json().path("transit").path("routed_tonnes").asDouble()).isEqualTo(3_525_090.0);
    }

    @Test
    void webPageAndLibrariesAreServedLocally() throws Exception {
        Reply page = get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.type()).contains("text/html");
        assertThat(page.body()).doesNotContain("://unpkg", "://cdn");
        assertThat(get("/webjars/leaflet/1.9.4/dist/leaflet.js").status()).isEqualTo(200);
        assertThat(page.body()).contains("<script type=\"module\" src=\"app.mjs\">");
    }

    @Test
    void everyModuleOfTheWebPagesIsServedAsJavaScriptFromThisServer() throws Exception {
        // Browsers run a module only when it is served with a JavaScript type; follow every import of both pages.
        Pattern importFrom = Pattern.compile("(?m)^import [^;]*? from '([^']+)';");
        Deque<String> todo = new ArrayDeque<>(List.of("/app.mjs", "/trade.mjs"));
        Set<String> seen = new TreeSet<>();
        while (!todo.isEmpty()) {
            String path = todo.pop();
            if (!seen.add(path)) continue;
            Reply module = get(path);
            assertThat(module.status()).as(path).isEqualTo(200);
            assertThat(module.type()).as(path).startsWith("text/javascript");
            Matcher m = importFrom.matcher(module.body());
            while (m.find()) {
                String target = m.group(1);
                assertThat(target).as("import in " + path).startsWith(".").doesNotContain("://");
                todo.push(URI.create("http://x" + path).resolve(target).getPath());
            }
        }
        assertThat(seen).contains("/js/api.mjs", "/js/urlstate.mjs", "/js/dom.mjs", "/js/format.mjs")
                .hasSizeGreaterThan(10);
    }

    // ------------------------------------------------------------------ scenarios and criticality

    @Test
    void scenariosListTheExamples() throws Exception {
        Reply r = get("/api/scenarios");
        assertThat(r.status()).isEqualTo(200);
        JsonNode list = r.json().path("scenarios");
        assertThat(list.size()).isGreaterThanOrEqualTo(6);
        JsonNode first = list.get(0);
        for (String f : new String[] {"id", "title", "rationale", "sources", "origin"}) {
            assertThat(first.has(f)).as(f).isTrue();
        }
        assertThat(list.findValuesAsText("id")).contains("torkham-closed", "northern-restricted");
        assertThat(first.path("origin").asText()).isEqualTo("example");

        JsonNode one = get("/api/scenarios/torkham-closed").json();
        assertThat(one.path("id").asText()).isEqualTo("torkham-closed");
        assertThat(one.path("origin").asText()).isEqualTo("example");
        assertThat(one.path("changes").path("close_links").size()).isPositive();
        assertThat(one.path("text").asText()).contains("id: torkham-closed");
        assertError(get("/api/scenarios/atlantis-open"), 404, "id");
    }

    @Test
    void scenarioRunComparesOnePairWithTheBaseline() throws Exception {
        Reply r = get("/api/scenarios/torkham-closed/run?from=Kabul&to=Peshawar&samples=200");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.path("scenario").path("id").asText()).isEqualTo("torkham-closed");
        JsonNode pair = j.path("pairs").get(0);
        assertThat(j.path("pairs").size()).isEqualTo(1);
        assertThat(pair.path("baseline").path("corridor").asText()).contains("Torkham");
        assertThat(pair.path("scenario").path("corridor").asText()).doesNotContain("Torkham");
        assertThat(pair.path("corridor_changed").asBoolean()).isTrue();
        assertThat(pair.path("delta").path("usd").isNumber()).isTrue();
        assertThat(j.path("totals").path("pairs").asInt()).isEqualTo(1);
        // Both plans, in the /api/route shape, to draw on the map.
        JsonNode plans = j.path("plans");
        assertThat(plans.path("baseline").path("routes").get(0).path("legs").size()).isPositive();
        assertThat(plans.path("scenario").path("routes").get(0).path("crossings").toString()).doesNotContain("Torkham");
        // The route options hold on both sides.
        JsonNode bulk = get("/api/scenarios/torkham-closed/run?from=Kabul&to=Peshawar&cargo=bulk&modes=road&samples=100")
                .json().path("pairs").get(0);
        assertThat(bulk.path("cargo").asText()).isEqualTo("bulk");
    }

    @Test
    void scenarioRunWithoutPlacesUsesTheEmbeddedOdPairs() throws Exception {
        JsonNode j = get("/api/scenarios/northern-restricted/run?samples=100").json();
        assertThat(j.path("pairs").size()).isGreaterThan(5);
        assertThat(j.path("totals").path("pairs").asInt()).isEqualTo(j.path("pairs").size());
        assertThat(j.has("plans")).isFalse();
    }

    @Test
    void scenarioRunErrorsAreNamed() throws Exception {
        assertError(get("/api/scenarios/nope/run?from=Kabul&to=Peshawar"), 404, "id");
        assertBad("/api/scenarios/torkham-closed/run?from=Kabul", "to");
        assertBad("/api/scenarios/torkham-closed/run?to=Kabul", "from");
        assertBad("/api/scenarios/torkham-closed/run?from=Atlantis&to=Peshawar", "from");
        assertBad("/api/scenarios/torkham-closed/run?from=Kabul&to=Peshawar&cargo=liquid", "cargo");
        assertBad("/api/scenarios/torkham-closed/run?from=Kabul&to=Peshawar&modes=teleport", "modes");
        assertBad("/api/scenarios/torkham-closed/run?from=Kabul&to=Peshawar&objective=fast", "objective");
        assertBad("/api/scenarios/torkham-closed/run?from=Kabul&to=Peshawar&samples=0", "samples");
    }

    @Test
    void userScenariosAreSavedListedRunAndDeleted() throws Exception {
        Reply saved = post("/api/scenarios", USER_SCENARIO);
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(saved.json().path("id").asText()).isEqualTo("my-torkham");
        assertThat(saved.json().path("origin").asText()).isEqualTo("user");
        JsonNode list = get("/api/scenarios").json().path("scenarios");
        JsonNode mine = null;
        for (JsonNode s : list) if (s.path("id").asText().equals("my-torkham")) mine = s;
        assertThat(mine).isNotNull();
        assertThat(mine.path("origin").asText()).isEqualTo("user");
        assertThat(get("/api/scenarios/my-torkham").json().path("text").asText()).isEqualTo(USER_SCENARIO);
        JsonNode run = get("/api/scenarios/my-torkham/run?from=Kabul&to=Peshawar&samples=100").json();
        assertThat(run.path("pairs").get(0).path("corridor_changed").asBoolean()).isTrue();

        // JSON is accepted too, and saving the same id again replaces it.
        Reply json = post("/api/scenarios", "{\"id\": \"my-torkham\", \"title\": \"Renamed\", "
                + "\"rationale\": \"r\", \"changes\": {\"close\": [\"Torkham\"]}}");
        assertThat(json.status()).as(json.body()).isEqualTo(201);
        assertThat(get("/api/scenarios/my-torkham").json().path("title").asText()).isEqualTo("Renamed");

        Reply deleted = delete("/api/scenarios/my-torkham");
        assertThat(deleted.status()).isEqualTo(200);
        assertError(get("/api/scenarios/my-torkham"), 404, "id");
        assertError(delete("/api/scenarios/my-torkham"), 404, "id");
    }

    @Test
    void badScenariosAreRefusedWithTheFieldAndNothingIsStored() throws Exception {
        assertError(post("/api/scenarios", USER_SCENARIO.replace("[Torkham]", "[Atlantis]").replace("my-torkham",
                "bad-one")), 400, "changes.close[0]");
        assertError(post("/api/scenarios", "id: bad-one\ntitle: t\nrationale: r\nchanges:\n  links:\n"
                + "    nosuchlink: {km: 5}\n"), 400, "changes.links.nosuchlink");
        assertError(post("/api/scenarios", "id: Bad One\ntitle: t\nrationale: r\nchanges: {close: [Torkham]}\n"),
                400, "id");
        assertError(post("/api/scenarios", "id: bad-one\ntitle: t\nrationale: r\n"), 400, "changes");
        assertError(post("/api/scenarios", "id: [unclosed"), 400, "body");
        assertError(post("/api/scenarios", ""), 400, "body");
        assertError(post("/api/scenarios", USER_SCENARIO.replace("my-torkham", "torkham-closed")), 400, "id");
        assertError(post("/api/scenarios", USER_SCENARIO + "# " + "x".repeat(40_000) + "\n"), 413, "body");
        assertError(get("/api/scenarios/bad-one"), 404, "id");
        assertThat(get("/api/scenarios").json().path("scenarios").findValuesAsText("id")).doesNotContain("bad-one");
        assertError(delete("/api/scenarios/torkham-closed"), 403, "id");
        assertThat(get("/api/scenarios/torkham-closed").status()).isEqualTo(200);
    }

    @Test
    void savedScenariosSurviveARestart() throws Exception {
        String text = USER_SCENARIO.replace("my-torkham", "kept-across-restart");
        assertThat(post("/api/scenarios", text).status()).isEqualTo(201);
        http.close();
        http = TestServer.start(scenarioBase, dataDir);
        JsonNode kept = get("/api/scenarios/kept-across-restart").json();
        assertThat(kept.path("origin").asText()).isEqualTo("user");
        assertThat(kept.path("text").asText()).isEqualTo(text);
        assertThat(delete("/api/scenarios/kept-across-restart").status()).isEqualTo(200);
    }

    @Test
    void criticalityRanksLinksAndIsCached() throws Exception {
        Reply r = get("/api/critical?top=15");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        JsonNode ranked = j.path("ranked");
        assertThat(ranked.size()).isEqualTo(15);
        JsonNode first = ranked.get(0);
        for (String f : new String[] {"rank", "link", "name", "mode", "from_country", "to_country",
            "cost_increase_usd", "lost_pairs", "lost_tonnes"}) {
            assertThat(first.has(f)).as(f).isTrue();
        }
        assertThat(first.path("rank").asInt()).isEqualTo(1);
        assertThat(j.path("od_pairs").asInt()).isGreaterThan(5);
        long started = System.nanoTime();
        JsonNode again = get("/api/critical?top=15").json();
        assertThat((System.nanoTime() - started) / 1e6).as("cached").isLessThan(2_000);
        assertThat(again.path("ranked")).isEqualTo(ranked);
        assertThat(get("/api/critical").json().path("ranked").size()).isEqualTo(j.path("candidate_links").asInt());
        assertThat(get("/api/critical?top=5&cargo=bulk").json().path("cargo").asText()).isEqualTo("bulk");
        assertBad("/api/critical?top=0", "top");
        assertBad("/api/critical?top=many", "top");
        assertBad("/api/critical?cargo=liquid", "cargo");
    }

    /** The shared route parameters (QUERY group of RouteParameters) reach the ranking: equal to the core's under them. */
    @Test
    void criticalityTakesTheSharedRouteParameters() throws Exception {
        Reply r = get("/api/critical?objective=time&avoid=TM&modes=road,rail,ferry,sea&penalty=AF=250");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var base = org.caravan.scenario.ScenarioBase.embedded();
        var router = new org.caravan.routing.Router(base.network(), base.costs());
        var q = org.caravan.place.RouteQuery.builder().objective("time").avoid(List.of("TM"))
                .modes(List.of("road", "rail", "ferry", "sea")).penalties(java.util.Map.of("AF", 250.0)).build();
        var expected = org.caravan.criticality.Criticality.rank(router, org.caravan.demand.OdFile.embedded(),
                new org.caravan.criticality.Criticality.Options(null, 2, null, q)).ranked();
        JsonNode ranked = r.json().path("ranked");
        assertThat(ranked.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(ranked.get(i).path("link").asText()).isEqualTo(expected.get(i).linkId());
            assertThat(ranked.get(i).path("cost_increase_usd").asDouble())
                    .isCloseTo(expected.get(i).costIncreaseUsd(), org.assertj.core.data.Offset.offset(0.01));
        }
        assertBad("/api/critical?objective=reliable", "objective");
        assertBad("/api/critical?via=Termez", "via");
    }

    @Test
    void matrixGivesEveryCellWithTheRouteOfApiRoute() throws Exception {
        Reply r = get("/api/matrix?from=Almaty,Tashkent&to=Karachi&to=Bandar%20Abbas&avoid=AF");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode m = r.json();
        assertThat(m.path("cells")).hasSize(4);
        assertThat(m.path("cells_total").asInt()).isEqualTo(4);
        JsonNode first = m.path("cells").get(0);
        assertThat(first.path("found").asBoolean()).isTrue();
        JsonNode route = get("/api/route?from=Almaty&to=Karachi&avoid=AF").json().path("routes").get(0);
        assertThat(first.path("generalized_usd").asDouble())
                .isEqualTo(route.path("totals").path("generalized_usd").asDouble());
        assertThat(first.path("km").asDouble()).isCloseTo(route.path("totals").path("km").asDouble(),
                org.assertj.core.api.Assertions.within(0.05));
        Reply csv = get("/api/matrix?from=Almaty&to=Karachi,Tashkent&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.type()).contains("text/csv");
        assertThat(csv.body().lines()).hasSize(3).first().asString().startsWith("from,from_name,to");
    }

    @Test
    void matrixBadInputNamesTheField() throws Exception {
        assertBad("/api/matrix?to=Karachi", "from");
        assertBad("/api/matrix?from=Almaty&to=Atlantis", "to");
        assertBad("/api/matrix?from=Almaty&to=Karachi&objective=reliable", "objective");
        assertBad("/api/matrix?from=Almaty&to=Karachi&format=xml", "format");
        assertBad("/api/matrix?from=Almaty&to=Karachi&cargo=gold", "cargo");
    }
}
