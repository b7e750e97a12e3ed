package org.caravan.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caravan.cost.CargoProfile;
import org.caravan.cost.CostModel;
import org.caravan.cost.CrossingRule;
import org.caravan.cost.DriverRest;
import org.caravan.cost.OpeningHours;
import org.caravan.cost.RailService;
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
        // Hours at the wheel of each road run step, for the drivers' rest counted over the trip below.
        Map<TimeStep, Double> drivingOf = new java.util.IdentityHashMap<>();
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
        double pendingEndDwell = dwell(timeline, byCountry, origin, Carrier.of(space.carrierOf(first)), handlingFactor,
                0);
        // A regular rail service between the request's origin and destination countries (rail_services): waited
        // for once, at the route's first rail run; the search does not count it (docs/COSTS.md).
        RailService railService = railService(path, tables, profile.cargoClass());
        boolean serviceWaited = railService == null;

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
                    if (was.mode() == to.mode()) {
                        // Transloaded cargo leaves on a new train of the other gauge where the station says so.
                        Wait onward = profile.formationAfterGaugeChange(at.id(), to.gauge());
                        addDwell(timeline, byCountry, at, "rail train formation after the gauge change",
                                onward.meanHours(), onward);
                    }
                    if (was.mode() != to.mode()) {
                        pendingEndDwell = dwell(timeline, byCountry, at, to, handlingFactor,
                                CargoProfile.heldHours(was.mode(), to.mode(), handling));
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
            double usd = (costs.usd(idx) + space.tariff(how, c.ordinal()) + pendingFixed) * units;
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
                // A rail crossing's interchange dwell at its border stations is a step of its own in the timeline (the
                // crossing's and its leg's hours include it, as the clock's do).
                double interchange = costs.interchangeHours(idx);
                timeline.add(new TimeStep(TimeStep.Kind.CROSSING, link.id(), linkName, a.country(),
                        costs.hours(idx) - interchange, 0, queue, gate, legIndex));
                for (Node station : c.mode() == Mode.RAIL ? new Node[] {a, b} : new Node[0]) {
                    double x = profile.interchangeAt(station.id()).hours();
                    if (x <= 0) continue;
                    timeline.add(new TimeStep(TimeStep.Kind.DWELL, station.id(), station.name()
                            + " (rail interchange dwell)", station.country(), x, 0,
                            Wait.lognormal(x, x * handlingFactor), null, legIndex));
                }
                crossings.add(new CrossingUse(link.id(), link.name().isEmpty() ? a.name() + " / " + b.name()
                        : link.name(), a.id(), b.id(), a.country(), b.country(), c.mode(), costs.hours(idx), p90, costs.usd(idx) * units, rule != null
                        ? costs.model().sourceOf("crossings." + link.id() + ".cargo." + profile.cargoClass().code())
                                .or(() -> costs.model().sourceOf("crossings." + link.id())).map(CostModel.Source::source)
                                .orElse(link.source()) : link.source())); // the fee, not the leg's fixed cost
            } else {
                // The closed season comes first: the departure is waited for once the service runs again.
                OpeningHours season = costs.seasonGate(idx);
                if (season != null) {
                    // A seasonal closure: waited out on the clock with a departure time, else its expected wait.
                    timeline.add(new TimeStep(TimeStep.Kind.SERVICE_WAIT, link.id(), "seasonal closure ("
                            + months(season) + "): " + linkName, a.country(), costs.seasonHours(idx), 0, Wait.NONE,
                            season, legIndex));
                }
                double wait = costs.waitHours(idx);
                if (wait > 0) {
                    Service service = tables.service(link.id());
                    Wait w = service != null && service.hasOwnWait() ? service.departureWait()
                            : Wait.lognormal(wait, wait * waitFactor);
                    timeline.add(new TimeStep(TimeStep.Kind.SERVICE_WAIT, link.id(), "departure: " + linkName,
                            a.country(), wait, 0, w, null, legIndex));
                }
                if (!serviceWaited && c.mode() == Mode.RAIL) {
                    serviceWaited = true;
                    double h = serviceWait(timeline, railService, a, c, legIndex);
                    if (h > 0) {
                        Leg leg = legs.get(legIndex);
                        legs.set(legIndex, leg.withHours(leg.hours() + h, leg.waitHours() + h));
                        byCountry.computeIfAbsent(a.country(), x -> new Acc()).hours += h;
                    }
                }
                double run = costs.hours(idx) - wait - costs.seasonHours(idx);
                TimeStep runStep = new TimeStep(TimeStep.Kind.RUN, link.id(), linkName, a.country(), run, run,
                        Wait.NONE, null, legIndex, Math.max(0, costs.drivingHours(idx)));
                timeline.add(runStep);
                if (costs.drivingHours(idx) > 0) drivingOf.put(runStep, costs.drivingHours(idx));
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
        if (!drivingOf.isEmpty()) timeline = driverRest(timeline, drivingOf, legs, byCountry);
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
                r.cargoProfile(), profile.unit(), units, tonnes, nonOperational, summary, List.copyOf(exposure), null,
                timeline, null, null);
    }

    /**
     * The timeline with the drivers' rest and breaks of the trip ({@link DriverRest}) as {@code REST} steps: after
     * each road run in which the rule calls for a break or a daily rest (the hours belong to that run's leg and
     * country), and after a stop that must be lengthened to a weekly rest. Every other step is a stop for the rule
     * (a long border wait or a sailing counts as the daily rest). The search adds no rest (its road hours are a lower
     * bound of these); the reported time, the clock and the Monte Carlo all read these steps.
     */
    private List<TimeStep> driverRest(List<TimeStep> timeline, Map<TimeStep, Double> drivingOf, List<Leg> legs,
            Map<String, Acc> byCountry) {
        DriverRest rule = new DriverRest(space.profile.rates(Mode.ROAD));
        List<TimeStep> out = new ArrayList<>(timeline.size() + 8);
        for (TimeStep t : timeline) {
            out.add(t);
            int breaks = rule.breaks();
            int daily = rule.dailyRests();
            int weekly = rule.weeklyRests();
            Double driving = drivingOf.get(t);
            double add = driving != null ? rule.drive(driving, t.country()) : rule.pause(t.hours());
            if (!(add > 1e-12)) continue;
            List<String> what = new ArrayList<>();
            if (rule.weeklyRests() > weekly) what.add(plural(rule.weeklyRests() - weekly, "weekly rest"));
            if (rule.dailyRests() > daily) what.add(plural(rule.dailyRests() - daily, "daily rest"));
            if (rule.breaks() > breaks) what.add(plural(rule.breaks() - breaks, "break"));
            int legIndex = driving != null ? t.legIndex() : -1;
            out.add(new TimeStep(TimeStep.Kind.REST, t.at(), "driver " + String.join(", ", what) + " (" + t.name()
                    + ")", t.country(), add, add, Wait.NONE, null, legIndex));
            if (legIndex >= 0) {
                Leg leg = legs.get(legIndex);
                legs.set(legIndex, leg.withHours(leg.hours() + add, leg.waitHours()));
            }
            byCountry.computeIfAbsent(t.country(), x -> new Acc()).hours += add;
        }
        return out;
    }

    private static String plural(int n, String what) { return n + " " + what + (n == 1 ? "" : "s"); }

    /**
     * Adds the origin dwell of a leg in {@code mode} starting at {@code at}, each part its own step with its own
     * distribution: terminal dwell, wagon or platform supply, train formation (uniform over a published departure
     * interval, else lognormal; a departure-interval wait counts only beyond the {@code heldHours} the cargo
     * already waited there, e.g. a port dwell before a weekly train, rule F); returns the leg's destination dwell.
     */
    private double dwell(List<TimeStep> timeline, Map<String, Acc> byCountry, Node at, Carrier carrier,
            double factor, double heldHours) {
        Mode mode = carrier.mode();
        var timing = space.profile.rates(mode).timing();
        String cc = at.country();
        double origin = timing.originDwellHours(cc);
        addDwell(timeline, byCountry, at, mode.code() + " origin dwell", origin, Wait.lognormal(origin, origin * factor));
        double supply = timing.supplyHours(cc);
        String what = space.profile.cargoClass() == org.caravan.network.Cargo.CONTAINER ? "platform" : "wagon";
        addDwell(timeline, byCountry, at, mode.code() + " " + what + " supply", supply,
                Wait.lognormal(supply, supply * factor));
        Wait formation = space.profile.formationAt(at.id(), carrier, cc, factor).after(heldHours);
        String beyond = formation.overlapHours() > 0
                ? " beyond the " + Math.round(formation.overlapHours()) + " h port dwell" : "";
        addDwell(timeline, byCountry, at, mode.code() + " train formation" + beyond, formation.meanHours(), formation);
        return timing.destinationDwellHours();
    }

    private static void addDwell(List<TimeStep> timeline, Map<String, Acc> byCountry, Node at, String what,
            double hours, Wait delay) {
        if (hours <= 0) return;
        timeline.add(new TimeStep(TimeStep.Kind.DWELL, at.id(), at.name() + " (" + what + ")", at.country(), hours, 0,
                delay, null, -1));
        byCountry.computeIfAbsent(at.country(), x -> new Acc()).hours += hours;
    }

    private static void endDwell(List<TimeStep> timeline, Map<String, Acc> byCountry, Node at, Mode mode,
            double hours, double factor) {
        if (hours <= 0) return;
        timeline.add(new TimeStep(TimeStep.Kind.DWELL, at.id(), at.name() + " (" + mode.code() + " destination dwell)",
                at.country(), hours, 0, Wait.lognormal(hours, hours * factor), null, -1));
        byCountry.computeIfAbsent(at.country(), x -> new Acc()).hours += hours;
    }

    /**
     * The rail service the route waits for: the most frequent row of the cost model's {@code rail_services} whose
     * countries match the route's origin and destination countries (and whose via countries it passes), or null.
     */
    private RailService railService(StateSearch.Path path, TimeTables tables, org.caravan.network.Cargo cargo) {
        if (tables.railServices().isEmpty()) return null;
        List<String> countries = new ArrayList<>();
        for (int s : path.states()) {
            String cc = network.node(space.nodeOf(s)).country();
            if (!cc.equals("XX") && !countries.contains(cc)) countries.add(cc);
        }
        if (countries.isEmpty()) return null;
        String from = network.node(space.nodeOf(path.states()[0])).country();
        String to = network.node(space.nodeOf(path.states()[path.states().length - 1])).country();
        return tables.railService(from, to, countries, cargo);
    }

    /**
     * Adds the departure wait of {@code service} before the rail run leaving {@code at} and returns its expected
     * hours: uniform over the headway (mean half of it) beyond the hours the cargo already waited at the station
     * just before (its terminal dwell, supply, a transshipment: the train is awaited while they pass, as after a port
     * dwell, rule F), or the next departure of a published timetable (on the clock of a timed route, its mean over
     * the week otherwise). None where the station has a departure-interval formation wait of its own (rule F): that
     * wait already times the train.
     */
    private double serviceWait(List<TimeStep> timeline, RailService service, Node at, Carrier carrier, int legIndex) {
        Wait own = space.profile.formationAt(at.id(), carrier, at.country(), 1);
        if (own.kind() != Wait.Kind.LOGNORMAL) return 0;
        double held = 0;
        for (int k = timeline.size() - 1; k >= 0; k--) {
            TimeStep t = timeline.get(k);
            boolean here = at.id().equals(t.at()) && (t.kind() == TimeStep.Kind.DWELL || t.kind() == TimeStep.Kind.HANDLING);
            if (!here) break;
            held += t.hours();
        }
        Wait w = service.departureWait().after(held);
        double hours = w.meanHours();
        if (hours <= 0 && w.kind() != Wait.Kind.TIMETABLE) return 0;
        String per = service.departuresPerWeek() == Math.rint(service.departuresPerWeek())
                ? Long.toString((long) service.departuresPerWeek()) : Double.toString(service.departuresPerWeek());
        String how = service.timetable() != null ? "timetable" : "every " + Math.round(service.headwayHours()) + " h";
        String beyond = w.overlapHours() > 0 ? ", beyond the " + Math.round(w.overlapHours()) + " h already waited" : "";
        timeline.add(new TimeStep(TimeStep.Kind.SERVICE_WAIT, at.id(), "rail service " + service.id() + " ("
                + per + (service.departuresPerWeek() == 1 ? " departure" : " departures") + " a week, " + how + beyond + "): departure from " + at.name(), at.country(),
                hours, 0, w, null, legIndex, 0, service));
        return hours;
    }

    /** Cargo units a request ships: one without tonnes, else the tonnes over the profile's unit, rounded up. */
    static double units(RouteRequest r, CargoProfile profile) {
        return r.tonnes() == null ? 1.0 : Math.max(1.0, Math.ceil(r.tonnes() / profile.tonnesPerUnit() - 1e-9));
    }

    /** "closed Dec-Mar"-style list of a seasonal closure's months, in calendar order: "dec, jan, feb, mar". */
    static String months(OpeningHours season) {
        java.util.List<java.time.Month> ms = new java.util.ArrayList<>(season.closedMonths());
        java.util.Collections.sort(ms);
        // Start after the longest open gap so that a winter closure reads dec, jan, feb, mar.
        int start = 0;
        for (int k = 0; k < ms.size(); k++) {
            java.time.Month prev = ms.get((k + ms.size() - 1) % ms.size());
            if (prev.plus(1) != ms.get(k)) { start = k; break; }
        }
        StringBuilder sb = new StringBuilder("closed ");
        for (int k = 0; k < ms.size(); k++) {
            if (k > 0) sb.append(", ");
            String n = ms.get((start + k) % ms.size()).getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ROOT);
            sb.append(n);
        }
        return sb.toString();
    }
}
