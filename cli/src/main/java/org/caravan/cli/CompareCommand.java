package org.caravan.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.caravan.corridor.CorridorComparison;
import org.caravan.corridor.CorridorComparison.Comparison;
import org.caravan.corridor.CorridorComparison.Option;
import org.caravan.corridor.Corridors;
import org.caravan.network.Network;
import org.caravan.place.PlaceIndex;
import org.caravan.place.RouteQuery;
import org.caravan.report.RouteJson;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.Router;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code caravan compare FROM TO --corridors A,B}: the route forced through each corridor, side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare routes forced through named corridors, crossings or places, side by side.",
            "Corridors: trans-afghan-east, trans-afghan-west, kti, instc-west, caspian, iran-sarakhs, termez-hairatan"
                + " (core resource org/caravan/corridor/corridors.yaml); any crossing name, link id or place works too.",
            "Exit code 0: at least one option has a route; 1: none has; 2: bad input."})
final class CompareCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Parameters(index = "0", paramLabel = "FROM", descriptionKey = "route.from")
    String from;

    @Parameters(index = "1", paramLabel = "TO", descriptionKey = "route.to")
    String to;

    @Mixin
    RouteOptions.Query query;

    @picocli.CommandLine.Option(names = "--corridors", paramLabel = "NAME", split = ",", required = true,
            description = "Corridor ids, crossing names, link ids or places, e.g. --corridors "
                + "trans-afghan-east,trans-afghan-west,kti.")
    List<String> corridors = new ArrayList<>();

    @picocli.CommandLine.Option(names = "--format", paramLabel = "FMT", defaultValue = "text",
            description = "Output: text or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @picocli.CommandLine.Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the answer to FILE instead of stdout.")
    Path output;

    @Override
    public Integer call() throws Exception {
        Network network = data.loadNetwork();
        Router router = new Router(network, data.loadCosts());
        RouteQuery.Builder b = RouteQuery.builder().from(from).to(to);
        query.apply(b);
        RouteQuery q = b.build();
        RouteRequest request = q.resolve(network, router.costModel(), new PlaceIndex(network));
        Comparison c = new CorridorComparison(router, Corridors.embedded()).compare(request, corridors);
        String out = format == Format.json
                ? RouteJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json(network, c)) + "\n"
                : text(network, c);
        TextOutput.write(spec, output, out);
        return c.cheapest() >= 0 ? 0 : CaravanCli.NO_ROUTE;
    }

    static ObjectNode json(Network network, Comparison c) {
        ObjectNode root = RouteJson.MAPPER.createObjectNode();
        root.put("from", c.request().from());
        root.put("to", c.request().to());
        root.put("cargo", c.request().cargo());
        ArrayNode options = root.putArray("options");
        for (int i = 0; i < c.options().size(); i++) {
            Option o = c.options().get(i);
            ObjectNode x = options.addObject();
            x.put("token", o.token());
            x.put("kind", o.kind());
            x.put("name", o.label());
            x.put("description", o.description());
            ArrayNode steps = x.putArray("steps");
            o.steps().forEach(steps::add);
            x.put("source", o.source());
            x.put("found", o.found());
            x.put("cheapest", i == c.cheapest());
            x.put("fastest", i == c.fastest());
            x.put("least_risk", i == c.leastRisk());
            if (o.found()) x.set("route", RouteJson.route(o.route()));
            else x.put("no_route", o.noRoute() == null ? "" : o.noRoute().message(RouteOptions::word));
        }
        root.put("cheapest", c.cheapest() < 0 ? null : c.options().get(c.cheapest()).token());
        root.put("fastest", c.fastest() < 0 ? null : c.options().get(c.fastest()).token());
        root.put("least_risk", c.leastRisk() < 0 ? null : c.options().get(c.leastRisk()).token());
        root.put("verdict", c.verdict());
        if (c.unrestricted() != null) root.set("unrestricted", RouteJson.route(c.unrestricted()));
        else root.putNull("unrestricted");
        return root;
    }

    static String text(Network network, Comparison c) {
        StringBuilder sb = new StringBuilder();
        sb.append(RouteJson.name(network, c.request().from())).append(" -> ")
                .append(RouteJson.name(network, c.request().to())).append(", cargo ").append(c.request().cargo())
                .append(", routes forced through each option\n\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"option", "countries", "crossings", "km", "days", "USD", "generalized USD", "risk",
            "best"});
        for (int i = 0; i < c.options().size(); i++) {
            Option o = c.options().get(i);
            if (!o.found()) {
                rows.add(new String[] {o.token(), "no route", "", "", "", "", "", "", ""});
                continue;
            }
            List<String> marks = new ArrayList<>();
            if (i == c.cheapest()) marks.add("cheapest");
            if (i == c.fastest()) marks.add("fastest");
            if (i == c.leastRisk()) marks.add("least risk");
            rows.add(row(o.token(), o.route(), String.join(", ", marks)));
        }
        if (c.unrestricted() != null) rows.add(row("(not forced)", c.unrestricted(), "reference"));
        TextOutput.table(sb, rows, new boolean[] {false, false, false, true, true, true, true, true, false});
        sb.append('\n').append(c.verdict()).append('\n');
        for (Option o : c.options()) {
            sb.append("\n").append(o.token()).append(" (").append(o.kind()).append("): ").append(o.label()).append('\n');
            sb.append("  through: ").append(String.join(" > ", o.steps())).append('\n');
            if (!o.found()) sb.append("  no route: ").append(o.noRoute() == null ? "" : o.noRoute().message(RouteOptions::word)).append('\n');
            if (!o.source().isBlank()) sb.append("  source: ").append(o.source()).append('\n');
        }
        return sb.toString();
    }

    private static String[] row(String label, Route r, String marks) {
        return new String[] {label, String.join(">", r.countries()), String.join(", ", r.crossingNames()),
            RouteText.num(r.totals().km(), 0), RouteText.num(r.totals().hours() / 24, 1),
            RouteText.num(r.totals().usd(), 0), RouteText.num(r.totals().generalizedUsd(), 0),
            RouteText.num(r.risk().score(), 2), marks};
    }
}
