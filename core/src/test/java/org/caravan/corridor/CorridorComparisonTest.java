package org.caravan.corridor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.caravan.cost.CostModelLoader;
import org.caravan.io.NetworkLoader;
import org.caravan.network.Link;
import org.caravan.network.Network;
import org.caravan.place.PlaceIndex;
import org.caravan.routing.InvalidRequestException;
import org.caravan.routing.Leg;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.Router;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Corridor comparison on the embedded network: every forced route really uses what it was forced through. */
class CorridorComparisonTest {
    static Network network;
    static Router router;
    static CorridorComparison comparison;
    static PlaceIndex places;

    @BeforeAll
    static void load() throws Exception {
        network = new NetworkLoader().loadEmbedded();
        router = new Router(network, CostModelLoader.defaults());
        comparison = new CorridorComparison(router, Corridors.embedded());
        places = new PlaceIndex(network);
    }

    private static Set<String> linkIds(Route r) {
        Set<String> out = new HashSet<>();
        for (Leg l : r.legs()) out.add(l.linkId());
        return out;
    }

    /** The route passes every step: places among its nodes, crossings (any link between the posts) among its legs. */
    private static void assertUses(Route r, Corridor c) {
        Set<String> used = linkIds(r);
        for (String step : c.steps()) {
            PlaceIndex.Closure closure = places.resolveClosure(step);
            if (closure.links().isEmpty()) {
                assertThat(r.nodes()).as("%s: %s", c.id(), step).containsAll(closure.nodes());
            } else {
                Link named = network.link(closure.links().iterator().next()).orElseThrow();
                boolean crossed = network.links().stream().filter(l -> l.isCrossing() && samePosts(l, named))
                        .anyMatch(l -> used.contains(l.id()));
                assertThat(crossed).as("%s: crossing %s in %s", c.id(), step, r.crossingNames()).isTrue();
            }
        }
    }

    private static boolean samePosts(Link a, Link b) {
        return Set.of(a.from(), a.to()).equals(Set.of(b.from(), b.to()));
    }

    @Test
    void everyEmbeddedCorridorResolvesAndEachFoundRouteUsesIt() {
        List<String> ids = Corridors.embedded().all().stream().map(Corridor::id).toList();
        assertThat(ids).contains("trans-afghan-east", "trans-afghan-west", "kti", "instc-west", "caspian",
                "iran-sarakhs", "termez-hairatan");
        for (RouteRequest q : List.of(RouteRequest.of("UZTAS", "PKKHI"), RouteRequest.of("KZALA", "IRBND"),
                RouteRequest.of("PKKHI", "UZTAS").withCargo("bulk"))) {
            CorridorComparison.Comparison c = comparison.compare(q, ids);
            assertThat(c.options()).hasSize(ids.size());
            for (CorridorComparison.Option o : c.options()) {
                assertThat(o.kind()).isEqualTo("corridor");
                if (o.found()) assertUses(o.route(), Corridors.embedded().find(o.token()).orElseThrow());
                else assertThat(o.noRoute()).isNotNull();
            }
            assertThat(c.cheapest()).isNotNegative();
            // No forced route beats the unforced optimum.
            for (CorridorComparison.Option o : c.options()) {
                if (o.found()) {
                    assertThat(o.route().totals().generalizedUsd())
                            .isGreaterThanOrEqualTo(c.unrestricted().totals().generalizedUsd() - 1e-6);
                }
            }
        }
    }

    @Test
    void tashkentKarachiTransAfghanCorridorsAreFoundBothWays() {
        for (RouteRequest q : List.of(RouteRequest.of("UZTAS", "PKKHI"), RouteRequest.of("PKKHI", "UZTAS"))) {
            var c = comparison.compare(q, List.of("trans-afghan-east", "trans-afghan-west"));
            assertThat(c.options()).allMatch(CorridorComparison.Option::found);
            assertThat(c.options().get(0).route().crossingNames()).contains("Torkham");
            assertThat(c.options().get(1).route().crossingNames()).contains("Chaman-Spin Boldak");
            assertThat(c.verdict()).contains("is cheapest");
        }
    }

    @Test
    void aNamedCrossingIsUsedExactlyAndItsSiblingBetweenTheSamePostsIsNot() {
        // The road crossing by its link id: its bare name "Termez-Hairatan (Friendship Bridge)" names the crossing
        // point (road and rail links between the two posts, PlaceIndex), so which link a route takes under it is a
        // matter of cost (the road one pays the Afghan bridge toll since tariffs.yaml of 3 Dec 2026).
        var c = comparison.compare(RouteRequest.of("UZTAS", "AFKBL"),
                List.of("Termez-Hairatan (Friendship Bridge) rail", "x_uz_ayritom_afhrt_road",
                        "x_uz_ayritom_afhrt_rail"));
        Set<String> rail = linkIds(c.options().get(0).route());
        assertThat(c.options().get(0).kind()).isEqualTo("crossing");
        assertThat(rail).contains("x_uz_ayritom_afhrt_rail").doesNotContain("x_uz_ayritom_afhrt_road");
        Set<String> road = linkIds(c.options().get(1).route());
        assertThat(road).contains("x_uz_ayritom_afhrt_road").doesNotContain("x_uz_ayritom_afhrt_rail");
        assertThat(linkIds(c.options().get(2).route())).contains("x_uz_ayritom_afhrt_rail");
    }

    @Test
    void aPlaceIsAViaPoint() {
        var c = comparison.compare(RouteRequest.of("UZTAS", "PKKHI"), List.of("Herat", "Mashhad"));
        assertThat(c.options().get(0).kind()).isEqualTo("place");
        assertThat(c.options().get(0).route().nodes()).contains("AFHEA");
        assertThat(c.options().get(1).route().nodes()).contains("IRMHD");
    }

    @Test
    void unknownCorridorIsAnErrorNamingIt() {
        assertThatThrownBy(() -> comparison.compare(RouteRequest.of("UZTAS", "PKKHI"),
                List.of("kti", "trans-afghan-middle")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("trans-afghan-middle")
                .hasMessageContaining("kti")
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("corridors"));
        assertThatThrownBy(() -> comparison.compare(RouteRequest.of("UZTAS", "PKKHI"), List.of()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void anOptionThatCannotBeReachedIsANoRouteNotAnError() {
        var c = comparison.compare(RouteRequest.of("UZTAS", "PKKHI").withAvoid(Set.of("AF")),
                List.of("trans-afghan-east", "iran-sarakhs"));
        assertThat(c.options().get(0).found()).isFalse();
        assertThat(c.options().get(0).noRoute().message()).isNotBlank();
        assertThat(c.options().get(1).found()).isTrue();
        assertThat(c.cheapest()).isEqualTo(1);
    }

    @Test
    void aLinkTheRouteWouldDetourAroundIsRefusedNotShownAsUsed() {
        // The Aktau-Alat ferry waits 60 h for a sailing: sea to Makhachkala and rail is the cheaper way between
        // the two ports, so via points alone would not force the ferry; the check must say so.
        var c = comparison.compare(RouteRequest.of("KZALA", "GEPTI"), List.of("ferry_kzaau_azala", "caspian"));
        CorridorComparison.Option ferry = c.options().get(0);
        assertThat(ferry.kind()).isEqualTo("link");
        if (ferry.found()) assertThat(linkIds(ferry.route())).contains("ferry_kzaau_azala");
        else assertThat(ferry.noRoute().message()).contains("cannot be forced", "ferry_kzaau_azala");
        assertThat(c.options().get(1).route().nodes()).contains("KZAAU", "AZALA");
    }
}
