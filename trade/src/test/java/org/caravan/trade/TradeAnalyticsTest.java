package org.caravan.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caravan.demand.OdFile;
import org.caravan.demand.OdPair;
import org.caravan.scenario.ScenarioBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Analytics on the two fixtures, checked against the hand-computed numbers in their README.md. */
class TradeAnalyticsTest {
    @TempDir
    static Path dir;

    static TradeStore store;
    static TradeAnalytics analytics;
    static Country kaz;
    static Country afg;

    @BeforeAll
    static void load() throws Exception {
        store = TradeStore.open(dir.resolve("data"));
        ComtradeImporter importer = new ComtradeImporter(store);
        for (String f : List.of("plus-kaz-afg.csv", "classic-kaz-afg.csv")) {
            importer.importFile(ComtradeImporterTest.fixture(dir, f), ComtradeImporter.Options.DEFAULT,
                    ComtradeImporter.Progress.NONE);
        }
        analytics = new TradeAnalytics(store);
        kaz = store.countries().resolve("KAZ");
        afg = store.countries().resolve("Afghanistan");
    }

    @AfterAll
    static void close() { store.close(); }

    @Test
    void bilateralSeriesCountsEachFlowOnceWithBalanceAndGrowth() {
        TradeFigures.Series s = analytics.series(kaz, afg);
        assertThat(s.points()).extracting(TradeFigures.SeriesPoint::year).containsExactly(2019, 2020, 2021, 2022, 2023);
        // TOTAL records, not TOTAL + chapters (which would double them)
        assertThat(s.points()).extracting(TradeFigures.SeriesPoint::exportsUsd)
                .containsExactly(500e6, 450e6, 400e6, 600e6, 500e6);
        assertThat(s.points()).extracting(TradeFigures.SeriesPoint::importsUsd)
                .containsExactly(20e6, 25e6, 30e6, 40e6, 50e6);
        TradeFigures.SeriesPoint y2022 = s.points().get(3);
        assertThat(y2022.turnoverUsd()).isEqualTo(640e6);
        assertThat(y2022.balanceUsd()).isEqualTo(560e6);
        assertThat(y2022.turnoverGrowthPct()).isCloseTo(100.0 * (640 - 430) / 430, within(1e-9));
        assertThat(s.points().get(0).turnoverGrowthPct()).isNull();
        assertThat(s.points()).allSatisfy(p -> assertThat(p.covers()).isEqualTo("full year"));
        // the published figures for the pair come with the series, sources kept
        assertThat(s.published()).extracting(PublishedFact::id).contains("kz-af-2022-turnover-diplomat",
                "kz-af-2023-turnover-khaama", "kz-af-2023-turnover-interfax");
        assertThat(s.published()).allSatisfy(f -> assertThat(f.source()).isNotBlank());
    }

    @Test
    void topChaptersWithSharesTonnesAndCargo() {
        TradeFigures.TopProducts t = analytics.top(kaz, afg, 2022, "X", 2, 10);
        assertThat(t.products()).extracting(TradeFigures.Product::code).containsExactly("10", "11", "15", "27");
        assertThat(t.products()).extracting(TradeFigures.Product::valueUsd).containsExactly(360e6, 150e6, 50e6, 40e6);
        assertThat(t.products()).extracting(TradeFigures.Product::tonnes)
                .containsExactly(1_200_000.0, 400_000.0, 40_000.0, 200_000.0);
        assertThat(t.products()).extracting(TradeFigures.Product::cargo)
                .containsExactly("bulk", "bulk", "container", "bulk");
        assertThat(t.products().get(0).sharePct()).isCloseTo(60.0, within(1e-9));
        assertThat(t.products().get(2).sharePct()).isCloseTo(100.0 * 50 / 600, within(1e-9));
        assertThat(t.totalUsd()).isEqualTo(600e6);
        assertThat(t.othersUsd()).isCloseTo(0, within(1e-6));
        // the description comes from the file (quoted, with commas)
        assertThat(t.products().get(1).description()).isEqualTo(
                "Products of the milling industry; malt, starches, inulin, wheat gluten");

        TradeFigures.TopProducts two = analytics.top(kaz, afg, 2022, "X", 2, 2);
        assertThat(two.products()).hasSize(2);
        assertThat(two.othersUsd()).isCloseTo(90e6, within(1e-6));

        TradeFigures.TopProducts imports = analytics.top(kaz, afg, 2022, "M", 2, 10);
        assertThat(imports.products()).extracting(TradeFigures.Product::code).containsExactly("08", "52");

        // no partner: the World has no product records here, so products are summed over partners and their
        // shares are of the sum of the partners' TOTAL records (6,000 M)
        TradeFigures.TopProducts world = analytics.top(kaz, null, 2022, "X", 2, 10);
        assertThat(world.totalUsd()).isEqualTo(6000e6);
        assertThat(world.products().get(0).sharePct()).isCloseTo(6.0, within(1e-9));
    }

