package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caravan.report.ScenarioJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** caravan scenario list / show / run, as an analyst uses them. */
class ScenarioCommandTest {

    @Test
    void listShowsEveryExample() {
        CliRunner.Run run = CliRunner.run("scenario", "list");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("northern-restricted", "trans-afghan-railway", "torkham-closed",
                "herat-railway", "caspian-ferry-doubled", "uzbek-transit-discount");
    }

    @Test
    void showGivesRationaleSourcesAndChanges() {
        CliRunner.Run run = CliRunner.run("scenario", "show", "uzbek-transit-discount");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Sources:", "$2,500 to $1,250", "Assumptions:", "costs:");
        CliRunner.Run ferry = CliRunner.run("scenario", "show", "caspian-ferry-doubled");
        assertThat(ferry.out()).contains("\"ferry_kzaau_azala\":{\"departure_wait_interval_hours\":48}");
        CliRunner.Run json = CliRunner.run("scenario", "show", "torkham-closed", "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(json.out()).contains("\"close_links\" : [ \"x_pktor_afrkh_road\" ]");
    }

    @Test
    void runFromToComparesBaselineAndScenario() {
        CliRunner.Run run = CliRunner.run("scenario", "run", "torkham-closed", "Kabul", "Peshawar");
        assertThat(run.exit()).as(run.err()).isZero();
        // With Torkham closed the box takes the nearest other post, Ghulam Khan (Khost - Bannu), not the long
        // way round by Kandahar and Chaman.
        assertThat(run.out()).contains("Kabul -> Peshawar", "CHANGED CORRIDOR", "baseline: Torkham",
                "scenario: Ghulam Khan", "USD", "hours", "CO2 kg", "risk");
    }

    @Test
    void runWithOdFileAsJsonAndCsv(@TempDir Path dir) throws Exception {
        Path od = dir.resolve("od.csv");
        Files.writeString(od, "from,to,cargo,tonnes\nKabul,Peshawar,container,20000\nTermez,Kabul,bulk,1000\n");
        CliRunner.Run json = CliRunner.run("scenario", "run", "torkham-closed", "--od", od.toString(),
                "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.path("scenario").path("id").asText()).isEqualTo("torkham-closed");
        assertThat(root.path("pairs")).hasSize(2);
        JsonNode kabul = root.path("pairs").get(0);
        assertThat(kabul.path("baseline").path("corridor").asText()).isEqualTo("Torkham");
        assertThat(kabul.path("corridor_changed").asBoolean()).isTrue();
        assertThat(kabul.path("delta").path("usd").asDouble()).isPositive();
        assertThat(root.path("totals").path("compared").asInt()).isEqualTo(2);

        Path out = dir.resolve("out.csv");
        CliRunner.Run csv = CliRunner.run("scenario", "run", "torkham-closed", "--od", od.toString(),
                "--format", "csv", "-o", out.toString());
        assertThat(csv.exit()).as(csv.err()).isZero();
        var lines = Files.readAllLines(out);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo(String.join(",", ScenarioJson.CSV_COLUMNS));
        assertThat(lines.get(1)).startsWith("torkham-closed,Kabul,Peshawar,AFKBL,PKPEW,container,");
        // The last line holds the totals, the same figures as the JSON's "totals" (README, SCENARIOS.md).
        String[] total = lines.get(3).split(",", -1);
        var col = ScenarioJson.CSV_COLUMNS;
        assertThat(total[col.indexOf("from")]).isEqualTo("TOTAL");
        assertThat(total[col.indexOf("change")]).isEqualTo("totals");
        JsonNode t = root.path("totals");
        assertThat(Double.parseDouble(total[col.indexOf("tonnes")])).isEqualTo(21000.0);
        assertThat(Double.parseDouble(total[col.indexOf("baseline_usd")]))
                .isCloseTo(t.path("baseline_usd").asDouble(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(Double.parseDouble(total[col.indexOf("delta_usd")]))
                .isCloseTo(t.path("delta_usd").asDouble(), org.assertj.core.data.Offset.offset(0.01))
                .isPositive();
        assertThat(lines.get(3)).contains("2 pairs, 2 compared");
    }

    @Test
    void runAFileWithOptions(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mine.yaml");
        Files.writeString(f, """
                id: mine
                title: Trans-Afghan railway, rail only
                rationale: test
                sources: [test]
                changes:
                  open: [rail_afmzr_af_maidan_shahr, rail_af_maidan_shahr_af_pul_i_alam,
                         rail_af_pul_i_alam_af_dand_patan, x_af_dand_patan_pk_kharlachi_rail,
                         rail_pk_kharlachi_pkpew]
                """);
        CliRunner.Run run = CliRunner.run("scenario", "run", f.toString(), "Termez", "Peshawar", "--modes", "rail",
                "--avoid", "IR");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("GAINED", "baseline: no route", "Kharlachi (Trans-Afghan railway)");
    }

    @Test
    void badScenarioFilesExitTwoNamingTheField(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "id: bad\ntitle: t\nrationale: r\nsources: []\nchanges:\n  open: [rail_nowhere]\n"
                + "  links: {ferry_kzaau_azala: {wait_hours: soon}}\n");
        CliRunner.Run run = CliRunner.run("scenario", "run", f.toString(), "Kabul", "Peshawar");
        assertThat(run.exit()).isEqualTo(2);
        // semantic problems carry line and column like syntax errors (issue 12)
        assertThat(run.err()).contains(f + ", line 6, column 10, field 'changes.open[0]'", "rail_nowhere",
                f + ", line 7, column 31, field 'changes.links.ferry_kzaau_azala.wait_hours'", "expected a number");
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void otherBadInputExitsTwo(@TempDir Path dir) throws Exception {
        assertThat(CliRunner.run("scenario", "run", "no-such-scenario").exit()).isEqualTo(2);
        CliRunner.Run half = CliRunner.run("scenario", "run", "torkham-closed", "Kabul");
        assertThat(half.exit()).isEqualTo(2);
        assertThat(half.err()).contains("TO");
        CliRunner.Run both = CliRunner.run("scenario", "run", "torkham-closed", "Kabul", "Peshawar", "--od", "x.csv");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--od");
        CliRunner.Run place = CliRunner.run("scenario", "run", "torkham-closed", "Kabul", "Atlantis");
        assertThat(place.exit()).isEqualTo(2);
        assertThat(place.err()).contains("Atlantis");
        Path od = dir.resolve("od.csv");
        Files.writeString(od, "from,to,tons\nKabul,Peshawar,3\n");
        CliRunner.Run badOd = CliRunner.run("scenario", "run", "torkham-closed", "--od", od.toString());
        assertThat(badOd.exit()).isEqualTo(2);
        assertThat(badOd.err()).contains("--od", "tons");
    }
}
