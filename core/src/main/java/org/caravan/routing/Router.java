package org.caravan.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.caravan.cost.CargoProfile;
import org.caravan.cost.CostModel;
import org.caravan.cost.Handling;
import org.caravan.cost.LinkCosts;
import org.caravan.network.Carrier;
import org.caravan.network.Cargo;
import org.caravan.network.Link;
import org.caravan.network.LinkStatus;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.Node;

/**
 * Exact least-cost routing over (node, carrier) states, where a carrier is a mode and, for rail, a gauge.
 * Moving between carriers at a node is a costed transfer allowed only where the node can do it (a
 * transshipment or a gauge change), so no route ever hides a mode change or gauge break. Via points are handled
 * by layering the state space (layer k = "via points 0..k-1 passed"), which keeps the answer exact.
 *
 * <p>Thread-safe and immutable once built: the per-profile link prices are computed lazily and cached.
 * Ties are broken by a secondary key and then by state index, so answers are deterministic.
 */
public final class Router {
    private static final int SEED = -3;
    private static final int LAYER_JUMP = -2;
    private static final int TRANSFER = -1;

    private final Network network;
    private final CostModel costModel;
    private final Map<String, LinkCosts> priced = new ConcurrentHashMap<>();

    public Router(Network network, CostModel costModel) {
        this.network = network;
        this.costModel = costModel;
    }

    public Network network() { return network; }

    public CostModel costModel() { return costModel; }

    /** Link prices for a cargo profile (computed once per profile). */
    public LinkCosts linkCosts(String cargo) {
        CargoProfile profile = costModel.profile(cargo).orElseThrow(() -> new InvalidRequestException("cargo",
                "unknown cargo '" + cargo + "', expected one of " + costModel.profileNames()));
        return priced.computeIfAbsent(cargo, c -> new LinkCosts(network, costModel, profile));
    }

    /** Answers a request: the best route under every restriction, or why there is none. */
    public RouteResult route(RouteRequest request) {
        LinkCosts costs = linkCosts(request.cargo());
        int from = nodeOrThrow(request.from(), "from");
        int to = nodeOrThrow(request.to(), "to");
        int[] via = new int[request.via().size()];
        for (int i = 0; i < via.length; i++) via[i] = nodeOrThrow(request.via().get(i), "via");
        if (from == to && Arrays.stream(via).allMatch(v -> v == from)) { // nowhere to go: a route without legs
            throw new InvalidRequestException("to", "origin and destination are the same place ("
                    + network.node(from).name() + ")");
        }
        if (request.modes().stream().noneMatch(Mode::isCarrier)) {
            throw new InvalidRequestException("modes", "no mode cargo can travel in: " + request.modes()
                    + ", expected rail, road, sea or ferry");
        }
        for (String id : request.closedNodes()) nodeOrThrow(id, "close");
        for (String id : request.closedLinks()) {
            if (network.linkIndex(id) < 0) throw new InvalidRequestException("close", "unknown link '" + id + "'");
        }
        checkEndpoint(request, from, "from", "origin");
        checkEndpoint(request, to, "to", "destination");
        for (int v : via) checkEndpoint(request, v, "via", "via point");

        Path path = search(request, costs, from, to, via);
        if (path != null) return new RouteResult(request, assemble(request, costs, path), null);
        return new RouteResult(request, null, explain(request, costs, from, to, via));
    }

    private int nodeOrThrow(String id, String field) {
        int v = network.nodeIndex(id);
        if (v < 0) throw new InvalidRequestException(field, "unknown node id '" + id + "'");
        return v;
    }

    private void checkEndpoint(RouteRequest r, int v, String field, String role) {
        Node n = network.node(v);
        if (r.closedNodes().contains(n.id())) {
            throw new InvalidRequestException("close", "the " + role + " " + n.name() + " is closed by the request");
        }
        if (r.avoidCountries().contains(n.country())) {
            throw new InvalidRequestException("avoid", "the " + role + " " + n.name() + " is in " + n.country()
                    + ", which the request avoids");
        }
    }

    // ---------------------------------------------------------------- search

