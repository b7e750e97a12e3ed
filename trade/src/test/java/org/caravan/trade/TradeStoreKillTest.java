package org.caravan.trade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports killed with SIGKILL at random points (a child JVM per import, as a user's {@code caravan trade import}
 * would be): after each kill the store holds exactly what it held before or what the finished import would give,
 * never a part; and the file does not grow kill after kill, because opening the store checkpoints it and gives back
 * the space the killed import had written. Seeded, so the kill points are the same in every run.
 */
class TradeStoreKillTest {
    private static final String HEADER = "freqCode,refYear,reporterCode,partnerCode,flowCode,cmdCode,primaryValue";
    static final int ROWS = 160_000;
    static final int KILLS = 8;
    /** Where a kill lands: right after the child reports it opened the store or finished a step. */
    static final List<String> STEPS = List.of("opened", "phase read", "phase duplicates", "phase match",
            "phase insert");

    /** Distinct keys for i below 160,000: 20 years x 200 partners x 20 chapters x 2 flows. */
    private static String row(int i) {
        int k = i / 2;
        return "A," + (2000 + k / 4000) + ",398," + (1 + (k % 4000) / 20) + "," + (i % 2 == 0 ? "X" : "M") + ","
                + (10 + k % 20) + "," + (1000 + i);
    }

    /** The child: imports one file into a store and exits. */
    public static void main(String[] args) throws Exception {
        try (TradeStore store = TradeStore.open(Path.of(args[0]))) {
            System.out.println("opened");
            System.out.flush();
            new ComtradeImporter(store).importFile(Path.of(args[1]), ComtradeImporter.Options.DEFAULT,
                    new ComtradeImporter.Progress() {
                        @Override
                        public void update(long bytesRead, long totalBytes, long rowsRead) { }

                        @Override
                        public void phase(String name, long nanos) {
                            System.out.println("phase " + name);
                            System.out.flush();
                        }
                    });
        }
    }

    private static Process child(Path store, Path csv) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                TradeStoreKillTest.class.getName(), store.toString(), csv.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static long storeBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Test
    void killedImportsLeaveTheStoreAsItWasAndTheFileDoesNotGrow(@TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < ROWS; i++) sb.append(row(i)).append('\n');
        Path csv = Files.writeString(dir.resolve("big.csv"), sb);
        Path storeDir = dir.resolve("store");

        // The reference: one import run to the end, timed, and the store's size after it.
        long t0 = System.nanoTime();
        Process full = child(storeDir, csv);
        full.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(full.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(full.exitValue()).isZero();
        long importMillis = (System.nanoTime() - t0) / 1_000_000;
        long fullFlows;
        try (TradeStore store = TradeStore.open(storeDir)) {
            fullFlows = store.flowCount();
            assertThat(store.imports()).hasSize(1);
        }
        assertThat(fullFlows).isEqualTo(ROWS);
        long cleanBytes = storeBytes(storeDir);

        // Kill re-imports (same file: nothing new) and imports into an empty store, at random points.
        Random random = new Random(12);
        Path fresh = dir.resolve("fresh");
        List<Long> sizes = new ArrayList<>();
        List<String> killedAfter = new ArrayList<>();
        for (int k = 0; k < KILLS; k++) {
            Path target = k % 2 == 0 ? fresh : storeDir;
            Process p = child(target, csv);
            // Killed in one of the import's steps (staging, the merge statements, the commit), some way into it.
            String after = STEPS.get(random.nextInt(STEPS.size()));
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
                String line;
                while ((line = lines.readLine()) != null && !line.equals(after)) { /* wait for that step */ }
                Thread.sleep(random.nextInt(150));
                p.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback, no close
            }
            killedAfter.add(after);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try (TradeStore store = TradeStore.open(target)) {
                long flows = store.flowCount();
                List<TradeStore.ImportRecord> imports = store.imports();
                if (target == storeDir) {
                    assertThat(flows).as("kill %d: the earlier import is kept whole", k).isEqualTo(fullFlows);
                } else {
                    assertThat(flows).as("kill %d: nothing or all", k).isIn(0L, fullFlows);
                    assertThat(imports.size()).isEqualTo(flows == 0 ? 0 : imports.size());
                    if (flows == 0) assertThat(imports).isEmpty();
                }
                long recorded = imports.stream().mapToLong(TradeStore.ImportRecord::rowsLoaded).sum();
                assertThat(recorded).as("kill %d: the import log matches the records", k).isEqualTo(flows);
            }
            sizes.add(storeBytes(storeDir) + storeBytes(fresh));
        }
        // Space is given back: after every kill both stores together stay within a bound that does not grow with the
        // number of kills (two clean stores, plus slack for DuckDB's block allocation).
        long bound = 2 * cleanBytes + 8L * 1024 * 1024;
        assertThat(sizes).as("store sizes after each kill (clean store %d bytes)", cleanBytes)
                .allMatch(s -> s <= bound);
        // And the store still imports: a last import into the fresh store completes.
        Process last = child(fresh, csv);
        assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).isZero();
        try (TradeStore store = TradeStore.open(fresh)) {
            assertThat(store.flowCount()).isEqualTo(fullFlows);
        }
        System.out.println("import " + importMillis + " ms; clean store " + cleanBytes + " B; kills after "
                + killedAfter + "; sizes " + sizes);
    }
}