    @Test
    void topRefusesLevelsTheDataDoesNotHaveAndBadArguments() {
        assertThatThrownBy(() -> analytics.top(kaz, afg, 2022, "X", 4, 10))
                .hasMessageContaining("no products at 4 digits").hasMessageContaining("[2]");
        assertThatThrownBy(() -> analytics.top(kaz, afg, 2022, "Q", 2, 10)).hasMessageContaining("flow must be X");
        assertThatThrownBy(() -> analytics.top(kaz, afg, 2022, "X", 3, 10)).hasMessageContaining("level must be");
    }

    @Test
    void partnerSharesAndHerfindahlIndex() {
        TradeFigures.Partners p = analytics.partners(kaz, 2022, "X");
        assertThat(p.partners()).extracting(s -> s.partner().iso3()).containsExactly("RUS", "CHN", "UZB", "AFG");
        assertThat(p.partners()).extracting(TradeFigures.PartnerShare::sharePct)
                .containsExactly(40.0, 30.0, 20.0, 10.0);
        assertThat(p.hhi()).isCloseTo(3000, within(1e-9));
        assertThat(p.hhiNormalised()).isCloseTo((0.30 - 0.25) / 0.75, within(1e-12));
        assertThat(p.concentration()).startsWith("highly concentrated");
        assertThat(p.worldUsd()).isEqualTo(6000e6);
        assertThat(p.totalUsd()).isEqualTo(6000e6);
        assertThat(p.topSharePct()).isEqualTo(40.0);
        assertThat(p.top3SharePct()).isCloseTo(90.0, within(1e-9));
        assertThat(TradeAnalytics.concentration(1499)).startsWith("unconcentrated");
        assertThat(TradeAnalytics.concentration(2000)).startsWith("moderately");
    }

    @Test
    void mirrorComparesBothSidesWithTheGap() {
        TradeFigures.Mirror m = analytics.mirror(kaz, afg);
        TradeFigures.MirrorRow kzToAf2021 = row(m, 2021, "KAZ");
        assertThat(kzToAf2021.exporterUsd()).isEqualTo(400e6);
        assertThat(kzToAf2021.importerUsd()).isEqualTo(440e6);
        assertThat(kzToAf2021.gapUsd()).isEqualTo(40e6);
        assertThat(kzToAf2021.gapPct()).isCloseTo(10.0, within(1e-9));
        assertThat(row(m, 2023, "KAZ").gapPct()).isCloseTo(-10.0, within(1e-9));
        TradeFigures.MirrorRow afToKz2021 = row(m, 2021, "AFG");
        assertThat(afToKz2021.exporterUsd()).isEqualTo(24e6);
        assertThat(afToKz2021.importerUsd()).isEqualTo(30e6);
        assertThat(afToKz2021.gapPct()).isCloseTo(25.0, within(1e-9)); // (30 - 24) / 24: % of the exporter's figure
        // 2019 is reported by Kazakhstan only: no gap
        assertThat(row(m, 2019, "KAZ").importerUsd()).isNull();
        assertThat(row(m, 2019, "KAZ").gapUsd()).isNull();
    }

    private static TradeFigures.MirrorRow row(TradeFigures.Mirror m, int year, String exporter) {
        return m.rows().stream().filter(r -> r.year() == year && r.exporter().iso3().equals(exporter)).findFirst()
                .orElseThrow();
    }

