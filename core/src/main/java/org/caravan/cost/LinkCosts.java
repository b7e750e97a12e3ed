package org.caravan.cost;

import java.util.Arrays;
import org.caravan.network.Carrier;
import org.caravan.network.CrossingTimes;
import org.caravan.network.Link;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.network.NodeKind;

/**
 * The price of every link of a network for one cargo profile, per direction and carrier, in flat arrays:
 * computed once and shared by all queries (immutable). Entry {@code (link*2 + dir)*Carrier.COUNT + carrier}
 * is NaN where that carrier cannot use the link. Direction 0 runs from {@code from} to {@code to}.
 *
 * <p>Values are per cargo unit and exclude a leg's fixed cost, which the router adds when a leg starts.
 */
public final class LinkCosts {
    private final CostModel model;
    private final CargoProfile profile;
    private final double[] usd;
    private final double[] hours;
    private final double[] km;
    private final double[] co2;
    private final double[] co2Ttw;
    private final double[] wait;
    /** Hours at the wheel of a road traversal (for the drivers' rest rule, {@link DriverRest}); 0 elsewhere. */
    private final double[] driving;
    private final double[] crossingP90;
    /** The part of a rail crossing's hours spent in interchange dwell at its border stations (0 elsewhere). */
    private final double[] interchange;
    /** Opening hours a crossing waits for, by index; null where always open. */
    private final OpeningHours[] gate;
    private final double[] season;
    /** Published departures a sailing waits for, by index; null where the wait is not a timetable. */
    private final Departures[] timetable;
    /** The country whose local time applies at the start of each traversal (for {@link #clockDelta}). */
    private final String[] startCountry;
    private boolean clockDependent;

    public LinkCosts(Network network, CostModel model, CargoProfile profile) {
        this.model = model;
        this.profile = profile;
        int n = network.linkCount() * 2 * Carrier.COUNT;
        usd = new double[n];
        hours = new double[n];
        km = new double[n];
        co2 = new double[n];
        co2Ttw = new double[n];
        wait = new double[n];
        driving = new double[n];
        crossingP90 = new double[n];
        interchange = new double[n];
        gate = new OpeningHours[n];
        season = new double[n];
        timetable = new Departures[n];
        startCountry = new String[n];
        Arrays.fill(usd, Double.NaN);
        Arrays.fill(hours, Double.NaN);
        Arrays.fill(km, Double.NaN);
        Arrays.fill(co2, Double.NaN);
        Arrays.fill(co2Ttw, Double.NaN);
        TimeTables tables = model.timetables();
        Arrays.fill(crossingP90, Double.NaN);
        for (int l = 0; l < network.linkCount(); l++) {
            Link link = network.link(l);
            for (int dir = 0; dir < 2; dir++) {
                if (dir == 1 && link.oneway()) continue;
                Node start = network.node(dir == 0 ? network.linkFrom(l) : network.linkTo(l));
                for (Carrier c : Carrier.values()) {
                    if (!c.canUse(link)) continue;
                    int i = index(l, dir, c.ordinal());
                    km[i] = link.km();
                    startCountry[i] = start.country();
                    if (link.mode() == Mode.CROSSING) {
                        // The cost model's figures for this crossing replace the network's where given.
                        CrossingRule rule = tables.crossing(link.id(), profile.cargoClass());
                        if (rule != null) {
                            CrossingRule.Direction d = rule.direction(start.id().equals(link.from()));
                            double gate = rule.opening().expectedWaitHours();
                            hours[i] = d.waitHours() + gate;
                            crossingP90[i] = d.p90WaitHours() + gate;
                            if (!rule.opening().alwaysOpen()) {
                                this.gate[i] = rule.opening();
                                clockDependent = true;
                            }
                            usd[i] = profile.perUnit(d.feeUsd(), c.mode());
                        } else {
                            CrossingTimes t = link.crossingTimesFrom(start.id());
                            hours[i] = t.meanHours();
                            crossingP90[i] = t.p90Hours();
                            usd[i] = profile.perUnit(t.feeUsd(), c.mode());
                        }
                        // Trains handed over between railways wait at the border station(s) with an interchange dwell.
                        if (c.mode() == Mode.RAIL) {
                            Node end = network.node(dir == 0 ? network.linkTo(l) : network.linkFrom(l));
                            Handling a = profile.interchangeAt(start.id());
                            Handling b = profile.interchangeAt(end.id());
                            double x = a.hours() + b.hours();
                            if (x > 0) {
                                interchange[i] = x;
                                hours[i] += x;
                                crossingP90[i] += x * model.delays().handlingP90ToMean();
                                usd[i] += a.usd() + b.usd();
                            }
                        }
                        // The vehicle drives over the crossing (a bridge, the road between the posts).
                        emissions(i, link.km(), profile.rates(c.mode()), start.country(), c.mode());
                    } else {
                        ModeRates r = profile.rates(c.mode());
                        String country = start.country();
                        Service service = tables.service(link.id());
                        double run;
                        if (service != null && !Double.isNaN(service.sailingSpeedKmh())) {
                            run = link.km() / service.sailingSpeedKmh();
                        } else if (link.hours().isPresent()) {
                            run = link.hours().getAsDouble();
                        } else {
                            run = r.travelHours(link.km(), country);
                            if (c.mode() == Mode.ROAD) driving[i] = r.drivingHours(link.km(), country);
                        }
                        // A departure is waited for at a port, not at a sea waypoint the ship sails past.
                        double mean = service != null && service.hasOwnWait() ? service.departureWait().meanHours()
                                : link.waitHours();
                        double wait = start.kind() == NodeKind.SEA_WAYPOINT ? 0 : mean;
                        // A seasonal closure (closed months) is waited out like a post's closed months: its expected
                        // wait over the year without a departure time, the clock's wait with one (clockDelta).
                        double closed = service != null && !service.season().alwaysOpen()
                                ? service.season().expectedWaitHours() : 0;
                        hours[i] = run + wait + closed;
                        this.wait[i] = wait;
                        if (closed > 0 || (service != null && !service.season().alwaysOpen())) {
                            season[i] = closed;
                            this.gate[i] = service.season();
                            clockDependent = true;
                        }
                        if (service != null && service.hasOwnWait() && wait > 0
                                && service.departureWait().kind() == Wait.Kind.TIMETABLE) {
                            timetable[i] = service.departureWait().timetable();
                            clockDependent = true;
                        }
                        double fare = service == null ? Double.NaN : service.fare(profile.cargoClass());
                        // A published fare is the sailing's whole price: the leg's fixed charge (paid when the
                        // cargo boards) is part of it, so the link carries the rest.
                        usd[i] = Double.isNaN(fare) ? link.km() * r.perKmUsd(country)
                                : Math.max(0, fare - r.fixedUsd());
                        emissions(i, link.km(), r, country, c.mode());
                    }
                }
            }
        }
    }

