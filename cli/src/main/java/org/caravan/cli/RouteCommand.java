package org.caravan.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.caravan.cost.CostModel;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.place.PlaceIndex;
import org.caravan.report.RouteGeoJson;
import org.caravan.report.RouteJson;
import org.caravan.routing.Objective;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.RouteResult;
import org.caravan.routing.Router;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caravan route FROM TO}: the best route under the user's objective and restrictions. */
@Command(name = "route", mixinStandardHelpOptions = true,
        description = {"Find the best freight route between two places.",
            "Places are UN/LOCODEs (KZALA), node ids or names (case and diacritics ignored).",
            "Exit code 0: route found; 1: no route under the restrictions (the answer says which one blocks);"
                + " 2: bad input."})
final class RouteCommand implements Callable<Integer> {
    enum Format { text, json, geojson }

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Parameters(index = "0", paramLabel = "FROM", description = "Origin place.")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "Destination place.")
    String to;

    @Option(names = "--cargo", paramLabel = "PROFILE", defaultValue = "container",
            description = "Cargo profile: bulk (priced per tonne) or container (per 40-ft box). Default: ${DEFAULT-VALUE}.")
    String cargo;

    @Option(names = "--tonnes", paramLabel = "N",
            description = "Shipment size in tonnes; costs and CO2 are for the whole shipment (containers: boxes needed).")
    Double tonnes;

    @Option(names = "--objective", paramLabel = "OBJ", defaultValue = "cost",
            description = "What to minimise: cost (USD + value of time), time, distance or co2. Default: ${DEFAULT-VALUE}.")
    String objective;

    @Option(names = "--avoid", paramLabel = "CC", split = ",",
            description = "Countries (ISO alpha-2) the route may not enter, e.g. --avoid RU,AF.")
    List<String> avoid = new ArrayList<>();

    @Option(names = "--close", paramLabel = "PLACE_OR_ID", split = ",",
            description = "Places, crossings (by name) or link ids to treat as closed.")
    List<String> close = new ArrayList<>();

    @Option(names = "--modes", paramLabel = "MODE", split = ",",
            description = "Modes the cargo may travel in: rail, road, sea, ferry (default: all).")
    List<String> modes = new ArrayList<>();

    @Option(names = "--include-planned",
            description = "Also use links that are planned or under construction (labelled in the answer).")
    boolean includePlanned;

    @Option(names = "--via", paramLabel = "PLACE",
            description = "A place the route must pass; repeat for several, in order.")
    List<String> via = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text",
            description = "Output: text, json or geojson. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--detail", description = "Text output: one row per link instead of one per run in a mode and country.")
    boolean detail;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the answer to FILE instead of stdout.")
    Path output;

    @Override
    public Integer call() throws Exception {
        Network network = data.loadNetwork();
        CostModel costs = data.loadCosts();
        Router router = new Router(network, costs);
        RouteRequest request = buildRequest(network, costs);
        RouteResult result = router.route(request);
        String out = switch (format) {
            case json -> RouteJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(RouteJson.toJson(network, result)) + "\n";
            case geojson -> {
                ObjectNode fc = RouteGeoJson.toGeoJson(network, result);
                yield RouteJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(fc) + "\n";
            }
            case text -> RouteText.format(network, result, detail);
        };
        write(out);
        if (!result.found()) {
            if (format != Format.text) spec.commandLine().getErr().println("caravan: " + result.noRoute().message());
            return CaravanCli.NO_ROUTE;
        }
        return 0;
    }

    private void write(String text) throws IOException {
        if (output == null) {
            PrintWriter w = spec.commandLine().getOut();
            w.print(text);
            w.flush();
        } else {
            try {
                Files.writeString(output, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserInputException("--output: cannot write " + output + ": " + e.getMessage());
            }
        }
    }

    RouteRequest buildRequest(Network network, CostModel costs) {
        PlaceIndex places = new PlaceIndex(network);
        if (costs.profile(cargo).isEmpty()) {
            throw new UserInputException("--cargo: unknown cargo '" + cargo + "', expected one of "
                    + costs.profileNames());
        }
        Objective obj;
        try {
            obj = Objective.parse(objective);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--objective: " + e.getMessage());
        }
        if (tonnes != null && !(tonnes > 0 && Double.isFinite(tonnes))) {
            throw new UserInputException("--tonnes: expected a positive number, got " + tonnes);
        }
        Node a = places.resolve(from, "from");
        Node b = places.resolve(to, "to");
        List<String> viaIds = new ArrayList<>();
        for (String v : via) viaIds.add(places.resolve(v, "via").id());
        Set<String> countries = new TreeSet<>();
        for (Node n : network.nodes()) countries.add(n.country());
        Set<String> avoidCodes = new LinkedHashSet<>();
        for (String c : avoid) {
            String cc = c.trim().toUpperCase(Locale.ROOT);
            if (cc.isEmpty()) continue;
            if (!cc.matches("[A-Z]{2}")) {
                throw new UserInputException("--avoid: '" + c + "' is not an ISO 3166-1 alpha-2 country code");
            }
            if (!countries.contains(cc)) {
                throw new UserInputException("--avoid: no place of the network is in '" + cc + "'; countries: "
                        + String.join(",", countries));
            }
            avoidCodes.add(cc);
        }
        Set<String> closedNodes = new LinkedHashSet<>();
        Set<String> closedLinks = new LinkedHashSet<>();
        for (String c : close) {
            if (c.isBlank()) continue;
            PlaceIndex.Closure closure = places.resolveClosure(c);
            closedNodes.addAll(closure.nodes());
            closedLinks.addAll(closure.links());
        }
        Set<Mode> modeSet = new LinkedHashSet<>();
        for (String m : modes) {
            if (m.isBlank()) continue;
            Mode mode;
            try {
                mode = Mode.parse(m);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--modes: " + e.getMessage());
            }
            if (!mode.isCarrier()) {
                throw new UserInputException("--modes: crossings follow the cargo's mode; give rail, road, sea or ferry");
            }
            modeSet.add(mode);
        }
        return new RouteRequest(a.id(), b.id(), viaIds, cargo, tonnes, obj, avoidCodes, closedNodes, closedLinks,
                modeSet, includePlanned);
    }
}
