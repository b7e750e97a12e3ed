package org.caravan.trade;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.caravan.network.Cargo;

/**
 * The 97 HS chapters ({@code hs-chapters.csv}): title, and the cargo profile Caravan routes the chapter's tonnes
 * as (bulk for grain, flour, ores, fuels, fertiliser...; container for the rest; rule in docs/DATA.md).
 */
public final class HsChapters {
    static final String RESOURCE = "/org/caravan/trade/hs-chapters.csv";

    private final Map<String, String> titles;
    private final Map<String, Cargo> cargo;

    private HsChapters(Map<String, String> titles, Map<String, Cargo> cargo) {
        this.titles = titles;
        this.cargo = cargo;
    }

    public static HsChapters embedded() {
        try (InputStream in = HsChapters.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            Map<String, String> titles = new HashMap<>();
            Map<String, Cargo> cargo = new HashMap<>();
            try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader())
                    .readValues(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                while (it.hasNextValue()) {
                    Map<String, String> row = it.nextValue();
                    String ch = row.get("chapter").trim();
                    titles.put(ch, row.get("title").trim());
                    cargo.put(ch, Cargo.parse(row.get("cargo").trim()));
                }
            }
            return new HsChapters(Map.copyOf(titles), Map.copyOf(cargo));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("embedded " + RESOURCE + " is invalid: " + e.getMessage(), e);
        }
    }

    /** The chapter title for an HS code of any length ("1001" → chapter 10's title), or "" if unknown. */
    public String title(String code) {
        return code.length() < 2 ? "" : titles.getOrDefault(code.substring(0, 2), "");
    }

    /** How an HS code's chapter travels; container when the chapter is unknown. */
    public Cargo cargo(String code) {
        return code.length() < 2 ? Cargo.CONTAINER : cargo.getOrDefault(code.substring(0, 2), Cargo.CONTAINER);
    }
}
