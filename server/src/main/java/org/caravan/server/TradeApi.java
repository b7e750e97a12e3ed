package org.caravan.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.Map;
import java.util.stream.Stream;
import org.caravan.demand.OdFile;
import org.caravan.trade.TradeTables;
import org.caravan.scenario.ScenarioBase;
import org.caravan.trade.ComtradeImporter;
import org.caravan.trade.Countries;
import org.caravan.trade.Country;
import org.caravan.trade.ImportReport;
import org.caravan.trade.NoTradeDataException;
import org.caravan.trade.PublishedDemand;
import org.caravan.trade.PublishedFact;
import org.caravan.trade.PublishedFacts;
import org.caravan.trade.TradeAnalytics;
import org.caravan.trade.TradeDemand;
import org.caravan.trade.TradeFigures;
import org.caravan.trade.TradeImportException;
import org.caravan.trade.TradeStore;
import org.caravan.trade.TransitDependence;

/**
 * The trade endpoints ({@code /api/trade/...}) over a {@link TradeStore}: past imports, the published headline
 * figures, bilateral series, top products, partner shares and concentration, mirror comparison, the countries in
 * the store, the upload of a UN Comtrade CSV, and the reporter's tonnes as OD demand ({@link TradeDemand}) with the
 * third countries that demand must cross on the server's base network ({@link TransitDependence}). Answers are the
 * core's records ({@link TradeFigures} and the like) as JSON with snake_case names like the rest of the API, or CSV
 * with a header row ({@code ?format=csv}) in the columns of {@code caravan trade ... --format csv}. Store access is
 * serialised by the core (it synchronises on the store). Without a store (the server started without one) every
 * endpoint but the published figures, which are embedded, answers 503.
 */
final class TradeApi {
    /** Largest Comtrade file accepted by upload; the rest of the API keeps the server's 64 KB request limit. */
    static final long MAX_UPLOAD_BYTES = 200L * 1024 * 1024;
    static final int MAX_LIMIT = 100;
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2100;

    /** The trade records as JSON (snake_case, plain numbers), the same as {@code caravan trade --format json}. */
    static final ObjectMapper JSON = TradeTables.JSON;

    private final ScenarioBase base;
    private final TradeStore store;
    private final TradeAnalytics analytics;
    private final TradeDemand demand;
    private final ComtradeImporter importer;
    private final Countries countries = Countries.embedded();
    private final PublishedFacts facts = PublishedFacts.embedded();

    /**
     * @param base  the network (and costs) transit dependence routes the OD demand on, the server's own
     * @param store the trade store, or null: then the store's endpoints answer 503
     */
    TradeApi(ScenarioBase base, TradeStore store) {
        this.base = base;
        this.store = store;
        this.analytics = store == null ? null : new TradeAnalytics(store);
        this.demand = store == null ? null : new TradeDemand(analytics);
        this.importer = store == null ? null : new ComtradeImporter(store);
    }

    private TradeAnalytics analytics() {
        if (store == null) {
            throw new CaravanServer.BadParameter(503, null, "no trade store: this server was started without one "
                    + "(caravan serve opens <data-dir>/caravan.duckdb); the published figures are at /api/trade/facts");
        }
        return analytics;
    }

    // ------------------------------------------------------------------ handlers

