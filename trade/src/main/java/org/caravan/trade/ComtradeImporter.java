package org.caravan.trade;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.caravan.io.Utf8;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Imports a UN Comtrade CSV download (either {@link ComtradeFormat}, plain or {@code .gz}) into a
 * {@link TradeStore}.
 *
 * <p>The file is streamed (never held in memory) into a temporary table through DuckDB's appender; malformed
 * rows are set aside with line and reason. A reader thread parses and checks the rows while the importing thread
 * appends them (the two take about the same time), handing them over in file order in small batches. Then one
 * transaction drops rows repeated within the file, sets aside rows already stored (same key, same values: a
 * re-import changes nothing) and rows that contradict a stored record (unless {@code replace}), and inserts the
 * rest. Any failure rolls the whole import back, so the store is either fully updated or exactly as it was.
 */
public final class ComtradeImporter {
    /** Skipped rows listed in the report and kept in {@code trade_import_problem}; all are counted. */
    public static final int REPORTED_PROBLEMS = 1000;
    private static final int PROGRESS_EVERY = 1 << 16;

    /** Told how far the import has read; called from the importing thread. */
    @FunctionalInterface
    public interface Progress {
        void update(long bytesRead, long totalBytes, long rowsRead);

        /**
         * Told when a step of the import ends ("read": parse and stage the file; "duplicates", "match", "insert":
         * the merge statements; "commit"), with its wall time, for benchmarks and diagnostics. Does nothing unless
         * overridden.
         */
        default void phase(String name, long nanos) { }

        Progress NONE = (b, t, r) -> { };
    }

    /**
     * @param strict  refuse the whole file when any row would be skipped (malformed, repeated or conflicting)
     * @param replace let rows replace stored records that have other values (Comtrade revises its data)
     */
    public record Options(boolean strict, boolean replace) {
        public static final Options DEFAULT = new Options(false, false);
    }

    private final TradeStore store;

    public ComtradeImporter(TradeStore store) { this.store = store; }

    public ImportReport importFile(Path file, Options options, Progress progress) throws TradeImportException {
        return importFile(file, file.toAbsolutePath().normalize().toString(), options, progress);
    }

    /**
     * @param name what the import is called in the store and in messages (an upload's own file name rather than
     *             the temporary file it was saved to)
     */
    public ImportReport importFile(Path file, String name, Options options, Progress progress)
            throws TradeImportException {
        synchronized (store) {
            long start = System.nanoTime();
            Connection db = store.connection();
            try {
                db.setAutoCommit(false);
            } catch (SQLException e) {
                throw new TradeStoreException("cannot start a transaction on " + store.file() + ": " + e.getMessage(),
                        e);
            }
            boolean committed = false;
            try {
                Staged staged = stage(file, name, options, progress, db);
                // The staged rows are in a temporary table, not in the store: committing them changes nothing the
                // store holds, and DuckDB scans committed rows about twice as fast as rows added in the same
                // transaction, which the merge below reads several times. The merge is the one transaction.
                db.commit();
                progress.phase("read", System.nanoTime() - start);
                ImportReport report = merge(name, staged, options, db, start, progress);
                if (report.importId() != null) {
                    long t = System.nanoTime();
                    db.commit();
                    committed = true;
                    progress.phase("commit", System.nanoTime() - t);
                }
                return report;
            } catch (SQLException e) {
                throw new TradeImportException(name + ": import failed, the store is unchanged: " + e.getMessage(), e);
            } finally {
                try {
                    if (!committed) db.rollback();
                    db.setAutoCommit(true);
                } catch (SQLException e) {
                    // the connection is broken; the next use reports it
                }
                dropScratchTables(db);
            }
        }
    }

    /** Frees the temporary tables of an import (the staged rows outlive a rolled-back merge). */
    private static void dropScratchTables(Connection db) {
        try (Statement st = db.createStatement()) {
            st.execute("DROP TABLE IF EXISTS trade_staging");
            st.execute("DROP TABLE IF EXISTS trade_dup");
            st.execute("DROP TABLE IF EXISTS trade_match");
        } catch (SQLException e) {
            // the connection is broken; the next use reports it
        }
    }

    /** What the reading pass produced: rows in {@code trade_staging}, and the rows it set aside. */
    private record Staged(ComtradeFormat format, String sha256, long rowsRead, long rowsStaged,
                          List<ImportReport.RowProblem> problems, Map<String, Long> skippedByField,
                          Map<String, String> descriptions) {}

