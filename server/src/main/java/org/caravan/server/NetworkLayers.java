package org.caravan.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.caravan.network.Link;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.report.NetworkGeoJson;
import org.caravan.report.RouteJson;
import org.caravan.server.CaravanServer.BadParameter;
import org.locationtech.jts.geom.Envelope;

/**
 * {@code GET /api/network}: the network layer in its three shapes (every attribute, {@code attrs=map},
 * {@code lines=only}) per web-map zoom band ({@link NetworkGeoJson#zoomBand}, Douglas-Peucker per band), whole or
 * cut to a {@code bbox}. Whole layers are serialised once per shape and band, on first request. A bbox answer is
 * assembled from the same features serialised one by one (also once per shape and band): the links whose envelope
 * intersects the box ({@link #envelope}: of the link's full line, which holds every band's simplified line, since
 * Douglas-Peucker keeps a subset of the vertices) and, in the shapes that carry places, the places inside the box and
 * the end places of the links kept (so every link's {@code from} and {@code to} are in the answer).
 */
final class NetworkLayers {
    /** The zoom band of the full geometry (no zoom given: the full layer). */
    static final int FULL_BAND = NetworkGeoJson.ZOOM_TOLERANCE_DEG.length - 1;

    enum Shape { ALL, MAP, LINES }

    /** A bounding box in lon/lat degrees, west < east, south < north (a box across the 180th meridian is refused). */
    record Bbox(double minLon, double minLat, double maxLon, double maxLat) {
        /** Closed boxes: touching counts (JTS {@link Envelope#intersects(Envelope)}). */
        boolean intersects(Envelope e) {
            return e.intersects(new Envelope(minLon, maxLon, minLat, maxLat));
        }

        boolean contains(double lon, double lat) {
            return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
        }
    }

    /** The features of one shape and band, each serialised alone, with what a bbox selects them by. */
    private record Pieces(List<String> nodeJson, double[] nodeLon, double[] nodeLat, List<String> linkJson,
                          Envelope[] linkEnvelope, int[] linkFrom, int[] linkTo) {}

    private final Network network;
    private final String[][] whole = new String[Shape.values().length][NetworkGeoJson.ZOOM_TOLERANCE_DEG.length];
    /** The whole layers gzipped once, on the first request that accepts gzip (a fresh gzip of 2-8 MB per request
     *  was most of the answer's time: docs/PERFORMANCE.md, "Web map: bbox"). */
    private final byte[][][] wholeGzip = new byte[Shape.values().length][NetworkGeoJson.ZOOM_TOLERANCE_DEG.length][];
    private final Pieces[][] pieces = new Pieces[Shape.values().length][NetworkGeoJson.ZOOM_TOLERANCE_DEG.length];

    NetworkLayers(Network network) {
        this.network = network;
        // The full layer is what most API users ask for: ready before the first request, as before.
        whole[Shape.ALL.ordinal()][FULL_BAND] = write(NetworkGeoJson.toGeoJson(network));
    }

