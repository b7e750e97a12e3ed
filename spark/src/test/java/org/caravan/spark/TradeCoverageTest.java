package org.caravan.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.caravan.trade.ComtradeImporter;
import org.caravan.trade.Countries;
import org.caravan.trade.TradeAnalytics;
import org.caravan.trade.TradeFigures;
import org.caravan.trade.TradeStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The trade job's coverage check: which reporters, years and flows the records have against those expected, in the
 * store's words for the months covered. The file is cut from examples/trade/synthetic-comtrade-sample.csv (INVENTED
 * records in the Comtrade format): KAZ's annual exports to AFG for 2019, and AFG's imports from KAZ for 2019 turned
 * into monthly records for January to November only.
 */
class TradeCoverageTest {
    static SparkSession spark;
    static Path file;
    static TradeStore store;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        spark = TestSpark.session();
        List<String> lines = Files.readAllLines(TradeJobTest.SAMPLE, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = TradeJob.cells(line, "sample", 0);
            if (!f[3].equals("2019")) continue;
            if (f[7].equals("KAZ") && f[12].equals("AFG") && f[9].equals("X")) out.add(line);
            if (f[7].equals("AFG") && f[12].equals("KAZ") && f[9].equals("M")) {
                for (int m = 1; m <= 11; m++) {
                    String[] g = f.clone();
                    String mm = String.format("%02d", m);
                    g[1] = "M";
                    g[2] = "2019" + mm + "01";
                    g[4] = Integer.toString(m);
                    g[5] = "2019" + mm;
                    out.add(java.util.Arrays.stream(g).map(TradeCoverageTest::cell).collect(Collectors.joining(",")));
                }
            }
        }
        assertThat(out).hasSizeGreaterThan(12);
        file = dir.resolve("coverage-cut.csv");
        Files.write(file, out, StandardCharsets.UTF_8);
        store = TradeStore.open(dir.resolve("store"));
        new ComtradeImporter(store).importFile(file, ComtradeImporter.Options.DEFAULT, ComtradeImporter.Progress.NONE);
    }

    @AfterAll
    static void stop() {
        if (store != null) store.close();
        TestSpark.stop(spark);
    }

    private static String cell(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static Map<String, Row> coverage(TradeJob.Expected expected) {
        TradeJob.aggregate(spark, List.of(file.toString()), 0);
        Map<String, Row> m = new TreeMap<>();
        for (Row r : TradeJob.coverage(spark, expected).collectAsList()) {
            m.put(r.<String>getAs("reporter") + " " + r.<Integer>getAs("year") + " " + r.<String>getAs("flow"), r);
        }
        return m;
    }

    @Test
    void expectedReportersYearsAndFlowsArePresentPartOrMissing() {
        Map<String, Row> c = coverage(TradeJob.Expected.parse(List.of("KAZ", "afg", "UZB"), List.of("2019-2020")));
        assertThat(c).hasSize(3 * 2 * 2);
        Row kazX = c.get("KAZ 2019 X");
        assertThat(kazX.<String>getAs("status")).isEqualTo("full year");
        assertThat(kazX.<Integer>getAs("months")).isEqualTo(12);
        assertThat(kazX.<Integer>getAs("partners")).isEqualTo(1);
        assertThat(kazX.<Long>getAs("records")).isPositive();
        Row afgM = c.get("AFG 2019 M");
        assertThat(afgM.<String>getAs("status")).isEqualTo("part year");
        assertThat(afgM.<Integer>getAs("months")).isEqualTo(11);
        // the store's words for the same records (what 'caravan trade mirror KAZ AFG' prints)
        Countries countries = Countries.embedded();
        TradeFigures.MirrorRow mirror = new TradeAnalytics(store).mirror(countries.byIso3("KAZ").orElseThrow(),
                countries.byIso3("AFG").orElseThrow()).rows().stream()
                .filter(r -> r.year() == 2019 && r.exporter().iso3().equals("KAZ")).findFirst().orElseThrow();
        assertThat(kazX.<String>getAs("covers")).isEqualTo(mirror.exporterCovers()).isEqualTo("full year");
        assertThat(afgM.<String>getAs("covers")).isEqualTo(mirror.importerCovers()).isEqualTo("January–November");
        for (String k : List.of("KAZ 2019 M", "AFG 2019 X", "UZB 2019 X", "UZB 2019 M", "KAZ 2020 X", "AFG 2020 M")) {
            assertThat(c.get(k).<String>getAs("status")).as(k).isEqualTo("missing");
            assertThat(c.get(k).<Long>getAs("records")).as(k).isZero();
        }
        assertThat(TradeJob.summarise(List.copyOf(c.values())))
                .isEqualTo(new TradeJob.CoverageSummary(12, 1, 1, 10, 0));
        assertThat(TradeJob.summarise(List.copyOf(c.values())).text())
                .isEqualTo("coverage: 12 reporter-year-flows expected: 1 full year, 1 part year, 10 missing");
    }

    @Test
    void byDefaultTheReportersAndYearsPresentAreExpectedAndOthersAreListedApart() {
        Map<String, Row> c = coverage(TradeJob.Expected.present());
        assertThat(c.keySet()).containsExactly("AFG 2019 M", "AFG 2019 X", "KAZ 2019 M", "KAZ 2019 X");
        assertThat(TradeJob.summarise(List.copyOf(c.values())))
                .isEqualTo(new TradeJob.CoverageSummary(4, 1, 1, 2, 0));
        Map<String, Row> onlyKaz = coverage(TradeJob.Expected.parse(List.of("KAZ"), List.of("2019")));
        assertThat(onlyKaz.get("AFG 2019 M").<Boolean>getAs("expected")).isFalse();
        assertThat(TradeJob.summarise(List.copyOf(onlyKaz.values())))
                .isEqualTo(new TradeJob.CoverageSummary(2, 1, 0, 1, 1));
    }

    /**
     * A glob or a directory of CSV files (how a bulk download arrives: docs/SPARK.md's Kubernetes example) reads each
     * file with its own header: the same records and coverage as the one file; a glob matching nothing is refused.
     */
    @Test
    void aGlobOrADirectoryReadsEachFileWithItsOwnHeader() throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Path split = Files.createDirectories(dir.resolve("split"));
        int half = lines.size() / 2;
        Files.write(split.resolve("part-1.csv"), lines.subList(0, half), StandardCharsets.UTF_8);
        List<String> second = new ArrayList<>(List.of(lines.get(0)));
        second.addAll(lines.subList(half, lines.size()));
        Files.write(split.resolve("part-2.csv"), second, StandardCharsets.UTF_8);
        Files.writeString(split.resolve("_SUCCESS"), "");
        long one = TradeJob.aggregate(spark, List.of(file.toString()), 0).flows().count();
        Map<String, Row> single = coverage(TradeJob.Expected.present());
        for (String arg : List.of(split.resolve("part-*.csv").toString(), split.toString())) {
            assertThat(TradeJob.csvFiles(spark, arg)).as(arg).hasSize(2);
            assertThat(TradeJob.aggregate(spark, List.of(arg), 0).flows().count()).as(arg).isEqualTo(one);
            Map<String, Row> c = new TreeMap<>();
            for (Row r : TradeJob.coverage(spark, TradeJob.Expected.present()).collectAsList()) {
                c.put(r.<String>getAs("reporter") + " " + r.<Integer>getAs("year") + " " + r.<String>getAs("flow"), r);
            }
            assertThat(c).as(arg).isEqualTo(single);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> TradeJob.csvFiles(spark, split.resolve("none-*.csv").toString()))
                .hasMessageContaining("no file matches");
    }

    @Test
    void badExpectationsExitTwoNamingTheOptionBeforeSparkStarts() {
        assertThat(run("trade", "x.csv", "--out", "unused", "--expect-years", "2019-20x")).contains("--expect-years");
        assertThat(run("trade", "x.csv", "--out", "unused", "--expect-years", "2020-2019")).contains("--expect-years");
        assertThat(run("trade", "x.csv", "--out", "unused", "--expect-reporters", "KAZ,XYZ"))
                .contains("--expect-reporters", "XYZ");
    }

    private static String run(String... args) {
        CommandLine cl = CaravanSpark.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute(args)).as(String.join(" ", args)).isEqualTo(2);
        return err.toString();
    }
}
