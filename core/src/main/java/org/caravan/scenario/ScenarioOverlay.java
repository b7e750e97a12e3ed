package org.caravan.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.caravan.cost.CostModel;
import org.caravan.cost.CostModelException;
import org.caravan.cost.CostModelLoader;
import org.caravan.geo.CountryShapes;
import org.caravan.io.GeoJsonNetworkReader;
import org.caravan.io.YamlOverlay;
import org.caravan.network.CrossingTimes;
import org.caravan.network.Link;
import org.caravan.network.LinkStatus;
import org.caravan.network.Network;
import org.caravan.network.NetworkBuilder;
import org.caravan.network.NetworkException;
import org.caravan.network.Problem;
import org.caravan.routing.Router;

/**
 * Applies a scenario to a base as an overlay. The result is a new {@link Network} built by
 * {@link NetworkBuilder} from the base's own records, with changed links replaced by copies and added links
 * appended; unchanged nodes and links are the very same objects, and the base is never touched. Holds no
 * state, so any number of scenarios may be applied and run at once.
 */
public final class ScenarioOverlay {
    private static final String BASE = "base network";

    private ScenarioOverlay() {}

    public static ScenarioRun apply(ScenarioBase base, Scenario scenario) throws ScenarioException {
        ScenarioChanges c = scenario.changes();
        String file = scenario.origin();
        Network net = base.network();
        // The base passed every check when it was loaded, and the overlay keeps its node coordinates, so the
        // (slow) country-shape check is skipped; every other rule applies to the changed and added links.
        NetworkBuilder b = new NetworkBuilder().countryShapes(CountryShapes.none());
        for (int i = 0; i < net.nodeCount(); i++) b.addNode(net.node(i), BASE, "node " + i);
        for (int i = 0; i < net.linkCount(); i++) b.addLink(changed(net.link(i), c), BASE, "link " + i);
        List<ObjectNode> added = c.addLinks();
        for (int i = 0; i < added.size(); i++) {
            GeoJsonNetworkReader.linkFields(added.get(i), file, "changes.add_links[" + i + "]", b);
        }
        List<Problem> problems = new ArrayList<>();
        Network overlay = null;
        try {
            overlay = b.build(net.origin() + " + scenario " + scenario.id());
        } catch (NetworkException e) {
            for (Problem p : e.problems()) problems.add(relocate(p, file));
        }
        CostModel costs = base.costs();
        ObjectNode tree = base.costTree();
        if (c.changesCosts()) {
            YamlOverlay.merge(tree, CostModelLoader.withSources(c.costs().deepCopy(), "scenario " + file));
        }
        ObjectNode placeTables = placeTableChanges(tree, c, file);
        if (c.changesCosts() || !placeTables.isEmpty()) {
            try {
                YamlOverlay.merge(tree, placeTables);
                costs = CostModelLoader.fromTree(tree, file);
            } catch (CostModelException e) {
                for (Problem p : e.problems()) {
                    problems.add(new Problem(file, "", "changes.costs." + p.field(), p.message()));
                }
            }
        }
        if (!problems.isEmpty()) throw new ScenarioException(problems);
        Router router = new Router(overlay, costs, base.risk());
        return new ScenarioRun(scenario, base, overlay, costs, router);
    }

