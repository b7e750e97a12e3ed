package org.caravan.server;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.caravan.scenario.Scenario;
import org.caravan.scenario.ScenarioException;

/**
 * User scenarios kept across restarts: the text as the user wrote it (YAML or JSON), keyed by the scenario's id.
 * A scenario is checked against the base network before anything is stored; a refused one leaves the store as it
 * was. Implementations are thread-safe.
 */
public interface ScenarioStore extends AutoCloseable {
    /** Longest id kept: ids appear in URLs ({@code /api/scenarios/{id}}) and the Location of a save. */
    int MAX_ID_LENGTH = 64;

    /**
     * Why {@code id} cannot be stored (too long, or characters other than lower-case letters, digits and '-'), or
     * null when it can. Checked before anything is written, so a refused id leaves the store as it was.
     */
    static String idProblem(String id) {
        if (id == null || id.isEmpty()) return "missing: give the scenario an id";
        if (id.length() > MAX_ID_LENGTH) {
            return "longer than " + MAX_ID_LENGTH + " characters (" + id.length() + ")";
        }
        if (!id.matches("[a-z0-9][a-z0-9-]*")) return "expected lower-case letters, digits and '-', got '" + id + "'";
        return null;
    }

    /** A stored scenario: its id and title, the text as saved, and when it was saved. */
    record Saved(String id, String title, String text, Instant savedAt) {}

    /**
     * Checks {@code text} (the scenario file's content) and stores it under {@code id}, replacing an earlier save
     * of the same id.
     *
     * @return the scenario as read
     * @throws ScenarioException every problem, with the field (nothing is stored): bad YAML, an unknown link, an
     *                           id that is not the one in the text, that names a shipped example or that
     *                           {@link #idProblem} refuses
     */
    Scenario save(String id, String text) throws ScenarioException;

    /** Every stored scenario, by id. */
    List<Saved> list();

    Optional<Saved> get(String id);

    /** @return whether there was one to delete */
    boolean delete(String id);

    @Override
    void close();

    /** The store cannot be read or written (a broken file, a full disk); not the user's fault. */
    final class StoreException extends RuntimeException {
        public StoreException(String message, Throwable cause) { super(message, cause); }
    }
}
