package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caravan compare} and {@code caravan critical} as a user runs them, on the embedded network. */
class CriticalityCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void compareTextShowsTheOptionsSideBySideWithTheWinner() {
        CliRunner.Run run = CliRunner.run("compare", "Tashkent", "Karachi", "--corridors",
                "trans-afghan-east,trans-afghan-west,iran-sarakhs");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("trans-afghan-east", "trans-afghan-west", "iran-sarakhs", "cheapest",
                "fastest", "generalized USD", "Torkham", "(not forced)", "is cheapest");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void compareJsonHasOneRoutePerOptionAndTheMarks() throws Exception {
        CliRunner.Run run = CliRunner.run("compare", "Tashkent", "Karachi", "--corridors",
                "trans-afghan-east,Torkham,Herat", "--format", "json", "--cargo", "bulk");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.path("options")).hasSize(3);
        assertThat(root.path("options").get(0).path("kind").asText()).isEqualTo("corridor");
        assertThat(root.path("options").get(1).path("kind").asText()).isEqualTo("crossing");
        assertThat(root.path("options").get(2).path("kind").asText()).isEqualTo("place");
        int cheapest = 0;
        for (JsonNode o : root.path("options")) {
            assertThat(o.path("found").asBoolean()).isTrue();
            assertThat(o.path("route").path("totals").path("usd").asDouble()).isPositive();
            if (o.path("cheapest").asBoolean()) cheapest++;
        }
        assertThat(cheapest).isEqualTo(1);
        assertThat(root.path("cheapest").asText()).isNotBlank();
        assertThat(root.path("unrestricted").path("cargo").asText()).isEqualTo("bulk");
    }

    @Test
    void compareUnknownCorridorExitsTwoNamingIt() {
        CliRunner.Run run = CliRunner.run("compare", "Tashkent", "Karachi", "--corridors", "kti,nowhere-corridor");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--corridors", "nowhere-corridor");
        CliRunner.Run missing = CliRunner.run("compare", "Tashkent", "Karachi");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--corridors");
        CliRunner.Run badPlace = CliRunner.run("compare", "Tashkent", "Atlantis", "--corridors", "kti");
        assertThat(badPlace.exit()).isEqualTo(2);
        assertThat(badPlace.err()).contains("TO");
    }

    @Test
    void criticalTextRanksLinksAndSaysWhatWasSkipped() {
        CliRunner.Run run = CliRunner.run("critical", "--top", "5");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Criticality over 18 OD pairs", "cannot matter and were skipped",
                "cost increase USD", "lost pairs");
        long rows = run.out().lines().filter(l -> l.matches("\\s+[1-9]\\d*\\s+\\S+.*")).count();
        assertThat(rows).isEqualTo(5);
        assertThat(run.err()).as("no progress bar without a terminal").isEmpty();
    }

    @Test
    void criticalJsonListsCandidatesWithCrossingsAndLostPairs() throws Exception {
        CliRunner.Run run = CliRunner.run("critical", "--format", "json", "--threads", "2");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.path("od_pairs").asInt()).isEqualTo(18);
        assertThat(root.path("ranked")).hasSize(root.path("candidate_links").asInt());
        assertThat(root.path("skipped_links").asInt() + root.path("candidate_links").asInt())
                .isEqualTo(root.path("links_in_network").asInt());
        boolean crossing = false;
        for (JsonNode l : root.path("ranked")) {
            if (l.path("crossing").asBoolean()) {
                crossing = true;
                assertThat(l.path("from_country").asText()).isNotEqualTo(l.path("to_country").asText());
                assertThat(l.path("carries")).isNotEmpty();
            }
            assertThat(l.path("lost_pairs").size() == 0 || l.path("lost_tonnes").asDouble() > 0).isTrue();
        }
        assertThat(crossing).isTrue();
        assertThat(root.path("baselines")).hasSize(18);
    }

    @Test
    void criticalCsvWithAnOdFileAndCargoOverrideToAFile() throws Exception {
        Path od = dir.resolve("od.csv");
        Files.writeString(od, "from,to,cargo,tonnes,source\nTermez,Kabul,bulk,1000,test\nAlmaty,Karachi,,500,test\n");
        Path out = dir.resolve("crit.csv");
        CliRunner.Run run = CliRunner.run("critical", "--od", od.toString(), "--format", "csv", "--top", "3",
                "--cargo", "container", "-o", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        var lines = Files.readAllLines(out);
        assertThat(lines.get(0)).startsWith("rank,link,name,mode,carries,");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("1,");
    }

    @Test
    void criticalBadInputExitsTwoNamingTheOption() throws Exception {
        CliRunner.Run top = CliRunner.run("critical", "--top", "0");
        assertThat(top.exit()).isEqualTo(2);
        assertThat(top.err()).contains("--top");
        CliRunner.Run missing = CliRunner.run("critical", "--od", dir.resolve("none.csv").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--od", "file not found");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "from,to,tonnes\nAlmaty,Atlantis,10\n");
        CliRunner.Run place = CliRunner.run("critical", "--od", bad.toString());
        assertThat(place.exit()).isEqualTo(2);
        assertThat(place.err()).contains("--od", "Atlantis");
        Path same = dir.resolve("same.csv");
        Files.writeString(same, "from,to,tonnes\nAlmaty,Almaty,10\n");
        CliRunner.Run loop = CliRunner.run("critical", "--od", same.toString());
        assertThat(loop.exit()).isEqualTo(2);
        assertThat(loop.err()).contains("--od", "OD pair 1", "same place");
        CliRunner.Run cargo = CliRunner.run("critical", "--cargo", "livestock");
        assertThat(cargo.exit()).isEqualTo(2);
        assertThat(cargo.err()).contains("--cargo", "livestock");
        CliRunner.Run format = CliRunner.run("critical", "--format", "xml");
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("--format");
    }

    /**
     * The shared route options (RouteOptions.Query, declared from the core's RouteParameters) reach the ranking: the
     * JSON equals Criticality.rank under the same RouteQuery, which differs from the default ranking.
     */
    @Test
    void criticalWithRouteOptionsEqualsTheCoreRankingUnderThem() throws Exception {
        CliRunner.Run run = CliRunner.run("critical", "--format", "json", "--threads", "2", "--objective", "time",
                "--avoid", "TM", "--modes", "road,rail,ferry,sea", "--penalty", "AF=250", "--include-planned",
                "--depart", "2027-03-01T08:00");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode root = JSON.readTree(run.out());
        var base = org.caravan.scenario.ScenarioBase.embedded();
        var router = new org.caravan.routing.Router(base.network(), base.costs());
        var q = org.caravan.place.RouteQuery.builder().objective("time").avoid(java.util.List.of("TM"))
                .modes(java.util.List.of("road", "rail", "ferry", "sea")).penalties(java.util.Map.of("AF", 250.0))
                .includePlanned(true).depart("2027-03-01T08:00").build();
        var pairs = org.caravan.demand.OdFile.embedded();
        var expected = org.caravan.criticality.Criticality.rank(router, pairs,
                new org.caravan.criticality.Criticality.Options(null, 2, null, q)).ranked();
        var plain = org.caravan.criticality.Criticality.rank(router, pairs,
                new org.caravan.criticality.Criticality.Options(null, 2, null)).ranked();
        assertThat(expected.stream().map(l -> l.linkId()).toList())
                .isNotEqualTo(plain.stream().map(l -> l.linkId()).toList());
        assertThat(root.path("ranked")).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode l = root.path("ranked").get(i);
            assertThat(l.path("link").asText()).isEqualTo(expected.get(i).linkId());
            assertThat(l.path("cost_increase_usd").asDouble())
                    .isCloseTo(expected.get(i).costIncreaseUsd(), org.assertj.core.data.Offset.offset(0.01));
        }
        CliRunner.Run reliable = CliRunner.run("critical", "--objective", "reliable");
        assertThat(reliable.exit()).isEqualTo(2);
        assertThat(reliable.err()).contains("--objective", "reliable");
    }
}