    private Staged stage(Path file, String name, Options options, Progress progress, Connection db)
            throws TradeImportException, SQLException {
        long total;
        try {
            total = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new TradeImportException(name + ": file not found");
        } catch (IOException e) {
            throw new TradeImportException(name + ": cannot read: " + e.getMessage(), e);
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Statement st = db.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE trade_staging AS SELECT source_line, freq, year, month, "
                    + "reporter, partner, partner2, flow, classification, cmd, customs, mot, net_wgt_kg, value_usd, "
                    + "cif_usd, fob_usd FROM trade_flow LIMIT 0");
        }
        try (CountingStream counted = new CountingStream(Files.newInputStream(file));
             InputStream raw = new DigestInputStream(counted, sha);
             // Strict UTF-8: text in another encoding fails at its first bad byte, named by offset and line,
             // rather than being stored with replacement characters.
             Reader reader = new InputStreamReader(Utf8.checking(decompress(file, raw)), StandardCharsets.UTF_8);
             CsvParser csv = new CsvFactory().createParser(reader);
             DuckDBAppender app = ((DuckDBConnection) db.unwrap(DuckDBConnection.class))
                     .createAppender("temp", "main", "trade_staging")) {
            csv.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
            List<String> header = readHeader(csv, name);
            ComtradeFormat format = ComtradeFormat.detect(header).orElseThrow(() -> new TradeImportException(
                    name + ": line 1: not a UN Comtrade CSV header (" + ComtradeFormat.explainUnknown(header)
                            + "); first columns: " + String.join(",", header.subList(0, Math.min(6, header.size())))));
            ComtradeRowParser parser = new ComtradeRowParser(format, header, store.countries());
            parser.header(header);
            // The rest of the file is parsed and checked on a reader thread while this one appends its rows.
            RowFeed feed = new RowFeed(name, options, csv, parser, counted, header.size());
            Thread reading = new Thread(feed, "caravan-import-reader");
            reading.setDaemon(true);
            reading.start();
            long staged = 0;
            try {
                for (Batch b = feed.next(); b != null; b = feed.next()) {
                    for (int i = 0; i < b.size; i++) append(app, b, i);
                    staged += b.size;
                    if (b.progressRows > 0) progress.update(b.progressBytes, total, b.progressRows);
                    feed.recycle(b);
                }
            } finally {
                feed.cancel();
                joinUninterruptibly(reading);
            }
            progress.update(total, total, feed.rows);
            app.flush();
            return new Staged(format, HexFormat.of().formatHex(sha.digest()), feed.rows, staged, feed.problems,
                    feed.byField, feed.descriptions);
        } catch (Utf8.MalformedException e) {
            throw new TradeImportException(name + ": " + e.location() + ": " + e.getMessage() + "; nothing imported", e);
        } catch (IOException e) {
            // the header (the rows' syntax errors come from RowFeed, with their line)
            throw new TradeImportException(name + ": line 1 or after: cannot read the CSV ("
                    + firstLine(e.getMessage()) + "); nothing imported", e);
        }
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** Rows that passed the checks, in file order, as the appender takes them; reused once appended. */
    private static final class Batch {
        static final int ROWS = 2048;
        int size;
        /** When not 0, the progress to report once this batch is appended (rows read and bytes read by then). */
        long progressRows;
        long progressBytes;
        final long[] line = new long[ROWS];
        final String[] freq = new String[ROWS];
        final short[] year = new short[ROWS];
        final byte[] month = new byte[ROWS];
        final short[] reporter = new short[ROWS];
        final short[] partner = new short[ROWS];
        final short[] partner2 = new short[ROWS];
        final String[] flow = new String[ROWS];
        final String[] classification = new String[ROWS];
        final String[] cmd = new String[ROWS];
        final String[] customs = new String[ROWS];
        final int[] mot = new int[ROWS];
        final double[] netWgtKg = new double[ROWS];
        final double[] valueUsd = new double[ROWS];
        final double[] cifUsd = new double[ROWS];
        final double[] fobUsd = new double[ROWS];

        void add(long l, ComtradeRowParser p) {
            int i = size++;
            line[i] = l;
            freq[i] = p.freq;
            year[i] = (short) p.yearValue;
            month[i] = (byte) p.monthValue;
            reporter[i] = (short) p.reporterCode;
            partner[i] = (short) p.partnerCode;
            partner2[i] = (short) p.partner2Code;
            flow[i] = p.flowCode;
            classification[i] = p.classificationCode;
            cmd[i] = p.cmdCode;
            customs[i] = p.customsCode;
            mot[i] = p.motCode;
            netWgtKg[i] = p.netWgtKg;
            valueUsd[i] = p.valueUsd;
            cifUsd[i] = p.cifUsd;
            fobUsd[i] = p.fobUsd;
        }
    }

