package org.caravan.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.caravan.network.Link;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.routing.CrossingUse;
import org.caravan.routing.Leg;
import org.caravan.routing.Route;
import org.caravan.routing.RouteResult;
import org.caravan.routing.Transshipment;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

/**
 * A route as an RFC 7946 FeatureCollection that GDAL/OGR and QGIS open as is: one LineString per leg (the
 * link's geometry in travel direction, or a straight line between its nodes) and one Point per border crossing
 * and transshipment. Every feature has the same property names (absent values are null), so the collection
 * loads as one layer.
 */
public final class RouteGeoJson {
    private RouteGeoJson() {}

    public static ObjectNode toGeoJson(Network network, RouteResult result) {
        return toGeoJson(network, result.found() ? java.util.List.of(result.route()) : java.util.List.of());
    }

    /** Several routes in one collection; each feature says which route (1-based) it belongs to. */
    public static ObjectNode toGeoJson(Network network, java.util.List<Route> routes) {
        ObjectNode fc = RouteJson.MAPPER.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        int index = 0;
        for (Route r : routes) addRoute(network, r, ++index, features);
        return fc;
    }

    private static void addRoute(Network network, Route r, int route, ArrayNode features) {
        int seq = 0;
        for (Leg leg : r.legs()) {
            ObjectNode f = feature(features, "leg", route, ++seq);
            ObjectNode p = (ObjectNode) f.get("properties");
            p.put("link", leg.linkId());
            p.put("from", leg.from());
            p.put("to", leg.to());
            p.put("name", leg.fromName() + " - " + leg.toName());
            p.put("mode", leg.mode().code());
            p.put("cargo_mode", leg.cargoMode().code());
            if (leg.gauge() == null) p.putNull("gauge");
            else p.put("gauge", leg.gauge().mm());
            p.put("km", RouteJson.round(leg.km(), 1));
            p.put("hours", RouteJson.round(leg.hours(), 2));
            p.put("usd", RouteJson.round(leg.usd(), 2));
            p.put("co2_kg", RouteJson.round(leg.co2Kg(), 1));
            p.put("co2_wtw_kg", RouteJson.round(leg.co2Kg(), 1));
            p.put("co2_ttw_kg", RouteJson.round(leg.co2TtwKg(), 1));
            if (leg.country() == null) p.putNull("country");
            else p.put("country", leg.country());
            p.put("status", leg.status().code());
            f.set("geometry", lineGeometry(network, leg));
        }
        for (CrossingUse c : r.crossings()) {
            ObjectNode f = feature(features, "crossing", route, ++seq);
            ObjectNode p = (ObjectNode) f.get("properties");
            p.put("link", c.id());
            p.put("from", c.fromNode());
            p.put("to", c.toNode());
            p.put("name", c.name());
            p.put("mode", "crossing");
            p.put("cargo_mode", c.cargoMode().code());
            p.put("hours", RouteJson.round(c.hours(), 2));
            p.put("usd", RouteJson.round(c.usd(), 2));
            p.put("country", c.fromCountry() + "-" + c.toCountry());
            f.set("geometry", point(network.node(c.toNode()).orElseThrow()));
        }
        for (Transshipment t : r.transshipments()) {
            ObjectNode f = feature(features, "transshipment", route, ++seq);
            ObjectNode p = (ObjectNode) f.get("properties");
            p.put("from", t.at());
            p.put("to", t.at());
            p.put("name", t.atName() + ": " + t.reason());
            p.put("mode", t.fromMode().code() + "-" + t.toMode().code());
            p.put("hours", RouteJson.round(t.hours(), 2));
            p.put("usd", RouteJson.round(t.usd(), 2));
            Node at = network.node(t.at()).orElseThrow();
            p.put("country", at.country());
            f.set("geometry", point(at));
        }
    }

    private static final String[] PROPS = {"link", "from", "to", "name", "mode", "cargo_mode", "gauge", "km",
        "hours", "usd", "co2_kg", "co2_wtw_kg", "co2_ttw_kg", "country", "status"};

    private static ObjectNode feature(ArrayNode features, String type, int route, int seq) {
        ObjectNode f = features.addObject();
        f.put("type", "Feature");
        ObjectNode p = f.putObject("properties");
        p.put("route", route);
        p.put("feature_type", type);
        p.put("seq", seq);
        for (String k : PROPS) p.putNull(k);
        return f;
    }

    private static ObjectNode point(Node n) {
        ObjectNode g = RouteJson.MAPPER.createObjectNode();
        g.put("type", "Point");
        g.putArray("coordinates").add(RouteJson.round(n.lon(), 6)).add(RouteJson.round(n.lat(), 6));
        return g;
    }

    private static ObjectNode lineGeometry(Network network, Leg leg) {
        ObjectNode g = RouteJson.MAPPER.createObjectNode();
        g.put("type", "LineString");
        ArrayNode coords = g.putArray("coordinates");
        Link link = network.link(leg.linkId()).orElseThrow();
        Node a = network.node(leg.from()).orElseThrow();
        Node b = network.node(leg.to()).orElseThrow();
        LineString line = link.geometry();
        if (line != null && line.getNumPoints() >= 2) {
            Coordinate[] cs = line.getCoordinates();
            boolean reversed = !link.from().equals(leg.from());
            for (int i = 0; i < cs.length; i++) {
                Coordinate c = cs[reversed ? cs.length - 1 - i : i];
                coords.addArray().add(RouteJson.round(c.x, 6)).add(RouteJson.round(c.y, 6));
            }
        } else {
            coords.addArray().add(RouteJson.round(a.lon(), 6)).add(RouteJson.round(a.lat(), 6));
            coords.addArray().add(RouteJson.round(b.lon(), 6)).add(RouteJson.round(b.lat(), 6));
        }
        return g;
    }
}
