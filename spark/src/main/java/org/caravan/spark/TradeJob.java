package org.caravan.spark;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.caravan.demand.OdPair;
import org.caravan.trade.ComtradeRows;
import org.caravan.trade.Countries;
import org.caravan.trade.Country;
import org.caravan.trade.HsChapters;
import org.caravan.trade.TradeDemand;
import org.caravan.trade.TradeImportException;
import scala.Tuple2;

/**
 * UN Comtrade records to the aggregates the DuckDB store answers ({@code caravan trade series|top|partners|mirror|od},
 * core {@code TradeAnalytics} and {@code TradeDemand}), for every reporter, partner, year and flow at once.
 *
 * <p>Rows are read with the importer's own rules ({@link ComtradeRows}: either header, the same checks and messages;
 * a bad row stops the job naming file, line and field, as {@code trade import --strict}). The counting rules are the
 * store's: only records over all breakdowns (partner2 0, customs C00, mode 0), X and M flows; per reporter, partner,
 * period and flow the coarsest commodity level present (TOTAL, else chapters...); annual records where a year has
 * them, else its months added up. The OD step is core's {@link TradeDemand#pairs} on the Spark aggregation.
 *
 * <p>Outputs (Parquet, columns in docs/SPARK.md): {@code series}, {@code top}, {@code partners},
 * {@code concentration}, {@code mirror}, {@code od}, and {@code coverage} (which reporters, years and flows the files
 * have against those expected, {@link #coverage}).
 */
public final class TradeJob {
    private TradeJob() {}

    static final StructType FLOWS = new StructType()
            .add("file", DataTypes.StringType, false)
            .add("line", DataTypes.LongType, false)
            .add("freq", DataTypes.StringType, false)
            .add("year", DataTypes.IntegerType, false)
            .add("month", DataTypes.IntegerType, false)
            .add("reporter", DataTypes.IntegerType, false)
            .add("partner", DataTypes.IntegerType, false)
            .add("partner2", DataTypes.IntegerType, false)
            .add("flow", DataTypes.StringType, false)
            .add("cmd", DataTypes.StringType, false)
            .add("cmd_desc", DataTypes.StringType, false)
            .add("customs", DataTypes.StringType, false)
            .add("mot", DataTypes.IntegerType, false)
            .add("net_wgt_kg", DataTypes.DoubleType, true)
            .add("value_usd", DataTypes.DoubleType, false)
            .add("reporter_iso3", DataTypes.StringType, false)
            .add("partner_iso3", DataTypes.StringType, false);

    public record Summary(long records, long used, long millis, CoverageSummary coverage) {}

    /**
     * What the coverage check expects: every reporter of {@code reporters} (ISO3; empty: the reporters the files
     * have) in every year of {@code years} (empty: from the first to the last year the files have), both flows.
     */
    public record Expected(List<String> reporters, List<Integer> years) implements java.io.Serializable {
        public Expected {
            reporters = List.copyOf(reporters);
            years = List.copyOf(new java.util.TreeSet<>(years));
        }

        public static Expected present() { return new Expected(List.of(), List.of()); }

