package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CLI as a user runs it, in its own JVM (so logging is configured by {@code main} exactly as in the shipped
 * launcher): a command that writes a file prints one {@code caravan: wrote FILE (N bytes)} line on stderr, with the
 * file's real size, and no library log line (PDFBox font cache, openhtmltopdf, slf4j) on either stream.
 */
class WroteLineSubprocessTest {
    @TempDir Path dir;

    record Run(int exit, String out, String err) {}

    private static Run caravan(Path workDir, String... args) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + workDir, "-cp", cp, CaravanCli.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().put("HOME", workDir.toString()); // the store's default place (DataDir), kept in the test
        pb.environment().remove("CARAVAN_HOME");
        Process p = pb.redirectOutput(workDir.resolve("stdout.txt").toFile())
                .redirectError(workDir.resolve("stderr.txt").toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("caravan %s finished", String.join(" ", args)).isTrue();
        return new Run(p.exitValue(), Files.readString(workDir.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(workDir.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"brief ak.pdf", "brief ak.html", "route ak.svg", "route ak.png"})
    void oneWroteLineWithTheFilesSizeAndNoLibraryLogLines(String spec) throws Exception {
        String command = spec.split(" ")[0];
        String file = spec.split(" ")[1];
        Run r = command.equals("brief")
                ? caravan(dir, "brief", "Almaty", "Karachi", "--alternatives", "2", "--out", file)
                : caravan(dir, "route", "Almaty", "Karachi", "--alternatives", "2", "--chart", file);
        assertThat(r.exit()).as(r.err()).isZero();
        Path written = dir.resolve(file);
        assertThat(written).exists();
        String size = String.format(Locale.ROOT, "%,d", Files.size(written));
        List<String> errLines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertThat(errLines).containsExactly("caravan: wrote " + file + " (" + size + " bytes)");
        for (String stream : List.of(r.out(), r.err())) {
            assertThat(stream).doesNotContainPattern("(?m)^\\[[^\\]]+\\] (INFO|WARN|ERROR|DEBUG)")
                    .doesNotContain("SEVERE").doesNotContain("WARNING:").doesNotContain("org.apache.")
                    .doesNotContain("com.openhtmltopdf").doesNotContain("SLF4J");
        }
        if (command.equals("route")) assertThat(r.out()).contains("Almaty").contains("Karachi");
        else assertThat(r.out()).isEmpty();
        assertThat(new File(dir.toFile(), ".caravan")).as("no store created by a command that needs none")
                .doesNotExist();
    }
}
