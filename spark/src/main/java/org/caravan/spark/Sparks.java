package org.caravan.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/** The few Spark settings every job shares. */
final class Sparks {
    private Sparks() {}

    /** Writes {@code df} as Parquet; an existing {@code path} is refused unless {@code overwrite}. */
    static void write(Dataset<Row> df, String path, boolean overwrite) {
        df.write().mode(overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists).parquet(path);
    }

    /**
     * The session of a job: the one spark-submit configured (master, executors), or, run directly with
     * {@code --master} (tests, the benchmark, a quick look), a local one.
     */
    static SparkSession session(String app, String master) {
        SparkSession.Builder b = SparkSession.builder().appName(app);
        if (master != null) {
            b.master(master).config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4");
        }
        return b.getOrCreate();
    }
}
