package org.caravan.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.caravan.brief.Brief;
import org.caravan.cost.CostModel;
import org.caravan.demand.OdPair;
import org.caravan.network.Network;
import org.caravan.place.PlaceIndex;
import org.caravan.place.RouteQuery;
import org.caravan.routing.Plan;
import org.caravan.routing.PlanOptions;
import org.caravan.routing.Planner;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.Router;
import org.caravan.scenario.Scenario;
import org.caravan.scenario.ScenarioBase;
import org.caravan.scenario.ScenarioComparison;
import org.caravan.scenario.ScenarioException;
import org.caravan.scenario.ScenarioOverlay;
import org.caravan.scenario.ScenarioRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code caravan brief FROM TO --out FILE.html|FILE.pdf}: a printable corridor brief for decision makers. */
@Command(name = "brief", mixinStandardHelpOptions = true,
        description = {"Write a printable corridor brief: map, comparison table, time/cost-distance charts, crossings,"
            + " exposure by country, reliability and the source of every figure (docs/CHARTS.md).",
            "Exit code 0: brief written; 1: no route; 2: bad input."})
final class BriefCommand implements Callable<Integer> {
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

    @Option(names = "--scenario", paramLabel = "ID|FILE",
            description = "Compare the baseline route with the route under this scenario (example id or file).")
    String scenario;

    @Option(names = {"-o", "--output", "--out"}, paramLabel = "FILE", required = true,
            description = "Where to write the brief: FILE.html or FILE.pdf.")
    Path out;

    @Override
    public Integer call() throws Exception {
        boolean pdf = format(out);
        String subtitle = subtitle();
        RouteQuery q = routeQuery();
        Brief brief;
        if (scenario != null) {
            ScenarioBase base = ScenarioCommand.base(data);
            Scenario s = ScenarioCommand.load(scenario, base);
            ScenarioRun run;
            try {
                run = ScenarioOverlay.apply(base, s);
            } catch (ScenarioException e) {
                throw new UserInputException(e.getMessage());
            }
            q.resolve(base.network(), base.costs(), base.places()); // bad input is refused before any search
            var pair = ScenarioComparison.routes(run, new OdPair(from, to, q.cargo(), 1, "command line"), q,
                    q.planOptions().singleRoute());
            if (pair.baseline() == null && pair.scenario() == null) {
                spec.commandLine().getErr().println("caravan: no route on either side; no brief written");
                return CaravanCli.NO_ROUTE;
            }
            brief = Brief.ofScenario(run, pair, subtitle + "; scenario " + s.id() + " vs baseline");
        } else {
            Network network = data.loadNetwork();
            CostModel costs = data.loadCosts();
            Router router = new Router(network, costs, DataOptions.loadRisk(null));
            RouteRequest request = q.resolve(network, costs, new PlaceIndex(network));
            Plan plan = new Planner(router).plan(request, q.planOptions());
            if (!plan.found()) {
                spec.commandLine().getErr().println("caravan: " + (plan.noRoute() == null ? "no route"
                        : plan.noRoute().message(RouteOptions::word)) + "; no brief written");
                return CaravanCli.NO_ROUTE;
            }
            brief = Brief.ofPlan(network, costs, plan.routes(), subtitle);
        }
        try {
            if (pdf) Files.write(out, brief.pdf());
            else Files.writeString(out, brief.html(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserInputException("--out: cannot write " + out + ": " + e.getMessage());
        }
        TextOutput.wrote(spec.commandLine().getErr(), out);
        return 0;
    }

    private String subtitle() {
        RouteQuery q = routeQuery();
        return "Cargo: " + q.cargo() + (q.tonnes() == null ? "" : ", " + RouteText.num(q.tonnes(), 0) + " t")
                + "; objective: " + q.objective()
                + (q.avoid().isEmpty() ? "" : "; avoiding " + String.join(", ", q.avoid()))
                + (q.close().isEmpty() ? "" : "; closed " + String.join(", ", q.close()))
                + (q.modes().isEmpty() ? "" : "; modes " + String.join(", ", q.modes()))
                + (q.includePlanned() ? "; planned links included" : "");
    }

    private RouteQuery routeQuery() {
        RouteQuery.Builder b = RouteQuery.builder().from(from).to(to);
        query.apply(b);
        reliability.apply(b);
        search.apply(b);
        return b.build();
    }

    /** true for PDF, false for HTML; anything else is a user error naming --out. */
    static boolean format(Path out) {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) return true;
        if (name.endsWith(".html") || name.endsWith(".htm")) return false;
        throw new UserInputException("--out: " + out + ": the file name must end in .html or .pdf");
    }
}
