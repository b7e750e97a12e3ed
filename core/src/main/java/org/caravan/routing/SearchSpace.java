package org.caravan.routing;

import java.util.Map;
import org.caravan.cost.CargoProfile;
import org.caravan.cost.Handling;
import org.caravan.cost.LinkCosts;
import org.caravan.network.Carrier;
import org.caravan.network.Cargo;
import org.caravan.network.Link;
import org.caravan.network.LinkStatus;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.network.NodeKind;
import org.caravan.risk.RiskRegister;

/**
 * The state graph of one request, shared by every search (single-objective, Pareto, alternatives). A state is
 * (layer, node, carrier): the carrier is the mode and rail gauge the cargo is in; the layer counts the via points
 * already passed. Moves out of a state are link traversals (carrier kept), transfers to another carrier at the
 * same node (allowed only where the node can transship or change gauge), and the free jump to the next layer at
 * a via point. Each move carries its full cost vector, so every search sees the same prices.
 *
 * <p>Built per request (restriction masks are request-specific); cheap next to the search itself.
 */
final class SearchSpace {
    static final int SEED = -3;
    static final int LAYER_JUMP = -2;
    static final int TRANSFER = -1;

    /** Receives the moves out of a state; implementations are reused to avoid allocation in the hot loop. */
    interface Moves {
        /**
         * @param step     link*2+dir for a traversal, or {@link #TRANSFER}, {@link #LAYER_JUMP}, {@link #SEED}
         * @param usd      money per unit, including soft country penalties
         * @param hoursP90 a pessimistic time: p90 crossing hours, and waits and handling scaled to their p90
         * @param riskKm   km weighted by the risk score of the country travelled through
         */
        void move(int toState, int step, double usd, double hours, double km, double co2, double riskKm,
                double hoursP90);
    }

    final Network network;
    final LinkCosts costs;
    final CargoProfile profile;
    final RouteRequest request;
    final int n;
    final int k = Carrier.COUNT;
    final int layers;
    final int from;
    final int to;
    final int[] via;
    final boolean[] nodeOk;
    final boolean[] linkOk;
    final boolean[] carrierOk;
    private final boolean[] canTransship;
    private final double[] linkRisk;
    private final double[] linkPenalty;
    private final double waitP90Factor;
    private final double handlingP90Factor;

    SearchSpace(Network network, LinkCosts costs, RiskRegister risk, RouteRequest r, int from, int to, int[] via,
            double waitP90Factor, double handlingP90Factor) {
        this.network = network;
        this.costs = costs;
        this.profile = costs.profile();
        this.request = r;
        this.n = network.nodeCount();
        this.from = from;
        this.to = to;
        this.via = via;
        this.layers = via.length + 1;
        this.waitP90Factor = waitP90Factor;
        this.handlingP90Factor = handlingP90Factor;
        nodeOk = new boolean[n];
        canTransship = new boolean[n];
        Cargo cargo = r.cargo().equals("bulk") ? Cargo.BULK : Cargo.CONTAINER;
        for (int v = 0; v < n; v++) {
            Node node = network.node(v);
            boolean tooRisky = r.maxRisk() != null && risk.of(node.country()).combined() > r.maxRisk()
                    && node.kind() != NodeKind.SEA_WAYPOINT;
            nodeOk[v] = !r.closedNodes().contains(node.id()) && !r.avoidCountries().contains(node.country())
                    && !tooRisky;
            canTransship[v] = node.transship() && (node.handles().isEmpty() || node.handles().contains(cargo));
        }
        int m = network.linkCount();
        linkOk = new boolean[m];
        linkRisk = new double[m * 2];
        linkPenalty = new double[m * 2];
        Map<String, Double> penalties = r.countryPenalties();
        for (int l = 0; l < m; l++) {
            Link link = network.link(l);
            boolean statusOk = link.status() == LinkStatus.OPERATIONAL
                    || (r.includePlanned() && (link.status() == LinkStatus.PLANNED
                    || link.status() == LinkStatus.UNDER_CONSTRUCTION));
            linkOk[l] = statusOk && !r.closedLinks().contains(link.id())
                    && nodeOk[network.linkFrom(l)] && nodeOk[network.linkTo(l)];
            for (int dir = 0; dir < 2; dir++) {
                Node a = network.node(dir == 0 ? network.linkFrom(l) : network.linkTo(l));
                Node b = network.node(dir == 0 ? network.linkTo(l) : network.linkFrom(l));
                linkRisk[l * 2 + dir] = link.km() * risk.of(riskCountry(link, a, b)).combined();
                if (!a.country().equals(b.country())) {
                    linkPenalty[l * 2 + dir] = penalties.getOrDefault(b.country(), 0.0);
                }
            }
        }
        carrierOk = new boolean[k];
        for (Carrier c : Carrier.values()) carrierOk[c.ordinal()] = r.modes().contains(c.mode());
    }

