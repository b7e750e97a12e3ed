package org.caravan.trade;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.caravan.trade.TradeFigures.MirrorRow;
import org.caravan.trade.TradeFigures.PartnerShare;
import org.caravan.trade.TradeFigures.Product;
import org.caravan.trade.TradeFigures.SeriesPoint;

/**
 * Questions asked of a {@link TradeStore}: bilateral series, top products, partner shares and concentration,
 * mirror comparison.
 *
 * <p>Comtrade files mix levels (TOTAL, chapters, headings, subheadings) and breakdowns (customs procedure, mode
 * of transport, second partner). To count every dollar once, the analytics read only the records over all
 * breakdowns (customs C00, mode 0, second partner World) and, for each reporter, partner, period and flow, only
 * the coarsest commodity level present: TOTAL when there is one, else the sum of chapters, and so on. Annual
 * records are used when a year has them; otherwise its monthly records are added up and the months counted.
 */
public final class TradeAnalytics {
    static final String BREAKDOWN_TOTALS = "partner2 = 0 AND customs = 'C00' AND mot = 0";
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    /** Partner codes that are groups, not partners: World and the EU. */
    private static final Set<String> GROUPS = Set.of("W00", "EUR");

    private final TradeStore store;
    private final Countries countries;
    private final HsChapters chapters = HsChapters.embedded();
    private final PublishedFacts facts = PublishedFacts.embedded();

    public TradeAnalytics(TradeStore store) {
        this.store = store;
        this.countries = store.countries();
    }

    private TradeAnalytics() {
        this.store = null;
        this.countries = Countries.embedded();
    }

    /**
     * Analytics without a store (a fresh clone, or a server started without one): {@link #series} and {@link #top}
     * answer from the shipped published figures alone, labelled so; the other questions need records.
     */
    public static TradeAnalytics publishedOnly() { return new TradeAnalytics(); }

    /** True when there is no store behind these analytics (only the published figures answer). */
    public boolean publishedOnlyAnswers() { return store == null; }

    public Countries countries() { return countries; }

    public PublishedFacts facts() { return facts; }

    /** The reporters that have records in the store, by name (World and groups such as the EU left out). */
    public List<Country> reporters() { return present("reporter"); }

    /** The partners that appear in the store's records, by name (World and groups left out). */
    public List<Country> partnerCountries() { return present("partner"); }

    private List<Country> present(String column) {
        Map<String, Country> byIso3 = new HashMap<>();
        for (Integer code : ints("SELECT DISTINCT " + column + " FROM trade_flow")) {
            Country c = countries.byCode(code);
            if (!GROUPS.contains(c.iso3())) byIso3.putIfAbsent(c.iso3(), c);
        }
        List<Country> out = new ArrayList<>(byIso3.values());
        out.sort(Comparator.comparing(Country::name).thenComparing(Country::iso3));
        return out;
    }

    /**
     * A's exports to and imports from B per year as A reports them, with the published figures for the pair and,
     * where the store has the same full year as a published all-goods figure, the two compared.
     */
    public TradeFigures.Series series(Country a, Country b) {
        List<SeriesPoint> ab = points(a, b);
        List<PublishedFact> published = facts.about(a.iso3(), b.iso3());
        // figures published from B's side are compared with what B reports in the store
        List<SeriesPoint> ba = published.stream().anyMatch(f -> f.reporter().equals(b.iso3())) ? points(b, a) : List.of();
        List<TradeFigures.Comparison> comparison = new ArrayList<>();
        for (PublishedFact f : published) {
            if (!f.fullYear() || !f.allGoods() || f.valueUsd() == null) continue;
            List<SeriesPoint> side = f.reporter().equals(a.iso3()) ? ab : ba;
            for (SeriesPoint p : side) {
                if (p.year() != f.year() || p.months() != 12) continue;
                Double recorded = switch (f.measure()) {
                    case "exports" -> p.exportsUsd();
                    case "imports" -> p.importsUsd();
                    default -> p.turnoverUsd();
                };
                if (recorded == null) continue;
                double gap = recorded - f.valueUsd();
                comparison.add(new TradeFigures.Comparison(f.id(), f.year(), f.measure(), f.reporter(), f.partner(),
                        f.valueUsd(), recorded, gap, f.valueUsd() > 0 ? 100 * gap / f.valueUsd() : null, f.source()));
            }
        }
        if (store == null) {
            return new TradeFigures.Series(a, b, ab, published, List.of(), "no trade store: the published figures "
                    + "only (not Comtrade records; import a Comtrade file to compare them with records)");
        }
        return new TradeFigures.Series(a, b, ab, published, List.copyOf(comparison),
                "as reported by " + a.label() + "; exports FOB, imports CIF, USD; " + levelNote());
    }

