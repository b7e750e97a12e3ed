package org.caravan.report;

import java.util.List;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.caravan.network.Cargo;
import org.caravan.network.Gauge;
import org.caravan.network.Link;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * The whole network as an RFC 7946 FeatureCollection (Point per node, LineString per link) with the attributes a
 * map or GIS user needs, sources and confidence included. The format the loader reads, so it round-trips.
 */
public final class NetworkGeoJson {
    private NetworkGeoJson() {}

    public static ObjectNode toGeoJson(Network network) {
        return toGeoJson(network, 0);
    }

    /**
     * Display tolerances (degrees) for {@link #toGeoJson(Network, double)} per web-map zoom band: index = band
     * (0: zoom below 5, 1: zoom 5-6, 2: zoom 7-8, 3: zoom 9 and above = full geometry). About a pixel or less at
     * the band's lowest zoom (one degree is ~256 / 360 * 2^zoom pixels).
     */
    public static final double[] ZOOM_TOLERANCE_DEG = {0.05, 0.01, 0.002, 0};

    /** The band of {@link #ZOOM_TOLERANCE_DEG} for a web-map zoom level. */
    public static int zoomBand(int zoom) {
        return zoom < 5 ? 0 : zoom < 7 ? 1 : zoom < 9 ? 2 : 3;
    }

    /**
     * The network with each link's line simplified by Douglas-Peucker at {@code toleranceDeg} (lon/lat degrees;
     * 0 = full geometry), for drawing at a coarse zoom: every simplified line keeps its first and last vertex and
     * stays within the tolerance of the full one. Attributes are those of {@link #toGeoJson(Network)}; km stays
     * the length measured on the full geometry.
     */
    public static ObjectNode toGeoJson(Network network, double toleranceDeg) {
        ObjectNode fc = RouteJson.MAPPER.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        for (Node n : network.nodes()) {
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            ObjectNode g = f.putObject("geometry");
            g.put("type", "Point");
            g.putArray("coordinates").add(n.lon()).add(n.lat());
            f.set("properties", placeJson(n, false));
        }
        for (Link l : network.links()) {
            lineFeature(features, network, l, toleranceDeg).set("properties", linkJson(l));
        }
        return fc;
    }

    /** A link's attributes as in {@link #toGeoJson(Network)}: what {@code /api/network/link/{id}} answers. */
    public static ObjectNode linkJson(Link l) {
        ObjectNode p = RouteJson.MAPPER.createObjectNode();
        p.put("id", l.id());
        p.put("name", l.name());
        p.put("from", l.from());
        p.put("to", l.to());
        p.put("mode", l.mode().code());
        if (!l.gauges().isEmpty()) {
            p.put("gauge", String.join(";", l.gauges().stream().map(Gauge::code).sorted().toList()));
        }
        p.put("km", l.km());
        if (l.hours().isPresent()) p.put("hours", l.hours().getAsDouble());
        if (l.waitHours() > 0) p.put("wait_hours", l.waitHours());
        p.put("status", l.status().code());
        p.put("oneway", l.oneway());
        if (l.mode() == Mode.CROSSING) {
            p.put("carries", String.join(";", l.carries().stream().map(Mode::code).sorted().toList()));
            p.put("hours_mean", l.forward().meanHours());
            p.put("hours_p90", l.forward().p90Hours());
            p.put("fee_usd", l.forward().feeUsd());
            p.put("hours_mean_rev", l.backward().meanHours());
            p.put("hours_p90_rev", l.backward().p90Hours());
            p.put("fee_usd_rev", l.backward().feeUsd());
        }
        if (l.capacityTonnesPerDay().isPresent()) p.put("capacity_tpd", l.capacityTonnesPerDay().getAsDouble());
        p.put("source", l.source());
        p.put("confidence", l.confidence() == null ? "" : l.confidence().code());
        p.put("note", l.note());
        return p;
    }

    /** The link attributes the map layer keeps, in {@link #linkJson}'s order. */
    private static final List<String> MAP_LINK_FIELDS =
            List.of("id", "name", "from", "to", "mode", "gauge", "km", "status", "oneway", "carries");

