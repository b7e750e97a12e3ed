package org.caravan.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.caravan.cost.CostModel;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.place.PlaceIndex;
import org.caravan.report.RouteGeoJson;
import org.caravan.report.RouteJson;
import org.caravan.risk.RiskRegister;
import org.caravan.risk.RiskRegisterException;
import org.caravan.risk.RiskRegisterLoader;
import org.caravan.routing.NoRoute;
import org.caravan.routing.Objective;
import org.caravan.routing.ParetoResult;
import org.caravan.routing.Route;
import org.caravan.routing.RouteResults;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.RouteResult;
import org.caravan.routing.Router;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caravan route FROM TO}: the best route under the user's objective and restrictions. */
@Command(name = "route", mixinStandardHelpOptions = true,
        description = {"Find the best freight route between two places.",
            "Places are UN/LOCODEs (KZALA), node ids or names (case and diacritics ignored).",
            "Exit code 0: route found; 1: no route under the restrictions (the answer says which one blocks);"
                + " 2: bad input."})
final class RouteCommand implements Callable<Integer> {
    enum Format { text, json, geojson }

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Parameters(index = "0", paramLabel = "FROM", description = "Origin place.")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "Destination place.")
    String to;

    @Option(names = "--cargo", paramLabel = "PROFILE", defaultValue = "container",
            description = "Cargo profile: bulk (priced per tonne) or container (per 40-ft box). Default: ${DEFAULT-VALUE}.")
    String cargo;

    @Option(names = "--tonnes", paramLabel = "N",
            description = "Shipment size in tonnes; costs and CO2 are for the whole shipment (containers: boxes needed).")
    Double tonnes;

    @Option(names = "--objective", paramLabel = "OBJ", defaultValue = "cost",
            description = "What to minimise: cost (USD + value of time), time, distance, co2, or reliable (the lowest "
                + "simulated 90th-percentile time). Default: ${DEFAULT-VALUE}.")
    String objective;

    @Option(names = "--avoid", paramLabel = "CC", split = ",",
            description = "Countries (ISO alpha-2) the route may not enter, e.g. --avoid RU,AF.")
    List<String> avoid = new ArrayList<>();

    @Option(names = "--close", paramLabel = "PLACE_OR_ID", split = ",",
            description = "Places, crossings (by name) or link ids to treat as closed.")
    List<String> close = new ArrayList<>();

    @Option(names = "--modes", paramLabel = "MODE", split = ",",
            description = "Modes the cargo may travel in: rail, road, sea, ferry (default: all).")
    List<String> modes = new ArrayList<>();

    @Option(names = "--include-planned",
            description = "Also use links that are planned or under construction (labelled in the answer).")
    boolean includePlanned;

    @Option(names = "--via", paramLabel = "PLACE",
            description = "A place the route must pass; repeat for several, in order.")
    List<String> via = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text",
            description = "Output: text, json or geojson. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--alternatives", paramLabel = "K",
            description = "Up to K meaningfully different routes (other crossings or modes), best first, side by side.")
    Integer alternatives;

    @Option(names = "--pareto",
            description = "Every route no other beats on cost, time, risk and CO2 at once (the trade-offs), side by side.")
    boolean pareto;

    @Option(names = "--pareto-tolerance", paramLabel = "FRACTION", defaultValue = "0.02",
            description = "With --pareto, hide a route when a better-ranked one is within this fraction of it on every "
                + "criterion (0 shows the exact set). Default: ${DEFAULT-VALUE}.")
    double paretoTolerance;

    @Option(names = "--max-labels", paramLabel = "N", defaultValue = "200000",
            description = "With --pareto, the most labels the search may create. Default: ${DEFAULT-VALUE}.")
    int maxLabels;

    @Option(names = "--budget-ms", paramLabel = "MS", defaultValue = "3000",
            description = "With --pareto, the most milliseconds the search may take. Default: ${DEFAULT-VALUE}.")
    long budgetMillis;

    @Option(names = "--max-risk", paramLabel = "R",
            description = "Do not enter countries whose combined risk score (0-1, see 'caravan risk') exceeds R.")
    Double maxRisk;

    @Option(names = "--penalty", paramLabel = "CC=USD", split = ",",
            description = "Soft preference: add USD per cargo unit each time the route enters country CC, e.g. "
                + "--penalty AF=500,IR=800 (the answer shows it apart from real money).")
    java.util.Map<String, Double> penalties = new java.util.LinkedHashMap<>();

    @Option(names = "--risk", paramLabel = "FILE",
            description = "Risk register (YAML or JSON) merged over the embedded one.")
    Path riskFile;

    @Option(names = "--samples", paramLabel = "N",
            description = "Monte Carlo samples for transit-time reliability (default from the cost model: 10000).")
    Integer samples;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed for reliability (default 42).")
    Long seed;

    @Option(names = "--detail", description = "Text output: one row per link instead of one per run in a mode and country.")
    boolean detail;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the answer to FILE instead of stdout.")
    Path output;

    @Override
    public Integer call() throws Exception {
        Network network = data.loadNetwork();
        CostModel costs = data.loadCosts();
        RiskRegister risk;
        try {
            risk = riskFile == null ? RiskRegisterLoader.defaults() : RiskRegisterLoader.load(riskFile);
        } catch (RiskRegisterException e) {
            throw new UserInputException(e.getMessage());
        }
        Router router = new Router(network, costs, risk);
        RouteRequest request = buildRequest(network, costs);
        if (pareto && alternatives != null) {
            throw new UserInputException("--pareto and --alternatives: choose one");
        }
        if (alternatives != null && (alternatives < 1 || alternatives > 20)) {
            throw new UserInputException("--alternatives: expected 1 to 20, got " + alternatives);
        }
        if (!(paretoTolerance >= 0 && paretoTolerance < 1)) {
            throw new UserInputException("--pareto-tolerance: expected a fraction from 0 to below 1, got " + paretoTolerance);
        }
        if (maxLabels < 1 || maxLabels > 5_000_000) {
            throw new UserInputException("--max-labels: expected 1 to 5,000,000, got " + maxLabels);
        }
        if (budgetMillis < 1 || budgetMillis > 60_000) {
            throw new UserInputException("--budget-ms: expected 1 to 60,000, got " + budgetMillis);
        }
        int n = samples != null ? samples : costs.delays().samples();
        long s = seed != null ? seed : costs.delays().seed();
        if (n < 1 || n > 1_000_000) throw new UserInputException("--samples: expected 1 to 1,000,000, got " + n);

        List<Route> routes;
        NoRoute noRoute;
        String note = null;
        if (pareto) {
            ParetoResult exact = router.pareto(request, maxLabels, budgetMillis);
            ParetoResult shown = exact.thinned(paretoTolerance);
            routes = shown.routes();
            noRoute = shown.noRoute();
            note = String.format(Locale.ROOT, "Pareto set over cost, time, risk and CO2: %d route(s)%s%s.",
                    exact.routes().size(),
                    shown.routes().size() < exact.routes().size() ? String.format(Locale.ROOT,
                            ", %d shown (each hidden one is within %.0f%% of a shown one on every criterion; "
                            + "--pareto-tolerance 0 shows all)", shown.routes().size(), paretoTolerance * 100) : "",
                    exact.truncated() ? "; TRUNCATED: the label or time budget ran out, more routes may exist" : "");
        } else if (alternatives != null) {
            RouteResults res = router.alternatives(request, alternatives);
            routes = res.routes();
            noRoute = res.noRoute();
            note = String.format(Locale.ROOT, "%d alternative(s) asked, %d found that differ in crossings or modes.",
                    alternatives, routes.size());
        } else {
            RouteResult res = router.route(request);
            routes = res.found() ? List.of(res.route()) : List.of();
            noRoute = res.noRoute();
        }
        List<Route> simulated = new java.util.ArrayList<>();
        for (Route r : routes) simulated.add(r.reliability() != null && samples == null && seed == null ? r
                : r.withReliability(router.reliability(r, n, s)));
        String out = switch (format) {
            case json -> {
                ObjectNode json = RouteJson.toJson(network, request, simulated, noRoute);
                if (note != null) json.put("note", note);
                yield RouteJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
            }
            case geojson -> RouteJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(RouteGeoJson.toGeoJson(network, simulated)) + "\n";
            case text -> RouteText.format(network, request, simulated, noRoute, note, detail);
        };
        write(out);
        if (simulated.isEmpty()) {
            if (format != Format.text && noRoute != null) {
                spec.commandLine().getErr().println("caravan: " + noRoute.message());
            }
            return CaravanCli.NO_ROUTE;
        }
        return 0;
    }

    private void write(String text) throws IOException {
        if (output == null) {
            PrintWriter w = spec.commandLine().getOut();
            w.print(text);
            w.flush();
        } else {
            try {
                Files.writeString(output, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserInputException("--output: cannot write " + output + ": " + e.getMessage());
            }
        }
    }

    RouteRequest buildRequest(Network network, CostModel costs) {
        PlaceIndex places = new PlaceIndex(network);
        if (costs.profile(cargo).isEmpty()) {
            throw new UserInputException("--cargo: unknown cargo '" + cargo + "', expected one of "
                    + costs.profileNames());
        }
        Objective obj;
        try {
            obj = Objective.parse(objective);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--objective: " + e.getMessage());
        }
        if (tonnes != null && !(tonnes > 0 && Double.isFinite(tonnes))) {
            throw new UserInputException("--tonnes: expected a positive number, got " + tonnes);
        }
        Node a = places.resolve(from, "from");
        Node b = places.resolve(to, "to");
        List<String> viaIds = new ArrayList<>();
        for (String v : via) viaIds.add(places.resolve(v, "via").id());
        Set<String> countries = new TreeSet<>();
        for (Node n : network.nodes()) countries.add(n.country());
        Set<String> avoidCodes = new LinkedHashSet<>();
        for (String c : avoid) {
            String cc = c.trim().toUpperCase(Locale.ROOT);
            if (cc.isEmpty()) continue;
            if (!cc.matches("[A-Z]{2}")) {
                throw new UserInputException("--avoid: '" + c + "' is not an ISO 3166-1 alpha-2 country code");
            }
            if (!countries.contains(cc)) {
                throw new UserInputException("--avoid: no place of the network is in '" + cc + "'; countries: "
                        + String.join(",", countries));
            }
            avoidCodes.add(cc);
        }
        Set<String> closedNodes = new LinkedHashSet<>();
        Set<String> closedLinks = new LinkedHashSet<>();
        for (String c : close) {
            if (c.isBlank()) continue;
            PlaceIndex.Closure closure = places.resolveClosure(c);
            closedNodes.addAll(closure.nodes());
            closedLinks.addAll(closure.links());
        }
        Set<Mode> modeSet = new LinkedHashSet<>();
        for (String m : modes) {
            if (m.isBlank()) continue;
            Mode mode;
            try {
                mode = Mode.parse(m);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--modes: " + e.getMessage());
            }
            if (!mode.isCarrier()) {
                throw new UserInputException("--modes: crossings follow the cargo's mode; give rail, road, sea or ferry");
            }
            modeSet.add(mode);
        }
        java.util.Map<String, Double> penaltyMap = new java.util.LinkedHashMap<>();
        penalties.forEach((c, usd) -> {
            String cc = c.trim().toUpperCase(Locale.ROOT);
            if (!countries.contains(cc)) {
                throw new UserInputException("--penalty: no place of the network is in '" + c + "'; countries: "
                        + String.join(",", countries));
            }
            if (usd == null || !(usd >= 0) || usd.isInfinite()) {
                throw new UserInputException("--penalty: " + c + " needs a non-negative USD amount, got " + usd);
            }
            penaltyMap.put(cc, usd);
        });
        if (maxRisk != null && !(maxRisk >= 0 && maxRisk <= 1)) {
            throw new UserInputException("--max-risk: a risk score runs from 0 to 1, got " + maxRisk);
        }
        return new RouteRequest(a.id(), b.id(), viaIds, cargo, tonnes, obj, avoidCodes, closedNodes, closedLinks,
                modeSet, includePlanned, maxRisk, penaltyMap);
    }
}
