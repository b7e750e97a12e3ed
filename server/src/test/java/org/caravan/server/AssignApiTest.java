package org.caravan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.caravan.scenario.ScenarioBase;
import org.caravan.server.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/assign} against a real server on a loopback port; the OD bodies are synthetic (invented tonnes). */
class AssignApiTest {
    private static TestServer http;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        http = TestServer.start(ScenarioBase.embedded(), dataDir);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    static Reply send(HttpRequest.Builder b) throws Exception { return http.send(b); }

    static Reply get(String path) throws Exception { return http.get(path); }

    static Reply post(String path, String csv) throws Exception { return http.post(path, "text/csv", csv); }

    static final String OD = """
            from,to,cargo,tonnes,source
            Peshawar,Kabul,bulk,2000000,synthetic test demand
            Karachi,Kabul,container,6000000,synthetic test demand
            """;

    @Test
    void assignsAPostedOdFileWithQueuesAndAMapLayer() throws Exception {
        Reply r = post("/api/assign", OD);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.path("demand_tonnes").asDouble()).isEqualTo(8_000_000);
        assertThat(j.path("assigned_tonnes").asDouble()).isEqualTo(8_000_000);
        assertThat(j.path("converged").asBoolean()).isTrue();
        JsonNode worst = j.path("elements").get(0);
        assertThat(worst.path("volume_capacity").asDouble()).isGreaterThan(1);
        assertThat(worst.path("queue_days").asDouble()).isPositive();
        assertThat(j.path("layer").path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(j.path("layer").path("features").size()).isGreaterThan(5);
    }

    static Reply multipart(String path, String od, String capacities) throws Exception {
        String b = "caravanTestBoundary";
        StringBuilder body = new StringBuilder();
        body.append("--").append(b).append("\r\nContent-Disposition: form-data; name=\"od\"; filename=\"od.csv\"\r\n")
                .append("Content-Type: text/csv\r\n\r\n").append(od).append("\r\n");
        if (capacities != null) {
            body.append("--").append(b).append("\r\nContent-Disposition: form-data; name=\"capacities\"; ")
                    .append("filename=\"caps.csv\"\r\nContent-Type: text/csv\r\n\r\n").append(capacities).append("\r\n");
        }
        body.append("--").append(b).append("--\r\n");
        return send(HttpRequest.newBuilder(http.uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + b)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    static final String CAPS_HEADER = "element_id,kind,direction,unit,capacity_per_day,date,confidence,source,url,note\n";

    @Test
    void aCapacitiesUploadOverridesTheShippedTableAndBadRowsNameFieldAndLine() throws Exception {
        Reply r = multipart("/api/assign", OD, CAPS_HEADER
                + "x_pktor_afrkh_road,crossing,both,trucks,1,,estimated,test override,,\n");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode torkham = null;
        for (JsonNode n : r.json().path("elements")) if (n.path("id").asText().equals("x_pktor_afrkh_road")) torkham = n;
        if (torkham != null) assertThat(torkham.toString()).contains("\"capacity_per_day\":1.0");

        Reply plain = multipart("/api/assign", OD, null);
        assertThat(plain.status()).as(plain.body()).isEqualTo(200);
        assertThat(plain.json().path("assigned_tonnes").asDouble()).isEqualTo(8_000_000);

        Reply bad = multipart("/api/assign", OD, CAPS_HEADER
                + "x_pktor_afrkh_road,crossing,sideways,trucks,lots,,estimated,x,,\n");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("capacities").contains("line 2").contains("direction")
                .contains("capacity_per_day");

        // The whole request is under the server's body limit (64 kB), which refuses a larger upload first.
        Reply big = multipart("/api/assign", OD, CAPS_HEADER + "#".repeat(AssignApi.MAX_CAPACITIES_BYTES + 10));
        assertThat(big.status()).as(big.body()).isEqualTo(413);
        assertThat(big.body()).contains("over the limit");
    }

    @Test
    void aScenarioClosingTorkhamMovesItsTonnes() throws Exception {
        Reply r = send(HttpRequest.newBuilder(http.uri("/api/assign?scenario=torkham-closed"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(OD)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode rows = r.json().path("comparison").path("elements");
        JsonNode torkham = null;
        for (JsonNode n : rows) if (n.path("id").asText().equals("x_pktor_afrkh_road")) torkham = n;
        assertThat(torkham).isNotNull();
        assertThat(torkham.path("tonnes_baseline").asDouble()).isPositive();
        assertThat(torkham.path("tonnes_scenario").asDouble()).isZero();
    }

    @Test
    void getAssignsTheEmbeddedPairsAndIsDocumented() throws Exception {
        Reply r = get("/api/assign?scale=2&method=logit&max_iter=50&gap=1e-3");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("settings").path("method").asText()).isEqualTo("logit");
        assertThat(r.json().path("demand_tonnes").asDouble()).isPositive();
        JsonNode api = get("/openapi.json").json();
        assertThat(api.path("paths").path("/api/assign").has("get")).isTrue();
        assertThat(api.path("paths").path("/api/assign").has("post")).isTrue();
        assertThat(api.path("paths").path("/api/assign").path("get").path("parameters").toString())
                .contains("\"scale\"", "\"method\"", "\"period_days\"", "\"avoid\"");
    }

    @Test
    void badInputNamesTheFieldOrLine() throws Exception {
        for (String[] c : new String[][] {{"/api/assign?method=msa", "method"}, {"/api/assign?scale=0", "scale"},
            {"/api/assign?period_days=1000", "period_days"}, {"/api/assign?alternatives=50", "alternatives"},
            {"/api/assign?gap=abc", "gap"}}) {
            Reply r = get(c[0]);
            assertThat(r.status()).as(c[0] + " " + r.body()).isEqualTo(400);
            assertThat(r.json().path("field").asText()).isEqualTo(c[1]);
        }
        Reply bad = post("/api/assign", "from,to,cargo,tonnes\nKabul,Karachi,container,lots\n");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("field").asText()).isEqualTo("od");
        assertThat(bad.json().path("error").asText()).contains("line 2").contains("tonnes");
    }
}