    private List<SeriesPoint> points(Country a, Country b) {
        if (store == null) return List.of();
        Map<Integer, Map<String, Amount>> byYear = totals(a, b.sqlCodes(), null).getOrDefault(0, Map.of());
        List<SeriesPoint> points = new ArrayList<>();
        SeriesPoint previous = null;
        for (Map.Entry<Integer, Map<String, Amount>> e : byYear.entrySet()) {
            Amount x = e.getValue().get("X");
            Amount m = e.getValue().get("M");
            // the year is only as complete as its less complete flow
            Amount shorter = x == null ? m : m == null ? x : m.months < x.months ? m : x;
            int months = shorter.months;
            String covers = months == 12 ? "full year" : shorter.covers;
            double turnover = (x == null ? 0 : x.usd) + (m == null ? 0 : m.usd);
            Double growth = previous != null && previous.year() == e.getKey() - 1 && previous.months() == 12
                    && months == 12 && previous.turnoverUsd() > 0
                    ? 100.0 * (turnover - previous.turnoverUsd()) / previous.turnoverUsd() : null;
            SeriesPoint p = new SeriesPoint(e.getKey(), months, covers, x == null ? null : x.usd,
                    m == null ? null : m.usd, turnover, (x == null ? 0 : x.usd) - (m == null ? 0 : m.usd), growth);
            points.add(p);
            previous = p;
        }
        return points;
    }

    /**
     * The reporter's top products for one year and flow.
     *
     * @param partner null for trade with the World (the reporter's World records, or the sum over partners)
     * @param year    null for the latest year with records
     * @param level   2, 4 or 6 digits
     */
    public TradeFigures.TopProducts top(Country reporter, Country partner, Integer year, String flow, int level,
                                        int limit) {
        String f = flow(flow);
        try {
            TradeFigures.TopProducts t = storeTop(reporter, partner, year, f, level, limit);
            return t.withPublished(publishedProducts(reporter, partner, t.year(), f));
        } catch (NoTradeDataException e) {
            // nothing in the store for the question (a finer level than the records have is another matter): the
            // published product figures still answer, labelled as such
            if (e.field().equals("level")) throw e;
            Integer y = year;
            if (y == null) {
                // the latest year with a full-year product figure, else the latest with any
                List<PublishedFact> any = publishedProducts(reporter, partner, null, f);
                y = any.stream().filter(PublishedFact::fullYear).map(PublishedFact::year).max(Integer::compare)
                        .orElse(any.stream().map(PublishedFact::year).max(Integer::compare).orElse(null));
            }
            List<PublishedFact> published = y == null ? List.of() : publishedProducts(reporter, partner, y, f);
            if (published.isEmpty()) throw e;
            return new TradeFigures.TopProducts(reporter, partner, y, f, level, "", 0, 0, List.of(),
                    "no product records in the store (" + e.getMessage() + "); the published product figures for "
                            + y + " only (not store records)", published);
        }
    }

    /**
     * The shipped figures about one product of the reporter's exports (X) or imports (M), any part of the year.
     *
     * @param partner null for all partners; year null for every year
     */
    public List<PublishedFact> publishedProducts(Country reporter, Country partner, Integer year, String flow) {
        String measure = flow(flow).equals("X") ? "exports" : "imports";
        return facts.all().stream().filter(x -> x.reporter().equals(reporter.iso3()) && x.measure().equals(measure)
                && !x.allGoods() && (partner == null || x.partner().equals(partner.iso3()))
                && (year == null || x.year() == year)).toList();
    }

