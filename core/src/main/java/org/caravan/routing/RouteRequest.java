package org.caravan.routing;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.caravan.network.Mode;

/**
 * One routing question, with places already resolved to node ids.
 *
 * @param via            node ids the route must pass, in order
 * @param cargo          cost-model profile name ("bulk", "container")
 * @param tonnes         shipment size in tonnes; {@code null} means one cargo unit (a tonne, or one box)
 * @param avoidCountries ISO2 codes the route may not enter
 * @param closedNodes    node ids the route may not use
 * @param closedLinks    link ids (including crossings) the route may not use
 * @param modes          modes the cargo may travel in; crossings follow the mode the cargo is in
 * @param includePlanned also use links under construction or planned (never closed ones)
 */
public record RouteRequest(
        String from,
        String to,
        List<String> via,
        String cargo,
        Double tonnes,
        Objective objective,
        Set<String> avoidCountries,
        Set<String> closedNodes,
        Set<String> closedLinks,
        Set<Mode> modes,
        boolean includePlanned) {

    public RouteRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        via = via == null ? List.of() : List.copyOf(via);
        cargo = cargo == null ? "container" : cargo;
        objective = objective == null ? Objective.COST : objective;
        avoidCountries = avoidCountries == null ? Set.of() : Set.copyOf(avoidCountries);
        closedNodes = closedNodes == null ? Set.of() : Set.copyOf(closedNodes);
        closedLinks = closedLinks == null ? Set.of() : Set.copyOf(closedLinks);
        modes = modes == null || modes.isEmpty() ? Set.copyOf(EnumSet.copyOf(Mode.CARRIER_MODES)) : Set.copyOf(modes);
        if (tonnes != null && !(tonnes > 0 && Double.isFinite(tonnes))) {
            throw new IllegalArgumentException("tonnes must be a positive number, got " + tonnes);
        }
    }

    /** A request with defaults: container, cost objective, no restrictions. */
    public static RouteRequest of(String from, String to) {
        return new RouteRequest(from, to, List.of(), "container", null, Objective.COST, Set.of(), Set.of(), Set.of(),
                Set.of(), false);
    }

    public RouteRequest withCargo(String c) {
        return new RouteRequest(from, to, via, c, tonnes, objective, avoidCountries, closedNodes, closedLinks, modes,
                includePlanned);
    }

    public RouteRequest withObjective(Objective o) {
        return new RouteRequest(from, to, via, cargo, tonnes, o, avoidCountries, closedNodes, closedLinks, modes,
                includePlanned);
    }

    public RouteRequest withAvoid(Set<String> countries) {
        return new RouteRequest(from, to, via, cargo, tonnes, objective, countries, closedNodes, closedLinks, modes,
                includePlanned);
    }

    public RouteRequest withClosed(Set<String> nodes, Set<String> links) {
        return new RouteRequest(from, to, via, cargo, tonnes, objective, avoidCountries, nodes, links, modes,
                includePlanned);
    }

    public RouteRequest withModes(Set<Mode> m) {
        return new RouteRequest(from, to, via, cargo, tonnes, objective, avoidCountries, closedNodes, closedLinks, m,
                includePlanned);
    }

    public RouteRequest withIncludePlanned(boolean p) {
        return new RouteRequest(from, to, via, cargo, tonnes, objective, avoidCountries, closedNodes, closedLinks,
                modes, p);
    }

    public RouteRequest withVia(List<String> v) {
        return new RouteRequest(from, to, v, cargo, tonnes, objective, avoidCountries, closedNodes, closedLinks,
                modes, includePlanned);
    }

    public RouteRequest withTonnes(Double t) {
        return new RouteRequest(from, to, via, cargo, t, objective, avoidCountries, closedNodes, closedLinks,
                modes, includePlanned);
    }
}
