package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caravan.cost.CostModelLoader;
import org.caravan.io.NetworkLoader;
import org.caravan.network.Mode;
import org.junit.jupiter.api.Test;

/** One shortest-path tree from an origin gives each destination the route a point-to-point query gives. */
class RouteFromTest {
    private static final Router ROUTER;

    static {
        try {
            ROUTER = new Router(new NetworkLoader().loadEmbedded(), CostModelLoader.defaults());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void treeRoutesEqualPointToPointRoutes() {
        List<String> destinations = List.of("PKKHI", "IRBND", "AFKBL", "AEJEA", "INNSA", "GEPTI", "KZAST", "UZTAS");
        for (String cargo : List.of("container", "bulk")) {
            for (Objective o : List.of(Objective.COST, Objective.TIME, Objective.DISTANCE, Objective.CO2)) {
                RouteRequest req = RouteRequest.of("KZALA", "PKKHI").withCargo(cargo).withObjective(o)
                        .withClosed(Set.of(), Set.of("x_pktor_afrkh_road"));
                Map<String, RouteResult> tree = ROUTER.routeFrom(req, destinations);
                assertThat(tree.keySet()).containsExactlyElementsOf(destinations);
                for (String d : destinations) {
                    RouteResult single = ROUTER.route(req.withTo(d));
                    assertThat(tree.get(d).found()).as(d).isEqualTo(single.found());
                    if (single.found()) assertThat(tree.get(d).route()).as(cargo + " " + o + " " + d)
                            .isEqualTo(single.route());
                }
            }
        }
    }

    @Test
    void unreachableDestinationsAreReportedNotDropped() {
        RouteRequest req = RouteRequest.of("KZALA", "PKKHI").withModes(Set.of(Mode.ROAD));
        Map<String, RouteResult> tree = ROUTER.routeFrom(req, List.of("AEJEA", "UZTAS"));
        assertThat(tree.get("AEJEA").found()).isFalse();
        assertThat(tree.get("AEJEA").noRoute().message()).contains("No route");
        assertThat(tree.get("UZTAS").found()).isTrue();
    }

    @Test
    void originAmongDestinationsIsSkipped() {
        assertThat(ROUTER.routeFrom(RouteRequest.of("KZALA", "PKKHI"), List.of("KZALA", "PKKHI"))).containsOnlyKeys(
                "PKKHI");
    }
}