    private TradeFigures.TopProducts storeTop(Country reporter, Country partner, Integer year, String flow, int level,
                                              int limit) {
        if (level != 2 && level != 4 && level != 6) throw new IllegalArgumentException(
                "level must be 2 (chapters), 4 (headings) or 6 (subheadings), got " + level);
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        String f = flow(flow);
        if (store == null) {
            throw new NoTradeDataException(year != null ? "year" : "reporter", "there is no trade store");
        }
        synchronized (store) {
            String base = "reporter IN (" + reporter.sqlCodes() + ") AND flow = '" + f + "' AND " + BREAKDOWN_TOTALS;
            int y = year != null ? year : latestYear(base + " AND cmd <> 'TOTAL'", reporter, f);
            String partnerFilter;
            if (partner != null) {
                partnerFilter = "partner IN (" + partner.sqlCodes() + ")";
            } else {
                // the World's own records, else the sum over individual partners (not over groups such as the EU,
                // which would count their members twice)
                partnerFilter = exists(base + " AND year = " + y + " AND partner = 0 AND cmd <> 'TOTAL'")
                        ? "partner = 0" : "partner NOT IN (" + groupCodes() + ")";
            }
            String where = base + " AND year = " + y + " AND " + partnerFilter;
            String freq = exists(where + " AND freq = 'A'") ? "A" : "M";
            where += " AND freq = '" + freq + "'";
            List<Integer> levels = ints("SELECT DISTINCT length(cmd) FROM trade_flow WHERE " + where
                    + " AND cmd <> 'TOTAL' ORDER BY 1");
            int use = levels.stream().filter(l -> l >= level).findFirst().orElseThrow(() ->
                    new NoTradeDataException(levels.isEmpty()
                            ? (year != null ? "year" : partner != null ? "partner" : "reporter") : "level",
                            "no products at " + level + " digits or finer for "
                            + reporter.label() + " " + flowWord(f) + " in " + y
                            + (levels.isEmpty() ? ": no product records at all" : " (levels present: " + levels + ")")));
            String covers = freq.equals("A") ? "full year"
                    : coversMonths(ints("SELECT DISTINCT month FROM trade_flow WHERE " + where + " ORDER BY 1"));
            List<Product> products = new ArrayList<>();
            double sum = 0;
            Map<String, double[]> all = new LinkedHashMap<>();
            query("SELECT substr(cmd, 1, " + level + ") AS code, sum(value_usd), sum(net_wgt_kg), "
                    + "count(*) FILTER (WHERE net_wgt_kg > 0) "
                    + "FROM trade_flow WHERE " + where + " AND length(cmd) = " + use
                    + " GROUP BY 1 ORDER BY 2 DESC, 1", rs -> all.put(rs.getString(1),
                    new double[] {rs.getDouble(2), rs.getDouble(3), rs.getLong(4)}));
            for (double[] v : all.values()) sum += v[0];
            List<Double> totals = doubles("SELECT sum(value_usd) FROM trade_flow WHERE " + where
                    + " AND cmd = 'TOTAL'");
            double total = totals.isEmpty() || totals.get(0) == null || totals.get(0) == 0 ? sum : totals.get(0);
            Map<String, String> descriptions = descriptions(all.keySet());
            double listed = 0;
            for (Map.Entry<String, double[]> e : all.entrySet()) {
                if (products.size() == limit) break;
                String code = e.getKey();
                double[] v = e.getValue();
                String description = descriptions.getOrDefault(code, chapters.title(code));
                products.add(new Product(code, description, v[0], total > 0 ? 100 * v[0] / total : 0,
                        v[2] > 0 ? v[1] / 1000 : null, chapters.cargo(code).code()));
                listed += v[0];
            }
            return new TradeFigures.TopProducts(reporter, partner, y, f, level, covers, total, total - listed,
                    products, "as reported by " + reporter.label() + (partner == null
                    ? (partnerFilter.equals("partner = 0") ? ", trade with the World" : ", sum over partners")
                    : ", trade with " + partner.label()) + (use > level ? "; " + level + "-digit groups summed from "
                    + use + "-digit records" : "") + "; shares of " + (total == sum ? "the sum over products"
                    : "the reporter's TOTAL record"), List.of());
        }
    }

