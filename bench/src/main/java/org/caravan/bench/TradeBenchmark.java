package org.caravan.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.caravan.trade.ComtradeImporter;
import org.caravan.trade.Country;
import org.caravan.trade.ImportReport;
import org.caravan.trade.TradeAnalytics;
import org.caravan.trade.TradeFigures;
import org.caravan.trade.TradeStore;

/**
 * Trade store benchmark: import throughput of a large generated Comtrade file and the latency of the analytics
 * queries on the resulting store, against the targets of the trade issue (a file of at least 10 million rows;
 * series and top queries under 1 s each).
 *
 * <pre>java -Xmx4g -cp bench/target/caravan-bench.jar org.caravan.bench.TradeBenchmark [ROWS] [WORK_DIR] [SEED]
 *        [--clean]</pre>
 *
 * <p>Defaults: 10,000,000 rows, {@code bench/results/trade-work} (untracked), seed 42; {@code --clean} deletes the
 * generated file and both databases at the end. {@code bench/trade.sh} builds the jar and runs this.
 *
 * <p>Steps, all in one process:
 * <ol>
 * <li>the file: {@link ComtradeFileGenerator} writes {@code comtrade-ROWS-sSEED.csv} unless it is already there with
 *     a marker ({@code .done}) giving the same row count, seed and byte size;</li>
 * <li>the import: {@link ComtradeImporter} into a fresh {@link TradeStore}: rows/s, MB/s, heap and RSS peaks;</li>
 * <li>the reference: the same file loaded by DuckDB itself into a fresh database file ({@code CREATE TABLE t AS
 *     SELECT * FROM read_csv(...)}, types sniffed, nothing checked), and the ratio of the two times. The ratio is
 *     the cost of what the importer does on top of a bare load: it validates every row and keeps its line number
 *     for problem reports, computes the file's SHA-256, sets aside rows repeated within the file and anti-joins
 *     against stored records so that re-importing changes nothing, all in one transaction;</li>
 * <li>the re-import of the same file into the now full store (the idempotence path: every row is found already
 *     stored, nothing is written);</li>
 * <li>the queries on the full store ({@link TradeAnalytics} series, top at chapter and heading level, partners,
 *     mirror, each 3 warm-up + 10 timed calls): median and max against the 1 s target.</li>
 * </ol>
 *
 * <p>Why a plain main and not JMH: an import of 10 million rows is one operation of about a minute that changes
 * the store it runs on (a second import takes the idempotence path, a different operation), and building the
 * 10-million-row store is the setup of every query. JMH single-shot mode would fork a JVM per measurement and
 * re-import for each; here each import is timed once, with the JIT warmed by a small import first, and the queries,
 * which are short and repeatable, are timed with warm-up in a loop. The reference runs in the same process on the
 * same file (in the page cache for both), so the ratio holds even when the absolute times are skewed by other work
 * on the machine; the load average and the CPU time each phase got are printed for that reason.
 */
public final class TradeBenchmark {
    static final double TARGET_MS = 1000;
    static final int WARMUP = 3;
    static final int TIMED = 10;
    /** Reporter and partner of the queries: both in the generated file (reporter 0 of 30, and one of its partners). */
    static final String REPORTER = "KAZ";
    static final String PARTNER = "CHN";

    private TradeBenchmark() {}