    @Test
    void monthlyRecordsAreSummedAndTheirCoverageSaid() throws Exception {
        Path f = dir.resolve("monthly.csv");
        StringBuilder sb = new StringBuilder("freqCode,refYear,refMonth,period,reporterCode,flowCode,partnerCode,"
                + "cmdCode,primaryValue\n");
        for (int month = 1; month <= 11; month++) {
            sb.append(String.format("M,2024,%d,2024%02d,586,X,4,TOTAL,%d%n", month, month, month * 1000));
        }
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        try (TradeStore other = TradeStore.open(dir.resolve("monthly"))) {
            new ComtradeImporter(other).importFile(f, ComtradeImporter.Options.DEFAULT, ComtradeImporter.Progress.NONE);
            TradeFigures.Series s = new TradeAnalytics(other).series(other.countries().resolve("PAK"),
                    other.countries().resolve("AFG"));
            assertThat(s.points()).singleElement().satisfies(p -> {
                assertThat(p.months()).isEqualTo(11);
                assertThat(p.covers()).isEqualTo("January–November");
                assertThat(p.exportsUsd()).isEqualTo(66_000.0); // 1..11 thousand
            });
        }
    }

    @Test
    void aYearIsAsCompleteAsItsLessCompleteFlowAndGroupsAreNotPartners() throws Exception {
        Path f = dir.resolve("mixed.csv");
        StringBuilder sb = new StringBuilder("freqCode,refYear,refMonth,reporterCode,flowCode,partnerCode,cmdCode,"
                + "primaryValue\n");
        for (int month = 1; month <= 3; month++) sb.append("M,2024,").append(month).append(",398,X,4,TOTAL,10\n");
        for (int month = 1; month <= 2; month++) sb.append("M,2024,").append(month).append(",398,M,4,TOTAL,1\n");
        // exports to Germany and to the EU group (which contains Germany): no World product records
        sb.append("A,2024,52,398,X,276,10,100\nA,2024,52,398,X,97,10,100\n");
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        try (TradeStore other = TradeStore.open(dir.resolve("mixed"))) {
            new ComtradeImporter(other).importFile(f, ComtradeImporter.Options.DEFAULT, ComtradeImporter.Progress.NONE);
            TradeAnalytics a = new TradeAnalytics(other);
            Country k = other.countries().resolve("KAZ");
            TradeFigures.SeriesPoint p = a.series(k, other.countries().resolve("AFG")).points().get(0);
            assertThat(p.months()).isEqualTo(2);
            assertThat(p.covers()).isEqualTo("January–February");
            assertThat(p.turnoverGrowthPct()).isNull();
            TradeFigures.TopProducts world = a.top(k, null, 2024, "X", 2, 5);
            assertThat(world.products()).singleElement().satisfies(x -> assertThat(x.valueUsd()).isEqualTo(100.0));
            assertThatThrownBy(() -> a.top(k, null, 2011, "X", 2, 5)).isInstanceOf(NoTradeDataException.class)
                    .satisfies(e -> assertThat(((NoTradeDataException) e).field()).isEqualTo("year"));
            // a year the store has nothing for but the published figures have: they answer, labelled
            TradeFigures.TopProducts published = a.top(k, null, 2023, "X", 2, 5);
            assertThat(published.products()).isEmpty();
            assertThat(published.basis()).contains("the published product figures for 2023 only");
            assertThat(published.published()).extracting(PublishedFact::id)
                    .contains("kz-ir-2023-exports-wheat-apk", "kz-af-2023-jan-oct-exports-wheat-bns");
        }
    }

    @Test
    void odDemandFromTonnesByPartnerAndChapterRoundTripsThroughTheOdFileReader() throws Exception {
        TradeDemand.Result d = new TradeDemand(analytics).od(kaz, 2022, "X", 0);
        // chapters 10, 11 and 27 are bulk (1,800,000 t), chapter 15 container (40,000 t); partners without product
        // records (RUS, CHN, UZB) give no pairs
        assertThat(d.pairs()).extracting(OdPair::from, OdPair::to, OdPair::cargo, OdPair::tonnes).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Astana", "Kabul", "bulk", 1_800_000.0),
                org.assertj.core.groups.Tuple.tuple("Almaty", "Kabul", "container", 40_000.0));
        assertThat(d.pairs().get(0).source()).contains("UN Comtrade").contains("KAZ").contains("2022")
                .contains("10 11 27");
        assertThat(d.tonnes()).isEqualTo(1_840_000.0);
        assertThat(d.valueWithoutWeightUsd()).isZero(); // every chapter has its weight
        assertThat(d.unplaced()).isEmpty();

