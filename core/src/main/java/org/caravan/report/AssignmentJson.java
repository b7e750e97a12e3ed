package org.caravan.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caravan.assignment.FreightAssignment;
import org.caravan.assignment.FreightAssignment.Element;
import org.caravan.assignment.FreightAssignment.ElementFlow;
import org.caravan.assignment.FreightAssignment.LinkFlow;
import org.caravan.assignment.FreightAssignment.Result;
import org.caravan.assignment.FreightAssignment.Unroutable;
import org.caravan.assignment.IterationReport;
import org.caravan.network.Link;
import org.caravan.network.Network;
import org.caravan.network.Node;

/**
 * The freight assignment's shapes (docs/ASSIGNMENT.md, "Outputs"): JSON, the CSV of link and element flows, the
 * GeoJSON layer of flows and volume/capacity, and the baseline-vs-scenario comparison. Shared by the CLI and the
 * server.
 */
public final class AssignmentJson {
    private AssignmentJson() {}

    public static ObjectNode toJson(Result r) {
        ObjectNode o = RouteJson.MAPPER.createObjectNode();
        ObjectNode s = o.putObject("settings");
        s.put("method", r.options().method().name().toLowerCase(Locale.ROOT));
        s.put("target_gap", r.options().targetGap());
        s.put("max_iterations", r.options().maxIterations());
        s.put("alternatives", r.options().alternatives());
        s.put("period_days", r.options().periodDays());
        s.put("queue_j", FreightAssignment.QUEUE_J);
        if (r.options().method() == org.caravan.assignment.AssignmentMethod.LOGIT) {
            s.put("logit_spread", r.options().logitSpread());
        }
        o.put("converged", r.converged());
        o.put("relative_gap", finite(r.relativeGap()));
        o.put("iterations", Math.max(0, r.iterations().size() - 1));
        o.put("demand_tonnes", r.demandTonnes());
        o.put("assigned_tonnes", r.assignedTonnes());
        o.put("routes", r.routes());
        o.put("millis", r.millis());
        ArrayNode cl = o.putArray("classes");
        r.classes().forEach(cl::add);
        ArrayNode un = o.putArray("unroutable");
        for (Unroutable u : r.unroutable()) {
            un.addObject().put("from", u.od().from()).put("to", u.od().to()).put("cargo", u.od().cargo())
                    .put("tonnes", u.od().tonnes()).put("reason", u.reason());
        }
        ObjectNode tkm = o.putObject("tonne_km_by_mode");
        r.tonneKmByMode().forEach((m, v) -> tkm.put(m.code(), v));
        o.put("detention_usd_per_year", r.detentionUsdPerYear());
        ArrayNode split = o.putArray("modal_split");
        for (FreightAssignment.ModeShare ms : r.modalSplit()) {
            split.addObject().put("mode", ms.mode().code()).put("tonnes", ms.tonnes())
                    .put("share_tonnes", ms.tonneShare()).put("tonne_km", ms.tonneKm())
                    .put("share_tonne_km", ms.tonneKmShare());
        }
        ArrayNode corr = o.putArray("corridor_shares");
        for (ElementFlow e : r.corridorShares()) {
            corr.addObject().put("id", e.element().id()).put("name", e.element().name())
                    .put("direction", e.element().direction()).put("tonnes", e.tonnes())
                    .put("share_tonnes", r.shareOfAssigned(e));
        }
        ArrayNode els = o.putArray("elements");
        for (ElementFlow e : r.bottlenecks()) els.add(element(e));
        ArrayNode links = o.putArray("links");
        for (LinkFlow l : r.topLinks(Integer.MAX_VALUE)) {
            ObjectNode n = links.addObject();
            n.put("link", l.linkId()).put("name", l.name()).put("mode", l.mode().code()).put("from", l.from())
                    .put("to", l.to()).put("direction", l.direction()).put("km", l.km()).put("tonnes", l.tonnes());
            classes(n.putObject("tonnes_by_class"), l.tonnesByClass(), r.classes());
        }
        ArrayNode its = o.putArray("progress");
        for (IterationReport i : r.iterations()) {
            its.addObject().put("iteration", i.iteration()).put("relative_gap", finite(i.relativeGap()))
                    .put("step", i.step()).put("direction", i.direction());
        }
        return o;
    }

