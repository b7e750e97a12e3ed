package org.caravan.trade;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.caravan.demand.OdPair;
import org.caravan.place.RouteQuery;
import org.caravan.routing.CountryExposure;
import org.caravan.routing.InvalidRequestException;
import org.caravan.routing.Plan;
import org.caravan.routing.PlanOptions;
import org.caravan.routing.Planner;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.Router;
import org.caravan.scenario.ScenarioBase;
import org.caravan.scenario.ScenarioRun;
import java.util.function.UnaryOperator;

/**
 * How much of a set of flows must cross each third country: every OD pair is routed (cheapest route per cargo
 * unit) and its tonnes are counted once in every country the route passes through other than the countries of
 * its two ends (seas excluded). A share of 100 % means all routed tonnes depend on that one neighbour.
 */
public final class TransitDependence {
    private TransitDependence() {}

    /** One transit country and the tonnes whose cheapest route crosses it. */
    public record CountryShare(String country, String name, double tonnes, double sharePct) {}

    /** One OD pair's cheapest route: the countries it transits, or why there is none. */
    public record PairTransit(OdPair od, boolean routed, List<String> transit, Double usdPerTonne, String reason) {}

    /**
     * @param routedTonnes   tonnes of the pairs that have a route
     * @param unroutedTonnes tonnes of the pairs (both ends at a hub) that have no route on the network
     * @param noHubTonnes    tonnes of partners that have no hub in the network, so never became a pair
     *                       ({@link TradeDemand.Result#unplaced()}); 0 when only pairs were given
     */
    public record Result(double routedTonnes, double unroutedTonnes, double noHubTonnes, List<CountryShare> transit,
                         List<PairTransit> pairs, String basis) {}

    public static Result of(ScenarioBase base, List<OdPair> pairs) {
        return of(base, base.router(), r -> r, pairs, 0, "");
    }

    /** A demand's pairs, with the tonnes of its partners without a hub counted apart ({@code noHubTonnes}). */
    public static Result of(ScenarioBase base, TradeDemand.Result demand) {
        return of(base, base.router(), r -> r, demand.pairs(), noHub(demand), "");
    }

    /** {@link #of(ScenarioRun, List)} for a demand, with its partners without a hub counted apart. */
    public static Result of(ScenarioRun run, TradeDemand.Result demand) {
        return of(run.base(), run.router(), run::restrict, demand.pairs(), noHub(demand),
                "; under scenario '" + run.scenario().id() + "'");
    }

    private static double noHub(TradeDemand.Result demand) {
        return demand.unplaced().stream().mapToDouble(TradeDemand.Unplaced::tonnes).sum();
    }

    /**
     * The same on a scenario's network and costs (a new railway, a closed crossing...), with its restrictions:
     * how the dependence would change.
     */
    public static Result of(ScenarioRun run, List<OdPair> pairs) {
        return of(run.base(), run.router(), run::restrict, pairs, 0, "; under scenario '" + run.scenario().id() + "'");
    }

    private static Result of(ScenarioBase base, Router router, UnaryOperator<RouteRequest> restrict,
                             List<OdPair> pairs, double noHub, String under) {
        Planner planner = new Planner(router);
        Map<String, double[]> tonnes = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        List<PairTransit> out = new ArrayList<>();
        double routed = 0;
        double unrouted = 0;
        for (OdPair od : pairs) {
            try {
                RouteRequest request = restrict.apply(RouteQuery.builder().from(od.from()).to(od.to())
                        .cargo(od.cargo()).build().resolve(base.network(), base.costs(), base.places()));
                Plan plan = planner.plan(request, PlanOptions.SINGLE);
                if (!plan.found()) {
                    unrouted += od.tonnes();
                    out.add(new PairTransit(od, false, List.of(), null, "no route"));
                    continue;
                }
                Route route = plan.routes().get(0);
                String fromCountry = base.network().node(request.from()).orElseThrow().country();
                String toCountry = base.network().node(request.to()).orElseThrow().country();
                Set<String> transit = new LinkedHashSet<>();
                for (CountryExposure e : route.exposure()) {
                    if (e.country().equals(fromCountry) || e.country().equals(toCountry) || e.country().equals("XX")) {
                        continue;
                    }
                    transit.add(e.country());
                    names.put(e.country(), e.name());
                }
                for (String c : transit) tonnes.computeIfAbsent(c, k -> new double[1])[0] += od.tonnes();
                routed += od.tonnes();
                double perTonne = route.totals().usd() / base.costs().profile(od.cargo()).orElseThrow().tonnesPerUnit();
                // (a scenario's tariffs change route.totals(); the cargo profile's tonnes per unit do not)
                out.add(new PairTransit(od, true, List.copyOf(transit), perTonne, ""));
            } catch (InvalidRequestException e) {
                unrouted += od.tonnes();
                out.add(new PairTransit(od, false, List.of(), null, e.getMessage()));
            }
        }
        List<CountryShare> shares = new ArrayList<>();
        for (Map.Entry<String, double[]> e : tonnes.entrySet()) {
            double t = e.getValue()[0];
            shares.add(new CountryShare(e.getKey(), names.get(e.getKey()), t, routed > 0 ? 100 * t / routed : 0));
        }
        shares.sort(Comparator.comparingDouble(CountryShare::tonnes).reversed().thenComparing(CountryShare::country));
        return new Result(routed, unrouted, noHub, List.copyOf(shares), List.copyOf(out),
                "each OD pair on its cheapest route for its cargo; a pair's tonnes count once in every country "
                        + "the route crosses other than its two ends' countries (seas excluded)" + under);
    }
}
