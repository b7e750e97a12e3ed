package org.caravan.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublishedFactsTest {
    private static final Set<String> REGION = Set.of("KAZ", "UZB", "TKM", "KGZ", "TJK");
    private final PublishedFacts facts = PublishedFacts.embedded();
    private final Countries countries = Countries.embedded();

    @Test
    void everyShippedFigureParsesWithASourceAndKnownCountries() {
        assertThat(facts.all()).hasSizeGreaterThan(150);
        assertThat(facts.all()).allSatisfy(f -> {
            assertThat(countries.byIso3(f.reporter())).as(f.id()).isPresent();
            assertThat(countries.byIso3(f.partner())).as(f.id()).isPresent();
            assertThat(f.reporter()).as(f.id()).isNotEqualTo(f.partner());
            assertThat(f.reportedBy()).as(f.id()).matches("unstated|[A-Z]{3}");
            // a named publication, and where it is known its address: never a development note
            assertThat(f.source()).as(f.id()).isNotBlank().doesNotContainIgnoringCase("caravan")
                    .doesNotContainIgnoringCase("corridor-facts");
            assertThat(f.confidence()).as(f.id()).isEqualTo("published");
            assertThat(f.valueUsd() != null || f.quantity() != null).as(f.id()).isTrue();
            assertThat(f.covers()).as(f.id()).isNotBlank();
            assertThat(f.fullYear()).as(f.id()).isEqualTo(f.covers().equals("full year"));
            if (!f.hs().isEmpty()) assertThat(HsChapters.embedded().cargo(f.hs().substring(0, 2))).isNotNull();
        });
        // most figures can be checked: they carry the address of the publication
        assertThat(facts.all().stream().filter(f -> f.url().startsWith("http")).count())
                .isGreaterThan(facts.all().size() * 9L / 10);
    }

    @Test
    void theTableCoversTheRegionAndItsMainPartners() {
        for (String reporter : REGION) {
            assertThat(facts.all()).as(reporter).anyMatch(f -> f.reporter().equals(reporter)
                    || f.partner().equals(reporter) && !f.reporter().equals("CHN"));
        }
        for (String partner : List.of("AFG", "PAK", "IRN", "IND", "CHN", "RUS", "TUR")) {
            assertThat(facts.all()).as(partner).anyMatch(f -> f.partner().equals(partner) || f.reporter().equals(partner));
        }
        assertThat(facts.all()).anyMatch(f -> f.year() <= 2015);
        assertThat(facts.all()).anyMatch(f -> f.year() >= 2024);
        // tonnages of the main bulk products
        assertThat(facts.all().stream().filter(f -> f.quantity() != null).map(PublishedFact::hs))
                .contains("1101", "1001", "1512", "1003", "2710", "2711");
    }

    @Test
    void kyrgyzTajikAndTurkmenTradeIsCoveredSince2015() {
        // full-year all-goods figures about each country (either side: Turkmenistan publishes none, its partners do)
        for (var c : Map.of("KGZ", 5, "TJK", 10, "TKM", 7).entrySet()) {
            Set<Integer> years = facts.all().stream()
                    .filter(f -> f.allGoods() && f.fullYear() && f.year() >= 2015
                            && (f.reporter().equals(c.getKey()) || f.partner().equals(c.getKey())))
                    .map(PublishedFact::year).collect(java.util.stream.Collectors.toSet());
            assertThat(years).as(c.getKey()).hasSizeGreaterThanOrEqualTo(c.getValue());
        }
        // totals with all partners (World, W00) as the national statistics give them
        assertThat(byId("tj-w0-2020-turnover-asiaplus").valueUsd()).isEqualTo(4_557.8e6);
        assertThat(byId("kg-w0-2023-turnover-azernews").valueUsd()).isEqualTo(15_660e6);
        // two statistics of one flow stay side by side: Kyrgyz statistics and the Uzbek embassy, 2018
        assertThat(facts.about("KGZ", "UZB").stream().filter(f -> f.period().equals("2018") && f.measure().equals("turnover")))
                .extracting(PublishedFact::reportedBy, PublishedFact::valueUsd)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("KGZ", 336.5e6),
                        org.assertj.core.groups.Tuple.tuple("UZB", 481e6));
        // Kyrgyz coal to Uzbekistan, a full-year tonnage that becomes OD demand
        assertThat(byId("kg-uz-2023-exports-coal-trend").quantity()).isEqualTo(1_066_000.0);
    }

    @Test
    void kazakhGrainByDestinationInThe2023And2024Seasons() {
        for (String season : List.of("2023-09", "2024-09")) {
            List<PublishedFact> grain = facts.all().stream()
                    .filter(f -> f.reporter().equals("KAZ") && f.quantity() != null && f.period().startsWith(season))
                    .toList();
            assertThat(grain).extracting(PublishedFact::partner).as(season).contains("UZB", "TJK", "AFG");
            // parts of a marketing year: shown, never turned into demand (only complete 12-month periods are)
            assertThat(grain).allSatisfy(f -> assertThat(f.fullYear()).isFalse());
        }
        assertThat(byId("kz-af-2023-24my-sep-feb-exports-wheatflour-fas").quantity()).isEqualTo(889_000.0);
        assertThat(byId("kz-uz-2024-25my-to-nov-exports-grain-pm").quantity()).isEqualTo(944_000.0);
    }

    private PublishedFact byId(String id) {
        return facts.all().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    @Test
    void disagreeingSourcesStaySideBySide() {
        List<PublishedFact> kzCn2022 = facts.about("KAZ", "CHN").stream()
                .filter(f -> f.measure().equals("turnover") && f.period().equals("2022")).toList();
        assertThat(kzCn2022).extracting(PublishedFact::reportedBy).containsExactlyInAnyOrder("KAZ", "CHN");
        assertThat(kzCn2022).extracting(PublishedFact::valueUsd).containsExactlyInAnyOrder(24.1e9, 31.2e9);
    }

    @Test
    void aBadRowIsRefusedNamingItsLineAndField() {
        assertThatThrownBy(() -> parse(row("reporter", "XYZ"))).hasMessage("line 2: reporter: unknown ISO3 code 'XYZ'");
        assertThatThrownBy(() -> parse(row("measure", "exports_quantity")))
                .hasMessageStartingWith("line 2: measure: expected one of");
        assertThatThrownBy(() -> parse(row("period", "2023-13/2023-14")))
                .hasMessageStartingWith("line 2: period: expected YYYY or YYYY-MM/YYYY-MM");
        assertThatThrownBy(() -> parse(row("source", ""))).hasMessage("line 2: source: empty");
        assertThatThrownBy(() -> parse(row("value_usd", "-5"))).hasMessageStartingWith("line 2: value_usd: expected a non-negative");
        assertThatThrownBy(() -> parse(row("value_usd", ""))).hasMessage("line 2: value_usd: no value and no quantity");
        assertThatThrownBy(() -> parse(row("hs", "11x"))).hasMessageStartingWith("line 2: hs: expected");
        assertThatThrownBy(() -> parse(row("reported_by", "Kazakh side"))).hasMessageStartingWith("line 2: reported_by:");
        assertThatThrownBy(() -> parse(row("url", "inform.kz"))).hasMessageStartingWith("line 2: url:");
        Map<String, String> ok = row("id", "a");
        assertThatThrownBy(() -> PublishedFacts.parse(List.of(ok, row("id", "a")), countries))
                .hasMessage("line 3: id: empty or repeated 'a'");
        assertThat(parse(row("quantity", "1000")).all().get(0).quantity()).isEqualTo(1000.0);
    }

    @Test
    void aMalformedTableIsRefusedNamingTheFileAndLine() {
        // CSV syntax (too many fields, an unclosed quote) is refused before any row is checked, with the file and line
        assertThatThrownBy(() -> EmbeddedCsv.load("/org/caravan/trade/bad/too-many-fields.csv", rows -> rows))
                .hasMessageStartingWith("embedded /org/caravan/trade/bad/too-many-fields.csv is invalid: line 3: ");
        assertThatThrownBy(() -> EmbeddedCsv.load("/org/caravan/trade/bad/unclosed-quote.csv", rows -> rows))
                .hasMessageStartingWith("embedded /org/caravan/trade/bad/unclosed-quote.csv is invalid: line ");
        // a row that is read but wrong names its line and field, behind the file's name
        assertThatThrownBy(() -> EmbeddedCsv.load("/org/caravan/trade/bad/too-many-fields.csv".replace("too-many-fields", "unknown-partner"),
                rows -> PublishedFacts.parse(rows, countries)))
                .hasMessageStartingWith("embedded /org/caravan/trade/bad/unknown-partner.csv is invalid: line 2: partner: unknown ISO3 code 'XYZ'");
    }

    private PublishedFacts parse(Map<String, String> row) { return PublishedFacts.parse(List.of(row), countries); }

    private static Map<String, String> row(String field, String value) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("id", "x");
        r.put("reporter", "KAZ");
        r.put("partner", "AFG");
        r.put("measure", "exports");
        r.put("period", "2022");
        r.put("covers", "full year");
        r.put("value_usd", "1000");
        r.put("quantity", "");
        r.put("unit", "t");
        r.put("product", "wheat");
        r.put("hs", "1001");
        r.put("reported_by", "KAZ");
        r.put("source", "Kazinform");
        r.put("source_date", "2023-08-02");
        r.put("url", "https://www.inform.kz/");
        r.put("confidence", "published");
        r.put("note", "");
        r.put(field, value);
        return r;
    }
}
