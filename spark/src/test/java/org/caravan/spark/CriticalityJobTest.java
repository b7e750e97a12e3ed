package org.caravan.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.caravan.criticality.Criticality;
import org.caravan.criticality.Criticality.LinkImpact;
import org.caravan.place.RouteParameters;
import org.caravan.place.RouteQuery;
import org.caravan.routing.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The closures partitioned over local[2] rank the links exactly as {@code caravan critical} (Criticality.rank). */
class CriticalityJobTest {
    static SparkSession spark;
    static JobInputs in;
    static Router router;

    @BeforeAll
    static void start() {
        spark = TestSpark.session();
        in = JobInputs.read(List.of(), null, List.of(), null, null);
        router = new Router(in.base().network(), in.base().costs());
    }

    @AfterAll
    static void stop() { TestSpark.stop(spark); }

    @Test
    void rankingEqualsTheSingleMachineRanking() {
        List<LinkImpact> expected = Criticality.rank(router, in.pairs(),
                new Criticality.Options(null, 1, Criticality.Progress.NONE)).ranked();
        sameRanking(CriticalityJob.ranked(spark, in, CriticalityJob.Settings.of(null), 3).collectAsList(), expected);
        // a ranking where nothing matters would prove little
        assertThat(expected.get(0).costIncreaseUsd() + expected.get(0).lostTonnes()).isPositive();
    }

    /**
     * Route options on the job's command line (issue 17): the same table parameters as {@code caravan critical}'s
     * (objective, tonnes, avoid, penalty, include-planned, modes, max-risk, depart), which must parse to the
     * {@code RouteQuery} the CLI's mixin builds, change the ranking, and give on local[2] exactly the core's ranking
     * under that query.
     */
    @Test
    void routeOptionsGiveTheCoreRankingUnderTheSameOptions() {
        CommandLine cl = CaravanSpark.commandLine();
        cl.parseArgs("critical", "--out", "unused", "--objective", "time", "--tonnes", "40", "--avoid", "TM",
                "--penalty", "AF=250,PK=100", "--include-planned", "--modes", "road,rail", "--modes", "ferry,sea",
                "--max-risk", "0.9", "--depart", "2027-03-01T08:00");
        CriticalityJob.Settings settings = cl.getSubcommands().get("critical").<CaravanSpark.Critical>getCommand()
                .settings();
        assertThat(settings.route().keySet()).containsExactlyInAnyOrder("objective", "tonnes", "avoid", "penalty",
                "include_planned", "modes", "max_risk", "depart");
        Map<String, Double> penalties = new LinkedHashMap<>();
        penalties.put("AF", 250.0);
        penalties.put("PK", 100.0);
        // what the CLI's RouteOptions.Query.apply builds from the same options
        RouteQuery cli = RouteQuery.builder().objective("time").tonnes(40.0).avoid(List.of("TM"))
                .penalties(penalties).includePlanned(true).modes(List.of("road", "rail", "ferry", "sea"))
                .maxRisk(0.9).depart("2027-03-01T08:00").build();
        assertThat(settings.routeOptions().toString()).isEqualTo(cli.toString());

        Criticality.Result plain = Criticality.rank(router, in.pairs(),
                new Criticality.Options(null, 1, Criticality.Progress.NONE));
        Criticality.Result expected = Criticality.rank(router, in.pairs(),
                new Criticality.Options(null, 1, Criticality.Progress.NONE, cli));
        // the options change the answer, else the equality below would hold for a job that ignored them
        assertThat(expected.ranked().stream().map(LinkImpact::linkId).toList())
                .isNotEqualTo(plain.ranked().stream().map(LinkImpact::linkId).toList());
        assertThat(expected.ranked()).noneMatch(l -> l.fromCountry().equals("TM") || l.toCountry().equals("TM"));
        sameRanking(CriticalityJob.ranked(spark, in, settings, 3).collectAsList(), expected.ranked());
        List<Row> baselines = CriticalityJob.baselines(spark, CriticalityJob.state(in, settings).prepared())
                .collectAsList();
        for (int i = 0; i < baselines.size(); i++) {
            Criticality.Baseline b = expected.baselines().get(i);
            assertThat(baselines.get(i).<Boolean>getAs("routed")).isEqualTo(b.routed());
            if (b.routed()) assertThat(baselines.get(i).<Double>getAs("unit_cost_usd")).isEqualTo(b.unitCost());
        }
    }

    @Test
    void everyRouteOptionOfTheTableIsACriticalOption() {
        var critical = CaravanSpark.commandLine().getSubcommands().get("critical").getCommandSpec();
        for (var p : RouteParameters.of(Criticality.GROUPS)) {
            var o = critical.findOption("--" + p.name().replace('_', '-'));
            assertThat(o).as(p.name()).isNotNull();
            if (p != RouteParameters.CARGO) assertThat(String.join(" ", o.description())).isEqualTo(p.fullHelp(false));
        }
        assertThat(critical.findOption("--samples")).isNull(); // RELIABILITY is not a ranking's group
    }

    @Test
    void aBadRouteOptionExitsTwoNamingIt() {
        assertThat(run("critical", "--out", "unused", "--max-risk", "2")).contains("--max-risk").contains("got 2");
        assertThat(run("critical", "--out", "unused", "--objective", "reliable")).contains("--objective");
        assertThat(run("critical", "--out", "unused", "--via", "Termez")).contains("--via");
        assertThatThrownBy(() -> CriticalityJob.Settings.of(null, "samples", "10").routeOptions())
                .hasMessageContaining("samples");
    }

    /** Runs the command line; it must exit 2 before Spark starts; returns stderr. */
    private static String run(String... args) {
        CommandLine cl = CaravanSpark.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute(args)).as(String.join(" ", args)).isEqualTo(2);
        return err.toString();
    }

    private static void sameRanking(List<Row> got, List<LinkImpact> expected) {
        assertThat(got).hasSize(expected.size()).hasSizeGreaterThan(10);
        for (int i = 0; i < expected.size(); i++) {
            LinkImpact e = expected.get(i);
            Row r = got.get(i);
            assertThat(r.<Integer>getAs("rank")).isEqualTo(i + 1);
            assertThat(r.<String>getAs("link_id")).isEqualTo(e.linkId());
            assertThat(r.<Double>getAs("cost_increase_usd")).isEqualTo(e.costIncreaseUsd());
            assertThat(r.<Integer>getAs("rerouted")).isEqualTo(e.rerouted());
            assertThat(r.<Double>getAs("lost_tonnes")).isEqualTo(e.lostTonnes());
            assertThat(r.getList(r.fieldIndex("lost_pairs")))
                    .containsExactlyElementsOf(e.lost().stream().map(p -> p.from() + " -> " + p.to()).toList());
        }
    }
}
