package org.caravan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.caravan.io.Fixtures.GOOD_CROSSING;
import static org.caravan.io.Fixtures.linkProblems;
import static org.caravan.io.Fixtures.nodeProblems;

import java.nio.file.Path;
import java.util.List;
import org.caravan.network.NetworkException;
import org.caravan.network.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One fixture per semantic rule, each asserting exactly where the problem is reported. */
class ValidationRulesTest {
    @TempDir
    Path dir;

    private String nodesFile() { return dir.resolve("nodes.csv").toString(); }

    private String linksFile() { return dir.resolve("links.csv").toString(); }

    private static void assertOnly(List<Problem> problems, String file, String location, String field, String messagePart) {
        assertThat(problems).extracting(Problem::file, Problem::location, Problem::field)
                .containsExactly(tuple(file, location, field));
        assertThat(problems.get(0).message()).contains(messagePart);
    }

    @Test
    void validFixtureHasNoProblems() {
        assertThat(linkProblems(dir, GOOD_CROSSING)).isEmpty();
    }

    // --- nodes ---

    @Test
    void duplicateNodeId() {
        assertOnly(nodeProblems(dir, "KZALA,Almaty again,KZ,city,76.9286,43.2567,s,published"),
                nodesFile(), "line 9", "id", "duplicate node id 'KZALA' (first defined at " + nodesFile() + ", line 2)");
    }

    @Test
    void latitudeOutOfRange() {
        assertOnly(nodeProblems(dir, "n1,N,KZ,city,76.9,95,s,published"), nodesFile(), "line 9", "lat", "-90..90");
    }

    @Test
    void longitudeOutOfRange() {
        assertOnly(nodeProblems(dir, "n1,N,KZ,city,-181,43,s,published"), nodesFile(), "line 9", "lon", "-180..180");
    }

    @Test
    void coordinatesInAnotherCountryNameThatCountry() {
        // Urumqi's coordinates claimed for Kazakhstan
        assertOnly(nodeProblems(dir, "n1,N,KZ,city,87.617,43.825,s,published"), nodesFile(), "line 9", "country",
                "it lies in China (CN)");
    }

    @Test
    void coordinatesAtSeaSaySo() {
        assertOnly(nodeProblems(dir, "n1,N,KZ,city,50.5,42.0,s,published"), nodesFile(), "line 9", "country",
                "no country of the map");
    }

    @Test
    void seaWaypointsAndUncoveredCountriesAreNotChecked() {
        assertThat(nodeProblems(dir,
                "wp,Waypoint,XX,sea_waypoint,76.9,43.2,s,estimated", // on land, but waypoints are exempt
                "de,Berlin,DE,city,76.9,43.2,s,estimated"))           // Germany has no shape in the bundled file
                .isEmpty();
    }

    @Test
    void malformedCountryCode() {
        assertOnly(nodeProblems(dir, "n1,N,Kaz,city,76.9,43.2,s,published"), nodesFile(), "line 9", "country",
                "ISO 3166-1 alpha-2");
    }

    // --- links: ids and references ---

    @Test
    void duplicateLinkId() {
        assertOnly(linkProblems(dir, GOOD_CROSSING, GOOD_CROSSING), linksFile(), "line 3", "id",
                "duplicate link id 'x_ok'");
    }

    @Test
    void unknownNodeReferences() {
        List<Problem> p = linkProblems(dir, "r1,KZALA,nowhere,road,,10,,,operational,,,,,s,published",
                "r2,nowhere,KZALA,road,,10,,,operational,,,,,s,published");
        assertThat(p).extracting(Problem::location, Problem::field)
                .containsExactly(tuple("line 2", "to"), tuple("line 3", "from"));
        assertThat(p.get(0).message()).isEqualTo("unknown node 'nowhere'");
    }

    @Test
    void referenceToANodeThatFailedToParseIsNotAlsoReportedAsUnknown() {
        List<Problem> p = new NetworkLoader().validate(List.of(
                Fixtures.nodes(dir, "bad,Bad,KZ,castle,76.9,43.2,s,published"),
                Fixtures.links(dir, "r1,KZALA,bad,road,,10,,,operational,,,,,s,published")));
        assertThat(p).extracting(Problem::file, Problem::location, Problem::field)
                .containsExactly(tuple(nodesFile(), "line 9", "kind"));
    }