    /**
     * Answers {@code /api/network}: a whole layer gzipped once and kept, when the client accepts gzip (Javalin does
     * not compress an answer that has a Content-Encoding already); a bbox answer as text, which Javalin compresses.
     */
    void serve(Context ctx) {
        Request q = request(ctx.queryParam("zoom"), ctx.queryParam("lines"), ctx.queryParam("attrs"), ctx.queryParam("bbox"));
        ctx.contentType("application/geo+json; charset=utf-8");
        ctx.header("Vary", "Accept-Encoding");
        if (q.box == null && acceptsGzip(ctx.header("Accept-Encoding"))) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(wholeGzip(q.shape, q.band));
        } else {
            ctx.result(q.box == null ? whole(q.shape, q.band) : cut(q.shape, q.band, q.box));
        }
    }

    /** Whether an Accept-Encoding header takes gzip (gzip or *, not with q=0). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.split(",")) {
            String[] t = part.trim().split(";");
            String coding = t[0].trim().toLowerCase(Locale.ROOT);
            if (!coding.equals("gzip") && !coding.equals("*")) continue;
            boolean refused = false;
            for (int i = 1; i < t.length; i++) {
                String param = t[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
                if (param.matches("q=0(\\.0{0,3})?")) refused = true;
            }
            if (!refused) return true;
        }
        return false;
    }

    private record Request(Shape shape, int band, Bbox box) {}

    /** The shape, band and box a query asks for; 400 naming a bad parameter. */
    private Request request(String zoom, String lines, String attrs, String bbox) {
        String a = attrs == null || attrs.isBlank() ? "all" : attrs.trim();
        if (!a.equals("all") && !a.equals("map")) {
            throw new BadParameter("attrs", "attrs must be 'all' (every attribute) or 'map' (what the map draws), got '"
                    + shown(attrs) + "'");
        }
        boolean linesOnly = lines != null && !lines.isBlank();
        boolean noZoom = zoom == null || zoom.isBlank();
        Shape shape;
        if (a.equals("map")) {
            if (linesOnly) throw new BadParameter("lines", "lines=only and attrs=map exclude each other");
            shape = Shape.MAP;
        } else if (linesOnly) {
            if (!lines.trim().equals("only")) {
                throw new BadParameter("lines", "lines must be 'only' (just the link lines of the zoom band), got '"
                        + shown(lines) + "'");
            }
            if (noZoom) throw new BadParameter("lines", "lines=only needs a zoom (the band whose lines to send)");
            shape = Shape.LINES;
        } else {
            shape = Shape.ALL;
        }
        int band = noZoom ? FULL_BAND : NetworkGeoJson.zoomBand(zoomParam(zoom));
        return new Request(shape, band, bbox == null ? null : parseBbox(bbox));
    }

    /** A web-map zoom level 0-22, else 400 on {@code zoom}. */
    static int zoomParam(String zoom) {
        int z;
        try {
            z = Integer.parseInt(zoom.trim());
        } catch (NumberFormatException e) {
            throw new BadParameter("zoom", "zoom must be a whole number (web-map zoom level 0-22), got '" + shown(zoom) + "'");
        }
        if (z < 0 || z > 22) throw new BadParameter("zoom", "zoom must be 0-22, got " + z);
        return z;
    }

    /**
     * {@code minLon,minLat,maxLon,maxLat} in degrees: four finite numbers, longitudes in -180..180, latitudes in
     * -90..90, min below max in both; else 400 on {@code bbox} saying which rule it breaks.
     */
    static Bbox parseBbox(String bbox) {
        String form = "bbox must be minLon,minLat,maxLon,maxLat (four numbers in degrees, e.g. 60,35,75,45)";
        if (bbox.isBlank()) throw new BadParameter("bbox", "bbox is empty: " + form);
        String[] parts = bbox.split(",", -1);
        if (parts.length != 4) {
            throw new BadParameter("bbox", form + ", got " + parts.length + (parts.length == 1 ? " value" : " values")
                    + " in '" + shown(bbox) + "'");
        }
        String[] names = {"minLon", "minLat", "maxLon", "maxLat"};
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i].trim();
            try {
                // Double.parseDouble also takes "NaN", "Infinity" and hex floats: only plain decimals are degrees.
                if (!p.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) throw new NumberFormatException();
                v[i] = Double.parseDouble(p);
            } catch (NumberFormatException e) {
                throw new BadParameter("bbox", form + "; " + names[i] + " is not a number: '" + shown(p) + "'");
            }
        }
        for (int i : new int[] {0, 2}) {
            if (v[i] < -180 || v[i] > 180) {
                throw new BadParameter("bbox", "bbox " + names[i] + " must be a longitude in -180..180, got " + fmt(v[i]));
            }
        }
        for (int i : new int[] {1, 3}) {
            if (v[i] < -90 || v[i] > 90) {
                throw new BadParameter("bbox", "bbox " + names[i] + " must be a latitude in -90..90, got " + fmt(v[i]));
            }
        }
        if (v[0] >= v[2]) {
            throw new BadParameter("bbox", "bbox minLon must be less than maxLon, got " + fmt(v[0]) + " and " + fmt(v[2])
                    + " (a box across the 180th meridian is not supported: ask for each side)");
        }
        if (v[1] >= v[3]) {
            throw new BadParameter("bbox", "bbox minLat must be less than maxLat, got " + fmt(v[1]) + " and " + fmt(v[3]));
        }
        return new Bbox(v[0], v[1], v[2], v[3]);
    }

    /** The envelope a bbox tests a link by: of its full line (its geometry, else from-node to to-node). */
    static Envelope envelope(Network network, Link l) {
        if (l.geometry() != null && l.geometry().getNumPoints() >= 2) return new Envelope(l.geometry().getEnvelopeInternal());
        Node a = network.node(l.from()).orElseThrow();
        Node b = network.node(l.to()).orElseThrow();
        return new Envelope(a.lon(), b.lon(), a.lat(), b.lat());
    }

    private String whole(Shape shape, int band) {
        synchronized (whole) {
            String[] byBand = whole[shape.ordinal()];
            if (byBand[band] == null) byBand[band] = write(layer(shape, band));
            return byBand[band];
        }
    }

    private byte[] wholeGzip(Shape shape, int band) {
        String text = whole(shape, band);
        synchronized (wholeGzip) {
            byte[][] byBand = wholeGzip[shape.ordinal()];
            if (byBand[band] == null) byBand[band] = gzip(text);
            return byBand[band];
        }
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 6);
        try (GZIPOutputStream z = new GZIPOutputStream(out, 1 << 16) { { def.setLevel(Deflater.BEST_COMPRESSION); } }) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private ObjectNode layer(Shape shape, int band) {
        double tolerance = NetworkGeoJson.ZOOM_TOLERANCE_DEG[band];
        return switch (shape) {
            case ALL -> NetworkGeoJson.toGeoJson(network, tolerance);
            case MAP -> NetworkGeoJson.mapLayer(network, tolerance);
            case LINES -> NetworkGeoJson.lines(network, tolerance);
        };
    }

    private String cut(Shape shape, int band, Bbox box) {
        Pieces p = pieces(shape, band);
        int links = p.linkJson.size();
        boolean[] nodeKept = new boolean[p.nodeJson.size()];
        for (int i = 0; i < nodeKept.length; i++) nodeKept[i] = box.contains(p.nodeLon[i], p.nodeLat[i]);
        boolean[] linkKept = new boolean[links];
        for (int i = 0; i < links; i++) {
            if (box.intersects(p.linkEnvelope[i])) {
                linkKept[i] = true;
                if (p.linkFrom[i] >= 0) nodeKept[p.linkFrom[i]] = true;
                if (p.linkTo[i] >= 0) nodeKept[p.linkTo[i]] = true;
            }
        }
        StringBuilder out = new StringBuilder(1 << 16).append("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean first = true;
        for (int i = 0; i < nodeKept.length; i++) {
            if (!nodeKept[i]) continue;
            if (!first) out.append(',');
            out.append(p.nodeJson.get(i));
            first = false;
        }
        for (int i = 0; i < links; i++) {
            if (!linkKept[i]) continue;
            if (!first) out.append(',');
            out.append(p.linkJson.get(i));
            first = false;
        }
        return out.append("]}").toString();
    }

    private Pieces pieces(Shape shape, int band) {
        synchronized (pieces) {
            Pieces[] byBand = pieces[shape.ordinal()];
            if (byBand[band] == null) byBand[band] = split(layer(shape, band));
            return byBand[band];
        }
    }

    /** The layer's features one by one: places (Point) in layer order, then links (LineString) in layer order. */
    private Pieces split(ObjectNode layer) {
        List<String> nodeJson = new ArrayList<>();
        List<Double> lon = new ArrayList<>(), lat = new ArrayList<>();
        Map<String, Integer> nodeIndex = new HashMap<>();
        List<String> linkJson = new ArrayList<>();
        List<Envelope> env = new ArrayList<>();
        List<String> ends = new ArrayList<>();
        for (JsonNode f : layer.path("features")) {
            String id = f.path("properties").path("id").asText();
            if (f.path("geometry").path("type").asText().equals("Point")) {
                nodeIndex.put(id, nodeJson.size());
                nodeJson.add(write(f));
                lon.add(f.path("geometry").path("coordinates").get(0).asDouble());
                lat.add(f.path("geometry").path("coordinates").get(1).asDouble());
            } else {
                Link l = network.link(id).orElseThrow(() -> new IllegalStateException("layer link " + id + " not in the network"));
                linkJson.add(write(f));
                env.add(envelope(network, l));
                ends.add(l.from());
                ends.add(l.to());
            }
        }
        int[] from = new int[linkJson.size()], to = new int[linkJson.size()];
        for (int i = 0; i < from.length; i++) {
            from[i] = nodeIndex.getOrDefault(ends.get(2 * i), -1); // -1: a layer without places (lines=only)
            to[i] = nodeIndex.getOrDefault(ends.get(2 * i + 1), -1);
        }
        return new Pieces(nodeJson, lon.stream().mapToDouble(Double::doubleValue).toArray(),
                lat.stream().mapToDouble(Double::doubleValue).toArray(), linkJson, env.toArray(new Envelope[0]), from, to);
    }

    private static String write(Object node) {
        try {
            return RouteJson.MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%s", d);
    }

    /** A query value for an error message: at most 60 characters, anything but a plain character shown as '?'. */
    private static String shown(String v) {
        String s = (v.length() > 60 ? v.substring(0, 60) : v).replaceAll("[^A-Za-z0-9 _.,:+-]", "?");
        return v.length() > 60 ? s + "…" : s;
    }
}