    /**
     * The reading pass after the header, run on its own thread: CSV tokens, row checks and problem bookkeeping,
     * handing the good rows over in {@link Batch}es (a fixed pool of them, so a slow appender holds the reader
     * back and memory stays bounded). Its counters and lists are read by the importing thread once this thread
     * has ended.
     */
    private static final class RowFeed implements Runnable {
        private static final Batch END = new Batch();
        private static final int POOL = 8;

        private final String file;
        private final Options options;
        private final CsvParser csv;
        private final ComtradeRowParser parser;
        private final CountingStream counted;
        private final int headerSize;
        private final BlockingQueue<Batch> full =
                new ArrayBlockingQueue<>(POOL + 1);
        private final BlockingQueue<Batch> free =
                new ArrayBlockingQueue<>(POOL);
        private volatile boolean cancelled;
        /** Why reading stopped early: a TradeImportException, or an unexpected RuntimeException or Error. */
        private volatile Throwable failure;

        final List<ImportReport.RowProblem> problems = new ArrayList<>();
        final Map<String, Long> byField = new TreeMap<>();
        final Map<String, String> descriptions = new HashMap<>();
        long rows;

        RowFeed(String file, Options options, CsvParser csv, ComtradeRowParser parser, CountingStream counted,
                int headerSize) {
            this.file = file;
            this.options = options;
            this.csv = csv;
            this.parser = parser;
            this.counted = counted;
            this.headerSize = headerSize;
            for (int i = 0; i < POOL; i++) free.add(new Batch());
        }

        @Override
        public void run() {
            long line = 1;
            try {
                String[] fields = new String[Math.max(64, headerSize + 8)];
                int n = 0;
                Batch batch = take(free);
                JsonToken t;
                while (batch != null && (t = csv.nextToken()) != null) {
                    if (t == JsonToken.START_ARRAY) {
                        n = 0;
                    } else if (t == JsonToken.VALUE_STRING) {
                        // The row's line is where its first field starts (START_ARRAY is located at the previous
                        // row's end).
                        if (n == 0) line = csv.currentTokenLocation().getLineNr();
                        if (n == fields.length) fields = Arrays.copyOf(fields, n * 2);
                        fields[n++] = csv.getText();
                    } else if (t == JsonToken.END_ARRAY) {
                        // a blank line is no row (Jackson's SKIP_EMPTY_LINES does not catch every form of it)
                        if (n == 0 || (n == 1 && fields[0].isBlank())) continue;
                        rows++;
                        String why = parser.parse(fields, n);
                        if (why == null) {
                            batch.add(line, parser);
                            if (!parser.cmdDescription.isEmpty()) {
                                descriptions.putIfAbsent(parser.cmdCode, parser.cmdDescription);
                            }
                        } else {
                            if (options.strict()) {
                                throw new TradeImportException(file + ": line " + line + ", " + parser.badField
                                        + ": " + why + " (--strict: nothing imported)");
                            }
                            byField.merge(parser.badField, 1L, Long::sum);
                            if (problems.size() < REPORTED_PROBLEMS) {
                                problems.add(new ImportReport.RowProblem(line, parser.badField, why));
                            }
                        }
                        boolean report = (rows & (PROGRESS_EVERY - 1)) == 0;
                        if (report) {
                            batch.progressRows = rows;
                            batch.progressBytes = counted.count;
                        }
                        if (report || batch.size == Batch.ROWS) {
                            if (!put(batch)) return;
                            batch = take(free);
                        }
                    }
                }
                if (batch != null && batch.size > 0) put(batch);
            } catch (Utf8.MalformedException e) {
                failure = new TradeImportException(file + ": " + e.location() + ": " + e.getMessage()
                        + "; nothing imported", e);
            } catch (IOException e) {
                // Jackson reports CSV syntax errors (an unclosed quote...) as IOExceptions with their own location
                failure = new TradeImportException(file + ": line " + line + " or after: cannot read the CSV ("
                        + firstLine(e.getMessage()) + "); nothing imported", e);
            } catch (TradeImportException | RuntimeException | Error e) {
                failure = e;
            } finally {
                put(END);
            }
        }

        /** The next batch in file order, or null at the end; rethrows what stopped the reader. */
        Batch next() throws TradeImportException {
            Batch b;
            try {
                b = full.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TradeImportException(file + ": import interrupted; nothing imported", e);
            }
            if (b != END) return b;
            Throwable f = failure;
            if (f instanceof TradeImportException e) throw e;
            if (f instanceof RuntimeException e) throw e;
            if (f instanceof Error e) throw e;
            return null;
        }