    /** The country a traversal from a to b counts in: its own, the one a crossing leaves, or the sea ("XX"). */
    static String riskCountry(Link link, Node a, Node b) {
        if (a.country().equals(b.country())) return a.country();
        if (link.isCrossing()) return a.country();
        return "XX";
    }

    int stateCount() { return layers * n * k; }

    int layerOf(int s) { return s / (n * k); }

    int nodeOf(int s) { return (s / k) % n; }

    int carrierOf(int s) { return s % k; }

    boolean isTarget(int s) { return layerOf(s) == layers - 1 && nodeOf(s) == to; }

    /** The starting states: cargo loaded at the origin in any allowed carrier, paying that mode's fixed cost. */
    void seeds(Moves out) {
        for (Carrier c : Carrier.values()) {
            if (!carrierOk[c.ordinal()]) continue;
            double fixed = profile.rates(c.mode()).fixedUsd();
            out.move(from * k + c.ordinal(), SEED, fixed, 0, 0, 0, 0, 0);
        }
    }

    /** Every move out of state {@code s}. */
    void expand(int s, Moves out) {
        int layer = layerOf(s);
        int v = nodeOf(s);
        int c = carrierOf(s);
        if (layer < layers - 1 && v == via[layer]) out.move(s + n * k, LAYER_JUMP, 0, 0, 0, 0, 0, 0);
        Node node = network.node(v);
        Carrier here = Carrier.of(c);
        for (Carrier other : Carrier.values()) {
            if (other == here || !carrierOk[other.ordinal()]) continue;
            Handling h;
            double extraUsd;
            if (other.mode() == here.mode()) {
                if (!node.gaugeChange()) continue;
                h = profile.gaugeChange();
                extraUsd = 0;
            } else {
                if (!canTransship[v]) continue;
                h = profile.transship(here.mode(), other.mode());
                extraUsd = profile.rates(other.mode()).fixedUsd();
            }
            out.move(s - c + other.ordinal(), TRANSFER, h.usd() + extraUsd, h.hours(), 0, 0, 0,
                    h.hours() * handlingP90Factor);
        }
        int base = s - v * k - c;
        for (int p = network.adjacencyStart(v); p < network.adjacencyEnd(v); p++) {
            int l = network.adjacentLink(p);
            if (!linkOk[l]) continue;
            int dir = network.linkFrom(l) == v ? 0 : 1;
            int i = LinkCosts.index(l, dir, c);
            double usd = costs.usd(i);
            if (Double.isNaN(usd)) continue;
            double hours = costs.hours(i);
            double p90 = costs.crossingP90(i);
            double hoursP90 = Double.isNaN(p90)
                    ? hours + costs.waitHours(i) * (waitP90Factor - 1) : p90;
            out.move(base + network.opposite(l, v) * k + c, l * 2 + dir, usd + linkPenalty[l * 2 + dir], hours,
                    costs.km(i), costs.co2(i), linkRisk[l * 2 + dir], hoursP90);
        }
    }

    /** The penalty of a traversal step (for reporting penalties apart from real money). */
    double penalty(int step) { return step >= 0 ? linkPenalty[step] : 0; }

    /** The risk-weighted km of a traversal step. */
    double riskKm(int step) { return step >= 0 ? linkRisk[step] : 0; }
}
