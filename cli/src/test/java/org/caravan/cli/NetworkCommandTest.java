package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** network validate / info and places, as a data curator uses them. */
class NetworkCommandTest {
    private static final String NODES = RouteCommandTest.resource("mini-nodes.csv");
    private static final String LINKS = RouteCommandTest.resource("mini-links.csv");
    private static final String BAD_LINKS = RouteCommandTest.resource("bad-links.csv");

    @Test
    void validFilesAreReportedValid() {
        CliRunner.Run run = CliRunner.run("network", "validate", NODES, LINKS);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("valid: 7 nodes, 6 links");
    }

    @Test
    void embeddedNetworkIsValid() {
        CliRunner.Run run = CliRunner.run("network", "validate");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("embedded network is valid");
    }

    @Test
    void everyProblemIsReportedAtOnceWithFileLineAndField() {
        CliRunner.Run run = CliRunner.run("network", "validate", NODES, BAD_LINKS);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(BAD_LINKS + ", line 2, field 'to'", "nowhere");
        assertThat(run.err()).contains(BAD_LINKS + ", line 3, field 'km'");
        assertThat(run.err()).contains(BAD_LINKS + ", line 4, field 'gauge'");
        assertThat(run.err()).contains(BAD_LINKS + ", line 5, field 'confidence'", "maybe");
        assertThat(run.err()).contains("4 problem(s)");
        assertThat(run.err()).contains("nothing was loaded");
    }

    @Test
    void aBadFileIsRefusedByRouteToo() {
        CliRunner.Run run = CliRunner.run("route", "Almaty", "Urumqi", "--network", NODES + "," + BAD_LINKS);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("line 2", "field 'to'");
    }

    @Test
    void infoCountsByCountryKindModeStatusAndConfidence() throws Exception {
        CliRunner.Run text = CliRunner.run("network", "info");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("Nodes by country", "Nodes by kind", "Links by mode", "Links by status",
                "Links by confidence", "Nodes by source", "Links by source");
        CliRunner.Run json = CliRunner.run("network", "info", "--format", "json");
        assertThat(json.exit()).isZero();
        JsonNode info = new ObjectMapper().readTree(json.out());
        assertThat(info.path("nodeCount").asInt()).isGreaterThanOrEqualTo(150);
        assertThat(info.path("linkCount").asInt()).isGreaterThanOrEqualTo(250);
        assertThat(info.path("nodesByCountry").has("AF")).isTrue();
        assertThat(info.path("linksByMode").has("crossing")).isTrue();
        // the embedded rail comes from OpenStreetMap and Natural Earth track beside the curated tables
        assertThat(info.path("linksBySource").path("osm").asInt()).isPositive();
        assertThat(info.path("linksBySource").path("natural-earth").asInt()).isPositive();
        assertThat(info.path("linksBySource").path("curated").asInt()).isPositive();
    }

    @Test
    void infoOnAUserNetwork() {
        CliRunner.Run run = CliRunner.run("network", "info", "--network", NODES + "," + LINKS);
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("7 nodes, 6 links");
    }

    @Test
    void placesFindsByPartialName() {
        CliRunner.Run run = CliRunner.run("places", "mazar");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).containsIgnoringCase("Mazar");
        CliRunner.Run none = CliRunner.run("places", "zzzzqqq");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.out()).contains("no place matches");
    }

    @Test
    void helpAndVersionWork() {
        CliRunner.Run help = CliRunner.run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("route", "network", "places");
        CliRunner.Run routeHelp = CliRunner.run("route", "--help");
        assertThat(routeHelp.out()).contains("--avoid", "--close", "--modes", "--include-planned", "--via", "--format");
        assertThat(CliRunner.run("--version").out()).contains("caravan");
    }

    @Test
    void unknownCommandIsBadInput() {
        CliRunner.Run run = CliRunner.run("fly", "Almaty");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("fly");
    }
}
