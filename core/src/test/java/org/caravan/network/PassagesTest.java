package org.caravan.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.caravan.cost.CostModel;
import org.caravan.cost.CostModelLoader;
import org.caravan.io.NetworkLoader;
import org.caravan.place.PlaceIndex;
import org.caravan.place.RouteQuery;
import org.caravan.routing.InvalidRequestException;
import org.caravan.routing.NoRoute;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.RouteResult;
import org.caravan.routing.Router;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Named sea passages: every link they name exists, avoiding one closes it honestly, routes list them. */
class PassagesTest {
    static Network network;
    static CostModel costs;
    static Router router;
    static PlaceIndex places;

    @BeforeAll
    static void load() throws Exception {
        network = new NetworkLoader().loadEmbedded();
        costs = CostModelLoader.defaults();
        router = new Router(network, costs);
        places = new PlaceIndex(network);
    }

    private RouteResult route(RouteQuery.Builder b) {
        RouteRequest r = b.build().resolve(network, costs, places);
        return router.route(r);
    }

    @Test
    void everyPassageNamesExistingSeaLinksWithASource() {
        assertThat(Passages.embedded().all()).isNotEmpty();
        for (Passages.Passage p : Passages.embedded().all()) {
            assertThat(p.source()).as(p.name()).isNotBlank();
            assertThat(p.confidence()).as(p.name()).isIn("published", "estimated", "calibrated");
            for (String id : p.links()) {
                assertThat(network.link(id)).as(p.name() + " link " + id).isPresent();
                assertThat(network.link(id).orElseThrow().mode()).as(id).isIn(Mode.SEA, Mode.FERRY);
            }
        }
    }

    @Test
    void aGulfToKarachiSeaRouteListsHormuz() {
        RouteResult r = route(RouteQuery.builder().from("AEJEA").to("PKKHI").modes(List.of("sea")));
        assertThat(r.found()).isTrue();
        assertThat(r.route().passages()).containsExactly("Strait of Hormuz");
        assertThat(r.route().legs()).anyMatch(l -> l.linkId().equals("sea_sw_hormuz_sw_gulf_of_oman"));
    }

    @Test
    void avoidingHormuzBySeaOnlyRefusesAndNamesThePassage() {
        RouteResult r = route(RouteQuery.builder().from("AEJEA").to("PKKHI").modes(List.of("sea"))
                .avoidPassage(List.of("hormuz")));
        assertThat(r.found()).isFalse();
        NoRoute no = r.noRoute();
        assertThat(no.reason()).isEqualTo(NoRoute.Reason.BLOCKED);
        // the blocking restriction is the passage (lifting it connects the ports), not an anonymous link closure
        assertThat(no.blocking()).anySatisfy(x -> {
            assertThat(x.kind()).isEqualTo(org.caravan.routing.Restriction.Kind.AVOID_PASSAGE);
            assertThat(x.values()).containsExactly("Strait of Hormuz");
        });
        assertThat(no.message()).contains("avoided sea passages Strait of Hormuz")
                .doesNotContain("sea_sw_hormuz_sw_gulf_of_oman");
    }

    @Test
    void aGulfToMediterraneanSeaRouteListsHormuzBabElMandebAndSuezInOrder() {
        RouteResult r = route(RouteQuery.builder().from("Jebel Ali").to("Piraeus").modes(List.of("sea")));
        assertThat(r.found()).isTrue();
        assertThat(r.route().passages()).containsExactly("Strait of Hormuz", "Bab-el-Mandeb", "Suez Canal");
    }

    @Test
    void avoidingSuezRoutesRoundTheCapeOfGoodHopeAndSaysSo() {
        RouteResult viaSuez = route(RouteQuery.builder().from("Jebel Ali").to("Piraeus").modes(List.of("sea")));
        RouteResult r = route(RouteQuery.builder().from("Jebel Ali").to("Piraeus").modes(List.of("sea"))
                .avoidPassage(List.of("Suez")));
        assertThat(r.found()).isTrue();
        assertThat(r.route().passages()).containsExactly("Strait of Hormuz", "Cape of Good Hope");
        assertThat(r.route().legs()).noneMatch(l -> l.linkId().equals("sea_sw_suez_s_sw_suez_n"));
        // round Africa is far longer: about 19,000 km against about 6,000 km through the Red Sea
        assertThat(r.route().totals().km()).isGreaterThan(viaSuez.route().totals().km() + 10_000);
    }

