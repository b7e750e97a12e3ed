package org.caravan.trade;

import java.util.HashMap;
import java.util.List;
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

    /** The embedded table (read once: it is immutable). */
    public static HsChapters embedded() { return Embedded.TABLE; }

    private static final class Embedded {
        static final HsChapters TABLE = EmbeddedCsv.load(RESOURCE, HsChapters::build);
    }

    private static HsChapters build(List<Map<String, String>> rows) {
        Map<String, String> titles = new HashMap<>();
        Map<String, Cargo> cargo = new HashMap<>();
        for (Map<String, String> row : rows) {
            titles.put(row.get("chapter"), row.get("title"));
            cargo.put(row.get("chapter"), Cargo.parse(row.get("cargo")));
        }
        return new HsChapters(Map.copyOf(titles), Map.copyOf(cargo));
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