    /** The states of a found route, from the seed to the target, with the step that led into each. */
    private record Path(int[] states, int[] steps) {}

    private Path search(RouteRequest r, LinkCosts costs, int from, int to, int[] via) {
        int n = network.nodeCount();
        int k = Carrier.COUNT;
        int layers = via.length + 1;
        boolean[] nodeOk = usableNodes(r);
        boolean[] linkOk = usableLinks(r, nodeOk);
        boolean[] carrierOk = new boolean[k];
        for (Carrier c : Carrier.values()) carrierOk[c.ordinal()] = r.modes().contains(c.mode());
        CargoProfile profile = costs.profile();
        Cargo cargo = r.cargo().equals("bulk") ? Cargo.BULK : Cargo.CONTAINER;
        double vot = profile.valueOfTimeUsdPerHour();
        Objective obj = r.objective();

        int states = layers * n * k;
        double[] dist = new double[states];
        double[] tie = new double[states];
        int[] pred = new int[states];
        int[] step = new int[states];
        boolean[] done = new boolean[states];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(tie, Double.POSITIVE_INFINITY);
        MinHeap heap = new MinHeap(64);

        for (Carrier c : Carrier.values()) {
            if (!carrierOk[c.ordinal()]) continue;
            double fixed = profile.rates(c.mode()).fixedUsd();
            int s = from * k + c.ordinal();
            dist[s] = primary(obj, fixed, 0, 0, 0, vot);
            tie[s] = secondary(obj, fixed, 0, 0, vot);
            pred[s] = -1;
            step[s] = SEED;
            heap.push(dist[s], tie[s], s);
        }

        int target = -1;
        while (!heap.isEmpty()) {
            double d = heap.peekKey();
            double t = heap.peekTie();
            int s = heap.pop();
            if (done[s] || d > dist[s] || (d == dist[s] && t > tie[s])) continue;
            done[s] = true;
            int layer = s / (n * k);
            int v = (s / k) % n;
            int c = s % k;
            if (layer == layers - 1 && v == to) {
                target = s;
                break;
            }
            // Via point reached: continue in the next layer at no cost.
            if (layer < layers - 1 && v == via[layer]) {
                relax(heap, dist, tie, pred, step, s, s + n * k, d, t, LAYER_JUMP);
            }
            // Transfers between carriers at this node.
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
                    if (!canTransship(node, cargo)) continue;
                    h = profile.transship(here.mode(), other.mode());
                    extraUsd = profile.rates(other.mode()).fixedUsd();
                }
                double usd = h.usd() + extraUsd;
                relax(heap, dist, tie, pred, step, s, s - c + other.ordinal(),
                        d + primary(obj, usd, h.hours(), 0, 0, vot), t + secondary(obj, usd, h.hours(), 0, vot),
                        TRANSFER);
            }
            // Links leaving this node.
            int base = s - v * k - c; // first state of this layer
            for (int p = network.adjacencyStart(v); p < network.adjacencyEnd(v); p++) {
                int l = network.adjacentLink(p);
                if (!linkOk[l]) continue;
                int dir = network.linkFrom(l) == v ? 0 : 1;
                int i = LinkCosts.index(l, dir, c);
                double usd = costs.usd(i);
                if (Double.isNaN(usd)) continue;
                double hours = costs.hours(i);
                double km = costs.km(i);
                double co2 = costs.co2(i);
                int w = network.opposite(l, v);
                relax(heap, dist, tie, pred, step, s, base + w * k + c,
                        d + primary(obj, usd, hours, km, co2, vot), t + secondary(obj, usd, hours, km, vot),
                        l * 2 + dir);
            }
        }
        if (target < 0) return null;
        List<Integer> st = new ArrayList<>();
        for (int s = target; s >= 0; s = pred[s]) st.add(s);
        Collections.reverse(st);
        int[] pathStates = st.stream().mapToInt(Integer::intValue).toArray();
        int[] steps = new int[pathStates.length];
        for (int i = 0; i < pathStates.length; i++) steps[i] = step[pathStates[i]];
        return new Path(pathStates, steps);
    }

    private static void relax(MinHeap heap, double[] dist, double[] tie, int[] pred, int[] step, int from, int to,
            double d, double t, int how) {
        if (d < dist[to] || (d == dist[to] && t < tie[to])) {
            dist[to] = d;
            tie[to] = t;
            pred[to] = from;
            step[to] = how;
            heap.push(d, t, to);
        }
    }

    private static double primary(Objective o, double usd, double hours, double km, double co2, double vot) {
        return switch (o) {
            case COST -> usd + vot * hours;
            case TIME -> hours;
            case DISTANCE -> km;
            case CO2 -> co2;
        };
    }

    /** Breaks ties: among equally short (or fast, or clean) routes, the cheapest; among equally cheap, the fastest. */
    private static double secondary(Objective o, double usd, double hours, double km, double vot) {
        return o == Objective.COST ? hours : usd + vot * hours;
    }

    private static boolean canTransship(Node node, Cargo cargo) {
        return node.transship() && (node.handles().isEmpty() || node.handles().contains(cargo));
    }

    private boolean[] usableNodes(RouteRequest r) {
        boolean[] ok = new boolean[network.nodeCount()];
        for (int v = 0; v < ok.length; v++) {
            Node n = network.node(v);
            ok[v] = !r.closedNodes().contains(n.id()) && !r.avoidCountries().contains(n.country());
        }
        return ok;
    }

    private boolean[] usableLinks(RouteRequest r, boolean[] nodeOk) {
        boolean[] ok = new boolean[network.linkCount()];
        for (int l = 0; l < ok.length; l++) {
            Link link = network.link(l);
            boolean statusOk = link.status() == LinkStatus.OPERATIONAL
                    || (r.includePlanned() && (link.status() == LinkStatus.PLANNED
                    || link.status() == LinkStatus.UNDER_CONSTRUCTION));
            ok[l] = statusOk && !r.closedLinks().contains(link.id())
                    && nodeOk[network.linkFrom(l)] && nodeOk[network.linkTo(l)];
        }
        return ok;
    }

    // ---------------------------------------------------------------- no route

    private NoRoute explain(RouteRequest r, LinkCosts costs, int from, int to, int[] via) {
        String a = network.node(from).name();
        String b = network.node(to).name();
        List<String> blocking = new ArrayList<>();
        List<RouteRequest> relaxations = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (!r.avoidCountries().isEmpty()) {
            relaxations.add(r.withAvoid(Set.of()));
            labels.add("--avoid " + String.join(",", new java.util.TreeSet<>(r.avoidCountries())));
        }
        if (!r.closedNodes().isEmpty() || !r.closedLinks().isEmpty()) {
            relaxations.add(r.withClosed(Set.of(), Set.of()));
            Set<String> closed = new java.util.TreeSet<>(r.closedNodes());
            closed.addAll(r.closedLinks());
            labels.add("--close " + String.join(",", closed));
        }
        if (!r.modes().containsAll(Mode.CARRIER_MODES)) {
            relaxations.add(r.withModes(Set.of()));
            labels.add("--modes " + r.modes().stream().map(Mode::code).sorted().reduce((x, y) -> x + "," + y)
                    .orElse(""));
        }
        if (!r.includePlanned()) {
            relaxations.add(r.withIncludePlanned(true));
            labels.add("operational links only (--include-planned would add planned and under-construction links)");
        }
        if (via.length > 0) {
            relaxations.add(r.withVia(List.of()));
            labels.add("--via " + String.join(",", r.via()));
        }
        for (int i = 0; i < relaxations.size(); i++) {
            RouteRequest relaxed = relaxations.get(i);
            int[] v = relaxed.via().isEmpty() ? new int[0] : via;
            if (search(relaxed, costs, from, to, v) != null) blocking.add(labels.get(i));
        }
        if (!blocking.isEmpty()) {
            return new NoRoute("No route from " + a + " to " + b + " under the given restrictions. Each of these, "
                    + "lifted on its own, would connect them: " + String.join("; ", blocking) + ".", blocking);
        }
        RouteRequest all = r.withAvoid(Set.of()).withClosed(Set.of(), Set.of()).withModes(Set.of())
                .withIncludePlanned(true).withVia(List.of());
        if (relaxations.size() > 1 && search(all, costs, from, to, new int[0]) != null) {
            return new NoRoute("No route from " + a + " to " + b + " under the given restrictions; no single one "
                    + "of them is to blame, but lifting them together would connect the places: "
                    + String.join("; ", labels) + ".", List.of());
        }
        return new NoRoute("The network does not connect " + a + " and " + b + " for " + r.cargo()
                + " cargo, even with every restriction lifted.", List.of());
    }

    // ---------------------------------------------------------------- route assembly

    private Route assemble(RouteRequest r, LinkCosts costs, Path path) {
        CargoProfile profile = costs.profile();
        int n = network.nodeCount();
        int k = Carrier.COUNT;
        double units = r.tonnes() == null ? 1.0
                : Math.max(1.0, Math.ceil(r.tonnes() / profile.tonnesPerUnit() - 1e-9));
        double tonnes = r.tonnes() == null ? profile.tonnesPerUnit() : r.tonnes();
        List<String> nodes = new ArrayList<>();
        List<Leg> legs = new ArrayList<>();
        List<CrossingUse> crossings = new ArrayList<>();
        List<Transshipment> transshipments = new ArrayList<>();
        boolean nonOperational = false;
        int first = path.states()[0];
        nodes.add(network.node((first / k) % n).id());
        // A leg's fixed cost is paid when cargo enters a mode and shown on the leg's first link.
        double pendingFixed = profile.rates(Carrier.of(first % k).mode()).fixedUsd();

        for (int i = 1; i < path.states().length; i++) {
            int s = path.states()[i];
            int prev = path.states()[i - 1];
            int how = path.steps()[i];
            int v = (s / k) % n;
            Carrier c = Carrier.of(s % k);
            if (how == LAYER_JUMP) continue;
            if (how == TRANSFER) {
                Carrier was = Carrier.of(prev % k);
                Node at = network.node(v);
                Handling h;
                String reason;
                if (was.mode() == c.mode()) {
                    h = profile.gaugeChange();
                    reason = "gauge change " + was.gauge().code() + "->" + c.gauge().code();
                } else {
                    h = profile.transship(was.mode(), c.mode());
                    reason = "mode change";
                    pendingFixed += profile.rates(c.mode()).fixedUsd();
                }
                transshipments.add(new Transshipment(at.id(), at.name(), was.mode(), c.mode(), was.gauge(),
                        c.gauge(), reason, h.hours(), h.usd() * units));
                continue;
            }
            int l = how / 2;
            int dir = how % 2;
            Link link = network.link(l);
            Node a = network.node(dir == 0 ? network.linkFrom(l) : network.linkTo(l));
            Node b = network.node(v);
            int idx = LinkCosts.index(l, dir, c.ordinal());
            double usd = (costs.usd(idx) + pendingFixed) * units;
            pendingFixed = 0;
            String country = a.country().equals(b.country()) ? a.country()
                    : link.isCrossing() ? a.country() : null;
            if ("XX".equals(country)) country = null;
            legs.add(new Leg(link.id(), a.id(), b.id(), a.name(), b.name(), link.mode(), c.mode(), c.gauge(),
                    costs.km(idx), costs.hours(idx), usd, costs.co2(idx) * units, country, link.status(),
                    link.confidence()));
            if (link.status() != LinkStatus.OPERATIONAL) nonOperational = true;
            if (link.isCrossing()) {
                var times = link.crossingTimesFrom(a.id());
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
        double generalized = usd + profile.valueOfTimeUsdPerHour() * hours * units;
        List<String> countryList = new ArrayList<>();
        for (String id : nodes) {
            String cc = network.node(id).orElseThrow().country();
            if (cc.equals("XX")) continue;
            if (countryList.isEmpty() || !countryList.get(countryList.size() - 1).equals(cc)) countryList.add(cc);
        }
        return new Route(List.copyOf(nodes), List.copyOf(countryList), List.copyOf(legs), List.copyOf(crossings),
                List.copyOf(transshipments), new Totals(km, hours, usd, co2, generalized), r.cargo(),
                profile.unit(), units, tonnes, nonOperational);
    }
}