        void recycle(Batch b) {
            b.size = 0;
            b.progressRows = 0;
            free.offer(b);
        }

        /** Stops the reader at its next hand-over (the importing thread gave up). */
        void cancel() { cancelled = true; }

        private Batch take(BlockingQueue<Batch> q) {
            try {
                Batch b;
                while ((b = q.poll(50, TimeUnit.MILLISECONDS)) == null) {
                    if (cancelled) return null;
                }
                return b;
            } catch (InterruptedException e) {
                return null;
            }
        }

        private boolean put(Batch b) {
            try {
                while (!full.offer(b, 50, TimeUnit.MILLISECONDS)) {
                    if (cancelled) return false;
                }
                return true;
            } catch (InterruptedException e) {
                return false;
            }
        }
    }

    private static InputStream decompress(Path file, InputStream raw) throws IOException {
        InputStream buffered = new BufferedInputStream(raw, 1 << 16);
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz")
                ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    }

    private static List<String> readHeader(CsvParser csv, String file) throws IOException, TradeImportException {
        List<String> header = new ArrayList<>();
        JsonToken t = csv.nextToken();
        if (t != JsonToken.START_ARRAY) throw new TradeImportException(file + ": the file is empty");
        while ((t = csv.nextToken()) == JsonToken.VALUE_STRING) header.add(csv.getText());
        return header;
    }

    private static void append(DuckDBAppender app, Batch b, int i) throws SQLException {
        app.beginRow();
        app.append(b.line[i]);
        app.append(b.freq[i]);
        app.append(b.year[i]);
        app.append(b.month[i]);
        app.append(b.reporter[i]);
        app.append(b.partner[i]);
        app.append(b.partner2[i]);
        app.append(b.flow[i]);
        app.append(b.classification[i]);
        app.append(b.cmd[i]);
        app.append(b.customs[i]);
        app.append(b.mot[i]);
        appendNullable(app, b.netWgtKg[i]);
        app.append(b.valueUsd[i]);
        appendNullable(app, b.cifUsd[i]);
        appendNullable(app, b.fobUsd[i]);
        app.endRow();
    }

    private static void appendNullable(DuckDBAppender app, double v) throws SQLException {
        if (Double.isNaN(v)) {
            app.appendNull();
        } else {
            app.append(v);
        }
    }

