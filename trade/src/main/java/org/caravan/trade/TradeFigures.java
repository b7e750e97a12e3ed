package org.caravan.trade;

import java.util.List;

/** The value types the trade analytics return (records, so the CLI and the API serialise them as they are). */
public final class TradeFigures {
    private TradeFigures() {}

    /**
     * One year of a bilateral series as the reporter reports it. Values are USD; null where the reporter gives no
     * record for that flow (Comtrade omits zero flows, so null usually means none or not reported).
     *
     * @param months            how many months the figures cover (12 for annual data)
     * @param covers            "full year", or which months monthly data cover ("January–November")
     * @param turnoverGrowthPct turnover growth against the year before, when both are full years
     */
    public record SeriesPoint(int year, int months, String covers, Double exportsUsd, Double importsUsd,
                              double turnoverUsd, double balanceUsd, Double turnoverGrowthPct) {}

    /**
     * @param points     the store's records, as the reporter reports them (empty on a fresh store)
     * @param published  the shipped published figures about the pair, either side, every period
     * @param comparison each full-year all-goods published value next to the store's figure for the same side, year
     *                   and measure (only where the store has that full year)
     */
    public record Series(Country reporter, Country partner, List<SeriesPoint> points, List<PublishedFact> published,
                         List<Comparison> comparison, String basis) {}

    /**
     * A published figure and what the store records for it (the same reporter, partner, year and measure).
     *
     * @param gapUsd recorded minus published
     * @param gapPct the gap as a % of the published figure
     */
    public record Comparison(String factId, int year, String measure, String reporter, String partner,
                             double publishedUsd, double recordedUsd, double gapUsd, Double gapPct, String source) {}

    /**
     * One product line of a top list.
     *
     * @param sharePct share of the reporter's total for the same flow, partner and year
     * @param tonnes   net weight in tonnes, or null when the records carry none
     * @param cargo    how Caravan routes the product (by HS chapter)
     */
    public record Product(String code, String description, double valueUsd, double sharePct, Double tonnes,
                          String cargo) {}

    /**
     * @param partner  null when the list is against the world
     * @param level    2 (chapters), 4 (headings) or 6 (subheadings)
     * @param totalUsd what the shares are of: the reporter's TOTAL record, or the sum over products
     * @param othersUsd the total less the listed products
     * @param published the shipped published figures about single products of the same reporter, flow, year (and
     *                  partner): shown beside the store's records, never merged into them
     */
    public record TopProducts(Country reporter, Country partner, int year, String flow, int level, String covers,
                              double totalUsd, double othersUsd, List<Product> products, String basis,
                              List<PublishedFact> published) {
        TopProducts withPublished(List<PublishedFact> facts) {
            return new TopProducts(reporter, partner, year, flow, level, covers, totalUsd, othersUsd, products, basis,
                    List.copyOf(facts));
        }
    }

    public record PartnerShare(Country partner, double valueUsd, double sharePct) {}

    /**
     * Partner shares and concentration for one reporter, year and flow.
     *
     * @param hhi            Herfindahl–Hirschman index: sum of squared percentage shares, 0 to 10,000
     * @param hhiNormalised  (H − 1/N) / (1 − 1/N) with H on 0..1, so 0 = evenly spread, 1 = one partner
     * @param concentration  the HHI read with the thresholds of the 2010 US Horizontal Merger Guidelines
     * @param worldUsd       what the reporter gives as its total with the World (partner 0), or null
     */
    public record Partners(Country reporter, int year, String flow, String covers, double totalUsd, Double worldUsd,
                           List<PartnerShare> partners, double hhi, double hhiNormalised, String concentration,
                           double topSharePct, double top3SharePct, String basis) {}

    /**
     * One direction of trade in one year as both sides report it.
     *
     * @param exporterUsd the exporter's figure (FOB), or null when it reports none
     * @param importerUsd the importer's figure (CIF), or null
     * @param gapUsd      importer minus exporter
     * @param gapPct      the gap as a percentage of the exporter's figure
     */
    public record MirrorRow(int year, Country exporter, Country importer, Double exporterUsd, String exporterCovers,
                            Double importerUsd, String importerCovers, Double gapUsd, Double gapPct) {}

    public record Mirror(Country a, Country b, List<MirrorRow> rows, String basis) {}
}
