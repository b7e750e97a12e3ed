package org.caravan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.caravan.geo.CountryShapes;
import org.caravan.network.Network;
import org.caravan.network.NetworkException;
import org.caravan.network.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkLoaderTest {
    @TempDir
    Path dir;

    private static Path resource(String name) throws Exception {
        return Path.of(NetworkLoaderTest.class.getResource(CsvNetworkReaderTest.MINI + name).toURI());
    }

    @Test
    void loadsACsvPairInEitherOrder() throws Exception {
        Network a = new NetworkLoader().load(List.of(resource("nodes.csv"), resource("links.csv")));
        Network b = new NetworkLoader().load(List.of(resource("links.csv"), resource("nodes.csv")));
        assertThat(a.nodeCount()).isEqualTo(7);
        assertThat(b.links()).isEqualTo(a.links());
        assertThat(a.origin()).endsWith("nodes.csv + " + resource("links.csv"));
    }

    @Test
    void loadsGeoJsonFiles() throws Exception {
        Network n = new NetworkLoader().load(List.of(resource("network.geojson")));
        assertThat(n.nodes()).isEqualTo(CsvNetworkReaderTest.mini().nodes());
    }

    @Test
    void linksMayReferToNodesOfAnotherFile() throws Exception {
        Path nodes = Fixtures.write(dir, "nodes.json", "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[76.9286,43.2567]},"
                + "\"properties\":{\"id\":\"a\",\"name\":\"A\",\"country\":\"KZ\",\"kind\":\"city\",\"source\":\"s\",\"confidence\":\"published\"}},"
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[76.95,43.3]},"
                + "\"properties\":{\"id\":\"b\",\"name\":\"B\",\"country\":\"KZ\",\"kind\":\"city\",\"source\":\"s\",\"confidence\":\"published\"}}]}");
        Path links = Fixtures.write(dir, "links.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[76.9286,43.2567],[76.95,43.3]]},"
                + "\"properties\":{\"id\":\"ab\",\"from\":\"a\",\"to\":\"b\",\"mode\":\"road\",\"km\":7,\"status\":\"operational\",\"source\":\"s\",\"confidence\":\"estimated\"}}]}");
        assertThat(new NetworkLoader().load(List.of(nodes, links)).linkCount()).isEqualTo(1);
    }

    @Test
    void missingFileIsAProblemNamingTheFile() {
        Path missing = dir.resolve("nope.csv");
        List<Problem> p = new NetworkLoader().validate(List.of(missing));
        assertThat(p).extracting(Problem::file, Problem::location, Problem::field, Problem::message)
                .containsExactly(tuple(missing.toString(), "", "", "no such file"));
        assertThatThrownBy(() -> new NetworkLoader().load(List.of(missing)))
                .isInstanceOf(NetworkException.class)
                .hasMessageContaining(missing + ": no such file");
    }

    @Test
    void filesThatAreNeitherAreClearProblems() {
        Path txt = Fixtures.write(dir, "readme.txt", "hello");
        Path csv = Fixtures.write(dir, "data.csv", "a,b\n1,2\n");
        List<Problem> p = new NetworkLoader().validate(List.of(txt, csv));
        assertThat(p).extracting(Problem::file, Problem::location).containsExactly(
                tuple(txt.toString(), ""), tuple(csv.toString(), "line 1"));
        assertThat(p.get(0).message()).contains("not a network file");
        assertThat(p.get(1).message()).contains("neither a nodes table", "nor a links table");
    }

    @Test
    void emptyInputs() {
        assertThat(new NetworkLoader().validate(List.of())).extracting(Problem::message)
                .containsExactly("no input files: give a nodes.csv + links.csv pair or GeoJSON files");
        Path empty = Fixtures.write(dir, "nodes.csv", "");
        assertThat(new NetworkLoader().validate(List.of(empty))).extracting(Problem::message)
                .containsExactly("empty file: expected a header row");
        Path headerOnly = Fixtures.write(dir, "n.csv", Fixtures.NODES_HEADER + "\n");
        assertThat(new NetworkLoader().validate(List.of(headerOnly))).extracting(Problem::message)
                .containsExactly("the network has no nodes");
    }

    @Test
    void missingEmbeddedResourcesGiveAClearError() {
        assertThatThrownBy(() -> new NetworkLoader().loadResources("/org/caravan/nowhere/nodes.csv",
                CsvNetworkReaderTest.MINI + "links.csv"))
                .isInstanceOf(NetworkException.class)
                .hasMessageContaining("embedded:nodes.csv: classpath resource /org/caravan/nowhere/nodes.csv is missing");
    }

    @Test
    void loadEmbeddedEitherLoadsOrSaysTheResourcesAreMissing() {
        // The embedded data is added separately; until then loadEmbedded must fail with a clear message.
        boolean present = NetworkLoader.class.getResource(NetworkLoader.EMBEDDED_NODES) != null;
        if (present) {
            assertThat(catchNetwork()).isNull();
        } else {
            assertThat(catchNetwork()).isNotNull().extracting(Throwable::getMessage).asString()
                    .contains("embedded:nodes.csv", "is missing", "embedded:links.csv");
        }
    }

    private static NetworkException catchNetwork() {
        try {
            new NetworkLoader().loadEmbedded();
            return null;
        } catch (NetworkException e) {
            return e;
        }
    }

    @Test
    void theCountryCheckCanBeSwitchedOff() {
        Path nodes = Fixtures.nodes(dir, "n1,N,KZ,city,87.617,43.825,s,published");
        Path links = Fixtures.links(dir);
        assertThat(new NetworkLoader().validate(List.of(nodes, links))).hasSize(1);
        assertThat(new NetworkLoader(CountryShapes.none()).validate(List.of(nodes, links))).isEmpty();
    }

    @Test
    void formatByExtension() {
        assertThat(NetworkLoader.format(Path.of("a/Net.GeoJSON"))).isEqualTo(NetworkLoader.Format.GEOJSON);
        assertThat(NetworkLoader.format(Path.of("x.json"))).isEqualTo(NetworkLoader.Format.GEOJSON);
        assertThat(NetworkLoader.format(Path.of("links.csv"))).isEqualTo(NetworkLoader.Format.CSV);
        assertThat(NetworkLoader.format(Path.of("links.tsv"))).isEqualTo(NetworkLoader.Format.UNKNOWN);
    }
}
