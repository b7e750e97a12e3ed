package org.caravan.scenario;

import java.util.ArrayList;
import java.util.List;
import org.caravan.cost.CargoProfile;
import org.caravan.demand.OdPair;
import org.caravan.place.RouteQuery;
import org.caravan.routing.InvalidRequestException;
import org.caravan.routing.Plan;
import org.caravan.routing.PlanOptions;
import org.caravan.routing.Planner;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;

/**
 * Baseline against scenario for a list of OD pairs: each pair is resolved against the base network once and
 * planned twice with the same options (on the base, and on the overlay with the scenario's restrictions), so
 * any difference comes from the scenario alone. Results are per cargo unit (a tonne, or a 40-ft box), plus
 * totals weighted by each pair's yearly tonnes.
 */
public final class ScenarioComparison {
    private ScenarioComparison() {}

    /** One side of a comparison: the chosen route's totals, or why there is none. */
    public record Outcome(boolean found, double usd, double hours, double co2Kg, double risk, String corridor,
            List<String> countries, String message) {
        /** The outcome of a plan: its first route's totals, or the no-route message (also used by the Spark sweep). */
        public static Outcome of(Plan plan) {
            if (!plan.found()) {
                String m = plan.noRoute() == null ? "no route" : plan.noRoute().message();
                return new Outcome(false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "", List.of(), m);
            }
            Route r = plan.routes().get(0);
            return new Outcome(true, r.totals().usd(), r.totals().hours(), r.totals().co2Kg(), r.risk().score(),
                    ScenarioComparison.corridor(r), r.countries(), "");
        }
    }

    /** The corridor a route takes: its border crossings in order, or its countries when it crosses none. */
    public static String corridor(Route r) {
        return r.crossings().isEmpty() ? String.join("-", r.countries()) : String.join(" > ", r.crossingNames());
    }

    /**
     * One OD pair on both sides.
     *
     * @param change "same", "changed corridor", "costlier", "cheaper", "lost" (no route any more), "gained"
     *               (a route where the baseline had none), "none" (no route either way)
     */
    public record PairResult(OdPair od, String fromId, String toId, String unit, Outcome baseline, Outcome scenario,
            String change) {
        public double deltaUsd() { return scenario.usd() - baseline.usd(); }

        public double deltaHours() { return scenario.hours() - baseline.hours(); }

        public double deltaCo2Kg() { return scenario.co2Kg() - baseline.co2Kg(); }

        public double deltaRisk() { return scenario.risk() - baseline.risk(); }

        public boolean corridorChanged() {
            return baseline.found() && scenario.found() && !baseline.corridor().equals(scenario.corridor());
        }
    }

    /**
     * Totals over the pairs routed on both sides, weighted by yearly tonnes: USD and CO2 are sums for the year's
     * tonnage; hours are the tonne-weighted mean door-to-door time.
     *
     * @param lost   pairs with a baseline route but none under the scenario (not in the sums)
     * @param gained pairs routed only under the scenario (not in the sums)
     */
    public record Totals(int pairs, int compared, int lost, int gained, double tonnes, double baselineUsd,
            double scenarioUsd, double baselineHours, double scenarioHours, double baselineCo2Kg,
            double scenarioCo2Kg) {
        public double deltaUsd() { return scenarioUsd - baselineUsd; }

        public double deltaHours() { return scenarioHours - baselineHours; }

        public double deltaCo2Kg() { return scenarioCo2Kg - baselineCo2Kg; }
    }

    public record Result(Scenario scenario, List<PairResult> pairs, Totals totals) {}

