package org.caravan.validation;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caravan.network.Problem;
import org.caravan.place.RouteQuery;

/**
 * Reads observations files: CSV with the header
 * {@code id,corridor,from,to,options,quantity,low,high,source,url,date,note[,bound,scope]} (docs/OBSERVATIONS.md).
 * Required columns: id, from, to, quantity, low, high, source; the others may be left out. {@code bound}
 * ({@code at_least}, {@code at_most}, empty for a range) makes the figure an open bound: its other end is left empty
 * (or repeats the figure). {@code scope} ({@code crossing}; empty or {@code door_to_door} for the whole trip)
 * compares a time with the route's border crossings only. Every problem is reported with
 * the file, line and field, all at once; a file with any problem yields nothing.
 */
public final class ObservationFile {
    public static final List<String> COLUMNS = List.of("id", "corridor", "from", "to", "options", "quantity", "low",
            "high", "source", "url", "date", "note", "bound", "scope");
    static final List<String> REQUIRED = List.of("id", "from", "to", "quantity", "low", "high", "source");
    public static final String SHIPPED = "data/observations/published.csv";

    private ObservationFile() {}

    public static List<Observation> read(Path file) throws ObservationFileException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (NoSuchFileException e) {
            throw new ObservationFileException(List.of(new Problem(file.toString(), "", "", "file not found")));
        } catch (IOException e) {
            throw new ObservationFileException(List.of(new Problem(file.toString(), "", "",
                    "cannot read: " + e.getMessage())));
        }
    }

    public static List<Observation> read(Reader reader, String name) throws ObservationFileException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        List<Problem> problems = new ArrayList<>();
        List<Observation> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            boolean headerChecked = false;
            while (true) {
                // The parser stands just past the previous record: the next one starts on this line.
                int line = it.getParser().getCurrentLocation().getLineNr();
                if (!it.hasNextValue()) break;
                Map<String, String> row = it.nextValue();
                if (!headerChecked) {
                    headerChecked = true;
                    Set<String> header = new LinkedHashSet<>(row.keySet());
                    for (String c : header) {
                        if (!COLUMNS.contains(c)) {
                            problems.add(new Problem(name, "line 1", c, "unknown column, expected " + COLUMNS));
                        }
                    }
                    for (String c : REQUIRED) {
                        if (!header.contains(c)) problems.add(new Problem(name, "line 1", c, "missing column"));
                    }
                    if (!problems.isEmpty()) break;
                }
                if (row.values().stream().allMatch(v -> v == null || v.isBlank())) continue;
                Observation o = row(row, name, Math.max(line, 2), problems, ids);
                if (o != null) out.add(o);
            }
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            int nl = m.indexOf('\n');
            problems.add(new Problem(name, "", "", "not a CSV observations file: "
                    + (nl < 0 ? m : m.substring(0, nl))));
        }
        if (out.isEmpty() && problems.isEmpty()) problems.add(new Problem(name, "", "", "no observations"));
        if (!problems.isEmpty()) throw new ObservationFileException(problems);
        return List.copyOf(out);
    }

    private static Observation row(Map<String, String> row, String name, int line, List<Problem> problems,
            Set<String> ids) {
        String where = "line " + line;
        int before = problems.size();
        String id = text(row, "id");
        String from = text(row, "from");
        String to = text(row, "to");
        String source = text(row, "source");
        for (String c : List.of("id", "from", "to", "source")) {
            if (text(row, c).isEmpty()) problems.add(new Problem(name, where, c, "missing"));
        }
        if (!id.isEmpty() && !ids.add(id)) problems.add(new Problem(name, where, "id", "duplicate id '" + id + "'"));
        Quantity quantity = null;
        String q = text(row, "quantity");
        if (q.isEmpty()) {
            problems.add(new Problem(name, where, "quantity", "missing, expected one of " + Quantity.codes()));
        } else {
            quantity = Quantity.parse(q).orElse(null);
            if (quantity == null) {
                problems.add(new Problem(name, where, "quantity", "unknown quantity '" + q + "', expected one of "
                        + Quantity.codes()));
            }
        }
        Observation.Bound bound = Observation.Bound.RANGE;
        String b = text(row, "bound");
        if (!b.isEmpty()) {
            bound = Observation.Bound.parse(b).orElse(null);
            if (bound == null) {
                problems.add(new Problem(name, where, "bound", "unknown bound '" + b
                        + "', expected at_least or at_most (or empty for a range)"));
            }
        }
        double low = Double.NaN;
        double high = Double.NaN;
        if (bound == null) {
            // Which of low and high must hold the figure depends on the bound: not checked until it is known.
        } else if (bound == Observation.Bound.RANGE) {
            low = positive(row, "low", name, where, problems);
            high = positive(row, "high", name, where, problems);
            if (low > 0 && high > 0 && low > high) {
                problems.add(new Problem(name, where, "high", "high (" + fmt(high) + ") is below low (" + fmt(low)
                        + ")"));
            }
        } else {
            // The bound's figure in its own column; the other end empty or the same figure.
            boolean least = bound == Observation.Bound.AT_LEAST;
            String given = least ? "low" : "high";
            String other = least ? "high" : "low";
            double figure = positive(row, given, name, where, problems);
            String o = text(row, other);
            if (!o.isEmpty()) {
                double d = positive(row, other, name, where, problems);
                if (d > 0 && figure > 0 && d != figure) {
                    problems.add(new Problem(name, where, other, "must be empty or equal " + given + " ("
                            + fmt(figure) + ") for bound " + bound.code() + ", got " + o));
                }
            }
            low = figure;
            high = figure;
        }
        Observation.Scope scope = Observation.Scope.DOOR_TO_DOOR;
        String sc = text(row, "scope");
        if (!sc.isEmpty()) {
            scope = Observation.Scope.parse(sc).orElse(null);
            if (scope == null) {
                problems.add(new Problem(name, where, "scope", "unknown scope '" + sc
                        + "', expected crossing (or empty / door_to_door for the whole trip)"));
            } else if (scope == Observation.Scope.CROSSING && quantity != null && quantity != Quantity.HOURS
                    && quantity != Quantity.DAYS) {
                problems.add(new Problem(name, where, "scope", "scope crossing compares border-crossing time: "
                        + "quantity must be hours or days, got " + quantity.code()));
            }
        }
        String options = text(row, "options");
        RouteQuery query = null;
        try {
            query = RouteOptions.parse(from, to, options);
        } catch (RouteOptions.OptionException e) {
            problems.add(new Problem(name, where, "options", e.getMessage()));
        }
        if (problems.size() > before) return null;
        return new Observation(id, text(row, "corridor"), from, to, options, query, quantity, low, high, source,
                text(row, "url"), text(row, "date"), text(row, "note"), line, bound, scope);
    }

    private static String text(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null ? "" : v.trim();
    }

    private static double positive(Map<String, String> row, String column, String name, String where,
            List<Problem> problems) {
        String v = text(row, column);
        if (v.isEmpty()) {
            problems.add(new Problem(name, where, column, "missing"));
            return Double.NaN;
        }
        try {
            double d = Double.parseDouble(v);
            if (d > 0 && Double.isFinite(d)) return d;
            problems.add(new Problem(name, where, column, "must be a positive number, got " + v));
        } catch (NumberFormatException e) {
            problems.add(new Problem(name, where, column, "expected a number, got '" + v + "'"));
        }
        return Double.NaN;
    }

    static String fmt(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
