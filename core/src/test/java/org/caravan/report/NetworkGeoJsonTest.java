package org.caravan.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.caravan.io.GeoJsonNetworkReader;
import org.caravan.io.NetworkLoader;
import org.caravan.network.Link;
import org.caravan.network.Network;
import org.caravan.network.NetworkBuilder;
import org.caravan.network.Node;
import org.junit.jupiter.api.Test;

/** The exported network reads back as the same network: export and import are one format. */
class NetworkGeoJsonTest {
    @Test
    void embeddedNetworkRoundTripsThroughGeoJson() throws Exception {
        Network original = new NetworkLoader().loadEmbedded();
        byte[] json = RouteJson.MAPPER.writeValueAsBytes(NetworkGeoJson.toGeoJson(original));
        NetworkBuilder b = new NetworkBuilder();
        GeoJsonNetworkReader.read(new ByteArrayInputStream(json), "export.geojson", b);
        Network back = b.build("export.geojson");
        assertThat(back.nodeCount()).isEqualTo(original.nodeCount());
        assertThat(back.linkCount()).isEqualTo(original.linkCount());
        for (Node n : original.nodes()) {
            Node m = back.node(n.id()).orElseThrow();
            assertThat(m).as(n.id()).isEqualTo(n);
        }
        for (Link l : original.links()) {
            Link m = back.link(l.id()).orElseThrow();
            assertThat(m.km()).as(l.id()).isEqualTo(l.km());
            assertThat(m.mode()).isEqualTo(l.mode());
            assertThat(m.gauges()).isEqualTo(l.gauges());
            assertThat(m.status()).isEqualTo(l.status());
            assertThat(m.forward()).isEqualTo(l.forward());
            assertThat(m.backward()).isEqualTo(l.backward());
            assertThat(m.source()).isEqualTo(l.source());
            assertThat(m.confidence()).isEqualTo(l.confidence());
            assertThat(m.waitHours()).isEqualTo(l.waitHours());
            assertThat(m.hours()).isEqualTo(l.hours());
        }
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"FeatureCollection\"");
    }
}
