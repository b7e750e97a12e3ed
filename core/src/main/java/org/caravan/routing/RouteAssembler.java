package org.caravan.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caravan.cost.CargoProfile;
import org.caravan.cost.CostModel;
import org.caravan.cost.CrossingRule;
import org.caravan.cost.OpeningHours;
import org.caravan.cost.Service;
import org.caravan.cost.TimeTables;
import org.caravan.cost.Wait;
import org.caravan.cost.Handling;
import org.caravan.cost.LinkCosts;
import org.caravan.network.Carrier;
import org.caravan.network.CrossingTimes;
import org.caravan.network.Link;
import org.caravan.network.Mode;
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
        TimeTables tables = costs.model().timetables();
        double units = units(r, profile);
        double tonnes = r.tonnes() == null ? profile.tonnesPerUnit() : r.tonnes();
        double handlingFactor = costs.model().delays().handlingP90ToMean();
        double waitFactor = costs.model().delays().waitP90ToMean();
        List<String> nodes = new ArrayList<>();
        List<Leg> legs = new ArrayList<>();
        List<CrossingUse> crossings = new ArrayList<>();
        List<Transshipment> transshipments = new ArrayList<>();
        List<TimeStep> timeline = new ArrayList<>();
        Map<String, Acc> byCountry = new LinkedHashMap<>();
        boolean nonOperational = false;
        double penalty = 0;
        double riskKm = 0;
        int first = path.states()[0];
        Node origin = network.node(space.nodeOf(first));
        nodes.add(origin.id());
        // A leg's fixed cost is paid when cargo enters a mode and shown on the leg's first link.
        Mode firstMode = Carrier.of(space.carrierOf(first)).mode();
        double pendingFixed = profile.rates(firstMode).fixedUsd();
        // Terminal dwell: the origin part where the leg starts, the destination part where it ends.
        double pendingEndDwell = dwell(timeline, byCountry, origin, firstMode, handlingFactor);

        for (int i = 1; i < path.states().length; i++) {
            int s = path.states()[i];
            int how = path.steps()[i];
            Carrier c = Carrier.of(space.carrierOf(s));
            if (how == SearchSpace.LAYER_JUMP) continue;
            if (how <= SearchSpace.TRANSFER_BASE) {
                // A transfer may pass through carriers that cannot leave the place: list every hop.
                int v = space.nodeOf(s);
                int[] hops = space.transfer(v, space.carrierOf(path.states()[i - 1]), how);
                Node at = network.node(v);
                for (int h = 1; h < hops.length; h++) {
                    Carrier was = Carrier.of(hops[h - 1]);
                    Carrier to = Carrier.of(hops[h]);
                    Handling handling = space.handling(v, was, to);
                    String reason;
                    if (was.mode() == to.mode()) {
                        reason = "gauge change " + was.gauge().code() + "->" + to.gauge().code();
                    } else {
                        reason = "mode change";
                        pendingFixed += profile.rates(to.mode()).fixedUsd();
                        endDwell(timeline, byCountry, at, was.mode(), pendingEndDwell, handlingFactor);
                    }
                    double hubCo2 = handling.co2WtwKgPerTonne() * profile.tonnesPerUnit() * units;
                    transshipments.add(new Transshipment(at.id(), at.name(), was.mode(), to.mode(), was.gauge(),
                            to.gauge(), reason, handling.hours(), handling.usd() * units, hubCo2));
                    timeline.add(new TimeStep(TimeStep.Kind.HANDLING, at.id(), at.name() + " (" + reason + ")",
                            at.country(), handling.hours(), 0,
                            Wait.lognormal(handling.hours(), handling.hours() * handlingFactor), null, -1));
                    Acc acc = byCountry.computeIfAbsent(at.country(), x -> new Acc());
                    acc.hours += handling.hours();
                    acc.usd += handling.usd() * units;
                    if (was.mode() != to.mode()) {
                        pendingEndDwell = dwell(timeline, byCountry, at, to.mode(), handlingFactor);
                    }
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
            int legIndex = legs.size();
            legs.add(new Leg(link.id(), a.id(), b.id(), a.name(), b.name(), link.mode(), c.mode(), c.gauge(),
                    costs.km(idx), costs.hours(idx), usd, costs.co2(idx) * units, country, link.status(),
                    link.confidence(), costs.waitHours(idx), costs.co2Ttw(idx) * units));
            String linkName = link.name().isEmpty() ? a.name() + " - " + b.name() : link.name();
            if (link.isCrossing()) {
                CrossingRule rule = tables.crossing(link.id(), profile.cargoClass());
                Wait queue;
                OpeningHours gate = null;
                double p90;
                if (rule != null) {
                    CrossingRule.Direction d = rule.direction(a.id().equals(link.from()));
                    queue = Wait.lognormal(d.waitHours(), d.p90WaitHours());
                    gate = rule.opening().alwaysOpen() ? null : rule.opening();
                    p90 = costs.crossingP90(idx);
                } else {
                    CrossingTimes times = link.crossingTimesFrom(a.id());
                    queue = Wait.lognormal(times.meanHours(), times.p90Hours());
                    p90 = times.p90Hours();
                }
                timeline.add(new TimeStep(TimeStep.Kind.CROSSING, link.id(), linkName, a.country(), costs.hours(idx),
                        0, queue, gate, legIndex));
                crossings.add(new CrossingUse(link.id(), link.name().isEmpty() ? a.name() + " / " + b.name()
                        : link.name(), a.id(), b.id(), a.country(), b.country(), c.mode(), costs.hours(idx),
                        p90, costs.usd(idx) * units, rule != null
                        ? costs.model().sourceOf("crossings." + link.id() + ".cargo." + profile.cargoClass().code())
                                .or(() -> costs.model().sourceOf("crossings." + link.id())).map(CostModel.Source::source)
                                .orElse(link.source()) : link.source())); // the fee, not the leg's fixed cost
            } else {
                double wait = costs.waitHours(idx);
                if (wait > 0) {
                    Service service = tables.service(link.id());
                    Wait w = service != null ? service.departureWait() : Wait.lognormal(wait, wait * waitFactor);
                    timeline.add(new TimeStep(TimeStep.Kind.SERVICE_WAIT, link.id(), "departure: " + linkName,
                            a.country(), wait, 0, w, null, legIndex));
                }
                double run = costs.hours(idx) - wait;
                timeline.add(new TimeStep(TimeStep.Kind.RUN, link.id(), linkName, a.country(), run, run, Wait.NONE,
                        null, legIndex));
            }
            Acc acc = byCountry.computeIfAbsent(SearchSpace.riskCountry(link, a, b), x -> new Acc());
            acc.km += costs.km(idx);
            acc.hours += costs.hours(idx);
            acc.usd += usd;
            if (link.status() != LinkStatus.OPERATIONAL) nonOperational = true;
            nodes.add(b.id());
        }
        Node destination = network.node(space.nodeOf(path.states()[path.states().length - 1]));
        endDwell(timeline, byCountry, destination, Carrier.of(space.carrierOf(path.states()[path.states().length - 1]))
                .mode(), pendingEndDwell, handlingFactor);
        double km = 0;
        double usd = 0;
        double co2 = 0;
        double co2Ttw = 0;
        double co2Hub = 0;
        for (Leg leg : legs) {
            km += leg.km();
            usd += leg.usd();
            co2 += leg.co2Kg();
            co2Ttw += leg.co2TtwKg();
        }
        for (Transshipment t : transshipments) {
            usd += t.usd();
            co2Hub += t.co2Kg();
        }
        co2 += co2Hub;
        double hours = 0;
        for (TimeStep t : timeline) hours += t.hours();
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
                List.copyOf(transshipments), new Totals(km, hours, usd, co2, generalized, penalty, co2Ttw, co2Hub),
                r.cargo(), profile.unit(), units, tonnes, nonOperational, summary, List.copyOf(exposure), null,
                timeline, null, null);
    }

    /** Adds the origin dwell of a leg in {@code mode} starting at {@code at}; returns its destination dwell. */
    private double dwell(List<TimeStep> timeline, Map<String, Acc> byCountry, Node at, Mode mode, double factor) {
        var timing = space.profile.rates(mode).timing();
        double origin = timing.originDwellHours(at.country());
        if (origin > 0) {
            timeline.add(new TimeStep(TimeStep.Kind.DWELL, at.id(), at.name() + " (" + mode.code()
                    + " origin dwell)", at.country(), origin, 0, Wait.lognormal(origin, origin * factor), null, -1));
            byCountry.computeIfAbsent(at.country(), x -> new Acc()).hours += origin;
        }
        return timing.destinationDwellHours();
    }

    private static void endDwell(List<TimeStep> timeline, Map<String, Acc> byCountry, Node at, Mode mode,
            double hours, double factor) {
        if (hours <= 0) return;
        timeline.add(new TimeStep(TimeStep.Kind.DWELL, at.id(), at.name() + " (" + mode.code() + " destination dwell)",
                at.country(), hours, 0, Wait.lognormal(hours, hours * factor), null, -1));
        byCountry.computeIfAbsent(at.country(), x -> new Acc()).hours += hours;
    }

    /** Cargo units a request ships: one without tonnes, else the tonnes over the profile's unit, rounded up. */
    static double units(RouteRequest r, CargoProfile profile) {
        return r.tonnes() == null ? 1.0 : Math.max(1.0, Math.ceil(r.tonnes() / profile.tonnesPerUnit() - 1e-9));
    }
}
