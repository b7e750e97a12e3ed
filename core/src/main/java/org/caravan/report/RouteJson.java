package org.caravan.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.routing.CountryExposure;
import org.caravan.routing.CrossingUse;
import org.caravan.routing.NoRoute;
import org.caravan.routing.Restriction;
import org.caravan.routing.RestrictionEffect;
import org.caravan.country.Countries;
import org.caravan.routing.ReliabilityStats;
import org.caravan.routing.Leg;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.RouteResult;
import org.caravan.routing.Totals;
import org.caravan.routing.Transshipment;

/**
 * The JSON shape of route answers, shared by the CLI and the HTTP API so scripts see one format:
 * {@code {"request":{...},"routes":[{nodes, countries, legs, crossings, transshipments, totals, risk, exposure,
 * reliability, timeline, depart, arrive}], "no_route":...}}. CO2 is CO2e by ISO 14083 / GLEC v3: {@code co2_kg}
 * = {@code co2_wtw_kg} (well-to-wheel), {@code co2_ttw_kg} the tank-to-wheel part.
 * Numbers are rounded for reading (km 0.1, hours 0.01, USD 0.01, kg 0.1); totals are rounded sums of
 * unrounded values.
 */
public final class RouteJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private RouteJson() {}

    /** How restrictions are worded in messages: plain English unless a front end gives its own syntax. */
    public static final Function<Restriction, String> PLAIN = Restriction::describe;

    public static ObjectNode toJson(Network network, RouteResult result) {
        return toJson(network, result.request(), result.found() ? List.of(result.route()) : List.of(),
                result.noRoute(), PLAIN);
    }

    static ObjectNode request(Network network, RouteRequest r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.set("from", place(network, r.from()));
        o.set("to", place(network, r.to()));
        ArrayNode via = o.putArray("via");
        r.via().forEach(v -> via.add(place(network, v)));
        o.put("cargo", r.cargoProfile());
        o.put("rail_service", r.railService());
        if (r.tonnes() == null) o.putNull("tonnes");
        else o.put("tonnes", r.tonnes());
        o.put("objective", r.objective().code());
        strings(o.putArray("avoid"), r.avoidCountries());
        strings(o.putArray("closed_nodes"), r.closedNodes());
        strings(o.putArray("closed_links"), r.closedLinks());
        strings(o.putArray("modes"), r.modes().stream().map(m -> m.code()).toList());
        o.put("include_planned", r.includePlanned());
        if (r.maxRisk() == null) o.putNull("max_risk");
        else o.put("max_risk", r.maxRisk());
        ObjectNode pen = o.putObject("penalties_usd");
        new java.util.TreeMap<>(r.countryPenalties()).forEach(pen::put);
        o.set("closed", closed(network, r));
        return o;
    }

    /**
     * What the request closes, by id and name: {@code [{"id", "name", "kind"}]} with kind {@code crossing} (a border
     * crossing link), {@code link} or {@code place}; places first, each group by id.
     */
    public static ArrayNode closed(Network network, RouteRequest r) {
        ArrayNode a = MAPPER.createArrayNode();
        r.closedNodes().stream().sorted().forEach(id -> {
            ObjectNode x = a.addObject();
            x.put("id", id);
            x.put("name", network.node(id).map(Node::name).orElse(id));
            x.put("kind", "place");
        });
        r.closedLinks().stream().sorted().forEach(id -> {
            ObjectNode x = a.addObject();
            x.put("id", id);
            var link = network.link(id);
            x.put("name", link.map(l -> l.name().isBlank() ? id : l.name()).orElse(id));
            x.put("kind", link.map(l -> l.isCrossing() ? "crossing" : "link").orElse("link"));
        });
        return a;
    }

    private static void strings(ArrayNode a, java.util.Collection<String> values) {
        values.stream().sorted().forEach(a::add);
    }

    private static ObjectNode place(Network network, String id) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", id);
        network.node(id).ifPresent(n -> {
            o.put("name", n.name());
            o.put("country", n.country());
        });
        return o;
    }

    public static ObjectNode route(Route r) {
        ObjectNode o = MAPPER.createObjectNode();
        ArrayNode nodes = o.putArray("nodes");
        r.nodes().forEach(nodes::add);
        ArrayNode countries = o.putArray("countries");
        r.countries().forEach(countries::add);
        o.put("cargo", r.cargo());
        o.put("unit", r.unit());
        o.put("units", r.units());
        o.put("tonnes", r.tonnes());
        o.put("uses_non_operational", r.usesNonOperational());
        ArrayNode legs = o.putArray("legs");
        for (Leg l : r.legs()) legs.add(leg(l));
        ArrayNode crossings = o.putArray("crossings");
        for (CrossingUse c : r.crossings()) crossings.add(crossing(c));
        ArrayNode passages = o.putArray("passages");
        r.passages().forEach(passages::add);
        ArrayNode ts = o.putArray("transshipments");
        for (Transshipment t : r.transshipments()) ts.add(transshipment(t));
        o.set("totals", totals(r.totals()));
        if (r.departure() != null) {
            o.put("depart", r.departure().toString());
            o.put("arrive", r.arrival().toString());
        }
        ArrayNode costParts = o.putArray("cost_by_component");
        for (org.caravan.routing.CostBreakdown c : org.caravan.routing.CostBreakdown.of(r)) {
            costParts.addObject().put("component", c.component()).put("kind", c.kind()).put("usd", round(c.usd(), 2));
        }
        ArrayNode timeline = o.putArray("timeline");
        for (org.caravan.routing.TimeStep step : r.timeline()) {
            ObjectNode x = timeline.addObject();
            x.put("kind", step.kind().code());
            x.put("at", step.at());
            x.put("name", step.name());
            x.put("hours", round(step.hours(), 2));
            if (step.legIndex() >= 0) x.put("leg", step.legIndex());
            x.put("distribution", step.delay().meanHours() == 0 && step.delay().kind()
                    == org.caravan.cost.Wait.Kind.LOGNORMAL ? "fixed" : step.delay().kind().name().toLowerCase(
                    java.util.Locale.ROOT));
            if (step.delay().kind() == org.caravan.cost.Wait.Kind.INTERVAL) {
                x.put("departure_wait_interval_hours", round(step.delay().intervalHours(), 2));
            }
            if (step.railService() != null) {
                org.caravan.cost.RailService svc = step.railService();
                x.putObject("rail_service").put("id", svc.id()).put("departures_per_week", svc.departuresPerWeek())
                        .put("source", svc.source()).put("date", svc.date()).put("confidence", svc.confidence());
            }
            if (step.gate() != null) {
                x.put("opens", step.gate().opens().toString());
                x.put("closes", step.gate().closes().toString());
            }
        }
        o.put("risk", round(r.risk().score(), 3));
        ObjectNode rd = o.putObject("risk_detail");
        rd.put("risk_km", round(r.risk().riskKm(), 1));
        rd.put("max_class", r.risk().maxClass());
        ObjectNode shares = rd.putObject("km_share_by_class");
        r.risk().kmShareByClass().forEach((k, v) -> shares.put(k, round(v, 3)));
        ArrayNode exposure = o.putArray("exposure");
        for (CountryExposure e : r.exposure()) {
            ObjectNode x = exposure.addObject();
            x.put("country", e.country());
            x.put("name", e.name());
            x.put("km", round(e.km(), 1));
            x.put("hours", round(e.hours(), 2));
            x.put("usd", round(e.usd(), 2));
            x.put("risk_score", round(e.riskScore(), 3));
            x.put("risk_class", e.riskClass());
        }
        if (r.reliability() == null) {
            o.putNull("reliability");
        } else {
            ReliabilityStats rel = r.reliability();
            ObjectNode x = o.putObject("reliability");
            x.put("p50_hours", round(rel.p50Hours(), 1));
            x.put("p90_hours", round(rel.p90Hours(), 1));
            x.put("p95_hours", round(rel.p95Hours(), 1));
            x.put("mean_hours", round(rel.meanHours(), 1));
            x.put("samples", rel.samples());
            x.put("seed", rel.seed());
        }
        return o;
    }

    /** A plan (one route, alternatives or a Pareto set), restrictions worded in plain English. */
    public static ObjectNode toJson(Network network, org.caravan.routing.Plan plan) {
        return toJson(network, plan, PLAIN);
    }

    /** A plan, with the no-route message's restrictions worded by the front end ({@code wording}). */
    public static ObjectNode toJson(Network network, org.caravan.routing.Plan plan,
            Function<Restriction, String> wording) {
        ObjectNode root = toJson(network, plan.request(), plan.routes(), plan.noRoute(), wording);
        if (plan.note() != null) root.put("note", plan.note());
        root.put("truncated", plan.truncated());
        root.set("restrictions", restrictions(plan.effects()));
        return root;
    }

    /**
     * Every restriction in force and what it did: {@code [{"restriction", "values", "changed_route", "countries"}]};
     * {@code restriction} is the request parameter's name, {@code changed_route} is false when the best route is
     * the same without it (null: not checked), {@code countries} lists for {@code max_risk} the countries it
     * excludes. Country codes are ISO alpha-2; {@code names} gives each value's name where it has one.
     */
    public static ArrayNode restrictions(List<RestrictionEffect> effects) {
        ArrayNode a = MAPPER.createArrayNode();
        Countries countries = Countries.embedded();
        for (RestrictionEffect e : effects) {
            ObjectNode o = a.addObject();
            o.put("restriction", e.restriction().kind().parameter());
            ArrayNode v = o.putArray("values");
            e.restriction().values().forEach(v::add);
            if (e.restriction().kind() == Restriction.Kind.AVOID) {
                ArrayNode n = o.putArray("names");
                e.restriction().values().forEach(cc -> n.add(countries.name(cc)));
            }
            if (e.changedRoute() == null) o.putNull("changed_route");
            else o.put("changed_route", e.changedRoute());
            ArrayNode c = o.putArray("countries");
            e.countries().forEach(c::add);
        }
        return a;
    }

    /** Several routes (alternatives or a Pareto set) in the same shape as one. */
    public static ObjectNode toJson(Network network, RouteRequest request, List<Route> routes, NoRoute noRoute) {
        return toJson(network, request, routes, noRoute, PLAIN);
    }

    public static ObjectNode toJson(Network network, RouteRequest request, List<Route> routes, NoRoute noRoute,
            Function<Restriction, String> wording) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("request", request(network, request));
        ArrayNode a = root.putArray("routes");
        routes.forEach(r -> a.add(route(r)));
        if (noRoute != null) root.set("no_route", noRoute(noRoute, wording));
        return root;
    }

    /**
     * {@code {"message", "reason", "blocking_constraints": [worded], "blocking": [{"restriction", "values"}]}}: the
     * worded message for people, and the same as data ({@code restriction} is the request parameter's name).
     */
    public static ObjectNode noRoute(NoRoute noRoute, Function<Restriction, String> wording) {
        ObjectNode nr = MAPPER.createObjectNode();
        nr.put("message", noRoute.message(wording));
        nr.put("reason", noRoute.reason().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode b = nr.putArray("blocking_constraints");
        noRoute.blockingConstraints(wording).forEach(b::add);
        ArrayNode data = nr.putArray("blocking");
        for (Restriction x : noRoute.blocking()) {
            ObjectNode o = data.addObject();
            o.put("restriction", x.kind().parameter());
            ArrayNode v = o.putArray("values");
            x.values().forEach(v::add);
        }
        return nr;
    }

    static ObjectNode leg(Leg l) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("link", l.linkId());
        o.put("from", l.from());
        o.put("to", l.to());
        o.put("from_name", l.fromName());
        o.put("to_name", l.toName());
        o.put("mode", l.mode().code());
        o.put("cargo_mode", l.cargoMode().code());
        if (l.gauge() == null) o.putNull("gauge");
        else o.put("gauge", l.gauge().mm());
        o.put("km", round(l.km(), 1));
        o.put("hours", round(l.hours(), 2));
        o.put("usd", round(l.usd(), 2));
        o.put("co2_kg", round(l.co2Kg(), 1));
        o.put("co2_wtw_kg", round(l.co2Kg(), 1));
        o.put("co2_ttw_kg", round(l.co2TtwKg(), 1));
        if (l.country() == null) o.putNull("country");
        else o.put("country", l.country());
        o.put("status", l.status().code());
        o.put("confidence", l.confidence() == null ? null : l.confidence().code());
        return o;
    }

    static ObjectNode crossing(CrossingUse c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", c.id());
        o.put("name", c.name());
        o.put("from", c.fromNode());
        o.put("to", c.toNode());
        o.put("from_country", c.fromCountry());
        o.put("to_country", c.toCountry());
        o.put("mode", c.cargoMode().code());
        o.put("hours", round(c.hours(), 2));
        o.put("p90_hours", round(c.p90Hours(), 2));
        o.put("usd", round(c.usd(), 2));
        o.put("source", c.source());
        return o;
    }

    static ObjectNode transshipment(Transshipment t) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("at", t.at());
        o.put("at_name", t.atName());
        o.put("from_mode", t.fromMode().code());
        o.put("to_mode", t.toMode().code());
        if (t.fromGauge() == null) o.putNull("from_gauge");
        else o.put("from_gauge", t.fromGauge().mm());
        if (t.toGauge() == null) o.putNull("to_gauge");
        else o.put("to_gauge", t.toGauge().mm());
        o.put("reason", t.reason());
        o.put("hours", round(t.hours(), 2));
        o.put("usd", round(t.usd(), 2));
        o.put("co2_wtw_kg", round(t.co2Kg(), 1));
        return o;
    }

    static ObjectNode totals(Totals t) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("km", round(t.km(), 1));
        o.put("hours", round(t.hours(), 2));
        o.put("days", round(t.hours() / 24.0, 2));
        o.put("usd", round(t.usd(), 2));
        o.put("co2_kg", round(t.co2Kg(), 1));
        o.put("co2_wtw_kg", round(t.co2Kg(), 1));
        o.put("co2_ttw_kg", round(t.co2TtwKg(), 1));
        o.put("co2_hub_kg", round(t.co2HubKg(), 1));
        o.put("generalized_usd", round(t.generalizedUsd(), 2));
        o.put("penalty_usd", round(t.penaltyUsd(), 2));
        return o;
    }

    /** Rounded for reading; a number too large for exact rounding is left as it is (never clamped). */
    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        if (!Double.isFinite(v) || Math.abs(v * f) >= 1e15) return v;
        return Math.round(v * f) / f;
    }

    /** Node names for labels, for callers that only hold ids. */
    public static String name(Network network, String id) {
        return network.node(id).map(Node::name).orElse(id);
    }

}
