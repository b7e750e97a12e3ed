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
    private final double[] wait;
    private final double[] crossingP90;

    public LinkCosts(Network network, CostModel model, CargoProfile profile) {
        this.model = model;
        this.profile = profile;
        int n = network.linkCount() * 2 * Carrier.COUNT;
        usd = new double[n];
        hours = new double[n];
        km = new double[n];
        co2 = new double[n];
        wait = new double[n];
        crossingP90 = new double[n];
        Arrays.fill(usd, Double.NaN);
        Arrays.fill(hours, Double.NaN);
        Arrays.fill(km, Double.NaN);
        Arrays.fill(co2, Double.NaN);
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
                    co2[i] = link.km() * model.co2KgPerTonneKm(c.mode()) * profile.tonnesPerUnit();
                    if (link.mode() == Mode.CROSSING) {
                        CrossingTimes t = link.crossingTimesFrom(start.id());
                        hours[i] = t.meanHours();
                        crossingP90[i] = t.p90Hours();
                        usd[i] = profile.perUnit(t.feeUsd(), c.mode());
                    } else {
                        ModeRates r = profile.rates(c.mode());
                        String country = start.country();
                        double run = link.hours().isPresent() ? link.hours().getAsDouble()
                                : link.km() / r.speedKmh(country);
                        // A departure is waited for at a port, not at a sea waypoint the ship sails past.
                        double wait = start.kind() == NodeKind.SEA_WAYPOINT ? 0 : link.waitHours();
                        hours[i] = run + wait;
                        this.wait[i] = wait;
                        usd[i] = link.km() * r.perKmUsd(country);
                    }
                }
            }
        }
    }

    public static int index(int link, int dir, int carrier) { return (link * 2 + dir) * Carrier.COUNT + carrier; }

    public CargoProfile profile() { return profile; }

    public CostModel model() { return model; }

    public double usd(int i) { return usd[i]; }

    public double hours(int i) { return hours[i]; }

    public double km(int i) { return km[i]; }

    public double co2(int i) { return co2[i]; }

    /** The part of {@link #hours(int)} spent waiting for a departure (0 where none). */
    public double waitHours(int i) { return wait[i]; }

    /** The 90th-percentile hours of a crossing; NaN for other links. */
    public double crossingP90(int i) { return crossingP90[i]; }
}
