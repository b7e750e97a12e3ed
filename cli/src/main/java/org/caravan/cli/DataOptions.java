package org.caravan.cli;

import java.nio.file.Path;
import java.util.List;
import org.caravan.cost.CostModel;
import org.caravan.cost.CostModelException;
import org.caravan.cost.CostModelLoader;
import org.caravan.io.NetworkLoader;
import org.caravan.network.Network;
import org.caravan.network.NetworkException;
import org.caravan.risk.RiskRegister;
import org.caravan.risk.RiskRegisterException;
import org.caravan.risk.RiskRegisterLoader;
import picocli.CommandLine.Option;

/** Options that choose the data a command works on: the network and the cost model. */
final class DataOptions {
    @Option(names = "--network", paramLabel = "FILE", split = ",",
            description = "Network to use instead of the embedded one: nodes.csv and links.csv, or GeoJSON file(s).")
    List<Path> network;

    @Option(names = "--costs", paramLabel = "FILE",
            description = "Cost file (YAML or JSON) merged over the embedded defaults; it may override any part.")
    Path costs;

    Network loadNetwork() throws NetworkException {
        NetworkLoader loader = new NetworkLoader();
        return network == null || network.isEmpty() ? loader.loadEmbedded() : loader.load(network);
    }

    /** The risk register: the embedded one, or {@code file} merged over it. */
    static RiskRegister loadRisk(Path file) {
        try {
            return file == null ? RiskRegisterLoader.defaults() : RiskRegisterLoader.load(file);
        } catch (RiskRegisterException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    CostModel loadCosts() throws CostModelException {
        return costs == null ? CostModelLoader.defaults() : CostModelLoader.load(costs);
    }
}