    /** Partner shares and concentration of a reporter's exports or imports in one year. */
    public TradeFigures.Partners partners(Country reporter, Integer year, String flow) {
        String f = flow(flow);
        Map<Integer, Map<Integer, Map<String, Amount>>> byPartner;
        int y;
        synchronized (store) {
            y = year != null ? year : latestYear("reporter IN (" + reporter.sqlCodes() + ") AND flow = '" + f
                    + "' AND partner <> 0 AND " + BREAKDOWN_TOTALS, reporter, f);
            byPartner = totals(reporter, null, y);
        }
        Double world = null;
        List<PartnerShare> shares = new ArrayList<>();
        double total = 0;
        String covers = "full year";
        Map<Country, Double> values = new HashMap<>();
        for (Map.Entry<Integer, Map<Integer, Map<String, Amount>>> e : byPartner.entrySet()) {
            Amount a = e.getValue().getOrDefault(y, Map.of()).get(f);
            if (a == null) continue;
            if (a.months < 12) covers = a.covers;
            Country c = countries.byCode(e.getKey());
            if (e.getKey() == 0) {
                world = a.usd;
            } else if (!GROUPS.contains(c.iso3())) {
                values.merge(c, a.usd, Double::sum);
                total += a.usd;
            }
        }
        if (values.isEmpty()) throw new NoTradeDataException(year != null ? "year" : "reporter", "no " + flowWord(f) + " by partner for "
                + reporter.label() + " in " + y);
        double hhi = 0;
        for (Map.Entry<Country, Double> e : values.entrySet()) {
            double share = total > 0 ? 100 * e.getValue() / total : 0;
            shares.add(new PartnerShare(e.getKey(), e.getValue(), share));
            hhi += share * share;
        }
        shares.sort(Comparator.comparingDouble(PartnerShare::valueUsd).reversed()
                .thenComparing(s -> s.partner().iso3()));
        int n = shares.size();
        double h = hhi / 10_000;
        double normalised = n <= 1 ? 1 : (h - 1.0 / n) / (1 - 1.0 / n);
        double top3 = shares.stream().limit(3).mapToDouble(PartnerShare::sharePct).sum();
        return new TradeFigures.Partners(reporter, y, f, covers, total, world, shares, hhi, normalised,
                concentration(hhi), shares.get(0).sharePct(), top3,
                "as reported by " + reporter.label() + "; shares of the sum over individual partners (World and "
                        + "the EU group excluded); " + levelNote());
    }

    /** What A and B each report of their trade with each other, per year and direction, and the gap. */
    public TradeFigures.Mirror mirror(Country a, Country b) {
        Map<Integer, Map<String, Amount>> aReports;
        Map<Integer, Map<String, Amount>> bReports;
        synchronized (store) {
            aReports = totals(a, b.sqlCodes(), null).getOrDefault(0, Map.of());
            bReports = totals(b, a.sqlCodes(), null).getOrDefault(0, Map.of());
        }
        TreeMap<Integer, Boolean> years = new TreeMap<>();
        aReports.keySet().forEach(y -> years.put(y, true));
        bReports.keySet().forEach(y -> years.put(y, true));
        List<MirrorRow> rows = new ArrayList<>();
        for (int y : years.keySet()) {
            addIfAny(rows, mirrorRow(y, a, b, get(aReports, y, "X"), get(bReports, y, "M")));
            addIfAny(rows, mirrorRow(y, b, a, get(bReports, y, "X"), get(aReports, y, "M")));
        }
        return new TradeFigures.Mirror(a, b, rows, "exporter's figure FOB, importer's CIF: the importer's is "
                + "normally a few per cent higher (freight and insurance); larger gaps point to misattributed "
                + "transit, timing, or trade one side does not record; " + levelNote());
    }

