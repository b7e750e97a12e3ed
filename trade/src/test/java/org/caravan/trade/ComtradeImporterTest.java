package org.caravan.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import of the real-format fixtures (README.md next to them gives every expected number). */
class ComtradeImporterTest {
    @TempDir
    Path dir;

    TradeStore store;
    ComtradeImporter importer;

    @BeforeEach
    void open() {
        store = TradeStore.open(dir.resolve("data"));
        importer = new ComtradeImporter(store);
    }

    @org.junit.jupiter.api.AfterEach
    void close() { store.close(); }

    static Path fixture(Path dir, String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = ComtradeImporterTest.class.getResourceAsStream("/org/caravan/trade/" + name)) {
            Files.copy(in, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return p;
    }

    ImportReport load(String name) throws Exception {
        return importer.importFile(fixture(dir, name), ComtradeImporter.Options.DEFAULT, ComtradeImporter.Progress.NONE);
    }

    @Test
    void plusFormatWithBomAndCrlfLoadsGoodRowsAndListsEachBadOneWithItsLine() throws Exception {
        ImportReport r = load("plus-kaz-afg.csv");
        assertThat(r.format()).contains("47 columns");
        assertThat(r.rowsRead()).isEqualTo(41);
        assertThat(r.rowsLoaded()).isEqualTo(34);
        assertThat(r.rowsSkipped()).isEqualTo(7);
        assertThat(r.importId()).isEqualTo(1);
        assertThat(r.problems()).extracting(ImportReport.RowProblem::line).containsExactly(7L, 11L, 20L, 24L, 26L,
                35L, 38L);
        assertThat(r.problems()).extracting(ImportReport.RowProblem::field).containsExactly("(row)", "primaryValue",
                "flowCode", "reporterCode", "(duplicate)", "primaryValue", "refYear");
        assertThat(r.problems().get(0).reason()).contains("20 fields").contains("47");
        assertThat(r.problems().get(1).reason()).contains("'abc'");
        assertThat(r.problems().get(4).reason()).contains("line 13");
        assertThat(r.problems().get(6).reason()).contains("1850");
        assertThat(store.flowCount()).isEqualTo(34);
        assertThat(store.imports()).singleElement().satisfies(i -> {
            assertThat(i.rowsLoaded()).isEqualTo(34);
            assertThat(i.rowsSkipped()).isEqualTo(7);
            assertThat(i.sha256()).hasSize(64);
        });
    }

    @Test
    void classicFormatIsDetectedAndItsFlowCodesMapped() throws Exception {
        ImportReport r = load("classic-kaz-afg.csv");
        assertThat(r.format()).contains("classic");
        assertThat(r.rowsRead()).isEqualTo(19);
        assertThat(r.rowsLoaded()).isEqualTo(17);
        assertThat(r.problems()).extracting(ImportReport.RowProblem::line).containsExactly(6L, 19L);
        assertThat(r.problems().get(0).field()).isEqualTo("Trade Flow Code");
        assertThat(r.problems().get(1).reason()).contains("empty");
    }

    @Test
    void reimportingTheSameFileChangesNothing() throws Exception {
        load("plus-kaz-afg.csv");
        load("classic-kaz-afg.csv");
        long before = store.flowCount();
        List<TradeStore.ImportRecord> imports = store.imports();
        ImportReport again = load2("plus-kaz-afg.csv");
        assertThat(again.importId()).isNull();
        assertThat(again.rowsLoaded()).isZero();
        assertThat(again.rowsAlreadyStored()).isEqualTo(34);
        assertThat(store.flowCount()).isEqualTo(before);
        assertThat(store.imports()).isEqualTo(imports);
    }

    /** Same file content under another name: identity is by record, not by file name. */
    private ImportReport load2(String name) throws Exception {
        Path copy = dir.resolve("copy-" + name);
        Files.copy(fixture(dir, name), copy);
        return importer.importFile(copy, ComtradeImporter.Options.DEFAULT, ComtradeImporter.Progress.NONE);
    }

    @Test
    void aSyntaxErrorMidFileLeavesTheStoreAsItWas() throws Exception {
        load("classic-kaz-afg.csv");
        long before = store.flowCount();
        assertThatThrownBy(() -> load("plus-broken-quote.csv"))
                .isInstanceOf(TradeImportException.class)
                .hasMessageContaining("plus-broken-quote.csv")
                .hasMessageContaining("line 7")
                .hasMessageContaining("nothing imported");
        // the five good rows before the break are not stored either
        assertThat(store.flowCount()).isEqualTo(before);
        assertThat(store.imports()).hasSize(1);
        // and the store still works
        assertThat(load("plus-kaz-afg.csv").rowsLoaded()).isEqualTo(34);
    }

    @Test
    void strictRefusesTheWholeFileAtTheFirstBadRow() throws Exception {
        Path f = fixture(dir, "plus-kaz-afg.csv");
        assertThatThrownBy(() -> importer.importFile(f, new ComtradeImporter.Options(true, false),
                ComtradeImporter.Progress.NONE))
                .isInstanceOf(TradeImportException.class)
                .hasMessageContaining("line 7")
                .hasMessageContaining("--strict");
        assertThat(store.flowCount()).isZero();
        assertThat(store.imports()).isEmpty();
    }

    @Test
    void anUnknownHeaderIsRefusedSayingWhatIsMissing() throws Exception {
        assertThatThrownBy(() -> load("unknown-format.csv"))
                .isInstanceOf(TradeImportException.class)
                .hasMessageContaining("unknown-format.csv: line 1: not a UN Comtrade CSV header")
                .hasMessageContaining("primaryValue")
                .hasMessageContaining("Trade Value (US$)")
                .hasMessageContaining("country,year,value");
        assertThatThrownBy(() -> importer.importFile(dir.resolve("nope.csv"), ComtradeImporter.Options.DEFAULT,
                ComtradeImporter.Progress.NONE)).hasMessageContaining("nope.csv: file not found");
        assertThat(store.flowCount()).isZero();
    }

    @Test
    void aRevisedValueIsSkippedAsAConflictUnlessReplaceIsGiven() throws Exception {
        load("classic-kaz-afg.csv");
        Path revised = dir.resolve("revised.csv");
        String text = Files.readString(fixture(dir, "classic-kaz-afg.csv"), StandardCharsets.UTF_8);
        // the 2019 export TOTAL, 500,000,000, revised to 510,000,000
        assertThat(text).contains(",500000000,");
        Files.writeString(revised, text.replaceFirst(",500000000,", ",510000000,"), StandardCharsets.UTF_8);
        ImportReport skipped = importer.importFile(revised, ComtradeImporter.Options.DEFAULT,
                ComtradeImporter.Progress.NONE);
        assertThat(skipped.importId()).isNull();
        assertThat(skipped.rowsAlreadyStored()).isEqualTo(16);
        assertThat(skipped.skippedByField()).containsEntry("(conflict)", 1L);
        assertThat(skipped.problems()).anySatisfy(p -> assertThat(p.reason())
                .contains("import #1").contains("500000000").contains("510000000").contains("--replace"));

        ImportReport replaced = importer.importFile(revised, new ComtradeImporter.Options(false, true),
                ComtradeImporter.Progress.NONE);
        assertThat(replaced.rowsReplaced()).isEqualTo(1);
        assertThat(replaced.rowsLoaded()).isZero();
        assertThat(store.flowCount()).isEqualTo(17);
        TradeAnalytics a = new TradeAnalytics(store);
        var kaz = store.countries().resolve("KAZ");
        var afg = store.countries().resolve("AFG");
        assertThat(a.series(kaz, afg).points().get(0).exportsUsd()).isEqualTo(510_000_000.0);
    }

    @Test
    void gzipFilesAreReadAsTheyAre() throws Exception {
        Path gz = dir.resolve("classic.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(fixture(dir, "classic-kaz-afg.csv"), out);
        }
        List<long[]> updates = new ArrayList<>();
        ImportReport r = importer.importFile(gz, ComtradeImporter.Options.DEFAULT,
                (read, total, rows) -> updates.add(new long[] {read, total, rows}));
        assertThat(r.rowsLoaded()).isEqualTo(17);
        assertThat(updates).last().satisfies(u -> {
            assertThat(u[0]).isEqualTo(u[1]);
            assertThat(u[2]).isEqualTo(19);
        });
    }

    @Test
    void recordsGivingOnlyIsoCodesAreKeyedWithComtradeCodes() throws Exception {
        Path f = dir.resolve("iso-only.csv");
        Files.writeString(f, "refYear,reporterISO,flowCode,partnerISO,cmdCode,primaryValue\n"
                + "2022,IND,X,AFG,TOTAL,100\n\n2022,XYZ,X,AFG,TOTAL,100\n", StandardCharsets.UTF_8);
        ImportReport r = importer.importFile(f, ComtradeImporter.Options.DEFAULT, ComtradeImporter.Progress.NONE);
        assertThat(r.rowsLoaded()).isEqualTo(1);
        assertThat(r.rowsRead()).isEqualTo(2); // the blank line 3 is no row
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.reason()).contains("unknown reporter ISO code 'XYZ'");
        });
        TradeAnalytics a = new TradeAnalytics(store);
        assertThat(a.series(store.countries().resolve("IND"), store.countries().resolve("AFG")).points())
                .singleElement().satisfies(p -> assertThat(p.exportsUsd()).isEqualTo(100.0));
        assertThat(store.countries().codeOf("IND")).contains(699);
    }
}
