package org.caravan.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.caravan.io.NetworkLoader;
import org.junit.jupiter.api.Test;

class NetworkSummaryTest {
    @Test
    void countsTheMiniNetwork() throws Exception {
        Network n = new NetworkLoader().loadResources("/org/caravan/io/mini/nodes.csv", "/org/caravan/io/mini/links.csv");
        NetworkSummary s = NetworkSummary.of(n);
        assertThat(s.nodeCount()).isEqualTo(7);
        assertThat(s.linkCount()).isEqualTo(6);
        assertThat(s.nodesByCountry()).containsExactly(entry("AZ", 1), entry("CN", 2), entry("KZ", 3), entry("XX", 1));
        assertThat(s.nodesByKind()).containsExactly(entry("city", 2), entry("border_post", 2), entry("seaport", 2),
                entry("sea_waypoint", 1));
        assertThat(s.nodesByConfidence()).containsExactly(entry("published", 4), entry("estimated", 3));
        assertThat(s.linksByMode()).containsExactly(entry("rail", 2), entry("road", 1), entry("ferry", 2),
                entry("crossing", 1));
        assertThat(s.linksByStatus()).containsExactly(entry("operational", 5), entry("under_construction", 1));
        assertThat(s.linksByConfidence()).containsExactly(entry("published", 3), entry("estimated", 3));
        assertThat(s.linksByCountry()).containsExactly(entry("AZ/XX", 1), entry("CN", 1), entry("CN/KZ", 1),
                entry("KZ", 2), entry("KZ/XX", 1));
        assertThat(s.kmByMode()).containsExactly(entry("rail", 1000.0), entry("road", 350.0), entry("ferry", 340.0),
                entry("crossing", 5.0));
        assertThat(s.totalKm()).isEqualTo(1695.0);
        assertThat(s.toMap()).containsEntry("nodeCount", 7).containsKey("kmByMode");
    }

    @Test
    void countsBySourceKind() throws Exception {
        assertThat(NetworkSummary.sourceKind("OpenStreetMap railways (c) OpenStreetMap contributors, ODbL 1.0; "
                + "corridor: Railway Gazette")).isEqualTo("osm");
        assertThat(NetworkSummary.sourceKind("Natural Earth 10m railroads (public domain)")).isEqualTo("natural-earth");
        assertThat(NetworkSummary.sourceKind("Eurostat SeaRoute MARNET 20 km (EUPL-1.2)")).isEqualTo("marnet");
        assertThat(NetworkSummary.sourceKind("ADB CAREC CPMM 2022")).isEqualTo("curated");
        assertThat(NetworkSummary.sourceKind(null)).isEqualTo("curated");
        Network n = new NetworkLoader().loadResources("/org/caravan/io/mini/nodes.csv", "/org/caravan/io/mini/links.csv");
        NetworkSummary s = NetworkSummary.of(n);
        assertThat(s.nodesBySource().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(7);
        assertThat(s.linksBySource().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
        assertThat(s.toMap()).containsKeys("nodesBySource", "linksBySource");
    }

    @Test
    void serialisesWithJackson() throws Exception {
        Network n = new NetworkLoader().loadResources("/org/caravan/io/mini/nodes.csv", "/org/caravan/io/mini/links.csv");
        JsonNode json = new ObjectMapper().valueToTree(NetworkSummary.of(n));
        assertThat(json.get("linksByMode").get("crossing").asInt()).isEqualTo(1);
        assertThat(json.get("origin").asText()).isEqualTo("embedded");
    }
}