    private ImportReport merge(String file, Staged s, Options options, Connection db, long start, Progress progress)
            throws SQLException, TradeImportException {
        long t = System.nanoTime();
        List<ImportReport.RowProblem> problems = new ArrayList<>(s.problems());
        Map<String, Long> byField = new TreeMap<>(s.skippedByField());
        long skipped = s.rowsRead() - s.rowsStaged();
        try (Statement st = db.createStatement()) {
            // Rows repeated within the file: the first one counts.
            st.execute("CREATE OR REPLACE TEMP TABLE trade_dup AS SELECT s.source_line, g.first_line FROM "
                    + "trade_staging s JOIN (SELECT " + TradeStore.KEY + ", min(source_line) AS first_line FROM "
                    + "trade_staging GROUP BY ALL HAVING count(*) > 1) g USING (" + TradeStore.KEY + ") "
                    + "WHERE s.source_line <> g.first_line");
            long dups = count(st, "SELECT count(*) FROM trade_dup");
            if (dups > 0) {
                if (options.strict()) {
                    throw new TradeImportException(file + ": " + firstDuplicate(st)
                            + " (--strict: nothing imported)");
                }
                byField.merge("(duplicate)", dups, Long::sum);
                collect(st, "SELECT source_line, 'same reporter, partner, period, flow and commodity as line ' || "
                        + "first_line FROM trade_dup ORDER BY source_line", "(duplicate)", problems);
                st.execute("DELETE FROM trade_staging WHERE source_line IN (SELECT source_line FROM trade_dup)");
                skipped += dups;
            }
            progress.phase("duplicates", System.nanoTime() - t);
            t = System.nanoTime();
            // Rows matching stored records.
            st.execute("CREATE OR REPLACE TEMP TABLE trade_match AS SELECT s.source_line, t.import_id, "
                    + "t.value_usd AS stored_value, s.value_usd AS new_value, "
                    + "(s.value_usd = t.value_usd AND s.net_wgt_kg IS NOT DISTINCT FROM t.net_wgt_kg) AS same "
                    + "FROM trade_staging s JOIN trade_flow t USING (" + TradeStore.KEY + ")");
            long same = count(st, "SELECT count(*) FROM trade_match WHERE same");
            long conflicts = count(st, "SELECT count(*) FROM trade_match WHERE NOT same");
            long replaced = 0;
            if (conflicts > 0 && options.replace()) {
                st.execute("DELETE FROM trade_flow USING (SELECT s.* FROM trade_staging s JOIN trade_match m "
                        + "USING (source_line) WHERE NOT m.same) r WHERE " + keyEquals("trade_flow", "r"));
                replaced = conflicts;
            } else if (conflicts > 0) {
                if (options.strict()) {
                    throw new TradeImportException(file + ": " + conflicts + " row(s) differ from stored records "
                            + "(use --replace to take the new values; --strict: nothing imported)");
                }
                byField.merge("(conflict)", conflicts, Long::sum);
                collect(st, "SELECT source_line, 'differs from the record stored by import #' || import_id || "
                        + "' (stored value ' || stored_value || ' USD, this file ' || new_value || "
                        + "' USD); use --replace to take the new values' FROM trade_match WHERE NOT same "
                        + "ORDER BY source_line", "(conflict)", problems);
                skipped += conflicts;
            }
            st.execute("DELETE FROM trade_staging WHERE source_line IN (SELECT source_line FROM trade_match"
                    + (options.replace() ? " WHERE same)" : ")"));
            long toInsert = count(st, "SELECT count(*) FROM trade_staging");
            progress.phase("match", System.nanoTime() - t);
            t = System.nanoTime();
            Integer importId = null;
            if (toInsert > 0) {
                importId = (int) count(st, "SELECT coalesce(max(id), 0) + 1 FROM trade_import");
                st.execute("INSERT INTO trade_flow SELECT " + importId + ", * FROM trade_staging");
                try (PreparedStatement ps = db.prepareStatement("INSERT INTO trade_import VALUES "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setInt(1, importId);
                    ps.setString(2, file);
                    ps.setString(3, s.sha256());
                    ps.setString(4, s.format().name());
                    ps.setTimestamp(5, Timestamp.from(Instant.now()));
                    ps.setLong(6, s.rowsRead());
                    ps.setLong(7, toInsert - replaced);
                    ps.setLong(8, replaced);
                    ps.setLong(9, same);
                    ps.setLong(10, skipped);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = db.prepareStatement("INSERT INTO trade_import_problem VALUES (?, ?, ?, ?)")) {
                    for (ImportReport.RowProblem p : problems) {
                        ps.setInt(1, importId);
                        ps.setLong(2, p.line());
                        ps.setString(3, p.field());
                        ps.setString(4, p.reason());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = db.prepareStatement(
                        "INSERT INTO commodity VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                    for (Map.Entry<String, String> e : s.descriptions().entrySet()) {
                        ps.setString(1, e.getKey());
                        ps.setString(2, e.getValue());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            st.execute("DROP TABLE IF EXISTS trade_staging");
            st.execute("DROP TABLE IF EXISTS trade_dup");
            st.execute("DROP TABLE IF EXISTS trade_match");
            progress.phase("insert", System.nanoTime() - t);
            problems.sort((a, b) -> Long.compare(a.line(), b.line()));
            List<ImportReport.RowProblem> listed = problems.size() > REPORTED_PROBLEMS
                    ? problems.subList(0, REPORTED_PROBLEMS) : problems;
            return new ImportReport(file, s.format().label(), s.sha256(), importId, s.rowsRead(),
                    toInsert - replaced, replaced, same, skipped, byField, listed,
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private static String keyEquals(String a, String b) {
        StringBuilder sb = new StringBuilder();
        for (String k : TradeStore.KEY.split(",\\s*")) {
            if (sb.length() > 0) sb.append(" AND ");
            sb.append(a).append('.').append(k).append(" = ").append(b).append('.').append(k);
        }
        return sb.toString();
    }

    private static String firstDuplicate(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT source_line, first_line FROM trade_dup ORDER BY source_line LIMIT 1")) {
            rs.next();
            return "line " + rs.getLong(1) + ": same reporter, partner, period, flow and commodity as line "
                    + rs.getLong(2);
        }
    }

    private static void collect(Statement st, String sql, String field, List<ImportReport.RowProblem> out)
            throws SQLException {
        if (out.size() >= REPORTED_PROBLEMS) return;
        try (ResultSet rs = st.executeQuery(sql + " LIMIT " + (REPORTED_PROBLEMS - out.size()))) {
            while (rs.next()) out.add(new ImportReport.RowProblem(rs.getLong(1), field, rs.getString(2)));
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown error";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Counts the bytes read from the file, for the progress bar. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) { super(in); }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
