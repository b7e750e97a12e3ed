package org.caravan.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Country polygons keyed by ISO 3166-1 alpha-2 code, for checking that a coordinate lies in the country it
 * claims. Immutable and safe to share between threads.
 *
 * <p>The Natural Earth shapes shipped with Caravan cover only the countries that reach into lon 25..90,
 * lat 0..60 (see {@code org/caravan/geo/README.md}); {@link #covers(String)} tells whether a code can be
 * checked at all.
 */
public final class CountryShapes {
    /** Where the bundled Natural Earth polygons live on the classpath. */
    public static final String NATURAL_EARTH_RESOURCE = "/org/caravan/geo/ne_50m_admin_0_countries_bbox25-0-90-60.geojson";

    private static final Pattern ISO_A2 = Pattern.compile("[A-Z]{2}");

    /**
     * Natural Earth marks some countries ISO_A2 = -99 (France, Norway, Kosovo in NE 4.0) for reasons of
     * overseas parts or recognition; their ADM0_A3 codes map unambiguously. Disputed units (Northern Cyprus,
     * Somaliland, Siachen Glacier) are deliberately not mapped: they stay nameable but belong to no code.
     */
    private static final Map<String, String> ADM0_A3_FALLBACK = Map.of("FRA", "FR", "NOR", "NO", "KOS", "XK");

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    /** One admin-0 unit of the source file. */
    private record Unit(String iso2, String name, Geometry geometry, PreparedGeometry prepared) {}

    private final Map<String, List<Unit>> byIso;
    private final STRtree index;

    private CountryShapes(List<Unit> units) {
        Map<String, List<Unit>> m = new LinkedHashMap<>();
        STRtree tree = new STRtree();
        for (Unit u : units) {
            if (u.iso2() != null) m.computeIfAbsent(u.iso2(), k -> new ArrayList<>()).add(u);
            tree.insert(u.geometry().getEnvelopeInternal(), u);
        }
        m.replaceAll((k, v) -> List.copyOf(v));
        this.byIso = Collections.unmodifiableMap(m);
        tree.build(); // a built STRtree is read-only, so concurrent queries are safe
        this.index = tree;
    }

    /** A country found at a coordinate. {@code iso2} is empty for units without a code (disputed areas). */
    public record Country(String iso2, String name) {}

    /** The bundled Natural Earth shapes, parsed on first use and then shared. */
    public static CountryShapes naturalEarth() {
        return NaturalEarthHolder.INSTANCE;
    }

    /**
     * The polygons (WGS84 lon/lat) of every unit whose bounding box meets {@code envelope}, for drawing maps
     * (e.g. the corridor brief's static map). Geometries are immutable in use: callers must not modify them.
     */
    public List<Geometry> geometriesIn(org.locationtech.jts.geom.Envelope envelope) {
        List<Geometry> out = new ArrayList<>();
        for (Object o : index.query(envelope)) out.add(((Unit) o).geometry());
        return out;
    }

    /** Shapes that cover no country: every check is skipped. */
    public static CountryShapes none() {
        return new CountryShapes(List.of());
    }

    // Holder idiom: the JVM runs the initializer once, lazily and thread-safely, without locks on later reads.
    private static final class NaturalEarthHolder {
        static final CountryShapes INSTANCE = loadResource();

        private static CountryShapes loadResource() {
            try (InputStream in = CountryShapes.class.getResourceAsStream(NATURAL_EARTH_RESOURCE)) {
                if (in == null) throw new IllegalStateException("missing classpath resource " + NATURAL_EARTH_RESOURCE);
                return fromGeoJson(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + NATURAL_EARTH_RESOURCE, e);
            }
        }
    }

    /**
     * Reads a GeoJSON FeatureCollection of (Multi)Polygon features with Natural Earth properties
     * ({@code ISO_A2}, optionally {@code ISO_A2_EH}, {@code ADM0_A3}, {@code NAME}).
     */
    public static CountryShapes fromGeoJson(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        List<Unit> units = new ArrayList<>();
        for (JsonNode f : root.path("features")) {
            JsonNode props = f.path("properties");
            Geometry g = polygonal(f.path("geometry"));
            if (g == null) continue;
            String name = props.path("NAME").asText(props.path("ADMIN").asText(""));
            units.add(new Unit(isoCode(props), name, g, PreparedGeometryFactory.prepare(g)));
        }
        return new CountryShapes(units);
    }

    private static String isoCode(JsonNode props) {
        for (String key : List.of("ISO_A2", "ISO_A2_EH")) {
            String v = props.path(key).asText("");
            if (ISO_A2.matcher(v).matches()) return v;
        }
        return ADM0_A3_FALLBACK.get(props.path("ADM0_A3").asText(""));
    }

    private static Geometry polygonal(JsonNode geometry) {
        String type = geometry.path("type").asText("");
        JsonNode coords = geometry.path("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(coords);
            case "MultiPolygon" -> {
                Polygon[] parts = new Polygon[coords.size()];
                for (int i = 0; i < parts.length; i++) parts[i] = polygon(coords.get(i));
                yield WGS84.createMultiPolygon(parts);
            }
            default -> null;
        };
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) holes[i - 1] = ring(rings.get(i));
        return WGS84.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions) {
        Coordinate[] cs = new Coordinate[positions.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = new Coordinate(positions.get(i).get(0).asDouble(), positions.get(i).get(1).asDouble());
        }
        return WGS84.createLinearRing(cs);
    }

    /** True when shapes for this ISO alpha-2 code are known, i.e. the code can be checked. */
    public boolean covers(String iso2) {
        return byIso.containsKey(iso2);
    }

    /** The ISO codes that can be checked, sorted. */
    public Set<String> countries() {
        return Collections.unmodifiableSet(new TreeSet<>(byIso.keySet()));
    }

    /**
     * True when the coordinate lies in the country or within {@code toleranceDegrees} of it (planar distance
     * in degrees: crude, but the tolerance only absorbs border-line generalisation at 1:50m). Also true for
     * codes this instance does not cover, since those cannot be checked.
     */
    public boolean isWithin(String iso2, double lon, double lat, double toleranceDegrees) {
        List<Unit> units = byIso.get(iso2);
        if (units == null) return true;
        Point p = WGS84.createPoint(new Coordinate(lon, lat));
        for (Unit u : units) {
            if (u.prepared().covers(p)) return true;
        }
        // Only points outside the polygon reach the slower distance computation, which is rare in clean data.
        for (Unit u : units) {
            if (toleranceDegrees > 0 && u.geometry().isWithinDistance(p, toleranceDegrees)) return true;
        }
        return false;
    }

    /** The admin-0 unit containing the coordinate, if any (none at sea or outside the shapes' extent). */
    public Optional<Country> countryAt(double lon, double lat) {
        Point p = WGS84.createPoint(new Coordinate(lon, lat));
        @SuppressWarnings("unchecked")
        List<Unit> candidates = index.query(p.getEnvelopeInternal());
        for (Unit u : candidates) {
            if (u.prepared().covers(p)) return Optional.of(new Country(u.iso2() == null ? "" : u.iso2(), u.name()));
        }
        return Optional.empty();
    }
}