    /**
     * The map layer: the lines at {@code toleranceDeg} and the node points with only what drawing, styling, labels
     * and closing need (nodes: id, name, country, kind; links: id, name, from, to, mode, gauge, status, oneway, km,
     * and carries for crossings). Sources, notes, times, fees and capacities are left out: a page fetches them for
     * one feature on demand ({@link #linkJson}, {@link #placeJson}); they are most of the full layer's bytes.
     */
    public static ObjectNode mapLayer(Network network, double toleranceDeg) {
        ObjectNode fc = RouteJson.MAPPER.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        for (Node n : network.nodes()) {
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            ObjectNode g = f.putObject("geometry");
            g.put("type", "Point");
            g.putArray("coordinates").add(n.lon()).add(n.lat());
            ObjectNode p = f.putObject("properties");
            p.put("id", n.id());
            p.put("name", n.name());
            p.put("country", n.country());
            p.put("kind", n.kind().code());
        }
        for (Link l : network.links()) {
            lineFeature(features, network, l, toleranceDeg).set("properties", linkJson(l).retain(MAP_LINK_FIELDS));
        }
        return fc;
    }

    /**
     * Only the links' lines at {@code toleranceDeg} (as {@link #toGeoJson(Network, double)}), each a LineString
     * feature whose properties are just its {@code id}: what the web map fetches for a zoom band once it has the
     * attributes from a first full layer (the attributes are most of the full layer's bytes).
     */
    public static ObjectNode lines(Network network, double toleranceDeg) {
        ObjectNode fc = RouteJson.MAPPER.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        for (Link l : network.links()) {
            lineFeature(features, network, l, toleranceDeg).putObject("properties").put("id", l.id());
        }
        return fc;
    }

    /** Adds a link's LineString feature (type and geometry at {@code toleranceDeg}) and returns it. */
    private static ObjectNode lineFeature(ArrayNode features, Network network, Link l, double toleranceDeg) {
        ObjectNode f = features.addObject();
        f.put("type", "Feature");
        ObjectNode g = f.putObject("geometry");
        g.put("type", "LineString");
        lineCoordinates(network, l, g.putArray("coordinates"), toleranceDeg);
        return f;
    }

    /** A link's line as GeoJSON positions: its geometry, else straight from its from-node to its to-node. */
    static void lineCoordinates(Network network, Link l, ArrayNode coords) {
        lineCoordinates(network, l, coords, 0);
    }

    static void lineCoordinates(Network network, Link l, ArrayNode coords, double toleranceDeg) {
        if (l.geometry() != null && l.geometry().getNumPoints() >= 2) {
            Geometry line = l.geometry();
            if (toleranceDeg > 0 && line.getNumPoints() > 2) {
                Geometry s = DouglasPeuckerSimplifier.simplify(line, toleranceDeg);
                if (s.getNumPoints() >= 2) line = s;
            }
            for (Coordinate c : line.getCoordinates()) coords.addArray().add(c.x).add(c.y);
        } else {
            Node a = network.node(l.from()).orElseThrow();
            Node b = network.node(l.to()).orElseThrow();
            coords.addArray().add(a.lon()).add(a.lat());
            coords.addArray().add(b.lon()).add(b.lat());
        }
    }

    /** A node's attributes as in the network file, with its coordinates as lon/lat for use outside GeoJSON. */
    public static ObjectNode placeJson(Node n) {
        return placeJson(n, true);
    }

    private static ObjectNode placeJson(Node n, boolean withCoordinates) {
        ObjectNode p = RouteJson.MAPPER.createObjectNode();
        p.put("id", n.id());
        p.put("name", n.name());
        p.put("alt_names", String.join(";", n.altNames()));
        p.put("country", n.country());
        p.put("kind", n.kind().code());
        if (withCoordinates) {
            p.put("lon", n.lon());
            p.put("lat", n.lat());
        }
        p.put("handles", String.join(";", n.handles().stream().map(Cargo::code).sorted().toList()));
        p.put("gauge_change", n.gaugeChange());
        p.put("transship", n.transship());
        p.put("source", n.source());
        p.put("confidence", n.confidence() == null ? "" : n.confidence().code());
        p.put("note", n.note());
        return p;
    }
}
