package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caravan brief}: the HTML and PDF a user gets, and a bad --out. */
class BriefCommandTest {
    @TempDir
    Path dir;

    @Test
    void htmlBriefHoldsTheRoutesCrossingsAndSources() throws Exception {
        Path html = dir.resolve("ak.html");
        CliRunner.Run run = CliRunner.run("brief", "Almaty", "Karachi", "--alternatives", "2", "--samples", "200",
                "--out", html.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        String s = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(s).startsWith("<!DOCTYPE html>").contains("Corridor brief: Almaty", "Saryagash-Keles rail",
                "Data sources", "Exposure by country", "class=\"brief-map\"", "distance-chart");
    }

    @Test
    void pdfBrief() throws Exception {
        Path pdf = dir.resolve("ak.pdf");
        // -o / --output, like every other command that writes a file (--out is kept as an alias)
        CliRunner.Run run = CliRunner.run("brief", "Almaty", "Karachi", "--alternatives", "1", "--samples", "200",
                "-o", pdf.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).as("says what it wrote, no library log lines").contains("wrote " + pdf)
                .doesNotContain("openhtmltopdf", "pdfbox", "INFO", "WARN");
        byte[] b = Files.readAllBytes(pdf);
        assertThat(new String(b, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    @Test
    void scenarioBriefComparesBaselineAndScenario() throws Exception {
        Path html = dir.resolve("s.html");
        CliRunner.Run run = CliRunner.run("brief", "Termez", "Karachi", "--include-planned", "--scenario", "trans-afghan-railway",
                "--samples", "200", "--out", html.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readString(html)).contains("Baseline", "Scenario trans-afghan-railway");
    }

    @Test
    void badExtensionIsExitTwoNamingOut() {
        CliRunner.Run run = CliRunner.run("brief", "Almaty", "Karachi", "--out", dir.resolve("ak.docx").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--out");
    }
}
