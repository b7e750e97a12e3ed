package org.caravan.assignment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caravan.network.Problem;

/**
 * Capacities of capacity-limited elements (border crossings per direction, transloading and gauge-change yards,
 * ports, ferry services) and the vehicle equivalents of each cargo class, read from
 * {@code org/caravan/cost/capacities.csv} and {@code vehicle-equivalents.csv} (docs/ASSIGNMENT.md, "Capacities").
 * Every row carries its source and confidence; rows whose id ends in {@code _default} are the documented estimate
 * rules applied to elements without a published figure.
 */
public final class Capacities {
    public static final String EMBEDDED = "/org/caravan/cost/capacities.csv";
    public static final String EMBEDDED_VEHICLES = "/org/caravan/cost/vehicle-equivalents.csv";
    public static final String EMBEDDED_DETENTION = "/org/caravan/cost/vehicle-detention.csv";
    private static final List<String> DETENTION_COLUMNS = List.of("unit", "usd_per_day", "date", "confidence", "source");
    private static final Set<String> KINDS = Set.of("crossing", "yard", "port", "ferry");
    private static final Set<String> DIRECTIONS = Set.of("forward", "reverse", "both");
    private static final Set<String> UNITS = Set.of("trucks", "wagons", "teu");
    private static final Set<String> CONFIDENCE = Set.of("published", "estimated", "calibrated");
    private static final List<String> COLUMNS =
            List.of("element_id", "kind", "direction", "unit", "capacity_per_day", "date", "confidence", "source");
    private static final List<String> VEHICLE_COLUMNS =
            List.of("cargo", "t_per_truck", "t_per_wagon", "t_per_teu", "confidence", "source");

    /** One element's capacity in vehicles (or TEU) per day in one direction ({@code both}: each direction). */
    public record Capacity(String elementId, String kind, String direction, String unit, double perDay,
                           String date, String confidence, String source) {}

    /** Tonnes carried per loaded truck, wagon and TEU for one cargo class (NaN where the class has none). */
    public record VehicleEquivalent(String cargo, double tPerTruck, double tPerWagon, double tPerTeu,
                                    String confidence, String source) {
        /** Vehicles (in {@code unit}) per day for {@code tonnesPerYear}, over 365 days. */
        public double vehiclesPerDay(double tonnesPerYear, String unit) {
            double t = switch (unit) {
                case "trucks" -> tPerTruck;
                case "wagons" -> tPerWagon;
                case "teu" -> tPerTeu;
                default -> throw new IllegalArgumentException("unknown vehicle unit " + unit);
            };
            if (!(t > 0)) throw new IllegalArgumentException("cargo class " + cargo + " has no tonnes per " + unit);
            return tonnesPerYear / 365.0 / t;
        }
    }

    /** What holding one vehicle (truck, wagon, TEU) for a day costs its operator, in USD (vehicle-detention.csv). */
    public record Detention(String unit, double usdPerDay, String date, String confidence, String source) {}

    private final Map<String, List<Capacity>> byId;
    private final Map<String, VehicleEquivalent> vehicles;
    private final Map<String, Detention> detention;

    private Capacities(Map<String, List<Capacity>> byId, Map<String, VehicleEquivalent> vehicles,
            Map<String, Detention> detention) {
        this.byId = byId;
        this.vehicles = vehicles;
        this.detention = detention;
    }

