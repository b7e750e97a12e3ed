package org.caravan.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.caravan.criticality.Criticality;
import org.caravan.criticality.Criticality.Baseline;
import org.caravan.criticality.Criticality.LinkImpact;
import org.caravan.criticality.Criticality.Prepared;
import org.caravan.demand.OdPair;
import org.caravan.place.RouteParameters;
import org.caravan.place.RouteQuery;
import org.caravan.routing.InvalidRequestException;
import org.caravan.routing.Router;
import org.caravan.scenario.ScenarioBase;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

/**
 * Criticality at scale: every link on a baseline route closed in turn, the closures partitioned over the executors.
 * The core does the work: {@link Criticality#prepare} routes the baselines (one shortest-path tree per origin and
 * cargo) once per executor JVM, {@link Criticality#close} evaluates one closure exactly as
 * {@code caravan critical} does, and the ranking is {@link Criticality#ORDER} (lost tonnes, cost increase, link id).
 *
 * <p>Writes {@code OUT/links} (one row per candidate link, ranked) and {@code OUT/baselines} (one row per OD pair) as
 * Parquet; docs/SPARK.md lists the columns.
 */
public final class CriticalityJob {
    private CriticalityJob() {}

    /** A closure's row, before ranking. */
    static final StructType IMPACT = new StructType()
            .add("link_id", DataTypes.StringType, false)
            .add("name", DataTypes.StringType, false)
            .add("mode", DataTypes.StringType, false)
            .add("crossing", DataTypes.BooleanType, false)
            .add("from_node", DataTypes.StringType, false)
            .add("to_node", DataTypes.StringType, false)
            .add("from_country", DataTypes.StringType, false)
            .add("to_country", DataTypes.StringType, false)
            .add("cost_increase_usd", DataTypes.DoubleType, false)
            .add("rerouted", DataTypes.IntegerType, false)
            .add("lost", DataTypes.IntegerType, false)
            .add("lost_tonnes", DataTypes.DoubleType, false)
            .add("lost_pairs", DataTypes.createArrayType(DataTypes.StringType, false), false);

    /** The ranked table: {@code rank} (1 = most critical), then {@link #IMPACT}'s columns. */
    public static final StructType LINKS = withRank();

    private static StructType withRank() {
        StructType t = new StructType().add("rank", DataTypes.IntegerType, false);
        for (var f : IMPACT.fields()) t = t.add(f);
        return t;
    }

    public static final StructType BASELINES = new StructType()
            .add("od", DataTypes.IntegerType, false)
            .add("from", DataTypes.StringType, false)
            .add("to", DataTypes.StringType, false)
            .add("cargo", DataTypes.StringType, false)
            .add("tonnes", DataTypes.DoubleType, false)
            .add("units", DataTypes.DoubleType, false)
            .add("routed", DataTypes.BooleanType, false)
            .add("unit_cost_usd", DataTypes.DoubleType, true);

    /**
     * The ranking's question: the cargo override and the shared route options, as text by their names in the core's
     * table ({@link Criticality#GROUPS} of {@link RouteParameters}: objective, tonnes, avoid, close, modes, depart...),
     * parsed on every JVM by {@link Criticality#routeOptions} (core's {@code RouteQuery} is not Serializable).
     *
     * @param cargo a cargo profile for every pair, or null for each pair's own (as {@code caravan critical --cargo})
     */
    public record Settings(String cargo, Map<String, List<String>> route) implements Serializable {
        public Settings {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            route.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            route = Collections.unmodifiableMap(copy);
        }

        public static Settings of(String cargo) { return new Settings(cargo, Map.of()); }

        /** Settings from {@code name, value, name, value...} (table names: "max_risk", "AF,CN" for lists). */
        public static Settings of(String cargo, String... nameValues) {
            Map<String, List<String>> m = new LinkedHashMap<>();
            for (int i = 0; i < nameValues.length; i += 2) m.put(nameValues[i], List.of(nameValues[i + 1]));
            return new Settings(cargo, m);
        }

        /** The route options as the core takes them; a bad one is refused naming the option the user typed. */
        public RouteQuery routeOptions() {
            try {
                return Criticality.routeOptions(route);
            } catch (InvalidRequestException e) {
                String name = e.field() == null ? "" : "--" + e.field().replace('_', '-') + ": ";
                throw new IllegalArgumentException(name + e.getMessage(), e);
            }
        }

