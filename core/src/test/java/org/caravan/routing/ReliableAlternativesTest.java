package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.caravan.cost.CostModelLoader;
import org.caravan.network.CrossingTimes;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.junit.jupiter.api.Test;

/**
 * Two corridors from O (KZ) to D (UZ): through crossing X1 (mean 10 h, p90 100 h: fast on average, unreliable)
 * or X2 (mean 12 h, p90 13 h). The fastest route uses X1, the most reliable one X2.
 */
class ReliableAlternativesTest {
    private static final Network NET = Nets.net(
            List.of(Nets.node("O", "KZ"), Nets.node("A", "UZ"), Nets.node("B", "UZ"), Nets.node("D", "UZ")),
            List.of(Nets.crossing("X1", "O", "A", 1, Set.of(Mode.ROAD), Set.of(), new CrossingTimes(10, 100, 50), null),
                    Nets.crossing("X2", "O", "B", 1, Set.of(Mode.ROAD), Set.of(), new CrossingTimes(12, 13, 50), null),
                    Nets.road("RA", "A", "D", 10), Nets.road("RB", "B", "D", 10)));
    private static final Router ROUTER = new Router(NET, CostModelLoader.defaults());

    @Test
    void reliableObjectivePicksTheSteadyCrossingAndTimeTheFastOne() {
        Route reliable = ROUTER.route(RouteRequest.of("O", "D").withObjective(Objective.RELIABLE)).route();
        Route fast = ROUTER.route(RouteRequest.of("O", "D").withObjective(Objective.TIME)).route();
        assertThat(reliable.nodes()).containsExactly("O", "B", "D");
        assertThat(fast.nodes()).containsExactly("O", "A", "D");
        assertThat(reliable.reliability()).isNotNull();
        ReliabilityStats fastStats = ROUTER.reliability(fast, 10_000, 42);
        assertThat(reliable.reliability().p90Hours()).isLessThan(fastStats.p90Hours());
        assertThat(fast.totals().hours()).isLessThan(reliable.totals().hours());
        // time alternatives: both corridors, fastest first
        List<Route> alts = ROUTER.alternatives(RouteRequest.of("O", "D").withObjective(Objective.TIME), 3).routes();
        assertThat(alts).extracting(Route::nodes).containsExactly(List.of("O", "A", "D"), List.of("O", "B", "D"));
    }

    /**
     * {@link Router#alternatives} starts with {@link Router#route}'s answer under the reliable objective too (it
     * once ranked by mean time and put the fast, unreliable X1 corridor first), and samples and seed drive it.
     */
    @Test
    void reliableAlternativesStartWithTheReliableRoute() {
        RouteRequest req = RouteRequest.of("O", "D").withObjective(Objective.RELIABLE);
        assertThat(ROUTER.alternatives(req, 2).routes().get(0).nodes()).isEqualTo(ROUTER.route(req).route().nodes());
        assertThat(ROUTER.alternatives(req, 2).routes()).extracting(Route::nodes)
                .containsExactly(List.of("O", "B", "D"), List.of("O", "A", "D"));
        Route seeded = ROUTER.route(req, 500, 7).route();
        assertThat(seeded.reliability().samples()).isEqualTo(500);
        assertThat(seeded.reliability().seed()).isEqualTo(7L);
    }
}
