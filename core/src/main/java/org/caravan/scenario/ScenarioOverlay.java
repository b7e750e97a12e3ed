package org.caravan.scenario;

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
        if (c.changesCosts()) {
            try {
                costs = CostModelLoader.fromTree(YamlOverlay.merge(base.costTree(),
                        CostModelLoader.withSources(c.costs().deepCopy(), "scenario " + file)), file);
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
