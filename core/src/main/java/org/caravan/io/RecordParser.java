package org.caravan.io;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.caravan.network.Cargo;
import org.caravan.network.Confidence;
import org.caravan.network.CrossingTimes;
import org.caravan.network.Gauge;
import org.caravan.network.Limits;
import org.caravan.network.Link;
import org.caravan.network.LinkStatus;
import org.caravan.network.Mode;
import org.caravan.network.NetworkBuilder;
import org.caravan.network.Node;
import org.caravan.network.NodeKind;
import org.caravan.network.Problem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Turns one record's raw fields into a {@link Node} or {@link Link}, the same way for CSV and GeoJSON.
 *
 * <p>Raw values are {@code String} (trimmed, never empty: an empty cell is simply absent), {@code List<String>}
 * (a JSON array) or, for {@code geometry}, an already built {@link LineString}. Every bad field is reported;
 * a record with any problem is not built, only its id is handed on so that references to it stay quiet.
 */
final class RecordParser {
    static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    // Stricter than Double.parseDouble, which also takes "1f", "0x1p3", "NaN" and "Infinity".
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private RecordParser() {}

    /**
     * @param earlier problems of this record already found by the reader (layout, geometry); they are reported
     *                first, and like any other problem they keep the record from being built
     * @param absent  columns missing from the whole file: already reported once, so not again for every row
     */
    static void node(Map<String, Object> raw, String file, String location, List<Problem> earlier,
                     Set<String> absent, NetworkBuilder out) {
        Fields f = new Fields(raw, file, location, absent);
        f.problems.addAll(earlier);
        String id = f.required("id");
        String name = f.required("name");
        List<String> altNames = f.list("alt_names");
        String country = f.required("country");
        NodeKind kind = f.requiredEnum("kind", NodeKind::parse, NodeKind::code);
        Double lon = f.number("lon", true);
        Double lat = f.number("lat", true);
        Set<Cargo> handles = f.set("handles", Cargo::parse, Cargo::code);
        boolean gaugeChange = f.bool("gauge_change");
        boolean transship = f.bool("transship");
        String source = f.required("source");
        Confidence confidence = f.requiredEnum("confidence", Confidence::parse, Confidence::code);
        String note = f.text("note");
        if (f.complete()) {
            out.addNode(new Node(id, name, altNames, country, kind, lon, lat, handles, gaugeChange, transship,
                    source, confidence, note), file, location);
        } else {
            f.problems.forEach(out::addProblem);
            if (id != null) out.addUnparsedNode(id, file, location);
        }
    }

    static void link(Map<String, Object> raw, String file, String location, List<Problem> earlier,
                     Set<String> absent, NetworkBuilder out) {
        Fields f = new Fields(raw, file, location, absent);
        f.problems.addAll(earlier);
        String id = f.required("id");
        String name = f.text("name");
        String from = f.required("from");
        String to = f.required("to");
        Mode mode = f.requiredEnum("mode", Mode::parse, Mode::code);
        Set<Gauge> gauges = f.set("gauge", Gauge::parse, Gauge::code);
        Double km = f.number("km", true);
        Double hours = f.number("hours", false);
        Double waitHours = f.number("wait_hours", false);
        LinkStatus status = f.requiredEnum("status", LinkStatus::parse, LinkStatus::code);
        boolean oneway = f.bool("oneway");
        Set<Mode> carries = f.set("carries", Mode::parse, Mode::code);
        CrossingTimes[] times = crossingTimes(f, mode);
        Double capacity = f.number("capacity_tpd", false);
        LineString geometry = f.geometry("geometry");
        String source = f.required("source");
        Confidence confidence = f.requiredEnum("confidence", Confidence::parse, Confidence::code);
        String note = f.text("note");
        if (f.complete()) {
            out.addLink(new Link(id, name, from, to, mode, gauges, km,
                    hours == null ? OptionalDouble.empty() : OptionalDouble.of(hours),
                    waitHours == null ? 0 : waitHours, status, oneway, carries, times[0], times[1],
                    capacity == null ? OptionalDouble.empty() : OptionalDouble.of(capacity),
                    geometry, source, confidence, note), file, location);
        } else {
            f.problems.forEach(out::addProblem);
            if (id != null) out.addUnparsedLink(id, file, location);
        }
    }

    private static final List<String> FORWARD = List.of("hours_mean", "hours_p90", "fee_usd");
    private static final List<String> BACKWARD = List.of("hours_mean_rev", "hours_p90_rev", "fee_usd_rev");

    /**
     * Forward and backward crossing times. They are checked here rather than in the validator because
     * {@link CrossingTimes} cannot hold inconsistent values; backward values default one by one to forward.
     */
    private static CrossingTimes[] crossingTimes(Fields f, Mode mode) {
        Double[] fw = new Double[3];
        Double[] bw = new Double[3];
        for (int i = 0; i < 3; i++) {
            fw[i] = f.number(FORWARD.get(i), false);
            bw[i] = f.number(BACKWARD.get(i), false);
        }
        CrossingTimes[] none = {null, null};
        if (mode == null) return none; // unknown mode already reported; the times cannot be judged
        if (mode != Mode.CROSSING) {
            for (int i = 0; i < 3; i++) {
                if (fw[i] != null) f.problem(FORWARD.get(i), "only a crossing has crossing times");
                if (bw[i] != null) f.problem(BACKWARD.get(i), "only a crossing has crossing times");
            }
            return none;
        }
        boolean usable = true;
        for (int i = 0; i < 3; i++) {
            if (fw[i] == null && !f.wasMalformed(FORWARD.get(i))) f.problem(FORWARD.get(i), "required for a crossing");
            if (fw[i] == null || f.wasMalformed(BACKWARD.get(i))) usable = false;
        }
        if (!usable) return none;
        for (int i = 0; i < 3; i++) if (bw[i] == null) bw[i] = fw[i];
        CrossingTimes forward = times(f, fw, FORWARD, "");
        // Backward values default to forward ones, so judging them after a bad forward set would repeat it.
        if (forward == null) return none;
        CrossingTimes backward = times(f, bw, BACKWARD, " (missing _rev values default to the forward ones)");
        return new CrossingTimes[] {forward, backward};
    }

