package org.caravan.scenario;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.caravan.cost.CostModel;
import org.caravan.network.Network;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.Router;

/**
 * A scenario applied to a base: the overlay network and cost model with a router over them, and the
 * restrictions that hold for every request (closed nodes, avoided and penalised countries). Immutable.
 */
public record ScenarioRun(Scenario scenario, ScenarioBase base, Network network, CostModel costs, Router router) {

    /**
     * The request with the scenario's restrictions added to the user's own: closures and avoided countries are
     * unions; penalties for one country add up (both the user and the scenario want it avoided).
     */
    public RouteRequest restrict(RouteRequest r) {
        ScenarioChanges c = scenario.changes();
        Set<String> nodes = new LinkedHashSet<>(r.closedNodes());
        nodes.addAll(c.closeNodes());
        Set<String> avoid = new LinkedHashSet<>(r.avoidCountries());
        avoid.addAll(c.avoid());
        Map<String, Double> penalties = new HashMap<>(r.countryPenalties());
        c.penalties().forEach((cc, usd) -> penalties.merge(cc, usd, Double::sum));
        return r.withClosed(nodes, r.closedLinks()).withAvoid(avoid).withPenalties(penalties);
    }
}