    public static void main(String[] args) throws Exception {
        long rows = 10_000_000L;
        Path work = Path.of("bench", "results", "trade-work");
        long seed = 42L;
        boolean clean = false;
        List<String> positional = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--clean")) clean = true;
            else if (a.startsWith("-")) usage("unknown option " + a);
            else positional.add(a);
        }
        try {
            if (positional.size() > 0) rows = Long.parseLong(positional.get(0).replace("_", ""));
            if (positional.size() > 1) work = Path.of(positional.get(1));
            if (positional.size() > 2) seed = Long.parseLong(positional.get(2).replace("_", ""));
        } catch (NumberFormatException e) {
            usage("ROWS and SEED must be whole numbers: " + e.getMessage());
        }
        if (positional.size() > 3 || rows < 1 || rows > ComtradeFileGenerator.MAX_ROWS) {
            usage("ROWS must be 1.." + ComtradeFileGenerator.MAX_ROWS);
        }
        new TradeBenchmark.Run(rows, work.toAbsolutePath().normalize(), seed, clean).run();
    }

    private static void usage(String why) {
        System.err.println("TradeBenchmark: " + why);
        System.err.println("usage: TradeBenchmark [ROWS=10000000] [WORK_DIR=bench/results/trade-work] [SEED=42] [--clean]");
        System.exit(2);
    }

    private static final class Run {
        final long rows;
        final Path work;
        final long seed;
        final boolean clean;
        final List<String[]> table = new ArrayList<>();
        boolean allPass = true;

        Run(long rows, Path work, long seed, boolean clean) {
            this.rows = rows;
            this.work = work;
            this.seed = seed;
            this.clean = clean;
        }

        void run() throws Exception {
            Files.createDirectories(work);
            Runtime rt = Runtime.getRuntime();
            say("trade bench: %,d rows, seed %d, work dir %s", rows, seed, work);
            say("trade bench: %d cores, max heap %,d MB, %s %s, load average %s", rt.availableProcessors(),
                    rt.maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    loadAverage());

            Path csv = work.resolve("comtrade-" + rows + "-s" + seed + ".csv");
            long bytes = ensureFile(csv);
            double mb = bytes / 1e6;

            // JIT warm-up: a small import (first 20,000 rows of the same shape) into a throw-away store.
            Path warmCsv = work.resolve("warmup.csv");
            ComtradeFileGenerator.write(warmCsv, Math.min(rows, 20_000), seed + 1);
            Path warmStore = work.resolve("warmup-store");
            deleteTree(warmStore);
            try (TradeStore s = TradeStore.open(warmStore)) {
                new ComtradeImporter(s).importFile(warmCsv, ComtradeImporter.Options.DEFAULT,
                        ComtradeImporter.Progress.NONE);
            }
            deleteTree(warmStore);
            Files.deleteIfExists(warmCsv);

            // 1. Caravan import into a fresh store.
            Path storeDir = work.resolve("caravan-store");
            deleteTree(storeDir);
            Phase imp = new Phase("import");
            ImportReport first;
            TradeStore store = TradeStore.open(storeDir);
            try {
                ComtradeImporter importer = new ComtradeImporter(store);
                Progress firstProgress = new Progress(true);
                first = imp.time(() -> importer.importFile(csv, ComtradeImporter.Options.DEFAULT, firstProgress));
                check(first.rowsRead() == rows && first.rowsLoaded() == rows && first.rowsSkipped() == 0,
                        "first import: read %,d, loaded %,d, skipped %,d (expected %,d loaded)", first.rowsRead(),
                        first.rowsLoaded(), first.rowsSkipped(), rows);
                check(store.flowCount() == rows, "store holds %,d records after the import", store.flowCount());
                say("import: %s, %,d rows read, %,d loaded, %,d skipped in %.2f s (report: %.2f s)", first.format(),
                        first.rowsRead(), first.rowsLoaded(), first.rowsSkipped(), imp.seconds, first.seconds());
                say("import: phases: %s", firstProgress.phases);
                say("import: %s", imp.resources());
                long dbBytes = Files.size(store.file());
                say("import: store file %,.1f MB (CSV %,.1f MB)", dbBytes / 1e6, mb);

                // 2. Reference: DuckDB's own CSV reader into a fresh database file, nothing checked.
                Path rawDir = work.resolve("raw-duckdb");
                deleteTree(rawDir);
                Files.createDirectories(rawDir);
                Phase raw = new Phase("raw");
                long rawRows = raw.time(() -> rawLoad(rawDir.resolve("raw.duckdb"), csv));
                check(rawRows == rows, "raw DuckDB load has %,d rows", rawRows);
                say("reference: DuckDB read_csv into a table: %,d rows in %.2f s; %s", rawRows, raw.seconds,
                        raw.resources());
                deleteTree(rawDir);

                // 3. Re-import of the same file: every row already stored.
                Phase again = new Phase("re-import");
                Progress secondProgress = new Progress(false);
                ImportReport second = again.time(() -> importer.importFile(csv, ComtradeImporter.Options.DEFAULT,
                        secondProgress));
                check(second.importId() == null && second.rowsAlreadyStored() == rows && second.rowsLoaded() == 0,
                        "re-import: import id %s, %,d already stored, %,d loaded (expected nothing new)",
                        second.importId(), second.rowsAlreadyStored(), second.rowsLoaded());
                check(store.flowCount() == rows, "store holds %,d records after the re-import", store.flowCount());
                say("re-import: %,d rows already stored, %,d loaded, in %.2f s; %s", second.rowsAlreadyStored(),
                        second.rowsLoaded(), again.seconds, again.resources());
                say("re-import: phases: %s", secondProgress.phases);

                row("import (Caravan, fresh store)", String.format("%.2f s", imp.seconds),
                        String.format("%,.0f rows/s, %,.1f MB/s", rows / imp.seconds, mb / imp.seconds),
                        String.format("peak heap %,d MB", imp.peakHeap >> 20));
                row("reference: DuckDB read_csv", String.format("%.2f s", raw.seconds),
                        String.format("%,.0f rows/s, %,.1f MB/s", rows / raw.seconds, mb / raw.seconds),
                        String.format("Caravan / raw = %.2fx", imp.seconds / raw.seconds));
                row("re-import (all rows stored)", String.format("%.2f s", again.seconds),
                        String.format("%,.0f rows/s", rows / again.seconds),
                        String.format("re-import / raw = %.2fx", again.seconds / raw.seconds));

                // 4. Queries on the full store.
                queries(store);
            } finally {
                store.close();
            }
            printTable();
            say("trade bench: load average after the run %s", loadAverage());
            if (clean) {
                deleteTree(storeDir);
                Files.deleteIfExists(csv);
                Files.deleteIfExists(marker(csv));
                say("trade bench: --clean: deleted %s and the store", csv.getFileName());
            }
            if (!allPass) {
                System.out.println("trade bench: FAIL (see above)");
                System.exit(1);
            }
        }

        void queries(TradeStore store) throws Exception {
            TradeAnalytics an = new TradeAnalytics(store);
            Country kaz = store.countries().resolve(REPORTER);
            Country chn = store.countries().resolve(PARTNER);
            query("series " + REPORTER + "-" + PARTNER, () -> {
                TradeFigures.Series s = an.series(kaz, chn);
                return s.points().size() + " years";
            });
            query("top " + REPORTER + "->" + PARTNER + " X chapters", () -> {
                TradeFigures.TopProducts t = an.top(kaz, chn, null, "X", 2, 10);
                return t.products().size() + " products, " + t.year();
            });
            query("top " + REPORTER + "->" + PARTNER + " X headings", () -> {
                TradeFigures.TopProducts t = an.top(kaz, chn, null, "X", 4, 10);
                return t.products().size() + " products, " + t.year();
            });
            query("top " + REPORTER + "->World M chapters", () -> {
                TradeFigures.TopProducts t = an.top(kaz, null, null, "M", 2, 10);
                return t.products().size() + " products, " + t.year();
            });
            query("partners " + REPORTER + " X", () -> {
                TradeFigures.Partners p = an.partners(kaz, null, "X");
                return p.partners().size() + " partners, " + p.year();
            });
            query("mirror " + REPORTER + "-" + PARTNER, () -> {
                TradeFigures.Mirror m = an.mirror(kaz, chn);
                return m.rows().size() + " rows";
            });
        }

        void query(String name, Callable<String> q) throws Exception {
            String what;
            try {
                what = q.call();
                for (int i = 1; i < WARMUP; i++) q.call();
            } catch (IllegalArgumentException e) {
                allPass = false;
                row(name, "-", "no answer: " + e.getMessage(), "FAIL");
                return;
            }
            double[] ms = new double[TIMED];
            for (int i = 0; i < TIMED; i++) {
                long t0 = System.nanoTime();
                q.call();
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            double median = (ms[TIMED / 2 - 1] + ms[TIMED / 2]) / 2;
            double max = ms[TIMED - 1];
            boolean pass = max < TARGET_MS;
            allPass &= pass;
            say("query %-32s median %8.1f ms  max %8.1f ms  (%s)", name, median, max, what);
            row(name, String.format("median %.1f ms", median), String.format("max %.1f ms (%s)", max, what),
                    (pass ? "PASS" : "FAIL") + " (< 1 s)");
        }

        long ensureFile(Path csv) throws IOException {
            Path marker = marker(csv);
            if (Files.exists(csv) && Files.exists(marker)) {
                Properties p = new Properties();
                try (var in = Files.newInputStream(marker)) {
                    p.load(in);
                }
                long size = Files.size(csv);
                if (String.valueOf(rows).equals(p.getProperty("rows")) && String.valueOf(seed).equals(p.getProperty("seed"))
                        && String.valueOf(size).equals(p.getProperty("bytes"))) {
                    say("file: reusing %s (%,.1f MB, %,d rows)", csv.getFileName(), size / 1e6, rows);
                    return size;
                }
            }
            Files.deleteIfExists(marker);
            say("file: writing %s (%,d rows)...", csv.getFileName(), rows);
            long t0 = System.nanoTime();
            long bytes = ComtradeFileGenerator.write(csv, rows, seed);
            double s = (System.nanoTime() - t0) / 1e9;
            Properties p = new Properties();
            p.setProperty("rows", String.valueOf(rows));
            p.setProperty("seed", String.valueOf(seed));
            p.setProperty("bytes", String.valueOf(bytes));
            try (var out = Files.newOutputStream(marker)) {
                p.store(out, "written by TradeBenchmark with ComtradeFileGenerator");
            }
            say("file: %,.1f MB in %.1f s", bytes / 1e6, s);
            return bytes;
        }

        static Path marker(Path csv) { return csv.resolveSibling(csv.getFileName() + ".done"); }

        static long rawLoad(Path db, Path csv) throws SQLException {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
                 Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t AS SELECT * FROM read_csv('" + csv.toString().replace("'", "''")
                        + "', header = true, all_varchar = false)");
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        /** Prints progress every tenth of the file (stderr) and collects the importer's phase times. */
        static final class Progress implements ComtradeImporter.Progress {
            final boolean print;
            final long t0 = System.nanoTime();
            long cpu = processCpuNanos();
            long next;
            final StringBuilder phases = new StringBuilder();

            Progress(boolean print) { this.print = print; }

            @Override
            public void update(long read, long total, long rowsRead) {
                if (print && read >= next && total > 0) {
                    System.err.printf(Locale.ROOT, "  import: %3.0f %% read, %,d rows, %.1f s%n", 100.0 * read / total,
                            rowsRead, (System.nanoTime() - t0) / 1e9);
                    next = read + total / 10;
                }
            }

            @Override
            public void phase(String name, long nanos) {
                long now = processCpuNanos();
                if (phases.length() > 0) phases.append(", ");
                phases.append(String.format(Locale.ROOT, "%s %.2f s (CPU %.1f s)", name, nanos / 1e9, (now - cpu) / 1e9));
                cpu = now;
            }
        }

        void check(boolean ok, String fmt, Object... args) {
            if (!ok) {
                allPass = false;
                System.out.println("CHECK FAILED: " + String.format(fmt, args));
            }
        }

        void row(String... cells) { table.add(cells); }

        void printTable() {
            int[] w = new int[4];
            for (String[] r : table) for (int i = 0; i < r.length; i++) w[i] = Math.max(w[i], r[i].length());
            System.out.println();
            System.out.printf("trade bench results (%,d rows):%n", rows);
            for (String[] r : table) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < r.length; i++) {
                    sb.append(String.format("%-" + w[i] + "s", r[i]));
                    if (i < r.length - 1) sb.append(" | ");
                }
                System.out.println(sb.toString().stripTrailing());
            }
            System.out.println();
        }
    }

    /** Wall time, CPU time of this process, peak heap in use and peak resident memory of one step. */
    static final class Phase {
        final String name;
        double seconds;
        double cpuSeconds;
        double gcSeconds;
        long peakHeap;
        long peakRss;

        Phase(String name) { this.name = name; }

        <T> T time(Callable<T> body) throws Exception {
            System.gc();
            resetPeakRss();
            Sampler sampler = new Sampler();
            sampler.start();
            long cpu0 = processCpuNanos();
            long gc0 = gcMillis();
            long t0 = System.nanoTime();
            try {
                return body.call();
            } finally {
                seconds = (System.nanoTime() - t0) / 1e9;
                cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
                gcSeconds = (gcMillis() - gc0) / 1e3;
                sampler.finish();
                peakHeap = sampler.peakHeap;
                peakRss = Math.max(sampler.peakRss, peakRss());
            }
        }

        String resources() {
            return String.format("CPU %.1f s in %.1f s wall (%.2f cores busy), GC pauses %.1f s, peak heap used %,d MB, "
                    + "peak RSS %,d MB", cpuSeconds, seconds, cpuSeconds / seconds, gcSeconds, peakHeap >> 20,
                    peakRss >> 20);
        }
    }

    /** Polls heap in use and resident memory every 20 ms. */
    static final class Sampler extends Thread {
        volatile boolean stop;
        long peakHeap;
        long peakRss;

        Sampler() {
            setDaemon(true);
            setName("trade-bench-sampler");
        }

        @Override
        public void run() {
            var mem = ManagementFactory.getMemoryMXBean();
            while (!stop) {
                peakHeap = Math.max(peakHeap, mem.getHeapMemoryUsage().getUsed());
                peakRss = Math.max(peakRss, currentRss());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void finish() throws InterruptedException {
            stop = true;
            join();
        }
    }

    static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    static long gcMillis() {
        long ms = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) ms += Math.max(0, gc.getCollectionTime());
        return ms;
    }

    /** VmRSS from /proc (Linux), bytes; 0 elsewhere. */
    static long currentRss() { return procStatus("VmRSS:"); }

    /** VmHWM (peak RSS) from /proc (Linux), bytes; 0 elsewhere. */
    static long peakRss() { return procStatus("VmHWM:"); }

    static long procStatus(String key) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith(key)) return Long.parseLong(l.substring(key.length()).trim().split("\\s+")[0]) << 10;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return 0;
    }

    /** Resets VmHWM (Linux: write 5 to clear_refs); ignored where not allowed. */
    static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // not Linux, or not allowed: the peak then covers the process so far
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2] + " (1, 5, 15 min)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static void say(String fmt, Object... args) {
        System.out.println(String.format(Locale.ROOT, fmt, args));
    }
}
