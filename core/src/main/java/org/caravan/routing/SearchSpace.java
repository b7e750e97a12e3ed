package org.caravan.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caravan.cost.CargoProfile;
import org.caravan.cost.Handling;
import org.caravan.cost.LinkCosts;
import org.caravan.network.Carrier;
import org.caravan.network.Cargo;
import org.caravan.network.Link;
import org.caravan.network.Mode;
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
    /** Steps at or below this encode transfer number {@code TRANSFER_BASE - step} (see {@link #transfer(int)}). */
    static final int TRANSFER_BASE = -1000;

    /** Receives the moves out of a state; implementations are reused to avoid allocation in the hot loop. */
    interface Moves {
        /**
         * @param step     link*2+dir for a traversal, {@link #LAYER_JUMP}, {@link #SEED}, or a transfer
         *                 ({@code TRANSFER_BASE - id})
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
    private final boolean[] canChangeGauge;
    private final boolean[] sameMode;
    /** Per node, bit c set when carrier c has a usable link out of the node: other carriers are dead ends. */
    private final int[] carriersOut;
    /** Per node: the transfers possible there (shared between nodes alike, and between requests). */
    private final TransferTable[] transfersAt;
    private final Map<Long, TransferTable> transferCache;

    /**
     * The transfers possible at places with the same abilities: per starting carrier, each transfer's carriers
     * (first = from, last = to), USD, hours and CO2 (well-to-wheel, hub emissions).
     */
    record TransferTable(int[][][] carriers, double[][] usd, double[][] hours, double[][] co2) {}
    private final double[] linkRisk;
    private final double[] linkPenalty;
    /**
     * Per rail link direction (link*2+dir): the USD per unit this shipment's export, import or transit level adds
     * to (or takes from) the country rate {@link LinkCosts} priced the link at; null where the rail rates have no
     * such levels. Applied to rail carriers only, in every search, the lower bounds and the assembled route.
     */
    private final double[] tariffDelta;
    private final boolean[] railCarrier;
    private final double waitP90Factor;
    private final double handlingP90Factor;
    /** The departure (local time at the origin) when the search runs on the clock, else null. */
    private final java.time.LocalDateTime depart;

    /** Risk-weighted km per link direction (index link*2+dir): depends only on the network and the register. */
    static double[] linkRisk(Network network, RiskRegister risk) {
        double[] out = new double[network.linkCount() * 2];
        for (int l = 0; l < network.linkCount(); l++) {
            Link link = network.link(l);
            for (int dir = 0; dir < 2; dir++) {
                Node a = network.node(dir == 0 ? network.linkFrom(l) : network.linkTo(l));
                Node b = network.node(dir == 0 ? network.linkTo(l) : network.linkFrom(l));
                out[l * 2 + dir] = link.km() * risk.of(riskCountry(link, a, b)).combined();
            }
        }
        return out;
    }

    /**
     * @param transferCache transfer tables by what they depend on, shared by the requests of one router and cargo
     *                      profile (thread-safe)
     */
    SearchSpace(Network network, LinkCosts costs, RiskRegister risk, double[] linkRisk,
            Map<Long, TransferTable> transferCache, RouteRequest r, int from, int to, int[] via, double waitP90Factor,
            double handlingP90Factor) {
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
        this.depart = r.depart() != null && costs.clockDependent() ? r.depart() : null;
        nodeOk = new boolean[n];
        canTransship = new boolean[n];
        canChangeGauge = new boolean[n];
        sameMode = new boolean[k * k];
        for (Carrier a : Carrier.values()) {
            for (Carrier b : Carrier.values()) sameMode[a.ordinal() * k + b.ordinal()] = a.mode() == b.mode();
        }
        // The profile's cargo class, not its name, decides which places can handle the cargo.
        Cargo cargo = profile.cargoClass();
        for (int v = 0; v < n; v++) {
            Node node = network.node(v);
            boolean tooRisky = r.maxRisk() != null && node.kind() != NodeKind.SEA_WAYPOINT
                    && risk.of(node.country()).combined() > r.maxRisk();
            nodeOk[v] = !r.closedNodes().contains(node.id()) && !r.avoidCountries().contains(node.country())
                    && !tooRisky;
            canTransship[v] = canTransship(node, cargo);
            canChangeGauge[v] = node.gaugeChange();
        }
        int m = network.linkCount();
        linkOk = new boolean[m];
        this.linkRisk = linkRisk;
        this.transferCache = transferCache;
        linkPenalty = new double[m * 2];
        Map<String, Double> penalties = r.countryPenalties();
        for (int l = 0; l < m; l++) {
            Link link = network.link(l);
            boolean statusOk = link.status() == LinkStatus.OPERATIONAL
                    || (r.includePlanned() && (link.status() == LinkStatus.PLANNED
                    || link.status() == LinkStatus.UNDER_CONSTRUCTION));
            linkOk[l] = statusOk && !r.closedLinks().contains(link.id())
                    && nodeOk[network.linkFrom(l)] && nodeOk[network.linkTo(l)];
            if (penalties.isEmpty()) continue;
            for (int dir = 0; dir < 2; dir++) {
                Node a = network.node(dir == 0 ? network.linkFrom(l) : network.linkTo(l));
                Node b = network.node(dir == 0 ? network.linkTo(l) : network.linkFrom(l));
                if (!a.country().equals(b.country())) {
                    linkPenalty[l * 2 + dir] = penalties.getOrDefault(b.country(), 0.0);
                }
            }
        }
        railCarrier = new boolean[k];
        for (Carrier c : Carrier.values()) railCarrier[c.ordinal()] = c.mode() == Mode.RAIL;
        tariffDelta = tariffDeltas(network, profile, network.node(from).country(), network.node(to).country());
        carrierOk = new boolean[k];
        for (Carrier c : Carrier.values()) carrierOk[c.ordinal()] = r.modes().contains(c.mode());
        carriersOut = new int[n];
        for (int v = 0; v < n; v++) {
            for (int p = network.adjacencyStart(v); p < network.adjacencyEnd(v); p++) {
                int l = network.adjacentLink(p);
                if (!linkOk[l]) continue;
                int dir = network.linkFrom(l) == v ? 0 : 1;
                for (int c = 0; c < k; c++) {
                    if (carrierOk[c] && !Double.isNaN(costs.usd(LinkCosts.index(l, dir, c)))) carriersOut[v] |= 1 << c;
                }
            }
        }
        transfersAt = new TransferTable[n];
        int allowed = 0;
        for (int c = 0; c < k; c++) if (carrierOk[c]) allowed |= 1 << c;
        for (int v = 0; v < n; v++) {
            // Everything a node's transfers depend on, so nodes alike (and later requests) share one table: the
            // country (terminal dwell by country) and, for a place with its own handling figures, the place.
            Node node0 = network.node(v);
            String cc = node0.country();
            long country = cc.length() == 2 ? (cc.charAt(0) - 'A') * 26L + (cc.charAt(1) - 'A') : 1023;
            long own = profile.nodes().containsKey(node0.id()) ? v + 1L : 0;
            long key = ((long) (canTransship[v] ? 1 : 0)) | (canChangeGauge[v] ? 2L : 0L) | ((long) carriersOut[v] << 2)
                    | ((long) allowed << 10) | ((country & 1023) << 20) | (own << 30);
            int node = v;
            transfersAt[v] = transferCache.computeIfAbsent(key, x -> transfersFor(node));
        }
    }

    /**
     * The per-shipment change of every rail link direction's USD (see {@link #tariffDelta}): km x (the level for a
     * shipment from {@code origin} to {@code destination} - the country rate), where a level applies; null when the
     * profile's rail rates have no levels at all.
     */
    static double[] tariffDeltas(Network network, CargoProfile profile, String origin, String destination) {
        if (!profile.modes().containsKey(Mode.RAIL)) return null;
        var rail = profile.rates(Mode.RAIL);
        if (rail.levels().isEmpty()) return null;
        int m = network.linkCount();
        double[] out = new double[m * 2];
        for (int l = 0; l < m; l++) {
            Link link = network.link(l);
            if (link.mode() != Mode.RAIL) continue;
            for (int dir = 0; dir < 2; dir++) {
                String country = network.node(dir == 0 ? network.linkFrom(l) : network.linkTo(l)).country();
                double level = rail.levels().level(country, origin, destination);
                if (Double.isNaN(level)) continue;
                // as LinkCosts prices the link (km x country rate), so base + delta = km x level exactly enough
                out[l * 2 + dir] = Math.max(link.km() * level - link.km() * rail.perKmUsd(country), -link.km()
                        * rail.perKmUsd(country));
            }
        }
        return out;
    }

    /** Whether cargo of this class can change mode at the node (a transshipment place that handles it). */
    static boolean canTransship(Node node, Cargo cargo) {
        return node.transship() && (node.handles().isEmpty() || node.handles().contains(cargo));
    }

    /**
     * The transfers possible at a node, per starting carrier. A transfer ends in a carrier that can leave the node
     * and may pass through carriers that cannot (rail 1520 -> road -> rail 1435 is transloading through a truck
     * at a terminal that cannot change bogies); moving into a carrier that cannot leave is never useful on its
     * own, so the search does not stop there. Between two carriers only the chains that are best on USD or hours
     * are kept (transfers have no length, CO2 or risk), which keeps every Pareto-optimal route.
     */
    private TransferTable transfersFor(int v) {
        int[][][] carriers = new int[k][][];
        double[][] usd = new double[k][];
        double[][] hours = new double[k][];
        double[][] co2 = new double[k][];
        for (int a = 0; a < k; a++) {
            List<int[]> chains = new ArrayList<>();
            List<double[]> costsOf = new ArrayList<>();
            chain(v, new int[] {a}, 0, 0, 0, chains, costsOf);
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < chains.size(); i++) {
                int[] ci = chains.get(i);
                double[] xi = costsOf.get(i);
                boolean dominated = false;
                for (int j = 0; j < chains.size() && !dominated; j++) {
                    int[] cj = chains.get(j);
                    if (j == i || cj[cj.length - 1] != ci[ci.length - 1]) continue;
                    double[] xj = costsOf.get(j);
                    boolean noWorse = xj[0] <= xi[0] && xj[1] <= xi[1] && xj[2] <= xi[2];
                    boolean better = xj[0] < xi[0] || xj[1] < xi[1] || xj[2] < xi[2] || cj.length < ci.length
                            || (cj.length == ci.length && j < i);
                    dominated = noWorse && better;
                }
                if (!dominated) kept.add(i);
            }
            carriers[a] = new int[kept.size()][];
            usd[a] = new double[kept.size()];
            hours[a] = new double[kept.size()];
            co2[a] = new double[kept.size()];
            for (int i = 0; i < kept.size(); i++) {
                carriers[a][i] = chains.get(kept.get(i));
                usd[a][i] = costsOf.get(kept.get(i))[0];
                hours[a][i] = costsOf.get(kept.get(i))[1];
                co2[a][i] = costsOf.get(kept.get(i))[2];
            }
        }
        return new TransferTable(carriers, usd, hours, co2);
    }

    /** The handling of one transfer hop at node {@code v}: the place's own figure where given. */
    Handling handling(int v, Carrier a, Carrier b) {
        return handling(network, profile, v, a, b);
    }

    static Handling handling(Network network, CargoProfile profile, int v, Carrier a, Carrier b) {
        String id = network.node(v).id();
        return a.mode() == b.mode() ? profile.gaugeChangeAt(id) : profile.transshipAt(id, a.mode(), b.mode());
    }

    /**
     * Terminal dwell of a leg in {@code mode} that starts in {@code country}: the origin dwell there (terminal,
     * wagon or platform supply, train formation) plus the mode's dwell at the leg's end, both charged when the leg starts (each leg
     * has one start and one end, so the sum is exact; the answer shows each where it happens).
     */
    double legDwellHours(Carrier c, Node at) {
        return profile.legDwellHours(c, at.id(), at.country());
    }

    /** {usd, hours, co2} of one transfer hop a -> b at node v, including a new leg's fixed cost and dwell. */
    private double[] hop(int v, int a, int b) {
        return hop(network, profile, v, a, b);
    }

    /** As {@link #hop(int, int, int)}: depends only on the network and the cargo profile, not on the request. */
    static double[] hop(Network network, CargoProfile profile, int v, int a, int b) {
        Carrier ca = Carrier.of(a);
        Carrier cb = Carrier.of(b);
        Handling h = handling(network, profile, v, ca, cb);
        boolean newLeg = ca.mode() != cb.mode();
        double usd = h.usd() + (newLeg ? profile.rates(cb.mode()).fixedUsd() : 0);
        Node at = network.node(v);
        // A new leg waits at its origin; a gauge change at a station with its own formation wait starts a new train.
        // A sea-to-rail transfer's port dwell overlaps the wait for a train that leaves at intervals (rule F).
        double hours = h.hours() + (newLeg ? profile.legDwellHours(cb, at.id(), at.country(),
                        CargoProfile.heldHours(ca.mode(), cb.mode(), h))
                : profile.formationAfterGaugeChange(at.id(), cb.gauge()).meanHours());
        return new double[] {usd, hours, h.co2WtwKgPerTonne() * profile.tonnesPerUnit()};
    }

    private void chain(int v, int[] path, double usd, double hours, double co2, List<int[]> chains,
            List<double[]> costsOf) {
        int last = path[path.length - 1];
        for (int next = 0; next < k; next++) {
            if (!carrierOk[next]) continue;
            boolean seen = false;
            for (int c : path) seen |= c == next;
            if (seen) continue;
            int t = last * k + next;
            if (sameMode[t] ? !canChangeGauge[v] : !canTransship[v]) continue;
            int[] longer = java.util.Arrays.copyOf(path, path.length + 1);
            longer[path.length] = next;
            double[] x = hop(v, last, next);
            double u = usd + x[0];
            double h = hours + x[1];
            double e = co2 + x[2];
            if ((carriersOut[v] & (1 << next)) != 0) {
                chains.add(longer);
                costsOf.add(new double[] {u, h, e});
            } else {
                chain(v, longer, u, h, e, chains, costsOf);
            }
        }
    }

    /** The carriers a transfer step out of carrier {@code from} at node {@code v} passes, first to last. */
    int[] transfer(int v, int from, int step) {
        return transfersAt[v].carriers()[from][TRANSFER_BASE - step];
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

    /**
     * The starting states: cargo loaded at the origin in any allowed carrier that can leave it, paying that mode's
     * fixed cost. (Loading into a carrier with no way out could only be followed by a transfer, which costs more
     * than loading into the other carrier directly.)
     */
    void seeds(Moves out) {
        for (Carrier c : Carrier.values()) {
            if (!carrierOk[c.ordinal()] || (carriersOut[from] & (1 << c.ordinal())) == 0) continue;
            double fixed = profile.rates(c.mode()).fixedUsd();
            double dwell = legDwellHours(c, network.node(from));
            out.move(from * k + c.ordinal(), SEED, fixed, dwell, 0, 0, 0, dwell * handlingP90Factor);
        }
    }

    /** Every move out of state {@code s}. */
    void expand(int s, Moves out) {
        int layer = layerOf(s);
        int v = nodeOf(s);
        int c = carrierOf(s);
        if (layer < layers - 1 && v == via[layer]) out.move(s + n * k, LAYER_JUMP, 0, 0, 0, 0, 0, 0);
        TransferTable table = transfersAt[v];
        int[][] chains = table.carriers()[c];
        for (int i = 0; i < chains.length; i++) {
            int[] chain = chains[i];
            double hours = table.hours()[c][i];
            out.move(s - c + chain[chain.length - 1], TRANSFER_BASE - i, table.usd()[c][i], hours, 0,
                    table.co2()[c][i], 0, hours * handlingP90Factor);
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
            double hoursP90 = hoursP90(i);
            out.move(base + network.opposite(l, v) * k + c, l * 2 + dir, usd + tariff(l * 2 + dir, c)
                    + linkPenalty[l * 2 + dir], hours,
                    costs.km(i), costs.co2(i), linkRisk[l * 2 + dir], hoursP90);
        }
    }

    /** The pessimistic hours of the traversal with cost index {@code i}: p90 crossing hours, or the wait at its p90. */
    double hoursP90(int i) {
        double p90 = costs.crossingP90(i);
        return Double.isNaN(p90) ? costs.hours(i) + costs.waitHours(i) * (waitP90Factor - 1) : p90;
    }

    /** The pessimistic hours of a transfer of {@code hours} (handling scaled to its p90). */
    double transferHoursP90(double hours) { return hours * handlingP90Factor; }

    /** True when carrier {@code c} has a usable link out of node {@code v} under this request. */
    boolean canLeave(int v, int c) { return (carriersOut[v] & (1 << c)) != 0; }

    /**
     * The step of the transfer at {@code v} that passes exactly {@code carriers} (first = from), or -1 when this
     * request's transfer table has no such chain.
     */
    int transferStep(int v, int[] carriers) {
        int[][] chains = transfersAt[v].carriers()[carriers[0]];
        for (int i = 0; i < chains.length; i++) {
            if (java.util.Arrays.equals(chains[i], carriers)) return TRANSFER_BASE - i;
        }
        return -1;
    }

    /**
     * Lower bounds, per criterion (0 USD with penalties, 1 hours, 2 risk-km, 3 CO2), on what is left to pay from
     * each state's (layer, node) to the destination: reverse Dijkstra over nodes where a link costs the least any
     * allowed carrier would pay and transfers cost nothing. Admissible and consistent, so a Pareto search may
     * order and prune by them without losing a route. Indexed {@code [criterion][layer * n + node]}; infinity
     * where the destination cannot be reached.
     */
    double[][] lowerBounds() {
        int m = network.linkCount();
        // Traversals ending at each node: (start node, the cheapest value per criterion over allowed carriers).
        int[] count = new int[n];
        for (int l = 0; l < m; l++) {
            if (!linkOk[l]) continue;
            count[network.linkTo(l)]++;
            if (!network.link(l).oneway()) count[network.linkFrom(l)]++;
        }
        int[] start = new int[n + 1];
        for (int v = 0; v < n; v++) start[v + 1] = start[v] + count[v];
        int[] tail = new int[start[n]];
        double[][] w = new double[4][start[n]];
        int[] fill = java.util.Arrays.copyOf(start, n);
        for (int l = 0; l < m; l++) {
            if (!linkOk[l]) continue;
            for (int dir = 0; dir < 2; dir++) {
                if (dir == 1 && network.link(l).oneway()) continue;
                int a = dir == 0 ? network.linkFrom(l) : network.linkTo(l);
                int b = dir == 0 ? network.linkTo(l) : network.linkFrom(l);
                double[] best = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY};
                for (int c = 0; c < k; c++) {
                    if (!carrierOk[c]) continue;
                    int i = LinkCosts.index(l, dir, c);
                    if (Double.isNaN(costs.usd(i))) continue;
                    best[0] = Math.min(best[0], costs.usd(i) + tariff(l * 2 + dir, c) + linkPenalty[l * 2 + dir]);
                    best[1] = Math.min(best[1], costs.hours(i));
                    best[2] = Math.min(best[2], linkRisk[l * 2 + dir]);
                    best[3] = Math.min(best[3], costs.co2(i));
                }
                int pos = fill[b]++;
                tail[pos] = a;
                for (int q = 0; q < 4; q++) w[q][pos] = best[q];
            }
        }
        double[][] out = new double[4][layers * n];
        for (int q = 0; q < 4; q++) {
            double offset = 0;
            for (int layer = layers - 1; layer >= 0; layer--) {
                int target = layer == layers - 1 ? to : via[layer];
                double[] d = reverseDijkstra(target, start, tail, w[q]);
                for (int v = 0; v < n; v++) out[q][layer * n + v] = d[v] + offset;
                if (layer > 0) offset = out[q][layer * n + via[layer - 1]];
            }
        }
        return out;
    }

    private double[] reverseDijkstra(int target, int[] start, int[] tail, double[] w) {
        double[] d = new double[n];
        java.util.Arrays.fill(d, Double.POSITIVE_INFINITY);
        d[target] = 0;
        MinHeap heap = new MinHeap(n);
        heap.push(0, 0, target);
        while (!heap.isEmpty()) {
            double dv = heap.peekKey();
            int v = heap.pop();
            if (dv > d[v]) continue;
            for (int p = start[v]; p < start[v + 1]; p++) {
                double nd = dv + w[p];
                if (nd < d[tail[p]]) {
                    d[tail[p]] = nd;
                    heap.push(nd, 0, tail[p]);
                }
            }
        }
        return d;
    }

    /**
     * Whether the search runs on the clock: the request has a departure time and some crossing has opening hours
     * or some sailing a timetable.
     */
    boolean timeDependent() { return depart != null; }

    /**
     * The change in hours of traversal {@code step} in carrier {@code carrier} when it starts {@code elapsed} hours
     * after the departure, against the expected wait it carries ({@link LinkCosts#clockDelta}); 0 for other moves
     * or without a departure time.
     */
    double clockDelta(int step, int carrier, double elapsed) {
        if (depart == null || step < 0) return 0;
        int i = step * k + carrier;
        String origin = network.node(from).country();
        java.time.LocalDateTime local = Clock.local(Clock.plusHours(depart, elapsed), origin, costs.startCountry(i),
                costs.model().timetables());
        return costs.clockDelta(i, local);
    }

    /**
     * The USD per unit this shipment's export, import or transit tariff level adds to traversal {@code step} in
     * carrier {@code carrier} over its {@link LinkCosts} price (0 for other carriers, moves and shipments): real
     * money, reported with the link.
     */
    double tariff(int step, int carrier) {
        return tariffDelta == null || step < 0 || !railCarrier[carrier] ? 0 : tariffDelta[step];
    }

    /** The penalty of a traversal step (for reporting penalties apart from real money). */
    double penalty(int step) { return step >= 0 ? linkPenalty[step] : 0; }

    /** The risk-weighted km of a traversal step. */
    double riskKm(int step) { return step >= 0 ? linkRisk[step] : 0; }
}
