package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caravan matrix} as a user runs it, on the embedded network. */
class MatrixCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void jsonCellsEqualTheRouteCommand() throws Exception {
        CliRunner.Run run = CliRunner.run("matrix", "--from", "Almaty,Tashkent", "--to", "Karachi,Bandar Abbas",
                "--format", "json", "--cargo", "bulk");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode m = JSON.readTree(run.out());
        assertThat(m.path("cells")).hasSize(4);
        assertThat(m.path("cargo").asText()).isEqualTo("bulk");
        JsonNode cell = m.path("cells").get(1); // Almaty -> Bandar Abbas
        CliRunner.Run route = CliRunner.run("route", "Almaty", "Bandar Abbas", "--format", "json", "--cargo", "bulk");
        assertThat(route.exit()).as(route.err()).isZero();
        JsonNode totals = JSON.readTree(route.out()).path("routes").get(0).path("totals");
        assertThat(cell.path("generalized_usd").asDouble()).isEqualTo(totals.path("generalized_usd").asDouble());
        assertThat(cell.path("hours").asDouble()).isEqualTo(totals.path("hours").asDouble());
    }

    @Test
    void textIsAGridAndCsvHasOneLinePerCell() {
        CliRunner.Run text = CliRunner.run("matrix", "--from", "Almaty,Tashkent,Kabul", "--value", "days");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("days", "rows from, columns to", "Almaty", "Tashkent", "Kabul");
        CliRunner.Run csv = CliRunner.run("matrix", "--from", "Almaty,Tashkent,Kabul", "--format", "csv");
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(csv.out().lines()).hasSize(1 + 9);
        assertThat(csv.out().lines().findFirst().orElseThrow()).startsWith("from,from_name,to,to_name,found");
    }

    @Test
    void placesFileWithRolesAndItsErrorsByLine() throws Exception {
        Path ok = dir.resolve("places.csv");
        Files.writeString(ok, "place,role\nAlmaty,from\nTashkent,both\nKarachi,to\n");
        CliRunner.Run run = CliRunner.run("matrix", "--places", ok.toString(), "--format", "csv");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(1 + 2 * 2); // from {Almaty, Tashkent} x to {Tashkent, Karachi}
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "place,role\nAlmaty,sideways\nAtlantis,\n");
        CliRunner.Run refused = CliRunner.run("matrix", "--places", bad.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("bad.csv", "line 2", "role", "line 3", "Atlantis");
    }

    @Test
    void badInputExitsTwoNamingTheOption() {
        CliRunner.Run none = CliRunner.run("matrix");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("--from");
        CliRunner.Run via = CliRunner.run("matrix", "--from", "Almaty", "--to", "Karachi", "--via", "Tashkent");
        assertThat(via.exit()).isEqualTo(2);
        assertThat(via.err()).contains("--via");
    }
}