    /** GET: what has been imported, newest first, and how many records the store holds. */
    void imports(Context ctx) {
        analytics();
        List<TradeStore.ImportRecord> list = store.imports();
        long records = store.flowCount();
        long synthetic = syntheticRecords();
        if (csv(ctx)) {
            // like `caravan trade imports --format csv`: a synthetic column, true when the store holds the example
            writeCsv(ctx, "trade-imports.csv", TradeTables.withSyntheticColumn(TradeTables.imports(list.stream()
                    .map(r -> new TradeStore.ImportRecord(r.id(), fileName(r.file()), r.sha256(), r.format(),
                            r.importedAt(), r.rowsRead(), r.rowsLoaded(), r.rowsReplaced(), r.rowsAlreadyStored(),
                            r.rowsSkipped())).toList()), synthetic > 0));
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("records", records);
        root.put("synthetic", synthetic > 0);
        if (synthetic > 0) root.put("synthetic_note", TradeStore.syntheticWarning(synthetic));
        ArrayNode out = root.putArray("imports");
        // like `caravan trade imports --format json`: each import says whether its file is the synthetic example
        for (var n : TradeTables.withSyntheticFlag(list, synthetic)) {
            ObjectNode o = (ObjectNode) n;
            o.put("file", fileName(o.path("file").asText())); // the name only: the server's paths are not the client's
            out.add(o);
        }
        writeJson(ctx, root);
    }

    /** GET: the published headline figures with their sources; {@code a} and {@code b} narrow them to a pair. */
    void facts(Context ctx) {
        Country a = country(ctx, "a", false);
        Country b = country(ctx, "b", false);
        List<PublishedFact> list;
        if (a == null && b == null) list = facts.all();
        else if (a == null) list = facts.about(b.iso3(), null);
        else list = facts.about(a.iso3(), b == null ? null : b.iso3());
        if (csv(ctx)) {
            writeCsv(ctx, "trade-facts.csv", TradeTables.facts(list));
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        root.set("a", a == null ? null : JSON.valueToTree(a));
        root.set("b", b == null ? null : JSON.valueToTree(b));
        root.set("facts", JSON.valueToTree(list));
        // names of the figures' reporters and partners, so a page without a trade store can still name them
        root.set("countries", countryList(countriesOf(list)));
        root.put("note", "published figures as their sources give them; sources that disagree are listed side by "
                + "side, none is preferred (docs/DATA.md)");
        writeJson(ctx, root);
    }

    /** GET: A's exports to and imports from B per year as A reports them, with the published figures. */
    void series(Context ctx) {
        TradeAnalytics t = store == null ? TradeAnalytics.publishedOnly() : analytics();
        Country a = country(ctx, "a", true);
        Country b = country(ctx, "b", true);
        TradeFigures.Series s = t.series(a, b);
        answer(ctx, "trade-series-" + a.iso3() + "-" + b.iso3() + ".csv", s, TradeTables::series);
    }

    /** GET: the reporter's top products for one year and flow, with a partner or against the world. */
    void top(Context ctx) {
        TradeAnalytics t = store == null ? TradeAnalytics.publishedOnly() : analytics();
        Country reporter = country(ctx, "reporter", true);
        Country partner = country(ctx, "partner", false);
        Integer year = year(ctx);
        String flow = flow(ctx);
        int level = CaravanServer.intParam(ctx, "level", 2, Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (level != 2 && level != 4 && level != 6) {
            throw new CaravanServer.BadParameter("level", "level must be 2 (chapters), 4 (headings) or 6 "
                    + "(subheadings), got " + level);
        }
        int limit = CaravanServer.intParam(ctx, "limit", 10, 1, MAX_LIMIT);
        TradeFigures.TopProducts top;
        try {
            top = t.top(reporter, partner, year, flow, level, limit);
        } catch (NoTradeDataException e) {
            throw noData(e);
        }
        answer(ctx, "trade-top-" + reporter.iso3() + ".csv", top, TradeTables::top);
    }

    /** GET: partner shares of the reporter's exports or imports in one year, and their concentration (HHI). */
    void partners(Context ctx) {
        TradeAnalytics t = analytics();
        Country reporter = country(ctx, "reporter", true);
        Integer year = year(ctx);
        String flow = flow(ctx);
        TradeFigures.Partners p;
        try {
            p = t.partners(reporter, year, flow);
        } catch (NoTradeDataException e) {
            throw noData(e);
        }
        answer(ctx, "trade-partners-" + reporter.iso3() + ".csv", p, TradeTables::partners);
    }

    /** GET: what A and B each report of their trade with each other, per year and direction, and the gap. */
    void mirror(Context ctx) {
        TradeAnalytics t = analytics();
        Country a = country(ctx, "a", true);
        Country b = country(ctx, "b", true);
        TradeFigures.Mirror m = t.mirror(a, b);
        answer(ctx, "trade-mirror-" + a.iso3() + "-" + b.iso3() + ".csv", m, TradeTables::mirror);
    }

    /**
     * GET: the reporter's tonnes by partner and cargo as OD pairs between country hubs ({@link TradeDemand}), as
     * JSON or ({@code format=csv}) exactly the OD file {@code caravan trade od} writes, which {@code caravan scenario
     * run --od} and {@code caravan critical --od} read.
     */
    void od(Context ctx) {
        boolean csv = csv(ctx);
        TradeDemand.Result d = demand(ctx);
        if (csv) {
            StringWriter w = new StringWriter();
            try {
                OdFile.write(d.pairs(), w);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            writeCsvText(ctx, "od-" + d.reporter().iso3() + "-" + d.year() + "-" + d.flow() + ".csv", w.toString());
            return;
        }
        writeJson(ctx, TradeTables.withSyntheticFlag(d, d.fromPublished() ? 0 : syntheticRecords()));
    }

    /**
     * GET: the same OD demand routed on the server's base network, each pair on its cheapest route for its cargo,
     * and the tonnes that must cross each third country ({@link TransitDependence}). Computed afresh for every
     * request: the answer follows the store (imports, replaced revisions) and routing a reporter's few dozen pairs
     * is quick, so nothing is cached that could go stale.
     */
    void transit(Context ctx) {
        boolean csv = csv(ctx);
        TradeDemand.Result d = demand(ctx);
        TransitDependence.Result t = TransitDependence.of(base, d);
        if (csv) {
            writeCsv(ctx, "trade-transit-" + d.reporter().iso3() + "-" + d.year() + "-" + d.flow() + ".csv",
                    TradeTables.withSyntheticColumn(TradeTables.transit(d.reporter().iso3(), d.year(), d.flow(), t),
                            !d.fromPublished() && syntheticRecords() > 0));
            return;
        }
        writeJson(ctx, TradeTables.withSyntheticFlag(new TransitAnswer(d, t), d.fromPublished() ? 0 : syntheticRecords()));
    }

    /** The transit answer: the demand it routed and the dependence, as {@code caravan trade transit --format json}. */
    record TransitAnswer(TradeDemand.Result demand, TransitDependence.Result transit) {}

    /**
     * The OD demand of {@code reporter}, {@code year}, {@code flow} and {@code min_tonnes}: from the store, or with
     * {@code from_published=true} from the published tonnages shipped with Caravan (no store needed).
     */
    private TradeDemand.Result demand(Context ctx) {
        boolean fromPublished = CaravanServer.boolParam(ctx, "from_published");
        if (!fromPublished) analytics();
        Country reporter = country(ctx, "reporter", true);
        Integer year = year(ctx);
        String flow = flow(ctx);
        double minTonnes = nonNegative(ctx, "min_tonnes");
        try {
            if (fromPublished) return PublishedDemand.embedded().od(reporter, year, flow, minTonnes);
            synchronized (store) { // its queries see one state of the store, not half an import
                return demand.od(reporter, year, flow, minTonnes);
            }
        } catch (NoTradeDataException e) {
            throw noData(e);
        } catch (IllegalArgumentException e) {
            // the one bad argument left once the parameters are checked: a reporter without a hub in the network
            throw new CaravanServer.BadParameter("reporter", e.getMessage());
        }
    }

    /**
     * GET: the countries the dashboard offers: reporters and partners with records in the store, and the countries
     * the published figures are about (so the pickers have KAZ and AFG before anything is imported).
     */
    void countries(Context ctx) {
        TradeAnalytics t = analytics();
        List<Country> reporters = t.reporters();
        List<Country> partners = t.partnerCountries();
        List<Country> published = publishedCountries();
        if (csv(ctx)) {
            List<List<Object>> rows = new ArrayList<>();
            rows.add(List.of("role", "iso3", "name"));
            for (Country c : reporters) rows.add(List.of("reporter", c.iso3(), c.name()));
            for (Country c : partners) rows.add(List.of("partner", c.iso3(), c.name()));
            for (Country c : published) rows.add(List.of("published", c.iso3(), c.name()));
            writeCsv(ctx, "trade-countries.csv", rows);
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        root.set("reporters", countryList(reporters));
        root.set("partners", countryList(partners));
        root.set("published", countryList(published));
        writeJson(ctx, root);
    }

    /**
     * POST: one UN Comtrade CSV (plain or gzip), as the raw body ({@code ?name=FILE.csv} names it) or as the
     * multipart field {@code file}; {@code strict} and {@code replace} as on the command line. Streamed to a
     * temporary file (at most {@link #MAX_UPLOAD_BYTES}), imported, and deleted; answers the import report.
     */
    void upload(Context ctx) throws IOException {
        analytics();
        ComtradeImporter.Options options = new ComtradeImporter.Options(CaravanServer.boolParam(ctx, "strict"),
                CaravanServer.boolParam(ctx, "replace"));
        Path dir = Files.createTempDirectory("caravan-upload-");
        try {
            String name;
            Path file;
            String type = ctx.contentType();
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
                Upload part = uploadedFile(ctx);
                name = safeName(part.filename());
                file = dir.resolve(name);
                try (InputStream in = part.content().open()) {
                    copy(in, file);
                }
            } else {
                long declared = ctx.req().getContentLengthLong();
                if (declared > MAX_UPLOAD_BYTES) throw tooLarge();
                name = safeName(ctx.queryParam("name"));
                file = dir.resolve(name);
                try (InputStream in = ctx.bodyInputStream()) {
                    copy(in, file);
                }
            }
            if (Files.size(file) == 0) {
                throw new CaravanServer.BadParameter("file", "empty upload: send a UN Comtrade CSV as the body or "
                        + "as the multipart field 'file'");
            }
            if (gzipped(file) && !name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
                name = name + ".gz";
                Path renamed = dir.resolve(name);
                Files.move(file, renamed);
                file = renamed;
            }
            ImportReport r;
            try {
                r = importer.importFile(file, name, options, ComtradeImporter.Progress.NONE);
            } catch (TradeImportException e) {
                throw new CaravanServer.BadParameter("file", e.getMessage());
            }
            writeJson(ctx, r);
        } finally {
            deleteTree(dir);
        }
    }

    // ------------------------------------------------------------------ parameters

    /** A country parameter (ISO3, code or name); 400 naming the parameter when unknown or missing. */
    private Country country(Context ctx, String name, boolean required) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            if (required) throw new CaravanServer.BadParameter(name, "missing parameter '" + name + "': give an ISO3 "
                    + "code such as KAZ");
            return null;
        }
        try {
            return countries.resolve(v);
        } catch (IllegalArgumentException e) {
            throw new CaravanServer.BadParameter(name, e.getMessage());
        }
    }

    /** {@code year}: a year, or absent / {@code latest} for the latest year with records. */
    private static Integer year(Context ctx) {
        String v = ctx.queryParam("year");
        if (v == null || v.isBlank() || v.trim().equalsIgnoreCase("latest")) return null;
        return CaravanServer.intParam(ctx, "year", 0, MIN_YEAR, MAX_YEAR);
    }

    /** {@code flow}: X (exports, the default) or M (imports); the words work too. */
    private static String flow(Context ctx) {
        String v = ctx.queryParam("flow");
        if (v == null || v.isBlank()) return "X";
        return switch (v.trim().toUpperCase(Locale.ROOT)) {
            case "X", "EXPORT", "EXPORTS" -> "X";
            case "M", "IMPORT", "IMPORTS" -> "M";
            default -> throw new CaravanServer.BadParameter("flow", "flow must be X (exports) or M (imports), got '"
                    + v + "'");
        };
    }

    /** A number of at least 0, 0 when absent. */
    private static double nonNegative(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return 0;
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new CaravanServer.BadParameter(name, "expected a number, got '" + v + "'");
        }
        if (!Double.isFinite(d) || d < 0) {
            throw new CaravanServer.BadParameter(name, name + " must be a number of at least 0, got '" + v + "'");
        }
        return d;
    }

    /** Whether the answer is CSV ({@code format=csv}) rather than JSON (the default, {@code format=json}). */
    private static boolean csv(Context ctx) {
        String v = ctx.queryParam("format");
        if (v == null || v.isBlank() || v.trim().equalsIgnoreCase("json")) return false;
        if (v.trim().equalsIgnoreCase("csv")) return true;
        throw new CaravanServer.BadParameter("format", "format must be json or csv, got '" + v + "'");
    }

    /** A question the store has no records for: 404 naming the parameter that narrowed it to nothing. */
    private static CaravanServer.BadParameter noData(NoTradeDataException e) {
        return new CaravanServer.BadParameter(404, e.field(), e.getMessage());
    }

    // ------------------------------------------------------------------ upload helpers

    /**
     * The multipart field {@code file}: a file part, or a plain part of that name without a filename (some clients
     * send one), whose content is the CSV all the same. A body that is not well-formed multipart (no or another
     * boundary, truncated, empty) is refused with 400 naming {@code file}, a part over the limit with 413.
     */
    private static Upload uploadedFile(Context ctx) {
        UploadedFile part;
        jakarta.servlet.http.Part plain = null;
        try {
            part = ctx.uploadedFile("file");
            if (part == null) plain = ctx.req().getPart("file");
        } catch (Exception e) {
            // Jetty refuses a part over the multipart limit with an IllegalStateException ("exceeds max ...") and a
            // malformed body with an IOException or ServletException (thrown through Kotlin undeclared).
            String msg = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : " " + e.getCause().getMessage());
            if (msg.contains("exceeds")) throw tooLarge();
            throw new CaravanServer.BadParameter("file", "malformed multipart upload (" + firstLine(msg) + "): send "
                    + "multipart/form-data with a boundary and the Comtrade CSV as the field 'file', or the CSV as "
                    + "the raw body");
        }
        if (part != null) return new Upload(part.filename(), part::content);
        if (plain != null) {
            jakarta.servlet.http.Part p = plain;
            return new Upload(p.getSubmittedFileName(), p::getInputStream);
        }
        throw new CaravanServer.BadParameter("file", "multipart upload without a 'file' field: send the Comtrade "
                + "CSV as the field 'file'");
    }

