package org.caravan.trade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.caravan.demand.OdPair;

/**
 * From trade statistics to routing demand: a reporter's tonnes by partner and product (HS chapter), placed at
 * each country's hub ({@code hubs.csv}) and typed by cargo (HS chapter rule), as OD pairs that scenarios,
 * criticality and assignment read ({@code caravan trade od}).
 */
public final class TradeDemand {
    static final String HUBS = "/org/caravan/trade/hubs.csv";

    /** Where a country's trade starts or ends when only the country is known. */
    /** @param cargo the cargo this hub is for ("bulk"), or "" for the country's general hub */
    public record Hub(String iso3, String cargo, String place, String note) {}

    /** Tonnes of a partner that could not be placed (no hub in the network) or had no weight. */
    public record Unplaced(Country partner, double tonnes, double valueUsd, String reason) {}

    /**
     * @param pairs          the OD pairs, largest first
     * @param unplaced       partners outside the network (no hub), with their tonnes
     * @param valueWithoutWeightUsd trade value of records that give no net weight (not in any pair)
     */
    /**
     * @param fromPublished true when the tonnes are published figures ({@link PublishedDemand}), not store records
     * @param factIds       the published figures used (empty for store records)
     */
    public record Result(Country reporter, int year, String flow, List<OdPair> pairs, List<Unplaced> unplaced,
                         double tonnes, double valueWithoutWeightUsd, String basis, boolean fromPublished,
                         List<String> factIds) {}

    private final TradeAnalytics analytics;
    private final Map<String, Hub> hubs = hubs();

    /** The hub of a country for a cargo: its cargo-specific one (Astana for Kazakh bulk), else its general one. */
    static Hub hub(String iso3, String cargo) {
        Map<String, Hub> hubs = hubs();
        Hub specific = hubs.get(iso3 + "/" + cargo);
        return specific != null ? specific : hubs.get(iso3);
    }

    public TradeDemand(TradeAnalytics analytics) { this.analytics = analytics; }

    /** Hubs by ISO3 (general) and by ISO3/cargo (cargo-specific rows); read once: immutable. */
    public static Map<String, Hub> hubs() { return EmbeddedHubs.TABLE; }

    private static final class EmbeddedHubs {
        static final Map<String, Hub> TABLE = EmbeddedCsv.load(HUBS, rows -> {
            Map<String, Hub> out = new LinkedHashMap<>();
            for (Map<String, String> r : rows) {
                String iso3 = r.get("iso3");
                String cargo = r.getOrDefault("cargo", "");
                out.put(cargo.isEmpty() ? iso3 : iso3 + "/" + cargo,
                        new Hub(iso3, cargo, r.get("place"), r.getOrDefault("note", "")));
            }
            return Map.copyOf(out);
        });
    }

    /**
     * The reporter's exports (X: from its hub to each partner's) or imports (M: the other way) in tonnes.
     *
     * @param year      null for the latest year with product records
     * @throws NoTradeDataException (field {@code reporter}) without product records of the flow at all, (field
     *                              {@code year}) without any in the given year
     * @param minTonnes pairs below this are left out (and counted in no total)
     */
    public Result od(Country reporter, Integer year, String flow, double minTonnes) {
        String f = TradeAnalytics.flow(flow);
        if (hub(reporter.iso3(), "") == null) {
            throw new IllegalArgumentException(reporter.label() + " has no hub in the network (hubs exist for "
                    + new TreeSet<>(hubs.values().stream().map(Hub::iso3).toList()) + ")");
        }
        String base = "reporter IN (" + reporter.sqlCodes() + ") AND flow = '" + f + "' AND partner NOT IN ("
                + analytics.groupCodes() + ") AND "
                + TradeAnalytics.BREAKDOWN_TOTALS + " AND cmd <> 'TOTAL'";
        List<Integer> years = new ArrayList<>();
        analytics.query("SELECT max(year) FROM trade_flow WHERE " + base,
                rs -> years.add(rs.getObject(1) == null ? null : rs.getInt(1)));
        Integer latest = years.isEmpty() ? null : years.get(0);
        if (latest == null) throw new NoTradeDataException("reporter", "no product records of "
                + TradeAnalytics.flowWord(f) + " for " + reporter.label() + " in the store: import a Comtrade file "
                + "with commodity codes first");
        int y = year != null ? year : latest;
        // Per partner the coarsest product level present, so a chapter and its headings are not both counted. A
        // weight of 0 on a traded value is Comtrade's "not reported": such value is counted as without weight.
        String sql = "WITH f AS (SELECT partner, cmd, net_wgt_kg, value_usd, length(cmd) AS lvl FROM trade_flow "
                + "WHERE " + base + " AND year = " + y + " AND freq = (SELECT CASE WHEN count(*) FILTER "
                + "(WHERE freq = 'A') > 0 THEN 'A' ELSE 'M' END FROM trade_flow WHERE " + base + " AND year = " + y
                + ")), b AS (SELECT partner, min(lvl) AS lvl FROM f GROUP BY partner) "
                + "SELECT partner, substr(cmd, 1, 2) AS chapter, sum(net_wgt_kg), sum(value_usd) FILTER "
                + "(WHERE net_wgt_kg IS NULL OR net_wgt_kg = 0) FROM f JOIN b USING (partner, lvl) GROUP BY ALL "
                + "ORDER BY 1, 2";
        Map<Integer, Map<String, double[]>> byPartner = new TreeMap<>();
        // a sum over no values is NULL, which the driver reads as NaN: none is 0 here (no weight, no value)
        analytics.query(sql, rs -> byPartner.computeIfAbsent(rs.getInt(1), k -> new TreeMap<>())
                .put(rs.getString(2), new double[] {rs.getObject(3) == null ? 0 : rs.getDouble(3),
                    rs.getObject(4) == null ? 0 : rs.getDouble(4)}));
        if (byPartner.isEmpty()) throw new NoTradeDataException("year", "no product records of "
                + TradeAnalytics.flowWord(f) + " for " + reporter.label() + " in " + y + " (the latest year with them "
                + "is " + latest + ")");
        return pairs(reporter, y, f, byPartner, minTonnes, analytics.countries());
    }

