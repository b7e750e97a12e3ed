package org.caravan.trade;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The trade package's embedded reference tables (CSV with a header, in the jar), read once each. */
final class EmbeddedCsv {
    private EmbeddedCsv() {}

    /**
     * Reads {@code resource} and builds its table with {@code build} (given the rows, each a column → trimmed value
     * map, header excluded).
     *
     * @throws IllegalStateException naming the resource when it is missing or does not build: a broken jar
     */
    static <T> T load(String resource, Function<List<Map<String, String>>, T> build) {
        try (InputStream in = EmbeddedCsv.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            List<Map<String, String>> rows = new ArrayList<>();
            try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader())
                    .readValues(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                while (it.hasNextValue()) {
                    Map<String, String> row = new java.util.LinkedHashMap<>();
                    it.nextValue().forEach((k, v) -> row.put(k, v == null ? "" : v.trim()));
                    rows.add(row);
                }
            }
            return build.apply(rows);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // CSV syntax (an unclosed quote, more fields than the header): the line it was found on, header = line 1
            var at = e.getLocation();
            String line = at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ": ";
            throw new IllegalStateException("embedded " + resource + " is invalid: " + line + e.getOriginalMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("embedded " + resource + " is invalid: " + e.getMessage(), e);
        }
    }
}