    @Test
    void selfLoop() {
        assertOnly(linkProblems(dir, "r1,KZALA,KZALA,road,,10,,,operational,,,,,s,published"), linksFile(), "line 2",
                "to", "to itself");
    }

    // --- links: numbers ---

    @Test
    void zeroKm() {
        assertOnly(linkProblems(dir, "r1,KZALA,kz_altynkol,road,,0,,,operational,,,,,s,published"), linksFile(),
                "line 2", "km", "expected a number > 0 and <= 20000 km");
    }

    @Test
    void negativeKm() {
        assertOnly(linkProblems(dir, "r1,KZALA,kz_altynkol,road,,-3,,,operational,,,,,s,published"), linksFile(),
                "line 2", "km", "expected a number > 0 and <= 20000 km");
    }

    @Test
    void negativeHours() {
        assertOnly(linkProblems(dir, "f1,KZAKX,caspian_mid,ferry,,190,-1,,operational,,,,,s,published"), linksFile(),
                "line 2", "hours", ">= 0");
    }

    @Test
    void negativeWaitHours() {
        assertOnly(linkProblems(dir, "f1,KZAKX,caspian_mid,ferry,,190,11,-2,operational,,,,,s,published"),
                linksFile(), "line 2", "wait_hours", ">= 0");
    }

    // --- links: gauges and carries ---

    @Test
    void railWithoutGauge() {
        assertOnly(linkProblems(dir, "r1,KZALA,kz_altynkol,rail,,330,,,operational,,,,,s,published"), linksFile(),
                "line 2", "gauge", "exactly one gauge, got none");
    }

    @Test
    void railWithTwoGauges() {
        assertOnly(linkProblems(dir, "r1,KZALA,kz_altynkol,rail,1520;1435,330,,,operational,,,,,s,published"),
                linksFile(), "line 2", "gauge", "exactly one gauge, got 1435;1520");
    }

    @Test
    void gaugeOnRoad() {
        assertOnly(linkProblems(dir, "r1,KZALA,kz_altynkol,road,1520,330,,,operational,,,,,s,published"),
                linksFile(), "line 2", "gauge", "a road link has no gauge");
    }

    @Test
    void gaugeOnFerry() {
        assertOnly(linkProblems(dir, "f1,KZAKX,caspian_mid,ferry,1520,190,,,operational,,,,,s,published"),
                linksFile(), "line 2", "gauge", "a ferry link has no gauge");
    }

    @Test
    void nonCrossingCarriesMustEqualItsMode() {
        assertOnly(linkProblems(dir, "r1,KZALA,kz_altynkol,road,,330,,,operational,road;rail,,,,s,published"),
                linksFile(), "line 2", "carries", "a road link carries road");
    }

    @Test
    void nonCrossingCarryingItsOwnModeIsFine() {
        assertThat(linkProblems(dir, "r1,KZALA,kz_altynkol,road,,330,,,operational,road,,,,s,published")).isEmpty();
    }

    // --- crossings ---

    @Test
    void crossingWithoutCarries() {
        assertOnly(linkProblems(dir, "x1,kz_altynkol,cn_khorgos,crossing,,5,,,operational,,6,12,50,s,published"),
                linksFile(), "line 2", "carries", "must say what it carries");
    }

    @Test
    void crossingCarryingSea() {
        assertOnly(linkProblems(dir, "x1,kz_altynkol,cn_khorgos,crossing,,5,,,operational,road;sea,6,12,50,s,published"),
                linksFile(), "line 2", "carries", "only road and rail");
    }

    @Test
    void railCrossingWithoutGauge() {
        assertOnly(linkProblems(dir, "x1,kz_altynkol,cn_khorgos,crossing,,5,,,operational,rail,6,12,50,s,published"),
                linksFile(), "line 2", "gauge", "needs the gauges");
    }

    @Test
    void roadCrossingWithGauge() {
        assertOnly(linkProblems(dir, "x1,kz_altynkol,cn_khorgos,crossing,1520,5,,,operational,road,6,12,50,s,published"),
                linksFile(), "line 2", "gauge", "does not carry rail");
    }

    @Test
    void crossingWithoutTimes() {
        assertOnly(linkProblems(dir, "x1,kz_altynkol,cn_khorgos,crossing,,5,,,operational,road,6,,50,s,published"),
                linksFile(), "line 2", "hours_p90", "required for a crossing");
    }

