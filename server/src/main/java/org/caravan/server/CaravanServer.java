package org.caravan.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.caravan.cost.CostModel;
import org.caravan.criticality.Criticality;
import org.caravan.demand.OdFile;
import org.caravan.demand.OdPair;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.place.PlaceIndex;
import org.caravan.place.RouteParameter;
import org.caravan.place.RouteQuery;
import org.caravan.report.MatrixJson;
import org.caravan.report.NetworkGeoJson;
import org.caravan.report.CriticalityJson;
import org.caravan.report.RiskJson;
import org.caravan.report.RouteGeoJson;
import org.caravan.report.RouteJson;
import org.caravan.report.ScenarioJson;
import org.caravan.risk.CountryRisk;
import org.caravan.risk.RiskRegister;
import org.caravan.routing.InvalidRequestException;
import org.caravan.routing.Plan;
import org.caravan.routing.PlanOptions;
import org.caravan.routing.Planner;
import org.caravan.routing.CostMatrix;
import org.caravan.routing.RouteRequest;
import org.caravan.scenario.ScenarioBase;
import org.caravan.scenario.ScenarioComparison;
import org.caravan.scenario.ScenarioRun;
import org.caravan.trade.TradeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API and the web map app, served by one process. A thin front end: it parses query parameters into a
 * {@link RouteQuery}, calls the core's {@link Planner} and writes the same JSON shapes as the command line.
 * Bad requests get 400 with {@code {"error", "field"}}, unknown paths 404, anything unexpected 500 without
 * internals; every request is logged on one line. Scenarios (examples and the user's, kept in a
 * {@link ScenarioStore}) are served by {@link ScenarioApi}; the criticality ranking of the base network is computed
 * once per cargo and kept by this instance. Trade flows (a {@link TradeStore}: imports, series, top products,
 * partners, mirror, published figures, OD demand and its transit dependence on the base network) are served by
 * {@link TradeApi} and drawn by the dashboard {@code /trade.html}.
 */
