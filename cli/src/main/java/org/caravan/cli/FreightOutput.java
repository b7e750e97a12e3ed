package org.caravan.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caravan.assignment.AssignmentMethod;
import org.caravan.assignment.Capacities;
import org.caravan.assignment.FreightAssignment;
import org.caravan.assignment.FreightAssignment.ElementFlow;
import org.caravan.assignment.FreightAssignment.LinkFlow;
import org.caravan.assignment.FreightAssignment.Result;
import org.caravan.assignment.FreightAssignment.Unroutable;
import org.caravan.demand.OdFile;
import org.caravan.demand.OdFileException;
import org.caravan.demand.OdPair;
import org.caravan.place.RouteQuery;
import org.caravan.report.AssignmentJson;
import org.caravan.report.RouteJson;
import org.caravan.routing.InvalidRequestException;
import org.caravan.scenario.Scenario;
import org.caravan.scenario.ScenarioBase;
import org.caravan.scenario.ScenarioException;
import org.caravan.scenario.ScenarioOverlay;
import org.caravan.scenario.ScenarioRun;

/** {@code caravan assign --od}: the freight assignment on the Caravan network and its text, JSON, CSV, GeoJSON. */
final class FreightOutput {
    enum Format { text, json, csv, geojson }

    private FreightOutput() {}

