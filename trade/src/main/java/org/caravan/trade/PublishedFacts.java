package org.caravan.trade;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The embedded published trade figures ({@code published-facts.csv}: national statistics, ministries, customs and
 * the press quoting them, each row with its source; docs/TRADE.md, "Published figures").
 */
public final class PublishedFacts {
    static final String RESOURCE = "/org/caravan/trade/published-facts.csv";
    static final Set<String> MEASURES = Set.of("turnover", "exports", "imports");
    private static final Pattern PERIOD = Pattern.compile("\\d{4}|\\d{4}-(0[1-9]|1[0-2])/\\d{4}-(0[1-9]|1[0-2])");
    private static final Pattern HS = Pattern.compile("\\d{2}(\\d{2}(\\d{2})?)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    private final List<PublishedFact> facts;

    private PublishedFacts(List<PublishedFact> facts) { this.facts = facts; }

    /** The embedded figures (read and checked once: they are immutable). */
    public static PublishedFacts embedded() { return Embedded.TABLE; }

    private static final class Embedded {
        static final PublishedFacts TABLE = EmbeddedCsv.load(RESOURCE, rows -> parse(rows, Countries.embedded()));
    }

    /**
     * Builds and checks the table: every row needs an id (unique), reporter and partner known to {@code countries}
     * (ISO3), a known measure, a period, a value or a quantity (in t), a source, and a well-formed HS code (only
     * with a product).
     *
     * @throws IllegalArgumentException naming the line (header = line 1) and the field of the first bad row
     */
    static PublishedFacts parse(List<Map<String, String>> rows, Countries countries) {
        List<PublishedFact> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int line = 1;
        for (Map<String, String> r : rows) {
            line++;
            String at = "line " + line + ": ";
            String id = text(r, "id");
            if (id.isEmpty() || !ids.add(id)) throw new IllegalArgumentException(at + "id: empty or repeated '" + id + "'");
            for (String c : List.of("reporter", "partner")) {
                if (countries.byIso3(text(r, c)).isEmpty()) {
                    throw new IllegalArgumentException(at + c + ": unknown ISO3 code '" + text(r, c) + "'");
                }
            }
            String by = text(r, "reported_by");
            if (!by.equals("unstated") && countries.byIso3(by).isEmpty()) {
                throw new IllegalArgumentException(at + "reported_by: expected an ISO3 code or 'unstated', got '" + by + "'");
            }
            if (!MEASURES.contains(text(r, "measure"))) {
                throw new IllegalArgumentException(at + "measure: expected one of " + MEASURES + ", got '"
                        + text(r, "measure") + "'");
            }
            String period = text(r, "period");
            if (!PERIOD.matcher(period).matches()) {
                throw new IllegalArgumentException(at + "period: expected YYYY or YYYY-MM/YYYY-MM, got '" + period + "'");
            }
            Double value = number(r, "value_usd", at);
            Double quantity = number(r, "quantity", at);
            if (value == null && quantity == null) throw new IllegalArgumentException(at + "value_usd: no value and no quantity");
            if (quantity != null && !text(r, "unit").equals("t")) {
                throw new IllegalArgumentException(at + "unit: a quantity must be in t, got '" + text(r, "unit") + "'");
            }
            String product = text(r, "product");
            String hs = text(r, "hs");
            // a product group ("agricultural products") has no one HS code: such figures are shown, never turned into demand
            if (!hs.isEmpty() && (product.isEmpty() || !HS.matcher(hs).matches())) {
                throw new IllegalArgumentException(at + "hs: expected a 2-, 4- or 6-digit HS code of the named product, got '"
                        + hs + "'");
            }
            String source = text(r, "source");
            if (source.isEmpty()) throw new IllegalArgumentException(at + "source: empty");
            String date = text(r, "source_date");
            if (!date.isEmpty() && !DATE.matcher(date).matches()) {
                throw new IllegalArgumentException(at + "source_date: expected YYYY[-MM[-DD]], got '" + date + "'");
            }
            String url = text(r, "url");
            if (!url.isEmpty() && !url.startsWith("http://") && !url.startsWith("https://")) {
                throw new IllegalArgumentException(at + "url: expected http(s)://..., got '" + url + "'");
            }
            out.add(new PublishedFact(id, text(r, "reporter"), text(r, "partner"), text(r, "measure"), period,
                    text(r, "covers"), value, quantity, text(r, "unit"), product, hs, by, source, date, url,
                    text(r, "confidence"), text(r, "note")));
        }
        out.sort(Comparator.comparing(PublishedFact::period).thenComparing(PublishedFact::id));
        return new PublishedFacts(List.copyOf(out));
    }

    private static String text(Map<String, String> r, String k) {
        String v = r.get(k);
        return v == null ? "" : v.trim();
    }

    private static Double number(Map<String, String> r, String k, String at) {
        String v = text(r, k);
        if (v.isEmpty()) return null;
        try {
            double d = Double.parseDouble(v);
            if (!(d >= 0) || Double.isInfinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(at + k + ": expected a non-negative number, got '" + v + "'");
        }
    }

    public List<PublishedFact> all() { return facts; }

    /** Facts about a pair in either direction (ISO3 codes); with {@code b} null, every fact that involves a. */
    public List<PublishedFact> about(String a, String b) {
        return facts.stream().filter(f -> b == null
                ? f.reporter().equalsIgnoreCase(a) || f.partner().equalsIgnoreCase(a)
                : (f.reporter().equalsIgnoreCase(a) && f.partner().equalsIgnoreCase(b))
                        || (f.reporter().equalsIgnoreCase(b) && f.partner().equalsIgnoreCase(a)))
                .toList();
    }
}
