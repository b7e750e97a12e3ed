package org.caravan.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.caravan.scenario.Scenario;
import org.caravan.scenario.ScenarioChanges;
import org.caravan.scenario.ScenarioComparison;

/**
 * JSON and CSV shapes of a scenario and of a baseline-vs-scenario comparison, shared by the command line and
 * (later) the HTTP API. Numbers that do not exist (no route) are JSON null and empty CSV cells, never NaN.
 */
public final class ScenarioJson {
    /** Columns of {@link #csv}, in order. */
    public static final List<String> CSV_COLUMNS = List.of("scenario", "from", "to", "from_id", "to_id", "cargo",
            "unit", "tonnes", "baseline_found", "baseline_usd", "baseline_hours", "baseline_co2_kg", "baseline_risk",
            "baseline_corridor", "scenario_found", "scenario_usd", "scenario_hours", "scenario_co2_kg",
            "scenario_risk", "scenario_corridor", "delta_usd", "delta_hours", "delta_co2_kg", "delta_risk", "change",
            "message");

    private ScenarioJson() {}

    public static ObjectNode scenario(Scenario s) {
        ObjectNode o = RouteJson.MAPPER.createObjectNode();
        o.put("id", s.id());
        o.put("title", s.title());
        o.put("rationale", s.rationale());
        strings(o.putArray("sources"), s.sources());
        strings(o.putArray("assumptions"), s.assumptions());
        o.put("origin", s.origin());
        ScenarioChanges c = s.changes();
        ObjectNode ch = o.putObject("changes");
        strings(ch.putArray("close_nodes"), c.closeNodes());
        strings(ch.putArray("close_links"), c.closeLinks());
        strings(ch.putArray("reopen"), c.reopen());
        strings(ch.putArray("open"), c.open());
        ArrayNode add = ch.putArray("add_links");
        c.addLinks().forEach(add::add);
        ObjectNode cr = ch.putObject("crossings");
        c.crossings().forEach((id, x) -> cr.set(id, RouteJson.MAPPER.valueToTree(x.fields())));
        ObjectNode li = ch.putObject("links");
        c.links().forEach((id, x) -> li.set(id, RouteJson.MAPPER.valueToTree(x.fields())));
        ch.set("costs", c.costs());
        strings(ch.putArray("avoid"), c.avoid());
        ObjectNode pe = ch.putObject("penalties");
        c.penalties().forEach(pe::put);
        return o;
    }

    public static ObjectNode comparison(ScenarioComparison.Result r) {
        ObjectNode o = RouteJson.MAPPER.createObjectNode();
        o.set("scenario", scenario(r.scenario()));
        ArrayNode pairs = o.putArray("pairs");
        for (ScenarioComparison.PairResult p : r.pairs()) {
            ObjectNode j = pairs.addObject();
            j.put("from", p.od().from());
            j.put("to", p.od().to());
            j.put("from_id", p.fromId());
            j.put("to_id", p.toId());
            j.put("cargo", p.od().cargo());
            j.put("unit", p.unit());
            j.put("tonnes", p.od().tonnes());
            j.set("baseline", outcome(p.baseline()));
            j.set("scenario", outcome(p.scenario()));
            ObjectNode d = j.putObject("delta");
            num(d, "usd", p.deltaUsd());
            num(d, "hours", p.deltaHours());
            num(d, "co2_kg", p.deltaCo2Kg());
            num(d, "risk", p.deltaRisk());
            j.put("corridor_changed", p.corridorChanged());
            j.put("change", p.change());
        }
        ScenarioComparison.Totals t = r.totals();
        ObjectNode tj = o.putObject("totals");
        tj.put("pairs", t.pairs());
        tj.put("compared", t.compared());
        tj.put("lost", t.lost());
        tj.put("gained", t.gained());
        tj.put("tonnes", t.tonnes());
        num(tj, "baseline_usd", t.baselineUsd());
        num(tj, "scenario_usd", t.scenarioUsd());
        num(tj, "delta_usd", t.deltaUsd());
        num(tj, "baseline_hours", t.baselineHours());
        num(tj, "scenario_hours", t.scenarioHours());
        num(tj, "delta_hours", t.deltaHours());
        num(tj, "baseline_co2_kg", t.baselineCo2Kg());
        num(tj, "scenario_co2_kg", t.scenarioCo2Kg());
        num(tj, "delta_co2_kg", t.deltaCo2Kg());
        tj.put("note", "USD and CO2 for each pair's yearly tonnes, hours weighted by tonnes; only pairs routed on "
                + "both sides");
        return o;
    }

    private static ObjectNode outcome(ScenarioComparison.Outcome x) {
        ObjectNode o = RouteJson.MAPPER.createObjectNode();
        o.put("found", x.found());
        num(o, "usd", x.usd());
        num(o, "hours", x.hours());
        num(o, "co2_kg", x.co2Kg());
        num(o, "risk", x.risk());
        o.put("corridor", x.corridor());
        strings(o.putArray("countries"), x.countries());
        if (!x.found()) o.put("message", x.message());
        return o;
    }

    /** One header line, one line per pair and a last totals line ({@code from = TOTAL}) (RFC 4180 quoting). */
    public static String csv(ScenarioComparison.Result r) {
        StringBuilder sb = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        for (ScenarioComparison.PairResult p : r.pairs()) {
            ScenarioComparison.Outcome b = p.baseline();
            ScenarioComparison.Outcome s = p.scenario();
            String message = !b.found() ? b.message() : !s.found() ? s.message() : "";
            List<String> cells = List.of(r.scenario().id(), p.od().from(), p.od().to(), p.fromId(), p.toId(),
                    p.od().cargo(), p.unit(), num(p.od().tonnes()), Boolean.toString(b.found()), num(b.usd()),
                    num(b.hours()), num(b.co2Kg()), num(b.risk()), b.corridor(), Boolean.toString(s.found()),
                    num(s.usd()), num(s.hours()), num(s.co2Kg()), num(s.risk()), s.corridor(), num(p.deltaUsd()),
                    num(p.deltaHours()), num(p.deltaCo2Kg()), num(p.deltaRisk()), p.change(), message);
            sb.append(String.join(",", cells.stream().map(ScenarioJson::quote).toList())).append('\n');
        }
        // The totals row: from = "TOTAL", change = "totals"; USD and CO2 per year for the pairs routed on both
        // sides, hours weighted by tonnes (the same figures as the JSON "totals").
        ScenarioComparison.Totals t = r.totals();
        String note = t.pairs() + " pairs, " + t.compared() + " compared, " + t.lost() + " lost, " + t.gained()
                + " gained; USD and CO2 per year for the pairs routed on both sides, hours weighted by tonnes";
        List<String> total = List.of(r.scenario().id(), "TOTAL", "", "", "", "", "", num(t.tonnes()), "",
                num(t.baselineUsd()), num(t.baselineHours()), num(t.baselineCo2Kg()), "", "", "",
                num(t.scenarioUsd()), num(t.scenarioHours()), num(t.scenarioCo2Kg()), "", "", num(t.deltaUsd()),
                num(t.deltaHours()), num(t.deltaCo2Kg()), "", "totals", note);
        sb.append(String.join(",", total.stream().map(ScenarioJson::quote).toList())).append('\n');
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v).replaceAll("\\.?0+$", "") : "";
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static void num(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, Math.abs(v) < 1e11 ? Math.round(v * 10000) / 10000.0 : v);
        else o.putNull(key);
    }

    private static void strings(ArrayNode a, java.util.Collection<String> values) {
        values.forEach(a::add);
    }

}
