package org.caravan.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.caravan.cost.CostModel;
import org.caravan.criticality.Criticality;
import org.caravan.criticality.Criticality.Baseline;
import org.caravan.criticality.Criticality.LinkImpact;
import org.caravan.criticality.Criticality.Result;
import org.caravan.demand.OdFile;
import org.caravan.demand.OdFileException;
import org.caravan.demand.OdPair;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.place.PlaceIndex;
import org.caravan.place.RouteQuery;
import org.caravan.report.CriticalityJson;
import org.caravan.report.RouteJson;
import org.caravan.routing.Router;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code caravan critical}: links and crossings ranked by what closing each one costs the OD demand. */
@Command(name = "critical", mixinStandardHelpOptions = true,
        description = {"Rank links and border crossings by the demand-weighted increase in generalized cost when each "
                + "one is closed, and the OD pairs that would lose every route.",
            "Without --od it uses the embedded main OD pairs (Kazakh, Uzbek and Kyrgyz hubs to South Asian ports and "
                + "markets; illustrative tonnes). See docs/CRITICALITY.md."})
final class CriticalCommand implements Callable<Integer> {
    enum Format { text, json, csv }

    /** Rows in text output unless --top says otherwise; JSON and CSV list every candidate by default. */
    static final int TEXT_TOP = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--od", paramLabel = "FILE",
            description = "OD demand CSV (from,to,cargo,tonnes,source) instead of the embedded main OD pairs.")
    Path od;

    @Option(names = "--top", paramLabel = "N",
            description = "Show the N most critical links (default: " + TEXT_TOP + " in text, all in JSON and CSV).")
    Integer top;

    @Mixin
    RouteOptions.Query query;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text",
            description = "Output: text, json or csv. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the answer to FILE instead of stdout.")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (top != null && top < 1) throw new UserInputException("--top: must be at least 1, got " + top);
        if (threads != null && threads < 1) throw new UserInputException("--threads: must be at least 1, got " + threads);
        Network network = data.loadNetwork();
        CostModel costs = data.loadCosts();
        List<OdPair> pairs;
        try {
            pairs = od == null ? OdFile.embedded()
                    : OdFile.read(od, new PlaceIndex(network), query.cargo == null ? costs.profileNames() : null);
        } catch (OdFileException e) {
            throw new UserInputException("--od: " + e.getMessage());
        }
        Router router = new Router(network, costs);
        RouteQuery restrictions = query.apply(RouteQuery.builder()).build();
        Criticality.Options options = new Criticality.Options(query.cargo,
                threads != null ? threads : Runtime.getRuntime().availableProcessors(), null, restrictions);
        // A bar only for a person watching a terminal: never in JSON mode (scripts), never in captured stderr.
        ProgressBar bar = System.console() != null && format != Format.json
                ? new ProgressBar(spec.commandLine().getErr()) : null;
        Result result = Criticality.rank(router, pairs, bar == null ? options : options.withProgress(bar));
        if (bar != null) bar.finish();
        int n = top != null ? top : format == Format.text ? TEXT_TOP : Integer.MAX_VALUE;
        List<LinkImpact> shown = result.ranked().subList(0, Math.min(n, result.ranked().size()));
        String out = switch (format) {
            case text -> text(result, shown);
            case json -> RouteJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json(result, shown)) + "\n";
            case csv -> csv(shown);
        };
        TextOutput.write(spec, output, out);
        return 0;
    }

    /** A one-line bar redrawn on stderr; only used when stderr is a terminal. Updates come from worker threads. */
    static final class ProgressBar implements Criticality.Progress {
        private final PrintWriter err;
        private int lastShown = -1;

        ProgressBar(PrintWriter err) { this.err = err; }

        @Override
        public synchronized void update(int done, int total) {
            int pct = total == 0 ? 100 : done * 100 / total;
            if (pct == lastShown) return; // redraw at most 101 times
            lastShown = pct;
            int filled = pct * 30 / 100;
            err.print("\r[" + "#".repeat(filled) + " ".repeat(30 - filled) + "] " + done + "/" + total + " links");
            err.flush();
        }

        synchronized void finish() {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
        }
    }

    private static String countries(LinkImpact l) {
        return l.fromCountry().equals(l.toCountry()) ? l.fromCountry() : l.fromCountry() + "-" + l.toCountry();
    }

    private static String mode(LinkImpact l) {
        return l.isCrossing() ? "crossing (" + l.carries().stream().map(Mode::code).sorted()
                .collect(Collectors.joining("+")) + ")" : l.mode().code();
    }

    private static String pair(OdPair p) { return p.from() + " -> " + p.to(); }

    static String text(Result r, List<LinkImpact> shown) {
        StringBuilder sb = new StringBuilder();
        long routed = r.baselines().stream().filter(Baseline::routed).count();
        sb.append(String.format(Locale.ROOT, "Criticality over %d OD pairs (%d routed): %d of %d links lie on a "
                + "baseline route; the other %d cannot matter and were skipped. %d re-routes, %.2f s.%n",
                r.baselines().size(), routed, r.candidates(), r.linkCount(), r.skipped(), r.reroutes(),
                r.millis() / 1000.0));
        sb.append("Cost increase: generalized USD (money + value of time) per cargo unit x yearly units "
                + "(tonnes / tonnes per unit), summed over the OD pairs that still have a route.\n\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "link", "name", "mode", "countries", "cost increase USD", "re-routed",
            "lost pairs", "lost t"});
        int i = 0;
        for (LinkImpact l : shown) {
            rows.add(new String[] {Integer.toString(++i), l.linkId(), l.name(), mode(l), countries(l),
                RouteText.num(l.costIncreaseUsd(), 0), Integer.toString(l.rerouted()),
                Integer.toString(l.lost().size()), RouteText.num(l.lostTonnes(), 0)});
        }
        TextOutput.table(sb, rows, new boolean[] {true, false, false, false, false, true, true, true, true});
        for (LinkImpact l : shown) {
            if (!l.lost().isEmpty()) {
                sb.append("\nClosing ").append(l.linkId()).append(" leaves without any route: ")
                        .append(l.lost().stream().map(CriticalCommand::pair).collect(Collectors.joining("; ")));
            }
        }
        if (shown.stream().anyMatch(l -> !l.lost().isEmpty())) sb.append('\n');
        for (Baseline b : r.unrouted()) {
            sb.append("\nNo baseline route for ").append(pair(b.od())).append(" (left out).");
        }
        if (!r.unrouted().isEmpty()) sb.append('\n');
        return sb.toString();
    }

    static ObjectNode json(Result r, List<LinkImpact> shown) {
        return CriticalityJson.toJson(r, shown);
    }

    static String csv(List<LinkImpact> shown) {
        StringBuilder sb = new StringBuilder("rank,link,name,mode,carries,from_node,to_node,from_country,to_country,"
                + "cost_increase_usd,rerouted_pairs,lost_pairs,lost_tonnes,lost\n");
        int i = 0;
        for (LinkImpact l : shown) {
            sb.append(++i).append(',').append(csvCell(l.linkId())).append(',').append(csvCell(l.name())).append(',')
                    .append(l.mode().code()).append(',')
                    .append(l.carries().stream().map(Mode::code).sorted().collect(Collectors.joining(";"))).append(',')
                    .append(csvCell(l.fromNode())).append(',').append(csvCell(l.toNode())).append(',')
                    .append(l.fromCountry()).append(',').append(l.toCountry()).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", l.costIncreaseUsd())).append(',')
                    .append(l.rerouted()).append(',').append(l.lost().size()).append(',')
                    .append(String.format(Locale.ROOT, "%.0f", l.lostTonnes())).append(',')
                    .append(csvCell(l.lost().stream().map(CriticalCommand::pair).collect(Collectors.joining("; "))))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }


}
