package org.caravan.demand;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.caravan.io.CsvTable;
import org.caravan.network.Limits;
import org.caravan.network.Problem;
import org.caravan.place.PlaceIndex;
import org.caravan.routing.InvalidRequestException;

/**
 * Reads OD demand files: CSV with the header {@code from,to,cargo,tonnes,source} ({@code cargo} and
 * {@code source} optional; docs/SCENARIOS.md). The same file {@code caravan trade od} writes. Strict UTF-8, one
 * cell per column, tonnes a plain number in {@link Limits#TONNES_PER_YEAR}. Every problem is reported with its line
 * and field; a file with any problem yields nothing.
 */
public final class OdFile {
    public static final String EMBEDDED = "/org/caravan/demand/main-od.csv";
    private static final Set<String> COLUMNS = ordered("from", "to", "cargo", "tonnes", "source");
    private static final Set<String> REQUIRED = ordered("from", "to", "tonnes");
    // Stricter than Double.parseDouble, which also takes "NaN", "Infinity", "1f" and "0x1p3".
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private static Set<String> ordered(String... names) {
        return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(List.of(names)));
    }

    private OdFile() {}

    /** The embedded list of main OD pairs (Kazakh, Uzbek and Kyrgyz hubs to South Asian ports and markets). */
    public static List<OdPair> embedded() {
        try (InputStream in = OdFile.class.getResourceAsStream(EMBEDDED)) {
            if (in == null) throw new IllegalStateException("missing resource " + EMBEDDED);
            return read(in.readAllBytes(), "embedded:main-od.csv");
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
        return parse(bytes(file), file.toString()).pairs();
    }

    private static byte[] bytes(Path file) throws OdFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new OdFileException(List.of(new Problem(file.toString(), "", "", "file not found")));
        } catch (IOException e) {
            String why = Files.isDirectory(file) ? "is a directory, not a file" : "cannot read: " + e.getMessage();
            throw new OdFileException(List.of(new Problem(file.toString(), "", "", why)));
        }
        return bytes;
    }

    /**
     * Reads and also checks what the pairs refer to, so that an unknown place or cargo is reported with its line
     * instead of failing later in a comparison.
     *
     * @param places        the places of the network the pairs will be routed on
     * @param cargoProfiles the cost model's cargo profile names, or null when every pair's cargo is replaced anyway
     */
    public static List<OdPair> read(Path file, PlaceIndex places, Set<String> cargoProfiles) throws OdFileException {
        Parsed parsed = parse(bytes(file), file.toString());
        List<OdPair> pairs = parsed.pairs();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            OdPair p = pairs.get(i);
            String where = "line " + parsed.lines().get(i);
            check(() -> places.resolve(p.from(), "from"), file, where, "from", problems);
            check(() -> places.resolve(p.to(), "to"), file, where, "to", problems);
            if (cargoProfiles != null && !cargoProfiles.contains(p.cargo())) {
                problems.add(new Problem(file.toString(), where, "cargo", "unknown cargo profile '" + p.cargo()
                        + "', expected one of " + String.join(", ", new java.util.TreeSet<>(cargoProfiles))));
            }
        }
        if (!problems.isEmpty()) throw new OdFileException(problems);
        return pairs;
    }

    private static void check(Runnable resolve, Path file, String where, String field, List<Problem> problems) {
        try {
            resolve.run();
        } catch (InvalidRequestException e) {
            problems.add(new Problem(file.toString(), where, field, e.getMessage()));
        }
    }

    /** Parses an OD file's content; {@code name} is the file name problems carry. */
    public static List<OdPair> read(byte[] content, String name) throws OdFileException {
        return parse(content, name).pairs();
    }

    /** The pairs and the line each was read from. */
    private record Parsed(List<OdPair> pairs, List<Integer> lines) {}

    private static Parsed parse(byte[] content, String name) throws OdFileException {
        List<Problem> problems = new ArrayList<>();
        List<CsvTable.Row> rows = CsvTable.rows(content, name, problems);
        if (problems.isEmpty() && rows.isEmpty()) {
            problems.add(new Problem(name, "line 1", "", "empty file: expected the header " + String.join(",", COLUMNS)));
        }
        if (!problems.isEmpty()) throw new OdFileException(problems);
        List<String> header = rows.get(0).cells().stream().map(String::trim).toList();
        Set<String> absent = CsvTable.checkHeader(header, COLUMNS, REQUIRED, name, problems);
        if (!problems.isEmpty()) throw new OdFileException(problems); // the rows cannot be read without it
        List<OdPair> out = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (CsvTable.Row row : rows.subList(1, rows.size())) {
            if (row.isBlank()) continue;
            String where = "line " + row.line();
            int before = problems.size();
            CsvTable.layout(row, header, name).ifPresent(problems::add);
            Map<String, String> cells = new java.util.HashMap<>();
            for (int i = 0; i < Math.min(header.size(), row.cells().size()); i++) {
                cells.put(header.get(i), row.cells().get(i).trim());
            }
            String from = cells.getOrDefault("from", "");
            String to = cells.getOrDefault("to", "");
            String tonnesText = cells.getOrDefault("tonnes", "");
            if (from.isEmpty()) problems.add(new Problem(name, where, "from", "missing"));
            if (to.isEmpty()) problems.add(new Problem(name, where, "to", "missing"));
            double tonnes = Double.NaN;
            if (tonnesText.isEmpty()) {
                problems.add(new Problem(name, where, "tonnes", "missing"));
            } else if (!NUMBER.matcher(tonnesText).matches()) {
                problems.add(new Problem(name, where, "tonnes", "expected a number such as 1200 or 1.5e6, got '"
                        + tonnesText + "'"));
            } else {
                tonnes = Double.parseDouble(tonnesText);
                double t = tonnes;
                Limits.TONNES_PER_YEAR.problem(t)
                        .ifPresent(m -> problems.add(new Problem(name, where, "tonnes", m)));
            }
            if (problems.size() == before) {
                String cargo = cells.get("cargo");
                String source = cells.get("source");
                out.add(new OdPair(from, to, cargo == null || cargo.isEmpty() ? null : cargo, tonnes, source));
                at.add(row.line());
            }
        }
        if (out.isEmpty() && problems.isEmpty()) problems.add(new Problem(name, "line 2", "", "no OD pairs"));
        if (!problems.isEmpty()) throw new OdFileException(problems);
        return new Parsed(List.copyOf(out), List.copyOf(at));
    }
}
