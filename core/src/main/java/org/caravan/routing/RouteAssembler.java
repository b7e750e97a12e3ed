package org.caravan.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caravan.cost.CargoProfile;
import org.caravan.cost.Handling;
import org.caravan.cost.LinkCosts;
import org.caravan.network.Carrier;
import org.caravan.network.CrossingTimes;
import org.caravan.network.Link;
import org.caravan.network.LinkStatus;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.risk.CountryRisk;
import org.caravan.risk.RiskClass;
import org.caravan.risk.RiskRegister;

/**
 * Turns a path through the state graph into a {@link Route}: legs, crossings, transshipments, totals, the
 * exposure by country and the risk summary. Money and CO2 are scaled to the shipment here, once.
 */
final class RouteAssembler {
    private final SearchSpace space;
    private final RiskRegister risk;
    private final Network network;

    RouteAssembler(SearchSpace space, RiskRegister risk) {
        this.space = space;
        this.risk = risk;
        this.network = space.network;
    }

    /** Per-country sums while walking the path. */
    private static final class Acc {
        double km;
        double hours;
        double usd;
    }

    Route assemble(StateSearch.Path path) {
        RouteRequest r = space.request;
        CargoProfile profile = space.profile;
        LinkCosts costs = space.costs;
        double units = r.tonnes() == null ? 1.0
                : Math.max(1.0, Math.ceil(r.tonnes() / profile.tonnesPerUnit() - 1e-9));
        double tonnes = r.tonnes() == null ? profile.tonnesPerUnit() : r.tonnes();
        List<String> nodes = new ArrayList<>();
        List<Leg> legs = new ArrayList<>();
        List<CrossingUse> crossings = new ArrayList<>();
        List<Transshipment> transshipments = new ArrayList<>();
        Map<String, Acc> byCountry = new LinkedHashMap<>();
        boolean nonOperational = false;
        double penalty = 0;
        double riskKm = 0;
        int first = path.states()[0];
        nodes.add(network.node(space.nodeOf(first)).id());
        // A leg's fixed cost is paid when cargo enters a mode and shown on the leg's first link.
        double pendingFixed = profile.rates(Carrier.of(space.carrierOf(first)).mode()).fixedUsd();

        for (int i = 1; i < path.states().length; i++) {
            int s = path.states()[i];
            int how = path.steps()[i];
            Carrier c = Carrier.of(space.carrierOf(s));
            if (how == SearchSpace.LAYER_JUMP) continue;
            if (how <= SearchSpace.TRANSFER_BASE) {
                // A transfer may pass through carriers that cannot leave the place: list every hop.
                int[] hops = space.transfer(space.nodeOf(s), space.carrierOf(path.states()[i - 1]), how);
                Node at = network.node(space.nodeOf(s));
                for (int h = 1; h < hops.length; h++) {
                    Carrier was = Carrier.of(hops[h - 1]);
                    Carrier to = Carrier.of(hops[h]);
                    Handling handling;
                    String reason;
                    if (was.mode() == to.mode()) {
                        handling = profile.gaugeChange();
                        reason = "gauge change " + was.gauge().code() + "->" + to.gauge().code();
                    } else {
                        handling = profile.transship(was.mode(), to.mode());
                        reason = "mode change";
                        pendingFixed += profile.rates(to.mode()).fixedUsd();
                    }
                    transshipments.add(new Transshipment(at.id(), at.name(), was.mode(), to.mode(), was.gauge(),
                            to.gauge(), reason, handling.hours(), handling.usd() * units));
                    Acc acc = byCountry.computeIfAbsent(at.country(), x -> new Acc());
                    acc.hours += handling.hours();
                    acc.usd += handling.usd() * units;
                }
                continue;
            }
            int l = how / 2;
            int dir = how % 2;
            Link link = network.link(l);
            Node a = network.node(dir == 0 ? network.linkFrom(l) : network.linkTo(l));
            Node b = network.node(space.nodeOf(s));
            int idx = LinkCosts.index(l, dir, c.ordinal());
            double usd = (costs.usd(idx) + pendingFixed) * units;
            pendingFixed = 0;
            penalty += space.penalty(how) * units;
            riskKm += space.riskKm(how);
            String country = a.country().equals(b.country()) ? a.country() : link.isCrossing() ? a.country() : null;
            if ("XX".equals(country)) country = null;
            legs.add(new Leg(link.id(), a.id(), b.id(), a.name(), b.name(), link.mode(), c.mode(), c.gauge(),
                    costs.km(idx), costs.hours(idx), usd, costs.co2(idx) * units, country, link.status(),
                    link.confidence(), costs.waitHours(idx)));
            Acc acc = byCountry.computeIfAbsent(SearchSpace.riskCountry(link, a, b), x -> new Acc());
            acc.km += costs.km(idx);
            acc.hours += costs.hours(idx);
            acc.usd += usd;
            if (link.status() != LinkStatus.OPERATIONAL) nonOperational = true;
            if (link.isCrossing()) {
                CrossingTimes times = link.crossingTimesFrom(a.id());
                crossings.add(new CrossingUse(link.id(), link.name().isEmpty() ? a.name() + " / " + b.name()
                        : link.name(), a.id(), b.id(), a.country(), b.country(), c.mode(), times.meanHours(),
                        times.p90Hours(), costs.usd(idx) * units, link.source())); // the fee, not the leg's fixed cost
            }
            nodes.add(b.id());
        }
        double km = 0;
        double hours = 0;
        double usd = 0;
        double co2 = 0;
        for (Leg leg : legs) {
            km += leg.km();
            hours += leg.hours();
            usd += leg.usd();
            co2 += leg.co2Kg();
        }
        for (Transshipment t : transshipments) {
            hours += t.hours();
            usd += t.usd();
        }
        double generalized = usd + profile.valueOfTimeUsdPerHour() * hours * units + penalty;
        List<String> countryList = new ArrayList<>();
        for (String id : nodes) {
            String cc = network.node(id).orElseThrow().country();
            if (cc.equals("XX")) continue;
            if (countryList.isEmpty() || !countryList.get(countryList.size() - 1).equals(cc)) countryList.add(cc);
        }
        List<CountryExposure> exposure = new ArrayList<>();
        Map<String, Double> kmByClass = new LinkedHashMap<>();
        for (RiskClass rc : RiskClass.values()) kmByClass.put(rc.code(), 0.0);
        RiskClass worst = RiskClass.LOW;
        for (Map.Entry<String, Acc> e : byCountry.entrySet()) {
            CountryRisk cr = risk.of(e.getKey());
            Acc acc = e.getValue();
            exposure.add(new CountryExposure(e.getKey(), cr.rated() ? cr.name() : e.getKey(), acc.km, acc.hours,
                    acc.usd, cr.combined(), cr.riskClass().code()));
            kmByClass.merge(cr.riskClass().code(), acc.km, Double::sum);
            if (cr.riskClass().compareTo(worst) > 0 && (acc.km > 0 || acc.hours > 0)) worst = cr.riskClass();
        }
        final double totalKm = km;
        if (totalKm > 0) kmByClass.replaceAll((k, v) -> v / totalKm);
        RiskSummary summary = new RiskSummary(km > 0 ? riskKm / km : 0, riskKm, worst.code(), kmByClass);
        return new Route(List.copyOf(nodes), List.copyOf(countryList), List.copyOf(legs), List.copyOf(crossings),
                List.copyOf(transshipments), new Totals(km, hours, usd, co2, generalized, penalty), r.cargo(),
                profile.unit(), units, tonnes, nonOperational, summary, List.copyOf(exposure), null);
    }
}