    static int run(AssignCommand c, AssignmentMethod m) throws Exception {
        if (c.top < 1) throw new UserInputException("--top: must be at least 1, got " + c.top);
        if (c.query.tonnes != null) throw new UserInputException("--tonnes: the OD file gives each pair's tonnes");
        FreightAssignment.Options options;
        try {
            options = new FreightAssignment.Options(m, c.gap != null ? c.gap : 1e-6, c.maxIterations, c.alternatives,
                    c.periodDays, c.logitSpread, c.threads != null ? c.threads
                    : Runtime.getRuntime().availableProcessors());
        } catch (InvalidRequestException e) {
            throw new UserInputException("--" + e.field().replace('_', '-') + ": " + e.getMessage());
        }
        ScenarioBase base = ScenarioCommand.base(c.data);
        List<OdPair> pairs;
        try {
            pairs = OdFile.read(c.od, base.places(), c.query.cargo == null ? base.costs().profileNames() : null);
        } catch (OdFileException e) {
            throw new UserInputException("--od: " + e.getMessage());
        }
        RouteQuery restrictions = c.query.apply(RouteQuery.builder()).build();
        Capacities caps = Capacities.embedded();
        if (c.capacities != null) {
            try (java.io.InputStream in = Files.newInputStream(c.capacities)) {
                caps = caps.withOverrides(in, c.capacities.toString());
            } catch (java.nio.file.NoSuchFileException e) {
                throw new UserInputException("--capacities: no such file: " + c.capacities);
            } catch (IOException e) {
                throw new UserInputException("--capacities: cannot read " + c.capacities + ": " + e.getMessage());
            } catch (org.caravan.assignment.AssignmentInputException e) {
                throw new UserInputException("--capacities: " + e.getMessage());
            }
        }
        PrintWriter err = c.spec.commandLine().getErr();
        boolean progress = !c.quiet && c.format != Format.json;
        Result baseline = assign(base, null, pairs, c.query.cargo, restrictions, caps, options,
                progress ? err : null, "baseline");
        Result scen = null;
        String scenarioId = null;
        ScenarioRun run = null;
        if (c.scenario != null) {
            Scenario s = ScenarioCommand.load(c.scenario, base);
            try {
                run = ScenarioOverlay.apply(base, s);
            } catch (ScenarioException e) {
                throw new UserInputException(e.getMessage());
            }
            scenarioId = s.id();
            scen = assign(base, run, pairs, c.query.cargo, restrictions, caps, options, progress ? err : null,
                    "scenario " + s.id());
        }
        Result shown = scen != null ? scen : baseline;
        org.caravan.network.Network shownNetwork = run != null ? run.network() : base.network();
        String out = switch (c.format) {
            case text -> scen == null ? text(baseline, c.top) : text(baseline, c.top) + "\n" + "With scenario "
                    + scenarioId + ":\n" + text(scen, c.top) + "\n" + comparison(baseline, scen, scenarioId, c.top);
            case json -> RouteJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json(baseline, scen,
                    scenarioId)) + "\n";
            case csv -> AssignmentJson.csv(shown);
            case geojson -> RouteJson.MAPPER.writeValueAsString(AssignmentJson.geoJson(shown, shownNetwork)) + "\n";
        };
        TextOutput.write(c.spec, c.out, out);
        if (c.geojson != null) {
            writeFile(c, c.geojson, RouteJson.MAPPER.writeValueAsString(AssignmentJson.geoJson(shown, shownNetwork))
                    + "\n");
        }
        return 0;
    }

    private static void writeFile(AssignCommand c, java.nio.file.Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UserInputException("--geojson: cannot write " + file + ": " + e.getMessage());
        }
        c.spec.commandLine().getErr().println("caravan: wrote " + file);
        c.spec.commandLine().getErr().flush();
    }

    private static Result assign(ScenarioBase base, ScenarioRun run, List<OdPair> pairs, String cargo,
            RouteQuery restrictions, Capacities caps, FreightAssignment.Options options, PrintWriter err,
            String label) {
        if (err != null) {
            err.println("assigning " + label + ": " + pairs.size() + " OD pairs");
            err.flush();
        }
        try {
            Result r = FreightAssignment.assign(run != null ? run.router() : base.router(), pairs, cargo, restrictions,
                    run != null ? run::restrict : null, caps, options,
                    err == null ? null : it -> AssignCommand.progress(err, it));
            if (err != null) {
                err.printf(Locale.ROOT, "%s after %d iterations: relative gap %s (target %.3g)%n",
                        r.converged() ? "Converged" : "Not converged", Math.max(0, r.iterations().size() - 1),
                        gap(r.relativeGap()), options.targetGap());
                err.flush();
            }
            return r;
        } catch (InvalidRequestException e) {
            throw new UserInputException((e.field().equals("od") ? "--od: " : "--" + e.field().replace('_', '-')
                    + ": ") + e.getMessage());
        }
    }

    static ObjectNode json(Result baseline, Result scen, String scenarioId) {
        if (scen == null) return AssignmentJson.toJson(baseline);
        ObjectNode o = RouteJson.MAPPER.createObjectNode();
        o.set("baseline", AssignmentJson.toJson(baseline));
        o.set("scenario", AssignmentJson.toJson(scen));
        o.set("comparison", AssignmentJson.comparison(baseline, scen, scenarioId));
        return o;
    }

    static String text(Result r, int top) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Freight assignment of %d OD pairs (%s): %s t/yr of demand, %s t "
                + "assigned on %d routes, %s t unroutable.%n", r.pairCount(),
                String.join(", ", r.classes()), RouteText.num(r.demandTonnes(), 0), RouteText.num(r.assignedTonnes(), 0),
                r.routes(), RouteText.num(r.demandTonnes() - r.assignedTonnes(), 0)));
        sb.append(String.format(Locale.ROOT, "Method %s: %s after %d iterations, relative gap %s (target %.3g). "
                + "Queues: Akçelik, period %.0f days, J %.1f (rule Q, docs/ASSIGNMENT.md).%n",
                r.options().method().name().toLowerCase(Locale.ROOT), r.converged() ? "converged" : "NOT converged",
                Math.max(0, r.iterations().size() - 1), gap(r.relativeGap()), r.options().targetGap(),
                r.options().periodDays(), FreightAssignment.QUEUE_J));
        sb.append("\nQueues at crossings, ports, yards and ferries (highest volume/capacity first):\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "kind", "id", "name", "dir", "vehicles/day", "capacity", "unit", "v/c",
            "queue days", "t/yr", "detention $/yr", "capacity from"});
        int i = 0;
        for (ElementFlow e : r.bottlenecks()) {
            if (i >= top) break;
            var cap = e.element().capacity();
            rows.add(new String[] {Integer.toString(++i), e.element().kind(), e.element().id(), e.element().name(),
                e.element().direction(), RouteText.num(e.vehiclesPerDay(), 1), RouteText.num(cap.perDay(), 0),
                cap.unit(), RouteText.num(e.volumeToCapacity(), 2), RouteText.num(e.queueDays(), 2),
                RouteText.num(e.tonnes(), 0), RouteText.num(e.detentionUsdPerYear(), 0),
                cap.confidence() + (cap.elementId().equals(e.element().id()) ? ""
                    : " (" + cap.elementId() + ")")});
        }
        if (rows.size() > 1) {
            TextOutput.table(sb, rows, new boolean[] {true, false, false, false, false, true, true, false, true, true,
                true, true, false});
            sb.append(String.format(Locale.ROOT, "Queue cost: vehicle detention %s USD/yr (vehicle-detention.csv) "
                    + "plus the cargo's value of time.%n", RouteText.num(r.detentionUsdPerYear(), 0)));
        } else {
            sb.append("  (no capacity-limited element is loaded)\n");
        }
        sb.append("\nTop loaded links:\n");
        rows = new ArrayList<>();
        rows.add(new String[] {"#", "link", "name", "mode", "from -> to", "t/yr"});
        i = 0;
        for (LinkFlow l : r.topLinks(top)) {
            rows.add(new String[] {Integer.toString(++i), l.linkId(), l.name(), l.mode().code(),
                l.from() + " -> " + l.to(), RouteText.num(l.tonnes(), 0)});
        }
        if (rows.size() > 1) TextOutput.table(sb, rows, new boolean[] {true, false, false, false, false, true});
        if (!r.tonneKmByMode().isEmpty()) {
            sb.append("\nTonne-km per year by mode: ");
            List<String> parts = new ArrayList<>();
            r.tonneKmByMode().forEach((m, v) -> parts.add(m.code() + " " + RouteText.num(v / 1e6, 1) + " M"));
            sb.append(String.join(", ", parts)).append('\n');
        }
        if (!r.modalSplit().isEmpty()) {
            sb.append("\nModal split (tonnes by each route's main mode; tonne-km by link mode):\n");
            rows = new ArrayList<>();
            rows.add(new String[] {"mode", "t/yr", "share t", "M t-km/yr", "share t-km"});
            for (FreightAssignment.ModeShare s : r.modalSplit()) {
                rows.add(new String[] {s.mode().code(), RouteText.num(s.tonnes(), 0),
                    RouteText.num(100 * s.tonneShare(), 1) + " %", RouteText.num(s.tonneKm() / 1e6, 1),
                    RouteText.num(100 * s.tonneKmShare(), 1) + " %"});
            }
            TextOutput.table(sb, rows, new boolean[] {false, true, true, true, true});
        }
        if (!r.corridorShares().isEmpty()) {
            sb.append("\nCorridor shares (tonnes per border crossing and direction, share of assigned tonnes):\n");
            rows = new ArrayList<>();
            rows.add(new String[] {"crossing", "name", "dir", "t/yr", "share"});
            for (ElementFlow e : r.corridorShares()) {
                rows.add(new String[] {e.element().id(), e.element().name(), e.element().direction(),
                    RouteText.num(e.tonnes(), 0), RouteText.num(100 * r.shareOfAssigned(e), 1) + " %"});
            }
            TextOutput.table(sb, rows, new boolean[] {false, false, false, true, true});
        }
        for (Unroutable u : r.unroutable()) {
            sb.append("\nUnroutable: ").append(u.od().from()).append(" -> ").append(u.od().to()).append(" (")
                    .append(RouteText.num(u.od().tonnes(), 0)).append(" t, ").append(u.od().cargo()).append("): ")
                    .append(u.reason());
        }
        if (!r.unroutable().isEmpty()) sb.append('\n');
        return sb.toString();
    }

    static String comparison(Result base, Result scen, String id, int top) {
        ObjectNode cmp = AssignmentJson.comparison(base, scen, id);
        StringBuilder sb = new StringBuilder("Baseline against scenario " + id
                + " (capacity elements, largest change in tonnes first):\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"kind", "id", "dir", "t/yr baseline", "t/yr scenario", "change", "queue days before",
            "after"});
        int i = 0;
        for (var n : cmp.get("elements")) {
            if (i++ >= top) break;
            rows.add(new String[] {n.get("kind").asText(), n.get("id").asText(), n.get("direction").asText(),
                RouteText.num(n.get("tonnes_baseline").asDouble(), 0), RouteText.num(n.get("tonnes_scenario").asDouble(), 0),
                RouteText.num(n.get("tonnes_change").asDouble(), 0),
                RouteText.num(n.get("queue_days_baseline").asDouble(), 2),
                RouteText.num(n.get("queue_days_scenario").asDouble(), 2)});
        }
        TextOutput.table(sb, rows, new boolean[] {false, false, false, true, true, true, true, true});
        sb.append(String.format(Locale.ROOT, "Unroutable: %s t baseline, %s t with the scenario.%n",
                RouteText.num(base.demandTonnes() - base.assignedTonnes(), 0),
                RouteText.num(scen.demandTonnes() - scen.assignedTonnes(), 0)));
        return sb.toString();
    }

    /**
     * A relative gap as printed: in scientific notation (a gap of 3e-7 is not "0.00"), and exactly 0 said as such
     * (every loaded route is a cheapest one: queues then remain only where a pair has no other route).
     */
    static String gap(double g) {
        if (g == 0) return "0 (every loaded route is a cheapest one)";
        return String.format(Locale.ROOT, "%.3e", g);
    }
}
