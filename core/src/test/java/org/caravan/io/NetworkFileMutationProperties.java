package org.caravan.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.caravan.network.Network;
import org.caravan.network.NetworkBuilder;
import org.caravan.network.NetworkException;
import org.caravan.network.Problem;
import org.caravan.testing.Mutation;
import org.caravan.testing.Refusals;

/**
 * Generative tests of the network CSV loader: valid networks (the mini fixture and a slice of the embedded
 * network, so schema changes reach the generator by themselves) are damaged by {@link Mutation}s and loaded as
 * {@link NetworkLoader} loads CSV files (from memory, and without the slow country-shape rule, which has its own
 * tests). Whatever the damage: no unchecked exception, either the whole network or a refusal whose
 * every problem names file, line and field. Targeted properties check that each kind of damage the format forbids
 * is refused at the very line and column.
 */
class NetworkFileMutationProperties {
    record Seed(String name, String nodes, String links) {
        @Override
        public String toString() { return name; }
    }

    static final Seed MINI = new Seed("mini fixture", resource("/org/caravan/io/mini/nodes.csv"),
            resource("/org/caravan/io/mini/links.csv"));
    static final Seed EMBEDDED = embeddedSlice(15);
    static final List<Seed> SEEDS = List.of(MINI, EMBEDDED);

    // In memory, as NetworkLoader reads files after opening them: thousands of tries must not wait on the disk.
    static final String NODES = "nodes.csv";
    static final String LINKS = "links.csv";

    /** Loads the two tables as {@link NetworkLoader#load} does, without the country-shape rule (tested apart). */
    static Network load(byte[] nodes, byte[] links) throws NetworkException {
        NetworkBuilder b = new NetworkBuilder().countryShapes(org.caravan.geo.CountryShapes.none());
        CsvNetworkReader.read(nodes, NODES, b);
        CsvNetworkReader.read(links, LINKS, b);
        return b.build("mutated");
    }

    @Provide
    Arbitrary<Seed> seeds() { return Arbitraries.of(SEEDS); }

