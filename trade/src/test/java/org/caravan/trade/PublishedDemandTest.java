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
        // 2022 has no complete 12-month season starting in it: calendar-year figures only (July-November is left out)
        assertThat(d.factIds()).allSatisfy(id -> assertThat(fact(id).fullYear()).isTrue())
                .doesNotContain("kz-af-2022-jul-nov-exports-flour-apk");
    }

    @Test
    void aTwelveMonthMarketingYearCountsForTheYearItStartsInWhenThereIsNoCalendarYear() {
        // the documented numbers (docs/TRADE.md): 2019 has only July 2019-June 2020 figures (Kursiv, APK-Inform)
        TradeDemand.Result d = demand.od(kaz, 2019, "X", 0);
        assertThat(d.pairs()).extracting(OdPair::from, OdPair::to, OdPair::cargo, OdPair::tonnes).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Astana", "Tashkent", "bulk", 2_200_000.0),
                org.assertj.core.groups.Tuple.tuple("Astana", "Kabul", "bulk", 1_323_400.0),
                org.assertj.core.groups.Tuple.tuple("Astana", "Dushanbe", "bulk", 958_200.0),
                org.assertj.core.groups.Tuple.tuple("Astana", "Moscow", "bulk", 453_400.0),
                org.assertj.core.groups.Tuple.tuple("Astana", "Urumqi", "bulk", 320_500.0),
                org.assertj.core.groups.Tuple.tuple("Astana", "Ashgabat", "bulk", 106_500.0),
                org.assertj.core.groups.Tuple.tuple("Astana", "Bishkek", "bulk", 92_000.0));
        assertThat(d.tonnes()).isEqualTo(5_454_000.0);
        assertThat(d.pairs().get(1).source()).contains("KAZ exports to AFG 2019-07/2020-06 (12 months)",
                "wheat 410,900 t [kz-af-2019-20my-exports-wheat-kursiv]", "wheat flour 912,500 t [kz-af-2019-20my-exports-flour-apk]");
        assertThat(d.factIds()).allSatisfy(id -> assertThat(fact(id).twelveMonths()).isTrue())
                .allSatisfy(id -> assertThat(fact(id).period()).isEqualTo("2019-07/2020-06"));
    }

    @Test
    void theCalendarYearIsPreferredOverASeasonAndPeriodsAreNeverAddedTogether() {
        // 2020: Kazinform's calendar year to Afghanistan (wheat and flour in grain equivalent, 2.0 Mt) is used; APK-Inform's
        // 2020/21 flour season (1,147,000 t) overlaps it by months and by product and is only named
        TradeDemand.Result d = demand.od(kaz, 2020, "X", 0);
        assertThat(d.pairs()).extracting(OdPair::to, OdPair::tonnes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Kabul", 2_000_000.0));
        assertThat(d.pairs().get(0).source()).contains("KAZ exports to AFG 2020:",
                "other 12-month period left out: kz-af-2020-21my-exports-flour-apk 2020-07/2021-06");
        assertThat(d.factIds()).containsExactly("kz-af-2020-exports-grain-kazinform");
        // 2021: a season for Afghanistan (no calendar year for it), calendar years for Uzbekistan and Tajikistan
        TradeDemand.Result m = demand.od(kaz, 2021, "X", 0);
        assertThat(m.pairs()).extracting(OdPair::to, OdPair::tonnes).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Kabul", 1_070_000.0),
                org.assertj.core.groups.Tuple.tuple("Tashkent", 373_190.0),
                org.assertj.core.groups.Tuple.tuple("Dushanbe", 69_830.0));
        assertThat(m.tonnes()).isEqualTo(1_513_020.0);
    }

    @Test
    void partsOfAYearAreNeverSummedIntoAYear() {
        Countries c = Countries.embedded();
        PublishedFacts halves = PublishedFacts.parse(List.of(
                row("h1", "2021-01/2021-06", "first half", "100"), row("h2", "2021-07/2021-12", "second half", "200"),
                row("q", "2021-09/2022-05", "September-May", "300"), row("my", "2022-07/2023-06", "marketing year", "400")), c);
        PublishedDemand d = new PublishedDemand(halves, c);
        assertThat(d.usable(kaz, "X")).extracting(PublishedFact::id).containsExactly("my");
        assertThatThrownBy(() -> d.od(kaz, 2021, "X", 0)).isInstanceOf(NoTradeDataException.class)
                .hasMessageContaining("no published 12-month tonnages of exports for Kazakhstan (KAZ) in 2021 (years with them: [2022])");
        assertThat(d.od(kaz, null, "X", 0).tonnes()).isEqualTo(400.0);
        assertThat(halves.all().stream().filter(f -> f.id().equals("q")).findFirst().orElseThrow().months()).isEqualTo(9);
    }

    private static PublishedFact fact(String id) {
        return PublishedFacts.embedded().all().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    private static java.util.Map<String, String> row(String id, String period, String covers, String tonnes) {
        java.util.Map<String, String> r = new java.util.LinkedHashMap<>();
        r.put("id", id);
        r.put("reporter", "KAZ");
        r.put("partner", "AFG");
        r.put("measure", "exports");
        r.put("period", period);
        r.put("covers", covers);
        r.put("value_usd", "");
        r.put("quantity", tonnes);
        r.put("unit", "t");
        r.put("product", "wheat flour");
        r.put("hs", "1101");
        r.put("reported_by", "KAZ");
        r.put("source", "a test");
        r.put("source_date", "2023");
        r.put("url", "");
        r.put("confidence", "published");
        r.put("note", "");
        return r;
    }

    @Test
    void theDefaultYearIsTheLatestWithPublishedTonnagesAndMissingYearsAreNamed() {
        List<Integer> years = demand.usable(kaz, "X").stream().map(PublishedFact::year).distinct().sorted().toList();
        TradeDemand.Result latest = demand.od(kaz, null, "X", 0);
        assertThat(latest.year()).isEqualTo(years.get(years.size() - 1));
        assertThatThrownBy(() -> demand.od(kaz, 1999, "X", 0)).isInstanceOf(NoTradeDataException.class)
                .hasMessageContaining("in 1999 (years with them: " + years + ")");
        assertThatThrownBy(() -> demand.od(countries.resolve("KGZ"), null, "M", 0))
                .isInstanceOf(NoTradeDataException.class).hasMessageContaining("no published 12-month tonnages of imports");
        assertThatThrownBy(() -> demand.od(countries.resolve("NOR"), null, "X", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no hub");
    }

    @Test
    void minTonnesLeavesSmallPairsOut() {
        TradeDemand.Result d = demand.od(kaz, 2022, "X", 100_000);
        assertThat(d.pairs()).hasSize(3).allSatisfy(p -> assertThat(p.tonnes()).isGreaterThanOrEqualTo(100_000));
    }
}
