package org.caravan.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.caravan.cost.CargoProfile;
import org.caravan.demand.OdPair;
import org.caravan.place.RouteParameter;
import org.caravan.place.RouteParameters;
import org.caravan.place.RouteQuery;
import org.caravan.routing.InvalidRequestException;
import org.caravan.routing.Plan;
import org.caravan.routing.PlanOptions;
import org.caravan.routing.Planner;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.scenario.ScenarioBase;
import org.caravan.scenario.ScenarioComparison;
import org.caravan.scenario.ScenarioComparison.Outcome;
import org.caravan.scenario.ScenarioRun;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Many scenarios × many OD pairs, each pair on the baseline and under each scenario, as {@code caravan scenario run}
 * compares them (the core's {@link ScenarioComparison} rules: same request, same plan options, the scenario's
 * restrictions added; {@link Outcome#of} and {@link ScenarioComparison#change} classify). The baseline of each pair
 * is routed once for the whole sweep (it is the same under every scenario) and broadcast; then every task takes one
 * scenario and a batch of OD pairs and routes them with the executor's own {@link ScenarioRun}.
 *
 * <p>Writes {@code OUT/pairs} (one row per scenario and OD pair) and {@code OUT/totals} (one row per scenario: the
 * tonne-weighted totals of {@link ScenarioComparison.Totals}) as Parquet; docs/SPARK.md lists the columns.
 */
public final class ScenarioSweep {
    private ScenarioSweep() {}

    /**
     * The sweep's route options and batch size.
     *
     * @param route      route parameters by their name in the core's table ({@link RouteParameters}: objective,
     *                   tonnes, modes, avoid, close, via, include_planned, max_risk, penalty, depart, samples,
     *                   seed...), each as the text given on the command line; the same table and the same parser
     *                   ({@link RouteQuery.Builder#parameter}) as {@code caravan scenario run} and the HTTP API
     * @param odsPerTask OD pairs per task (per scenario): the unit of work an executor takes
     */
    public record Settings(Map<String, List<String>> route, int odsPerTask) implements Serializable {
        /** The groups of the table the sweep takes: those of {@code caravan scenario run}. */
        public static final RouteParameter.Group[] GROUPS = {RouteParameter.Group.QUERY, RouteParameter.Group.RELIABILITY};

        public Settings {
            if (odsPerTask < 1) throw new IllegalArgumentException("--ods-per-task must be at least 1, got " + odsPerTask);
            Map<String, List<String>> copy = new LinkedHashMap<>();
            List<RouteParameter> allowed = RouteParameters.of(GROUPS);
            for (Map.Entry<String, List<String>> e : route.entrySet()) {
                RouteParameter p = RouteParameters.byName(e.getKey()).orElse(null);
                if (p == null || !allowed.contains(p)) {
                    throw new IllegalArgumentException("route parameter '" + e.getKey() + "' is not one of a scenario"
                            + " sweep's (" + allowed.stream().map(RouteParameter::name).toList() + ")");
                }
                copy.put(e.getKey(), List.copyOf(e.getValue()));
            }
            route = Collections.unmodifiableMap(copy);
        }

        public static Settings defaults() { return new Settings(Map.of(), 64); }

        /** Settings from {@code name, value, name, value...} (table names: "max_risk", "AF,CN" for lists). */
        public static Settings of(int odsPerTask, String... nameValues) {
            Map<String, List<String>> m = new LinkedHashMap<>();
            for (int i = 0; i < nameValues.length; i += 2) m.put(nameValues[i], List.of(nameValues[i + 1]));
            return new Settings(m, odsPerTask);
        }

        /**
         * The request template applied to every pair: the CLI's {@code RouteQuery}, built from the same table by
         * the same parser; a bad value is refused naming its parameter.
         */
        public RouteQuery template() {
            RouteQuery.Builder b = RouteQuery.builder();
            try {
                route.forEach(b::parameter);
                RouteQuery q = b.build();
                q.planOptions();
                return q;
            } catch (InvalidRequestException e) {
                // named as the option the user typed, as the CLI does ("--max-risk: expected 0 to 1, got 2")
                String name = e.field() == null ? "" : "--" + e.field().replace('_', '-') + ": ";
                throw new IllegalArgumentException(name + e.getMessage(), e);
            }
        }
    }

    /**
     * One side of a pair: core's {@link Outcome} (held as its fields: the record is not Serializable) plus what a
     * sweep reports beyond it, the distance and the crossings.
     */
    record Side(boolean found, double usd, double hours, double co2Kg, double risk, String corridor,
                List<String> countries, String message, double km, List<String> crossings) implements Serializable {
        static Side of(Outcome o, double km, List<String> crossings) {
            return new Side(o.found(), o.usd(), o.hours(), o.co2Kg(), o.risk(), o.corridor(),
                    List.copyOf(o.countries()), o.message(), km, List.copyOf(crossings));
        }

        Outcome outcome() { return new Outcome(found, usd, hours, co2Kg, risk, corridor, countries, message); }

        static Side plan(Planner planner, RouteRequest request, PlanOptions options) {
            try {
                Plan p = planner.plan(request, options);
                Route r = p.found() ? p.routes().get(0) : null;
                return of(Outcome.of(p), r == null ? Double.NaN : r.totals().km(),
                        r == null ? List.of() : r.crossingNames());
            } catch (InvalidRequestException e) {
                // as the comparison does: a request whose own ends are closed or avoided has no route, with why
                return of(new Outcome(false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "", List.of(),
                        e.getMessage()), Double.NaN, List.of());
            }
        }
    }

    /** A pair's baseline, resolved once: request ids, unit and shipment tonnes for the totals. */
    record Baseline(String fromId, String toId, String unit, double shipmentTonnes, Side side) implements Serializable {}

    static RouteRequest request(ScenarioBase base, OdPair od, RouteQuery template) {
        return template.toBuilder().from(od.from()).to(od.to())
                .cargo(od.cargo() != null ? od.cargo() : template.cargo()).build()
                .resolve(base.network(), base.costs(), base.places());
    }

    static Baseline baseline(ScenarioBase base, Planner planner, OdPair od, RouteQuery template, PlanOptions options) {
        RouteRequest request = request(base, od, template);
        CargoProfile profile = base.costs().profile(request.cargo()).orElseThrow();
        double shipment = template.tonnes() != null ? template.tonnes() : profile.tonnesPerUnit();
        return new Baseline(request.from(), request.to(), profile.unit(), shipment,
                Side.plan(planner, request, options));
    }

    public static final StructType PAIRS = sideColumns(sideColumns(new StructType()
            .add("scenario", DataTypes.StringType, false)
            .add("od", DataTypes.IntegerType, false)
            .add("from", DataTypes.StringType, false)
            .add("to", DataTypes.StringType, false)
            .add("cargo", DataTypes.StringType, false)
            .add("tonnes", DataTypes.DoubleType, false)
            .add("from_id", DataTypes.StringType, false)
            .add("to_id", DataTypes.StringType, false)
            .add("unit", DataTypes.StringType, false)
            .add("shipment_tonnes", DataTypes.DoubleType, false)
            .add("change", DataTypes.StringType, false), "baseline"), "scenario");

    private static StructType sideColumns(StructType t, String p) {
        return t.add(p + "_found", DataTypes.BooleanType, false)
                .add(p + "_usd", DataTypes.DoubleType, true)
                .add(p + "_hours", DataTypes.DoubleType, true)
                .add(p + "_km", DataTypes.DoubleType, true)
                .add(p + "_co2_kg", DataTypes.DoubleType, true)
                .add(p + "_risk", DataTypes.DoubleType, true)
                .add(p + "_corridor", DataTypes.StringType, false)
                .add(p + "_countries", DataTypes.createArrayType(DataTypes.StringType, false), false)
                .add(p + "_crossings", DataTypes.createArrayType(DataTypes.StringType, false), false)
                .add(p + "_no_route", DataTypes.StringType, true);
    }

    private static void side(List<Object> v, Side s) {
        v.add(s.found());
        v.add(num(s.usd()));
        v.add(num(s.hours()));
        v.add(num(s.km()));
        v.add(num(s.co2Kg()));
        v.add(num(s.risk()));
        v.add(s.corridor());
        v.add(s.countries().toArray(String[]::new)); // a Java array: Spark's Row takes arrays, not java.util.List
        v.add(s.crossings().toArray(String[]::new));
        v.add(s.found() ? null : s.message());
    }

    private static Double num(double d) { return Double.isNaN(d) ? null : d; }

    static Row row(String scenario, int od, OdPair pair, Baseline b, Side s) {
        List<Object> v = new ArrayList<>(List.of(scenario, od, pair.from(), pair.to(), pair.cargo(), pair.tonnes(),
                b.fromId(), b.toId(), b.unit(), b.shipmentTonnes(),
                ScenarioComparison.change(b.side().outcome(), s.outcome())));
        side(v, b.side());
        side(v, s);
        return RowFactory.create(v.toArray());
    }

    /** What a sweep did, for the driver's summary line and the benchmark. */
    public record Summary(int scenarios, int ods, long evaluations, long millis) {
        public double evaluationsPerSecond() { return millis == 0 ? Double.NaN : evaluations * 1000.0 / millis; }
    }

    /**
     * Runs the sweep and writes {@code out/pairs} and {@code out/totals}.
     *
     * @param out a directory any Spark file system can take (a local path, {@code hdfs://}, {@code s3a://}...)
     */
    public static Summary run(SparkSession spark, JobInputs inputs, Settings settings, String out, boolean overwrite) {
        long start = System.nanoTime();
        Dataset<Row> pairs = pairs(spark, inputs, settings).cache();
        Sparks.write(pairs, out + "/pairs", overwrite);
        Sparks.write(totals(pairs), out + "/totals", overwrite);
        pairs.unpersist();
        return new Summary(inputs.scenarioCount(), inputs.odCount(),
                (long) inputs.scenarioCount() * inputs.odCount(), (System.nanoTime() - start) / 1_000_000);
    }

    /** The per-scenario, per-OD rows, not yet written (the tests and the benchmark read them directly). */
    public static Dataset<Row> pairs(SparkSession spark, JobInputs inputs, Settings settings) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<JobInputs> in = jsc.broadcast(inputs);
        int n = inputs.odCount();
        List<int[]> batches = new ArrayList<>();
        for (int lo = 0; lo < n; lo += settings.odsPerTask()) batches.add(new int[] {lo, Math.min(n, lo + settings.odsPerTask())});
        // 1. baselines: one per OD pair for the whole sweep
        List<Baseline> baselines = jsc.parallelize(batches, Math.max(1, batches.size()))
                .flatMap(range -> baselines(in.value(), settings, range[0], range[1]))
                .collect();
        Broadcast<List<Baseline>> base = jsc.broadcast(new ArrayList<>(baselines));
        // 2. every scenario × OD batch is one task, scenario-major so an executor reuses its overlay
        List<int[]> tasks = new ArrayList<>();
        for (int s = 0; s < inputs.scenarioCount(); s++) {
            for (int[] r : batches) tasks.add(new int[] {s, r[0], r[1]});
        }
        JavaRDD<Row> rows = jsc.parallelize(tasks, Math.max(1, tasks.size()))
                .flatMap(t -> evaluate(in.value(), base.value(), settings, t[0], t[1], t[2]));
        return spark.createDataFrame(rows, PAIRS);
    }

    private static Iterator<Baseline> baselines(JobInputs in, Settings settings, int lo, int hi) {
        ScenarioBase base = in.base();
        Planner planner = new Planner(base.router());
        RouteQuery template = settings.template();
        PlanOptions options = template.planOptions();
        List<Baseline> out = new ArrayList<>();
        for (int i = lo; i < hi; i++) out.add(baseline(base, planner, in.od(i).pair(), template, options));
        return out.iterator();
    }

    private static Iterator<Row> evaluate(JobInputs in, List<Baseline> baselines, Settings settings, int s, int lo,
                                          int hi) {
        ScenarioRun run = in.run(s);
        ScenarioBase base = in.base();
        Planner planner = new Planner(run.router());
        RouteQuery template = settings.template();
        PlanOptions options = template.planOptions();
        List<Row> out = new ArrayList<>();
        for (int i = lo; i < hi; i++) {
            OdPair od = in.od(i).pair();
            Side side = Side.plan(planner, run.restrict(request(base, od, template)), options);
            out.add(row(run.scenario().id(), i + 1, od, baselines.get(i), side));
        }
        return out.iterator();
    }

    /**
     * Per scenario, {@link ScenarioComparison.Totals}: over the pairs routed on both sides, USD and CO2 summed for
     * the year's tonnes (each pair's result × tonnes / shipment tonnes), hours the tonne-weighted mean; lost and
     * gained pairs counted apart.
     */
    public static Dataset<Row> totals(Dataset<Row> pairs) {
        var both = col("baseline_found").and(col("scenario_found"));
        var factor = col("tonnes").divide(col("shipment_tonnes"));
        return pairs.groupBy("scenario").agg(
                        count(lit(1)).cast("int").as("pairs"),
                        sum(when(both, 1).otherwise(0)).cast("int").as("compared"),
                        sum(when(col("baseline_found").and(col("scenario_found").unary_$bang()), 1).otherwise(0))
                                .cast("int").as("lost"),
                        sum(when(col("scenario_found").and(col("baseline_found").unary_$bang()), 1).otherwise(0))
                                .cast("int").as("gained"),
                        sum(when(both, col("tonnes")).otherwise(0.0)).as("tonnes"),
                        sum(when(both, factor.multiply(col("baseline_usd"))).otherwise(0.0)).as("baseline_usd"),
                        sum(when(both, factor.multiply(col("scenario_usd"))).otherwise(0.0)).as("scenario_usd"),
                        sum(when(both, col("tonnes").multiply(col("baseline_hours"))).otherwise(0.0)).as("b_th"),
                        sum(when(both, col("tonnes").multiply(col("scenario_hours"))).otherwise(0.0)).as("s_th"),
                        sum(when(both, factor.multiply(col("baseline_co2_kg"))).otherwise(0.0)).as("baseline_co2_kg"),
                        sum(when(both, factor.multiply(col("scenario_co2_kg"))).otherwise(0.0)).as("scenario_co2_kg"),
                        first("unit").as("unit"))
                .withColumn("baseline_hours", when(col("tonnes").gt(0), col("b_th").divide(col("tonnes"))).otherwise(0.0))
                .withColumn("scenario_hours", when(col("tonnes").gt(0), col("s_th").divide(col("tonnes"))).otherwise(0.0))
                .withColumn("delta_usd", col("scenario_usd").minus(col("baseline_usd")))
                .withColumn("delta_hours", col("scenario_hours").minus(col("baseline_hours")))
                .withColumn("delta_co2_kg", col("scenario_co2_kg").minus(col("baseline_co2_kg")))
                .drop("b_th", "s_th", "unit")
                .orderBy("scenario");
    }
}