    private static void addIfAny(List<MirrorRow> rows, MirrorRow row) {
        if (row.exporterUsd() != null || row.importerUsd() != null) rows.add(row);
    }

    private static MirrorRow mirrorRow(int year, Country exporter, Country importer, Amount x, Amount m) {
        Double gap = x != null && m != null ? m.usd - x.usd : null;
        Double pct = gap != null && x.usd > 0 ? 100 * gap / x.usd : null;
        return new MirrorRow(year, exporter, importer, x == null ? null : x.usd, x == null ? null : x.covers,
                m == null ? null : m.usd, m == null ? null : m.covers, gap, pct);
    }

    private static Amount get(Map<Integer, Map<String, Amount>> m, int year, String flow) {
        return m.getOrDefault(year, Map.of()).get(flow);
    }

    /** One flow's value for one year, and the months it covers. */
    record Amount(double usd, int months, String covers) {}

    /**
     * X and M totals of {@code reporter} by partner (or, when {@code partners} are given, all summed as partner
     * 0), year and flow, each counted once (see the class comment).
     */
    private Map<Integer, Map<Integer, Map<String, Amount>>> totals(Country reporter, String partners, Integer year) {
        String where = "reporter IN (" + reporter.sqlCodes() + ") AND flow IN ('X', 'M') AND " + BREAKDOWN_TOTALS
                + (partners == null ? "" : " AND partner IN (" + partners + ")")
                + (year == null ? "" : " AND year = " + year);
        String partnerColumn = partners == null ? "partner" : "0";
        String sql = "WITH f AS (SELECT " + partnerColumn + " AS p, partner AS raw_partner, year, month, freq, flow, "
                + "value_usd, CASE WHEN cmd = 'TOTAL' THEN 0 ELSE length(cmd) END AS lvl FROM trade_flow WHERE "
                + where + "), b AS (SELECT raw_partner, year, month, freq, flow, min(lvl) AS lvl FROM f GROUP BY ALL) "
                + "SELECT p, year, month, freq, flow, sum(value_usd) FROM f JOIN b USING (raw_partner, year, month, "
                + "freq, flow, lvl) GROUP BY ALL ORDER BY 1, 2, 5, 3";
        // partner -> year -> flow -> (annual value | monthly values)
        Map<Integer, Map<Integer, Map<String, double[]>>> annual = new TreeMap<>();
        Map<Integer, Map<Integer, Map<String, TreeMap<Integer, Double>>>> monthly = new TreeMap<>();
        synchronized (store) {
            query(sql, rs -> {
                int p = rs.getInt(1);
                int y = rs.getInt(2);
                int month = rs.getInt(3);
                String fr = rs.getString(4);
                String fl = rs.getString(5);
                double v = rs.getDouble(6);
                if (fr.equals("A")) {
                    annual.computeIfAbsent(p, k -> new TreeMap<>()).computeIfAbsent(y, k -> new TreeMap<>())
                            .computeIfAbsent(fl, k -> new double[1])[0] += v;
                } else {
                    monthly.computeIfAbsent(p, k -> new TreeMap<>()).computeIfAbsent(y, k -> new TreeMap<>())
                            .computeIfAbsent(fl, k -> new TreeMap<>()).merge(month, v, Double::sum);
                }
            });
        }
        Map<Integer, Map<Integer, Map<String, Amount>>> out = new TreeMap<>();
        monthly.forEach((p, years) -> years.forEach((y, flows) -> flows.forEach((fl, months) -> {
            double sum = months.values().stream().mapToDouble(Double::doubleValue).sum();
            out.computeIfAbsent(p, k -> new TreeMap<>()).computeIfAbsent(y, k -> new TreeMap<>())
                    .put(fl, new Amount(sum, months.size(), coversMonths(new ArrayList<>(months.keySet()))));
        })));
        annual.forEach((p, years) -> years.forEach((y, flows) -> flows.forEach((fl, v) ->
                out.computeIfAbsent(p, k -> new TreeMap<>()).computeIfAbsent(y, k -> new TreeMap<>())
                        .put(fl, new Amount(v[0], 12, "full year")))));
        return out;
    }

