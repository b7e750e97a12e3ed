package org.caravan.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.caravan.demand.OdPair;
import org.caravan.place.RouteQuery;
import org.caravan.scenario.ScenarioComparison;
import org.caravan.scenario.ScenarioComparison.Outcome;
import org.caravan.scenario.ScenarioComparison.PairResult;
import org.caravan.scenario.ScenarioOverlay;
import org.caravan.scenario.ScenarioRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The sweep on local[2] equals {@code caravan scenario run} (the core's ScenarioComparison) pair by pair. */
class ScenarioSweepTest {
    static SparkSession spark;

    @BeforeAll
    static void start() { spark = TestSpark.session(); }

    @AfterAll
    static void stop() { TestSpark.stop(spark); }

    @Test
    void everyScenarioAndPairEqualsTheSingleMachineComparison() throws Exception {
        JobInputs in = JobInputs.read(List.of(), null, List.of("torkham-closed", "trans-afghan-railway"), null, null);
        List<Row> rows = sameAsScenarioRun(in, ScenarioSweep.Settings.of(3), RouteQuery.builder().build());
        // the sweep must actually change something, or the comparison above proves little
        assertThat(rows).anyMatch(r -> !r.getAs("change").equals("same"));
    }

    /**
     * The route options of {@code scenario run}, given to the sweep's command line: parsed there from the core's
     * table, they give the same rows as the comparison under the template {@code scenario run} builds from its own
     * options (the typed setters its RouteOptions mixin calls).
     */
    @Test
    void routeOptionsFromTheCommandLineGiveTheSameRowsAsScenarioRun() throws Exception {
        JobInputs in = JobInputs.read(List.of(), null, List.of("torkham-closed", "trans-afghan-railway"), null, null);
        String[] args = {"sweep", "--scenarios", "torkham-closed,trans-afghan-railway", "--out", "unused",
            "--objective", "time", "--tonnes", "40", "--avoid", "IR", "--penalty", "AF=250,PK=100",
            "--include-planned", "--depart", "2027-03-01T08:00", "--modes", "road,rail", "--modes", "ferry",
            "--max-risk", "0.9", "--ods-per-task", "4"};
        CommandLine cl = CaravanSpark.commandLine();
        cl.parseArgs(args);
        CaravanSpark.Sweep sweep = cl.getSubcommands().get("sweep").getCommand();
        ScenarioSweep.Settings settings = sweep.settings();
        assertThat(settings.route().keySet()).containsExactlyInAnyOrder("objective", "tonnes", "avoid", "penalty",
                "include_planned", "depart", "modes", "max_risk");
        RouteQuery cli = RouteQuery.builder().objective("time").tonnes(40.0).avoid(List.of("IR"))
                .penalties(penalties("AF", 250.0, "PK", 100.0)).includePlanned(true)
                .depart("2027-03-01T08:00").modes(List.of("road", "rail", "ferry")).maxRisk(0.9).build();
        assertThat(settings.template().toString()).isEqualTo(cli.toString());
        // the options change answers (else the equality below would hold for a sweep that ignored them)
        ScenarioRun run0 = ScenarioOverlay.apply(in.base(), in.scenario(in.base(), 0));
        var plain = ScenarioComparison.compare(run0, in.pairs(), RouteQuery.builder().build(),
                RouteQuery.builder().build().planOptions());
        var optioned = ScenarioComparison.compare(run0, in.pairs(), cli, cli.planOptions());
        assertThat(optioned.totals().baselineUsd()).isNotEqualTo(plain.totals().baselineUsd());
        sameAsScenarioRun(in, settings, cli);

        // a closure and a via point too (the list kinds the OD pairs do not all survive)
        cl = CaravanSpark.commandLine();
        cl.parseArgs("sweep", "--scenarios", "torkham-closed", "--out", "unused", "--close", "Chaman",
                "--via", "Termez", "--objective", "distance");
        settings = cl.getSubcommands().get("sweep").<CaravanSpark.Sweep>getCommand().settings();
        RouteQuery cli2 = RouteQuery.builder().close(List.of("Chaman")).via(List.of("Termez")).objective("distance")
                .build();
        assertThat(settings.template().toString()).isEqualTo(cli2.toString());
        JobInputs one = JobInputs.read(List.of(), null, List.of("torkham-closed"), null, null);
        sameAsScenarioRun(one, settings, cli2);
    }

    private static Map<String, Double> penalties(String a, double x, String b, double y) {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        m.put(a, x);
        m.put(b, y);
        return m;
    }

    /** Every parameter of scenario run's groups of the table is a sweep option, with the table's help. */
    @Test
    void theSweepHasEveryRouteOptionOfTheTable() {
        var sweep = CaravanSpark.commandLine().getSubcommands().get("sweep").getCommandSpec();
        for (var p : org.caravan.place.RouteParameters.of(ScenarioSweep.Settings.GROUPS)) {
            var o = sweep.findOption("--" + p.name().replace('_', '-'));
            assertThat(o).as(p.name()).isNotNull();
            if (p != org.caravan.place.RouteParameters.CARGO) {
                assertThat(String.join(" ", o.description())).isEqualTo(p.fullHelp(false));
            }
        }
    }

    @Test
    void aBadRouteOptionIsRefusedNamingIt() {
        assertThatThrownBy(() -> ScenarioSweep.Settings.of(4, "max_risk", "2").template())
                .hasMessageContaining("--max-risk").hasMessageContaining("got 2");
        assertThatThrownBy(() -> ScenarioSweep.Settings.of(4, "pareto", "true"))
                .hasMessageContaining("pareto");
    }

    /** Every row of the sweep equals {@code ScenarioComparison.compare} under {@code template}; returns the rows. */
    private static List<Row> sameAsScenarioRun(JobInputs in, ScenarioSweep.Settings settings, RouteQuery template)
            throws Exception {
        var pairs = ScenarioSweep.pairs(spark, in, settings).cache();
        List<Row> rows = pairs.collectAsList();
        assertThat(rows).hasSize(in.scenarioCount() * in.odCount());
        List<Row> totals = ScenarioSweep.totals(pairs).collectAsList();
        for (int s = 0; s < in.scenarioCount(); s++) {
            ScenarioRun run = ScenarioOverlay.apply(in.base(), in.scenario(in.base(), s));
            ScenarioComparison.Result expected = ScenarioComparison.compare(run, in.pairs(), template,
                    template.planOptions());
            String id = run.scenario().id();
            Map<Integer, Row> byOd = rows.stream().filter(r -> r.getAs("scenario").equals(id))
                    .collect(Collectors.toMap(r -> r.<Integer>getAs("od"), Function.identity()));
            assertThat(byOd).hasSize(expected.pairs().size());
            for (int i = 0; i < expected.pairs().size(); i++) {
                PairResult p = expected.pairs().get(i);
                Row r = byOd.get(i + 1);
                OdPair od = p.od();
                assertThat(List.of(r.getAs("from"), r.getAs("to"), r.getAs("cargo"), r.getAs("from_id"),
                        r.getAs("to_id"), r.getAs("unit"), r.getAs("change")))
                        .as("%s od %d", id, i + 1)
                        .containsExactly(od.from(), od.to(), od.cargo(), p.fromId(), p.toId(), p.unit(), p.change());
                same(r, "baseline", p.baseline());
                same(r, "scenario", p.scenario());
            }
            Row t = totals.stream().filter(x -> x.getAs("scenario").equals(id)).findFirst().orElseThrow();
            ScenarioComparison.Totals e = expected.totals();
            assertThat(List.of(t.getAs("pairs"), t.getAs("compared"), t.getAs("lost"), t.getAs("gained")))
                    .containsExactly(e.pairs(), e.compared(), e.lost(), e.gained());
            assertThat(t.<Double>getAs("baseline_usd")).isCloseTo(e.baselineUsd(), within(1e-6 * e.baselineUsd()));
            assertThat(t.<Double>getAs("scenario_usd")).isCloseTo(e.scenarioUsd(), within(1e-6 * e.scenarioUsd()));
            assertThat(t.<Double>getAs("scenario_hours")).isCloseTo(e.scenarioHours(), within(1e-9 + 1e-9 * e.scenarioHours()));
        }
        pairs.unpersist();
        return rows;
    }

    private static void same(Row r, String side, Outcome o) {
        assertThat(r.<Boolean>getAs(side + "_found")).isEqualTo(o.found());
        if (o.found()) {
            assertThat(r.<Double>getAs(side + "_usd")).isEqualTo(o.usd());
            assertThat(r.<Double>getAs(side + "_hours")).isEqualTo(o.hours());
            assertThat(r.<Double>getAs(side + "_co2_kg")).isEqualTo(o.co2Kg());
            assertThat(r.<Double>getAs(side + "_risk")).isEqualTo(o.risk());
            assertThat(r.<Double>getAs(side + "_km")).isPositive();
            assertThat(r.<String>getAs(side + "_corridor")).isEqualTo(o.corridor());
            assertThat(r.getList(r.fieldIndex(side + "_countries"))).containsExactlyElementsOf(o.countries());
            assertThat(r.<String>getAs(side + "_no_route")).isNull();
        } else {
            assertThat(r.<Double>getAs(side + "_usd")).isNull();
            assertThat(r.<String>getAs(side + "_no_route")).isEqualTo(o.message());
        }
    }

    @Test
    void writesParquetAndRefusesBadInputNamingTheFile(@TempDir Path dir) throws Exception {
        Path od = dir.resolve("od.csv");
        Files.writeString(od, "from,to,cargo,tonnes\nAlmaty,Karachi,container,1000\nTashkent,Atlantis,bulk,5\n");
        assertThatThrownBy(() -> JobInputs.read(List.of(), null, List.of("torkham-closed"), od, null))
                .isInstanceOf(JobInputs.InputException.class)
                .hasMessageContaining("od.csv").hasMessageContaining("line 3").hasMessageContaining("Atlantis");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "id: bad\nchanges:\n  close: [NO-SUCH-LINK]\n");
        assertThatThrownBy(() -> JobInputs.read(List.of(), null, List.of(bad.toString()), null, null))
                .isInstanceOf(JobInputs.InputException.class)
                .hasMessageContaining("bad.yaml").hasMessageContaining("NO-SUCH-LINK");

        Files.writeString(od, "from,to,cargo,tonnes\nAlmaty,Karachi,container,1000\nTashkent,Bandar Abbas,bulk,5000\n");
        JobInputs in = JobInputs.read(List.of(), null, List.of("torkham-closed"), od, null);
        String out = dir.resolve("out").toString();
        ScenarioSweep.Summary s = ScenarioSweep.run(spark, in, ScenarioSweep.Settings.defaults(), out, false);
        assertThat(s.evaluations()).isEqualTo(2);
        assertThat(spark.read().parquet(out + "/pairs").count()).isEqualTo(2);
        assertThat(spark.read().parquet(out + "/totals").first().<Integer>getAs("pairs")).isEqualTo(2);
        assertThatThrownBy(() -> ScenarioSweep.run(spark, in, ScenarioSweep.Settings.defaults(), out, false))
                .hasMessageContaining("already exists");
    }
}