    /**
     * The cost model's place tables hold the times the router uses for crossings (crossings.yaml) and for sea and
     * ferry departures (services.yaml); a scenario's change of a crossing's or a ferry link's times is written into
     * them too, or it would change the network file's figures but not the answer. A ferry link given a new mean
     * wait has its service entry replaced in {@code tree}; a crossing given new hours loses its per-cargo overrides
     * in {@code tree} (the scenario's hours are then the crossing's for every cargo).
     */
    private static ObjectNode placeTableChanges(ObjectNode tree, ScenarioChanges c, String file) {
        ObjectNode out = YamlOverlay.YAML.createObjectNode();
        c.crossings().forEach((id, cc) -> {
            JsonNode rule = tree.path("crossings").path(id);
            if (rule.isMissingNode()) return;
            ObjectNode entry = obj(obj(out, "crossings"), id);
            // as on the network link: a field without its _rev twin sets both directions
            direction(rule.path("forward"), cc.hoursMean(), cc.hoursP90(), cc.feeUsd(), entry, "forward");
            JsonNode rev = rule.has("reverse") ? rule.path("reverse") : rule.path("forward");
            direction(rev, or(cc.hoursMeanRev(), cc.hoursMean()), or(cc.hoursP90Rev(), cc.hoursP90()),
                    or(cc.feeUsdRev(), cc.feeUsd()), entry, "reverse");
            if (!entry.has("reverse") && rule.has("reverse")) entry.remove("reverse");
            // the scenario's figures are the crossing's for all cargo: its per-cargo overrides no longer apply
            if ((cc.hoursMean() != null || cc.hoursP90() != null || cc.hoursMeanRev() != null
                    || cc.hoursP90Rev() != null) && rule instanceof ObjectNode o) o.remove("cargo");
            obj(obj(out, "sources"), "crossings." + id).put("source", "scenario " + file).put("confidence",
                    "estimated");
        });
        c.links().forEach((id, lc) -> {
            if (lc.waitHours() == null || tree.path("services").path(id).isMissingNode()) return;
            double factor = tree.path("reliability").path("wait_p90_to_mean").asDouble(2.0);
            ObjectNode service = YamlOverlay.YAML.createObjectNode();
            JsonNode speed = tree.path("services").path(id).path("sailing_speed_kmh");
            if (speed.isNumber()) service.set("sailing_speed_kmh", speed);
            // the scenario changes the wait, not the price: a published fare stays
            JsonNode fare = tree.path("services").path(id).path("fare_usd");
            if (fare.isObject()) service.set("fare_usd", fare);
            service.put("wait_hours", lc.waitHours()).put("p90_wait_hours", lc.waitHours() * factor);
            // a whole new service shape: replace, do not merge, the table's entry
            obj(tree, "services").remove(id);
            obj(out, "services").set(id, service);
            obj(obj(out, "sources"), "services." + id).put("source", "scenario " + file).put("confidence",
                    "estimated");
        });
        return out;
    }

    private static Double or(Double a, Double b) { return a != null ? a : b; }

    private static ObjectNode obj(ObjectNode parent, String key) {
        return parent.get(key) instanceof ObjectNode o ? o : parent.putObject(key);
    }

    private static void direction(JsonNode base, Double mean, Double p90, Double fee, ObjectNode entry, String key) {
        if (mean == null && p90 == null && fee == null) return;
        ObjectNode d = obj(entry, key);
        double baseMean = base.path("wait_hours").asDouble();
        double baseP90 = base.path("p90_wait_hours").asDouble();
        if (mean != null) d.put("wait_hours", mean);
        if (p90 != null) {
            d.put("p90_wait_hours", p90);
        } else if (mean != null) {
            // keep the table's spread: p90 scaled with the mean
            d.put("p90_wait_hours", baseMean > 0 ? baseP90 * mean / baseMean : mean);
        }
        if (fee != null) d.put("fee_usd", fee);
    }

    /** A problem of the overlay network, located in the scenario file (added links) or said to be in the base. */
    private static Problem relocate(Problem p, String file) {
        if (p.file().equals(BASE)) {
            return new Problem(file, "", "changes", "the changed network is invalid at " + p);
        }
        String field = p.location().isEmpty() ? p.field() : p.field().isEmpty() ? p.location()
                : p.location() + "." + p.field();
        return new Problem(file, "", field, p.message());
    }

    /** The link as the scenario leaves it: the same object when the scenario does not touch it. */
    private static Link changed(Link l, ScenarioChanges c) {
        Link out = l;
        String id = l.id();
        if (c.closeLinks().contains(id)) out = withStatus(out, LinkStatus.CLOSED);
        if (c.reopen().contains(id) || c.open().contains(id)) out = withStatus(out, LinkStatus.OPERATIONAL);
        ScenarioChanges.LinkChange lc = c.links().get(id);
        if (lc != null) out = lc.applyTo(out);
        ScenarioChanges.CrossingChange cc = c.crossings().get(id);
        if (cc != null) out = cc.applyTo(out);
        return out;
    }

    static Link withStatus(Link l, LinkStatus status) {
        return copy(l, status, l.km(), l.hours(), l.waitHours(), l.forward(), l.backward(), l.capacityTonnesPerDay());
    }

    /** A copy of {@code l} with the fields scenarios may change replaced. */
    static Link copy(Link l, LinkStatus status, double km, OptionalDouble hours, double waitHours,
            CrossingTimes forward, CrossingTimes backward, OptionalDouble capacity) {
        return new Link(l.id(), l.name(), l.from(), l.to(), l.mode(), l.gauges(), km, hours, waitHours, status,
                l.oneway(), l.carries(), forward, backward, capacity, l.geometry(), l.source(), l.confidence(),
                l.note());
    }
}
