package org.caravan.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caravan.network.Problem;
import org.caravan.scenario.Scenario;
import org.caravan.scenario.ScenarioBase;
import org.caravan.scenario.ScenarioException;
import org.caravan.scenario.ScenarioLoader;

/**
 * {@link ScenarioStore} in an embedded DuckDB database file, {@code <data-dir>/caravan.duckdb} (schema in
 * docs/DATA.md, created on first use). One connection, used under this object's lock; every write is one
 * transaction.
 */
public final class DuckDbScenarioStore implements ScenarioStore {
    /** The database file inside the data directory. */
    public static final String FILE_NAME = "caravan.duckdb";

    static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS user_scenario (
                id       VARCHAR PRIMARY KEY,
                title    VARCHAR NOT NULL,
                text     VARCHAR NOT NULL,
                saved_at TIMESTAMP NOT NULL
            )""";

    private final ScenarioBase base;
    private final Path file;
    private final Connection db;

    private DuckDbScenarioStore(Path file, ScenarioBase base, Connection db) {
        this.file = file;
        this.base = base;
        this.db = db;
    }

    /**
     * Opens (creating the directory, the file and the table when missing) the store in {@code dataDir}.
     *
     * @param base what saved scenarios are checked against
     */
    public static DuckDbScenarioStore open(Path dataDir, ScenarioBase base) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
            try (Statement st = c.createStatement()) {
                st.execute(SCHEMA);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return new DuckDbScenarioStore(file, base, c);
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot open the scenario store " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() { return file; }

    @Override
    public Scenario save(String id, String text) throws ScenarioException {
        String name = "user:" + id;
        String idProblem = ScenarioStore.idProblem(id);
        if (idProblem != null) {
            throw new ScenarioException(List.of(new Problem(name.length() > 80 ? "user:" + id.substring(0, 64) + "..."
                    : name, "", "id", idProblem)));
        }
        if (ScenarioLoader.EXAMPLES.contains(id)) {
            throw new ScenarioException(List.of(new Problem(name, "", "id", "'" + id + "' is a shipped example; "
                    + "give your scenario another id")));
        }
        Scenario s = ScenarioLoader.read(text.getBytes(StandardCharsets.UTF_8), name, base);
        if (!s.id().equals(id)) {
            throw new ScenarioException(List.of(new Problem(name, "", "id", "the scenario's id is '" + s.id()
                    + "', not '" + id + "'")));
        }
        synchronized (this) {
            try {
                db.setAutoCommit(false);
                try (PreparedStatement del = db.prepareStatement("DELETE FROM user_scenario WHERE id = ?");
                     PreparedStatement ins = db.prepareStatement(
                             "INSERT INTO user_scenario (id, title, text, saved_at) VALUES (?, ?, ?, ?)")) {
                    del.setString(1, id);
                    del.executeUpdate();
                    ins.setString(1, id);
                    ins.setString(2, s.title());
                    ins.setString(3, text);
                    ins.setTimestamp(4, Timestamp.from(Instant.now()));
                    ins.executeUpdate();
                    db.commit();
                } catch (SQLException e) {
                    db.rollback();
                    throw e;
                } finally {
                    db.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new StoreException("cannot save scenario " + id + ": " + e.getMessage(), e);
            }
        }
        return s;
    }

    @Override
    public synchronized List<Saved> list() {
        try (PreparedStatement st = db.prepareStatement(
                "SELECT id, title, text, saved_at FROM user_scenario ORDER BY id")) {
            return read(st);
        } catch (SQLException e) {
            throw new StoreException("cannot list scenarios: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<Saved> get(String id) {
        try (PreparedStatement st = db.prepareStatement(
                "SELECT id, title, text, saved_at FROM user_scenario WHERE id = ?")) {
            st.setString(1, id);
            return read(st).stream().findFirst();
        } catch (SQLException e) {
            throw new StoreException("cannot read scenario " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean delete(String id) {
        try {
            db.setAutoCommit(false);
            try (PreparedStatement st = db.prepareStatement("DELETE FROM user_scenario WHERE id = ?")) {
                st.setString(1, id);
                int n = st.executeUpdate();
                db.commit();
                return n > 0;
            } catch (SQLException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot delete scenario " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the scenario store: " + e.getMessage(), e);
        }
    }

    private static List<Saved> read(PreparedStatement st) throws SQLException {
        List<Saved> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new Saved(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
            }
        }
        return out;
    }
}
