package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Issue 11 from the command line: one country convention, closures that close everything, ranges that refuse. */
class CountryConventionCommandTest {
    private static JsonNode json(String... args) throws Exception {
        CliRunner.Run r = CliRunner.run(args);
        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void alpha2Alpha3AndNameGiveTheSameRoute() throws Exception {
        JsonNode a2 = json("route", "Tashkent", "Karachi", "--avoid", "AF", "--format", "json");
        JsonNode a3 = json("route", "Tashkent", "Karachi", "--avoid", "AFG", "--format", "json");
        JsonNode name = json("route", "Tashkent", "Karachi", "--avoid", "Afghanistan", "--format", "json");
        JsonNode nodes = a2.path("routes").get(0).path("nodes");
        assertThat(nodes).isNotEmpty();
        assertThat(a3.path("routes").get(0).path("nodes")).isEqualTo(nodes);
        assertThat(name.path("routes").get(0).path("nodes")).isEqualTo(nodes);
        // and the text answer names the country with its codes
        CliRunner.Run text = CliRunner.run("route", "Tashkent", "Karachi", "--avoid", "afg");
        assertThat(text.out()).contains("Afghanistan");
    }

    @Test
    void aClosedCrossingIsAbsentFromEveryRouteInEveryMode() throws Exception {
        JsonNode open = json("route", "Almaty", "Karachi", "--avoid", "AF", "--format", "json");
        assertThat(open.path("routes").get(0).path("crossings").toString()).contains("Sarakhs");
        JsonNode closed = json("route", "Almaty", "Karachi", "--avoid", "AF", "--close", "Sarakhs",
                "--alternatives", "3", "--format", "json");
        assertThat(closed.path("routes")).isNotEmpty();
        for (JsonNode r : closed.path("routes")) assertThat(r.path("crossings").toString()).doesNotContain("Sarakhs");
        CliRunner.Run text = CliRunner.run("route", "Almaty", "Karachi", "--avoid", "AF", "--close", "Sarakhs");
        assertThat(text.out()).contains("Sarakhs"); // the header lists what was closed, by name
    }

    @Test
    void outOfRangeNumbersAreRefusedNamingTheOption() {
        for (String[] bad : new String[][] {{"--tonnes", "1e308"}, {"--penalty", "IR=1e308"}, {"--tonnes", "NaN"},
            {"--samples", "99999999999"}}) {
            CliRunner.Run r = CliRunner.run("route", "Almaty", "Karachi", bad[0], bad[1]);
            assertThat(r.exit()).as(String.join(" ", bad) + "\n" + r.err()).isEqualTo(CaravanCli.BAD_INPUT);
            assertThat(r.err()).contains(bad[0]).doesNotContain("\tat ");
        }
    }
}
