package org.caravan.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.caravan.demand.OdPair;
import org.junit.jupiter.api.Test;

class PublishedDemandTest {
    private final Countries countries = Countries.embedded();
    private final Country kaz = countries.resolve("KAZ");
    private final PublishedDemand demand = PublishedDemand.embedded();

    @Test
    void kazakhExportsOf2022FromThePublishedTonnages() {
        TradeDemand.Result d = demand.od(kaz, 2022, "X", 0);
        assertThat(d.fromPublished()).isTrue();
        assertThat(d.year()).isEqualTo(2022);
        // the documented numbers (docs/TRADE.md): flour 1,362,000 t (APK-Inform's exact figure, newer than the
        // government's rounded 1.3 Mt) + wheat 686,700 t to Afghanistan as bulk from the northern grain belt
        assertThat(d.pairs()).extracting(OdPair::from, OdPair::to, OdPair::cargo, OdPair::tonnes).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Astana", "Kabul", "bulk", 2_048_700.0),
                org.assertj.core.groups.Tuple.tuple("Astana", "Tehran", "bulk", 967_900.0),
                org.assertj.core.groups.Tuple.tuple("Astana", "Tashkent", "bulk", 426_090.0),
                org.assertj.core.groups.Tuple.tuple("Astana", "Dushanbe", "bulk", 64_800.0),
                org.assertj.core.groups.Tuple.tuple("Almaty", "Kabul", "container", 17_600.0));
        assertThat(d.tonnes()).isEqualTo(3_525_090.0);
        assertThat(d.factIds()).contains("kz-af-2022-exports-flour-apk", "kz-af-2022-exports-wheat-dairynews",
                "kz-ir-2022-exports-barley-apk").doesNotContain("kz-af-2022-exports-flour-dairynews");
        OdPair kabul = d.pairs().get(0);
        assertThat(kabul.source()).contains("kz-af-2022-exports-flour-apk", "also kz-af-2022-exports-flour-dairynews 1,300,000 t",
                "hubs Astana / Kabul");
        // partial years, marketing years and product groups never become demand
        assertThat(d.factIds()).allSatisfy(id -> assertThat(PublishedFacts.embedded().all().stream()
                .filter(f -> f.id().equals(id)).findFirst().orElseThrow().fullYear()).isTrue());
    }

    @Test
    void theDefaultYearIsTheLatestWithPublishedTonnagesAndMissingYearsAreNamed() {
        List<Integer> years = demand.usable(kaz, "X").stream().map(PublishedFact::year).distinct().sorted().toList();
        TradeDemand.Result latest = demand.od(kaz, null, "X", 0);
        assertThat(latest.year()).isEqualTo(years.get(years.size() - 1));
        assertThatThrownBy(() -> demand.od(kaz, 1999, "X", 0)).isInstanceOf(NoTradeDataException.class)
                .hasMessageContaining("in 1999 (years with them: " + years + ")");
        assertThatThrownBy(() -> demand.od(countries.resolve("KGZ"), null, "M", 0))
                .isInstanceOf(NoTradeDataException.class).hasMessageContaining("no published full-year tonnages of imports");
        assertThatThrownBy(() -> demand.od(countries.resolve("NOR"), null, "X", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no hub");
    }

    @Test
    void minTonnesLeavesSmallPairsOut() {
        TradeDemand.Result d = demand.od(kaz, 2022, "X", 100_000);
        assertThat(d.pairs()).hasSize(3).allSatisfy(p -> assertThat(p.tonnes()).isGreaterThanOrEqualTo(100_000));
    }
}
