package org.caravan.routing;

import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.caravan.network.Cargo;
import org.caravan.network.Confidence;
import org.caravan.network.CrossingTimes;
import org.caravan.network.Gauge;
import org.caravan.network.Link;
import org.caravan.network.LinkStatus;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.NetworkBuilder;
import org.caravan.network.NetworkException;
import org.caravan.network.Node;
import org.caravan.network.NodeKind;

/** Small builders for hand-made test networks (no loaders involved). */
final class Nets {
    private Nets() {}

    /**
     * The cost defaults as they were before the door-to-door time model (no rest, terminal dwell, crossing or
     * service tables; flat CO2 factors), for tests that check routing mechanics against hand-computed figures.
     * The time components have tests of their own (TimeModelTest).
     */
    static org.caravan.cost.CostModel classicCosts() {
        try (java.io.InputStream in = Nets.class.getResourceAsStream("/org/caravan/routing/classic-costs.yaml")) {
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) org.caravan.io.YamlOverlay.YAML.readTree(in);
            return org.caravan.cost.CostModelLoader.fromTree(tree, "classic-costs.yaml");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Node node(String id, String country) {
        return node(id, country, false, false, Set.of());
    }

    static Node node(String id, String country, boolean transship, boolean gaugeChange, Set<Cargo> handles) {
        return new Node(id, "Name " + id, List.of(), country, NodeKind.JUNCTION, 0, 0, handles, gaugeChange,
                transship, "test", Confidence.ESTIMATED, "");
    }

    static Link link(String id, String from, String to, Mode mode, Set<Gauge> gauges, double km,
            OptionalDouble hours, double wait, LinkStatus status, boolean oneway) {
        return new Link(id, "", from, to, mode, gauges, km, hours, wait, status, oneway, null, null, null, null,
                null, "test", Confidence.ESTIMATED, "");
    }

    static Link road(String id, String from, String to, double km) {
        return link(id, from, to, Mode.ROAD, Set.of(), km, OptionalDouble.empty(), 0, LinkStatus.OPERATIONAL, false);
    }

    static Link rail(String id, String from, String to, Gauge g, double km) {
        return link(id, from, to, Mode.RAIL, Set.of(g), km, OptionalDouble.empty(), 0, LinkStatus.OPERATIONAL,
                false);
    }

    static Link crossing(String id, String from, String to, double km, Set<Mode> carries, Set<Gauge> gauges,
            CrossingTimes forward, CrossingTimes backward) {
        return new Link(id, "X " + id, from, to, Mode.CROSSING, gauges, km, OptionalDouble.empty(), 0,
                LinkStatus.OPERATIONAL, false, carries, forward, backward, null, null, "test", Confidence.ESTIMATED,
                "");
    }

    static Link withStatus(Link l, LinkStatus s) {
        return new Link(l.id(), l.name(), l.from(), l.to(), l.mode(), l.gauges(), l.km(), l.hours(), l.waitHours(),
                s, l.oneway(), l.carries(), l.forward(), l.backward(), l.capacityTonnesPerDay(), l.geometry(),
                l.source(), l.confidence(), l.note());
    }

    static Link oneway(Link l) {
        return new Link(l.id(), l.name(), l.from(), l.to(), l.mode(), l.gauges(), l.km(), l.hours(), l.waitHours(),
                l.status(), true, l.carries(), l.forward(), l.backward(), l.capacityTonnesPerDay(), l.geometry(),
                l.source(), l.confidence(), l.note());
    }

    static Network net(List<Node> nodes, List<Link> links) {
        // Synthetic graphs: made-up coordinates and deliberately unusual links (a crossing that carries ferries,
        // a road across a border) test the router beyond what curated data contains.
        NetworkBuilder b = new NetworkBuilder().curationRules(false);
        int line = 2;
        for (Node n : nodes) b.addNode(n, "test", "line " + line++);
        line = 2;
        for (Link l : links) b.addLink(l, "test", "line " + line++);
        try {
            return b.build("test");
        } catch (NetworkException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