        /**
         * From the command line: reporters as ISO3 codes (checked against the country table), years as {@code 2019},
         * {@code 2019-2023} or lists of both; a bad one names the option.
         */
        public static Expected parse(List<String> reporters, List<String> years) {
            Countries countries = Countries.embedded();
            List<String> r = new ArrayList<>();
            for (String code : reporters) {
                String c = code.trim().toUpperCase(java.util.Locale.ROOT);
                if (c.isEmpty()) continue;
                if (countries.byIso3(c).isEmpty()) {
                    throw new JobInputs.InputException("--expect-reporters: unknown ISO3 code '" + code + "'");
                }
                r.add(c);
            }
            List<Integer> y = new ArrayList<>();
            for (String item : years) {
                String t = item.trim();
                if (t.isEmpty()) continue;
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})(?:-(\\d{4}))?").matcher(t);
                if (!m.matches()) {
                    throw new JobInputs.InputException("--expect-years: expected a year or a range such as "
                            + "2019-2023, got '" + item + "'");
                }
                int a = Integer.parseInt(m.group(1));
                int b = m.group(2) == null ? a : Integer.parseInt(m.group(2));
                if (b < a || b - a > 200) {
                    throw new JobInputs.InputException("--expect-years: '" + item + "' is not a range of years");
                }
                for (int k = a; k <= b; k++) y.add(k);
            }
            return new Expected(r, y);
        }
    }

    /** The coverage check's counts over the expected reporter-year-flows, and what the files have beyond them. */
    public record CoverageSummary(int expected, int fullYear, int partYear, int missing, int unexpected) {
        public String text() {
            return String.format(java.util.Locale.ROOT, "coverage: %d reporter-year-flows expected: %d full year, "
                    + "%d part year, %d missing%s", expected, fullYear, partYear, missing,
                    unexpected == 0 ? "" : "; " + unexpected + " present but not expected");
        }
    }

    /** One row per reporter, year and flow: expected ones (present or not) and present ones not expected. */
    public static final StructType COVERAGE = new StructType()
            .add("reporter", DataTypes.StringType, false)
            .add("year", DataTypes.IntegerType, false)
            .add("flow", DataTypes.StringType, false)
            .add("expected", DataTypes.BooleanType, false)
            .add("status", DataTypes.StringType, false)
            .add("months", DataTypes.IntegerType, false)
            .add("covers", DataTypes.StringType, false)
            .add("records", DataTypes.LongType, false)
            .add("partners", DataTypes.IntegerType, false);

    /**
     * Which reporters, years and flows the counted records (those the tables use: over all breakdowns, X and M) have,
     * against {@code expected}. Per reporter, year and flow: {@code full year} when there is an annual record (as the
     * store, which then uses the annual ones) or monthly records for all twelve months, {@code part year} when only
     * some months are there, {@code missing} when nothing is; {@code covers} says it in the store's words
     * ({@link org.caravan.trade.TradeAnalytics#coversMonths}: "full year", "January–November"...), the months counted
     * over all partners together. The table is small (reporters x years x 2) and is built on the driver.
     */
    public static Dataset<Row> coverage(SparkSession spark, Expected expected) {
        List<Row> present = spark.sql("SELECT reporter_iso3, year, flow, max(CASE WHEN freq = 'A' THEN 1 ELSE 0 END) "
                + "AS annual, sort_array(collect_set(CASE WHEN freq = 'M' THEN month END)) AS months, count(*) AS "
                + "records, CAST(count(DISTINCT partner_iso3) AS INT) AS partners FROM t GROUP BY 1, 2, 3")
                .collectAsList();
        Map<String, Row> byKey = new TreeMap<>();
        java.util.TreeSet<String> reporters = new java.util.TreeSet<>(expected.reporters());
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>(expected.years());
        java.util.TreeSet<String> seenReporters = new java.util.TreeSet<>();
        java.util.TreeSet<Integer> seenYears = new java.util.TreeSet<>();
        for (Row r : present) {
            byKey.put(r.getString(0) + "|" + r.getInt(1) + "|" + r.getString(2), r);
            seenReporters.add(r.getString(0));
            seenYears.add(r.getInt(1));
        }
        if (reporters.isEmpty()) reporters.addAll(seenReporters);
        if (years.isEmpty() && !seenYears.isEmpty()) {
            for (int y = seenYears.first(); y <= seenYears.last(); y++) years.add(y);
        }
        List<Row> out = new ArrayList<>();
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (String r : reporters) {
            for (int y : years) {
                for (String f : List.of("X", "M")) {
                    String k = r + "|" + y + "|" + f;
                    listed.add(k);
                    out.add(coverageRow(r, y, f, true, byKey.get(k)));
                }
            }
        }
        byKey.forEach((k, row) -> {
            if (!listed.contains(k)) out.add(coverageRow(row.getString(0), row.getInt(1), row.getString(2), false, row));
        });
        return spark.createDataFrame(out, COVERAGE);
    }

    private static Row coverageRow(String reporter, int year, String flow, boolean expected, Row present) {
        if (present == null) return RowFactory.create(reporter, year, flow, expected, "missing", 0, "no records", 0L, 0);
        List<Integer> months = present.getList(4);
        boolean annual = present.getInt(3) == 1;
        int n = annual ? 12 : months.size();
        String covers = annual ? "full year" : org.caravan.trade.TradeAnalytics.coversMonths(months);
        return RowFactory.create(reporter, year, flow, expected, n == 12 ? "full year" : "part year", n, covers,
                present.getLong(5), present.getInt(6));
    }

    /** Counts of a coverage table. */
    public static CoverageSummary summarise(List<Row> coverage) {
        int expected = 0, full = 0, part = 0, missing = 0, unexpected = 0;
        for (Row r : coverage) {
            if (!r.getBoolean(3)) {
                unexpected++;
                continue;
            }
            expected++;
            switch (r.getString(4)) {
                case "full year" -> full++;
                case "part year" -> part++;
                default -> missing++;
            }
        }
        return new CoverageSummary(expected, full, part, missing, unexpected);
    }

    /** The aggregate tables, by output name. */
    public record Aggregates(Dataset<Row> flows, Map<String, Dataset<Row>> tables) {}

    public static Summary run(SparkSession spark, List<String> files, double minTonnes, Expected expected, String out,
                              boolean overwrite) {
        long start = System.nanoTime();
        Aggregates a = aggregate(spark, files, minTonnes);
        Dataset<Row> flows = a.flows().cache();
        long records = flows.count();
        for (Map.Entry<String, Dataset<Row>> e : a.tables().entrySet()) {
            Sparks.write(e.getValue(), out + "/" + e.getKey(), overwrite);
        }
        Dataset<Row> coverage = coverage(spark, expected);
        CoverageSummary cs = summarise(coverage.collectAsList());
        Sparks.write(coverage, out + "/coverage", overwrite);
        long used = spark.table("t").count();
        flows.unpersist();
        return new Summary(records, used, (System.nanoTime() - start) / 1_000_000, cs);
    }

    /** Reads {@code files} and defines every aggregate (lazily: nothing runs until a table is read or written). */
    public static Aggregates aggregate(SparkSession spark, List<String> files, double minTonnes) {
        Dataset<Row> flows = null;
        for (String arg : files) {
            boolean isParquet = arg.toLowerCase(java.util.Locale.ROOT).matches(".*\\.parquet/?$");
            // a CSV argument may be a glob or a directory: each file is read on its own, so its header line is its
            // own and its messages count its own lines (Spark's textFile over a glob would number them all at once)
            for (String f : isParquet ? List.of(arg) : csvFiles(spark, arg)) {
                Dataset<Row> d = isParquet ? parquet(spark, f) : csv(spark, f);
                flows = flows == null ? d : flows.unionAll(d);
            }
        }
        if (flows == null) throw new IllegalArgumentException("FILE: give at least one Comtrade file");
        spark.udf().register("hs_cargo", (UDF1<String, String>) c -> HsChapters.embedded().cargo(c).code(),
                DataTypes.StringType);
        spark.udf().register("hs_title", (UDF1<String, String>) c -> HsChapters.embedded().title(c),
                DataTypes.StringType);
        flows.createOrReplaceTempView("flows");
        Map<String, Dataset<Row>> t = new java.util.LinkedHashMap<>();
        // the records counted: over all breakdowns, X and M; lvl 0 for TOTAL, else the code's digits
        spark.sql("SELECT *, CASE WHEN cmd = 'TOTAL' THEN 0 ELSE length(cmd) END AS lvl FROM flows "
                + "WHERE partner2 = 0 AND customs = 'C00' AND mot = 0 AND flow IN ('X', 'M')")
                .cache().createOrReplaceTempView("t"); // read by every table: parsed once
        // one value per reporter, partner country, year and flow, each dollar once (TradeAnalytics.totals)
        spark.sql("WITH b AS (SELECT reporter_iso3, partner, year, month, freq, flow, min(lvl) AS lvl FROM t "
                + "GROUP BY reporter_iso3, partner, year, month, freq, flow), "
                + "s AS (SELECT t.reporter_iso3 AS r, t.partner_iso3 AS p, t.year, t.month, t.freq, t.flow, "
                + "sum(t.value_usd) AS v FROM t JOIN b USING (reporter_iso3, partner, year, month, freq, flow, lvl) "
                + "GROUP BY 1, 2, 3, 4, 5, 6) "
                + "SELECT r, p, year, flow, CASE WHEN max(CASE WHEN freq = 'A' THEN 1 ELSE 0 END) = 1 "
                + "THEN sum(CASE WHEN freq = 'A' THEN v END) ELSE sum(v) END AS usd, "
                + "CASE WHEN max(CASE WHEN freq = 'A' THEN 1 ELSE 0 END) = 1 THEN 12 ELSE CAST(count(DISTINCT month) AS INT) END "
                + "AS months FROM s GROUP BY r, p, year, flow").cache().createOrReplaceTempView("amounts");
        t.put("series", spark.sql("WITH y AS (SELECT r AS reporter, p AS partner, year, "
                + "max(CASE WHEN flow = 'X' THEN usd END) AS exports_usd, "
                + "max(CASE WHEN flow = 'X' THEN months END) AS exports_months, "
                + "max(CASE WHEN flow = 'M' THEN usd END) AS imports_usd, "
                + "max(CASE WHEN flow = 'M' THEN months END) AS imports_months FROM amounts GROUP BY 1, 2, 3), "
                + "z AS (SELECT *, CASE WHEN exports_months IS NULL THEN imports_months WHEN imports_months IS NULL "
                + "THEN exports_months ELSE least(exports_months, imports_months) END AS months, "
                + "coalesce(exports_usd, 0) + coalesce(imports_usd, 0) AS turnover_usd, "
                + "coalesce(exports_usd, 0) - coalesce(imports_usd, 0) AS balance_usd FROM y) "
                + "SELECT reporter, partner, year, months, exports_usd, imports_usd, turnover_usd, balance_usd, "
                + "CASE WHEN lag(year) OVER w = year - 1 AND lag(months) OVER w = 12 AND months = 12 "
                + "AND lag(turnover_usd) OVER w > 0 THEN 100.0 * (turnover_usd - lag(turnover_usd) OVER w) "
                + "/ lag(turnover_usd) OVER w END AS growth_pct, exports_months, imports_months "
                + "FROM z WINDOW w AS (PARTITION BY reporter, partner ORDER BY year)"));
        t.put("mirror", spark.sql("WITH x AS (SELECT * FROM amounts WHERE flow = 'X'), "
                + "m AS (SELECT * FROM amounts WHERE flow = 'M') "
                + "SELECT coalesce(x.year, m.year) AS year, coalesce(x.r, m.p) AS exporter, "
                + "coalesce(x.p, m.r) AS importer, x.usd AS exporter_usd, x.months AS exporter_months, "
                + "m.usd AS importer_usd, m.months AS importer_months, m.usd - x.usd AS gap_usd, "
                + "CASE WHEN x.usd > 0 THEN 100 * (m.usd - x.usd) / x.usd END AS gap_pct "
                + "FROM x FULL OUTER JOIN m ON x.r = m.p AND x.p = m.r AND x.year = m.year "
                + "WHERE coalesce(x.r, m.p) NOT IN ('W00', 'EUR') AND coalesce(x.p, m.r) NOT IN ('W00', 'EUR')"));
        // partner shares over individual partners (World and the EU group left out) and their concentration
        spark.sql("SELECT r AS reporter, year, flow, p AS partner, usd AS value_usd, months, "
                + "CASE WHEN sum(usd) OVER g > 0 THEN 100 * usd / sum(usd) OVER g ELSE 0 END AS share_pct, "
                + "row_number() OVER (PARTITION BY r, year, flow ORDER BY usd DESC, p) AS rank "
                + "FROM amounts WHERE p NOT IN ('W00', 'EUR') WINDOW g AS (PARTITION BY r, year, flow)")
                .createOrReplaceTempView("partner_shares");
        t.put("partners", spark.table("partner_shares"));
        t.put("concentration", spark.sql("WITH c AS (SELECT reporter, year, flow, count(*) AS partners, "
                + "sum(value_usd) AS total_usd, sum(share_pct * share_pct) AS hhi, max(share_pct) AS top_share_pct, "
                + "sum(CASE WHEN rank <= 3 THEN share_pct ELSE 0 END) AS top3_share_pct, min(months) AS months "
                + "FROM partner_shares GROUP BY 1, 2, 3) "
                + "SELECT c.*, CASE WHEN partners <= 1 THEN 1.0 ELSE (hhi / 10000 - 1.0 / partners) "
                + "/ (1 - 1.0 / partners) END AS hhi_normalised, "
                + "CASE WHEN hhi < 1500 THEN 'unconcentrated' WHEN hhi <= 2500 THEN 'moderately concentrated' "
                + "ELSE 'highly concentrated' END AS concentration, a.usd AS world_usd FROM c LEFT JOIN amounts a "
                + "ON a.r = c.reporter AND a.p = 'W00' AND a.year = c.year AND a.flow = c.flow"));
        t.put("top", top(spark));
        t.put("od", od(spark, minTonnes));
        return new Aggregates(flows, t);
    }

    /**
     * Top products (TradeAnalytics.top) for every reporter, partner (and {@code WLD}: the World's own records, else
     * the sum over individual partners), year, flow and level 2, 4 and 6, ranked by value; a level finer than the
     * records have is absent, a coarser one is summed from the finest level present above it.
     */
    private static Dataset<Row> top(SparkSession spark) {
        return spark.sql("WITH we AS (SELECT reporter_iso3 AS r, year, flow, max(CASE WHEN partner = 0 AND "
                + "cmd <> 'TOTAL' THEN 1 ELSE 0 END) AS has_world FROM t GROUP BY 1, 2, 3), "
                + "scoped AS (SELECT reporter_iso3 AS r, partner_iso3 AS scope, year, flow, freq, cmd, lvl, value_usd, "
                + "net_wgt_kg FROM t UNION ALL SELECT t.reporter_iso3, 'WLD', t.year, t.flow, t.freq, t.cmd, t.lvl, "
                + "t.value_usd, t.net_wgt_kg FROM t JOIN we ON t.reporter_iso3 = we.r AND t.year = we.year "
                + "AND t.flow = we.flow WHERE (we.has_world = 1 AND t.partner = 0) OR (we.has_world = 0 "
                + "AND t.partner <> 0 AND t.partner_iso3 NOT IN ('W00', 'EUR'))), "
                + "fq AS (SELECT r, scope, year, flow, CASE WHEN max(CASE WHEN freq = 'A' THEN 1 ELSE 0 END) = 1 "
                + "THEN 'A' ELSE 'M' END AS use_freq FROM scoped GROUP BY 1, 2, 3, 4), "
                + "sf AS (SELECT s.* FROM scoped s JOIN fq ON s.r = fq.r AND s.scope = fq.scope AND s.year = fq.year "
                + "AND s.flow = fq.flow AND s.freq = fq.use_freq), "
                + "lv AS (SELECT r, scope, year, flow, l.level, min(lvl) AS use_level FROM sf "
                + "CROSS JOIN (SELECT explode(array(2, 4, 6)) AS level) l WHERE cmd <> 'TOTAL' AND lvl >= l.level "
                + "GROUP BY 1, 2, 3, 4, 5), "
                + "prod AS (SELECT sf.r, sf.scope, sf.year, sf.flow, lv.level, lv.use_level, "
                + "substr(sf.cmd, 1, lv.level) AS code, sum(sf.value_usd) AS value_usd, sum(sf.net_wgt_kg) AS kg, "
                + "count_if(sf.net_wgt_kg > 0) AS weighed FROM sf JOIN lv ON sf.r = lv.r AND sf.scope = lv.scope "
                + "AND sf.year = lv.year AND sf.flow = lv.flow AND sf.lvl = lv.use_level WHERE sf.cmd <> 'TOTAL' "
                + "GROUP BY 1, 2, 3, 4, 5, 6, 7), "
                + "tot AS (SELECT r, scope, year, flow, sum(value_usd) AS total_record FROM sf WHERE cmd = 'TOTAL' "
                + "GROUP BY 1, 2, 3, 4), "
                + "descr AS (SELECT cmd, min_by(cmd_desc, struct(file, line)) AS description FROM flows "
                + "WHERE cmd_desc <> '' GROUP BY cmd), "
                + "p AS (SELECT prod.*, CASE WHEN tot.total_record IS NULL OR tot.total_record = 0 THEN "
                + "sum(value_usd) OVER (PARTITION BY prod.r, prod.scope, prod.year, prod.flow, level) "
                + "ELSE tot.total_record END AS total_usd FROM prod LEFT JOIN tot ON prod.r = tot.r "
                + "AND prod.scope = tot.scope AND prod.year = tot.year AND prod.flow = tot.flow) "
                + "SELECT p.r AS reporter, p.scope AS partner, p.year, p.flow, p.level, p.use_level AS from_level, "
                + "row_number() OVER (PARTITION BY p.r, p.scope, p.year, p.flow, p.level ORDER BY p.value_usd DESC, "
                + "p.code) AS rank, p.code, coalesce(d.description, hs_title(p.code)) AS description, p.value_usd, "
                + "CASE WHEN p.total_usd > 0 THEN 100 * p.value_usd / p.total_usd ELSE 0 END AS share_pct, "
                + "CASE WHEN p.weighed > 0 THEN p.kg / 1000 END AS tonnes, hs_cargo(p.code) AS cargo, p.total_usd "
                + "FROM p LEFT JOIN descr d ON d.cmd = p.code");
    }

    static final StructType OD = new StructType()
            .add("reporter", DataTypes.StringType, false)
            .add("year", DataTypes.IntegerType, false)
            .add("flow", DataTypes.StringType, false)
            .add("from", DataTypes.StringType, false)
            .add("to", DataTypes.StringType, false)
            .add("cargo", DataTypes.StringType, false)
            .add("tonnes", DataTypes.DoubleType, false)
            .add("source", DataTypes.StringType, false);

    /**
     * OD demand (TradeDemand.od) for every reporter with a hub, year and flow: net weight by partner and HS chapter
     * aggregated here, the pairs built by core's {@link TradeDemand#pairs}.
     */
    private static Dataset<Row> od(SparkSession spark, double minTonnes) {
        Dataset<Row> byChapter = spark.sql("WITH base AS (SELECT * FROM t WHERE partner <> 0 "
                + "AND partner_iso3 NOT IN ('W00', 'EUR') AND cmd <> 'TOTAL'), "
                + "fq AS (SELECT reporter_iso3, year, flow, CASE WHEN max(CASE WHEN freq = 'A' THEN 1 ELSE 0 END) = 1 "
                + "THEN 'A' ELSE 'M' END AS use_freq FROM base GROUP BY 1, 2, 3), "
                + "f AS (SELECT b.* FROM base b JOIN fq USING (reporter_iso3, year, flow) WHERE b.freq = fq.use_freq), "
                + "m AS (SELECT reporter_iso3, year, flow, partner, min(lvl) AS lvl FROM f GROUP BY 1, 2, 3, 4) "
                + "SELECT reporter_iso3, year, flow, partner, substr(cmd, 1, 2) AS chapter, "
                + "coalesce(sum(net_wgt_kg), 0) AS kg, coalesce(sum(CASE WHEN net_wgt_kg IS NULL OR net_wgt_kg = 0 "
                + "THEN value_usd END), 0) AS no_weight_usd FROM f JOIN m USING (reporter_iso3, year, flow, partner, lvl) "
                + "GROUP BY 1, 2, 3, 4, 5");
        JavaRDD<Row> rows = byChapter.toJavaRDD()
                .filter(r -> TradeDemand.hubs().containsKey(r.getString(0)))
                .groupBy(r -> r.getString(0) + "|" + r.getInt(1) + "|" + r.getString(2))
                .flatMap(g -> odRows(g, minTonnes));
        return spark.createDataFrame(rows, OD);
    }

    private static Iterator<Row> odRows(Tuple2<String, Iterable<Row>> group, double minTonnes) {
        Map<Integer, Map<String, double[]>> byPartner = new TreeMap<>();
        String iso3 = null;
        int year = 0;
        String flow = null;
        for (Row r : group._2()) {
            iso3 = r.getString(0);
            year = r.getInt(1);
            flow = r.getString(2);
            byPartner.computeIfAbsent(r.getInt(3), k -> new TreeMap<>())
                    .put(r.getString(4), new double[] {r.getDouble(5), r.getDouble(6)});
        }
        Countries countries = Countries.embedded();
        Country reporter = countries.byIso3(iso3).orElseThrow();
        List<Row> out = new ArrayList<>();
        for (OdPair p : TradeDemand.pairs(reporter, year, flow, byPartner, minTonnes, countries).pairs()) {
            out.add(RowFactory.create(iso3, year, flow, p.from(), p.to(), p.cargo(), p.tonnes(), p.source()));
        }
        return out.iterator();
    }

    // ---- reading ----

    /**
     * The files a CSV argument names on any Hadoop file system (a path, {@code hdfs://}, {@code s3a://}): itself, the
     * files a glob ({@code comtrade/2023/*.csv.gz}) matches, or the files of a directory (not hidden ones, nor
     * Hadoop's {@code _SUCCESS}), sorted; a glob or directory with none is refused naming it.
     */
    static List<String> csvFiles(SparkSession spark, String arg) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(arg);
            org.apache.hadoop.fs.FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            org.apache.hadoop.fs.FileStatus[] matched = fs.globStatus(p);
            if (matched == null || matched.length == 0) {
                if (!arg.matches(".*[*?\\[{].*")) return List.of(arg); // a plain path: textFile names what is wrong
                throw new JobInputs.InputException(arg + ": no file matches");
            }
            List<String> out = new ArrayList<>();
            for (org.apache.hadoop.fs.FileStatus st : matched) {
                if (st.isDirectory()) {
                    for (org.apache.hadoop.fs.FileStatus f : fs.listStatus(st.getPath())) {
                        String name = f.getPath().getName();
                        if (f.isFile() && !name.startsWith(".") && !name.startsWith("_")) out.add(f.getPath().toString());
                    }
                } else {
                    out.add(st.getPath().toString());
                }
            }
            if (out.isEmpty()) throw new JobInputs.InputException(arg + ": no file in it");
            java.util.Collections.sort(out);
            // a single plain path keeps the name it was given (messages name the file as the user wrote it)
            return matched.length == 1 && !matched[0].isDirectory() && !arg.matches(".*[*?\\[{].*") ? List.of(arg) : out;
        } catch (IOException e) {
            throw new JobInputs.InputException(arg + ": cannot list (" + e.getMessage() + ")");
        }
    }

    private static Dataset<Row> csv(SparkSession spark, String file) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<String> lines = jsc.textFile(file);
        List<String> first = lines.take(1);
        if (first.isEmpty()) throw new JobInputs.InputException(file + ": empty file, no Comtrade header");
        List<String> header = Arrays.asList(cells(stripBom(first.get(0)), file, 1));
        try {
            new ComtradeRows(file, header); // refuses a file that is no Comtrade CSV before any task starts
        } catch (TradeImportException e) {
            throw new JobInputs.InputException(e.getMessage());
        }
        JavaRDD<Row> rows = lines.zipWithIndex().mapPartitions(it -> {
            ComtradeRows parser = new ComtradeRows(file, header);
            Countries countries = Countries.embedded();
            List<Row> out = new ArrayList<>();
            while (it.hasNext()) {
                Tuple2<String, Long> l = it.next();
                long line = l._2() + 1;
                if (line == 1 || l._1().isBlank()) continue;
                String[] f = cells(l._1(), file, line);
                out.add(row(parse(parser, f, line), file, line, countries));
            }
            return out.iterator();
        });
        return spark.createDataFrame(rows, FLOWS);
    }

    /** A Parquet file with the Comtrade columns: each record goes through the same row checks ("line" = record). */
    private static Dataset<Row> parquet(SparkSession spark, String file) {
        Dataset<Row> in = spark.read().parquet(file);
        List<String> header = Arrays.asList(in.columns());
        try {
            new ComtradeRows(file, header);
        } catch (TradeImportException e) {
            throw new JobInputs.InputException(e.getMessage().replace("line 1", "its columns"));
        }
        JavaRDD<Row> rows = in.toJavaRDD().zipWithIndex().mapPartitions(it -> {
            ComtradeRows parser = new ComtradeRows(file + " (record numbers)", header);
            // a Parquet file has no lines: its messages count records (1 = the first), said in the name
            Countries countries = Countries.embedded();
            List<Row> out = new ArrayList<>();
            while (it.hasNext()) {
                Tuple2<Row, Long> r = it.next();
                String[] f = new String[header.size()];
                for (int i = 0; i < f.length; i++) f[i] = r._1().isNullAt(i) ? "" : r._1().get(i).toString();
                long record = r._2() + 1;
                out.add(row(parse(parser, f, record), file, record, countries));
            }
            return out.iterator();
        });
        return spark.createDataFrame(rows, FLOWS);
    }

    private static ComtradeRows.Row parse(ComtradeRows parser, String[] f, long line) {
        try {
            return parser.parse(f, f.length, line);
        } catch (TradeImportException e) {
            throw new JobInputs.InputException(e.getMessage());
        }
    }

    private static Row row(ComtradeRows.Row r, String file, long line, Countries countries) {
        return RowFactory.create(file, line, r.freq(), r.year(), r.month(), r.reporter(), r.partner(), r.partner2(),
                r.flow(), r.cmd(), r.cmdDescription(), r.customs(), r.mot(), r.netWgtKg(), r.valueUsd(),
                countries.byCode(r.reporter()).iso3(), r.partner() == 0 ? "W00" : countries.byCode(r.partner()).iso3());
    }

    private static final CsvMapper CSV = new CsvMapper();

    /** One CSV line's cells (quotes as RFC 4180; a record must not span lines). */
    static String[] cells(String line, String file, long n) {
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(line)) {
            return it.hasNext() ? it.next() : new String[0];
        } catch (IOException | RuntimeException e) {
            throw new JobInputs.InputException(file + ": line " + n + ": not a CSV row (" + e.getMessage() + ")");
        }
    }

    private static String stripBom(String s) { return s.startsWith("\uFEFF") ? s.substring(1) : s; }
}
