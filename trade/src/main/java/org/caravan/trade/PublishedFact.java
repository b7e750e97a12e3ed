package org.caravan.trade;

/**
 * A published trade figure shipped with Caravan ({@code published-facts.csv}), kept with its source and what it
 * covers. Sources that disagree are separate facts: Caravan never picks one.
 *
 * @param reporter   the country the figure is about as seen from it: its exports go to {@code partner}
 * @param measure    turnover, exports or imports (of the reporter, with the partner)
 * @param period     {@code 2022} (a year) or {@code 2023-01/2023-11} (months, also across years)
 * @param covers     the period in words: "full year", "January–November", "marketing year 2021/22 (July–June)"...
 * @param valueUsd   US dollars, or null when the figure is a quantity only
 * @param quantity   with {@code unit} (t), or null when the figure is a value only
 * @param product    empty for all goods; else the product as the source names it ("wheat flour")
 * @param hs         the HS heading or chapter Caravan assigns to the product (empty for all goods)
 * @param reportedBy whose statistics the figure comes from (ISO3), or {@code unstated} when the source does not say
 * @param source     the publication (and whom it quotes); {@code sourceDate} and {@code url} where known
 */
public record PublishedFact(String id, String reporter, String partner, String measure, String period,
                            String covers, Double valueUsd, Double quantity, String unit, String product, String hs,
                            String reportedBy, String source, String sourceDate, String url, String confidence,
                            String note) {

    /** The first year the fact is about. */
    public int year() { return Integer.parseInt(period.substring(0, 4)); }

    /** True when the fact covers a whole calendar year. */
    public boolean fullYear() { return period.length() == 4; }

    /** The number of months the period covers: 12 for a year, else first to last month inclusive. */
    public int months() {
        if (fullYear()) return 12;
        int y0 = Integer.parseInt(period.substring(0, 4)), m0 = Integer.parseInt(period.substring(5, 7));
        int y1 = Integer.parseInt(period.substring(8, 12)), m1 = Integer.parseInt(period.substring(13, 15));
        return (y1 - y0) * 12 + m1 - m0 + 1;
    }

    /**
     * True when the fact covers a complete 12-month period: a calendar year, or twelve consecutive months such as a
     * marketing year (July–June) or a fiscal year (April–March).
     */
    public boolean twelveMonths() { return months() == 12; }

    /** True for a figure about all goods (not one product). */
    public boolean allGoods() { return product.isEmpty(); }
}