    private void emissions(int i, double linkKm, ModeRates r, String country, Mode mode) {
        ModeRates.Emissions e = r.emissions();
        double tonneKm = linkKm * profile.tonnesPerUnit();
        if (e == null) {
            co2[i] = tonneKm * model.co2KgPerTonneKm(mode);
            co2Ttw[i] = co2[i];
        } else {
            co2[i] = tonneKm * e.wtw(country);
            co2Ttw[i] = tonneKm * e.ttw(country);
        }
    }

    public static int index(int link, int dir, int carrier) { return (link * 2 + dir) * Carrier.COUNT + carrier; }

    public CargoProfile profile() { return profile; }

    public CostModel model() { return model; }

    public double usd(int i) { return usd[i]; }

    public double hours(int i) { return hours[i]; }

    public double km(int i) { return km[i]; }

    /** Well-to-wheel CO2e (kg per unit): what the co2 objective minimises. */
    public double co2(int i) { return co2[i]; }

    /** Tank-to-wheel CO2e (kg per unit): the vehicle's own exhaust, a part of {@link #co2(int)}. */
    public double co2Ttw(int i) { return co2Ttw[i]; }

    /**
     * The part of {@link #hours(int)} spent at the wheel of a road vehicle (0 elsewhere). The drivers' rest it calls
     * for is not in {@link #hours(int)}: it depends on the whole path and is added when the route is assembled.
     */
    public double drivingHours(int i) { return driving[i]; }

    /** The part of {@link #hours(int)} spent waiting for a departure (0 where none). */
    public double waitHours(int i) { return wait[i]; }

    /** Whether any traversal waits for opening hours or a timetable (else a departure time changes nothing). */
    public boolean clockDependent() { return clockDependent; }

    /** The country whose local time applies where traversal {@code i} starts. */
    public String startCountry(int i) { return startCountry[i]; }

    /**
     * How many hours more (or fewer) traversal {@code i} takes when it starts at {@code localStart} (local time of
     * {@link #startCountry}) than {@link #hours(int)}, which holds the expected wait of cargo arriving at a random
     * moment: the wait for the post to open, or for the next timetabled departure, on the clock. 0 where neither
     * applies. Waiting keeps arrivals in order (who arrives later never leaves earlier), so a search that adds it
     * along its labels stays exact for the time objective.
     */
    public double clockDelta(int i, java.time.LocalDateTime localStart) {
        double delta = 0;
        java.time.LocalDateTime t = localStart;
        if (gate[i] != null) {
            double g = gate[i].waitHours(localStart);
            delta += g - gate[i].expectedWaitHours();
            t = localStart.plusSeconds(Math.round(g * 3600));
        }
        if (timetable[i] != null) delta += timetable[i].waitHours(t) - wait[i];
        return delta;
    }

    /**
     * The expected wait for a sea or ferry service's seasonal closure included in {@link #hours(int)} (cargo arriving
     * at a random moment of the year); 0 where the service sails all year or the link is a crossing.
     */
    public double seasonHours(int i) { return season[i]; }

    /** The seasonal closure of the sea or ferry service on traversal {@code i}; null for crossings and all-year services. */
    public OpeningHours seasonGate(int i) { return Double.isNaN(crossingP90[i]) ? gate[i] : null; }

    /** The interchange dwell at the border stations included in a rail crossing's {@link #hours(int)}; else 0. */
    public double interchangeHours(int i) { return interchange[i]; }

    /** The 90th-percentile hours of a crossing; NaN for other links. */
    public double crossingP90(int i) { return crossingP90[i]; }
}
