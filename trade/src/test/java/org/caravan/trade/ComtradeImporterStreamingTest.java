package org.caravan.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The importer's reading pass on files large enough to cross many hand-overs between the reader thread and the
 * appending thread (2,048 rows each) and a progress report (every 65,536 rows): order, counts, problems, progress,
 * and failures part-way through (strict mode, an unclosed quote) that must leave the store as it was.
 */
class ComtradeImporterStreamingTest {
    private static final int ROWS = 70_000;
    private static final String HEADER = "freqCode,refYear,reporterCode,partnerCode,flowCode,cmdCode,primaryValue";

    /** Data row i (0-based; physical line i + 2). Keys are distinct for i below 72,000. */
    private static String row(int i) {
        return "A," + (2000 + i / 4000) + ",398," + (1 + (i % 4000) / 20) + ",X," + (10 + i % 20) + "," + (1000 + i);
    }

    private static Path write(Path dir, String name, int rows, Set<Integer> badValue, Integer unclosedQuoteAt,
                              boolean duplicateRow3AtEnd) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            String r = row(i);
            if (badValue.contains(i)) r = r.substring(0, r.lastIndexOf(',')) + ",abc";
            if (unclosedQuoteAt != null && unclosedQuoteAt == i) r = r.replace(",X,", ",X,\"");
            sb.append(r).append('\n');
        }
        if (duplicateRow3AtEnd) sb.append(row(3)).append('\n');
        Path f = dir.resolve(name);
        Files.writeString(f, sb);
        return f;
    }

    private static boolean readerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("caravan-import-reader") && t.isAlive());
    }

    /** Temporary tables left on the store's connection (an import's scratch tables must not outlive it). */
    private static long scratchTables(TradeStore store) {
        long[] n = {0};
        new TradeAnalytics(store).query("SELECT count(*) FROM duckdb_tables() WHERE temporary", rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    @Test
    void manyBatchesKeepOrderCountsProblemsAndProgress(@TempDir Path dir) throws Exception {
        Set<Integer> bad = Set.of(0, 2047, 2048, 4095, 65_535, 65_536, ROWS - 1);
        Path f = write(dir, "big.csv", ROWS, bad, null, true);
        long size = Files.size(f);
        try (TradeStore store = TradeStore.open(dir.resolve("store"))) {
            List<long[]> progress = new ArrayList<>();
            ImportReport r = new ComtradeImporter(store).importFile(f, ComtradeImporter.Options.DEFAULT,
                    (bytes, total, rows) -> progress.add(new long[] {bytes, total, rows}));

            assertThat(r.rowsRead()).isEqualTo(ROWS + 1);
            assertThat(r.rowsLoaded()).isEqualTo(ROWS - bad.size());
            assertThat(r.rowsSkipped()).isEqualTo(bad.size() + 1);
            assertThat(r.skippedByField()).containsEntry("primaryValue", (long) bad.size())
                    .containsEntry("(duplicate)", 1L);
            assertThat(store.flowCount()).isEqualTo(ROWS - bad.size());

            // Problems come in file order, as far apart as the rows are in the file.
            List<Integer> expected = new ArrayList<>(bad.stream().sorted().toList());
            expected.add(ROWS); // the duplicate of row 3, written after the last row
            List<ImportReport.RowProblem> problems = r.problems();
            assertThat(problems).hasSize(expected.size());
            long first = problems.get(0).line();
            for (int k = 0; k < problems.size(); k++) {
                assertThat(problems.get(k).line() - first).as("problem %d", k)
                        .isEqualTo(expected.get(k) - expected.get(0));
            }
            assertThat(problems.get(problems.size() - 1).reason())
                    .endsWith("as line " + (problems.get(0).line() + 3));

            // Rows are stored with their own line and values, in file order.
            List<Long> values = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            new TradeAnalytics(store).query("SELECT source_line, value_usd FROM trade_flow ORDER BY source_line",
                    rs -> {
                        lines.add(rs.getLong(1));
                        values.add((long) rs.getDouble(2));
                    });
            assertThat(values).hasSize(ROWS - bad.size());
            int j = 0;
            for (int i = 0; i < ROWS; i++) {
                if (bad.contains(i)) continue;
                assertThat(values.get(j)).isEqualTo(1000 + i);
                assertThat(lines.get(j) - first).isEqualTo(i);
                j++;
            }

            // One report every 65,536 rows read, then the end.
            assertThat(progress).hasSize(2);
            assertThat(progress.get(0)[2]).isEqualTo(65_536);
            assertThat(progress.get(0)[0]).isBetween(1L, size);
            assertThat(progress.get(0)[1]).isEqualTo(size);
            assertThat(progress.get(1)).containsExactly(size, size, ROWS + 1);
            assertThat(scratchTables(store)).isZero();
        }
        assertThat(readerThreadAlive()).isFalse();
    }

    @Test
    void strictFailureLateInTheFileChangesNothingAndTheImporterStillWorks(@TempDir Path dir) throws Exception {
        Path clean = write(dir, "clean.csv", 5_000, Set.of(), null, false);
        Path late = write(dir, "late.csv", ROWS, Set.of(60_000), null, false);
        try (TradeStore store = TradeStore.open(dir.resolve("store"))) {
            ComtradeImporter importer = new ComtradeImporter(store);
            importer.importFile(clean, ComtradeImporter.Options.DEFAULT, ComtradeImporter.Progress.NONE);
            assertThatThrownBy(() -> importer.importFile(late, new ComtradeImporter.Options(true, false),
                    ComtradeImporter.Progress.NONE))
                    .isInstanceOf(TradeImportException.class)
                    .hasMessageContaining("primaryValue")
                    .hasMessageContaining("--strict: nothing imported");
            assertThat(readerThreadAlive()).isFalse();
            assertThat(scratchTables(store)).isZero();
            assertThat(store.flowCount()).isEqualTo(5_000);
            assertThat(store.imports()).hasSize(1);

            ImportReport r = importer.importFile(late, ComtradeImporter.Options.DEFAULT,
                    ComtradeImporter.Progress.NONE);
            assertThat(r.rowsAlreadyStored()).isEqualTo(5_000);
            assertThat(r.rowsLoaded()).isEqualTo(ROWS - 5_000 - 1);
            assertThat(store.flowCount()).isEqualTo(ROWS - 1);

            ImportReport again = importer.importFile(late, ComtradeImporter.Options.DEFAULT,
                    ComtradeImporter.Progress.NONE);
            assertThat(again.importId()).isNull();
            assertThat(again.rowsAlreadyStored()).isEqualTo(ROWS - 1);
            assertThat(store.flowCount()).isEqualTo(ROWS - 1);
            assertThat(scratchTables(store)).isZero();

            // A conflict under --strict fails in the merge, after the rows were staged: still nothing changes.
            Path changed = write(dir, "changed.csv", 100, Set.of(), null, false);
            Files.writeString(changed, Files.readString(changed).replace(",1007\n", ",9\n"));
            assertThatThrownBy(() -> importer.importFile(changed, new ComtradeImporter.Options(true, false),
                    ComtradeImporter.Progress.NONE))
                    .isInstanceOf(TradeImportException.class)
                    .hasMessageContaining("1 row(s) differ from stored records");
            assertThat(store.flowCount()).isEqualTo(ROWS - 1);
            assertThat(store.imports()).hasSize(2);
            assertThat(scratchTables(store)).isZero();
        }
    }

    @Test
    void anUnclosedQuotePartWayThroughChangesNothing(@TempDir Path dir) throws Exception {
        Path clean = write(dir, "clean.csv", 5_000, Set.of(), null, false);
        Path broken = write(dir, "broken.csv", ROWS, Set.of(), 50_000, false);
        try (TradeStore store = TradeStore.open(dir.resolve("store"))) {
            ComtradeImporter importer = new ComtradeImporter(store);
            importer.importFile(clean, ComtradeImporter.Options.DEFAULT, ComtradeImporter.Progress.NONE);
            assertThatThrownBy(() -> importer.importFile(broken, ComtradeImporter.Options.DEFAULT,
                    ComtradeImporter.Progress.NONE))
                    .isInstanceOf(TradeImportException.class)
                    .hasMessageContaining("cannot read the CSV")
                    .hasMessageContaining("nothing imported");
            assertThat(readerThreadAlive()).isFalse();
            assertThat(scratchTables(store)).isZero();
            assertThat(store.flowCount()).isEqualTo(5_000);
            assertThat(store.imports()).hasSize(1);
        }
    }
}
