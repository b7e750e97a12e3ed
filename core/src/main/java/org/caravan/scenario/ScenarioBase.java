package org.caravan.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.caravan.cost.CostModel;
import org.caravan.cost.CostModelException;
import org.caravan.cost.CostModelLoader;
import org.caravan.io.NetworkLoader;
import org.caravan.io.YamlOverlay;
import org.caravan.network.Network;
import org.caravan.network.NetworkException;
import org.caravan.place.PlaceIndex;
import org.caravan.risk.RiskRegister;
import org.caravan.risk.RiskRegisterLoader;
import org.caravan.routing.Router;

/**
 * The baseline a scenario changes: the network, the cost model and the tree it was built from (a scenario's
 * {@code costs} merge over that tree), the risk register, and a router and place index over the base network.
 * Immutable and thread-safe (a {@link Router} is); build it once and run any number of scenarios against it.
 */
public record ScenarioBase(Network network, ObjectNode costTree, CostModel costs, RiskRegister risk, Router router,
        PlaceIndex places) {

    public ScenarioBase {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(costs, "costs");
        costTree = costTree.deepCopy();
    }

    // A copy: callers merge into it.
    @Override
    public ObjectNode costTree() { return costTree.deepCopy(); }

    /**
     * @param userCosts a user's cost file already read as a tree ({@code --costs}), or null for the defaults
     */
    public static ScenarioBase of(Network network, ObjectNode userCosts, RiskRegister risk)
            throws CostModelException {
        ObjectNode tree = CostModelLoader.readDefaults();
        String name = CostModelLoader.DEFAULTS_RESOURCE;
        if (userCosts != null) {
            YamlOverlay.merge(tree, CostModelLoader.withSources(userCosts.deepCopy(), "the --costs file"));
            name = "cost file";
        }
        CostModel costs = CostModelLoader.fromTree(tree, name);
        RiskRegister r = risk == null ? RiskRegisterLoader.defaults() : risk;
        return new ScenarioBase(network, tree, costs, r, new Router(network, costs, r), new PlaceIndex(network));
    }

    /** The embedded network, cost defaults and risk register. */
    public static ScenarioBase embedded() {
        try {
            return of(new NetworkLoader().loadEmbedded(), null, null);
        } catch (NetworkException | CostModelException e) {
            throw new IllegalStateException("embedded data is invalid: " + e.getMessage(), e);
        }
    }
}
