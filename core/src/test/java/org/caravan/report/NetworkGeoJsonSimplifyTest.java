package org.caravan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.caravan.io.NetworkLoader;
import org.caravan.network.Link;
import org.caravan.network.Network;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/** Per-zoom simplified network layers keep every line's ends and stay within their tolerance of the full line. */
class NetworkGeoJsonSimplifyTest {
    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void simplifiedLayersKeepEndpointsAndStayWithinTolerance() throws Exception {
        Network net = new NetworkLoader().loadEmbedded();
        int fullVertices = vertices(NetworkGeoJson.toGeoJson(net));
        int previous = 0; // bands run coarse to fine, so vertex counts only grow
        for (double tol : NetworkGeoJson.ZOOM_TOLERANCE_DEG) {
            ObjectNode fc = NetworkGeoJson.toGeoJson(net, tol);
            Map<String, LineString> lines = new HashMap<>();
            for (JsonNode f : fc.get("features")) {
                if (!f.get("geometry").get("type").asText().equals("LineString")) continue;
                JsonNode c = f.get("geometry").get("coordinates");
                Coordinate[] cs = new Coordinate[c.size()];
                for (int i = 0; i < c.size(); i++) cs[i] = new Coordinate(c.get(i).get(0).asDouble(), c.get(i).get(1).asDouble());
                lines.put(f.get("properties").get("id").asText(), GF.createLineString(cs));
            }
            assertThat(lines).hasSize(net.linkCount());
            for (Link l : net.links()) {
                if (l.geometry() == null || l.geometry().getNumPoints() < 2) continue;
                LineString full = (LineString) l.geometry();
                LineString simple = lines.get(l.id());
                assertThat(simple.getNumPoints()).as(l.id()).isBetween(2, full.getNumPoints());
                assertThat(simple.getCoordinateN(0)).as(l.id() + " start").isEqualTo(full.getCoordinateN(0));
                assertThat(simple.getCoordinateN(simple.getNumPoints() - 1)).as(l.id() + " end")
                        .isEqualTo(full.getCoordinateN(full.getNumPoints() - 1));
                // every vertex of the full line lies within the tolerance of the simplified line
                double d = DiscreteHausdorffDistance.distance(full, simple);
                assertThat(d).as(l.id() + " distance at tolerance " + tol).isLessThanOrEqualTo(tol + 1e-9);
            }
            int v = vertices(fc);
            assertThat(v).as("vertices at tolerance " + tol).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(fullVertices);
            previous = v;
        }
        assertThat(previous).as("the finest band is the full geometry").isEqualTo(fullVertices);
        assertThat(vertices(NetworkGeoJson.toGeoJson(net, NetworkGeoJson.ZOOM_TOLERANCE_DEG[0])))
                .as("the coarsest band drops vertices").isLessThan(fullVertices);
    }

    @Test
    void zoomBands() {
        assertThat(NetworkGeoJson.zoomBand(3)).isEqualTo(0);
        assertThat(NetworkGeoJson.zoomBand(5)).isEqualTo(1);
        assertThat(NetworkGeoJson.zoomBand(8)).isEqualTo(2);
        assertThat(NetworkGeoJson.zoomBand(12)).isEqualTo(3);
        assertThat(NetworkGeoJson.ZOOM_TOLERANCE_DEG[NetworkGeoJson.zoomBand(12)]).isZero();
    }

    private static int vertices(ObjectNode fc) {
        int n = 0;
        for (JsonNode f : fc.get("features")) {
            if (f.get("geometry").get("type").asText().equals("LineString")) n += f.get("geometry").get("coordinates").size();
        }
        return n;
    }
}
