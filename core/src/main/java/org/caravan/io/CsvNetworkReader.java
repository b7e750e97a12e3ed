package org.caravan.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caravan.network.Network;
import org.caravan.network.NetworkBuilder;
import org.caravan.network.NetworkException;
import org.caravan.network.Problem;

/**
 * Reads {@code nodes.csv} and {@code links.csv} (docs/NETWORK-FORMAT.md) into a {@link NetworkBuilder}.
 *
 * <p>Every problem is added to the builder and reading goes on, so one run reports all of them; problems are
 * located as {@code "line N"}, 1-based, the header being line 1 (a quoted cell spanning lines counts them
 * all). Files are UTF-8, a leading byte-order mark is ignored, and LF or CRLF line ends are both fine.
 * Stateless; the static methods may be called from any thread.
 */
public final class CsvNetworkReader {
    /** Which table a CSV file holds. */
    public enum Table { NODES, LINKS }

    private CsvNetworkReader() {}

    /** Reads a nodes.csv and a links.csv into a network, or throws with every problem of both files. */
    public static Network read(Path nodesCsv, Path linksCsv) throws NetworkException {
        NetworkBuilder b = new NetworkBuilder();
        readNodes(nodesCsv, b);
        readLinks(linksCsv, b);
        return b.build(nodesCsv + " + " + linksCsv);
    }

    public static void readNodes(Path file, NetworkBuilder out) {
        read(file, Optional.of(Table.NODES), out);
    }

    public static void readLinks(Path file, NetworkBuilder out) {
        read(file, Optional.of(Table.LINKS), out);
    }

    /**
     * Reads nodes from a stream (e.g. a classpath resource); {@code displayName} names the file in problems.
     * The stream is read to its end but not closed.
     */
    public static void readNodes(InputStream in, String displayName, NetworkBuilder out) {
        read(in, displayName, Optional.of(Table.NODES), out);
    }

    public static void readLinks(InputStream in, String displayName, NetworkBuilder out) {
        read(in, displayName, Optional.of(Table.LINKS), out);
    }

    /**
     * Reads a CSV file whose table is recognised by its header (see {@link #detect}); a file that is neither
     * a nodes nor a links table is reported as a problem.
     */
    public static void read(Path file, NetworkBuilder out) {
        read(file, Optional.empty(), out);
    }

    /** Reads a CSV file's content whose table is recognised by its header or {@code displayName}. */
    static void read(byte[] content, String displayName, NetworkBuilder out) {
        parse(content, displayName, Optional.empty(), out);
    }

    private static void read(Path file, Optional<Table> table, NetworkBuilder out) {
        String name = file.toString();
        FileInput.readBytes(file, name, out).ifPresent(bytes -> parse(bytes, name, table, out));
    }

    private static void read(InputStream in, String displayName, Optional<Table> table, NetworkBuilder out) {
        try {
            parse(in.readAllBytes(), displayName, table, out);
        } catch (IOException e) {
            out.addProblem(new Problem(displayName, "", "", "cannot read: " + e.getMessage()));
        }
    }

    /**
     * The table a CSV holds, judged by its header: {@code from} and {@code to} columns mean links, {@code lon}
     * or {@code kind} nodes; failing that by a file name containing "link" or "node".
     */
    public static Optional<Table> detect(List<String> header, String fileName) {
        Set<String> cols = new LinkedHashSet<>();
        for (String h : header) cols.add(h.trim().toLowerCase(Locale.ROOT));
        if (cols.contains("from") && cols.contains("to")) return Optional.of(Table.LINKS);
        if (cols.contains("lon") || cols.contains("kind")) return Optional.of(Table.NODES);
        // Plain string work: display names such as "embedded:nodes.csv" need not be valid paths.
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
                .toLowerCase(Locale.ROOT);
        if (base.contains("link")) return Optional.of(Table.LINKS);
        if (base.contains("node")) return Optional.of(Table.NODES);
        return Optional.empty();
    }

    private static void parse(byte[] bytes, String file, Optional<Table> wanted, NetworkBuilder out) {
        List<Problem> early = new ArrayList<>();
        List<CsvTable.Row> rows = CsvTable.rows(bytes, file, early);
        if (!early.isEmpty()) {
            early.forEach(out::addProblem);
            return;
        }
        if (rows.isEmpty()) {
            out.addProblem(new Problem(file, "line 1", "", "empty file: expected a header row"));
            return;
        }
        List<String> header = rows.get(0).cells().stream().map(String::trim).toList();
        Optional<Table> table = wanted.or(() -> detect(header, file));
        if (table.isEmpty()) {
            out.addProblem(new Problem(file, "line 1", "", "neither a nodes table (id, name, country, kind, lon, "
                    + "lat, ...) nor a links table (id, from, to, mode, km, ...): cannot tell from header or name"));
            return;
        }
        boolean nodes = table.get() == Table.NODES;
        Set<String> known = nodes ? Schema.NODE_FIELDS : Schema.LINK_FIELDS;
        Set<String> required = nodes ? Schema.NODE_REQUIRED : Schema.LINK_REQUIRED;

        List<Problem> headerProblems = new ArrayList<>();
        Set<String> absent = CsvTable.checkHeader(header, known, required, file, headerProblems);
        headerProblems.forEach(out::addProblem);

        for (CsvTable.Row row : rows.subList(1, rows.size())) {
            if (row.isBlank()) continue; // blank line
            List<String> cells = row.cells();
            String location = "line " + row.line();
            List<Problem> layout = new ArrayList<>();
            CsvTable.layout(row, header, file).ifPresent(layout::add);
            Map<String, Object> raw = new HashMap<>();
            for (int i = 0; i < Math.min(header.size(), cells.size()); i++) {
                String col = header.get(i);
                String v = cells.get(i).trim();
                // Unknown and repeated columns were reported with the header; the first occurrence counts.
                if (known.contains(col) && !v.isEmpty()) raw.putIfAbsent(col, v);
            }
            if (nodes) RecordParser.node(raw, file, location, layout, absent, out);
            else RecordParser.link(raw, file, location, layout, absent, out);
        }
    }
}
