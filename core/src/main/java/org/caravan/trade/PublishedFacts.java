package org.caravan.trade;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The embedded published trade figures ({@code published-facts.csv}, sources in each row; docs/DATA.md). */
public final class PublishedFacts {
    static final String RESOURCE = "/org/caravan/trade/published-facts.csv";

    private final List<PublishedFact> facts;

    private PublishedFacts(List<PublishedFact> facts) { this.facts = facts; }

    public static PublishedFacts embedded() {
        try (InputStream in = PublishedFacts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            List<PublishedFact> out = new ArrayList<>();
            int line = 1;
            try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader())
                    .readValues(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                while (it.hasNextValue()) {
                    Map<String, String> r = it.nextValue();
                    line++;
                    String source = text(r, "source");
                    if (source.isEmpty()) throw new IllegalStateException("line " + line + ": source is empty");
                    out.add(new PublishedFact(text(r, "id"), text(r, "reporter"), text(r, "partner"),
                            text(r, "measure"), text(r, "period"), text(r, "covers"), number(r, "value_usd"),
                            number(r, "quantity"), text(r, "unit"), text(r, "product"), source,
                            text(r, "source_date"), text(r, "url"), text(r, "confidence"), text(r, "note")));
                }
            }
            out.sort(Comparator.comparing(PublishedFact::period).thenComparing(PublishedFact::id));
            return new PublishedFacts(List.copyOf(out));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("embedded " + RESOURCE + " is invalid: " + e.getMessage(), e);
        }
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
