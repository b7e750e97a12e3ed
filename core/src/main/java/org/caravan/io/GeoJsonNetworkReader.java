package org.caravan.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caravan.network.Network;
import org.caravan.network.NetworkBuilder;
import org.caravan.network.NetworkException;
import org.caravan.network.Problem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

/**
 * Reads an RFC 7946 GeoJSON FeatureCollection (docs/NETWORK-FORMAT.md) into a {@link NetworkBuilder}: Point
 * features are nodes (lon/lat from the point), LineString features are links (the line is kept as a JTS
 * {@link LineString}, SRID 4326). A feature with {@code "geometry": null} and {@code from}/{@code to}
 * properties is a link without geometry (the schema makes link geometry optional). Properties carry the same fields as the CSV columns; numbers may be JSON
 * numbers or strings, booleans JSON booleans or strings, and the list fields ({@code alt_names},
 * {@code handles}, {@code carries}, {@code gauge}) JSON arrays or {@code ;}-separated strings.
 *
 * <p>Problems are located as {@code "feature N"}, N being the 0-based index in the {@code features} array,
 * and name the property as field ({@code "geometry"} for the geometry). Unknown properties are errors, as
 * unknown CSV columns are. A node's lon/lat come only from its geometry, so range problems name
 * {@code lon}/{@code lat}. Stateless; the static methods may be called from any thread.
 */
