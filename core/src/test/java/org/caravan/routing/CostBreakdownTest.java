package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.caravan.cost.CostModel;
import org.caravan.cost.CostModelLoader;
import org.caravan.io.NetworkLoader;
import org.caravan.io.YamlOverlay;
import org.caravan.network.Mode;
import org.junit.jupiter.api.Test;

/** The cost breakdown sums to the route's money; the published tariffs are in the embedded model with sources. */
class CostBreakdownTest {
    @Test
    void componentsSumToTheRouteAndFollowModeCountryBorderAndHandling() throws Exception {
        Router router = new Router(new NetworkLoader().loadEmbedded(), CostModelLoader.defaults());
        for (String[] od : List.of(new String[] {"INMUN", "KZAST"}, new String[] {"UZTAS", "PKKHI"},
                new String[] {"KZALA", "IRSRP"})) {
            for (String cargo : List.of("container", "bulk")) {
                RouteResult res = router.route(new RouteRequest(od[0], od[1], List.of(), cargo, 40.0,
                        Objective.COST, Set.of(), Set.of(), Set.of(), Set.of(), false));
                if (!res.found()) continue;
                Route r = res.route();
                List<CostBreakdown> parts = CostBreakdown.of(r);
                double legs = r.legs().stream().mapToDouble(Leg::usd).sum();
                double hubs = r.transshipments().stream().mapToDouble(Transshipment::usd).sum();
                assertThat(parts.stream().mapToDouble(CostBreakdown::usd).sum()).isCloseTo(legs + hubs, within(1e-6));
                double fees = r.legs().stream().filter(l -> l.mode() == Mode.CROSSING).mapToDouble(Leg::usd).sum();
                assertThat(parts.stream().filter(p -> p.kind().equals("border")).mapToDouble(CostBreakdown::usd)
                        .sum()).isCloseTo(fees, within(1e-6));
                for (Leg l : r.legs()) {
                    if (l.mode() != Mode.RAIL || l.country() == null) continue;
                    double rail = r.legs().stream().filter(x -> x.mode() == Mode.RAIL
                            && l.country().equals(x.country())).mapToDouble(Leg::usd).sum();
                    assertThat(parts).filteredOn(p -> p.component().equals("rail " + l.country()))
                            .singleElement().satisfies(p -> assertThat(p.usd()).isCloseTo(rail, within(1e-6)));
                }
            }
        }
    }

    @Test
    void everyPublishedTariffIsInTheModelWithItsOwnSource() throws Exception {
        ObjectNode tariffs = YamlOverlay.resource("/org/caravan/cost/tariffs.yaml");
        CostModel model = CostModelLoader.defaults();
        ObjectNode merged = CostModelLoader.readDefaults();
        var leaves = org.caravan.validation.ParameterRegistry.numericLeaves(tariffs);
        assertThat(leaves).isNotEmpty();
        for (var leaf : leaves.entrySet()) {
            assertThat(merged.at("/" + leaf.getKey().replace('.', '/')).asDouble()).as(leaf.getKey())
                    .isEqualTo(leaf.getValue());
            // Its own entry (not a parent's), naming a publication with a date, and a confidence.
            assertThat(tariffs.path("sources").has(leaf.getKey())).as(leaf.getKey()).isTrue();
            var s = model.sourceOf(leaf.getKey()).orElseThrow();
            assertThat(s.confidence()).isIn("published", "estimated");
            assertThat(s.source()).containsPattern("(19|20)\\d\\d");
        }
        // Used in routing: the Friendship Bridge rail fee per box (one box per wagon).
        Router router = new Router(new NetworkLoader().loadEmbedded(), model);
        Route r = router.route(new RouteRequest("UZTER", "AFMZR", List.of(), "container", null, Objective.COST,
                Set.of(), Set.of(), Set.of(), Set.of(Mode.RAIL), false)).route();
        assertThat(r.crossings()).filteredOn(c -> c.id().equals("x_uz_ayritom_afhrt_rail")).singleElement()
                .satisfies(c -> assertThat(c.usd()).isCloseTo(200, within(1e-6)));
    }
}
