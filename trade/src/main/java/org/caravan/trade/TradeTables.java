package org.caravan.trade;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The CSV shapes of the trade answers (header row first), shared by {@code caravan trade ... --format csv} and
 * {@code /api/trade/...?format=csv} so a column means the same everywhere. Numbers are plain (no exponent).
 */
public final class TradeTables {
    private TradeTables() {}

    /**
     * The trade records as JSON, for the CLI and the API alike: field names in snake_case like the rest of the
     * API, numbers written plain (1000000000, not 1.0E9).
     */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new SimpleModule("plain-numbers")
                    .addSerializer(Double.class, new PlainDouble()).addSerializer(double.class, new PlainDouble()))
            .build();

    /** Writes a double without an exponent: whole numbers as integers, others in plain decimal notation. */
    private static final class PlainDouble extends StdSerializer<Double> {
        PlainDouble() { super(Double.class); }

        @Override
        public void serialize(Double v, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (!Double.isFinite(v)) {
                gen.writeNumber(v);
            } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                gen.writeNumber((long) (double) v);
            } else {
                gen.writeNumber(BigDecimal.valueOf(v).toPlainString());
            }
        }
    }

    public static List<List<Object>> imports(List<TradeStore.ImportRecord> imports) {
        List<List<Object>> rows = header("id", "file", "sha256", "format", "imported_at", "rows_read", "rows_loaded",
                "rows_replaced", "rows_already_stored", "rows_skipped");
        for (TradeStore.ImportRecord i : imports) {
            rows.add(Arrays.asList(i.id(), i.file(), i.sha256(), i.format(), i.importedAt(), i.rowsRead(),
                    i.rowsLoaded(), i.rowsReplaced(), i.rowsAlreadyStored(), i.rowsSkipped()));
        }
        return rows;
    }

    public static List<List<Object>> facts(List<PublishedFact> facts) {
        List<List<Object>> rows = header("id", "reporter", "partner", "measure", "period", "covers", "value_usd",
                "quantity", "unit", "product", "hs", "reported_by", "source", "source_date", "url", "confidence", "note");
        for (PublishedFact f : facts) {
            rows.add(Arrays.asList(f.id(), f.reporter(), f.partner(), f.measure(), f.period(), f.covers(),
                    f.valueUsd(), f.quantity(), f.unit(), f.product(), f.hs(), f.reportedBy(), f.source(),
                    f.sourceDate(), f.url(), f.confidence(), f.note()));
        }
        return rows;
    }

    public static List<List<Object>> series(TradeFigures.Series s) {
        List<List<Object>> rows = header("reporter", "partner", "year", "months", "covers", "exports_usd",
                "imports_usd", "turnover_usd", "balance_usd", "turnover_growth_pct", "data", "fact_id", "source");
        for (TradeFigures.SeriesPoint p : s.points()) {
            rows.add(Arrays.asList(s.reporter().iso3(), s.partner().iso3(), p.year(), p.months(), p.covers(),
                    p.exportsUsd(), p.importsUsd(), p.turnoverUsd(), p.balanceUsd(), p.turnoverGrowthPct(), "store",
                    null, null));
        }
        // the published all-goods values after the store's rows, one row each, labelled as such
        for (PublishedFact f : s.published()) {
            if (!f.allGoods() || f.valueUsd() == null) continue;
            Double v = f.valueUsd();
            rows.add(Arrays.asList(f.reporter(), f.partner(), f.year(), f.fullYear() ? 12 : null, f.covers(),
                    f.measure().equals("exports") ? v : null, f.measure().equals("imports") ? v : null,
                    f.measure().equals("turnover") ? v : null, null, null, "published", f.id(), f.source()));
        }
        return rows;
    }

    public static List<List<Object>> top(TradeFigures.TopProducts t) {
        List<List<Object>> rows = header("reporter", "partner", "year", "flow", "code", "description", "value_usd",
                "share_pct", "tonnes", "cargo", "data", "covers", "fact_id", "source");
        for (TradeFigures.Product p : t.products()) {
            rows.add(Arrays.asList(t.reporter().iso3(), t.partner() == null ? "W00" : t.partner().iso3(), t.year(),
                    t.flow(), p.code(), p.description(), p.valueUsd(), p.sharePct(), p.tonnes(), p.cargo(), "store",
                    t.covers(), null, null));
        }
        HsChapters chapters = HsChapters.embedded();
        for (PublishedFact f : t.published()) {
            rows.add(Arrays.asList(f.reporter(), f.partner(), f.year(), t.flow(), f.hs(), f.product(), f.valueUsd(),
                    null, f.quantity(), f.hs().isEmpty() ? null : chapters.cargo(f.hs().substring(0, 2)).code(),
                    "published", f.covers(), f.id(), f.source()));
        }
        return rows;
    }

    public static List<List<Object>> partners(TradeFigures.Partners p) {
        List<List<Object>> rows = header("reporter", "year", "flow", "partner", "partner_name", "value_usd",
                "share_pct");
        for (TradeFigures.PartnerShare s : p.partners()) {
            rows.add(Arrays.asList(p.reporter().iso3(), p.year(), p.flow(), s.partner().iso3(), s.partner().name(),
                    s.valueUsd(), s.sharePct()));
        }
        return rows;
    }

    public static List<List<Object>> mirror(TradeFigures.Mirror m) {
        List<List<Object>> rows = header("year", "exporter", "importer", "exporter_usd", "exporter_covers",
                "importer_usd", "importer_covers", "gap_usd", "gap_pct");
        for (TradeFigures.MirrorRow x : m.rows()) {
            rows.add(Arrays.asList(x.year(), x.exporter().iso3(), x.importer().iso3(), x.exporterUsd(),
                    x.exporterCovers(), x.importerUsd(), x.importerCovers(), x.gapUsd(), x.gapPct()));
        }
        return rows;
    }

    public static List<List<Object>> transit(String reporter, int year, String flow, TransitDependence.Result t) {
        List<List<Object>> rows = header("reporter", "year", "flow", "transit_country", "name", "tonnes",
                "share_pct");
        for (TransitDependence.CountryShare c : t.transit()) {
            rows.add(Arrays.asList(reporter, year, flow, c.country(), c.name(), c.tonnes(), c.sharePct()));
        }
        // Summary rows after the countries: what was routed, what had no route, what had no hub.
        rows.add(Arrays.asList(reporter, year, flow, "ROUTED", "tonnes routed", t.routedTonnes(), null));
        rows.add(Arrays.asList(reporter, year, flow, "NO_ROUTE", "tonnes with no route on the network",
                t.unroutedTonnes(), null));
        rows.add(Arrays.asList(reporter, year, flow, "NO_HUB", "tonnes of partners without a hub in the network",
                t.noHubTonnes(), null));
        return rows;
    }

    private static List<List<Object>> header(String... names) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of((Object[]) names));
        return rows;
    }

    /**
     * The table with a last column {@code synthetic} (true on every row when the answer comes from a store holding
     * records of the synthetic example, else false), so a CSV can never lose the flag.
     */
    public static List<List<Object>> withSyntheticColumn(List<List<Object>> rows, boolean synthetic) {
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<Object> r = new ArrayList<>(rows.get(i));
            r.add(i == 0 ? "synthetic" : synthetic);
            out.add(r);
        }
        return out;
    }

    /**
     * The answer as JSON with {@code synthetic} (true or false) and, when true, {@code synthetic_note}: on the object
     * itself, or on each object of an array.
     */
    public static com.fasterxml.jackson.databind.JsonNode withSyntheticFlag(Object answer, long syntheticRecords) {
        com.fasterxml.jackson.databind.JsonNode tree = JSON.valueToTree(answer);
        java.util.List<com.fasterxml.jackson.databind.node.ObjectNode> targets = new ArrayList<>();
        if (tree instanceof com.fasterxml.jackson.databind.node.ObjectNode o) targets.add(o);
        else if (tree.isArray()) {
            for (var e : tree) if (e instanceof com.fasterxml.jackson.databind.node.ObjectNode o) targets.add(o);
        }
        for (var o : targets) {
            // an import record is flagged by its own file; any other answer by the store it was computed from
            boolean flag = o.hasNonNull("sha256") ? TradeStore.SYNTHETIC_SHA256.contains(o.get("sha256").asText())
                    : syntheticRecords > 0;
            o.put("synthetic", flag);
            if (flag) o.put("synthetic_note", TradeStore.syntheticWarning(syntheticRecords));
        }
        return tree;
    }

    /** The rows as CSV text; fields are quoted only where they must be. */
    public static String csv(List<List<Object>> rows) {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
        StringWriter w = new StringWriter();
        try (var writer = mapper.writer(CsvSchema.emptySchema()).writeValues(w)) {
            for (List<Object> row : rows) {
                List<Object> cells = new ArrayList<>(row.size());
                for (Object c : row) cells.add(c == null ? "" : c instanceof Double d ? plain(d) : c);
                writer.write(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** 600000000 rather than 6.0E8; 12 significant digits at most. */
    public static String plain(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return "";
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return BigDecimal.valueOf(d).round(new MathContext(12)).stripTrailingZeros().toPlainString();
    }
}
