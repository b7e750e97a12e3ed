package org.caravan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.caravan.assignment.Capacities;
import org.caravan.assignment.FreightAssignment;
import org.caravan.cost.CostModelLoader;
import org.caravan.demand.OdPair;
import org.caravan.io.NetworkLoader;
import org.caravan.network.Network;
import org.caravan.routing.Router;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assignment's GeoJSON, JSON and CSV shapes, on synthetic demand. */
class AssignmentJsonTest {
    static Network net;
    static FreightAssignment.Result result;

    @BeforeAll
    static void run() throws Exception {
        net = new NetworkLoader().loadEmbedded();
        Router router = new Router(net, CostModelLoader.defaults());
        result = FreightAssignment.assign(router, List.of(
                new OdPair("Karachi", "Kabul", "container", 6_000_000, "synthetic"),
                new OdPair("Bandar Abbas", "Tashkent", "container", 500_000, "synthetic")),
                null, null, null, Capacities.embedded(), FreightAssignment.Options.defaults(), null);
    }

    /** RFC 7946 as GDAL's GeoJSON driver reads it: one schema, [lon, lat] positions, LineStrings and Points. */
    @Test
    void geoJsonIsAFeatureCollectionWithOneSchema() {
        ObjectNode fc = AssignmentJson.geoJson(result, net);
        assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
        Set<Set<String>> schemas = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        for (JsonNode f : fc.get("features")) {
            assertThat(f.get("type").asText()).isEqualTo("Feature");
            String type = f.at("/geometry/type").asText();
            assertThat(type).isIn("LineString", "Point");
            JsonNode c = f.at("/geometry/coordinates");
            List<JsonNode> positions = type.equals("Point") ? List.of(c) : iterable(c);
            if (type.equals("LineString")) assertThat(positions).hasSizeGreaterThanOrEqualTo(2);
            for (JsonNode p : positions) {
                assertThat(p.get(0).asDouble()).isBetween(-180.0, 180.0);
                assertThat(p.get(1).asDouble()).isBetween(-90.0, 90.0);
            }
            Set<String> keys = new HashSet<>();
            f.get("properties").fieldNames().forEachRemaining(keys::add);
            schemas.add(keys);
            kinds.add(f.at("/properties/kind").asText());
            assertThat(f.at("/properties/tonnes").asDouble()).isPositive();
        }
        assertThat(schemas).hasSize(1);
        assertThat(kinds).contains("link", "crossing");
        // A loaded crossing carries its volume/capacity and queue.
        assertThat(iterable(fc.get("features"))).anySatisfy(f -> {
            assertThat(f.at("/properties/kind").asText()).isEqualTo("crossing");
            assertThat(f.at("/properties/volume_capacity").asDouble()).isGreaterThan(1);
            assertThat(f.at("/properties/queue_days").asDouble()).isPositive();
        });
    }

    /** With GDAL installed, ogrinfo opens the layer and counts the same features. */
    @Test
    void ogrinfoOpensTheLayerWhenInstalled(@TempDir Path dir) throws Exception {
        Path exe = Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .map(p -> Path.of(p, "ogrinfo")).filter(Files::isExecutable).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(exe != null, "ogrinfo (GDAL) not installed: skipped");
        Path file = dir.resolve("flows.geojson");
        Files.writeString(file, RouteJson.MAPPER.writeValueAsString(AssignmentJson.geoJson(result, net)));
        Process p = new ProcessBuilder(exe.toString(), "-so", "-al", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("Feature Count: " + AssignmentJson.geoJson(result, net).get("features").size())
                .contains("volume_capacity");
    }

    @Test
    void jsonAndCsvCarryTheElementsAndLinks() {
        ObjectNode o = AssignmentJson.toJson(result);
        assertThat(o.get("demand_tonnes").asDouble()).isEqualTo(6_500_000);
        assertThat(o.get("elements").size()).isEqualTo(result.bottlenecks().size());
        assertThat(o.get("links").size()).isEqualTo(result.links().size());
        JsonNode first = o.get("elements").get(0);
        assertThat(first.get("capacity_source").asText()).isNotBlank();
        assertThat(first.get("capacity_confidence").asText()).isIn("published", "estimated", "calibrated");
        String[] lines = AssignmentJson.csv(result).split("\n");
        int columns = lines[0].split(",", -1).length;
        assertThat(lines).hasSize(1 + result.links().size() + result.bottlenecks().size()
                + result.modalSplit().size());
        assertThat(o.get("modal_split").size()).isEqualTo(result.modalSplit().size());
        assertThat(o.get("detention_usd_per_year").asDouble()).isEqualTo(result.detentionUsdPerYear());
        assertThat(first.has("detention_usd_per_year")).isTrue();
        assertThat(lines[0]).startsWith("record,id,name,mode,direction,from,to,km,tonnes,tonnes_container,");
        for (String l : lines) {
            if (!l.contains("\"")) assertThat(l.split(",", -1)).hasSize(columns);
        }
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