    static ObjectNode element(ElementFlow e) {
        Element el = e.element();
        ObjectNode n = RouteJson.MAPPER.createObjectNode();
        n.put("id", el.id()).put("kind", el.kind()).put("name", el.name()).put("direction", el.direction())
                .put("unit", el.capacity().unit()).put("capacity_per_day", el.capacity().perDay())
                .put("capacity_confidence", el.capacity().confidence())
                .put("capacity_source", el.capacity().source())
                .put("capacity_rule", el.capacity().elementId().equals(el.id()) ? null : el.capacity().elementId())
                .put("vehicles_per_day", e.vehiclesPerDay()).put("volume_capacity", e.volumeToCapacity())
                .put("queue_days", e.queueDays()).put("tonnes", e.tonnes())
                .put("detention_usd_per_year", e.detentionUsdPerYear())
                .put("cargo_time_usd_per_year", e.cargoTimeUsdPerYear());
        ObjectNode by = n.putObject("tonnes_by_class");
        e.tonnesByClass().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(x -> by.put(x.getKey(), x.getValue()));
        return n;
    }

    private static void classes(ObjectNode into, Map<String, Double> values, List<String> order) {
        for (String c : order) into.put(c, values.getOrDefault(c, 0.0));
    }

    private static Double finite(double v) { return Double.isFinite(v) ? v : null; }

    /**
     * One row per network link and direction with flow ({@code record=link}) and per capacity element
     * ({@code record=crossing|port|yard|ferry}).
     */
    public static String csv(Result r) {
        StringBuilder sb = new StringBuilder("record,id,name,mode,direction,from,to,km,tonnes");
        for (String c : r.classes()) sb.append(",tonnes_").append(c);
        sb.append(",unit,capacity_per_day,vehicles_per_day,volume_capacity,queue_days,capacity_confidence"
                + ",detention_usd_per_year,share_tonnes,share_tonne_km\n");
        for (LinkFlow l : r.topLinks(Integer.MAX_VALUE)) {
            sb.append("link,").append(cell(l.linkId())).append(',').append(cell(l.name())).append(',')
                    .append(l.mode().code()).append(',').append(l.direction()).append(',').append(cell(l.from()))
                    .append(',').append(cell(l.to())).append(',').append(num(l.km(), 1)).append(',')
                    .append(num(l.tonnes(), 1));
            for (String c : r.classes()) sb.append(',').append(num(l.tonnesByClass().getOrDefault(c, 0.0), 1));
            sb.append(",,,,,,,,,\n");
        }
        for (ElementFlow e : r.bottlenecks()) {
            Element el = e.element();
            sb.append(el.kind()).append(',').append(cell(el.id())).append(',').append(cell(el.name())).append(",,")
                    .append(el.direction()).append(",,,,").append(num(e.tonnes(), 1));
            for (String c : r.classes()) sb.append(',').append(num(e.tonnesByClass().getOrDefault(c, 0.0), 1));
            sb.append(',').append(el.capacity().unit()).append(',').append(num(el.capacity().perDay(), 1)).append(',')
                    .append(num(e.vehiclesPerDay(), 2)).append(',').append(num(e.volumeToCapacity(), 4)).append(',')
                    .append(num(e.queueDays(), 4)).append(',').append(el.capacity().confidence()).append(',')
                    .append(num(e.detentionUsdPerYear(), 0)).append(',')
                    .append(el.kind().equals("crossing") ? num(r.shareOfAssigned(e), 4) : "").append(",\n");
        }
        for (FreightAssignment.ModeShare s : r.modalSplit()) {
            sb.append("mode,").append(s.mode().code()).append(",,").append(s.mode().code()).append(",,,,,")
                    .append(num(s.tonnes(), 1));
            for (int i = 0; i < r.classes().size(); i++) sb.append(',');
            sb.append(",,,,,,,,").append(num(s.tonneShare(), 4)).append(',').append(num(s.tonneKmShare(), 4))
                    .append('\n');
        }
        return sb.toString();
    }

    /**
     * RFC 7946 FeatureCollection: a LineString per network link with flow (loaded links only; tonnes each way and in all, and for a
     * crossing or ferry its highest volume/capacity and queue of the two directions) and a Point per loaded port or
     * yard. Every feature has the same properties (null where they do not apply), so GIS tools see one schema.
     */
    public static ObjectNode geoJson(Result r, Network net) {
        ObjectNode fc = RouteJson.MAPPER.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        Map<String, double[]> byLink = new LinkedHashMap<>(); // forward, reverse tonnes
        for (LinkFlow l : r.links()) {
            double[] t = byLink.computeIfAbsent(l.linkId(), k -> new double[2]);
            t[l.direction().equals("forward") ? 0 : 1] += l.tonnes();
        }
        Map<String, ElementFlow> worst = new LinkedHashMap<>();
        for (ElementFlow e : r.elements()) {
            worst.merge(e.element().kind() + ":" + e.element().id(), e,
                    (a, b) -> b.volumeToCapacity() > a.volumeToCapacity() ? b : a);
        }
        for (Map.Entry<String, double[]> en : byLink.entrySet()) {
            if (!(en.getValue()[0] + en.getValue()[1] > 0)) continue; // in a route set but not loaded
            Link l = net.link(en.getKey()).orElseThrow();
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            ObjectNode g = f.putObject("geometry");
            g.put("type", "LineString");
            NetworkGeoJson.lineCoordinates(net, l, g.putArray("coordinates"));
            String kind = switch (l.mode()) {
                case CROSSING -> "crossing";
                case FERRY -> "ferry";
                default -> "link";
            };
            ElementFlow e = worst.get(kind + ":" + l.id());
            properties(f.putObject("properties"), kind, l.id(), l.name(), l.mode().code(), en.getValue()[0],
                    en.getValue()[1], e);
        }
        for (ElementFlow e : r.elements()) {
            Element el = e.element();
            if (!el.kind().equals("port") && !el.kind().equals("yard") || !(e.tonnes() > 0)) continue;
            Node n = net.node(el.id()).orElseThrow();
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            ObjectNode g = f.putObject("geometry");
            g.put("type", "Point");
            g.putArray("coordinates").add(n.lon()).add(n.lat());
            properties(f.putObject("properties"), el.kind(), el.id(), el.name(), null, Double.NaN, Double.NaN, e);
        }
        return fc;
    }