public final class GeoJsonNetworkReader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // a repeated property is a typo, not an override
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private GeoJsonNetworkReader() {}

    /** Reads one or more GeoJSON files into a network, or throws with every problem of all of them. */
    public static Network read(List<Path> files) throws NetworkException {
        NetworkBuilder b = new NetworkBuilder();
        for (Path f : files) read(f, b);
        return b.build(String.join(" + ", files.stream().map(Path::toString).toList()));
    }

    public static void read(Path file, NetworkBuilder out) {
        String name = file.toString();
        FileInput.readBytes(file, name, out).ifPresent(bytes -> parse(bytes, name, out));
    }

    /** Reads from a stream (e.g. a classpath resource); {@code displayName} names the file in problems. */
    public static void read(InputStream in, String displayName, NetworkBuilder out) {
        try {
            parse(in.readAllBytes(), displayName, out);
        } catch (IOException e) {
            out.addProblem(new Problem(displayName, "", "", "cannot read: " + e.getMessage()));
        }
    }

    private static void parse(byte[] bytes, String file, NetworkBuilder out) {
        JsonNode root;
        try {
            // Decoded strictly first: Jackson lets some invalid bytes through (e.g. 0xFF between tokens), and
            // every other input file is refused with the offset and line of its first bad byte.
            root = MAPPER.readTree(Utf8.decode(bytes));
        } catch (Utf8.MalformedException e) {
            out.addProblem(new Problem(file, e.location(), "", e.getMessage()));
            return;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            out.addProblem(new Problem(file, where, "", "invalid JSON: " + e.getOriginalMessage()));
            return;
        } catch (IOException e) {
            out.addProblem(new Problem(file, "", "", "cannot read: " + e.getMessage()));
            return;
        }
        if (root == null || !root.isObject() || !"FeatureCollection".equals(root.path("type").asText())) {
            out.addProblem(new Problem(file, "line 1", "type", "expected a GeoJSON FeatureCollection"));
            return;
        }
        JsonNode features = root.get("features");
        if (features == null || !features.isArray()) {
            out.addProblem(new Problem(file, "line 1", "features", "a FeatureCollection needs a 'features' array"));
            return;
        }
        for (int i = 0; i < features.size(); i++) feature(features.get(i), file, "feature " + i, out);
    }

    private static void feature(JsonNode f, String file, String location, NetworkBuilder out) {
        if (!f.isObject() || !"Feature".equals(f.path("type").asText())) {
            out.addProblem(new Problem(file, location, "type", "expected a Feature"));
            return;
        }
        JsonNode geometry = f.get("geometry");
        boolean unlocated = geometry == null || geometry.isNull();
        String type = unlocated || !geometry.isObject() ? "" : geometry.path("type").asText();
        // The schema makes a link's geometry optional, so an unlocated feature (RFC 7946 "geometry": null)
        // with from/to properties is a link without a line. A node always needs its Point.
        boolean node = type.equals("Point");
        boolean lineless = unlocated && f.path("properties").has("from") && f.path("properties").has("to");
        if (!node && !type.equals("LineString") && !lineless) {
            out.addProblem(new Problem(file, location, "geometry", type.isEmpty()
                    ? "missing geometry: a node needs a Point; a link a LineString, or null with from/to properties"
                    : "unsupported geometry type " + type + ": a node is a Point, a link a LineString"));
            return;
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> raw = properties(f, node, file, location, problems);
        JsonNode coords = lineless ? null : geometry.get("coordinates");
        Set<String> absent = Set.of();
        if (node) {
            double[] p = position(coords);
            if (p == null) {
                problems.add(new Problem(file, location, "geometry", "a Point needs coordinates [lon, lat]"));
                absent = Set.of("lon", "lat"); // said once as a geometry problem, not again as missing fields
            } else {
                raw.put("lon", Double.toString(p[0]));
                raw.put("lat", Double.toString(p[1]));
            }
        } else if (!lineless) {
            LineString line = line(coords);
            if (line == null) {
                problems.add(new Problem(file, location, "geometry",
                        "a LineString needs at least two [lon, lat] positions"));
            } else {
                raw.put("geometry", line);
            }
        }
        if (node) RecordParser.node(raw, file, location, problems, absent, out);
        else RecordParser.link(raw, file, location, problems, absent, out);
    }

    /**
     * One link given as a mapping of the link fields of docs/NETWORK-FORMAT.md (no geometry), read exactly like a
     * GeoJSON link's properties: scenario files add links this way, so they obey the same schema and checks.
     */
    public static void linkFields(JsonNode fields, String file, String location, NetworkBuilder out) {
        List<Problem> problems = new ArrayList<>();
        com.fasterxml.jackson.databind.node.ObjectNode feature = com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.objectNode();
        feature.set("properties", fields);
        Map<String, Object> raw = properties(feature, false, file, location, problems);
        RecordParser.link(raw, file, location, problems, Set.of(), out);
    }

    private static Map<String, Object> properties(JsonNode f, boolean node, String file, String location,
                                                  List<Problem> problems) {
        Map<String, Object> raw = new HashMap<>();
        Set<String> known = node ? Schema.NODE_FIELDS : Schema.LINK_FIELDS;
        JsonNode props = f.get("properties");
        if (props != null && !props.isNull() && !props.isObject()) {
            problems.add(new Problem(file, location, "properties", "properties must be an object"));
            return raw;
        }
        if (props != null && props.isObject()) {
            for (Map.Entry<String, JsonNode> e : props.properties()) {
                String key = e.getKey();
                if (!known.contains(key) || Schema.GEOMETRY_FIELDS.contains(key)) {
                    // An empty or blank key still needs a name in the message.
                    problems.add(new Problem(file, location, key.isBlank() ? "'" + key + "'" : key, Schema.GEOMETRY_FIELDS.contains(key) && known.contains(key)
                            ? "'" + key + "' comes from the feature geometry, not from properties"
                            : "unknown property '" + key + "'"));
                    continue;
                }
                Object v = value(e.getValue());
                if (v == null && !e.getValue().isNull() && !isBlankText(e.getValue())) {
                    problems.add(new Problem(file, location, key, "expected a string, number, boolean or array of "
                            + "them, got " + e.getValue().getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
                } else if (v != null) {
                    raw.put(key, v);
                }
            }
        }
        // RFC 7946 lets a feature carry its id beside the properties; accept it there too.
        JsonNode fid = f.get("id");
        if (fid != null && (fid.isTextual() || fid.isNumber())) {
            String id = fid.asText().trim();
            Object pid = raw.get("id");
            if (pid == null && !id.isEmpty()) raw.put("id", id);
            else if (pid != null && !pid.equals(id)) {
                problems.add(new Problem(file, location, "id", "feature id '" + id + "' differs from property id '"
                        + pid + "'"));
            }
        }
        return raw;
    }

    private static boolean isBlankText(JsonNode v) {
        return v.isTextual() && v.asText().isBlank();
    }

    /** A scalar as text, an array of scalars as a list of texts; null for null, blank, or anything else. */
    private static Object value(JsonNode v) {
        if (v.isTextual()) return v.asText().isBlank() ? null : v.asText().trim();
        if (v.isNumber() || v.isBoolean()) return v.asText();
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : v) {
                if (item.isTextual() || item.isNumber() || item.isBoolean()) items.add(item.asText());
                else return null;
            }
            return items;
        }
        return null;
    }

    private static double[] position(JsonNode c) {
        if (c == null || !c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) return null;
        return new double[] {c.get(0).asDouble(), c.get(1).asDouble()};
    }

    private static LineString line(JsonNode c) {
        if (c == null || !c.isArray() || c.size() < 2) return null;
        Coordinate[] cs = new Coordinate[c.size()];
        for (int i = 0; i < cs.length; i++) {
            double[] p = position(c.get(i));
            if (p == null) return null;
            cs[i] = new Coordinate(p[0], p[1]);
        }
        return RecordParser.WGS84.createLineString(cs);
    }
}
