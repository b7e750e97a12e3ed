package org.caravan.trade;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The embedded published trade figures ({@code published-facts.csv}, sources in each row; docs/DATA.md). */
public final class PublishedFacts {
    static final String RESOURCE = "/org/caravan/trade/published-facts.csv";

    private final List<PublishedFact> facts;

    private PublishedFacts(List<PublishedFact> facts) { this.facts = facts; }

    /** The embedded figures (read once: they are immutable). */
    public static PublishedFacts embedded() { return Embedded.TABLE; }

    private static final class Embedded {
        static final PublishedFacts TABLE = EmbeddedCsv.load(RESOURCE, PublishedFacts::build);
    }

    private static PublishedFacts build(List<Map<String, String>> rows) {
        List<PublishedFact> out = new ArrayList<>();
        int line = 1;
        for (Map<String, String> r : rows) {
            line++;
            String source = text(r, "source");
            if (source.isEmpty()) throw new IllegalStateException("line " + line + ": source is empty");
            out.add(new PublishedFact(text(r, "id"), text(r, "reporter"), text(r, "partner"), text(r, "measure"),
                    text(r, "period"), text(r, "covers"), number(r, "value_usd"), number(r, "quantity"),
                    text(r, "unit"), text(r, "product"), source, text(r, "source_date"), text(r, "url"),
                    text(r, "confidence"), text(r, "note")));
        }
        out.sort(Comparator.comparing(PublishedFact::period).thenComparing(PublishedFact::id));
        return new PublishedFacts(List.copyOf(out));
    }

    private static String text(Map<String, String> r, String k) {
        String v = r.get(k);
        return v == null ? "" : v.trim();
    }

    private static Double number(Map<String, String> r, String k) {
        String v = text(r, k);
        return v.isEmpty() ? null : Double.valueOf(v);
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
