package org.caravan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.caravan.cost.CostModelLoader;
import org.caravan.risk.RiskRegister;
import org.caravan.scenario.ScenarioBase;
import org.caravan.server.CaravanServer;
import org.caravan.server.DuckDbScenarioStore;
import org.caravan.server.ScenarioStore;
import org.caravan.server.ServerLimits;
import org.caravan.trade.TradeStore;
import org.caravan.trade.TradeStoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caravan serve}: the HTTP API and the web map app on the embedded (or given) data. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the web app and HTTP API (open http://127.0.0.1:8080/ in a browser).",
            "Binds to 127.0.0.1 unless --host says otherwise; stops cleanly on Ctrl-C or SIGTERM."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--port", defaultValue = "8080", description = "Port (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to bind; 0.0.0.0 exposes the server to the network. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--allow-host", paramLabel = "NAME", split = ",",
            description = {"Another host name the Host header may carry (repeat or comma-separate), for a server "
                    + "reached through a DNS name or a proxy. Requests naming other hosts get 421: a page on another "
                    + "site cannot read the API by DNS rebinding. The names the server is bound to always work "
                    + "(localhost and 127.0.0.1 on loopback). '*' turns the check off."})
    java.util.List<String> allowHosts = new java.util.ArrayList<>();

    @Option(names = "--risk", paramLabel = "FILE", description = "Risk register merged over the embedded one.")
    Path riskFile;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The embedded store DIR/caravan.duckdb: saved scenarios and imported trade flows. "
                    + DataDir.HELP)
    Path dataDirOption;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) throw new UserInputException("--port: expected 0 to 65535, got " + port);
        var network = data.loadNetwork();
        data.loadCosts(); // refuses a bad --costs file with its own name and field paths
        RiskRegister risk = DataOptions.loadRisk(riskFile);
        ScenarioBase base = ScenarioBase.of(network, data.costs == null ? null : CostModelLoader.userTree(data.costs),
                risk);
        Path dataDir = DataDir.of(dataDirOption);
        ScenarioStore store;
        try {
            store = DuckDbScenarioStore.open(dataDir, base);
        } catch (ScenarioStore.StoreException e) {
            throw new UserInputException("--data-dir: " + rootMessage(e));
        }
        TradeStore trade;
        try {
            trade = TradeStore.open(dataDir);
        } catch (TradeStoreException e) {
            store.close();
            throw new UserInputException("--data-dir: " + e.getMessage());
        }
        for (String h : allowHosts) {
            if (!h.equals("*") && !h.matches("[A-Za-z0-9._:\\[\\]-]+")) {
                store.close();
                trade.close();
                throw new UserInputException("--allow-host: expected a host name or address, got '" + h + "'");
            }
        }
        CaravanServer server = new CaravanServer(base, store, trade,
                ServerLimits.defaults().withAllowedHosts(allowHosts));
        try {
            server.start(host, port);
        } catch (RuntimeException e) {
            store.close();
            trade.close();
            throw new UserInputException("cannot listen on " + host + ":" + port + ": " + rootMessage(e));
        }
        spec.commandLine().getOut().printf("Caravan is serving on http://%s:%d/ (Ctrl-C to stop)%n", host,
                server.port());
        spec.commandLine().getOut().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            store.close();
            trade.close();
            stopped.countDown();
        }, "caravan-shutdown"));
        stopped.await();
        return 0;
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) e = e.getCause();
        return e.getMessage();
    }
}