        /** The core's options: one worker thread (Spark parallelises over the closures). */
        public Criticality.Options options() {
            return new Criticality.Options(cargo, 1, Criticality.Progress.NONE, routeOptions());
        }
    }

    /** What the closures need on an executor, per inputs and settings: built once per JVM. */
    record State(Router router, Prepared prepared) {}

    private static final Map<String, State> STATES = new ConcurrentHashMap<>();

    static State state(JobInputs in, Settings settings) {
        return STATES.computeIfAbsent(in.key() + "|" + settings, k -> {
            ScenarioBase base = in.base();
            Router router = new Router(base.network(), base.costs());
            return new State(router, Criticality.prepare(router, in.pairs(), settings.options()));
        });
    }

    public record Summary(int ods, int links, int candidates, long millis) {}

    public static Summary run(SparkSession spark, JobInputs inputs, Settings settings, int partitions, String out,
                              boolean overwrite) {
        long start = System.nanoTime();
        State driver = driverState(inputs, settings);
        Sparks.write(ranked(spark, inputs, settings, partitions), out + "/links", overwrite);
        Sparks.write(baselines(spark, driver.prepared()), out + "/baselines", overwrite);
        return new Summary(inputs.odCount(), driver.router().network().linkCount(),
                driver.prepared().candidates().size(), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The driver's own state; a bad route option is an input error naming the option, a bad OD pair or cargo one
     * naming {@code --od} and the pair.
     */
    private static State driverState(JobInputs inputs, Settings settings) {
        settings.routeOptions();
        try {
            return state(inputs, settings);
        } catch (InvalidRequestException e) {
            if (e.field() != null && !"od".equals(e.field())) {
                throw new JobInputs.InputException("--" + e.field().replace('_', '-') + ": " + e.getMessage());
            }
            throw new JobInputs.InputException("--od: " + e.getMessage());
        }
    }

    /**
     * Every candidate closure, ranked as {@link Criticality#rank} ranks them.
     *
     * @param partitions how many parts to split the candidate links into (0: the cluster's default parallelism)
     */
    public static Dataset<Row> ranked(SparkSession spark, JobInputs inputs, Settings settings, int partitions) {
        List<String> candidates = driverState(inputs, settings).prepared().candidates();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<JobInputs> in = jsc.broadcast(inputs);
        int parts = partitions > 0 ? partitions : jsc.defaultParallelism();
        JavaRDD<Row> rows = jsc.parallelize(candidates, Math.max(1, Math.min(parts, candidates.size())))
                .mapPartitions(ids -> close(in.value(), settings, ids));
        // Criticality.ORDER: lost tonnes, then cost increase (descending), then link id
        return spark.createDataFrame(rows, IMPACT)
                .withColumn("rank", row_number().over(org.apache.spark.sql.expressions.Window.orderBy(
                        col("lost_tonnes").desc(), col("cost_increase_usd").desc(), col("link_id").asc())))
                .select("rank", IMPACT.fieldNames()).orderBy("rank");
    }

    private static Iterator<Row> close(JobInputs in, Settings settings, Iterator<String> ids) {
        State st = state(in, settings);
        List<Row> out = new ArrayList<>();
        while (ids.hasNext()) {
            LinkImpact li = Criticality.close(st.router(), st.prepared(), ids.next());
            out.add(RowFactory.create(li.linkId(), li.name(), li.mode().name().toLowerCase(java.util.Locale.ROOT),
                    li.isCrossing(), li.fromNode(), li.toNode(), li.fromCountry(), li.toCountry(),
                    li.costIncreaseUsd(), li.rerouted(), li.lost().size(), li.lostTonnes(),
                    li.lost().stream().map(p -> p.from() + " -> " + p.to()).toArray(String[]::new)));
        }
        return out.iterator();
    }

    static Dataset<Row> baselines(SparkSession spark, Prepared prepared) {
        List<Row> rows = new ArrayList<>();
        List<Baseline> bs = prepared.baselines();
        for (int i = 0; i < bs.size(); i++) {
            Baseline b = bs.get(i);
            OdPair od = b.od();
            rows.add(RowFactory.create(i + 1, od.from(), od.to(), b.request().cargo(), od.tonnes(), b.units(),
                    b.routed(), b.routed() ? b.unitCost() : null));
        }
        return spark.createDataFrame(rows, BASELINES);
    }
}
