package org.caravan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.caravan.network.Network;
import org.caravan.place.PlaceIndex;
import org.caravan.place.PlaceList;
import org.caravan.place.RouteQuery;
import org.caravan.report.MatrixJson;
import org.caravan.report.RouteJson;
import org.caravan.routing.CostMatrix;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.Router;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code caravan matrix --from A,B --to C,D}: many-to-many costs, times and distances (an OD matrix). */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = {"Many-to-many: the best route's generalized cost, money, time, distance and CO2 from every origin"
                + " to every destination, under one cargo, objective and set of restrictions (one search tree per"
                + " origin, origins in parallel; a text table of the objective's own value without restrictions,"
                + " for the distance and co2 objectives, comes from a contraction hierarchy's bucket many-to-many, with the same values).",
            "Places from --from/--to, or a CSV file (--places) with column place and optional role (from, to, both)."
                + " Without --to the destinations are the origins (a square matrix).",
            "Exit code 0: every pair has a route; 1: some pair has none; 2: bad input."})
final class MatrixCommand implements Callable<Integer> {
    enum Format { text, csv, json }

    enum Value { cost, usd, hours, days, km, co2 }

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--from", paramLabel = "PLACE", split = ",", description = "Origins: names, codes or node ids.")
    List<String> from = new ArrayList<>();

    @Option(names = "--to", paramLabel = "PLACE", split = ",",
            description = "Destinations (default: the origins).")
    List<String> to = new ArrayList<>();

    @Option(names = "--places", paramLabel = "FILE",
            description = "CSV of places: column place, optional role (from, to or both; default both).")
    Path placesFile;

    @Mixin
    RouteOptions.Query query;

    @Option(names = "--value", paramLabel = "V", defaultValue = "cost",
            description = "What the text table shows: cost (generalized USD), usd, hours, days, km or co2. Default:"
                + " ${DEFAULT-VALUE}. CSV and JSON carry all of them.")
    Value value;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text",
            description = "Output: text, csv or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the answer to FILE instead of stdout.")
    Path output;

    @Override
    public Integer call() throws Exception {
        Network network = data.loadNetwork();
        Router router = new Router(network, data.loadCosts());
        PlaceIndex places = new PlaceIndex(network);
        List<String> origins = new ArrayList<>();
        List<String> destinations = new ArrayList<>();
        if (placesFile != null) {
            if (!Files.isRegularFile(placesFile)) throw new UserInputException("--places: no such file " + placesFile);
            PlaceList.Places p = PlaceList.read(Files.readAllBytes(placesFile), placesFile.toString(), places);
            origins.addAll(p.from());
            destinations.addAll(p.to());
        }
        for (String f : from) addOnce(origins, places.resolve(f, "from").id());
        for (String t : to) addOnce(destinations, places.resolve(t, "to").id());
        if (origins.isEmpty()) throw new UserInputException("give origins with --from or --places");
        if (destinations.isEmpty()) destinations.addAll(origins);
        RouteQuery.Builder b = RouteQuery.builder().from(origins.get(0)).to(destinations.get(0));
        query.apply(b);
        RouteRequest request = b.build().resolve(network, router.costModel(), places);
        // The text table shows one value; when it is the objective's and the request has no restrictions, the
        // contraction hierarchy's bucket many-to-many answers it (same values), else one search tree per origin.
        CostMatrix.Result m = format == Format.text && shows(value, request.objective())
                ? CostMatrix.computeObjective(router, request, origins, destinations) : null;
        if (m == null) m = CostMatrix.compute(router, request, origins, destinations);
        String out = switch (format) {
            case json -> RouteJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(MatrixJson.toJson(network, m)) + "\n";
            case csv -> MatrixJson.csv(network, m);
            case text -> text(network, m, value);
        };
        TextOutput.write(spec, output, out);
        return m.found() == origins.size() * destinations.size() ? 0 : CaravanCli.NO_ROUTE;
    }

    /** Whether the text table's value is the objective's own (what the hierarchy computes). */
    static boolean shows(Value value, org.caravan.routing.Objective objective) {
        return switch (objective) {
            case COST -> value == Value.cost;
            case TIME -> value == Value.hours || value == Value.days;
            case DISTANCE -> value == Value.km;
            case CO2 -> value == Value.co2;
            case RELIABLE -> false;
        };
    }

    private static void addOnce(List<String> list, String id) {
        if (!list.contains(id)) list.add(id);
    }

    static String text(Network network, CostMatrix.Result m, Value value) {
        StringBuilder sb = new StringBuilder();
        String what = switch (value) {
            case cost -> "generalized cost (USD per unit)";
            case usd -> "money cost (USD per unit)";
            case hours -> "hours";
            case days -> "days";
            case km -> "km";
            case co2 -> "CO2 (kg per unit, well-to-wheel)";
        };
        sb.append(what).append(", cargo ").append(m.request().cargo()).append(", best by ")
                .append(m.request().objective().name().toLowerCase(java.util.Locale.ROOT)).append("; rows from, columns to\n\n");
        List<String[]> rows = new ArrayList<>();
        String[] head = new String[m.to().size() + 1];
        head[0] = "from \\ to";
        for (int j = 0; j < m.to().size(); j++) head[j + 1] = RouteJson.name(network, m.to().get(j));
        rows.add(head);
        for (int i = 0; i < m.from().size(); i++) {
            String[] r = new String[m.to().size() + 1];
            r[0] = RouteJson.name(network, m.from().get(i));
            for (int j = 0; j < m.to().size(); j++) {
                CostMatrix.Cell c = m.cell(i, j);
                r[j + 1] = !c.found() ? "no route" : switch (value) {
                    case cost -> RouteText.num(c.generalizedUsd(), 0);
                    case usd -> RouteText.num(c.usd(), 0);
                    case hours -> RouteText.num(c.hours(), 1);
                    case days -> RouteText.num(c.hours() / 24, 1);
                    case km -> RouteText.num(c.km(), 0);
                    case co2 -> RouteText.num(c.co2Kg(), 0);
                };
            }
            rows.add(r);
        }
        boolean[] right = new boolean[head.length];
        java.util.Arrays.fill(right, 1, right.length, true);
        TextOutput.table(sb, rows, right);
        int missing = m.from().size() * m.to().size() - m.found();
        if (missing > 0) sb.append('\n').append(missing).append(" pair(s) without a route under these restrictions.\n");
        return sb.toString();
    }
}