    @Property(tries = 10_000)
    void anyDamageLoadsTheWholeNetworkOrIsRefusedWithFileLineAndField(@ForAll("seeds") Seed seed,
            @ForAll @IntRange(min = 0, max = 2) int which, @ForAll("mutations") List<Mutation> mutations) {
        byte[] nodes = seed.nodes().getBytes(StandardCharsets.UTF_8);
        byte[] links = seed.links().getBytes(StandardCharsets.UTF_8);
        if (which != 1) nodes = Mutation.applyAll(nodes, mutations);
        if (which != 0) links = Mutation.applyAll(links, mutations);
        Network net;
        try {
            net = load(nodes, links);
        } catch (NetworkException e) {
            Refusals.assertLocated(e.problems(), List.of(NODES, LINKS), Refusals.CSV_LINE);
            return;
        }
        // Loaded: then completely, every data row a node or a link.
        assertThat(net.nodeCount() + net.linkCount()).isEqualTo(dataRows(nodes) + dataRows(links));
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() { return Mutation.some(); }

    // --- targeted: each kind of damage is refused where it is ---

    static final List<String> NUMERIC = List.of("lon", "lat", "km", "hours", "wait_hours", "capacity_tpd",
            "hours_mean", "hours_p90", "fee_usd", "hours_mean_rev", "hours_p90_rev", "fee_usd_rev");
    static final List<String> NON_NEGATIVE = List.of("km", "hours", "wait_hours", "capacity_tpd", "hours_mean",
            "hours_p90", "fee_usd", "hours_mean_rev", "hours_p90_rev", "fee_usd_rev");

    @Property(tries = 300)
    void aBadNumberIsRefusedAtItsLineAndColumn(@ForAll("seeds") Seed seed, @ForAll boolean inNodes,
            @ForAll @IntRange(min = 0, max = 10_000) int row, @ForAll @IntRange(min = 0, max = 100) int column,
            @ForAll("badNumbers") String bad, @ForAll boolean negative) {
        Table t = Table.parse(inNodes ? seed.nodes() : seed.links());
        List<String> numeric = t.header.stream().filter(NUMERIC::contains).toList();
        String col = numeric.get(column % numeric.size());
        int r = row % t.rows.size();
        String value = negative && NON_NEGATIVE.contains(col) ? "-0.5" : bad;
        t.rows.get(r).put(col, value);
        assertRefusedAt(inNodes ? t.text() : seed.nodes(), inNodes ? seed.links() : t.text(), inNodes ? NODES : LINKS,
                "line " + (r + 2), col);
    }

    @Provide
    Arbitrary<String> badNumbers() {
        return Arbitraries.of("NaN", "Infinity", "-Infinity", "1e309", "-1e309", "1e308", "-1e308", "0x10", "1f",
                "12abc", "1.2.3", "--1", "1e", "∞");
    }

    @Property(tries = 300)
    void aDamagedHeaderIsReportedOnLine1WithTheColumn(@ForAll("seeds") Seed seed, @ForAll boolean inNodes,
            @ForAll @IntRange(min = 0, max = 100) int column, @ForAll @IntRange(min = 0, max = 3) int how) {
        Table t = Table.parse(inNodes ? seed.nodes() : seed.links());
        List<String> required = new ArrayList<>(inNodes ? Schema.NODE_REQUIRED : Schema.LINK_REQUIRED);
        String col = required.get(column % required.size());
        String text = t.text();
        String header = text.substring(0, text.indexOf('\n'));
        List<String> cols = new ArrayList<>(List.of(header.split(",", -1)));
        int at = cols.indexOf(col);
        switch (how) {
            case 0 -> cols.set(at, col.toUpperCase(Locale.ROOT)); // upper-case
            case 1 -> cols.set(at, col + "s");                     // renamed
            case 2 -> cols.add(cols.get(at));                       // duplicated (an extra column)
            default -> { } // two byte-order marks: the first column is damaged
        }
        String damaged = (how == 3 ? "\uFEFF\uFEFF" : "") + String.join(",", cols) + text.substring(text.indexOf('\n'));
        assertRefusedAt(inNodes ? damaged : seed.nodes(), inNodes ? seed.links() : damaged, inNodes ? NODES : LINKS,
                "line 1", how == 3 ? cols.get(0) : col);
    }

    @Property(tries = 300)
    void idsThatDifferOnlyInCaseAreRefused(@ForAll("seeds") Seed seed, @ForAll boolean inNodes,
            @ForAll @IntRange(min = 0, max = 10_000) int row) {
        Table t = Table.parse(inNodes ? seed.nodes() : seed.links());
        Map<String, String> copy = new LinkedHashMap<>(t.rows.get(row % t.rows.size()));
        String id = copy.get("id");
        String other = id.equals(id.toUpperCase(Locale.ROOT)) ? id.toLowerCase(Locale.ROOT) : id.toUpperCase(Locale.ROOT);
        copy.put("id", other);
        t.rows.add(copy);
        assertRefusedAt(inNodes ? t.text() : seed.nodes(), inNodes ? seed.links() : t.text(), inNodes ? NODES : LINKS,
                "line " + (t.rows.size() + 1), "id");
    }

    @Property(tries = 300)
    void enumValuesInOtherCaseOrSpacingAreRefused(@ForAll("seeds") Seed seed, @ForAll boolean inNodes,
            @ForAll @IntRange(min = 0, max = 10_000) int row, @ForAll @IntRange(min = 0, max = 2) int how) {
        Table t = Table.parse(inNodes ? seed.nodes() : seed.links());
        String col = inNodes ? (row % 2 == 0 ? "kind" : "confidence") : List.of("mode", "status", "confidence").get(row % 3);
        Map<String, String> r = t.rows.get(row % t.rows.size());
        String v = r.get(col);
        String changed = switch (how) {
            case 0 -> v.toUpperCase(Locale.ROOT);
            case 1 -> Character.toUpperCase(v.charAt(0)) + v.substring(1);
            default -> v.replace('_', ' ') + (v.contains("_") ? "" : "-");
        };
        r.put(col, changed);
        assertRefusedAt(inNodes ? t.text() : seed.nodes(), inNodes ? seed.links() : t.text(), inNodes ? NODES : LINKS,
                "line " + (row % t.rows.size() + 2), col);
    }

    @Property(tries = 300)
    void aRowMissingItsTrailingCellIsRefused(@ForAll("seeds") Seed seed, @ForAll boolean inNodes,
            @ForAll @IntRange(min = 0, max = 10_000) int row) {
        Table t = Table.parse(inNodes ? seed.nodes() : seed.links());
        int r = row % t.rows.size();
        t.cut = r;
        String cut = t.text();
        assertRefusedAt(inNodes ? cut : seed.nodes(), inNodes ? seed.links() : cut, inNodes ? NODES : LINKS,
                "line " + (r + 2), t.header.get(t.header.size() - 1));
    }

    @Property(tries = 300)
    void aLinkToAnUnknownNodeIsRefused(@ForAll("seeds") Seed seed, @ForAll @IntRange(min = 0, max = 10_000) int row,
            @ForAll boolean end, @ForAll("unknownIds") String id) {
        Table t = Table.parse(seed.links());
        int r = row % t.rows.size();
        t.rows.get(r).put(end ? "from" : "to", id);
        assertRefusedAt(seed.nodes(), t.text(), LINKS, "line " + (r + 2), end ? "from" : "to");
    }

    @Provide
    Arbitrary<String> unknownIds() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(8).map(s -> "zz_" + s);
    }

