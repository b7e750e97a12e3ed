package org.caravan.trade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded DuckDB database that holds imported trade flows: the file {@code <data-dir>/caravan.duckdb}, the
 * same file in which the server keeps saved scenarios. No server to run; one writer process at a time (DuckDB
 * locks the file), so a second program gets a clear {@link TradeStoreException}. Schema: docs/DATA.md
 * "Trade store".
 */
public final class TradeStore implements AutoCloseable {
    /** The database file inside the data directory. */
    public static final String FILE_NAME = "caravan.duckdb";

    /**
     * One row per Comtrade record. The key (freq ... mot) is what makes a record the same fact in two imports:
     * re-importing never duplicates it. Codes are UN M49 / Comtrade numeric codes.
     */
    static final List<String> SCHEMA = List.of("""
            CREATE TABLE IF NOT EXISTS trade_import (
                id                  INTEGER PRIMARY KEY,
                file                VARCHAR NOT NULL,
                sha256              VARCHAR NOT NULL,
                format              VARCHAR NOT NULL,
                imported_at         TIMESTAMP NOT NULL,
                rows_read           BIGINT NOT NULL,
                rows_loaded         BIGINT NOT NULL,
                rows_replaced       BIGINT NOT NULL,
                rows_already_stored BIGINT NOT NULL,
                rows_skipped        BIGINT NOT NULL
            )""", """
            CREATE TABLE IF NOT EXISTS trade_import_problem (
                import_id INTEGER NOT NULL,
                line      BIGINT NOT NULL,
                field     VARCHAR NOT NULL,
                reason    VARCHAR NOT NULL
            )""", """
            CREATE TABLE IF NOT EXISTS trade_flow (
                import_id      INTEGER NOT NULL,
                source_line    BIGINT NOT NULL,
                freq           VARCHAR NOT NULL,
                year           SMALLINT NOT NULL,
                month          TINYINT NOT NULL,
                reporter       SMALLINT NOT NULL,
                partner        SMALLINT NOT NULL,
                partner2       SMALLINT NOT NULL,
                flow           VARCHAR NOT NULL,
                classification VARCHAR NOT NULL,
                cmd            VARCHAR NOT NULL,
                customs        VARCHAR NOT NULL,
                mot            INTEGER NOT NULL,
                net_wgt_kg     DOUBLE,
                value_usd      DOUBLE NOT NULL,
                cif_usd        DOUBLE,
                fob_usd        DOUBLE
            )""", """
            CREATE TABLE IF NOT EXISTS commodity (
                code        VARCHAR PRIMARY KEY,
                description VARCHAR NOT NULL
            )""");

    /** The columns that identify one record (see {@link #SCHEMA}). */
    static final String KEY = "freq, year, month, reporter, partner, partner2, flow, cmd, customs, mot";

    private final Path file;
    private final Connection db;
    private final Countries countries;

    private TradeStore(Path file, Connection db, Countries countries) {
        this.file = file;
        this.db = db;
        this.countries = countries;
    }

    /** Opens the store in {@code dataDir}, creating the directory, the file and the tables when missing. */
    public static TradeStore open(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new TradeStoreException("cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:duckdb:" + file);
        } catch (SQLException e) {
            throw new TradeStoreException(openFailure(file, e), e);
        }
        try (Statement st = c.createStatement()) {
            for (String ddl : SCHEMA) st.execute(ddl);
            // A killed import (kill -9, a crash, a full disk) leaves the blocks it had written and its log behind;
            // a checkpoint on open folds the log into the file and lets DuckDB truncate the free blocks at its end,
            // so the file does not grow with every failed import (docs/RELIABILITY.md).
            st.execute("CHECKPOINT");
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the first failure is the one to report
            }
            throw new TradeStoreException("cannot create the trade tables in " + file + ": " + e.getMessage(), e);
        }
        return new TradeStore(file, c, Countries.embedded());
    }

    private static String openFailure(Path file, SQLException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (msg.contains("lock")) {
            return "the store " + file + " is in use by another program (is `caravan serve` running with this data "
                    + "directory? stop it, or give this command another --data-dir)";
        }
        return "cannot open the store " + file + ": " + msg;
    }

    public Path file() { return file; }

    public Countries countries() { return countries; }

    /** The store's connection: one per store, used by one thread at a time (callers synchronise on the store). */
    Connection connection() { return db; }

    /** What has been imported, newest first. */
    public synchronized List<ImportRecord> imports() {
        List<ImportRecord> out = new ArrayList<>();
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, file, sha256, format, imported_at, rows_read, rows_loaded, "
                     + "rows_replaced, rows_already_stored, rows_skipped FROM trade_import ORDER BY id DESC")) {
            while (rs.next()) {
                out.add(new ImportRecord(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant().toString(), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                        rs.getLong(9), rs.getLong(10)));
            }
        } catch (SQLException e) {
            throw new TradeStoreException("cannot list imports in " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Number of trade records stored. */
    public synchronized long flowCount() {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM trade_flow")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new TradeStoreException("cannot count trade records in " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * SHA-256 of the synthetic example files shipped with Caravan ({@code synthetic-samples.csv}): invented numbers
     * in the Comtrade format. Records imported from them are flagged in every answer ({@link #syntheticRecords}).
     */
    public static final java.util.Set<String> SYNTHETIC_SHA256 = loadSyntheticHashes();

    private static java.util.Set<String> loadSyntheticHashes() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        try (var in = TradeStore.class.getResourceAsStream("/org/caravan/trade/synthetic-samples.csv")) {
            if (in == null) throw new IllegalStateException("synthetic-samples.csv is missing from the jar");
            var lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R");
            for (int i = 1; i < lines.length; i++) {
                String hash = lines[i].split(",", 2)[0].trim();
                if (!hash.isEmpty()) out.add(hash);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return java.util.Set.copyOf(out);
    }

    /** Stored records that came from a synthetic example file (see {@link #SYNTHETIC_SHA256}); 0 when none. */
    public synchronized long syntheticRecords() {
        if (SYNTHETIC_SHA256.isEmpty()) return 0;
        String in = String.join(",", SYNTHETIC_SHA256.stream().map(h -> "'" + h.replace("'", "") + "'").toList());
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM trade_flow "
                + "WHERE import_id IN (SELECT id FROM trade_import WHERE sha256 IN (" + in + "))")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new TradeStoreException("cannot count synthetic records in " + file + ": " + e.getMessage(), e);
        }
    }

    /** The warning every answer from a store with synthetic records carries (text line, JSON note). */
    public static String syntheticWarning(long records) {
        return String.format(java.util.Locale.ROOT, "SYNTHETIC EXAMPLE DATA: the store holds %,d records from the "
                + "shipped synthetic Comtrade sample (invented numbers, not trade statistics); do not quote these "
                + "figures", records);
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new TradeStoreException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }

    /** One past import, as {@code caravan trade imports} lists it. */
    public record ImportRecord(int id, String file, String sha256, String format, String importedAt, long rowsRead,
                               long rowsLoaded, long rowsReplaced, long rowsAlreadyStored, long rowsSkipped) {}
}