public final class CaravanServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CaravanServer.class);
    /** Longest query string accepted: route questions are short. */
    static final int MAX_QUERY_CHARS = 4096;
    /** Criticality rankings kept (by question); route parameters' bounds are in the core's table. */
    static final int MAX_CACHED_RANKINGS = 16;

    private final ScenarioBase base;
    private final Network network;
    private final CostModel costs;
    private final RiskRegister risk;
    private final ObjectNode costTree;
    private final Planner planner;
    private final PlaceIndex places;
    /** /api/network: the layer per shape (all, attrs=map, lines=only) and zoom band, whole or cut to a bbox. */
    private final NetworkLayers networkLayers;
    private final ScenarioApi scenarios;
    private final TradeApi trade;
    /** Criticality of the base network for the embedded OD pairs, by question (cargo and restrictions). */
    private final Map<String, Criticality.Result> criticality = new ConcurrentHashMap<>();
    private final Javalin app;
    private final RequestGuard guard;
    /** Where {@link #start} binds; read by the connector when Javalin starts. */
    private String bindHost = "127.0.0.1";
    private int bindPort;

    /**
     * @param base  the network, the effective cost model (defaults merged with any user file; its tree answers
     *              {@code /api/costs}) and the risk register every answer uses, and scenarios change
     * @param store where user scenarios are kept; the server uses it but does not close it
     */
    public CaravanServer(ScenarioBase base, ScenarioStore store) {
        this(base, store, null);
    }

    /**
     * @param base   as above
     * @param store  where user scenarios are kept; the server uses it but does not close it
     * @param trade  the trade store ({@code TradeStore.open(dataDir)}, the same file as a DuckDB scenario store)
     *               that {@code /api/trade/...} answers from, or null: then those endpoints answer 503, except the
     *               embedded published figures. The server uses it but does not close it.
     */
    public CaravanServer(ScenarioBase base, ScenarioStore store, TradeStore trade) {
        this(base, store, trade, ServerLimits.defaults());
    }

    /**
     * @param limits workers, queues, time limits, body limits and allowed host names (docs/RELIABILITY.md)
     */
    public CaravanServer(ScenarioBase base, ScenarioStore store, TradeStore trade, ServerLimits limits) {
        this.base = base;
        this.guard = new RequestGuard(limits);
        this.network = base.network();
        this.costs = base.costs();
        this.risk = base.risk();
        this.costTree = base.costTree();
        this.planner = new Planner(base.router());
        this.places = base.places();
        this.scenarios = new ScenarioApi(base, store);
        this.trade = new TradeApi(base, trade);
        this.networkLayers = new NetworkLayers(network);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = limits.maxBodyBytes();
            JettySetup.apply(config, limits, guard, () -> bindHost, () -> bindPort);
            // Only POST /api/trade/imports reads a multipart body: parts go to disk, up to the upload limit.
            config.jetty.multipartConfig.maxFileSize(TradeApi.MAX_UPLOAD_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(TradeApi.MAX_UPLOAD_BYTES + 1024 * 1024,
                    SizeUnit.BYTES);
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/web";
                sf.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            config.requestLogger.http((ctx, ms) -> LOG.info("{} {}{} -> {} in {} ms", ctx.method(), ctx.path(),
                    ctx.queryString() == null ? "" : "?" + ctx.queryString(), ctx.statusCode(),
                    String.format(Locale.ROOT, "%.1f", ms)));
        });
        app.before("/api/*", this::checkQueryLength);
        app.get("/api/health", ctx -> json(ctx, RouteJson.MAPPER.createObjectNode().put("status", "ok")
                .put("nodes", network.nodeCount()).put("links", network.linkCount())));
        app.get("/api/places", this::places);
        app.get("/api/route", this::route);
        app.get("/api/route.geojson", this::routeGeoJson);
        app.get("/api/matrix", this::matrix);
        app.get("/api/brief.html", ctx -> brief(ctx, false));
        app.get("/api/brief.pdf", ctx -> brief(ctx, true));
        app.get("/api/network", networkLayers::serve);
        app.get("/api/network/node/{id}", ctx -> json(ctx, NetworkGeoJson.placeJson(network.node(featureId(ctx, "place"))
                .orElseThrow(() -> new BadParameter(404, "id", "no place with id '" + ctx.pathParam("id") + "'")))));
        app.get("/api/network/link/{id}", ctx -> json(ctx, NetworkGeoJson.linkJson(network.link(featureId(ctx, "link"))
                .orElseThrow(() -> new BadParameter(404, "id", "no link with id '" + ctx.pathParam("id") + "'")))));
        app.get("/api/countries", this::countries);
        app.get("/api/countries/shapes", this::countryShapes);
        app.get("/api/costs", ctx -> json(ctx, this.costTree));
        app.get("/api/risk", this::riskRegister);
        app.get("/api/scenarios", scenarios::list);
        app.post("/api/scenarios", scenarios::save);
        app.get("/api/scenarios/{id}", scenarios::show);
        app.delete("/api/scenarios/{id}", scenarios::delete);
        app.get("/api/scenarios/{id}/run", this::runScenario);
        app.get("/api/critical", this::critical);
        AssignApi assign = new AssignApi(base, scenarios); // freight assignment (docs/ASSIGNMENT.md)
        app.get("/api/assign", assign::get);
        app.post("/api/assign", assign::post);
        app.get("/api/trade/imports", this.trade::imports);
        app.post("/api/trade/imports", this.trade::upload);
        app.get("/api/trade/facts", this.trade::facts);
        app.get("/api/trade/series", this.trade::series);
        app.get("/api/trade/top", this.trade::top);
        app.get("/api/trade/partners", this.trade::partners);
        app.get("/api/trade/mirror", this.trade::mirror);
        app.get("/api/trade/countries", this.trade::countries);
        app.get("/api/trade/od", this.trade::od);
        app.get("/api/trade/transit", this.trade::transit);
        String openApi = OpenApiDocument.build(costs.profileNames().stream().sorted().toList());
        app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        ErrorMapping.install(app);
    }

    /** Starts listening; returns this for chaining. Port 0 picks a free port (see {@link #port()}). */
    public CaravanServer start(String host, int port) {
        bindHost = host;
        bindPort = port;
        guard.bind(host);
        app.start();
        LOG.info("Caravan serving {} nodes and {} links on http://{}:{}/", network.nodeCount(), network.linkCount(),
                host, app.port());
        return this;
    }

    public int port() { return app.port(); }

    /** The guard in front of every request (lanes, host names), for tests. */
    RequestGuard guard() { return guard; }

    @Override
    public void close() {
        guard.close(); // cancels running requests first, so none outlives the server's request objects
        app.stop();
    }

    // ------------------------------------------------------------------ handlers

    private void checkQueryLength(Context ctx) {
        String q = ctx.queryString();
        if (q != null && q.length() > MAX_QUERY_CHARS) {
            throw new BadParameter("query", "query string longer than " + MAX_QUERY_CHARS + " characters");
        }
    }

    private void places(Context ctx) {
        String q = ctx.queryParam("q");
        int limit = intParam(ctx, "limit", 10, 1, 100);
        List<Node> hits = q == null || q.isBlank() ? List.of() : places.search(q, limit);
        ArrayNode out = RouteJson.MAPPER.createArrayNode();
        for (Node n : hits) out.add(NetworkGeoJson.placeJson(n));
        ObjectNode root = RouteJson.MAPPER.createObjectNode();
        root.put("query", q == null ? "" : q);
        root.set("places", out);
        json(ctx, root);
    }

    private Plan plan(Context ctx) {
        required(ctx, "from");
        required(ctx, "to");
        RouteQuery query = RouteParams.all(ctx);
        RouteRequest request = query.resolve(network, costs, places);
        return planner.plan(request, query.planOptions());
    }

    private void route(Context ctx) {
        Plan plan = plan(ctx);
        json(ctx, RouteJson.toJson(network, plan, RouteParams::word));
    }

    /** Most cells one /api/matrix request may ask for (each origin is one search tree over the network). */
    static final int MAX_MATRIX_CELLS = 10_000;

    /**
     * Many-to-many: {@code from} and {@code to} lists (repeated or comma-separated; {@code to} defaults to
     * {@code from}) under the route parameters of the QUERY group; JSON, or CSV with {@code format=csv}.
     */
    private void matrix(Context ctx) {
        List<String> from = listParam(ctx, "from");
        List<String> to = listParam(ctx, "to");
        if (from.isEmpty()) throw new BadParameter("from", "missing parameter 'from': one or more places");
        List<String> fromIds = resolveAll(from, "from");
        List<String> toIds = resolveAll(to, "to");
        if (toIds.isEmpty()) toIds.addAll(fromIds);
        if ((long) fromIds.size() * toIds.size() > MAX_MATRIX_CELLS) {
            throw new BadParameter(413, "from", "a matrix of " + fromIds.size() + " x " + toIds.size()
                    + " cells is more than the " + MAX_MATRIX_CELLS + " one request may ask for");
        }
        String format = ctx.queryParam("format");
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw new BadParameter("format", "expected json or csv, got '" + format + "'");
        }
        RouteRequest request = RouteParams.read(ctx, RouteParameter.Group.QUERY).build()
                .between(fromIds.get(0), toIds.get(0)).resolve(network, costs, places);
        CostMatrix.Result m = CostMatrix.compute(base.router(), request, fromIds, toIds);
        if ("csv".equals(format)) {
            ctx.contentType("text/csv; charset=utf-8").result(MatrixJson.csv(network, m));
        } else {
            json(ctx, MatrixJson.toJson(network, m));
        }
    }

    /** Node ids of the places, each once, in the order given; an unknown place is a 400 naming the field. */
    private List<String> resolveAll(List<String> names, String field) {
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            String id = places.resolve(name, field).id();
            if (!ids.contains(id)) ids.add(id);
        }
        return ids;
    }

    private static List<String> listParam(Context ctx, String name) {
        List<String> out = new ArrayList<>();
        for (String v : ctx.queryParams(name)) {
            for (String part : v.split(",")) if (!part.isBlank()) out.add(part.trim());
        }
        return out;
    }

    private void routeGeoJson(Context ctx) {
        Plan plan = plan(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"route.geojson\"");
        ctx.contentType("application/geo+json; charset=utf-8"); // result(String) encodes in the response charset
        ctx.result(write(RouteGeoJson.toGeoJson(network, plan.routes())));
    }

    /**
     * The corridor brief ({@code org.caravan.brief.Brief}) of the routes /api/route would give, as an HTML or PDF
     * download; with {@code scenario} it compares the baseline and scenario routes of the pair instead.
     */
    private void brief(Context ctx, boolean pdf) {
        String scenarioId = ctx.queryParam("scenario");
        String subtitle = "Cargo: " + (ctx.queryParam("cargo") == null ? "container" : ctx.queryParam("cargo"))
                + "; objective: " + (ctx.queryParam("objective") == null ? "cost" : ctx.queryParam("objective"));
        org.caravan.brief.Brief brief;
        if (scenarioId != null && !scenarioId.isBlank()) {
            ScenarioRun run = scenarios.run(scenarioId);
            String from = required(ctx, "from");
            String to = required(ctx, "to");
            RouteQuery query = RouteParams.all(ctx);
            query.resolve(network, costs, places); // bad input is a 400 naming the field, as on /api/route
            var pair = ScenarioComparison.routes(run, new OdPair(from, to, query.cargo(), 1, "request"), query,
                    query.planOptions().singleRoute());
            if (pair.baseline() == null && pair.scenario() == null) {
                noBrief(ctx, "no route on either side");
                return;
            }
            brief = org.caravan.brief.Brief.ofScenario(run, pair, subtitle + "; scenario " + scenarioId
                    + " vs baseline");
        } else {
            Plan plan = plan(ctx);
            if (!plan.found()) {
                noBrief(ctx, plan.noRoute() == null ? "no route" : plan.noRoute().message(RouteParams::word));
                return;
            }
            brief = org.caravan.brief.Brief.ofPlan(network, costs, plan.routes(), subtitle);
        }
        if (pdf) {
            ctx.header("Content-Disposition", "attachment; filename=\"caravan-brief.pdf\"");
            ctx.contentType("application/pdf");
            ctx.result(brief.pdf());
        } else {
            ctx.header("Content-Disposition", "attachment; filename=\"caravan-brief.html\"");
            ctx.contentType("text/html; charset=utf-8");
            ctx.result(brief.html());
        }
    }

    private static void noBrief(Context ctx, String why) {
        ctx.status(404);
        ctx.contentType("text/plain; charset=utf-8");
        ctx.result("no brief: " + why + "\n");
    }

    /**
     * A scenario against the base: one pair ({@code from}, {@code to}) or, without them, the embedded OD pairs;
     * the other route parameters hold on both sides. The answer is the CLI's {@code scenario run --format json};
     * for one pair it also carries both plans ({@code plans.baseline}, {@code plans.scenario}) to draw.
     */
    private void runScenario(Context ctx) {
        ScenarioRun run = scenarios.run(ctx.pathParam("id"));
        String from = ctx.queryParam("from");
        String to = ctx.queryParam("to");
        boolean hasFrom = from != null && !from.isBlank();
        boolean hasTo = to != null && !to.isBlank();
        if (hasFrom != hasTo) {
            String missing = hasFrom ? "to" : "from";
            throw new BadParameter(missing, "missing parameter '" + missing + "': give both from and to, or neither "
                    + "for the embedded OD pairs");
        }
        String cargo = ctx.queryParam("cargo");
        if (cargo != null && costs.profile(cargo).isEmpty()) {
            throw new BadParameter("cargo", "unknown cargo profile '" + cargo + "'");
        }
        RouteQuery template = RouteParams.read(ctx, RouteParameter.Group.QUERY, RouteParameter.Group.RELIABILITY)
                .build();
        PlanOptions options = template.planOptions();
        List<OdPair> ods;
        RouteRequest request = null;
        if (hasFrom) {
            // Resolved first so an unknown place is a 400 naming from or to, as on /api/route.
            request = template.between(from, to).resolve(network, costs, places);
            ods = List.of(new OdPair(from, to, cargo, 1, "request"));
        } else {
            ods = OdFile.embedded().stream().map(o -> cargo == null ? o
                    : new OdPair(o.from(), o.to(), cargo, o.tonnes(), o.source())).toList();
        }
        ScenarioComparison.Result result = ScenarioComparison.compare(run, ods, template, options);
        ObjectNode out = ScenarioJson.comparison(result);
        ((ObjectNode) out.path("scenario")).put("origin", scenarios.origin(run.scenario().id()));
        if (request != null) {
            ObjectNode plans = out.putObject("plans");
            plans.set("baseline", RouteJson.toJson(network, planner.plan(request, options), RouteParams::word));
            plans.set("scenario", scenarioPlan(run, request, options));
        }
        json(ctx, out);
    }

    private ObjectNode scenarioPlan(ScenarioRun run, RouteRequest request, PlanOptions options) {
        RouteRequest restricted = run.restrict(request);
        try {
            return RouteJson.toJson(run.network(), new Planner(run.router()).plan(restricted, options),
                    RouteParams::word);
        } catch (InvalidRequestException e) {
            // The scenario closes or avoids an end of the trip: no route, with the reason (as in the comparison).
            ObjectNode o = RouteJson.MAPPER.createObjectNode();
            o.putArray("routes");
            o.putObject("no_route").put("message", e.getMessage()).putArray("blocking_constraints");
            return o;
        }
    }

    /** Links ranked by what closing each costs the embedded OD demand (docs/CRITICALITY.md); cached per cargo. */
    private void critical(Context ctx) {
        String cargo = ctx.queryParam("cargo");
        if (cargo != null && cargo.isBlank()) cargo = null;
        if (cargo != null && costs.profile(cargo).isEmpty()) {
            throw new BadParameter("cargo", "unknown cargo profile '" + cargo + "'");
        }
        int top = intParam(ctx, "top", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
        RouteQuery restrictions = RouteParams.read(ctx, RouteParameter.Group.QUERY).build();
        String only = cargo;
        // Keyed by the whole question; a few distinct questions at most are kept (each ranking takes seconds).
        if (criticality.size() > MAX_CACHED_RANKINGS) criticality.clear();
        Criticality.Result r = criticality.computeIfAbsent(restrictions.toString() + "|" + (cargo == null ? "" : cargo),
                k -> Criticality.rank(base.router(), OdFile.embedded(), new Criticality.Options(only,
                Runtime.getRuntime().availableProcessors(), null, restrictions)));
        List<Criticality.LinkImpact> shown = r.ranked().subList(0, Math.min(top, r.ranked().size()));
        ObjectNode out = CriticalityJson.toJson(r, shown);
        out.put("cargo", cargo == null ? "each pair's own" : cargo);
        json(ctx, out);
    }

    private void countries(Context ctx) {
        Map<String, Integer> nodes = new LinkedHashMap<>();
        for (Node n : network.nodes()) nodes.merge(n.country(), 1, Integer::sum);
        ArrayNode out = RouteJson.MAPPER.createArrayNode();
        new java.util.TreeMap<>(nodes).forEach((cc, count) -> {
            CountryRisk r = risk.of(cc);
            ObjectNode o = out.addObject();
            o.put("code", cc);
            o.put("name", r.rated() ? r.name() : cc.equals("XX") ? "International waters" : cc);
            o.put("nodes", count);
            o.put("risk", Math.round(r.combined() * 1000) / 1000.0);
            o.put("risk_class", r.riskClass().code());
        });
        ObjectNode root = RouteJson.MAPPER.createObjectNode();
        root.set("countries", out);
        json(ctx, root);
    }

    private void countryShapes(Context ctx) throws IOException {
        ctx.header("Cache-Control", "max-age=86400");
        resource(ctx, "/org/caravan/geo/ne_50m_admin_0_countries_bbox25-0-90-60.geojson", "application/geo+json");
    }

    private void riskRegister(Context ctx) {
        json(ctx, RiskJson.toJson(risk));
    }

    /** The {id} of /api/network/node/{id} and /link/{id}: 1-128 of letters, digits and _ - . : (else 400). */
    private static String featureId(Context ctx, String what) {
        String id = ctx.pathParam("id");
        if (id.isEmpty() || id.length() > 128 || !id.matches("[A-Za-z0-9_.:-]+")) {
            String shown = id.length() > 40 ? id.substring(0, 40) + "…" : id;
            throw new BadParameter("id", "a " + what + " id is 1-128 letters, digits, '_', '-', '.' or ':', got '"
                    + shown.replaceAll("[^A-Za-z0-9_.:-]", "?") + "' (other characters shown as ?)");
        }
        return id;
    }

    // ------------------------------------------------------------------ parameters and output

    /** A query parameter that does not parse; answered with 400 naming it. */
    static final class BadParameter extends RuntimeException {
        private final String field;

        private final int status;

        BadParameter(String field, String message) {
            this(400, field, message);
        }

        /** A refusal with another status: 404 (no such scenario), 403 (not yours to delete), 413 (too large). */
        BadParameter(int status, String field, String message) {
            super(message);
            this.field = field;
            this.status = status;
        }

        String field() { return field; }

        int status() { return status; }
    }

    static String required(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) throw new BadParameter(name, "missing parameter '" + name + "'");
        return v;
    }

    static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return dflt;
        int i;
        try {
            i = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new BadParameter(name, "expected a whole number, got '" + v + "'");
        }
        if (i < min || i > max) throw new BadParameter(name, "expected " + min + " to " + max + ", got " + i);
        return i;
    }

    static boolean boolParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return false;
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new BadParameter(name, "expected true or false, got '" + v + "'");
        };
    }

    static void json(Context ctx, Object node) {
        ctx.contentType("application/json");
        ctx.result(write(node));
    }

    private static String write(Object node) {
        try {
            return RouteJson.MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void error(Context ctx, int status, String message, String field) {
        ObjectNode o = RouteJson.MAPPER.createObjectNode();
        o.put("error", message);
        if (field == null) o.putNull("field");
        else o.put("field", field);
        ctx.status(status);
        json(ctx, o);
    }

    private static void resource(Context ctx, String name, String type) throws IOException {
        try (InputStream in = CaravanServer.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            ctx.contentType(type);
            ctx.result(in.readAllBytes());
        }
    }
}
