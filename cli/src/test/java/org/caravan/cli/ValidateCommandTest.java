package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caravan validate} and {@code caravan calibrate} on a three-place fixture network with a round-number
 * cost model (the same fixture as the core tests): output formats, the chart, the fitted --costs file, and bad input.
 */
class ValidateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    String network;
    String costs;
    Path obs;

    @BeforeEach
    void copyFixture() throws Exception {
        for (String f : new String[] {"nodes.csv", "links.csv", "costs.yaml", "fixture.csv"}) {
            try (InputStream in = getClass().getResourceAsStream("/org/caravan/cli/validation/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        network = dir.resolve("nodes.csv") + "," + dir.resolve("links.csv");
        costs = dir.resolve("costs.yaml").toString();
        obs = dir.resolve("fixture.csv");
    }

    private CliRunner.Run validate(String... extra) {
        String[] base = {"validate", obs.toString(), "--network", network, "--costs", costs};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return CliRunner.run(all);
    }

    @Test
    void textShowsEveryRowSummariesAndTargets() {
        CliRunner.Run run = validate();
        assertThat(run.exit()).as(run.err()).isZero();
        // --costs merges over the embedded defaults, whose Kazakh rail rate (0.79 USD/km, KTZ's published tariff in
        // tariffs.yaml) applies on this Kazakh fixture: o3 is 200 + 520 x 0.79 = 610.8 USD against 500 (above 600).
        assertThat(run.out()).contains("6 observations, 5 evaluated").contains("MISS").contains("place not in network")
                .contains("By quantity").contains("By kind and mode").contains("Targets")
                .contains("time within +-20 %").containsPattern("o3 .* 611 +1\\.22 +MISS");
    }

    @Test
    void jsonAndCsvCarryTheRatios() throws Exception {
        CliRunner.Run run = validate("--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.path("rows")).hasSize(6);
        assertThat(root.path("rows").get(1).path("ratio").asDouble()).isCloseTo(1.1, within(1e-9));
        assertThat(root.path("by_family")).isNotEmpty();
        CliRunner.Run csv = validate("--format", "csv");
        assertThat(csv.out().lines().count()).isEqualTo(7);
    }

    @Test
    void markdownReportAndChartFiles() throws Exception {
        Path md = dir.resolve("v.md");
        Path svg = dir.resolve("v.svg");
        Path png = dir.resolve("v.png");
        assertThat(validate("--format", "markdown", "--intro", "Test run.", "-o", md.toString(), "--chart",
                svg.toString()).exit()).isZero();
        assertThat(Files.readString(md)).startsWith("# Caravan against published figures").contains("Test run.");
        assertThat(Files.readString(svg)).contains("<svg").contains("class=\"obs\"");
        assertThat(validate("--chart", png.toString()).exit()).isZero();
        assertThat(Files.readAllBytes(png)).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }

    @Test
    void badInputExitsTwoNamingLineAndField() throws Exception {
        CliRunner.Run gif = validate("--chart", dir.resolve("v.gif").toString());
        assertThat(gif.exit()).isEqualTo(2);
        assertThat(gif.err()).contains("--chart").contains(".svg or .png");
        Path bad = Files.writeString(dir.resolve("bad.csv"),
                "id,from,to,quantity,low,high,source\na,Almaty,Taraz,km,1,1,s\nb,Almaty,Taraz,furlongs,1,1,s\n");
        CliRunner.Run run = CliRunner.run("validate", bad.toString(), "--network", network, "--costs", costs);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("bad.csv").contains("line 3").contains("'quantity'").contains("furlongs");
        assertThat(CliRunner.run("validate", dir.resolve("none.csv").toString()).err()).contains("file not found");
    }

    @Test
    void calibrateWritesACostsFileThatRouteAccepts() throws Exception {
        Path fitted = dir.resolve("fitted.yaml");
        CliRunner.Run run = CliRunner.run("calibrate", obs.toString(), "--network", network, "--costs", costs,
                "--fit", "speeds,rates", "--holdout", "0.2", "--seed", "3", "--max-evaluations", "300",
                "--prior-weight", "0.05", "--min-support", "1", "-o", fitted.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("fitted").contains("held back").contains("Parameters").contains("Skipped")
                .contains("o6: place not in network");
        String yaml = Files.readString(fitted);
        assertThat(yaml).startsWith("# Fitted by: caravan calibrate fixture.csv --fit speeds,rates --holdout 0.2 --seed 3"
                + " --min-support 1 --prior-weight 0.05")
                .contains("confidence: calibrated").contains("calibrated on fixture.csv (");
        CliRunner.Run route = CliRunner.run("route", "Almaty", "Taraz", "--network", network, "--costs", fitted.toString());
        assertThat(route.exit()).as(route.err()).isZero();
    }

    @Test
    void calibrateRefusesUnknownGroupsAndBadHoldout() {
        CliRunner.Run g = CliRunner.run("calibrate", obs.toString(), "--fit", "colours", "-o", dir.resolve("f.yaml")
                .toString());
        assertThat(g.exit()).isEqualTo(2);
        assertThat(g.err()).contains("--fit").contains("colours").contains("speeds");
        CliRunner.Run h = CliRunner.run("calibrate", obs.toString(), "--fit", "speeds", "--holdout", "1.5", "-o",
                dir.resolve("f.yaml").toString());
        assertThat(h.exit()).isEqualTo(2);
        assertThat(h.err()).contains("--holdout");
        CliRunner.Run f = CliRunner.run("calibrate", obs.toString(), "--fit", "speeds", "--folds", "1", "-o",
                dir.resolve("f.yaml").toString());
        assertThat(f.exit()).isEqualTo(2);
        assertThat(f.err()).contains("--folds");
    }
}
