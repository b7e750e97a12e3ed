package org.caravan.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.caravan.criticality.Criticality;
import org.caravan.place.RouteParameter;
import org.caravan.place.RouteParameters;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The spark-submit entry point: {@code sweep}, {@code critical} and {@code trade}, each reading the same files as the
 * CLI and writing Parquet. Bad input exits 2 with the message (file, line, field) on stderr, as the CLI does.
 */
@Command(name = "caravan-spark", mixinStandardHelpOptions = true,
        description = {"Caravan on Apache Spark: scenario sweeps, criticality at scale and Comtrade aggregation.",
            "Run with spark-submit (docs/SPARK.md); --master local[N] runs without a cluster."},
        subcommands = {CaravanSpark.Sweep.class, CaravanSpark.Critical.class, CaravanSpark.Trade.class})
public final class CaravanSpark implements Runnable {
    @CommandLine.Spec
    CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command tree, with the route options of {@code sweep} and {@code critical} added from the core's parameter
     * table ({@link RouteParameters}; the groups of {@link ScenarioSweep.Settings#GROUPS} and
     * {@link Criticality#GROUPS}): the table the CLI's {@code scenario run} and {@code critical} and the HTTP API are
     * declared from, so there is no second list to drift. Each option is
     * the parameter's name with dashes ({@code max_risk} is {@code --max-risk}), with the table's help.
     */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CaravanSpark());
        addRouteOptions(cl.getSubcommands().get("sweep").getCommandSpec(), ScenarioSweep.Settings.GROUPS);
        addRouteOptions(cl.getSubcommands().get("critical").getCommandSpec(), Criticality.GROUPS);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            // a bad row found by a task comes back wrapped in Spark's exceptions: its own message is the answer
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof JobInputs.InputException || t instanceof IllegalArgumentException) {
                    line.getErr().println("caravan-spark: " + t.getMessage());
                    return 2;
                }
            }
            throw e;
        });
        return cl;
    }

    /** One option per parameter of the table's {@code groups} but cargo (the routing jobs' own {@code --cargo}). */
    private static void addRouteOptions(CommandSpec spec, RouteParameter.Group... groups) {
        for (RouteParameter p : RouteParameters.of(groups)) {
            if (p == RouteParameters.CARGO) continue; // --cargo: the routing jobs' own option (it also sets the OD pairs')
            OptionSpec.Builder o = OptionSpec.builder(optionName(p)).description(p.fullHelp(false));
            if (p.kind() == RouteParameter.Kind.BOOLEAN) {
                o.type(boolean.class).arity("0");
            } else if (p.kind().isList()) {
                o.type(List.class).auxiliaryTypes(String.class).paramLabel(p.valueLabel());
            } else {
                o.type(String.class).paramLabel(p.valueLabel());
            }
            spec.addOption(o.build());
        }
    }

    /** The route options given on {@code spec}'s command line, by table name, as text. */
    static Map<String, List<String>> routeValues(CommandSpec spec, RouteParameter.Group... groups) {
        Map<String, List<String>> route = new LinkedHashMap<>();
        for (RouteParameter p : RouteParameters.of(groups)) {
            OptionSpec o = spec.findOption(optionName(p));
            if (o == null || !spec.commandLine().getParseResult().hasMatchedOption(o)) continue;
            Object v = o.getValue();
            List<String> text = new ArrayList<>();
            if (v instanceof List<?> l) l.forEach(x -> text.add(String.valueOf(x)));
            else text.add(String.valueOf(v));
            route.put(p.name(), text);
        }
        return route;
    }

    /** A table parameter's option: its name with dashes ({@code max_risk} is {@code --max-risk}). */
    static String optionName(RouteParameter p) { return "--" + p.name().replace('_', '-'); }

    /** Options every job has. */
    static class Common {
        @Option(names = "--out", required = true, paramLabel = "DIR",
                description = "Output directory (any Spark file system: a path, hdfs://, s3a://...).")
        String out;

        @Option(names = "--overwrite", description = "Replace existing output (else an existing DIR is refused).")
        boolean overwrite;

        @Option(names = "--master", paramLabel = "URL",
                description = "Spark master when not run by spark-submit (e.g. local[2]); spark-submit sets it.")
        String master;
    }

    /** The routing jobs' inputs: the CLI's options of the same names. */
    static class Routing extends Common {
        @Option(names = "--network", split = ",", paramLabel = "FILE",
                description = "nodes.csv and links.csv, or GeoJSON file(s); default the embedded network.")
        List<Path> network = List.of();

        @Option(names = "--costs", paramLabel = "FILE", description = "Cost file merged over the defaults.")
        Path costs;

        @Option(names = "--od", paramLabel = "FILE",
                description = "OD pairs (CSV from,to,cargo,tonnes,source); default the embedded main OD pairs.")
        Path od;

        @Option(names = "--cargo", paramLabel = "NAME", description = "Cargo profile for every pair.")
        String cargo;
    }

    @Command(name = "sweep", mixinStandardHelpOptions = true,
            description = {"Every scenario x every OD pair against the baseline, as 'caravan scenario run' compares"
                + " them.", "Writes OUT/pairs and OUT/totals (Parquet)."})
    static final class Sweep extends Routing implements Callable<Integer> {
        @Option(names = "--scenarios", required = true, split = ",", paramLabel = "ID|FILE|DIR",
                description = "Example ids, scenario files (YAML/JSON) or directories of them.")
        List<String> scenarios;

        @CommandLine.Spec
        CommandSpec spec;

        @Option(names = "--ods-per-task", paramLabel = "N", defaultValue = "64",
                description = "OD pairs per task. Default: ${DEFAULT-VALUE}.")
        int odsPerTask;

        @Override
        public Integer call() {
            ScenarioSweep.Settings settings = settings();
            settings.template().planOptions(); // refuses a bad option before Spark starts
            JobInputs in = JobInputs.read(network, costs, scenarios, od, cargo);
            SparkSession spark = Sparks.session("caravan sweep", master);
            try {
                ScenarioSweep.Summary s = ScenarioSweep.run(spark, in, settings, out, overwrite);
                System.out.printf(Locale.ROOT, "caravan-spark sweep: %d scenarios x %d OD pairs = %d evaluations in "
                        + "%.1f s (%.0f/s); wrote %s/pairs and %s/totals%n", s.scenarios(), s.ods(), s.evaluations(),
                        s.millis() / 1000.0, s.evaluationsPerSecond(), out, out);
            } finally {
                spark.stop();
            }
            return 0;
        }

        /** The route options given, by table name, as text: what {@link ScenarioSweep.Settings} takes. */
        ScenarioSweep.Settings settings() {
            return new ScenarioSweep.Settings(routeValues(spec, ScenarioSweep.Settings.GROUPS), odsPerTask);
        }

        static String optionName(RouteParameter p) { return CaravanSpark.optionName(p); }
    }

    @Command(name = "critical", mixinStandardHelpOptions = true,
            description = {"Links and crossings ranked by the demand's cost of closing each, as 'caravan critical';",
                "the closures are partitioned over the executors. Writes OUT/links and OUT/baselines (Parquet)."})
    static final class Critical extends Routing implements Callable<Integer> {
        @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
                description = "Parts the candidate links are split into (0: the default parallelism).")
        int partitions;

        @CommandLine.Spec
        CommandSpec spec;

        /** The route options given ({@link Criticality#GROUPS} of the table), checked before Spark starts. */
        CriticalityJob.Settings settings() {
            CriticalityJob.Settings s = new CriticalityJob.Settings(cargo, routeValues(spec, Criticality.GROUPS));
            s.routeOptions(); // refuses a bad value naming its option
            return s;
        }

        @Override
        public Integer call() {
            CriticalityJob.Settings settings = settings();
            JobInputs in = JobInputs.read(network, costs, List.of(), od, cargo);
            SparkSession spark = Sparks.session("caravan critical", master);
            try {
                CriticalityJob.Summary s = CriticalityJob.run(spark, in, settings, partitions, out, overwrite);
                System.out.printf(Locale.ROOT, "caravan-spark critical: %d OD pairs, %d of %d links on a baseline "
                        + "route closed in %.1f s; wrote %s/links and %s/baselines%n", s.ods(), s.candidates(),
                        s.links(), s.millis() / 1000.0, out, out);
            } finally {
                spark.stop();
            }
            return 0;
        }
    }

    @Command(name = "trade", mixinStandardHelpOptions = true,
            description = {"UN Comtrade records (CSV, either header, .gz, or Parquet with the same columns) to the "
                + "aggregates of 'caravan trade series|top|partners|mirror|od'.",
                "Writes OUT/series, OUT/top, OUT/partners, OUT/concentration, OUT/mirror, OUT/od and OUT/coverage"
                + " (Parquet)."})
    static final class Trade extends Common implements Callable<Integer> {
        @CommandLine.Parameters(arity = "1..*", paramLabel = "FILE",
                description = "Comtrade CSV files (.csv, .csv.gz) or Parquet files/directories (.parquet).")
        List<String> files;

        @Option(names = "--min-tonnes", paramLabel = "T", defaultValue = "0",
                description = "OD pairs below this are left out (as 'trade od --min-tonnes').")
        double minTonnes;

        @Option(names = "--expect-reporters", split = ",", paramLabel = "ISO3",
                description = "Reporters the coverage check expects (default: those the files have).")
        List<String> expectReporters = List.of();

        @Option(names = "--expect-years", split = ",", paramLabel = "YEAR|Y1-Y2",
                description = "Years the coverage check expects (default: the first to the last year the files have).")
        List<String> expectYears = List.of();

        @Override
        public Integer call() {
            TradeJob.Expected expected = TradeJob.Expected.parse(expectReporters, expectYears); // before Spark starts
            SparkSession spark = Sparks.session("caravan trade", master);
            try {
                TradeJob.Summary s = TradeJob.run(spark, files, minTonnes, expected, out, overwrite);
                System.out.printf(Locale.ROOT, "caravan-spark trade: %d records read, %d used (totals over all "
                        + "breakdowns) in %.1f s; wrote %s/{series,top,partners,concentration,mirror,od,coverage}%n",
                        s.records(), s.used(), s.millis() / 1000.0, out);
                System.out.println("caravan-spark trade " + s.coverage().text());
            } finally {
                spark.stop();
            }
            return 0;
        }
    }
}