    /**
     * The OD pairs from a reporter's weights by partner and HS chapter, as {@link #od} builds them from the store
     * (also the Spark trade job's last step, from its own aggregation of the same records).
     *
     * @param byPartner partner code -> HS chapter -> {net weight kg, value USD of records without a weight}, each at
     *                  the partner's coarsest product level present, in the year's annual (else monthly) records
     */
    public static Result pairs(Country reporter, int y, String flow, Map<Integer, Map<String, double[]>> byPartner,
                               double minTonnes, Countries countries) {
        String f = TradeAnalytics.flow(flow);
        HsChapters chapters = HsChapters.embedded();
        List<OdPair> pairs = new ArrayList<>();
        List<Unplaced> unplaced = new ArrayList<>();
        double tonnes = 0;
        double withoutWeight = 0;
        for (Map.Entry<Integer, Map<String, double[]>> e : byPartner.entrySet()) {
            Country partner = countries.byCode(e.getKey());
            Map<String, double[]> byCargo = new TreeMap<>();
            Map<String, List<String>> chaptersByCargo = new TreeMap<>();
            for (Map.Entry<String, double[]> c : e.getValue().entrySet()) {
                String cargo = chapters.cargo(c.getKey()).code();
                double[] sum = byCargo.computeIfAbsent(cargo, k -> new double[2]);
                sum[0] += c.getValue()[0] / 1000;
                sum[1] += c.getValue()[1];
                if (c.getValue()[0] > 0) chaptersByCargo.computeIfAbsent(cargo, k -> new ArrayList<>()).add(c.getKey());
            }
            for (Map.Entry<String, double[]> c : byCargo.entrySet()) {
                Hub home = hub(reporter.iso3(), c.getKey());
                Hub away = hub(partner.iso3(), c.getKey());
                double t = c.getValue()[0];
                withoutWeight += c.getValue()[1];
                if (t <= 0 || t < minTonnes) continue;
                if (away == null || away.place().equals(home.place())) {
                    unplaced.add(new Unplaced(partner, t, 0, away == null ? "no hub in the network"
                            : "same hub as the reporter"));
                    continue;
                }
                String source = "UN Comtrade, " + reporter.iso3() + "-reported " + TradeAnalytics.flowWord(f)
                        + (f.equals("X") ? " to " : " from ") + partner.iso3() + " " + y + ", HS chapters "
                        + String.join(" ", chaptersByCargo.getOrDefault(c.getKey(), List.of()))
                        + "; hubs " + home.place() + " / " + away.place();
                pairs.add(f.equals("X") ? new OdPair(home.place(), away.place(), c.getKey(), round(t), source)
                        : new OdPair(away.place(), home.place(), c.getKey(), round(t), source));
                tonnes += t;
            }
        }
        pairs.sort((a, b) -> Double.compare(b.tonnes(), a.tonnes()));
        unplaced.sort((a, b) -> Double.compare(b.tonnes(), a.tonnes()));
        return new Result(reporter, y, f, List.copyOf(pairs), List.copyOf(unplaced), tonnes, withoutWeight,
                "net weight of " + reporter.label() + "'s " + TradeAnalytics.flowWord(f) + " in " + y
                        + " by partner and HS chapter (coarsest product level present per partner), typed bulk or "
                        + "container by chapter, placed at each country's hub for that cargo (hubs.csv)", false, List.of());
    }

    static double round(double t) { return Math.round(t * 10) / 10.0; }
}