    @Test
    void theVolgaDonCanalJoinsTheCaspianToTheBlackSeaAndCanBeAvoided() {
        RouteResult r = route(RouteQuery.builder().from("Astrakhan").to("Novorossiysk").modes(List.of("sea")));
        assertThat(r.found()).isTrue();
        assertThat(r.route().passages()).contains("Volga-Don Canal");
        RouteResult no = route(RouteQuery.builder().from("Astrakhan").to("Novorossiysk").modes(List.of("sea"))
                .avoidPassage(List.of("Volga-Don")));
        assertThat(no.found()).isFalse();
        assertThat(no.noRoute().message()).contains("Volga-Don Canal");
    }

    @Test
    void avoidingBabElMandebAlsoGoesRoundTheCape() {
        RouteResult r = route(RouteQuery.builder().from("Jebel Ali").to("Piraeus").modes(List.of("sea"))
                .avoidPassage(List.of("Bab-el-Mandeb")));
        assertThat(r.found()).isTrue();
        assertThat(r.route().passages()).contains("Cape of Good Hope").doesNotContain("Bab-el-Mandeb", "Suez Canal");
    }

    @Test
    void avoidingSuezAndTheCapeLeavesNoSeaRouteToTheMediterraneanAndTheRefusalNamesBoth() {
        RouteResult r = route(RouteQuery.builder().from("Jebel Ali").to("Piraeus").modes(List.of("sea"))
                .avoidPassage(List.of("Suez", "Cape of Good Hope")));
        assertThat(r.found()).isFalse();
        assertThat(r.noRoute().reason()).isEqualTo(NoRoute.Reason.BLOCKED);
        assertThat(r.noRoute().message()).contains("Suez Canal").contains("Cape of Good Hope")
                .doesNotContain("sea_sw_suez_s_sw_suez_n");
    }

    @Test
    void aCloseOfAnOrdinaryLinkStaysACloseRestrictionBesideTheAvoidedPassage() {
        RouteRequest q = RouteQuery.builder().from("AEJEA").to("PKKHI").avoidPassage(List.of("Hormuz"))
                .close(List.of("sea_pkkhi_sw_off_karachi")).build().resolve(network, costs, places);
        assertThat(q.restrictions()).extracting(org.caravan.routing.Restriction::kind).contains(
                org.caravan.routing.Restriction.Kind.CLOSE, org.caravan.routing.Restriction.Kind.AVOID_PASSAGE);
        assertThat(q.restrictions()).filteredOn(x -> x.kind() == org.caravan.routing.Restriction.Kind.CLOSE)
                .singleElement().satisfies(x -> assertThat(x.values()).containsExactly("sea_pkkhi_sw_off_karachi"));
    }

    @Test
    void avoidingHormuzWithLandAllowedFindsARouteThatDoesNotUseIt() {
        RouteResult r = route(RouteQuery.builder().from("AEJEA").to("PKKHI").avoidPassage(List.of("Strait of Hormuz")));
        if (r.found()) {
            assertThat(r.route().passages()).doesNotContain("Strait of Hormuz");
            assertThat(r.route().legs()).noneMatch(l -> l.linkId().equals("sea_sw_hormuz_sw_gulf_of_oman"));
        } else {
            assertThat(r.noRoute().message()).isNotBlank();
        }
    }

    @Test
    void anUnknownPassageIsAnErrorNamingTheFieldAndTheKnownPassages() {
        assertThatThrownBy(() -> route(RouteQuery.builder().from("AEJEA").to("PKKHI").avoidPassage(List.of("Panama"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Panama").hasMessageContaining("Strait of Hormuz");
    }

    @Test
    void namesAreMatchedIgnoringCaseSpacesAndAliases() {
        assertThat(Passages.embedded().byName("turkish straits").orElseThrow().name()).isEqualTo("Bosphorus");
        assertThat(Passages.embedded().byName("STRAIT OF HORMUZ")).isPresent();
    }

    @Test
    void aBadTableNamesTheLine() {
        assertThatThrownBy(() -> Passages.parse(new BufferedReader(new StringReader(
                "name,aliases,links,source,confidence,note\nHormuz,,,src,published,\n")), "p.csv"))
                .hasMessageContaining("p.csv:2");
    }
}