        StringWriter w = new StringWriter();
        OdFile.write(d.pairs(), w);
        Path written = dir.resolve("od.csv");
        Files.writeString(written, w.toString(), StandardCharsets.UTF_8);
        assertThat(OdFile.read(written)).isEqualTo(d.pairs());

        TradeDemand.Result imports = new TradeDemand(analytics).od(kaz, 2022, "M", 0);
        assertThat(imports.pairs()).extracting(OdPair::from, OdPair::to, OdPair::tonnes).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Kabul", "Almaty", 27_500.0));
        assertThat(new TradeDemand(analytics).od(kaz, 2022, "X", 100_000).pairs()).hasSize(1);
        // a year without product records is no answer (not an empty OD file, which nothing reads), naming the year
        assertThatThrownBy(() -> new TradeDemand(analytics).od(kaz, 1995, "X", 0))
                .isInstanceOf(NoTradeDataException.class).hasMessageContaining("1995")
                .satisfies(e -> assertThat(((NoTradeDataException) e).field()).isEqualTo("year"));
    }

    @Test
    void odDemandKeepsPartnersWithoutAHubAndRecordsWithoutWeightOutOfThePairs() throws Exception {
        Path f = dir.resolve("unplaced.csv");
        // 2024 exports: 2,000 t of cereals to Afghanistan, 5,000 t to Germany (no hub in the network), and fruit to
        // Afghanistan given by value only, and oil seeds with a weight of 0 (Comtrade's "not reported")
        Files.writeString(f, "freqCode,refYear,refMonth,reporterCode,flowCode,partnerCode,cmdCode,netWgt,primaryValue\n"
                + "A,2024,52,398,X,4,10,2000000,50\nA,2024,52,398,X,276,10,5000000,100\nA,2024,52,398,X,4,08,,30\n"
                + "A,2024,52,398,X,4,12,0,20\n",
                StandardCharsets.UTF_8);
        try (TradeStore other = TradeStore.open(dir.resolve("unplaced"))) {
            new ComtradeImporter(other).importFile(f, ComtradeImporter.Options.DEFAULT, ComtradeImporter.Progress.NONE);
            TradeDemand.Result d = new TradeDemand(new TradeAnalytics(other)).od(other.countries().resolve("KAZ"), null,
                    "X", 0);
            assertThat(d.year()).isEqualTo(2024);
            assertThat(d.pairs()).extracting(OdPair::from, OdPair::to, OdPair::cargo, OdPair::tonnes).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("Astana", "Kabul", "bulk", 2_000.0));
            assertThat(d.tonnes()).isEqualTo(2_000.0);
            assertThat(d.unplaced()).singleElement().satisfies(u -> {
                assertThat(u.partner().iso3()).isEqualTo("DEU");
                assertThat(u.tonnes()).isEqualTo(5_000.0);
                assertThat(u.reason()).isEqualTo("no hub in the network");
            });
            assertThat(d.valueWithoutWeightUsd()).isEqualTo(50.0);
            // transit counts the tonnes without a hub apart from those with no route
            TransitDependence.Result t = TransitDependence.of(ScenarioBase.embedded(), d);
            assertThat(t.routedTonnes()).isEqualTo(2_000.0);
            assertThat(t.unroutedTonnes()).isZero();
            assertThat(t.noHubTonnes()).isEqualTo(5_000.0);
            assertThat(TradeTables.transit("KAZ", 2024, "X", t)).extracting(r -> r.get(3))
                    .endsWith("ROUTED", "NO_ROUTE", "NO_HUB");
            TradeFigures.TopProducts top = new TradeAnalytics(other).top(other.countries().resolve("KAZ"),
                    other.countries().resolve("AFG"), 2024, "X", 2, 10);
            assertThat(top.products()).filteredOn(p -> p.code().equals("12")).singleElement()
                    .satisfies(p -> assertThat(p.tonnes()).isNull());
        }
    }

    @Test
    void transitDependenceRoutesTheTonnesOverTheNetwork() {
        TradeDemand.Result d = new TradeDemand(analytics).od(kaz, 2022, "X", 0);
        TransitDependence.Result t = TransitDependence.of(ScenarioBase.embedded(), d.pairs());
        assertThat(t.routedTonnes()).isEqualTo(1_840_000.0);
        assertThat(t.unroutedTonnes()).isZero();
        // Kazakhstan to Kabul cannot avoid a third country: both pairs (bulk from Astana in the grain belt,
        // container from Almaty) cross Uzbekistan on the embedded network. The box takes the AH7 road
        // Tashkent - Oybek - Khujand - Dushanbe - Panji Poyon (300 km shorter, within 0.2 % of the generalized cost
        // of Termez - Hairatan), so it crosses Tajikistan too; the grain keeps the Termez - Hairatan railway.
        assertThat(t.transit().get(0).country()).isEqualTo("UZ");
        assertThat(t.transit().get(0).sharePct()).isCloseTo(100.0, within(1e-9));
        assertThat(t.pairs()).filteredOn(p -> p.od().cargo().equals("container")).singleElement()
                .satisfies(p -> assertThat(p.transit()).startsWith("UZ").isSubsetOf("UZ", "TJ"));
        assertThat(t.pairs()).filteredOn(p -> p.od().cargo().equals("bulk")).singleElement()
                .satisfies(p -> {
                    assertThat(p.od().from()).isEqualTo("Astana");
                    assertThat(p.transit()).containsExactly("UZ");
                });
        assertThat(t.transit()).allSatisfy(c -> {
            assertThat(c.sharePct()).isBetween(0.0, 100.0);
            assertThat(c.country()).isNotIn("KZ", "AF", "XX");
        });
        for (TransitDependence.PairTransit p : t.pairs()) {
            assertThat(p.routed()).isTrue();
            assertThat(p.usdPerTonne()).isPositive();
        }
    }

    @Test
    void transitDependenceUnderAScenarioFollowsItsRestrictions() throws Exception {
        ScenarioBase base = ScenarioBase.embedded();
        List<OdPair> pairs = List.of(new OdPair("Almaty", "Moscow", "bulk", 1000, "test"),
                new OdPair("Almaty", "Kabul", "bulk", 3000, "test"));
        TransitDependence.Result before = TransitDependence.of(base, pairs);
        assertThat(before.routedTonnes()).isEqualTo(4000.0);
        // northern-restricted avoids Russia: Moscow is unreachable, Kabul still goes through Uzbekistan
        var run = org.caravan.scenario.ScenarioOverlay.apply(base,
                org.caravan.scenario.ScenarioLoader.example("northern-restricted", base));
        TransitDependence.Result after = TransitDependence.of(run, pairs);
        assertThat(after.routedTonnes()).isEqualTo(3000.0);
        assertThat(after.unroutedTonnes()).isEqualTo(1000.0);
        assertThat(after.transit()).extracting(TransitDependence.CountryShare::country).contains("UZ")
                .doesNotContain("RU");
        assertThat(after.pairs().get(0).reason()).contains("RU");
        assertThat(after.basis()).contains("northern-restricted");
    }

    @Test
    void countriesResolveCodesIsoAndNames() {
        assertThat(store.countries().resolve("398")).isEqualTo(kaz);
        assertThat(store.countries().resolve("kazakhstan")).isEqualTo(kaz);
        assertThat(store.countries().resolve("FRA").codes()).containsExactly(250, 251);
        assertThatThrownBy(() -> store.countries().resolve("Narnia")).hasMessageContaining("unknown country 'Narnia'");
        assertThat(store.countries().byCode(9999).name()).isEqualTo("M49 9999");
    }

    @Test
    void publishedFactsKeepDisagreeingSourcesSideBySide() {
        List<PublishedFact> y2023 = analytics.facts().about("KAZ", "AFG").stream()
                .filter(f -> f.measure().equals("turnover") && f.valueUsd() != null
                        && List.of(583e6, 545.2e6, 567.5e6).contains(f.valueUsd())).toList();
        // three figures for (most of) 2023 from three sources, none merged away
        assertThat(y2023).extracting(PublishedFact::valueUsd).containsExactlyInAnyOrder(583e6, 545.2e6, 567.5e6);
        assertThat(y2023).extracting(PublishedFact::source).doesNotHaveDuplicates();
        assertThat(analytics.facts().all()).allSatisfy(f -> assertThat(f.confidence()).isEqualTo("published"));
        assertThat(analytics.facts().about("AFG", null)).isNotEmpty();
    }
}
