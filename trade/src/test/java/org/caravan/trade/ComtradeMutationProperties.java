package org.caravan.trade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.caravan.io.Utf8;
import org.caravan.testing.Mutation;

/**
 * Generative tests of the Comtrade import. The row checks ({@link ComtradeRowParser}, reading exactly as the
 * importer does: strict UTF-8, Jackson's CSV tokenizer) get 10,000 damaged fixture files: no unchecked exception,
 * every row either accepted with values in range or set aside naming a header column, and a bad encoding or CSV
 * syntax named by its line. Whole imports into a store get fewer tries (each is a DuckDB transaction): a refused
 * file leaves the store exactly as it was, an accepted one accounts for every row.
 */
class ComtradeMutationProperties {
    static final List<byte[]> SEEDS = List.of(resource("plus-kaz-afg.csv"), resource("classic-kaz-afg.csv"));

    @Provide
    Arbitrary<byte[]> seeds() { return Arbitraries.of(SEEDS); }

    @Provide
    Arbitrary<List<Mutation>> mutations() { return Mutation.some(); }

    @Property(tries = 10_000)
    void everyRowIsAcceptedInRangeOrSetAsideNamingItsColumn(@ForAll("seeds") byte[] seed,
            @ForAll("mutations") List<Mutation> mutations) {
        byte[] bytes = Mutation.applyAll(seed, mutations);
        try (CsvParser csv = new CsvFactory().createParser(new InputStreamReader(
                Utf8.checking(new ByteArrayInputStream(bytes)), StandardCharsets.UTF_8))) {
            csv.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
            List<String> header = row(csv);
            if (header == null) return; // empty: the importer says so
            Optional<ComtradeFormat> format = ComtradeFormat.detect(header);
            if (format.isEmpty()) {
                assertThat(ComtradeFormat.explainUnknown(header)).contains("needs");
                return;
            }
            ComtradeRowParser parser = new ComtradeRowParser(format.get(), header, Countries.embedded());
            parser.header(header);
            List<String> names = header.stream().map(h -> h.replace("\uFEFF", "").trim()).toList();
            for (List<String> r = row(csv); r != null; r = row(csv)) {
                if (r.isEmpty() || (r.size() == 1 && r.get(0).isBlank())) continue;
                String why = parser.parse(r.toArray(String[]::new), r.size());
                if (why == null) {
                    assertThat(parser.yearValue).isBetween(ComtradeRowParser.MIN_YEAR, ComtradeRowParser.MAX_YEAR);
                    assertThat(parser.valueUsd).isFinite().isNotNegative();
                    assertThat(Double.isNaN(parser.netWgtKg) || (parser.netWgtKg >= 0
                            && Double.isFinite(parser.netWgtKg))).isTrue();
                    assertThat(ComtradeRowParser.validCommodity(parser.cmdCode)).isTrue();
                } else {
                    assertThat(why).isNotBlank();
                    assertThat(parser.badField).satisfiesAnyOf(f -> assertThat(f).isEqualTo("(row)"),
                            f -> assertThat(names).contains(f), f -> assertThat(f).matches("column \\d+"));
                }
            }
        } catch (Utf8.MalformedException e) {
            assertThat(e.line()).isPositive();
            assertThat(e.getMessage()).contains("line " + e.line());
        } catch (IOException e) {
            // CSV syntax (an unclosed quote): the importer reports it with the line it reached; nothing imported
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static List<String> row(CsvParser csv) throws IOException {
        JsonToken t = csv.nextToken();
        if (t != JsonToken.START_ARRAY) return null;
        List<String> cells = new ArrayList<>();
        while ((t = csv.nextToken()) == JsonToken.VALUE_STRING) cells.add(csv.getText());
        return cells;
    }

    @Property(tries = 30)
    void aWholeImportChangesTheStoreCompletelyOrNotAtAll(@ForAll("seeds") byte[] seed,
            @ForAll("mutations") List<Mutation> mutations) throws Exception {
        Path dir = Files.createTempDirectory("caravan-comtrade-mutations");
        try (TradeStore store = TradeStore.open(dir.resolve("data"))) {
            ComtradeImporter importer = new ComtradeImporter(store);
            Path good = dir.resolve("good.csv");
            Files.write(good, SEEDS.get(0));
            importer.importFile(good, ComtradeImporter.Options.DEFAULT, ComtradeImporter.Progress.NONE);
            long before = store.flowCount();
            Path bad = dir.resolve("damaged.csv");
            Files.write(bad, Mutation.applyAll(seed, mutations));
            try {
                ImportReport r = importer.importFile(bad, ComtradeImporter.Options.DEFAULT,
                        ComtradeImporter.Progress.NONE);
                assertThat(r.rowsLoaded() + r.rowsReplaced() + r.rowsAlreadyStored() + r.rowsSkipped())
                        .isEqualTo(r.rowsRead());
                assertThat(store.flowCount()).isEqualTo(before + r.rowsLoaded());
            } catch (TradeImportException e) {
                assertThat(e.getMessage()).startsWith(bad.toAbsolutePath().normalize().toString());
                assertThat(store.flowCount()).isEqualTo(before);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = ComtradeMutationProperties.class.getResourceAsStream("/org/caravan/trade/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
