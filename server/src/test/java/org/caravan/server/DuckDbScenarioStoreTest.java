package org.caravan.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.caravan.scenario.ScenarioBase;
import org.caravan.scenario.ScenarioException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DuckDB store of user scenarios: checked before writing, kept across a close and reopen. */
class DuckDbScenarioStoreTest {
    private static ScenarioBase base;

    @TempDir
    Path dir;

    static final String TEXT = """
            id: slow-chaman
            title: Chaman slower
            rationale: test
            changes:
              close: [Torkham]
            """;

    @BeforeAll
    static void loadBase() {
        base = ScenarioBase.embedded();
    }

    @Test
    void survivesCloseAndReopen() throws Exception {
        try (DuckDbScenarioStore store = DuckDbScenarioStore.open(dir.resolve("data"), base)) {
            assertThat(store.list()).isEmpty();
            store.save("slow-chaman", TEXT);
        }
        assertThat(Files.exists(dir.resolve("data").resolve(DuckDbScenarioStore.FILE_NAME))).isTrue();
        try (DuckDbScenarioStore store = DuckDbScenarioStore.open(dir.resolve("data"), base)) {
            assertThat(store.list()).extracting(ScenarioStore.Saved::id).containsExactly("slow-chaman");
            ScenarioStore.Saved saved = store.get("slow-chaman").orElseThrow();
            assertThat(saved.text()).isEqualTo(TEXT);
            assertThat(saved.title()).isEqualTo("Chaman slower");
            assertThat(store.delete("slow-chaman")).isTrue();
            assertThat(store.delete("slow-chaman")).isFalse();
        }
        try (DuckDbScenarioStore store = DuckDbScenarioStore.open(dir.resolve("data"), base)) {
            assertThat(store.list()).isEmpty();
        }
    }

    @Test
    void refusesBadScenariosAndStoresNothing() {
        try (DuckDbScenarioStore store = DuckDbScenarioStore.open(dir, base)) {
            assertThatThrownBy(() -> store.save("slow-chaman", TEXT.replace("Torkham", "Atlantis")))
                    .isInstanceOf(ScenarioException.class)
                    .satisfies(e -> assertThat(((ScenarioException) e).problems().get(0).field())
                            .isEqualTo("changes.close[0]"));
            assertThatThrownBy(() -> store.save("other-id", TEXT))
                    .isInstanceOf(ScenarioException.class)
                    .satisfies(e -> assertThat(((ScenarioException) e).problems().get(0).field()).isEqualTo("id"));
            assertThatThrownBy(() -> store.save("torkham-closed", TEXT.replace("slow-chaman", "torkham-closed")))
                    .isInstanceOf(ScenarioException.class);
            assertThat(store.list()).isEmpty();
        }
    }
}
