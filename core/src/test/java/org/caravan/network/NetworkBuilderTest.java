package org.caravan.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.caravan.geo.CountryShapes;
import org.junit.jupiter.api.Test;

/** Rules on records built in code, where no parser stands in front of the validator. */
class NetworkBuilderTest {
    private static CountryShapes squareland() throws Exception {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{"
                + "\"ISO_A2\":\"AA\",\"NAME\":\"Squareland\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[0,0],[10,0],[10,10],[0,10],[0,0]]]}}]}";
        return CountryShapes.fromGeoJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static Node node(String id, NodeKind kind, double lon, double lat) {
        return new Node(id, id, List.of(), "AA", kind, lon, lat, Set.of(), false, false, "s", Confidence.ESTIMATED, "");
    }

    @Test
    void toleranceDependsOnTheKindOfNode() throws Exception {
        NetworkBuilder b = new NetworkBuilder().countryShapes(squareland())
                .addNode(node("city", NodeKind.CITY, 10.1, 5), "f", "line 2")
                .addNode(node("post", NodeKind.BORDER_POST, 10.1, 5), "f", "line 3")
                .addNode(node("port", NodeKind.SEAPORT, 10.25, 5), "f", "line 4")
                .addNode(node("dry", NodeKind.DRY_PORT, 10.4, 5), "f", "line 5")
                .addNode(node("near", NodeKind.JUNCTION, 10.04, 5), "f", "line 6");
        assertThat(b.problems()).extracting(Problem::location, Problem::field)
                .containsExactly(tuple("line 2", "country"), tuple("line 5", "country"));
        assertThat(b.problems().get(0).message()).contains("not in AA (tolerance 0.05°)", "no country of the map");
    }

    @Test
    void nanCoordinatesAndKm() throws Exception {
        Node a = node("a", NodeKind.CITY, Double.NaN, 5);
        Node c = node("c", NodeKind.CITY, 5, 5);
        Link l = new Link("l", "", "a", "c", Mode.ROAD, Set.of(), Double.POSITIVE_INFINITY, OptionalDouble.of(Double.NaN),
                0, LinkStatus.OPERATIONAL, false, Set.of(), null, null, OptionalDouble.empty(), null, "s",
                Confidence.ESTIMATED, "");
        NetworkBuilder b = new NetworkBuilder().countryShapes(squareland())
                .addNode(a, "n", "line 2").addNode(c, "n", "line 3").addLink(l, "l", "line 2");
        assertThat(b.problems()).extracting(Problem::file, Problem::location, Problem::field).containsExactly(
                tuple("n", "line 2", "lon"), tuple("l", "line 2", "km"), tuple("l", "line 2", "hours"));
    }

    @Test
    void crossingBuiltWithoutTimes() throws Exception {
        Node a = new Node("a", "a", List.of(), "AA", NodeKind.BORDER_POST, 5, 5, Set.of(), false, false, "s",
                Confidence.ESTIMATED, "");
        Node c = new Node("c", "c", List.of(), "BB", NodeKind.BORDER_POST, 5, 5, Set.of(), false, false, "s",
                Confidence.ESTIMATED, "");
        Link x = new Link("x", "", "a", "c", Mode.CROSSING, Set.of(), 1, OptionalDouble.empty(), 0,
                LinkStatus.OPERATIONAL, false, Set.of(Mode.ROAD), null, null, OptionalDouble.empty(), null, "s",
                Confidence.ESTIMATED, "");
        NetworkBuilder b = new NetworkBuilder().countryShapes(CountryShapes.none())
                .addNode(a, "n", "line 2").addNode(c, "n", "line 3").addLink(x, "l", "line 2");
        assertThat(b.problems()).extracting(Problem::field).containsExactly("hours_mean");
    }

    @Test
    void buildsWhenClean() throws Exception {
        Network n = new NetworkBuilder().countryShapes(squareland())
                .addNode(node("a", NodeKind.CITY, 5, 5), "f", "line 2").build("test");
        assertThat(n.nodeCount()).isEqualTo(1);
    }
}
