package org.caravan.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.caravan.network.Problem;

/**
 * A small CSV file read whole (network tables, OD files): strict UTF-8, rows with the line each starts on, and the
 * header checks every Caravan CSV shares. Problems are located as {@code line N}, the header being line 1.
 */
public final class CsvTable {
    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    /** One row: the line it starts on and its cells as written (not trimmed). */
    public record Row(int line, List<String> cells) {
        public boolean isBlank() { return cells.stream().allMatch(String::isBlank); }
    }

    private CsvTable() {}

    /**
     * The rows of a file, header included, or the one problem that stops reading it (not UTF-8, a CSV syntax
     * error such as an unclosed quote), added to {@code problems}; then the list is empty.
     */
    public static List<Row> rows(byte[] bytes, String file, List<Problem> problems) {
        String text;
        try {
            text = Utf8.decode(bytes);
        } catch (Utf8.MalformedException e) {
            problems.add(new Problem(file, e.location(), "", e.getMessage()));
            return List.of();
        }
        try {
            return rows(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "line 1"
                    : "line " + e.getLocation().getLineNr();
            problems.add(new Problem(file, where, "", "malformed CSV: " + e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(new Problem(file, "line 1", "", "cannot read: " + e.getMessage()));
        }
        return List.of();
    }

    /** Rows with the line each starts on, read by Jackson's CSV tokenizer (which handles quoting). */
    static List<Row> rows(String text) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (JsonParser p = MAPPER.createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY) return rows; // WRAP_AS_ARRAY: outer array of rows
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
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

    /**
     * Checks a header (cells trimmed) against the known and required columns, adding one line-1 problem per
     * empty, doubled-BOM, unknown, repeated or missing column.
     *
     * @return the required columns that are missing
     */
    public static Set<String> checkHeader(List<String> header, Set<String> known, Set<String> required, String file,
                                          List<Problem> problems) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String col = header.get(i);
            if (col.isEmpty()) {
                problems.add(new Problem(file, "line 1", "column " + (i + 1), "empty column name in header"));
            } else if (col.charAt(0) == '\uFEFF') {
                String clean = col.replace("\uFEFF", "").trim();
                problems.add(new Problem(file, "line 1", clean.isEmpty() ? "column " + (i + 1) : clean,
                        "column '" + clean + "' starts with a byte-order "
                        + "mark (U+FEFF): the file has more than one; save it as UTF-8 with at most one"));
            } else if (!known.contains(col)) {
                String lower = col.toLowerCase(Locale.ROOT);
                problems.add(new Problem(file, "line 1", col, "unknown column '" + col + "'"
                        + (known.contains(lower) && !lower.equals(col) ? " (column names are lower case: '" + lower
                        + "')" : "")));
            } else if (seen.putIfAbsent(col, i) != null) {
                problems.add(new Problem(file, "line 1", col, "column '" + col + "' appears twice (columns "
                        + (seen.get(col) + 1) + " and " + (i + 1) + ")"));
            }
        }
        Set<String> absent = new java.util.LinkedHashSet<>();
        for (String col : required) {
            if (!seen.containsKey(col)) {
                absent.add(col);
                problems.add(new Problem(file, "line 1", col, "missing required column '" + col + "'"));
            }
        }
        return absent;
    }

    /**
     * A problem when a data row does not have one cell per column: cells beyond the header must be empty, and a
     * row cut short would silently read as empty optional values, so it is refused naming the first lost column.
     */
    public static java.util.Optional<Problem> layout(Row row, List<String> header, String file) {
        List<String> cells = row.cells();
        String location = "line " + row.line();
        for (int i = header.size(); i < cells.size(); i++) {
            if (!cells.get(i).isBlank()) {
                return java.util.Optional.of(new Problem(file, location, "", "row has " + cells.size()
                        + " cells but the header has " + header.size() + " columns"));
            }
        }
        if (cells.size() < header.size()) {
            String first = header.get(cells.size());
            return java.util.Optional.of(new Problem(file, location,
                    first.isEmpty() ? "column " + (cells.size() + 1) : first.replace("\uFEFF", ""),
                    "row has " + cells.size() + " cells but the header has " + header.size()
                            + " columns: no cell for '" + first + "'"));
        }
        return java.util.Optional.empty();
    }
}
