package org.caravan.trade;

import java.util.List;
import java.util.Map;

/**
 * What one import did. {@code rowsRead = rowsLoaded + rowsReplaced + rowsAlreadyStored + rowsSkipped}.
 *
 * @param importId          the new import's number, or null when nothing changed (every row already stored)
 * @param rowsAlreadyStored rows identical to a stored record (re-imports land here: nothing changes)
 * @param rowsReplaced      rows that replaced a stored record with other values ({@code --replace})
 * @param rowsSkipped       rows not loaded: malformed, duplicated within the file, or conflicting with a stored
 *                          record with other values (without {@code --replace})
 * @param skippedByField    how many rows were skipped for each column (or "(row)", "(duplicate)", "(conflict)")
 * @param problems          the first {@value ComtradeImporter#REPORTED_PROBLEMS} skipped rows with line and reason
 */
public record ImportReport(String file, String format, String sha256, Integer importId, long rowsRead,
                           long rowsLoaded, long rowsReplaced, long rowsAlreadyStored, long rowsSkipped,
                           Map<String, Long> skippedByField, List<RowProblem> problems, double seconds) {
    public ImportReport {
        // sorted by column name, the same on every run
        skippedByField = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(skippedByField));
        problems = List.copyOf(problems);
    }

    public double rowsPerSecond() { return seconds <= 0 ? 0 : rowsRead / seconds; }

    /** A row that was not loaded: its line in the file (header = line 1), the column, and why. */
    public record RowProblem(long line, String field, String reason) {
        @Override
        public String toString() { return "line " + line + ", " + field + ": " + reason; }
    }
}