    /** The words the store uses for the months a sum covers ("full year", "January–November"...); also the Spark job's. */
    public static String coversMonths(List<Integer> months) {
        if (months.isEmpty()) return "no months";
        if (months.size() == 12) return "full year (12 monthly records)";
        boolean contiguous = months.get(months.size() - 1) - months.get(0) == months.size() - 1;
        if (contiguous) {
            return months.size() == 1 ? MONTHS[months.get(0) - 1]
                    : MONTHS[months.get(0) - 1] + "–" + MONTHS[months.get(months.size() - 1) - 1];
        }
        return months.size() + " months (" + String.join(", ", months.stream().map(m -> MONTHS[m - 1]).toList())
                + ")";
    }

    static String concentration(double hhi) {
        if (hhi < 1500) return "unconcentrated (HHI below 1,500)";
        if (hhi <= 2500) return "moderately concentrated (HHI 1,500–2,500)";
        return "highly concentrated (HHI above 2,500)";
    }

    /** SQL list of the partner codes that are groups (World, EU), not partners. */
    String groupCodes() {
        StringBuilder sb = new StringBuilder("0");
        for (String iso3 : GROUPS) countries.byIso3(iso3).ifPresent(c -> sb.append(',').append(c.sqlCodes()));
        return sb.toString();
    }

    private static String levelNote() {
        return "each flow counted once at its coarsest level present (TOTAL, else chapters...), over all customs "
                + "procedures, transport modes and second partners";
    }

    static String flow(String flow) {
        String f = flow == null ? "X" : flow.trim().toUpperCase(java.util.Locale.ROOT);
        return switch (f) {
            case "X", "EXPORT", "EXPORTS" -> "X";
            case "M", "IMPORT", "IMPORTS" -> "M";
            default -> throw new IllegalArgumentException("flow must be X (exports) or M (imports), got '" + flow
                    + "'");
        };
    }

    static String flowWord(String f) { return f.equals("X") ? "exports" : "imports"; }

    private int latestYear(String where, Country reporter, String f) {
        List<Integer> y = ints("SELECT max(year) FROM trade_flow WHERE " + where);
        if (y.isEmpty() || y.get(0) == null || y.get(0) == 0) {
            throw new NoTradeDataException("reporter", "no " + flowWord(f) + " records for " + reporter.label()
                    + " in the store: import a Comtrade file first (caravan trade import FILE)");
        }
        return y.get(0);
    }

    private Map<String, String> descriptions(Set<String> codes) {
        Map<String, String> out = new HashMap<>();
        if (codes.isEmpty()) return out;
        StringBuilder in = new StringBuilder();
        for (String c : codes) {
            if (!ComtradeRowParser.validCommodity(c)) continue; // codes come from the store; keep SQL safe anyway
            if (in.length() > 0) in.append(',');
            in.append('\'').append(c).append('\'');
        }
        if (in.length() == 0) return out;
        query("SELECT code, description FROM commodity WHERE code IN (" + in + ")",
                rs -> out.put(rs.getString(1), rs.getString(2)));
        return out;
    }

    private boolean exists(String where) {
        List<Integer> r = ints("SELECT 1 FROM trade_flow WHERE " + where + " LIMIT 1");
        return !r.isEmpty();
    }

    private List<Integer> ints(String sql) {
        List<Integer> out = new ArrayList<>();
        query(sql, rs -> out.add(rs.getObject(1) == null ? null : rs.getInt(1)));
        return out;
    }

    private List<Double> doubles(String sql) {
        List<Double> out = new ArrayList<>();
        query(sql, rs -> out.add(rs.getObject(1) == null ? null : rs.getDouble(1)));
        return out;
    }

    @FunctionalInterface
    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    void query(String sql, RowHandler handler) {
        synchronized (store) {
            Connection db = store.connection();
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) handler.row(rs);
            } catch (SQLException e) {
                throw new TradeStoreException("trade query failed on " + store.file() + ": " + e.getMessage(), e);
            }
        }
    }
}
