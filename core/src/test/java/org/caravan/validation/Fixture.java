package org.caravan.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.caravan.cost.CostModel;
import org.caravan.cost.CostModelLoader;
import org.caravan.io.NetworkLoader;
import org.caravan.io.YamlOverlay;
import org.caravan.network.Network;
import org.caravan.risk.RiskRegisterLoader;
import org.caravan.routing.Router;

/**
 * A three-place network in Kazakhstan (Almaty - Shu - Taraz; road 300 + 250 km, rail 280 + 240 km) and a cost
 * model with round numbers (container: road 100 USD + 2 USD/km at 50 km/h, rail 200 USD + 1 USD/km at 40 km/h),
 * so that every expected value can be worked out by hand.
 */
final class Fixture {
    static final String DIR = "/org/caravan/validation/";

    private Fixture() {}

    static Network network() {
        try {
            return new NetworkLoader().loadResources(DIR + "nodes.csv", DIR + "links.csv");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode costTree() {
        return YamlOverlay.resource(DIR + "costs.yaml");
    }

    static CostModel costs() {
        try {
            return CostModelLoader.fromTree(costTree(), "costs.yaml");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Router router() {
        return new Router(network(), costs(), RiskRegisterLoader.defaults());
    }

    static List<Observation> observations(String resource) {
        try (Reader r = new InputStreamReader(Fixture.class.getResourceAsStream(DIR + resource),
                StandardCharsets.UTF_8)) {
            return ObservationFile.read(r, resource);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
