package org.caravan.demand;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caravan.network.Problem;

/**
 * Reads OD demand files: CSV with the header {@code from,to,cargo,tonnes,source} ({@code cargo} and
 * {@code source} optional). The same file {@code caravan trade od} will write. Every bad row is reported with
 * its line and field; a file with errors yields nothing.
 */
public final class OdFile {
    public static final String EMBEDDED = "/org/caravan/demand/main-od.csv";
    private static final Set<String> COLUMNS = Set.of("from", "to", "cargo", "tonnes", "source");

    private OdFile() {}

    /** The embedded list of main OD pairs (Kazakh, Uzbek and Kyrgyz hubs to South Asian ports and markets). */
    public static List<OdPair> embedded() {
        try (InputStream in = OdFile.class.getResourceAsStream(EMBEDDED)) {
            if (in == null) throw new IllegalStateException("missing resource " + EMBEDDED);
            return read(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), "embedded:main-od.csv");
        } catch (IOException | OdFileException e) {
            throw new IllegalStateException("embedded OD list is invalid: " + e.getMessage(), e);
        }
    }

    /** Writes pairs in the format {@link #read} reads (header {@code from,to,cargo,tonnes,source}). */
    public static void write(List<OdPair> pairs, java.io.Writer out) throws IOException {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.builder().addColumn("from").addColumn("to").addColumn("cargo")
                .addColumn("tonnes").addColumn("source").build().withHeader();
        try (var writer = mapper.writer(schema).writeValues(out)) {
            for (OdPair p : pairs) {
                writer.write(java.util.Arrays.asList(p.from(), p.to(), p.cargo(),
                        java.math.BigDecimal.valueOf(p.tonnes()).setScale(1, java.math.RoundingMode.HALF_UP)
                                .stripTrailingZeros().toPlainString(), p.source()));
            }
        }
    }

    public static List<OdPair> read(Path file) throws OdFileException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (NoSuchFileException e) {
            throw new OdFileException(List.of(new Problem(file.toString(), "", "", "file not found")));
        } catch (IOException e) {
            throw new OdFileException(List.of(new Problem(file.toString(), "", "", "cannot read: " + e.getMessage())));
        }
    }

    static List<OdPair> read(Reader reader, String name) throws IOException, OdFileException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        List<Problem> problems = new ArrayList<>();
        List<OdPair> out = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            boolean headerChecked = false;
            int line = 1; // the header
            while (it.hasNextValue()) {
                Map<String, String> row = it.nextValue();
                line++;
                if (row.values().stream().allMatch(v -> v == null || v.isBlank())) continue;
                if (!headerChecked) {
                    headerChecked = true;
                    for (String column : row.keySet()) {
                        if (!COLUMNS.contains(column)) {
                            problems.add(new Problem(name, "line 1", column, "unknown column, expected " + COLUMNS));
                        }
                    }
                    for (String required : List.of("from", "to", "tonnes")) {
                        if (!row.containsKey(required)) {
                            problems.add(new Problem(name, "line 1", required, "missing column"));
                        }
                    }
                    if (!problems.isEmpty()) break;
                }
                String where = "line " + line;
                String from = row.getOrDefault("from", "");
                String to = row.getOrDefault("to", "");
                if (from.isBlank()) problems.add(new Problem(name, where, "from", "missing"));
                if (to.isBlank()) problems.add(new Problem(name, where, "to", "missing"));
                double tonnes = Double.NaN;
                try {
                    tonnes = Double.parseDouble(row.getOrDefault("tonnes", ""));
                } catch (NumberFormatException e) {
                    problems.add(new Problem(name, where, "tonnes", "expected a number, got '" + row.get("tonnes")
                            + "'"));
                }
                if (!Double.isNaN(tonnes) && (tonnes < 0 || Double.isInfinite(tonnes))) {
                    problems.add(new Problem(name, where, "tonnes", "must be a non-negative number, got " + tonnes));
                }
                if (!from.isBlank() && !to.isBlank() && tonnes >= 0 && !Double.isInfinite(tonnes)) {
                    out.add(new OdPair(from, to, row.get("cargo"), tonnes, row.get("source")));
                }
            }
        } catch (RuntimeException e) {
            problems.add(new Problem(name, "", "", "not a CSV OD file: " + e.getMessage()));
        }
        if (out.isEmpty() && problems.isEmpty()) problems.add(new Problem(name, "", "", "no OD pairs"));
        if (!problems.isEmpty()) throw new OdFileException(problems);
        return List.copyOf(out);
    }
}