    /** One uploaded file: the name the client gave (may be null) and its content. */
    private record Upload(String filename, Content content) {}

    @FunctionalInterface
    private interface Content {
        InputStream open() throws IOException;
    }

    /** Copies at most {@link #MAX_UPLOAD_BYTES}; 413 past that. */
    private static void copy(InputStream in, Path file) throws IOException {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > MAX_UPLOAD_BYTES) throw tooLarge();
                out.write(buf, 0, n);
            }
        }
    }

    static CaravanServer.BadParameter tooLarge() {
        return new CaravanServer.BadParameter(413, "file", "upload larger than " + MAX_UPLOAD_BYTES / (1024 * 1024)
                + " MB: import a file this large with the command line (caravan trade import FILE)");
    }

    private static boolean gzipped(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** The last segment of what the client called the file, in safe characters; "upload.csv" when none. */
    static String safeName(String given) {
        String s = given == null ? "" : given.trim();
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        s = s.substring(slash + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        while (s.startsWith(".")) s = s.substring(1);
        if (s.length() > 100) s = s.substring(s.length() - 100);
        return s.isBlank() ? "upload.csv" : s;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temporary directory left behind; nothing the client can do about it
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    // ------------------------------------------------------------------ output

    private List<Country> publishedCountries() {
        return countriesOf(facts.all());
    }

    private List<Country> countriesOf(List<PublishedFact> figures) {
        Map<String, Country> out = new LinkedHashMap<>();
        for (PublishedFact f : figures) {
            for (String iso3 : new String[] {f.reporter(), f.partner()}) {
                countries.byIso3(iso3).ifPresent(c -> out.putIfAbsent(c.iso3(), c));
            }
        }
        List<Country> list = new ArrayList<>(out.values());
        list.sort(Comparator.comparing(Country::name));
        return list;
    }

    private static ArrayNode countryList(List<Country> list) {
        ArrayNode out = JSON.createArrayNode();
        for (Country c : list) out.addObject().put("iso3", c.iso3()).put("name", c.name());
        return out;
    }

    /**
     * An answer from the store: JSON with {@code synthetic} (and {@code synthetic_note} when true), or with
     * {@code format=csv} the value's table with a {@code synthetic} column, as a CSV attachment named {@code csvName}.
     */
    private <T> void answer(Context ctx, String csvName, T value, Function<T, List<List<Object>>> table) {
        long synthetic = syntheticRecords();
        if (csv(ctx)) {
            writeCsv(ctx, csvName, TradeTables.withSyntheticColumn(table.apply(value), synthetic > 0));
        } else {
            writeJson(ctx, TradeTables.withSyntheticFlag(value, synthetic));
        }
    }

    /** Records of the synthetic example in the store (0 when none). */
    private long syntheticRecords() {
        if (store == null) return 0; // answers from the published figures alone
        synchronized (store) {
            return store.syntheticRecords();
        }
    }

    private static void writeCsv(Context ctx, String fileName, List<List<Object>> rows) {
        writeCsvText(ctx, fileName, TradeTables.csv(rows));
    }

    private static void writeCsvText(Context ctx, String fileName, String text) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        ctx.result(text);
    }

    private static void writeJson(Context ctx, Object value) {
        try {
            ctx.contentType("application/json");
            ctx.result(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileName(String path) {
        Path p = Path.of(path).getFileName();
        return p == null ? path : p.toString();
    }
}