    /** The embedded tables. */
    public static Capacities embedded() {
        try (InputStream c = Capacities.class.getResourceAsStream(EMBEDDED);
             InputStream v = Capacities.class.getResourceAsStream(EMBEDDED_VEHICLES);
             InputStream d = Capacities.class.getResourceAsStream(EMBEDDED_DETENTION)) {
            if (c == null || v == null || d == null) throw new IllegalStateException("missing resource " + EMBEDDED);
            return read(c, "embedded:capacities.csv", v, "embedded:vehicle-equivalents.csv", d,
                    "embedded:vehicle-detention.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (AssignmentInputException e) {
            throw new IllegalStateException("embedded capacity tables are invalid: " + e.getMessage(), e);
        }
    }

    /**
     * Reads both tables.
     *
     * @throws AssignmentInputException listing every bad row with file, line and field
     */
    public static Capacities read(InputStream capacities, String capacitiesName, InputStream vehicleTable,
                                  String vehicleName) throws IOException, AssignmentInputException {
        return read(capacities, capacitiesName, vehicleTable, vehicleName, null, null);
    }

    /**
     * Reads the three tables; {@code detentionTable} may be null (no detention cost: queues cost the cargo's value
     * of time only).
     *
     * @throws AssignmentInputException listing every bad row with file, line and field
     */
    public static Capacities read(InputStream capacities, String capacitiesName, InputStream vehicleTable,
            String vehicleName, InputStream detentionTable, String detentionName)
            throws IOException, AssignmentInputException {
        List<Problem> problems = new ArrayList<>();
        Map<String, List<Capacity>> byId = capacityRows(capacities, capacitiesName, problems);
        Map<String, Detention> detention = new LinkedHashMap<>();
        if (detentionTable != null) {
            for (Row r : rows(detentionTable, detentionName, DETENTION_COLUMNS, problems)) {
                String unit = r.enumField("unit", UNITS, problems);
                String conf = r.enumField("confidence", CONFIDENCE, problems);
                double usd = r.nonNegative("usd_per_day", problems);
                if (r.get("source").isEmpty()) r.problem(problems, "source", "is empty: every charge names its source");
                if (unit != null && detention.containsKey(unit)) r.problem(problems, "unit", "'" + unit + "' appears twice");
                if (unit != null && conf != null && usd >= 0) {
                    detention.putIfAbsent(unit, new Detention(unit, usd, r.get("date"), conf, r.get("source")));
                }
            }
        }
        Map<String, VehicleEquivalent> vehicles = vehicleRows(vehicleTable, vehicleName, problems);
        if (!problems.isEmpty()) throw new AssignmentInputException(problems);
        return new Capacities(byId, vehicles, detention);
    }

    /**
     * These tables with the rows of a user capacities file (same format as capacities.csv) put over them: a row
     * replaces the element's rows for its direction ({@code both}: all of the element's rows), or adds the
     * element. Rule rows ({@code road_crossing_default}...) can be overridden the same way.
     *
     * @throws AssignmentInputException listing every bad row with file, line and field
     */
    public Capacities withOverrides(InputStream file, String name) throws IOException, AssignmentInputException {
        List<Problem> problems = new ArrayList<>();
        Map<String, List<Capacity>> over = capacityRows(file, name, problems);
        if (!problems.isEmpty()) throw new AssignmentInputException(problems);
        Map<String, List<Capacity>> merged = new LinkedHashMap<>();
        byId.forEach((k, v) -> merged.put(k, new ArrayList<>(v)));
        over.forEach((id, rows) -> {
            List<Capacity> kept = merged.computeIfAbsent(id, k -> new ArrayList<>());
            for (Capacity c : rows) {
                kept.removeIf(old -> c.direction().equals("both") || old.direction().equals("both")
                        || old.direction().equals(c.direction()));
            }
            kept.addAll(0, rows);
        });
        return new Capacities(merged, vehicles, detention);
    }

    /** USD per day of holding one vehicle of {@code unit}, or 0 when the detention table has no row for it. */
    public double detentionUsdPerDay(String unit) {
        Detention d = detention.get(unit);
        return d == null ? 0 : d.usdPerDay();
    }

    /**
     * What a day in a queue at an element counted in {@code unit} costs one tonne of {@code cargo} in detention, USD:
     * its share of the vehicle's day, {@code detention(unit) / tonnes per vehicle}, plus, at a truck element, the
     * container's own day when the class travels in boxes (it has tonnes per TEU in vehicle-equivalents.csv):
     * {@code detention(teu) / tonnes per TEU}, <b>rule D-box</b> (docs/ASSIGNMENT.md). The rule follows its source:
     * the PAJCCI statement on the Torkham queue names both charges for the same trucks, Rs 6,000 per truck-day
     * holding charge and USD 160 per container-day detention of the transit containers they carry. Wagons and
     * ports are not given the box's day (no source pairs the two there). 0 when the class has no vehicle of
     * {@code unit}, or the detention table no row for it.
     */
    public double detentionUsdPerTonneDay(VehicleEquivalent v, String unit) {
        double t = switch (unit) {
            case "trucks" -> v.tPerTruck();
            case "wagons" -> v.tPerWagon();
            case "teu" -> v.tPerTeu();
            default -> Double.NaN;
        };
        if (!(t > 0)) return 0;
        double usd = detentionUsdPerDay(unit) / t;
        if (unit.equals("trucks") && v.tPerTeu() > 0) usd += detentionUsdPerDay("teu") / v.tPerTeu();
        return usd;
    }

    public Optional<Detention> detention(String unit) {
        return Optional.ofNullable(detention.get(unit));
    }

    private static Map<String, List<Capacity>> capacityRows(InputStream capacities, String capacitiesName,
            List<Problem> problems) throws IOException {
        Map<String, List<Capacity>> byId = new LinkedHashMap<>();
        for (Row r : rows(capacities, capacitiesName, COLUMNS, problems)) {
            String kind = r.enumField("kind", KINDS, problems);
            String dir = r.enumField("direction", DIRECTIONS, problems);
            String unit = r.enumField("unit", UNITS, problems);
            String conf = r.enumField("confidence", CONFIDENCE, problems);
            double perDay = r.positive("capacity_per_day", problems);
            String id = r.get("element_id");
            if (id.isEmpty()) r.problem(problems, "element_id", "is empty");
            if (r.get("source").isEmpty()) r.problem(problems, "source", "is empty: every capacity names its source");
            if (kind != null && dir != null && unit != null && conf != null && perDay > 0 && !id.isEmpty()) {
                byId.computeIfAbsent(id, k -> new ArrayList<>())
                        .add(new Capacity(id, kind, dir, unit, perDay, r.get("date"), conf, r.get("source")));
            }
        }
        return byId;
    }

    private static Map<String, VehicleEquivalent> vehicleRows(InputStream vehicleTable, String vehicleName,
            List<Problem> problems) throws IOException {
        Map<String, VehicleEquivalent> vehicles = new LinkedHashMap<>();
        for (Row r : rows(vehicleTable, vehicleName, VEHICLE_COLUMNS, problems)) {
            String conf = r.enumField("confidence", CONFIDENCE, problems);
            double truck = r.optionalPositive("t_per_truck", problems);
            double wagon = r.optionalPositive("t_per_wagon", problems);
            double teu = r.optionalPositive("t_per_teu", problems);
            String cargo = r.get("cargo");
            if (cargo.isEmpty()) r.problem(problems, "cargo", "is empty");
            if (conf != null && !cargo.isEmpty()) {
                vehicles.put(cargo, new VehicleEquivalent(cargo, truck, wagon, teu, conf, r.get("source")));
            }
        }
        return vehicles;
    }

    /**
     * The capacity of {@code elementId} in {@code direction} ({@code forward} or {@code reverse}): its own row,
     * else the {@code kind_default} rule row ({@code road_crossing_default}, {@code rail_crossing_default},
     * {@code yard_default}, {@code port_default}, {@code ferry_default}) named by {@code fallbackRule}.
     */
    public Optional<Capacity> lookup(String elementId, String direction, String fallbackRule) {
        for (String id : new String[] {elementId, fallbackRule}) {
            for (Capacity c : byId.getOrDefault(id, List.of())) {
                if (c.direction().equals(direction) || c.direction().equals("both")) return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The rule row to fall back on for a crossing whose link id ends in {@code _rail} or otherwise (road). */
    public static String crossingRule(String linkId) {
        return linkId.toLowerCase(Locale.ROOT).endsWith("_rail") ? "rail_crossing_default" : "road_crossing_default";
    }

    public Optional<VehicleEquivalent> vehicleEquivalent(String cargo) {
        return Optional.ofNullable(vehicles.get(cargo));
    }

    public List<Capacity> all() {
        return byId.values().stream().flatMap(List::stream).toList();
    }

    // ---- a small CSV reader that keeps line numbers (quoted fields, no embedded newlines) ----

    private record Row(String file, int line, Map<String, String> values) {
        String get(String col) { return values.getOrDefault(col, ""); }

        void problem(List<Problem> problems, String field, String message) {
            problems.add(new Problem(file, "line " + line, field, message));
        }

        String enumField(String col, Set<String> allowed, List<Problem> problems) {
            String v = get(col).toLowerCase(Locale.ROOT);
            if (allowed.contains(v)) return v;
            problem(problems, col, "'" + get(col) + "' is not one of " + new java.util.TreeSet<>(allowed));
            return null;
        }

        double positive(String col, List<Problem> problems) {
            try {
                double d = Double.parseDouble(get(col));
                if (d > 0 && Double.isFinite(d)) return d;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            problem(problems, col, "'" + get(col) + "' is not a positive number");
            return Double.NaN;
        }

        double nonNegative(String col, List<Problem> problems) {
            try {
                double d = Double.parseDouble(get(col));
                if (d >= 0 && Double.isFinite(d)) return d;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            problem(problems, col, "'" + get(col) + "' is not a number >= 0");
            return Double.NaN;
        }

        double optionalPositive(String col, List<Problem> problems) {
            return get(col).isEmpty() ? Double.NaN : positive(col, problems);
        }
    }

    /** Tokenizing, quoting and UTF-8 checks are the project's CSV reader's; the column rules are this table's. */
    private static List<Row> rows(InputStream in, String file, List<String> required, List<Problem> problems)
            throws IOException {
        List<Row> rows = new ArrayList<>();
        List<org.caravan.io.CsvTable.Row> table = org.caravan.io.CsvTable.rows(in.readAllBytes(), file, problems);
        if (!problems.isEmpty()) return rows;
        if (table.isEmpty()) {
            problems.add(new Problem(file, "line 1", "", "empty file: expected the header " + required));
            return rows;
        }
        List<String> header = table.get(0).cells().stream().map(c -> c.replace("\uFEFF", "").trim()).toList();
        for (String col : required) {
            if (!header.contains(col)) problems.add(new Problem(file, "line 1", col, "missing column"));
        }
        if (!problems.isEmpty()) return rows;
        for (org.caravan.io.CsvTable.Row r : table.subList(1, table.size())) {
            if (r.isBlank()) continue;
            List<String> cells = r.cells();
            if (cells.size() != header.size()) {
                problems.add(new Problem(file, "line " + r.line(), "", cells.size() + " fields, the header has "
                        + header.size()));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) values.put(header.get(i), cells.get(i).trim());
            rows.add(new Row(file, r.line(), values));
        }
        return rows;
    }
}