    private static void assertRefusedAt(String nodes, String links, String file, String line, String field) {
        try {
            load(nodes.getBytes(StandardCharsets.UTF_8), links.getBytes(StandardCharsets.UTF_8));
        } catch (NetworkException e) {
            Refusals.assertLocated(e.problems(), List.of(NODES, LINKS), Refusals.CSV_LINE);
            for (Problem p : e.problems()) {
                if (p.file().equals(file) && p.location().equals(line) && p.field().equals(field)) return;
            }
            throw new AssertionError("expected a problem at " + file + ", " + line + ", field '" + field + "' in "
                    + e.getMessage());
        }
        throw new AssertionError("expected a refusal naming " + file + ", " + line + ", field '" + field + "'");
    }

    // --- seeds ---

    /** A CSV table as header and rows of named cells (a mutable copy, rewritten by {@link #text}). */
    static final class Table {
        final List<String> header;
        final List<Map<String, String>> rows = new ArrayList<>();
        /** A row written without its last cell, or -1. */
        int cut = -1;

        private Table(List<String> header) { this.header = header; }

        static Table parse(String text) {
            try {
                List<CsvTable.Row> rows = CsvTable.rows(text);
                Table t = new Table(rows.get(0).cells());
                for (CsvTable.Row r : rows.subList(1, rows.size())) {
                    if (r.isBlank()) continue;
                    Map<String, String> m = new LinkedHashMap<>();
                    for (int i = 0; i < t.header.size(); i++) m.put(t.header.get(i), r.cells().get(i));
                    t.rows.add(m);
                }
                return t;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String text() {
            StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
            for (int i = 0; i < rows.size(); i++) {
                Map<String, String> r = rows.get(i);
                List<String> cells = new ArrayList<>();
                for (String h : header) cells.add(quote(r.getOrDefault(h, "")));
                if (i == cut) cells.remove(cells.size() - 1);
                sb.append(String.join(",", cells)).append('\n');
            }
            return sb.toString();
        }

        private static String quote(String v) {
            return v.contains(",") || v.contains("\"") || v.contains("\n")
                    ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
        }
    }

    /** The first {@code links} links of the embedded network and the nodes they join: a valid small network. */
    static Seed embeddedSlice(int links) {
        Table n = Table.parse(resource(NetworkLoader.EMBEDDED_NODES));
        Table l = Table.parse(resource(NetworkLoader.EMBEDDED_LINKS));
        l.rows.subList(links, l.rows.size()).clear();
        Set<String> ends = new LinkedHashSet<>();
        for (Map<String, String> r : l.rows) {
            ends.add(r.get("from"));
            ends.add(r.get("to"));
        }
        n.rows.removeIf(r -> !ends.contains(r.get("id")));
        return new Seed("embedded slice", n.text(), l.text());
    }

    static String resource(String name) {
        try (InputStream in = NetworkFileMutationProperties.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int dataRows(byte[] csv) {
        try {
            List<CsvTable.Row> rows = CsvTable.rows(Utf8.decode(csv));
            return (int) rows.stream().skip(1).filter(r -> !r.isBlank()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
