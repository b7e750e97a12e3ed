package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.caravan.network.Node;

/**
 * Alternatives on random networks (4-12 nodes, random restrictions, risk cap and penalties): at most K routes,
 * pairwise different by signature (crossing points and modes), the first one is {@link Router#route}'s, every one
 * respects every hard restriction, ranked by the objective, and asking for fewer gives a prefix.
 */
class AlternativesProperties {
    private static final int MAX_K = 5;

    @Provide
    Arbitrary<ParetoProperties.Case> cases() {
        return Combinators.combine(Arbitraries.integers().between(4, 12), Arbitraries.integers().between(1, 3),
                Arbitraries.longs()).as(ParetoProperties::makeCase);
    }

    static boolean endpointOverRiskCap(ParetoProperties.Case c) {
        if (c.request().maxRisk() == null) return false;
        List<String> ends = new java.util.ArrayList<>(List.of(c.request().from(), c.request().to()));
        ends.addAll(c.request().via());
        for (String id : ends) {
            Node n = c.network().node(id).orElseThrow();
            if (ParetoProperties.RISK.of(n.country()).combined() > c.request().maxRisk()) return true;
        }
        return false;
    }

    @Property(tries = 250)
    void alternativesAreDistinctValidRankedAndStartWithTheBestRoute(@ForAll("cases") ParetoProperties.Case c,
            @ForAll @IntRange(min = 1, max = MAX_K) int k) {
        Router router = new Router(c.network(), c.model(), ParetoProperties.RISK);
        RouteRequest req = c.request();
        if (endpointOverRiskCap(c)) {
            assertThatThrownBy(() -> router.alternatives(req, k)).isInstanceOf(InvalidRequestException.class);
            return;
        }
        RouteResults res = router.alternatives(req, k);
        RouteResult best = router.route(req);
        List<Route> routes = res.routes();
        assertThat(routes.size()).isLessThanOrEqualTo(k);
        assertThat(routes.isEmpty()).isEqualTo(!best.found());
        assertThat(res.noRoute() == null).isEqualTo(best.found());
        if (routes.isEmpty()) return;
        // the first is the single best route
        assertThat(routes.get(0).totals()).isEqualTo(best.route().totals());
        assertThat(routes.get(0).nodes()).isEqualTo(best.route().nodes());
        Set<String> signatures = new HashSet<>();
        double vot = c.model().profiles().get(req.cargo()).valueOfTimeUsdPerHour();
        StateSearch.Weight w = StateSearch.Weight.of(req.objective(), vot);
        for (int i = 0; i < routes.size(); i++) {
            Route r = routes.get(i);
            assertThat(signatures.add(Alternatives.signature(r))).as("duplicate signature %s",
                    Alternatives.signature(r)).isTrue();
            ParetoProperties.checkRestrictions(c.network(), req, r, ParetoProperties.RISK);
            if (i > 0) {
                double prev = Alternatives.value(routes.get(i - 1), w);
                double cur = Alternatives.value(r, w);
                assertThat(cur).as("alternative %d by %s", i, req.objective())
                        .isGreaterThanOrEqualTo(prev - 1e-9 * Math.max(1, Math.abs(prev)));
            }
        }
    }

    @Property(tries = 150)
    void fewerAlternativesArePrefixOfMore(@ForAll("cases") ParetoProperties.Case c) {
        if (endpointOverRiskCap(c)) return;
        Router router = new Router(c.network(), c.model(), ParetoProperties.RISK);
        List<Route> all = router.alternatives(c.request(), MAX_K).routes();
        for (int k = 1; k < MAX_K; k++) {
            List<Route> some = router.alternatives(c.request(), k).routes();
            assertThat(some).isEqualTo(all.subList(0, Math.min(k, all.size())));
        }
    }

    @Property(tries = 30)
    void kBelowOneIsInvalid(@ForAll("cases") ParetoProperties.Case c, @ForAll @IntRange(min = -3, max = 0) int k) {
        Router router = new Router(c.network(), c.model(), ParetoProperties.RISK);
        assertThatThrownBy(() -> router.alternatives(c.request(), k)).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("alternatives"));
    }
}
