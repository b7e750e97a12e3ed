package org.caravan.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.caravan.scenario.ScenarioBase;

/**
 * A real server on a loopback port over a scenario store in a test's directory, with one HTTP client: the set-up
 * the API tests share (each used to carry its own copy).
 */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status, Content-Type (empty when absent) and body. */
    record Reply(int status, String type, String body) {
        JsonNode json() throws Exception { return JSON.readTree(body); }
    }

    private final ScenarioStore store;
    private final CaravanServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    private TestServer(ScenarioBase scenarioBase, Path dataDir) {
        this.store = DuckDbScenarioStore.open(dataDir, scenarioBase);
        this.server = new CaravanServer(scenarioBase, store).start("127.0.0.1", 0);
        this.base = "http://127.0.0.1:" + server.port();
    }

    /** Opens (or reopens) the scenario store in {@code dataDir} and starts a server without a trade store. */
    static TestServer start(ScenarioBase scenarioBase, Path dataDir) {
        return new TestServer(scenarioBase, dataDir);
    }

    URI uri(String path) { return URI.create(base + path); }

    HttpClient client() { return client; }

    ScenarioStore store() { return store; }

    Reply get(String path) throws Exception { return send(HttpRequest.newBuilder(uri(path)).GET()); }

    Reply post(String path, String contentType, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply delete(String path) throws Exception { return send(HttpRequest.newBuilder(uri(path)).DELETE()); }

    Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
