package org.caravan.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.caravan.demand.OdPair;
import org.caravan.trade.ComtradeImporter;
import org.caravan.trade.Countries;
import org.caravan.trade.Country;
import org.caravan.trade.TradeAnalytics;
import org.caravan.trade.TradeDemand;
import org.caravan.trade.TradeFigures;
import org.caravan.trade.TradeStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark aggregates equal the DuckDB store's answers on the same file: examples/trade/synthetic-comtrade-sample.csv,
 * an INVENTED file in the Comtrade format (examples/trade/README.md), never real Comtrade records.
 */
class TradeJobTest {
    static final Path SAMPLE = Path.of("../examples/trade/synthetic-comtrade-sample.csv");
    static SparkSession spark;
    static TradeStore store;
    static TradeAnalytics analytics;
    static TradeJob.Aggregates spark_;
    static final Countries COUNTRIES = Countries.embedded();
    static final List<String> REPORTERS = List.of("KAZ", "UZB", "AFG", "PAK");

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        spark = TestSpark.session();
        store = TradeStore.open(dir.resolve("store"));
        new ComtradeImporter(store).importFile(SAMPLE, ComtradeImporter.Options.DEFAULT, ComtradeImporter.Progress.NONE);
        analytics = new TradeAnalytics(store);
        spark_ = TradeJob.aggregate(spark, List.of(SAMPLE.toString()), 0);
    }

    @AfterAll
    static void stop() {
        if (store != null) store.close();
        TestSpark.stop(spark);
    }

    static Country c(String iso3) { return COUNTRIES.byIso3(iso3).orElseThrow(); }

    /** Each table collected once (the file is small), then filtered here: one Spark job per table, not per look-up. */
    static final Map<String, List<Row>> TABLES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The rows of {@code table} where each column of {@code where} ("col", value, ...) equals its value. */
    static List<Row> rows(String table, Object... where) {
        List<Row> all = TABLES.computeIfAbsent(table, t -> spark_.tables().get(t).collectAsList());
        return all.stream().filter(r -> {
            for (int i = 0; i < where.length; i += 2) {
                if (!java.util.Objects.equals(r.getAs((String) where[i]), where[i + 1])) return false;
            }
            return true;
        }).toList();
    }

    static void close(Double actual, Double expected) {
        if (expected == null) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).isCloseTo(expected, within(1e-6 + 1e-9 * Math.abs(expected)));
        }
    }

    @Test
    void seriesAndMirrorEqualTheStore() {
        int compared = 0;
        for (String a : REPORTERS) {
            for (String b : REPORTERS) {
                if (a.equals(b)) continue;
                List<TradeFigures.SeriesPoint> points = analytics.series(c(a), c(b)).points();
                List<Row> got = rows("series", "reporter", a, "partner", b).stream()
                        .sorted((x, y) -> Integer.compare(x.getAs("year"), y.getAs("year"))).toList();
                assertThat(got).hasSize(points.size());
                for (int i = 0; i < points.size(); i++) {
                    TradeFigures.SeriesPoint p = points.get(i);
                    Row r = got.get(i);
                    assertThat(r.<Integer>getAs("year")).isEqualTo(p.year());
                    assertThat(r.<Integer>getAs("months")).isEqualTo(p.months());
                    close(r.getAs("exports_usd"), p.exportsUsd());
                    close(r.getAs("imports_usd"), p.importsUsd());
                    close(r.getAs("turnover_usd"), p.turnoverUsd());
                    close(r.getAs("balance_usd"), p.balanceUsd());
                    close(r.getAs("growth_pct"), p.turnoverGrowthPct());
                    compared++;
                }
                for (TradeFigures.MirrorRow m : analytics.mirror(c(a), c(b)).rows()) {
                    Row r = rows("mirror", "year", m.year(), "exporter", m.exporter().iso3(),
                            "importer", m.importer().iso3()).get(0);
                    close(r.getAs("exporter_usd"), m.exporterUsd());
                    close(r.getAs("importer_usd"), m.importerUsd());
                    close(r.getAs("gap_usd"), m.gapUsd());
                    close(r.getAs("gap_pct"), m.gapPct());
                }
            }
        }
        assertThat(compared).isGreaterThan(20);
    }

    @Test
    void partnerSharesAndConcentrationEqualTheStore() {
        for (String a : REPORTERS) {
            for (int year = 2019; year <= 2024; year++) {
                for (String flow : List.of("X", "M")) {
                    TradeFigures.Partners p = analytics.partners(c(a), year, flow);
                    Object[] key = {"reporter", a, "year", year, "flow", flow};
                    Row conc = rows("concentration", key).get(0);
                    close(conc.getAs("total_usd"), p.totalUsd());
                    close(conc.getAs("hhi"), p.hhi());
                    close(conc.getAs("hhi_normalised"), p.hhiNormalised());
                    close(conc.getAs("top3_share_pct"), p.top3SharePct());
                    close(conc.getAs("world_usd"), p.worldUsd());
                    assertThat(p.concentration()).startsWith(conc.<String>getAs("concentration"));
                    List<Row> shares = rows("partners", key).stream()
                            .sorted((x, y) -> Integer.compare(x.getAs("rank"), y.getAs("rank"))).toList();
                    assertThat(shares).extracting(r -> r.<String>getAs("partner"))
                            .containsExactlyElementsOf(p.partners().stream().map(s -> s.partner().iso3()).toList());
                    for (int i = 0; i < shares.size(); i++) {
                        close(shares.get(i).getAs("share_pct"), p.partners().get(i).sharePct());
                    }
                }
            }
        }
    }

    @Test
    void topProductsEqualTheStoreAtEveryLevel() {
        for (String partner : List.of("AFG", "WLD")) {
            for (int level : List.of(2, 4)) {
                for (String flow : List.of("X", "M")) {
                    TradeFigures.TopProducts t = analytics.top(c("KAZ"), partner.equals("WLD") ? null : c(partner),
                            2022, flow, level, 1000);
                    List<Row> got = rows("top", "reporter", "KAZ", "partner", partner, "year", 2022, "flow", flow,
                            "level", level).stream()
                            .sorted((x, y) -> Integer.compare(x.getAs("rank"), y.getAs("rank"))).toList();
                    assertThat(got).extracting(r -> r.<String>getAs("code"))
                            .containsExactlyElementsOf(t.products().stream().map(TradeFigures.Product::code).toList());
                    for (int i = 0; i < got.size(); i++) {
                        TradeFigures.Product p = t.products().get(i);
                        Row r = got.get(i);
                        close(r.getAs("value_usd"), p.valueUsd());
                        close(r.getAs("share_pct"), p.sharePct());
                        close(r.getAs("tonnes"), p.tonnes());
                        assertThat(r.<String>getAs("description")).isEqualTo(p.description());
                        assertThat(r.<String>getAs("cargo")).isEqualTo(p.cargo());
                    }
                    assertThat(got).isNotEmpty();
                }
            }
        }
    }

    @Test
    void odDemandEqualsTheStore() {
        TradeDemand demand = new TradeDemand(analytics);
        int pairs = 0;
        for (String a : List.of("KAZ", "UZB")) {
            for (String flow : List.of("X", "M")) {
                TradeDemand.Result r = demand.od(c(a), 2023, flow, 0);
                List<Row> got = rows("od", "reporter", a, "year", 2023, "flow", flow);
                List<String> expected = new ArrayList<>();
                for (OdPair p : r.pairs()) expected.add(p.from() + ">" + p.to() + " " + p.cargo() + " " + p.tonnes()
                        + " " + p.source());
                assertThat(got).extracting(x -> x.<String>getAs("from") + ">" + x.getAs("to") + " " + x.getAs("cargo")
                        + " " + x.getAs("tonnes") + " " + x.getAs("source")).containsExactlyInAnyOrderElementsOf(expected);
                pairs += expected.size();
            }
        }
        assertThat(pairs).isGreaterThan(5);
    }

    @Test
    void aBadRowStopsTheJobNamingFileLineAndField() throws Exception {
        List<String> lines = Files.readAllLines(SAMPLE);
        List<String> bad = new ArrayList<>(lines.subList(0, 5));
        bad.set(3, bad.get(3).replace(",2019,", ",20x9,"));
        Path f = dir.resolve("bad.csv");
        Files.write(f, bad);
        assertThatThrownBy(() -> spark_(f).tables().get("series").collectAsList())
                .satisfies(e -> assertThat(causes(e)).anyMatch(m -> m.contains("bad.csv: line 4, refYear")));
        Path notComtrade = dir.resolve("other.csv");
        Files.writeString(notComtrade, "a,b,c\n1,2,3\n");
        assertThatThrownBy(() -> spark_(notComtrade)).isInstanceOf(JobInputs.InputException.class)
                .hasMessageContaining("other.csv: line 1: not a UN Comtrade CSV header");
    }

    private static TradeJob.Aggregates spark_(Path f) { return TradeJob.aggregate(spark, List.of(f.toString()), 0); }

    private static List<String> causes(Throwable e) {
        List<String> out = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) out.add(String.valueOf(t.getMessage()));
        return out;
    }

    @Test
    void writesEveryTableAsParquet() {
        String out = dir.resolve("out").toString();
        TradeJob.Summary s = TradeJob.run(spark, List.of(SAMPLE.toString()), 0, TradeJob.Expected.present(), out, false);
        assertThat(s.records()).isEqualTo(2258);
        // the sample has annual records of KAZ, UZB, AFG and PAK for 2019-2024, both flows: 4 x 6 x 2, all full
        assertThat(s.coverage()).isEqualTo(new TradeJob.CoverageSummary(48, 48, 0, 0, 0));
        assertThat(spark.read().parquet(out + "/coverage").count()).isEqualTo(48);
        for (String t : Map.of("series", 1, "top", 1, "partners", 1, "concentration", 1, "mirror", 1, "od", 1).keySet()) {
            assertThat(spark.read().parquet(out + "/" + t).count()).as(t).isPositive();
        }
    }
}
