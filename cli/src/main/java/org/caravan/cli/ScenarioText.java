package org.caravan.cli;

import java.util.Locale;
import org.caravan.scenario.ScenarioComparison;
import org.caravan.scenario.ScenarioComparison.Outcome;
import org.caravan.scenario.ScenarioComparison.PairResult;
import org.caravan.scenario.ScenarioComparison.Totals;

/** The text form of a baseline-vs-scenario comparison: one block per OD pair, then the weighted totals. */
final class ScenarioText {
    private ScenarioText() {}

    static String format(ScenarioComparison.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Scenario ").append(r.scenario().id()).append(": ").append(r.scenario().title()).append('\n');
        sb.append("Per cargo unit; baseline -> scenario (change).\n");
        for (PairResult p : r.pairs()) {
            sb.append('\n').append(p.od().from()).append(" -> ").append(p.od().to())
                    .append(String.format(Locale.ROOT, " (%s, per %s): %s%n", p.od().cargo(), p.unit(),
                            p.change().toUpperCase(Locale.ROOT)));
            Outcome b = p.baseline();
            Outcome s = p.scenario();
            row(sb, "USD", b.usd(), s.usd(), "%,.0f", b.found(), s.found());
            row(sb, "hours", b.hours(), s.hours(), "%,.1f", b.found(), s.found());
            row(sb, "CO2 kg", b.co2Kg(), s.co2Kg(), "%,.0f", b.found(), s.found());
            row(sb, "risk", b.risk(), s.risk(), "%.2f", b.found(), s.found());
            sb.append("  corridor  baseline: ").append(b.found() ? b.corridor() : "no route: " + b.message())
                    .append('\n');
            sb.append("            scenario: ").append(s.found() ? s.corridor() : "no route: " + s.message())
                    .append('\n');
        }
        Totals t = r.totals();
        if (r.pairs().size() > 1) {
            sb.append(String.format(Locale.ROOT, "%nTotals over %d of %d pairs routed both ways (%,.0f t/yr; "
                    + "%d lost, %d gained):%n", t.compared(), t.pairs(), t.tonnes(), t.lost(), t.gained()));
            row(sb, "USD/yr", t.baselineUsd(), t.scenarioUsd(), "%,.0f", true, true);
            row(sb, "hours avg", t.baselineHours(), t.scenarioHours(), "%,.1f", true, true);
            row(sb, "CO2 t/yr", t.baselineCo2Kg() / 1000, t.scenarioCo2Kg() / 1000, "%,.0f", true, true);
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String label, double b, double s, String fmt, boolean bf,
            boolean sf) {
        String bs = bf ? String.format(Locale.ROOT, fmt, b) : "-";
        String ss = sf ? String.format(Locale.ROOT, fmt, s) : "-";
        String d = bf && sf ? String.format(Locale.ROOT, "(" + (s - b >= 0 ? "+" : "") + fmt + ")", s - b) : "";
        sb.append(String.format(Locale.ROOT, "  %-10s %14s -> %14s %s%n", label, bs, ss, d));
    }
}
