package org.caravan.spark;

import org.apache.spark.sql.SparkSession;

/** One local[2] session per test class: no UI, few shuffle partitions, so the Spark tests stay short. */
final class TestSpark {
    private TestSpark() {}

    static SparkSession session() {
        return SparkSession.builder().appName("caravan-spark-test").master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.default.parallelism", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    static void stop(SparkSession s) {
        if (s != null) s.stop();
    }
}
