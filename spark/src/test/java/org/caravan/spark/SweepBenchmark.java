package org.caravan.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.caravan.demand.OdFile;
import org.caravan.demand.OdPair;
import org.caravan.place.RouteQuery;
import org.caravan.scenario.ScenarioComparison;
import org.caravan.scenario.ScenarioLoader;
import org.caravan.scenario.ScenarioOverlay;
import org.caravan.scenario.ScenarioRun;

/**
 * Scenario-sweep throughput (OD-scenario evaluations per second): the single-machine loop ({@code caravan scenario
 * run}'s {@link ScenarioComparison#compare}, one scenario after another) against the Spark sweep on local[1] and
 * local[2], in the same run and JVM, printed as ratios. Run by bench/spark-sweep.sh (not a test: its name does not
 * end in Test). Each side runs once to warm up (JIT, overlays and the executor's cached inputs), then is timed.
 *
 * <p>Inputs: the embedded network, every example scenario, and every pair of the embedded OD list's origins and
 * destinations (container).
 */
public final class SweepBenchmark {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Path od = Files.createTempFile("caravan-bench-od-", ".csv");
        Set<String> from = new LinkedHashSet<>();
        Set<String> to = new LinkedHashSet<>();
        for (OdPair p : OdFile.embedded()) {
            from.add(p.from());
            to.add(p.to());
        }
        StringBuilder csv = new StringBuilder("from,to,cargo,tonnes,source\n");
        for (String a : from) for (String b : to) if (!a.equals(b)) csv.append(a).append(',').append(b)
                .append(",container,1000,benchmark\n");
        Files.writeString(od, csv);
        JobInputs in = JobInputs.read(List.of(), null, ScenarioLoader.EXAMPLES, od, null);
        Files.delete(od);
        ScenarioSweep.Settings settings = ScenarioSweep.Settings.of(16);
        long evaluations = (long) in.scenarioCount() * in.odCount();
        System.out.printf(Locale.ROOT, "sweep: %d scenarios x %d OD pairs = %d evaluations per run, %d cores%n",
                in.scenarioCount(), in.odCount(), evaluations, Runtime.getRuntime().availableProcessors());

        RouteQuery template = settings.template();
        List<ScenarioRun> runs = new ArrayList<>();
        for (int s = 0; s < in.scenarioCount(); s++) runs.add(ScenarioOverlay.apply(in.base(), in.scenario(in.base(), s)));
        List<OdPair> pairs = in.pairs();
        double loop = rate(rounds, evaluations, () -> {
            for (ScenarioRun r : runs) ScenarioComparison.compare(r, pairs, template, template.planOptions());
        }, "single-machine loop (ScenarioComparison.compare per scenario)");
        double one = spark("local[1]", rounds, evaluations, in, settings);
        double two = spark("local[2]", rounds, evaluations, in, settings);
        System.out.printf(Locale.ROOT, "ratios: local[1]/loop %.2f, local[2]/loop %.2f, local[2]/local[1] %.2f%n",
                one / loop, two / loop, two / one);
    }

    private static double spark(String master, int rounds, long evaluations, JobInputs in,
                                ScenarioSweep.Settings settings) {
        SparkSession s = SparkSession.builder().appName("caravan sweep benchmark").master(master)
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        try {
            return rate(rounds, evaluations, () -> ScenarioSweep.pairs(s, in, settings).count(), "spark " + master);
        } finally {
            s.stop();
        }
    }

    private static double rate(int rounds, long evaluations, Runnable task, String label) {
        task.run(); // warm-up
        long best = Long.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            task.run();
            best = Math.min(best, System.nanoTime() - t0);
        }
        double perSecond = evaluations / (best / 1e9);
        System.out.printf(Locale.ROOT, "%-62s %8.1f ms  %9.0f evaluations/s%n", label, best / 1e6, perSecond);
        return perSecond;
    }
}
