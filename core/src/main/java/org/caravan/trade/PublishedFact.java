package org.caravan.trade;

/**
 * A published headline trade figure shipped with Caravan ({@code published-facts.csv}), kept with its source
 * and what it covers. Sources that disagree are separate facts: Caravan never picks one.
 *
 * @param measure  turnover, exports, imports or export_quantity
 * @param period   {@code 2022} (a year) or {@code 2023-01/2023-11} (months)
 * @param covers   the period in words: "full year", "January–November"...
 * @param valueUsd US dollars, or null for a quantity fact
 * @param quantity with {@code unit} (e.g. t), or null for a value fact
 */
public record PublishedFact(String id, String reporter, String partner, String measure, String period,
                            String covers, Double valueUsd, Double quantity, String unit, String product,
                            String source, String sourceDate, String url, String confidence, String note) {

    /** The first year the fact is about. */
    public int year() { return Integer.parseInt(period.substring(0, 4)); }

    /** True when the fact covers a whole calendar year. */
    public boolean fullYear() { return period.length() == 4; }
}
