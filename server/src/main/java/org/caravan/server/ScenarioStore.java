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

    /** A stored scenario: its id and title, the text as saved, and when it was saved. */
    record Saved(String id, String title, String text, Instant savedAt) {}

    /**
     * Checks {@code text} (the scenario file's content) and stores it under {@code id}, replacing an earlier save
     * of the same id.
     *
     * @return the scenario as read
     * @throws ScenarioException every problem, with the field (nothing is stored): bad YAML, an unknown link, an
     *                           id that is not the one in the text or that names a shipped example
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
