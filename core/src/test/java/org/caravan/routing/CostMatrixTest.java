package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.caravan.cost.CostModelLoader;
import org.caravan.io.NetworkLoader;
import org.junit.jupiter.api.Test;

/** The matrix equals one-to-one queries cell by cell, with and without restrictions; bad input names the field. */
class CostMatrixTest {
    private static final Router ROUTER;

    static {
        try {
            ROUTER = new Router(new NetworkLoader().loadEmbedded(), CostModelLoader.defaults());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final List<String> FROM = List.of("KZALA", "UZTAS", "AFKBL");
    private static final List<String> TO = List.of("PKKHI", "IRBND", "UZTAS", "GEPTI");

    @Test
    void everyCellIsTheOneToOneRoute() {
        for (RouteRequest template : List.of(RouteRequest.of("KZALA", "PKKHI"),
                RouteRequest.of("KZALA", "PKKHI").withObjective(Objective.TIME).withAvoid(Set.of("CN")))) {
            CostMatrix.Result m = CostMatrix.compute(ROUTER, template, FROM, TO);
            int compared = 0;
            for (int i = 0; i < FROM.size(); i++) {
                for (int j = 0; j < TO.size(); j++) {
                    CostMatrix.Cell c = m.cell(i, j);
                    assertThat(c.from()).isEqualTo(FROM.get(i));
                    assertThat(c.to()).isEqualTo(TO.get(j));
                    if (FROM.get(i).equals(TO.get(j))) {
                        assertThat(c.found()).isTrue();
                        assertThat(c.generalizedUsd()).isZero();
                        continue;
                    }
                    RouteResult one;
                    try {
                        one = ROUTER.route(new RouteRequest(FROM.get(i), TO.get(j), List.of(), template.cargo(),
                                template.tonnes(), template.objective(), template.avoidCountries(),
                                template.closedNodes(), template.closedLinks(), template.modes(),
                                template.includePlanned(), template.maxRisk(), template.countryPenalties()));
                    } catch (InvalidRequestException e) {
                        continue;
                    }
                    assertThat(c.found()).as(c.from() + "->" + c.to()).isEqualTo(one.found());
                    if (one.found()) {
                        assertThat(c.generalizedUsd()).isEqualTo(one.route().totals().generalizedUsd());
                        assertThat(c.hours()).isEqualTo(one.route().totals().hours());
                        assertThat(c.km()).isEqualTo(one.route().totals().km());
                        compared++;
                    }
                }
            }
            assertThat(compared).isGreaterThan(6);
        }
    }

    @Test
    void refusesViaReliableAndUnknownIds() {
        assertThatThrownBy(() -> CostMatrix.compute(ROUTER, RouteRequest.of("KZALA", "PKKHI").withVia(List.of("UZTAS")),
                FROM, TO)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("via");
        assertThatThrownBy(() -> CostMatrix.compute(ROUTER, RouteRequest.of("KZALA", "PKKHI")
                .withObjective(Objective.RELIABLE), FROM, TO)).hasMessageContaining("reliable");
        assertThatThrownBy(() -> CostMatrix.compute(ROUTER, RouteRequest.of("KZALA", "PKKHI"), List.of("NOPE"), TO))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("NOPE");
    }
}
