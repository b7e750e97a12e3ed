package org.caravan.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.place.PlaceIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caravan places QUERY}: find places by name, to see which ids and spellings route accepts. */
@Command(name = "places", mixinStandardHelpOptions = true,
        description = "Search the network's places by name, alternative name or UN/LOCODE.")
final class PlacesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Parameters(paramLabel = "QUERY", arity = "0..1", description = "Part of a name or code; empty lists all.")
    String query;

    @Option(names = "--limit", defaultValue = "20", description = "Most places to list. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Override
    public Integer call() throws Exception {
        Network network = data.loadNetwork();
        List<Node> hits = query == null || query.isBlank() ? network.nodes().stream().limit(limit).toList()
                : new PlaceIndex(network).search(query, limit);
        var out = spec.commandLine().getOut();
        for (Node n : hits) {
            out.printf("%-14s %-28s %s  %-12s %s%n", n.id(), n.name(), n.country(), n.kind().code(),
                    n.altNames().isEmpty() ? "" : "(" + String.join(", ", n.altNames()) + ")");
        }
        if (hits.isEmpty()) {
            out.println("no place matches '" + query + "'");
            return CaravanCli.NO_ROUTE;
        }
        return 0;
    }
}