    private static void properties(ObjectNode p, String kind, String id, String name, String mode, double forward,
            double reverse, ElementFlow e) {
        p.put("kind", kind).put("id", id).put("name", name).put("mode", mode);
        double total = Double.isNaN(forward) ? e.tonnes() : forward + reverse;
        p.put("tonnes", total);
        p.put("tonnes_forward", finite(forward));
        p.put("tonnes_reverse", finite(reverse));
        p.put("volume_capacity", e == null ? null : e.volumeToCapacity());
        p.put("queue_days", e == null ? null : e.queueDays());
        p.put("vehicles_per_day", e == null ? null : e.vehiclesPerDay());
        p.put("capacity_per_day", e == null ? null : e.element().capacity().perDay());
        p.put("unit", e == null ? null : e.element().capacity().unit());
        p.put("capacity_confidence", e == null ? null : e.element().capacity().confidence());
    }

    /**
     * Baseline against scenario, per capacity element (union of both, by kind, id and direction): tonnes,
     * volume/capacity and queue on each side and the change in tonnes; most changed first.
     */
    public static ObjectNode comparison(Result base, Result scenario, String scenarioId) {
        ObjectNode o = RouteJson.MAPPER.createObjectNode();
        o.put("scenario", scenarioId);
        o.set("baseline", summary(base));
        o.set("with_scenario", summary(scenario));
        Map<String, ElementFlow[]> pairs = new LinkedHashMap<>();
        for (ElementFlow e : base.elements()) pairs.computeIfAbsent(key(e), k -> new ElementFlow[2])[0] = e;
        for (ElementFlow e : scenario.elements()) pairs.computeIfAbsent(key(e), k -> new ElementFlow[2])[1] = e;
        ArrayNode rows = o.putArray("elements");
        pairs.values().stream().filter(p -> t(p[0]) > 0 || t(p[1]) > 0)
                .sorted(java.util.Comparator.comparingDouble((ElementFlow[] p) -> -Math.abs(t(p[1]) - t(p[0])))
                        .thenComparing(p -> key(p[0] != null ? p[0] : p[1])))
                .forEach(p -> {
                    ElementFlow any = p[0] != null ? p[0] : p[1];
                    Element el = any.element();
                    ObjectNode n = rows.addObject();
                    n.put("id", el.id()).put("kind", el.kind()).put("name", el.name()).put("direction", el.direction())
                            .put("tonnes_baseline", t(p[0])).put("tonnes_scenario", t(p[1]))
                            .put("tonnes_change", t(p[1]) - t(p[0]))
                            .put("volume_capacity_baseline", p[0] == null ? 0 : p[0].volumeToCapacity())
                            .put("volume_capacity_scenario", p[1] == null ? 0 : p[1].volumeToCapacity())
                            .put("queue_days_baseline", p[0] == null ? 0 : p[0].queueDays())
                            .put("queue_days_scenario", p[1] == null ? 0 : p[1].queueDays());
                });
        return o;
    }

    private static ObjectNode summary(Result r) {
        ObjectNode s = RouteJson.MAPPER.createObjectNode();
        s.put("assigned_tonnes", r.assignedTonnes()).put("unroutable_tonnes", r.demandTonnes() - r.assignedTonnes())
                .put("relative_gap", finite(r.relativeGap())).put("converged", r.converged());
        return s;
    }

    private static String key(ElementFlow e) {
        return e.element().kind() + ":" + e.element().id() + ":" + e.element().direction();
    }

    private static double t(ElementFlow e) { return e == null ? 0 : e.tonnes(); }

    private static String num(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String cell(String s) {
        if (s == null) return "";
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
