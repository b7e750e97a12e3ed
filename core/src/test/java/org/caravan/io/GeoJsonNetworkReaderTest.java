package org.caravan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.caravan.network.Link;
import org.caravan.network.Network;
import org.caravan.network.NetworkBuilder;
import org.caravan.network.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoJsonNetworkReaderTest {
    @TempDir
    Path dir;

    static Network miniGeoJson() throws Exception {
        NetworkBuilder b = new NetworkBuilder();
        try (InputStream in = GeoJsonNetworkReaderTest.class.getResourceAsStream(CsvNetworkReaderTest.MINI + "network.geojson")) {
            GeoJsonNetworkReader.read(in, "mini.geojson", b);
        }
        return b.build("mini.geojson");
    }

    @Test
    void csvAndGeoJsonOfTheSameContentGiveEqualNetworks() throws Exception {
        Network csv = CsvNetworkReaderTest.mini();
        Network json = miniGeoJson();
        assertThat(json.nodes()).isEqualTo(csv.nodes());
        assertThat(json.links()).isEqualTo(csv.links());
        Link rail = json.link("rail_khorgos_urumqi").orElseThrow();
        assertThat(rail.geometry().getSRID()).isEqualTo(4326);
        assertThat(rail.geometry().getNumPoints()).isEqualTo(3);
    }

    private List<Problem> problems(String json) {
        Path f = Fixtures.write(dir, "net.geojson", json);
        return new NetworkLoader().validate(List.of(f));
    }

    private static String point(double lon, double lat, String props) {
        return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + lon + "," + lat
                + "]},\"properties\":{" + props + "}}";
    }

    private static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    private static final String ALMATY = "\"id\":\"KZALA\",\"name\":\"Almaty\",\"country\":\"KZ\",\"kind\":\"city\","
            + "\"source\":\"s\",\"confidence\":\"published\"";
    private static final String ALTYNKOL = "\"id\":\"kz_altynkol\",\"name\":\"Altynkol\",\"country\":\"KZ\","
            + "\"kind\":\"border_post\",\"source\":\"s\",\"confidence\":\"estimated\"";

    @Test
    void aByteThatIsNotUtf8IsRefusedWithItsLineEvenBetweenTokens() throws Exception {
        // Jackson alone skips a 0xFF between tokens; found by GeoJsonMutationProperties.
        byte[] text = collection(point(76.9286, 43.2567, ALMATY)).replace("[76", "[\n76")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = new String(text, java.nio.charset.StandardCharsets.UTF_8).indexOf("76.9286");
        byte[] bad = new byte[text.length + 1];
        System.arraycopy(text, 0, bad, 0, at);
        bad[at] = (byte) 0xFF;
        System.arraycopy(text, at, bad, at + 1, text.length - at);
        Path f = dir.resolve("net.geojson");
        java.nio.file.Files.write(f, bad);
        List<Problem> p = new NetworkLoader().validate(List.of(f));
        assertThat(p).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("line 2");
            assertThat(e.message()).contains("not valid UTF-8", "0xFF");
        });
    }

    @Test
    void problemsAreLocatedByZeroBasedFeatureIndexAndPropertyName() {
        List<Problem> p = problems(collection(
                point(76.9286, 43.2567, ALMATY),
                point(80.28, 44.2, ALTYNKOL + ",\"handles\":[\"container\",\"gold\"],\"colour\":\"red\""),
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[]},\"properties\":{}}",
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[76.9,43.2],[80.28,44.2]]},"
                        + "\"properties\":{\"id\":\"r1\",\"from\":\"KZALA\",\"to\":\"kz_altynkol\",\"mode\":\"rail\","
                        + "\"gauge\":[1520],\"km\":\"-330\",\"status\":\"operational\",\"source\":\"s\","
                        + "\"confidence\":\"published\"}}"));
        String f = dir.resolve("net.geojson").toString();
        assertThat(p).extracting(Problem::file, Problem::location, Problem::field).containsExactly(
                tuple(f, "feature 1", "colour"),
                tuple(f, "feature 1", "handles"),
                tuple(f, "feature 2", "geometry"),
                tuple(f, "feature 3", "km"));
        assertThat(p.get(0).message()).isEqualTo("unknown property 'colour'");
        assertThat(p.get(2).message()).contains("unsupported geometry type Polygon");
    }

    @Test
    void numbersAsStringsListsAsSemicolonStringsAndBooleansAsStrings() throws Exception {
        Path f = Fixtures.write(dir, "net.geojson", collection(
                point(76.9286, 43.2567, ALMATY + ",\"handles\":\"container;bulk\",\"transship\":\"TRUE\""),
                point(80.28, 44.2, ALTYNKOL),
                "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"id\":\"r1\",\"from\":\"KZALA\","
                        + "\"to\":\"kz_altynkol\",\"mode\":\"rail\",\"gauge\":\"1520\",\"km\":330,"
                        + "\"wait_hours\":\"2.5\",\"status\":\"operational\",\"oneway\":true,\"source\":\"s\","
                        + "\"confidence\":\"published\"}}"));
        Network n = new NetworkLoader().load(List.of(f));
        assertThat(n.node("KZALA").orElseThrow().handles()).hasSize(2);
        assertThat(n.node("KZALA").orElseThrow().transship()).isTrue();
        Link r1 = n.link("r1").orElseThrow();
        assertThat(r1.km()).isEqualTo(330);
        assertThat(r1.waitHours()).isEqualTo(2.5);
        assertThat(r1.oneway()).isTrue();
        assertThat(r1.geometryOpt()).as("a null geometry is a link without a line").isEmpty();
    }

    @Test
    void coordinatesComeFromTheGeometryOnly() {
        List<Problem> p = problems(collection(point(76.9286, 43.2567, ALMATY + ",\"lat\":43.2")));
        assertThat(p).extracting(Problem::location, Problem::field).containsExactly(tuple("feature 0", "lat"));
        assertThat(p.get(0).message()).contains("from the feature geometry");
    }

    @Test
    void pointOutOfRangeIsReportedAsLat() {
        List<Problem> p = problems(collection(point(76.9, 91, ALMATY)));
        assertThat(p).extracting(Problem::location, Problem::field).containsExactly(tuple("feature 0", "lat"));
    }

    @Test
    void invalidJsonNamesTheLine() {
        List<Problem> p = problems("{\"type\":\"FeatureCollection\",\n\"features\":[\n{\"type\":}]}");
        assertThat(p).hasSize(1);
        assertThat(p.get(0).location()).startsWith("line 3");
        assertThat(p.get(0).message()).startsWith("invalid JSON");
    }

    @Test
    void notAFeatureCollection() {
        List<Problem> p = problems("{\"type\":\"Feature\"}");
        assertThat(p).extracting(Problem::field, Problem::message)
                .containsExactly(tuple("type", "expected a GeoJSON FeatureCollection"));
    }

    @Test
    void featureIdIsUsedWhenPropertiesHaveNone() throws Exception {
        String props = ALMATY.replace("\"id\":\"KZALA\",", "");
        Path f = Fixtures.write(dir, "net.geojson", collection(
                "{\"type\":\"Feature\",\"id\":\"KZALA\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[76.9286,43.2567]},"
                        + "\"properties\":{" + props + "}}"));
        assertThat(new NetworkLoader().load(List.of(f)).node("KZALA")).isPresent();
    }

    @Test
    void toleratesABomAndReportsRepeatedKeys() throws Exception {
        Path ok = Fixtures.write(dir, "ok.geojson", "\uFEFF" + collection(point(76.9286, 43.2567, ALMATY)));
        assertThat(GeoJsonNetworkReader.read(List.of(ok)).nodeCount()).isEqualTo(1);
        List<Problem> p = problems(collection(point(76.9286, 43.2567, ALMATY + ",\"kind\":\"city\"")));
        assertThat(p).singleElement().extracting(Problem::message).asString().contains("invalid JSON", "kind");
    }

    @Test
    void convenienceReadersForPathsBuildDirectly() throws Exception {
        Path nodes = Fixtures.nodes(dir);
        Path links = Fixtures.links(dir, Fixtures.GOOD_CROSSING);
        assertThat(CsvNetworkReader.read(nodes, links).linkCount()).isEqualTo(1);
    }
}
