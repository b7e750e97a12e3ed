package org.caravan.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishedCoverageTest {
    /** Tests run in trade/; the document is the repository's. */
    private static final Path DOC = Path.of("../docs/TRADE.md");

    @Test
    void theTableInTradeMdIsTheOneTheShippedFiguresGive() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String shipped = PublishedCoverage.markdown(PublishedCoverage.of(PublishedFacts.embedded()));
        assertThat(PublishedCoverage.extract(doc))
                .as("docs/TRADE.md coverage table is stale: run ./caravan trade coverage --write-doc docs/TRADE.md")
                .isEqualTo(shipped);
        // and replacing it changes nothing else
        assertThat(PublishedCoverage.replaceIn(doc, shipped)).isEqualTo(doc);
    }

    @Test
    void everyCountryYearAndFlowHasARowAndGapsSayMissing() {
        List<PublishedCoverage.Cell> cells = PublishedCoverage.of(PublishedFacts.embedded());
        int last = cells.stream().mapToInt(PublishedCoverage.Cell::year).max().orElseThrow();
        assertThat(last).isGreaterThanOrEqualTo(2024);
        assertThat(cells).hasSize(PublishedCoverage.REGION.size() * (last - 2015 + 1) * 3);
        // Tajikistan's totals with all partners, 2020, from the minister (all three flows)
        for (String flow : PublishedCoverage.FLOWS) {
            assertThat(cell(cells, "TJK", 2020, flow).fullYear()).as(flow).contains("W00");
        }
        // Turkmenistan: Russia's customs and Turkey's ministry report it; Turkey's exports are Turkmen imports
        assertThat(cell(cells, "TKM", 2020, "turnover").fullYear()).contains("RUS", "TUR");
        assertThat(cell(cells, "TKM", 2020, "imports").fullYear()).contains("TUR");
        assertThat(cell(cells, "TKM", 2020, "exports").sources()).contains("Trend");
        // a year nobody published stays empty: no figure is made up
        assertThat(cells).anyMatch(PublishedCoverage.Cell::missing);
        assertThat(PublishedCoverage.markdown(cells)).contains("| missing |");
    }

    @Test
    void aFigureCountsForBothSidesWithTheFlowMirrored() {
        PublishedFacts facts = PublishedFacts.parse(List.of(
                row("a", "RUS", "TJK", "imports", "2021", "full year", "72500000", ""),
                row("b", "KAZ", "UZB", "exports", "2023-09/2024-02", "September 2023–February 2024", "", "1800000"),
                row("c", "UZB", "KAZ", "turnover", "2023-01/2023-06", "first half", "100", "")), Countries.embedded());
        List<PublishedCoverage.Cell> cells = PublishedCoverage.of(facts);
        assertThat(cell(cells, "TJK", 2021, "exports").fullYear()).containsExactly("RUS");
        assertThat(cell(cells, "TJK", 2021, "imports").missing()).isTrue();
        assertThat(cell(cells, "KAZ", 2023, "exports").tonnes()).containsExactly("UZB");
        assertThat(cell(cells, "UZB", 2023, "imports").tonnes()).containsExactly("KAZ");
        assertThat(cell(cells, "KAZ", 2023, "turnover").partYear()).containsExactly("UZB");
        assertThat(cell(cells, "KAZ", 2023, "turnover").sources()).containsExactly("Kazinform");
        assertThat(PublishedCoverage.cellText(cell(cells, "KAZ", 2023, "exports"))).isEqualTo("t: UZB");
    }

    @Test
    void aDocumentWithoutProperMarkersIsRefusedNamingTheLine() {
        String table = PublishedCoverage.BEGIN + "\n| x |\n" + PublishedCoverage.END + "\n";
        assertThatThrownBy(() -> PublishedCoverage.replaceIn("# Trade\ntext\n", table))
                .hasMessageStartingWith("no '<!-- coverage:begin");
        assertThatThrownBy(() -> PublishedCoverage.replaceIn("# T\n" + PublishedCoverage.BEGIN + "\nold\n", table))
                .hasMessageStartingWith("line 2: '<!-- coverage:begin' without");
        assertThatThrownBy(() -> PublishedCoverage.replaceIn(PublishedCoverage.END + "\n" + PublishedCoverage.BEGIN + "\n", table))
                .hasMessageStartingWith("line 1: '<!-- coverage:end -->' comes before");
        assertThatThrownBy(() -> PublishedCoverage.replaceIn(
                PublishedCoverage.BEGIN + "\n" + PublishedCoverage.BEGIN + "\n" + PublishedCoverage.END + "\n", table))
                .hasMessageStartingWith("line 2: a second");
        assertThat(PublishedCoverage.replaceIn("a\n" + PublishedCoverage.BEGIN + "\nold\n" + PublishedCoverage.END + "\nb\n", table))
                .isEqualTo("a\n" + table + "b\n");
    }

    private static PublishedCoverage.Cell cell(List<PublishedCoverage.Cell> cells, String c, int y, String flow) {
        return cells.stream().filter(x -> x.country().equals(c) && x.year() == y && x.flow().equals(flow))
                .findFirst().orElseThrow(() -> new AssertionError(c + " " + y + " " + flow));
    }

    private static Map<String, String> row(String id, String rep, String par, String measure, String period,
                                           String covers, String value, String qty) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("id", id);
        r.put("reporter", rep);
        r.put("partner", par);
        r.put("measure", measure);
        r.put("period", period);
        r.put("covers", covers);
        r.put("value_usd", value);
        r.put("quantity", qty);
        r.put("unit", qty.isEmpty() ? "" : "t");
        r.put("product", qty.isEmpty() ? "" : "wheat");
        r.put("hs", qty.isEmpty() ? "" : "1001");
        r.put("reported_by", rep);
        r.put("source", "Kazinform, \"x\" (y)");
        r.put("source_date", "2024");
        r.put("url", "https://www.inform.kz/");
        r.put("confidence", "published");
        r.put("note", "");
        return r;
    }
}
