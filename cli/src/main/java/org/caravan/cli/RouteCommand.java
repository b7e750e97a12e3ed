package org.caravan.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.caravan.chart.RouteLabels;
import org.caravan.cost.CostModel;
import org.caravan.network.Network;
import org.caravan.place.PlaceIndex;
import org.caravan.place.RouteQuery;
import org.caravan.report.RouteGeoJson;
import org.caravan.report.RouteJson;
import org.caravan.risk.RiskRegister;
import org.caravan.routing.Plan;
import org.caravan.routing.PlanOptions;
import org.caravan.routing.Planner;
import org.caravan.routing.RouteRequest;
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

    @Option(names = "--chart", paramLabel = "FILE",
            description = "Also draw the time/cost-distance chart of the routes (all of them overlaid) to FILE: "
                + ".svg or .png (docs/CHARTS.md).")
    Path chart;

    @Option(names = "--chart-kind", paramLabel = "KIND", defaultValue = "time",
            description = "With --chart: time (cumulative days) or cost (cumulative USD). Default: ${DEFAULT-VALUE}.")
    String chartKind;

    @Override
    public Integer call() throws Exception {
        ChartOutput.checkOptions(chart, chartKind);
        Network network = data.loadNetwork();
        CostModel costs = data.loadCosts();
        RiskRegister risk = DataOptions.loadRisk(riskFile);
        Router router = new Router(network, costs, risk);
        RouteRequest request = buildRequest(network, costs);
        if (pareto && alternatives != null) throw new UserInputException("--pareto and --alternatives: choose one");
        Plan plan = new Planner(router).plan(request, new PlanOptions(alternatives, pareto, paretoTolerance, maxLabels,
                budgetMillis, samples, seed));
        String out = switch (format) {
            case json -> RouteJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(RouteJson.toJson(network, plan)) + "\n";
            case geojson -> RouteJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(RouteGeoJson.toGeoJson(network, plan.routes())) + "\n";
            case text -> RouteText.format(network, request, plan.routes(), plan.noRoute(), plan.note(), detail);
        };
        TextOutput.write(spec, output, out);
        if (chart != null && plan.found()) {
            ChartOutput.write(chart, chartKind, RouteLabels.title(plan.routes().get(0), "–"),
                    RouteLabels.routeNames(plan.routes()), plan.routes());
        }
        if (!plan.found()) {
            if (format != Format.text && plan.noRoute() != null) {
                spec.commandLine().getErr().println("caravan: " + plan.noRoute().message());
            }
            return CaravanCli.NO_ROUTE;
        }
        return 0;
    }


    RouteRequest buildRequest(Network network, CostModel costs) {
        return new RouteQuery(from, to, via, cargo, tonnes, objective, avoid, close, modes, includePlanned, maxRisk,
                penalties).resolve(network, costs, new PlaceIndex(network));
    }
}
