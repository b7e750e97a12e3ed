package org.caravan.country;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one of this package's CSV resources (header row, then values); a missing or broken one is a broken jar. */
final class EmbeddedTable {
    private EmbeddedTable() {}

    static List<Map<String, String>> read(String resource) {
        try (InputStream in = EmbeddedTable.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            List<Map<String, String>> rows = new ArrayList<>();
            try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader())
                    .readValues(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                while (it.hasNextValue()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    it.nextValue().forEach((k, v) -> row.put(k, v == null ? "" : v.trim()));
                    rows.add(row);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException("embedded " + resource + " is unreadable: " + e.getMessage(), e);
        }
    }
}
