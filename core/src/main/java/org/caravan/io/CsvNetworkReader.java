package org.caravan.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
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

    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

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

    private record Row(int line, List<String> cells) {}

    private static void parse(byte[] bytes, String file, Optional<Table> wanted, NetworkBuilder out) {
        String text;
        try {
            text = Utf8.decode(bytes);
        } catch (Utf8.MalformedException e) {
            out.addProblem(new Problem(file, e.location(), "", e.getMessage()));
            return;
        }
        List<Row> rows;
        try {
            rows = rows(text, Integer.MAX_VALUE);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                    : "line " + e.getLocation().getLineNr();
            out.addProblem(new Problem(file, where, "", "malformed CSV: " + e.getOriginalMessage()));
            return;
        } catch (IOException e) {
            out.addProblem(new Problem(file, "", "", "cannot read: " + e.getMessage()));
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

        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String col = header.get(i);
            if (col.isEmpty()) {
                out.addProblem(new Problem(file, "line 1", "column " + (i + 1), "empty column name in header"));
            } else if (col.charAt(0) == '\uFEFF') {
                String clean = col.replace("\uFEFF", "").trim();
                out.addProblem(new Problem(file, "line 1", clean, "column '" + clean + "' starts with a byte-order "
                        + "mark (U+FEFF): the file has more than one; save it as UTF-8 with at most one"));
            } else if (!known.contains(col)) {
                out.addProblem(new Problem(file, "line 1", col, "unknown column '" + col + "'"
                        + (col.equals(col.toLowerCase(Locale.ROOT)) ? "" : " (column names are lower case: '" + col.toLowerCase(Locale.ROOT) + "')")));
            } else if (!seen.add(col)) {
                out.addProblem(new Problem(file, "line 1", col, "column '" + col + "' appears twice"));
            }
        }
        Set<String> absent = new LinkedHashSet<>();
        for (String col : required) {
            if (!seen.contains(col)) {
                absent.add(col);
                out.addProblem(new Problem(file, "line 1", col, "missing required column '" + col + "'"));
            }
        }

        for (Row row : rows.subList(1, rows.size())) {
            List<String> cells = row.cells();
            if (cells.stream().allMatch(String::isBlank)) continue; // blank line
            String location = "line " + row.line();
            List<Problem> layout = new ArrayList<>();
            for (int i = header.size(); i < cells.size(); i++) {
                if (!cells.get(i).isBlank()) {
                    layout.add(new Problem(file, location, "", "row has " + cells.size()
                            + " cells but the header has " + header.size() + " columns"));
                    break;
                }
            }
            if (cells.size() < header.size()) {
                // A cut row would silently read as empty optional values: refuse it, naming the first lost column.
                String first = header.get(cells.size());
                layout.add(new Problem(file, location, first.isEmpty() ? "column " + (cells.size() + 1) : first,
                        "row has " + cells.size() + " cells but the header has " + header.size()
                                + " columns: no cell for '" + first + "'"));
            }
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

    /** Rows with the line each starts on, read by Jackson's CSV tokenizer (which handles quoting). */
    private static List<Row> rows(String text, int limit) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (JsonParser p = MAPPER.createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY) return rows; // WRAP_AS_ARRAY: outer array of rows
            JsonToken t;
            while (rows.size() < limit && (t = p.nextToken()) == JsonToken.START_ARRAY) {
                int line = -1;
                List<String> cells = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    // The first cell's token location is the row's line; START_ARRAY reports the previous one.
                    if (line < 0) line = p.currentTokenLocation().getLineNr();
                    cells.add(p.getText());
                }
                rows.add(new Row(line, cells));
            }
        }
        return rows;
    }
}
