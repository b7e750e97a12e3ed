package org.caravan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.caravan.scenario.ScenarioBase;
import org.caravan.trade.TradeStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server under hostile clients, over raw sockets so that every byte is the test's: wrong methods, oversized,
 * truncated and stalled bodies, foreign Host and Origin headers, URIs Jetty itself refuses, malformed multipart,
 * overlong scenario ids, full lanes and the time limit. Every refusal must be the API's JSON error shape.
 */
class ServerHardeningTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Heavy enough to keep an expensive worker busy for seconds on any machine. */
    static final String HEAVY_PARETO = "/api/route?from=Almaty&to=Karachi&pareto=true&max_labels=500000"
            + "&budget_ms=5000&samples=100000&pareto_tolerance=0";

    @TempDir
    static Path dataDir;
    private static ScenarioBase base;
    private static ScenarioStore store;
    private static TradeStore trade;
    private static CaravanServer server;

    @BeforeAll
    static void start() {
        base = ScenarioBase.embedded();
        store = DuckDbScenarioStore.open(dataDir, base);
        trade = TradeStore.open(dataDir);
        server = new CaravanServer(base, store, trade, ServerLimits.defaults()
                .withAllowedHosts(List.of("caravan.test")).withBodyIdleTimeout(Duration.ofSeconds(1)))
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
        trade.close();
    }

    record Reply(int status, Map<String, String> headers, byte[] bodyBytes, long millis) {
        String body() { return new String(bodyBytes, StandardCharsets.UTF_8); }

        JsonNode json() throws IOException { return JSON.readTree(bodyBytes); }

        String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }
    }

    /** Sends the bytes as they are, then reads the answer (until its Content-Length or the connection closes). */
    static Reply raw(int port, byte[] request, boolean closeOutput) throws IOException {
        long t0 = System.nanoTime();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            if (closeOutput) s.shutdownOutput();
            return read(s.getInputStream(), t0);
        }
    }

    static Reply raw(String request) throws IOException {
        return raw(server.port(), request.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    static Reply request(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder sb = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Host", "127.0.0.1:" + server.port());
        h.putAll(headers);
        h.putIfAbsent("Connection", "close");
        if (body != null) h.putIfAbsent("Content-Length", Integer.toString(body.length));
        h.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        sb.append("\r\n");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) all.writeBytes(body);
        return raw(server.port(), all.toByteArray(), false);
    }

    static Reply get(String target) throws IOException { return request("GET", target, Map.of(), null); }

    private static Reply read(InputStream in, long t0) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        int state = 0; // counts \r\n\r\n
        while (state < 4 && (b = in.read()) >= 0) {
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1
                    : b == '\r' ? 1 : 0;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        assertThat(lines[0]).as("status line").startsWith("HTTP/1.1 ");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        byte[] body;
        String length = headers.get("content-length");
        if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                String size = line(in);
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) break;
                out.writeBytes(in.readNBytes(n));
                line(in);
            }
            body = out.toByteArray();
        } else {
            body = in.readAllBytes();
        }
        return new Reply(status, headers, body, (System.nanoTime() - t0) / 1_000_000);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') if (b != '\r') sb.append((char) b);
        return sb.toString();
    }

    /** The API's error shape, with the field named (or null). */
    static void assertJsonError(Reply r, int status, String field) throws IOException {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(r.body()).contains("application/json");
        JsonNode j = r.json();
        assertThat(j.path("error").asText()).isNotBlank();
        if (field == null) assertThat(j.path("field").isNull()).as(r.body()).isTrue();
        else assertThat(j.path("field").asText()).as(r.body()).isEqualTo(field);
        assertThat(r.body()).doesNotContain("Exception", "\tat ", "<html");
    }

    // ------------------------------------------------------------------ methods, paths, Jetty's own errors

    @Test
    void wrongMethodIs405WithAllow() throws Exception {
        Reply r = request("POST", "/api/route?from=Almaty&to=Karachi", Map.of(), new byte[0]);
        assertJsonError(r, 405, null);
        assertThat(r.header("Allow")).contains("GET");
        Reply d = request("DELETE", "/api/health", Map.of(), null);
        assertJsonError(d, 405, null);
        assertThat(d.header("Allow")).contains("GET").contains("HEAD");
        Reply put = request("PUT", "/api/scenarios/torkham-closed", Map.of(), new byte[0]);
        assertJsonError(put, 405, null);
        assertThat(put.header("Allow")).contains("GET").contains("DELETE");
    }

    @Test
    void jettysOwnErrorsAreJson() throws Exception {
        assertJsonError(get("/api/places?q=" + "a".repeat(9000)), 414, "uri");
        Reply badUtf8 = get("/api/places?q=%C3%28");
        assertJsonError(badUtf8, 400, "query");
        assertJsonError(get("/api/places?q=%zz"), 400, "query");
        for (String traversal : List.of("/../../etc/passwd", "/api/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                "/webjars/..%2f..%2fetc/passwd", "/api/%2e%2e/%2e%2e/etc/passwd")) {
            Reply r = get(traversal);
            assertThat(r.status()).as(traversal + " " + r.body()).isIn(400, 404);
            assertJsonError(r, r.status(), r.json().path("field").isNull() ? null : r.json().path("field").asText());
            assertThat(r.body()).doesNotContain("root:");
        }
        assertJsonError(get("/no/such/page"), 404, null);
        assertJsonError(get("/api/no-such-endpoint"), 404, null);
        Reply headers = request("GET", "/api/health", Map.of("X-Big", "b".repeat(10_000)), null);
        assertJsonError(headers, 431, "headers");
        Reply garbage = raw("GARBAGE\r\n\r\n");
        assertThat(garbage.status()).isBetween(400, 499);
        assertThat(garbage.header("Content-Type")).contains("application/json");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/index.html", "/api/health", "/api/places?q=kar", "/no/such/page")) {
            Reply r = get(path);
            assertThat(r.header("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'")
                    .contains("script-src 'self'").contains("default-src 'self'");
            assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
        assertThat(get("/api/places?q=" + "a".repeat(9000)).header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    // ------------------------------------------------------------------ Host and Origin

    @Test
    void foreignHostIsRefused() throws Exception {
        Reply evil = request("GET", "/api/health", Map.of("Host", "evil.example"), null);
        assertJsonError(evil, 421, "Host");
        Reply rebinding = request("GET", "/api/scenarios", Map.of("Host", "attacker.example:" + server.port()), null);
        assertJsonError(rebinding, 421, "Host");
        assertThat(request("GET", "/api/health", Map.of("Host", "localhost:" + server.port()), null).status())
                .isEqualTo(200);
        assertThat(request("GET", "/api/health", Map.of("Host", "caravan.test"), null).status())
                .as("--allow-host").isEqualTo(200);
        assertThat(server.guard().hostNames()).contains("127.0.0.1", "localhost", "caravan.test");
    }

    @Test
    void crossSiteWritesAreRefusedAndChangeNothing() throws Exception {
        byte[] scenario = ServerApiTest.USER_SCENARIO.replace("my-torkham", "cross-site").getBytes(
                StandardCharsets.UTF_8);
        Reply evil = request("POST", "/api/scenarios", Map.of("Origin", "http://evil.example",
                "Content-Type", "text/plain"), scenario);
        assertJsonError(evil, 403, "Origin");
        Reply fetchSite = request("POST", "/api/scenarios", Map.of("Sec-Fetch-Site", "cross-site",
                "Content-Type", "text/plain"), scenario);
        assertJsonError(fetchSite, 403, "Origin");
        Reply nullOrigin = request("DELETE", "/api/scenarios/cross-site", Map.of("Origin", "null"), null);
        assertJsonError(nullOrigin, 403, "Origin");
        assertThat(store.get("cross-site")).isEmpty();

        Reply own = request("POST", "/api/scenarios", Map.of("Origin", "http://127.0.0.1:" + server.port(),
                "Content-Type", "application/yaml"), scenario);
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(store.get("cross-site")).isPresent();
        Reply otherPort = request("DELETE", "/api/scenarios/cross-site", Map.of("Origin", "http://127.0.0.1:1"), null);
        assertJsonError(otherPort, 403, "Origin");
        Reply scripted = request("DELETE", "/api/scenarios/cross-site", Map.of(), null); // curl sends no Origin
        assertThat(scripted.status()).as(scripted.body()).isEqualTo(200);
        assertThat(store.get("cross-site")).isEmpty();
    }

    // ------------------------------------------------------------------ bodies

    @Test
    void oversizedContentLengthIs413AtOnce() throws Exception {
        Reply upload = raw(server.port(), ("POST /api/trade/imports HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: text/csv\r\nContent-Length: 300000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
                false);
        assertJsonError(upload, 413, "file");
        assertThat(upload.millis()).as("answered before any body byte").isLessThan(3_000);
        Reply scenario = raw(server.port(), ("POST /api/scenarios HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Length: 10000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII), false);
        assertJsonError(scenario, 413, "body");
        assertThat(scenario.millis()).isLessThan(3_000);
    }

    @Test
    void truncatedAndStalledBodiesFailQuicklyWithJson() throws Exception {
        String head = "POST /api/scenarios HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\n"
                + "Content-Length: 1000\r\n\r\nid: half\n";
        Reply truncated = raw(server.port(), head.getBytes(StandardCharsets.US_ASCII), true);
        assertJsonError(truncated, 400, "body");
        assertThat(truncated.millis()).isLessThan(5_000);
        Reply stalled = raw(server.port(), head.getBytes(StandardCharsets.US_ASCII), false);
        assertJsonError(stalled, 408, "body");
        assertThat(stalled.millis()).as("the body idle timeout is 1 s here").isLessThan(6_000);
        assertThat(store.get("half")).isEmpty();
    }

    @Test
    void overlongOrBadScenarioIdsAreRefusedBeforeAnythingIsSaved() throws Exception {
        int before = store.list().size();
        String longId = "a".repeat(8192);
        Reply r = request("POST", "/api/scenarios", Map.of("Content-Type", "application/yaml"),
                ServerApiTest.USER_SCENARIO.replace("my-torkham", longId).getBytes(StandardCharsets.UTF_8));
        assertJsonError(r, 400, "id");
        assertThat(r.json().path("error").asText()).contains("64");
        Reply upper = request("POST", "/api/scenarios", Map.of("Content-Type", "application/yaml"),
                ServerApiTest.USER_SCENARIO.replace("my-torkham", "My Torkham").getBytes(StandardCharsets.UTF_8));
        assertJsonError(upper, 400, "id");
        assertThat(store.list()).hasSize(before);
        assertThat(ScenarioStore.idProblem("a".repeat(64))).isNull();
        assertThat(ScenarioStore.idProblem("a".repeat(65))).contains("64");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.save(longId,
                ServerApiTest.USER_SCENARIO.replace("my-torkham", longId)))
                .isInstanceOf(org.caravan.scenario.ScenarioException.class);
        assertThat(store.list()).hasSize(before);
    }

    @Test
    void malformedMultipartIs400NamingFile() throws Exception {
        byte[] csv;
        try (InputStream in = ServerHardeningTest.class.getResourceAsStream(TradeApiTest.SAMPLE)) {
            csv = in.readAllBytes();
        }
        String part = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + new String(csv, StandardCharsets.UTF_8) + "\r\n--XYZ--\r\n";
        byte[] whole = part.getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("multipart/form-data", whole); // no boundary
        cases.put("multipart/form-data; boundary=OTHER", whole);
        cases.put("multipart/form-data; boundary=XYZ", new byte[0]);
        cases.put("multipart/form-data; boundary=XYZ ", java.util.Arrays.copyOf(whole, whole.length / 2));
        cases.put("multipart/form-data; boundary=\"XYZ\"", "--XYZ--\r\n".getBytes(StandardCharsets.US_ASCII));
        for (Map.Entry<String, byte[]> c : cases.entrySet()) {
            Reply r = request("POST", "/api/trade/imports", Map.of("Content-Type", c.getKey()), c.getValue());
            assertThat(r.status()).as(c.getKey() + " " + r.body()).isEqualTo(400);
            assertJsonError(r, 400, "file");
        }
        assertThat(trade.flowCount()).isZero();
        // A part named file without a filename is still the file.
        String noName = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n"
                + new String(csv, StandardCharsets.UTF_8) + "\r\n--XYZ--\r\n";
        Reply ok = request("POST", "/api/trade/imports", Map.of("Content-Type", "multipart/form-data; boundary=XYZ"),
                noName.getBytes(StandardCharsets.UTF_8));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("rows_loaded").asLong()).isPositive();
        assertThat(trade.flowCount()).isPositive();
    }

    // ------------------------------------------------------------------ lanes and the time limit

    @Test
    void fullExpensiveLaneIs503WithRetryAfterWhileCheapRequestsStayFast() throws Exception {
        ScenarioStore s2 = DuckDbScenarioStore.open(dataDir.resolve("lane"), base);
        try (CaravanServer small = new CaravanServer(base, s2, null, ServerLimits.defaults()
                .withExpensiveLane(new ServerLimits.Lane(1, 0))).start("127.0.0.1", 0)) {
            CompletableFuture<Reply> busy = CompletableFuture.supplyAsync(() -> {
                try {
                    return raw(small.port(), ("GET " + HEAVY_PARETO + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII), false);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            long until = System.currentTimeMillis() + 10_000;
            while (small.guard().load(RequestGuard.LaneKind.EXPENSIVE) < 1 && System.currentTimeMillis() < until) {
                Thread.sleep(10);
            }
            assertThat(small.guard().load(RequestGuard.LaneKind.EXPENSIVE)).isEqualTo(1);
            Reply refused = raw(small.port(), ("GET /api/route?from=Almaty&to=Karachi&alternatives=3 HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII), false);
            assertJsonError(refused, 503, null);
            assertThat(refused.header("Retry-After")).isNotBlank();
            Reply health = raw(small.port(), ("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close"
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), false);
            assertThat(health.status()).isEqualTo(200);
            Reply single = raw(small.port(), ("GET /api/route?from=Almaty&to=Karachi HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII), false);
            assertThat(single.status()).as("a single route runs in the cheap lane").isEqualTo(200);
            busy.cancel(true);
        } finally {
            s2.close();
        }
    }

    @Test
    void requestsPastTheTimeLimitAreStoppedWithJson() throws Exception {
        ScenarioStore s2 = DuckDbScenarioStore.open(dataDir.resolve("time"), base);
        try (CaravanServer quick = new CaravanServer(base, s2, null, ServerLimits.defaults()
                .withRequestTimeLimit(Duration.ofMillis(300))).start("127.0.0.1", 0)) {
            Reply r = raw(quick.port(), ("GET " + HEAVY_PARETO + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII), false);
            assertJsonError(r, 503, null);
            assertThat(r.json().path("error").asText()).contains("limit");
            assertThat(r.header("Retry-After")).isNotBlank();
            assertThat(r.millis()).isLessThan(5_000);
            // The computation itself stops (the search and Monte Carlo loops see the interrupt): the worker frees.
            long until = System.currentTimeMillis() + 5_000;
            while (quick.guard().load(RequestGuard.LaneKind.EXPENSIVE) > 0 && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            assertThat(quick.guard().load(RequestGuard.LaneKind.EXPENSIVE)).isZero();
            Reply health = raw(quick.port(), ("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close"
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), false);
            assertThat(health.status()).isEqualTo(200);
        } finally {
            s2.close();
        }
    }

    @Test
    void laneClassification() {
        assertThat(RequestGuard.lane("GET", "/api/route", Map.of("pareto", List.of("true"))))
                .isEqualTo(RequestGuard.LaneKind.EXPENSIVE);
        assertThat(RequestGuard.lane("GET", "/api/route", Map.of("alternatives", List.of("3"))))
                .isEqualTo(RequestGuard.LaneKind.EXPENSIVE);
        assertThat(RequestGuard.lane("GET", "/api/route", Map.of("samples", List.of("50000"))))
                .isEqualTo(RequestGuard.LaneKind.EXPENSIVE);
        assertThat(RequestGuard.lane("GET", "/api/route", Map.of("from", List.of("Almaty"))))
                .isEqualTo(RequestGuard.LaneKind.CHEAP);
        assertThat(RequestGuard.lane("GET", "/api/scenarios/x/run", Map.of())).isEqualTo(RequestGuard.LaneKind.EXPENSIVE);
        assertThat(RequestGuard.lane("GET", "/api/matrix", Map.of())).isEqualTo(RequestGuard.LaneKind.EXPENSIVE);
        assertThat(RequestGuard.lane("GET", "/api/places", Map.of())).isEqualTo(RequestGuard.LaneKind.CHEAP);
        assertThat(RequestGuard.lane("POST", "/api/scenarios", Map.of())).isEqualTo(RequestGuard.LaneKind.WRITE);
        assertThat(RequestGuard.lane("POST", "/api/trade/imports", Map.of())).isEqualTo(RequestGuard.LaneKind.IMPORT);
        assertThat(RequestGuard.hostName("[::1]:8080")).isEqualTo("::1");
        assertThat(RequestGuard.hostName("LocalHost.:80")).isEqualTo("localhost");
        assertThat(RequestGuard.sameOrigin("http://127.0.0.1:8080", "127.0.0.1:8080")).isTrue();
        assertThat(RequestGuard.sameOrigin("https://127.0.0.1:8080", "127.0.0.1:8080")).isFalse();
        assertThat(RequestGuard.sameOrigin("http://evil.example", "127.0.0.1:8080")).isFalse();
    }
}