    private static CrossingTimes times(Fields f, Double[] v, List<String> names, String hint) {
        boolean ok = true;
        for (int i = 0; i < 3; i++) {
            java.util.Optional<String> bad = (i < 2 ? Limits.HOURS : Limits.FEE_USD).problem(v[i]);
            if (bad.isPresent()) {
                f.problem(names.get(i), names.get(i) + ": " + bad.get() + hint);
                ok = false;
            }
        }
        if (ok && v[1] < v[0]) {
            f.problem(names.get(1), names.get(1) + " (" + v[1] + ") must be >= " + names.get(0) + " (" + v[0] + ")" + hint);
            ok = false;
        }
        return ok ? new CrossingTimes(v[0], v[1], v[2]) : null;
    }

    /** Typed access to one record's raw fields, collecting a problem for every bad one. */
    private static final class Fields {
        private final Map<String, Object> raw;
        private final String file;
        private final String location;
        private final Set<String> absent;
        private final List<Problem> problems = new ArrayList<>();
        private final Set<String> malformed = new LinkedHashSet<>();
        /** A required value is missing because its column is missing from the file (reported once, on line 1). */
        private boolean incomplete;

        Fields(Map<String, Object> raw, String file, String location, Set<String> absent) {
            this.raw = raw;
            this.file = file;
            this.location = location;
            this.absent = absent;
        }

        void problem(String field, String message) {
            problems.add(new Problem(file, location, field, message));
            malformed.add(field);
        }

        boolean wasMalformed(String field) {
            return malformed.contains(field);
        }

        /** Whether the record can be built: no problem, and no required value missing with its column. */
        boolean complete() {
            return problems.isEmpty() && !incomplete;
        }

        /** The single text value, or null when absent. */
        String text(String field) {
            Object v = raw.get(field);
            if (v == null || v instanceof String) return (String) v;
            problem(field, "expected a single value, got " + describe(v));
            return null;
        }

        String required(String field) {
            String v = text(field);
            if (v == null && absent.contains(field)) incomplete = true;
            else if (v == null && !wasMalformed(field)) problem(field, "missing required value");
            return v;
        }

        Double number(String field, boolean required) {
            String v = required ? required(field) : text(field);
            if (v == null) return null;
            if (!NUMBER.matcher(v).matches()) {
                problem(field, "not a number: '" + v + "'");
                return null;
            }
            return Double.parseDouble(v);
        }

        boolean bool(String field) {
            String v = text(field);
            if (v == null) return false;
            if (v.equalsIgnoreCase("true")) return true;
            if (!v.equalsIgnoreCase("false")) problem(field, "expected true or false, got '" + v + "'");
            return false;
        }

        <E> E requiredEnum(String field, Function<String, E> parser, Function<E, String> code) {
            String v = required(field);
            return v == null ? null : exact(field, v, parser, code);
        }

        /**
         * Enum values are exact lower-case codes: a value that only the lenient parser would take ({@code City},
         * {@code border post}) is refused with the code to write instead, so files stay greppable and comparable.
         */
        private <E> E exact(String field, String v, Function<String, E> parser, Function<E, String> code) {
            E e;
            try {
                e = parser.apply(v);
            } catch (IllegalArgumentException ex) {
                problem(field, ex.getMessage());
                return null;
            }
            if (!code.apply(e).equals(v)) {
                problem(field, "'" + v + "' is not written as the code is: write '" + code.apply(e) + "'");
                return null;
            }
            return e;
        }

        /** A list given as a JSON array or as one {@code ;}-separated text; blank items are dropped. */
        List<String> list(String field) {
            Object v = raw.get(field);
            List<String> items = new ArrayList<>();
            if (v instanceof String s) {
                for (String part : s.split(";")) if (!part.isBlank()) items.add(part.trim());
            } else if (v instanceof List<?> l) {
                for (Object o : l) if (o instanceof String s && !s.isBlank()) items.add(s.trim());
            } else if (v != null) {
                problem(field, "expected a list, got " + describe(v));
            }
            return items;
        }

        <E> Set<E> set(String field, Function<String, E> parser, Function<E, String> code) {
            Set<E> out = new LinkedHashSet<>();
            for (String item : list(field)) {
                E e = exact(field, item, parser, code);
                if (e != null && !out.add(e)) problem(field, "'" + item + "' is listed twice");
            }
            return out;
        }

        LineString geometry(String field) {
            Object v = raw.get(field);
            if (v == null || v instanceof LineString) return (LineString) v;
            if (!(v instanceof String wkt)) {
                problem(field, "expected WKT LINESTRING, got " + describe(v));
                return null;
            }
            try {
                Geometry g = new WKTReader(WGS84).read(wkt);
                if (g instanceof LineString ls && !ls.isEmpty()) return ls;
                problem(field, "expected a non-empty WKT LINESTRING, got " + g.getGeometryType().toUpperCase(Locale.ROOT)
                        + (g.isEmpty() ? " EMPTY" : ""));
            } catch (ParseException | IllegalArgumentException e) {
                problem(field, "invalid WKT: " + e.getMessage());
            }
            return null;
        }

        private static String describe(Object v) {
            return v instanceof List<?> ? "a list" : v instanceof Geometry g ? "a " + g.getGeometryType() : "'" + v + "'";
        }
    }
}
