package org.caravan.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.caravan.network.Problem;
import org.caravan.report.RouteJson;
import org.caravan.report.ScenarioJson;
import org.caravan.scenario.Scenario;
import org.caravan.scenario.ScenarioBase;
import org.caravan.scenario.ScenarioException;
import org.caravan.scenario.ScenarioLoader;
import org.caravan.scenario.ScenarioOverlay;
import org.caravan.scenario.ScenarioRun;

/**
 * The scenario endpoints: the shipped examples and the user's saved scenarios (a {@link ScenarioStore}) listed,
 * shown, saved and deleted. Applied scenarios are cached by id (an overlay network is built once), and dropped when
 * a user scenario is saved again or deleted.
 */
final class ScenarioApi {
    /** Longest scenario text accepted: the examples are under 3 KB. */
    static final int MAX_SCENARIO_BYTES = 32 * 1024;
    static final String EXAMPLE = "example";
    static final String USER = "user";

    private final ScenarioBase base;
    private final ScenarioStore store;
    private final Map<String, ScenarioRun> runs = new ConcurrentHashMap<>();

    ScenarioApi(ScenarioBase base, ScenarioStore store) {
        this.base = base;
        this.store = store;
    }

    String origin(String id) { return ScenarioLoader.EXAMPLES.contains(id) ? EXAMPLE : USER; }

    /** The scenario applied to the base; 404 when there is none of that id. */
    ScenarioRun run(String id) {
        ScenarioRun cached = runs.get(id);
        return cached != null ? cached : load(id);
    }

    // Under the lock, so a save or delete cannot interleave and leave a stale overlay in the cache.
    private synchronized ScenarioRun load(String id) {
        ScenarioRun cached = runs.get(id);
        if (cached != null) return cached;
        Scenario s;
        try {
            if (ScenarioLoader.EXAMPLES.contains(id)) {
                s = ScenarioLoader.example(id, base);
            } else {
                ScenarioStore.Saved saved = store.get(id).orElseThrow(() -> notFound(id));
                s = ScenarioLoader.read(saved.text().getBytes(StandardCharsets.UTF_8), "user:" + id, base);
            }
            ScenarioRun run = ScenarioOverlay.apply(base, s);
            runs.put(id, run);
            return run;
        } catch (ScenarioException e) {
            // A saved scenario that no longer fits the network (the server was started on other data).
            CaravanServer.BadParameter r = refusal(e);
            throw new CaravanServer.BadParameter(409, r.field(), "saved scenario '" + id + "' does not fit this "
                    + "network: " + r.getMessage());
        }
    }

    void list(Context ctx) {
        ArrayNode out = RouteJson.MAPPER.createArrayNode();
        for (String id : ScenarioLoader.EXAMPLES) out.add(summary(run(id).scenario(), EXAMPLE));
        for (ScenarioStore.Saved saved : store.list()) {
            try {
                out.add(summary(run(saved.id()).scenario(), USER).put("saved_at", saved.savedAt().toString()));
            } catch (CaravanServer.BadParameter e) { // saved for other data; listed with the reason
                ObjectNode o = out.addObject().put("id", saved.id()).put("title", saved.title()).put("origin", USER);
                o.put("error", e.getMessage());
            }
        }
        ObjectNode root = RouteJson.MAPPER.createObjectNode();
        root.set("scenarios", out);
        CaravanServer.json(ctx, root);
    }

    void show(Context ctx) {
        String id = ctx.pathParam("id");
        ObjectNode o = ScenarioJson.scenario(run(id).scenario());
        o.put("origin", origin(id));
        o.put("text", text(id));
        CaravanServer.json(ctx, o);
    }

    /** POST: the body is the scenario file's text (YAML or JSON); its own {@code id} names it. */
    void save(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_SCENARIO_BYTES) {
            throw new CaravanServer.BadParameter(413, "body", "scenario longer than " + MAX_SCENARIO_BYTES + " bytes");
        }
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw new CaravanServer.BadParameter("body", "empty body: send the scenario as YAML or JSON "
                    + "(docs/SCENARIOS.md)");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        Scenario s;
        ObjectNode o;
        try {
            // Read once for its id and the answer, both checked before anything is written: once the store has it,
            // nothing is left that could fail and answer an error for a scenario that was saved.
            Scenario read = ScenarioLoader.read(body, "request body", base);
            String idProblem = ScenarioStore.idProblem(read.id());
            if (idProblem != null) throw new CaravanServer.BadParameter("id", "id: " + idProblem);
            o = ScenarioJson.scenario(read);
            o.put("origin", USER);
            synchronized (this) {
                s = store.save(read.id(), text);
                runs.remove(read.id());
            }
        } catch (ScenarioException e) {
            throw refusal(e);
        }
        ctx.status(201);
        ctx.header("Location", "/api/scenarios/" + s.id()); // safe in a header: idProblem allows [a-z0-9-] only
        CaravanServer.json(ctx, o);
    }

    void delete(Context ctx) {
        String id = ctx.pathParam("id");
        if (ScenarioLoader.EXAMPLES.contains(id)) {
            throw new CaravanServer.BadParameter(403, "id", "'" + id + "' is a shipped example and cannot be deleted");
        }
        synchronized (this) {
            if (!store.delete(id)) throw notFound(id);
            runs.remove(id);
        }
        CaravanServer.json(ctx, RouteJson.MAPPER.createObjectNode().put("deleted", id));
    }

    private static ObjectNode summary(Scenario s, String origin) {
        ObjectNode o = RouteJson.MAPPER.createObjectNode();
        o.put("id", s.id());
        o.put("title", s.title());
        o.put("rationale", s.rationale());
        ArrayNode sources = o.putArray("sources");
        s.sources().forEach(sources::add);
        o.put("origin", origin);
        return o;
    }

    private String text(String id) {
        if (ScenarioLoader.EXAMPLES.contains(id)) return ScenarioLoader.exampleText(id);
        return store.get(id).map(ScenarioStore.Saved::text).orElseThrow(() -> notFound(id));
    }

    private static CaravanServer.BadParameter notFound(String id) {
        return new CaravanServer.BadParameter(404, "id", "no scenario '" + id + "'; examples: "
                + String.join(", ", ScenarioLoader.EXAMPLES) + " (and any saved with POST /api/scenarios)");
    }

    /** Every problem in the message, the first one's field (dotted path) as the field. */
    private static CaravanServer.BadParameter refusal(ScenarioException e) {
        List<Problem> problems = e.problems();
        String field = problems.isEmpty() || problems.get(0).field().isEmpty() ? "body" : problems.get(0).field();
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) {
            if (!sb.isEmpty()) sb.append("; ");
            sb.append(p.field().isEmpty() ? "" : p.field() + ": ").append(p.message());
        }
        return new CaravanServer.BadParameter(400, field, sb.toString());
    }
}
