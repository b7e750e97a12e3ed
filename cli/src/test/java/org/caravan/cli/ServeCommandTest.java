package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caravan serve} options that fail before the server starts (the server itself: ServerApiTest). */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void helpShowsTheDataDirectory() {
        CliRunner.Run help = CliRunner.run("serve", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--data-dir", "caravan.duckdb", ".caravan");
    }

    @Test
    void aDataDirectoryThatCannotBeUsedIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        CliRunner.Run run = CliRunner.run("serve", "--port", "0", "--data-dir", file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--data-dir").doesNotContain("\tat ");
    }

    @Test
    void allowHostIsOfferedAndABadNameIsRefused() {
        assertThat(CliRunner.run("serve", "--help").out()).contains("--allow-host", "421");
        CliRunner.Run run = CliRunner.run("serve", "--port", "0", "--data-dir", dir.toString(), "--allow-host",
                "caravan.example,bad name!");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--allow-host", "bad name!").doesNotContain("\tat ");
    }
}