    /**
     * @param template every field but {@code from}, {@code to} and {@code cargo} (which come from each pair) is
     *                 applied to every pair: modes, avoid, close, objective...
     * @throws org.caravan.routing.InvalidRequestException when a pair names an unknown place or cargo
     */
    public static Result compare(ScenarioRun run, List<OdPair> ods, RouteQuery template, PlanOptions options) {
        ScenarioBase base = run.base();
        Planner basePlanner = new Planner(base.router());
        Planner scenarioPlanner = new Planner(run.router());
        List<PairResult> out = new ArrayList<>();
        int compared = 0;
        int lost = 0;
        int gained = 0;
        double tonnes = 0;
        double bUsd = 0;
        double sUsd = 0;
        double bHours = 0;
        double sHours = 0;
        double bCo2 = 0;
        double sCo2 = 0;
        for (OdPair od : ods) {
            RouteRequest request = request(base, od, template);
            Outcome b = plan(basePlanner, request, options);
            Outcome s = plan(scenarioPlanner, run.restrict(request), options);
            CargoProfile profile = base.costs().profile(request.cargo()).orElseThrow();
            String change = change(b, s);
            out.add(new PairResult(od, request.from(), request.to(), profile.unit(), b, s, change));
            if (b.found() && s.found()) {
                // Results are per cargo unit (or per --tonnes shipment); scale to the pair's yearly tonnes.
                double shipmentTonnes = template.tonnes() != null ? template.tonnes() : profile.tonnesPerUnit();
                double factor = od.tonnes() / shipmentTonnes;
                compared++;
                tonnes += od.tonnes();
                bUsd += factor * b.usd();
                sUsd += factor * s.usd();
                bCo2 += factor * b.co2Kg();
                sCo2 += factor * s.co2Kg();
                bHours += od.tonnes() * b.hours();
                sHours += od.tonnes() * s.hours();
            } else if (b.found()) {
                lost++;
            } else if (s.found()) {
                gained++;
            }
        }
        Totals totals = new Totals(ods.size(), compared, lost, gained, tonnes, bUsd, sUsd,
                tonnes > 0 ? bHours / tonnes : 0, tonnes > 0 ? sHours / tonnes : 0, bCo2, sCo2);
        return new Result(run.scenario(), List.copyOf(out), totals);
    }

    private static RouteRequest request(ScenarioBase base, OdPair od, RouteQuery template) {
        RouteQuery q = template.toBuilder().from(od.from()).to(od.to())
                .cargo(od.cargo() != null ? od.cargo() : template.cargo()).build();
        return q.resolve(base.network(), base.costs(), base.places());
    }

    /** The best baseline and scenario routes of one pair (for a chart); either is null when there is none. */
    public record RoutePair(Route baseline, Route scenario) {}

    /**
     * Plans one pair on both sides, the same way {@link #compare} does, and keeps the routes themselves (which
     * {@link Outcome} summarises away).
     */
    public static RoutePair routes(ScenarioRun run, OdPair od, RouteQuery template, PlanOptions options) {
        RouteRequest request = request(run.base(), od, template);
        return new RoutePair(best(new Planner(run.base().router()), request, options),
                best(new Planner(run.router()), run.restrict(request), options));
    }

    private static Route best(Planner planner, RouteRequest request, PlanOptions options) {
        try {
            Plan p = planner.plan(request, options);
            return p.found() ? p.routes().get(0) : null;
        } catch (InvalidRequestException e) {
            return null;
        }
    }

    /**
     * The planner refuses a request whose own ends are closed or avoided (a scenario closing Tashkent, or avoiding
     * the destination's country): for a comparison that is simply "no route", with the reason.
     */
    private static Outcome plan(Planner planner, RouteRequest request, PlanOptions options) {
        try {
            return Outcome.of(planner.plan(request, options));
        } catch (InvalidRequestException e) {
            return new Outcome(false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "", List.of(), e.getMessage());
        }
    }

    /** How the scenario changes a pair: see {@link PairResult#change()} (also used by the Spark sweep). */
    public static String change(Outcome b, Outcome s) {
        if (!b.found()) return s.found() ? "gained" : "none";
        if (!s.found()) return "lost";
        if (!b.corridor().equals(s.corridor())) return "changed corridor";
        double d = s.usd() - b.usd();
        // Below a cent per unit (or a minute) the difference is rounding, not the scenario.
        if (d > 0.005) return "costlier";
        if (d < -0.005) return "cheaper";
        if (Math.abs(s.hours() - b.hours()) > 0.01) return s.hours() > b.hours() ? "slower" : "faster";
        return "same";
    }
}
