package org.caravan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.caravan.chart.RouteLabels;
import org.caravan.cost.CostModelLoader;
import org.caravan.demand.OdFile;
import org.caravan.demand.OdFileException;
import org.caravan.demand.OdPair;
import org.caravan.network.Link;
import org.caravan.place.RouteQuery;
import org.caravan.report.RouteJson;
import org.caravan.report.ScenarioJson;
import org.caravan.routing.PlanOptions;
import org.caravan.routing.Route;
import org.caravan.scenario.Scenario;
import org.caravan.scenario.ScenarioBase;
import org.caravan.scenario.ScenarioChanges;
import org.caravan.scenario.ScenarioComparison;
import org.caravan.scenario.ScenarioException;
import org.caravan.scenario.ScenarioLoader;
import org.caravan.scenario.ScenarioOverlay;
import org.caravan.scenario.ScenarioRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caravan scenario list|show|run}: named changes to the network compared with the baseline. */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = {"Scenarios: changes to the network and costs (closures, new railways, fees, tariffs, avoided "
                + "countries) compared with the baseline. File schema: docs/SCENARIOS.md."},
        subcommands = {ScenarioCommand.ListCommand.class, ScenarioCommand.ShowCommand.class,
            ScenarioCommand.RunCommand.class})
final class ScenarioCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The base every subcommand checks scenarios against: --network and --costs, else the embedded data. */
    static ScenarioBase base(DataOptions data) throws Exception {
        var network = data.loadNetwork();
        data.loadCosts(); // refuses a bad --costs file with its own name and field paths
        return ScenarioBase.of(network, data.costs == null ? null : CostModelLoader.userTree(data.costs), null);
    }

    static Scenario load(String idOrFile, ScenarioBase base) {
        try {
            return ScenarioLoader.resolve(idOrFile, base);
        } catch (ScenarioException e) {
            throw new UserInputException(e.getMessage());
        }
    }


    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the shipped example scenarios.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ScenarioBase base = ScenarioBase.embedded();
            PrintWriter out = spec.commandLine().getOut();
            for (String id : ScenarioLoader.EXAMPLES) {
                Scenario s = ScenarioLoader.example(id, base);
                out.printf(Locale.ROOT, "%-24s %s%n", s.id(), s.title());
            }
            out.println();
            out.println("'caravan scenario show ID' for the rationale, sources and changes; "
                    + "'caravan scenario run ID FROM TO' to compare with the baseline.");
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a scenario (an example id or a file): rationale, sources, assumptions and changes.")
    static final class ShowCommand implements Callable<Integer> {
        enum Format { text, json }

        @Spec
        CommandSpec spec;

        @Mixin
        DataOptions data;

        @Parameters(index = "0", paramLabel = "ID|FILE", description = "Example id or scenario file (YAML or JSON).")
        String scenario;

        @Option(names = "--format", paramLabel = "FMT", defaultValue = "text", description = "text or json.")
        Format format;

        @Override
        public Integer call() throws Exception {
            ScenarioBase base = base(data);
            Scenario s = load(scenario, base);
            if (format == Format.json) {
                TextOutput.write(spec, null, RouteJson.MAPPER.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(ScenarioJson.scenario(s)) + "\n");
                return 0;
            }
            StringBuilder sb = new StringBuilder();
            sb.append(s.id()).append(": ").append(s.title()).append("\n\n").append(s.rationale().strip()).append("\n");
            sb.append("\nSources:\n");
            s.sources().forEach(x -> sb.append("  - ").append(x).append('\n'));
            if (!s.assumptions().isEmpty()) {
                sb.append("\nAssumptions:\n");
                s.assumptions().forEach(x -> sb.append("  - ").append(x).append('\n'));
            }
            sb.append("\nChanges:\n");
            ScenarioChanges c = s.changes();
            c.closeLinks().forEach(id -> sb.append("  close link ").append(label(base, id)).append('\n'));
            c.closeNodes().forEach(id -> sb.append("  close place ").append(id).append(' ')
                    .append(base.network().node(id).map(n -> n.name()).orElse("")).append('\n'));
            c.reopen().forEach(id -> sb.append("  reopen ").append(label(base, id)).append('\n'));
            c.open().forEach(id -> sb.append("  open ").append(label(base, id)).append('\n'));
            c.addedLinkIds().forEach(id -> sb.append("  add link ").append(id).append('\n'));
            c.crossings().forEach((id, x) -> sb.append("  crossing ").append(label(base, id)).append(": ")
                    .append(fields(x.fields())).append('\n'));
            c.links().forEach((id, x) -> sb.append("  link ").append(label(base, id)).append(": ")
                    .append(fields(x.fields())).append('\n'));
            if (c.changesCosts()) sb.append("  costs: ").append(c.costs()).append('\n');
            if (!c.avoid().isEmpty()) sb.append("  avoid ").append(String.join(",", c.avoid())).append('\n');
            c.penalties().forEach((cc, usd) -> sb.append(String.format(Locale.ROOT,
                    "  penalty %s: %.0f USD per cargo unit%n", cc, usd)));
            TextOutput.write(spec, null, sb.toString());
            return 0;
        }

        private static String label(ScenarioBase base, String id) {
            Link l = base.network().link(id).orElse(null);
            return l == null || l.name().isEmpty() ? id : id + " (" + l.name() + ")";
        }

        private static String fields(java.util.Map<String, Double> f) {
            List<String> out = new ArrayList<>();
            f.forEach((k, v) -> out.add(k + " " + java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString()));
            return String.join(", ", out);
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Compare a scenario with the baseline for OD pairs: cost, time, CO2, risk and corridor.",
                "OD pairs: FROM TO, or --od FILE (CSV from,to,cargo,tonnes,source), else the embedded main OD list.",
                "Costs are per cargo unit (a tonne of bulk, a 40-ft box); totals weight each pair by its tonnes."})
    static final class RunCommand implements Callable<Integer> {
        enum Format { text, json, csv }

        @Spec
        CommandSpec spec;

        @Mixin
        DataOptions data;

        @Parameters(index = "0", paramLabel = "ID|FILE", description = "Example id or scenario file (YAML or JSON).")
        String scenario;

        @Parameters(index = "1", arity = "0..1", paramLabel = "FROM", description = "Origin of one OD pair.")
        String from;

        @Parameters(index = "2", arity = "0..1", paramLabel = "TO", description = "Destination of one OD pair.")
        String to;

        @Option(names = "--od", paramLabel = "FILE", description = "OD pairs: CSV with from,to,cargo,tonnes,source.")
        Path odFile;

        @Mixin
        RouteOptions.Query query;

        @Mixin
        RouteOptions.Reliability reliability;

        @Option(names = "--format", paramLabel = "FMT", defaultValue = "text",
                description = "text, json or csv. Default: ${DEFAULT-VALUE}.")
        Format format;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the answer to FILE.")
        Path output;

        @Option(names = "--chart", paramLabel = "FILE",
                description = "With FROM TO: also draw the baseline and scenario routes' time/cost-distance chart to "
                    + "FILE (.svg or .png; docs/CHARTS.md).")
        Path chart;

        @Option(names = "--chart-kind", paramLabel = "KIND", defaultValue = "time",
                description = "With --chart: time or cost. Default: ${DEFAULT-VALUE}.")
        String chartKind;

        @Override
        public Integer call() throws Exception {
            if ((from == null) != (to == null)) throw new UserInputException("TO: give both places, or --od FILE");
            ChartOutput.checkOptions(chart, chartKind);
            if (chart != null && from == null) throw new UserInputException("--chart: give FROM TO (one OD pair)");
            if (from != null && odFile != null) throw new UserInputException("--od: give FROM TO or --od, not both");
            ScenarioBase base = base(data);
            Scenario s = load(scenario, base);
            String cargo = query.cargo;
            List<OdPair> ods;
            if (from != null) {
                ods = List.of(new OdPair(from, to, cargo, 1, "command line"));
            } else {
                try {
                    ods = odFile == null ? OdFile.embedded()
                            : OdFile.read(odFile, base.places(), cargo == null ? base.costs().profileNames() : null);
                } catch (OdFileException e) {
                    throw new UserInputException("--od: " + e.getMessage());
                }
                if (cargo != null) {
                    ods = ods.stream().map(o -> new OdPair(o.from(), o.to(), cargo, o.tonnes(), o.source())).toList();
                }
            }
            ScenarioRun run;
            try {
                run = ScenarioOverlay.apply(base, s);
            } catch (ScenarioException e) {
                throw new UserInputException(e.getMessage());
            }
            RouteQuery.Builder b = RouteQuery.builder();
            query.apply(b);
            reliability.apply(b);
            RouteQuery template = b.build();
            PlanOptions options = template.planOptions();
            ScenarioComparison.Result result = ScenarioComparison.compare(run, ods, template, options);
            String text = switch (format) {
                case json -> RouteJson.MAPPER.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(ScenarioJson.comparison(result)) + "\n";
                case csv -> ScenarioJson.csv(result);
                case text -> ScenarioText.format(result);
            };
            TextOutput.write(spec, output, text);
            if (chart != null) writeChart(run, ods.get(0), template, options);
            return 0;
        }

        /** Baseline and scenario overlaid; a side with no route is left out of the picture (the text says why). */
        private void writeChart(ScenarioRun run, OdPair od, RouteQuery template, PlanOptions options) {
            ScenarioComparison.RoutePair pair = ScenarioComparison.routes(run, od, template, options);
            List<String> names = new ArrayList<>();
            List<Route> routes = new ArrayList<>();
            if (pair.baseline() != null) {
                names.add("baseline");
                routes.add(pair.baseline());
            }
            if (pair.scenario() != null) {
                names.add("scenario " + run.scenario().id());
                routes.add(pair.scenario());
            }
            if (routes.isEmpty()) {
                spec.commandLine().getErr().println("caravan: --chart: no route on either side; no chart written");
                return;
            }
            ChartOutput.write(spec.commandLine().getErr(), chart, chartKind, RouteLabels.title(routes.get(0), "–"), names, routes);
        }
    }
}
