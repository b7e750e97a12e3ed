package org.caravan.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.caravan.cost.CostModel;
import org.caravan.cost.CostModelLoader;
import org.caravan.io.NetworkLoader;
import org.caravan.network.Link;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.junit.jupiter.api.Test;

/**
 * The cost model's place tables and the embedded network name the same things: every embedded crossing has its
 * entry in crossings.yaml (so no crossing falls back to another's figure), and every entry of crossings.yaml,
 * services.yaml and the profiles' named places is an id of the embedded network (a renamed id would silently
 * lose its figures).
 */
class PlaceTablesTest {
    @Test
    void tablesAndTheEmbeddedNetworkNameTheSameCrossingsLinksAndPlaces() throws Exception {
        Network net = new NetworkLoader().loadEmbedded();
        CostModel m = CostModelLoader.defaults();
        Set<String> crossings = new TreeSet<>();
        for (Link l : net.links()) if (l.mode() == Mode.CROSSING) crossings.add(l.id());
        assertThat(new TreeSet<>(m.timetables().crossings().keySet())).isEqualTo(crossings);
        for (String id : m.timetables().services().keySet()) {
            Link l = net.link(id).orElse(null);
            assertThat(l).as("service %s is a link of the network", id).isNotNull();
            assertThat(l.mode()).as(id).isIn(Mode.FERRY, Mode.SEA);
        }
        m.profiles().values().forEach(p -> p.nodes().keySet().forEach(id ->
                assertThat(net.nodeIndex(id)).as("named place %s of profile %s", id, p.name()).isNotNegative()));
        for (String cc : m.timetables().utcOffsetHours().keySet()) assertThat(cc).matches("[A-Z]{2}");
    }
}
