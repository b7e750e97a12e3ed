package org.caravan.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.caravan.criticality.Criticality;
import org.caravan.criticality.Criticality.LinkImpact;
import org.caravan.routing.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The closures partitioned over local[2] rank the links exactly as {@code caravan critical} (Criticality.rank). */
class CriticalityJobTest {
    static SparkSession spark;

    @BeforeAll
    static void start() { spark = TestSpark.session(); }

    @AfterAll
    static void stop() { TestSpark.stop(spark); }

    @Test
    void rankingEqualsTheSingleMachineRanking() {
        JobInputs in = JobInputs.read(List.of(), null, List.of(), null, null);
        Router router = new Router(in.base().network(), in.base().costs());
        List<LinkImpact> expected = Criticality.rank(router, in.pairs(),
                new Criticality.Options(null, 1, Criticality.Progress.NONE)).ranked();
        List<Row> got = CriticalityJob.ranked(spark, in, null, 3).collectAsList();
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
        // a ranking where nothing matters would prove little
        assertThat(expected.get(0).costIncreaseUsd() + expected.get(0).lostTonnes()).isPositive();
    }
}
