package org.caravan.place;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.caravan.io.CsvTable;
import org.caravan.network.NetworkException;
import org.caravan.network.Problem;
import org.caravan.routing.InvalidRequestException;

/**
 * A CSV list of places for a matrix: column {@code place} (a name, code or node id, as on the command line) and
 * optional {@code role} ({@code from}, {@code to} or {@code both}, the default). Every row is checked and every
 * problem reported with its line and column; nothing is returned from a file with problems.
 */
public final class PlaceList {
    static final Set<String> COLUMNS = Set.of("place", "role");
    static final Set<String> REQUIRED = Set.of("place");

    /** The resolved node ids, in file order, each place once per role. */
    public record Places(List<String> from, List<String> to) {}

    private PlaceList() {}

    public static Places read(byte[] content, String file, PlaceIndex places) throws NetworkException {
        List<Problem> problems = new ArrayList<>();
        List<CsvTable.Row> rows = CsvTable.rows(content, file, problems);
        if (problems.isEmpty() && rows.isEmpty()) {
            problems.add(new Problem(file, "line 1", "", "empty file: expected the header place,role"));
        }
        if (!problems.isEmpty()) throw new NetworkException(problems);
        List<String> header = rows.get(0).cells().stream().map(String::trim).toList();
        CsvTable.checkHeader(header, COLUMNS, REQUIRED, file, problems);
        if (!problems.isEmpty()) throw new NetworkException(problems);
        List<String> from = new ArrayList<>();
        List<String> to = new ArrayList<>();
        for (CsvTable.Row row : rows.subList(1, rows.size())) {
            if (row.isBlank()) continue;
            String where = "line " + row.line();
            CsvTable.layout(row, header, file).ifPresent(problems::add);
            Map<String, String> cells = new HashMap<>();
            for (int i = 0; i < Math.min(header.size(), row.cells().size()); i++) {
                cells.put(header.get(i), row.cells().get(i).trim());
            }
            String role = cells.getOrDefault("role", "").toLowerCase(Locale.ROOT);
            if (role.isEmpty()) role = "both";
            if (!Set.of("from", "to", "both").contains(role)) {
                problems.add(new Problem(file, where, "role", "expected from, to or both, got '" + cells.get("role")
                        + "'"));
                continue;
            }
            String name = cells.getOrDefault("place", "");
            if (name.isEmpty()) {
                problems.add(new Problem(file, where, "place", "missing"));
                continue;
            }
            String id;
            try {
                id = places.resolve(name, "place").id();
            } catch (InvalidRequestException e) {
                problems.add(new Problem(file, where, "place", e.getMessage()));
                continue;
            }
            if (!role.equals("to") && !from.contains(id)) from.add(id);
            if (!role.equals("from") && !to.contains(id)) to.add(id);
        }
        if (problems.isEmpty() && (from.isEmpty() || to.isEmpty())) {
            problems.add(new Problem(file, "line 2", "role", "no " + (from.isEmpty() ? "origins" : "destinations")
                    + ": give places with role from, to or both"));
        }
        if (!problems.isEmpty()) throw new NetworkException(problems);
        return new Places(List.copyOf(from), List.copyOf(to));
    }
}
