package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.caravan.cost.CostModelLoader;
import org.caravan.criticality.Criticality;
import org.caravan.criticality.Criticality.LinkImpact;
import org.caravan.demand.OdFile;
import org.caravan.demand.OdPair;
import org.caravan.io.NetworkLoader;
import org.caravan.network.Link;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.junit.jupiter.api.Test;

/**
 * Criticality equals a brute-force recomputation written here independently of it: every link of the network
 * closed in turn, every OD pair re-routed from scratch. Lives in the routing test package to reuse the random
 * network generator of {@link RouterReferenceProperties}.
 */
class CriticalityProperties {

    /** What closing one link does, computed the slow way. */
    record Expected(double increase, List<String> lost) {}

    static Map<String, Expected> bruteForce(Router router, List<OdPair> pairs) {
        List<RouteRequest> requests = Criticality.requests(router, pairs, null);
        double[] base = new double[pairs.size()];
        double[] units = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            RouteResult r = router.route(requests.get(i));
            base[i] = r.found() ? r.route().totals().generalizedUsd() / r.route().units() : Double.NaN;
            units[i] = pairs.get(i).tonnes()
                    / router.costModel().profile(requests.get(i).cargo()).orElseThrow().tonnesPerUnit();
        }
        Map<String, Expected> out = new HashMap<>();
        for (Link l : router.network().links()) {
            double increase = 0;
            List<String> lost = new ArrayList<>();
            for (int i = 0; i < pairs.size(); i++) {
                if (Double.isNaN(base[i])) continue; // no route even with everything open: not part of the ranking
                RouteResult r = router.route(requests.get(i).withClosed(Set.of(), Set.of(l.id())));
                if (r.found()) increase += (r.route().totals().generalizedUsd() / r.route().units() - base[i]) * units[i];
                else lost.add(pairs.get(i).from() + ">" + pairs.get(i).to());
            }
            out.put(l.id(), new Expected(increase, lost));
        }
        return out;
    }

    static void assertEqualsBruteForce(Router router, List<OdPair> pairs, int threads) {
        Map<String, Expected> expected = bruteForce(router, pairs);
        Criticality.Result fast = Criticality.rank(router, pairs, Criticality.Options.defaults().withParallelism(threads));
        Map<String, LinkImpact> byId = new HashMap<>();
        for (LinkImpact li : fast.ranked()) byId.put(li.linkId(), li);
        assertThat(byId).hasSize(fast.candidates());
        assertThat(fast.linkCount()).isEqualTo(router.network().linkCount());
        for (Link l : router.network().links()) {
            Expected e = expected.get(l.id());
            LinkImpact li = byId.get(l.id());
            double tol = 1e-7 * Math.max(1, Math.abs(e.increase()));
            if (li == null) { // skipped: closing it must truly change nothing
                assertThat(e.increase()).as("skipped link %s", l.id()).isCloseTo(0, within(tol));
                assertThat(e.lost()).as("skipped link %s", l.id()).isEmpty();
            } else {
                assertThat(li.costIncreaseUsd()).as("link %s", l.id()).isCloseTo(e.increase(), within(tol));
                assertThat(li.lost().stream().map(p -> p.from() + ">" + p.to()).toList()).as("link %s", l.id())
                        .isEqualTo(e.lost());
                assertThat(li.lostTonnes()).isEqualTo(li.lost().stream().mapToDouble(OdPair::tonnes).sum());
            }
        }
        // Ranked most critical first, whatever the thread count.
        assertThat(fast.ranked()).isSortedAccordingTo((a, b) -> a.lostTonnes() != b.lostTonnes()
                ? Double.compare(b.lostTonnes(), a.lostTonnes()) : a.costIncreaseUsd() != b.costIncreaseUsd()
                ? Double.compare(b.costIncreaseUsd(), a.costIncreaseUsd()) : a.linkId().compareTo(b.linkId()));
    }

    @Property(tries = 150)
    void equalsBruteForceOnRandomNetworks(@ForAll @IntRange(min = 4, max = 12) int nodes,
            @ForAll @IntRange(min = 1, max = 3) int countries, @ForAll long seed) {
        RouterReferenceProperties.Scenario s = RouterReferenceProperties.scenario(nodes, countries, seed);
        Random rnd = new Random(seed ^ 0x5DEECE66DL);
        List<OdPair> pairs = new ArrayList<>();
        int n = s.network().nodeCount();
        for (int k = 0; k < 1 + rnd.nextInt(5); k++) {
            int a = rnd.nextInt(n);
            int b = (a + 1 + rnd.nextInt(n - 1)) % n;
            pairs.add(new OdPair(s.network().node(a).id(), s.network().node(b).id(),
                    rnd.nextBoolean() ? "bulk" : "container", rnd.nextInt(1000), "test"));
        }
        assertEqualsBruteForce(new Router(s.network(), s.model()), pairs, 1 + rnd.nextInt(3));
    }

    @Test
    void equalsBruteForceOnTheEmbeddedNetworkForAFewPairs() throws Exception {
        Router router = new Router(new NetworkLoader().loadEmbedded(), CostModelLoader.defaults());
        List<OdPair> all = OdFile.embedded();
        assertEqualsBruteForce(router, List.of(all.get(0), all.get(2), all.get(5), all.get(12), all.get(15)), 2);
    }

    @Test
    void bruteForceInTheLibraryAgreesWithTheFastRanking() throws Exception {
        Router router = new Router(new NetworkLoader().loadEmbedded(), CostModelLoader.defaults());
        List<OdPair> pairs = OdFile.embedded().subList(0, 4);
        Criticality.Result slow = Criticality.bruteForce(router, pairs, null);
        Criticality.Result fast = Criticality.rank(router, pairs, Criticality.Options.defaults());
        // The non-zero part of the rankings is the same list in the same order.
        List<String> slowIds = slow.ranked().stream().filter(l -> l.costIncreaseUsd() > 1e-6 || l.lostTonnes() > 0)
                .map(LinkImpact::linkId).toList();
        List<String> fastIds = fast.ranked().stream().filter(l -> l.costIncreaseUsd() > 1e-6 || l.lostTonnes() > 0)
                .map(LinkImpact::linkId).toList();
        assertThat(fastIds).isEqualTo(slowIds);
        assertThat(fast.reroutes()).isLessThan(slow.reroutes());
    }

    @Test
    void odPairsLosingEveryRouteAreCountedApartNotAsInfinity() {
        // A - B by one road only; A - C by two roads (one a detour): closing ab cuts A>B off.
        Network net = Nets.net(List.of(Nets.node("A", "KZ", true, false, Set.of(org.caravan.network.Cargo.BULK)),
                Nets.node("B", "KZ", true, false, Set.of(org.caravan.network.Cargo.BULK)),
                Nets.node("C", "KZ", true, false, Set.of(org.caravan.network.Cargo.BULK)),
                Nets.node("D", "KZ")),
                List.of(Nets.road("ab", "A", "B", 100), Nets.road("ac", "A", "C", 100), Nets.road("ad", "A", "D", 80),
                        Nets.road("dc", "D", "C", 80), Nets.road("zz", "B", "D", 500)));
        Router router = new Router(net, CostModelLoader.defaults());
        List<OdPair> pairs = List.of(new OdPair("A", "B", "bulk", 1000, "t"), new OdPair("A", "C", "bulk", 500, "t"));
        Criticality.Result r = Criticality.rank(router, pairs, Criticality.Options.defaults());
        LinkImpact first = r.ranked().get(0);
        // zz is a detour for A>B (via D): closing ab re-routes, so nothing is lost; check both cases explicitly.
        LinkImpact ab = r.ranked().stream().filter(l -> l.linkId().equals("ab")).findFirst().orElseThrow();
        assertThat(ab.lost()).isEmpty();
        assertThat(ab.costIncreaseUsd()).isPositive().isFinite();

        Network cut = Nets.net(net.nodes(), List.of(Nets.road("ab", "A", "B", 100), Nets.road("ac", "A", "C", 100),
                Nets.road("ad", "A", "D", 80), Nets.road("dc", "D", "C", 80)));
        Criticality.Result rc = Criticality.rank(new Router(cut, CostModelLoader.defaults()), pairs,
                Criticality.Options.defaults());
        LinkImpact top = rc.ranked().get(0);
        assertThat(top.linkId()).isEqualTo("ab");
        assertThat(top.lost()).extracting(OdPair::to).containsExactly("B");
        assertThat(top.lostTonnes()).isEqualTo(1000);
        assertThat(top.costIncreaseUsd()).isZero();
        assertThat(top.rerouted()).isZero();
        LinkImpact ac = rc.ranked().stream().filter(l -> l.linkId().equals("ac")).findFirst().orElseThrow();
        assertThat(ac.lost()).isEmpty();
        assertThat(ac.costIncreaseUsd()).isPositive();
        assertThat(rc.candidates()).isEqualTo(2);
        assertThat(rc.skipped()).isEqualTo(2);
        assertThat(first.mode()).isEqualTo(Mode.ROAD);
    }

    @Test
    void unknownPlaceInAnOdPairNamesThePair() throws Exception {
        Router router = new Router(new NetworkLoader().loadEmbedded(), CostModelLoader.defaults());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Criticality.rank(router,
                List.of(new OdPair("Almaty", "Atlantis", "bulk", 1, "")), Criticality.Options.defaults()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("OD pair 1 (Almaty -> Atlantis)")
                .hasMessageContaining("Atlantis")
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("od"));
    }
}
