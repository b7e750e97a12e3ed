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

    @Parameters(index = "0", paramLabel = "FROM", descriptionKey = "route.from")
    String from;

    @Parameters(index = "1", paramLabel = "TO", descriptionKey = "route.to")
    String to;

    @Mixin
    RouteOptions.Query query;

    @Mixin
    RouteOptions.Reliability reliability;

    @Mixin
    RouteOptions.Search search;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text",
            description = "Output: text, json or geojson. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--risk", paramLabel = "FILE",
            description = "Risk register (YAML or JSON) merged over the embedded one.")
    Path riskFile;

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
        RouteQuery q = routeQuery();
        RouteRequest request = q.resolve(network, costs, new PlaceIndex(network));
        Plan plan = new Planner(router).plan(request, q.planOptions());
        String out = switch (format) {
            case json -> RouteJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(RouteJson.toJson(network, plan, RouteOptions::word)) + "\n";
            case geojson -> RouteJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(RouteGeoJson.toGeoJson(network, plan.routes())) + "\n";
            case text -> RouteText.format(network, plan, q, detail);
        };
        TextOutput.write(spec, output, out);
        if (chart != null && plan.found()) {
            ChartOutput.write(spec.commandLine().getErr(), chart, chartKind, RouteLabels.title(plan.routes().get(0), "–"),
                    RouteLabels.routeNames(plan.routes()), plan.routes());
        }
        if (!plan.found()) {
            if (format != Format.text && plan.noRoute() != null) {
                spec.commandLine().getErr().println("caravan: " + plan.noRoute().message(RouteOptions::word));
            }
            return CaravanCli.NO_ROUTE;
        }
        return 0;
    }


    /** The question as typed: the two places and the shared route options. */
    RouteQuery routeQuery() {
        RouteQuery.Builder b = RouteQuery.builder().from(from).to(to);
        query.apply(b);
        reliability.apply(b);
        search.apply(b);
        return b.build();
    }
}
