package org.caravan.spark;

import java.util.ArrayList;
import java.util.Iterator;
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

    /** What the closures need on an executor, per inputs and cargo: built once per JVM. */
    private record State(Router router, Prepared prepared) {}

    private static final Map<String, State> STATES = new ConcurrentHashMap<>();

    /**
     * @param cargo a cargo profile for every pair, or null for each pair's own (as {@code caravan critical --cargo})
     */
    static State state(JobInputs in, String cargo) {
        return STATES.computeIfAbsent(in.key() + "|" + cargo, k -> {
            ScenarioBase base = in.base();
            Router router = new Router(base.network(), base.costs());
            return new State(router, Criticality.prepare(router, in.pairs(),
                    new Criticality.Options(cargo, 1, Criticality.Progress.NONE)));
        });
    }

    public record Summary(int ods, int links, int candidates, long millis) {}

    public static Summary run(SparkSession spark, JobInputs inputs, String cargo, int partitions, String out,
                              boolean overwrite) {
        long start = System.nanoTime();
        State driver = driverState(inputs, cargo);
        Sparks.write(ranked(spark, inputs, cargo, partitions), out + "/links", overwrite);
        Sparks.write(baselines(spark, driver.prepared()), out + "/baselines", overwrite);
        return new Summary(inputs.odCount(), driver.router().network().linkCount(),
                driver.prepared().candidates().size(), (System.nanoTime() - start) / 1_000_000);
    }

    /** The driver's own state; a bad OD pair or cargo is an input error naming it. */
    private static State driverState(JobInputs inputs, String cargo) {
        try {
            return state(inputs, cargo);
        } catch (InvalidRequestException e) {
            throw new JobInputs.InputException("--od: " + e.getMessage());
        }
    }

    /**
     * Every candidate closure, ranked as {@link Criticality#rank} ranks them.
     *
     * @param partitions how many parts to split the candidate links into (0: the cluster's default parallelism)
     */
    public static Dataset<Row> ranked(SparkSession spark, JobInputs inputs, String cargo, int partitions) {
        List<String> candidates = driverState(inputs, cargo).prepared().candidates();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<JobInputs> in = jsc.broadcast(inputs);
        int parts = partitions > 0 ? partitions : jsc.defaultParallelism();
        JavaRDD<Row> rows = jsc.parallelize(candidates, Math.max(1, Math.min(parts, candidates.size())))
                .mapPartitions(ids -> close(in.value(), cargo, ids));
        // Criticality.ORDER: lost tonnes, then cost increase (descending), then link id
        return spark.createDataFrame(rows, IMPACT)
                .withColumn("rank", row_number().over(org.apache.spark.sql.expressions.Window.orderBy(
                        col("lost_tonnes").desc(), col("cost_increase_usd").desc(), col("link_id").asc())))
                .select("rank", IMPACT.fieldNames()).orderBy("rank");
    }

    private static Iterator<Row> close(JobInputs in, String cargo, Iterator<String> ids) {
        State st = state(in, cargo);
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