    @Test
    void crossingMeanAboveP90() {
        assertOnly(linkProblems(dir, "x1,kz_altynkol,cn_khorgos,crossing,,5,,,operational,road,12,6,50,s,published"),
                linksFile(), "line 2", "hours_p90", "hours_p90 (6.0) must be >= hours_mean (12.0)");
    }

    @Test
    void crossingNegativeMean() {
        assertOnly(linkProblems(dir, "x1,kz_altynkol,cn_khorgos,crossing,,5,,,operational,road,-1,6,50,s,published"),
                linksFile(), "line 2", "hours_mean", ">= 0");
    }

    @Test
    void crossingWithinOneCountry() {
        assertOnly(linkProblems(dir, "x1,kz_altynkol,KZAKX,crossing,,5,,,operational,road,6,12,50,s,published"),
                linksFile(), "line 2", "to", "both in KZ");
    }

    @Test
    void crossingFromACity() {
        assertOnly(linkProblems(dir, "x1,KZALA,cn_khorgos,crossing,,5,,,operational,road,6,12,50,s,published"),
                linksFile(), "line 2", "from", "'KZALA' is a city");
    }

    @Test
    void crossingTimesOnARoadLink() {
        assertOnly(linkProblems(dir, "r1,KZALA,kz_altynkol,road,,330,,,operational,,6,,,s,published"),
                linksFile(), "line 2", "hours_mean", "only a crossing");
    }

    // --- sea, ferry and borders ---

    @Test
    void ferryEndingAtACity() {
        assertOnly(linkProblems(dir, "f1,caspian_mid,KZALA,ferry,,190,,,operational,,,,,s,published"),
                linksFile(), "line 2", "to", "'KZALA' is a city");
    }

    @Test
    void seaLinkBetweenPortsIsFine() {
        assertThat(linkProblems(dir, "s1,KZAKX,AZBAK,sea,,400,20,24,operational,,,,,s,published")).isEmpty();
    }

    @Test
    void roadAcrossABorderWithoutACrossing() {
        assertOnly(linkProblems(dir, "r1,KZALA,CNURC,road,,900,,,operational,,,,,s,published"),
                linksFile(), "line 2", "to", "only by crossing links");
    }

    // --- reporting ---

    @Test
    void allProblemsOfAFileAreReportedAtOnceInFileOrder() {
        List<Problem> p = new NetworkLoader().validate(List.of(
                Fixtures.nodes(dir, "n1,N,KZ,city,76.9,95,s,published", "KZALA,Dup,KZ,city,76.9286,43.2567,s,published"),
                Fixtures.links(dir,
                        "r1,KZALA,kz_altynkol,road,,-3,,,operational,,,,,s,published",
                        "r2,KZALA,kz_altynkol,rail,,330,,,operational,,,,,s,published",
                        "r3,KZALA,nowhere,road,,10,,,operational,,,,,s,published")));
        assertThat(p).extracting(Problem::file, Problem::location, Problem::field).containsExactly(
                tuple(nodesFile(), "line 9", "lat"),
                tuple(nodesFile(), "line 10", "id"),
                tuple(linksFile(), "line 2", "km"),
                tuple(linksFile(), "line 3", "gauge"),
                tuple(linksFile(), "line 4", "to"));
    }

    @Test
    void fileOrderFollowsTheOrderFilesWereGiven() {
        Path links = Fixtures.links(dir, "r1,KZALA,kz_altynkol,road,,-3,,,operational,,,,,s,published");
        Path nodes = Fixtures.nodes(dir, "n1,N,KZ,city,76.9,95,s,published");
        assertThat(new NetworkLoader().validate(List.of(links, nodes))).extracting(Problem::file)
                .containsExactly(linksFile(), nodesFile());
    }

    @Test
    void aFileWithErrorsLoadsNothing() {
        Path nodes = Fixtures.nodes(dir);
        Path links = Fixtures.links(dir, GOOD_CROSSING, "r1,KZALA,kz_altynkol,road,,-3,,,operational,,,,,s,published");
        assertThatThrownBy(() -> new NetworkLoader().load(List.of(nodes, links)))
                .isInstanceOf(NetworkException.class)
                .satisfies(e -> assertThat(((NetworkException) e).problems())
                        .containsExactlyElementsOf(new NetworkLoader().validate(List.of(nodes, links))))
                .hasMessageContaining(linksFile() + ", line 3, field 'km'");
    }
}
