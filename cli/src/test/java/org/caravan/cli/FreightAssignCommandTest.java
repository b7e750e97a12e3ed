package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caravan assign --od}: the freight assignment as a user runs it; the OD files are synthetic. */
class FreightAssignCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path od(String body) throws Exception {
        Path p = dir.resolve("od.csv");
        Files.writeString(p, "from,to,cargo,tonnes,source\n" + body);
        return p;
    }

    private Path heavy() throws Exception {
        return od("""
                Peshawar,Kabul,bulk,2000000,synthetic
                Karachi,Kabul,container,6000000,synthetic
                """);
    }

    @Test
    void textSummaryListsQueuesLinksAndGap() throws Exception {
        CliRunner.Run r = CliRunner.run("assign", "--od", heavy().toString(), "--top", "5");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Freight assignment of 2 OD pairs").contains("8,000,000 t/yr of demand")
                .contains("Queues at crossings, ports, yards and ferries").contains("Top loaded links")
                .contains("x_pktor_afrkh_road").contains("relative gap").contains("rule Q");
        assertThat(r.err()).contains("iteration 0").contains("Converged after");
    }

    @Test
    void jsonCsvAndGeoJsonCarryTheFlows() throws Exception {
        CliRunner.Run j = CliRunner.run("assign", "--od", heavy().toString(), "--format", "json");
        assertThat(j.exit()).as(j.err()).isZero();
        JsonNode n = JSON.readTree(j.out());
        assertThat(n.path("assigned_tonnes").asDouble()).isEqualTo(8_000_000);
        assertThat(n.path("elements").get(0).path("queue_days").asDouble()).isPositive();
        assertThat(j.err()).doesNotContain("iteration"); // JSON for scripts: no progress noise

        Path csv = dir.resolve("flows.csv");
        Path geo = dir.resolve("flows.geojson");
        CliRunner.Run c = CliRunner.run("assign", "--od", heavy().toString(), "--format", "csv", "-o", csv.toString(),
                "--geojson", geo.toString(), "--quiet");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(Files.readAllLines(csv).get(0)).startsWith("record,id,name,mode,direction,from,to,km,tonnes,");
        assertThat(JSON.readTree(geo.toFile()).path("type").asText()).isEqualTo("FeatureCollection");
    }

    @Test
    void aScenarioComparisonShowsTorkhamsTonnesMoving() throws Exception {
        CliRunner.Run r = CliRunner.run("assign", "--od", heavy().toString(), "--scenario", "torkham-closed",
                "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("With scenario torkham-closed").contains("Baseline against scenario torkham-closed");
        String row = r.out().lines().filter(l -> l.contains("x_pktor_afrkh_road") && l.contains("crossing"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(row).contains("-"); // its tonnes fall to zero: a negative change
    }

    @Test
    void routeOptionsApply() throws Exception {
        CliRunner.Run r = CliRunner.run("assign", "--od", heavy().toString(), "--close", "Torkham", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        for (JsonNode e : JSON.readTree(r.out()).path("elements")) {
            assertThat(e.path("id").asText()).isNotEqualTo("x_pktor_afrkh_road");
        }
    }

    @Test
    void badInputIsRefusedNamingFileLineAndField() throws Exception {
        Path bad = od("Kabul,Karachi,container,lots,synthetic\n");
        CliRunner.Run r = CliRunner.run("assign", "--od", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("od.csv").contains("line 2").contains("tonnes");
        CliRunner.Run place = CliRunner.run("assign", "--od", od("Kabul,Atlantis,container,5,synthetic\n").toString());
        assertThat(place.exit()).isEqualTo(2);
        assertThat(place.err()).contains("Atlantis");
        CliRunner.Run alt = CliRunner.run("assign", "--od", heavy().toString(), "--alternatives", "0");
        assertThat(alt.exit()).isEqualTo(2);
        assertThat(alt.err()).contains("--alternatives");
        CliRunner.Run both = CliRunner.run("assign", "--od", heavy().toString(), "--tntp", "x.tntp");
        assertThat(both.exit()).isEqualTo(2);
        CliRunner.Run none = CliRunner.run("assign");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("--od FILE").contains("--tntp");
    }
}
