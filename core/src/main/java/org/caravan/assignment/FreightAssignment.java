package org.caravan.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.caravan.assignment.Capacities.Capacity;
import org.caravan.assignment.Capacities.VehicleEquivalent;
import org.caravan.cost.CargoProfile;
import org.caravan.criticality.Criticality;
import org.caravan.demand.OdPair;
import org.caravan.network.Link;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.place.RouteQuery;
import org.caravan.routing.InvalidRequestException;
import org.caravan.routing.Leg;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.RouteResults;
import org.caravan.routing.Router;
import org.caravan.routing.Transshipment;

/**
 * Freight assignment on the Caravan network (docs/ASSIGNMENT.md, "Freight assignment"): yearly tonnes of OD
 * demand by cargo class loaded onto the corridors, with queues at capacity-limited border crossings, ports,
 * transloading yards and ferries.
 *
 * <p>Each OD pair gets a route set from {@link Router#alternatives} (the best route under the request's
 * objective and restrictions, and meaningfully different ones through other crossings or modes). A route's
 * generalized cost per tonne (money + value of time, the router's own cost model) is its volume-independent base;
 * the capacity-limited elements it passes are the flow links of a {@link FlowNetwork}, each with the
 * {@link VolumeDelay#QUEUE} wait of its capacity in vehicles per day, priced at the class's value of time. The
 * user equilibrium over these route sets is solved by the {@link Equilibrium} family (AON, FW, CFW, BFW; the
 * all-or-nothing step picks each pair's cheapest route), or a stochastic equilibrium with logit choice by the
 * method of successive averages. Every network link a route uses is a zero-cost flow link too, so link tonnes
 * come out of the same solution.
 */
public final class FreightAssignment {
    /** Akçelik's delay parameter J for a border post or terminal: 0.5, random arrivals and regular clearance (rule Q). */
    public static final double QUEUE_J = 0.5;

    private FreightAssignment() {}

    /**
     * @param method        aon, fw, cfw, bfw (user equilibrium over the route sets) or logit (stochastic, MSA)
     * @param targetGap     stop at this relative gap (logit: relative change of the volumes)
     * @param maxIterations iteration cap
     * @param alternatives  routes per OD pair (1 to 10)
     * @param periodDays    Akçelik's period T: how long the demand arrives at its average daily rate (rule Q)
     * @param logitSpread   logit: a route dearer than the pair's cheapest by this share of its cost gets e^-1
     *                      times the cheapest route's probability
     * @param threads       threads for building the route sets
     */
    public record Options(AssignmentMethod method, double targetGap, int maxIterations, int alternatives,
            double periodDays, double logitSpread, int threads) {
        public static final int MAX_ALTERNATIVES = 10;

        public Options {
            if (method == null) throw new IllegalArgumentException("method is required");
            if (!(targetGap >= AssignmentSettings.MIN_GAP && targetGap < 1)) {
                throw new InvalidRequestException("gap", "must be at least 1e-12 and below 1, got " + targetGap);
            }
            if (maxIterations < 1 || maxIterations > AssignmentSettings.MAX_ITERATIONS) {
                throw new InvalidRequestException("max_iter", "must be between 1 and "
                        + AssignmentSettings.MAX_ITERATIONS + ", got " + maxIterations);
            }
            if (alternatives < 1 || alternatives > MAX_ALTERNATIVES) {
                throw new InvalidRequestException("alternatives", "must be between 1 and " + MAX_ALTERNATIVES
                        + ", got " + alternatives);
            }
            if (!(periodDays >= 1 && periodDays <= 366)) {
                throw new InvalidRequestException("period_days", "must be between 1 and 366 days, got " + periodDays);
            }
            if (!(logitSpread > 0 && logitSpread <= 10)) {
                throw new InvalidRequestException("logit_spread", "must be above 0 and at most 10, got " + logitSpread);
            }
            if (threads < 1 || threads > 256) throw new InvalidRequestException("threads", "must be between 1 and 256");
        }

        public static Options defaults() {
            return new Options(AssignmentMethod.BFW, 1e-6, 500, 4, 30, 0.1,
                    Runtime.getRuntime().availableProcessors());
        }

        public Options withMethod(AssignmentMethod m) {
            return new Options(m, targetGap, maxIterations, alternatives, periodDays, logitSpread, threads);
        }
    }

    /**
     * A capacity-limited element in one direction: a crossing or ferry link (id = link id), or a port or yard
     * (id = node id; direction {@code both}).
     */
    public record Element(String id, String kind, String name, String direction, Capacity capacity) {
        String key() { return kind + ":" + id + ":" + direction; }
    }

    /**
     * @param vehiclesPerDay  all classes, in the capacity's unit (trucks, wagons or TEU per day)
     * @param queueDays       the mean wait at that volume (Akçelik, rule Q)
     * @param tonnesByClass   yearly tonnes per cargo profile
     */
    public record ElementFlow(Element element, double vehiclesPerDay, double volumeToCapacity, double queueDays,
            Map<String, Double> tonnesByClass, double tonnes, double detentionUsdPerYear, double cargoTimeUsdPerYear) {
        /** The queue's cost per year: vehicle detention plus the cargo's value of time, USD. */
        public double queueUsdPerYear() { return detentionUsdPerYear + cargoTimeUsdPerYear; }
    }

    /** One mode's share of the assigned tonnes (by main mode) and of the tonne-km. */
    public record ModeShare(Mode mode, double tonnes, double tonneShare, double tonneKm, double tonneKmShare) {}

    /** Yearly tonnes on one network link in one direction of travel ({@code from -> to}). */
    public record LinkFlow(String linkId, String name, Mode mode, String from, String to, String direction,
            double km, Map<String, Double> tonnesByClass, double tonnes) {}

    /** An OD pair that no route serves under the request's restrictions (its tonnes are not assigned). */
    public record Unroutable(OdPair od, String reason) {}

    /**
     * @param demandTonnes   yearly tonnes in the OD file
     * @param assignedTonnes of which loaded on routes; the rest is in {@code unroutable}
     * @param tonneKmByMode  tonne-km per year by mode of the links (crossings and transfers carry no km)
     * @param routes         routes in all route sets
     * @param pairCount      OD pairs in the input
     */
    public record Result(Options options, int pairCount, List<String> classes, List<ElementFlow> elements, List<LinkFlow> links,
            List<Unroutable> unroutable, double demandTonnes, double assignedTonnes,
            Map<Mode, Double> tonneKmByMode, double relativeGap, boolean converged, List<IterationReport> iterations,
            int routes, long millis, Map<Mode, Double> tonnesByMainMode) {

        /** Detention cost of all queues, USD per year. */
        public double detentionUsdPerYear() {
            return elements.stream().mapToDouble(ElementFlow::detentionUsdPerYear).sum();
        }

        /**
         * Modal split: per mode, tonnes whose route has it as main mode (most km) and their share of the assigned
         * tonnes, and tonne-km on links of that mode and their share of all tonne-km. Each share column sums to 1.
         */
        public List<ModeShare> modalSplit() {
            double tk = tonneKmByMode.values().stream().mapToDouble(Double::doubleValue).sum();
            double tt = tonnesByMainMode.values().stream().mapToDouble(Double::doubleValue).sum();
            List<ModeShare> out = new ArrayList<>();
            for (Mode m : Mode.values()) {
                double t = tonnesByMainMode.getOrDefault(m, 0.0);
                double k = tonneKmByMode.getOrDefault(m, 0.0);
                if (t == 0 && k == 0) continue;
                out.add(new ModeShare(m, t, tt > 0 ? t / tt : 0, k, tk > 0 ? k / tk : 0));
            }
            return out;
        }

        /** Crossings by tonnes, highest first, with their share of the assigned tonnes (a pair may cross several). */
        public List<ElementFlow> corridorShares() {
            return elements.stream().filter(e -> e.tonnes() > 0 && e.element().kind().equals("crossing"))
                    .sorted(Comparator.comparingDouble((ElementFlow e) -> -e.tonnes())
                            .thenComparing(e -> e.element().key()))
                    .toList();
        }

        /** Share of tonnes crossing each crossing, port, yard or ferry, by element key (of assigned tonnes). */
        public double shareOfAssigned(ElementFlow e) { return assignedTonnes > 0 ? e.tonnes() / assignedTonnes : 0; }

        /** Elements by volume over capacity, highest first (the bottlenecks). */
        public List<ElementFlow> bottlenecks() {
            return elements.stream().filter(e -> e.tonnes() > 0)
                    .sorted(Comparator.comparingDouble((ElementFlow e) -> -e.volumeToCapacity())
                            .thenComparing(e -> e.element().key()))
                    .toList();
        }

        /** Links by tonnes, highest first. */
        public List<LinkFlow> topLinks(int n) {
            return links.stream().sorted(Comparator.comparingDouble((LinkFlow l) -> -l.tonnes())
                    .thenComparing(LinkFlow::linkId).thenComparing(LinkFlow::direction)).limit(n).toList();
        }
    }

    /** One candidate route of an OD pair: its base cost per tonne and the flow links it loads for its class. */
    private record Candidate(double basePerTonne, int[] elements, int[] links) {}

    private record PairRoutes(int pair, int cls, double tonnes, List<Candidate> routes) {}

    /**
     * Assigns {@code pairs} on {@code router}'s network.
     *
     * @param restrictions the route options every pair obeys (objective, avoid, closures...; places ignored), or null
     * @param restrict     extra restrictions applied to every request (a scenario's), or null
     * @param cargo        a profile for every pair, or null for each pair's own
     * @param listener     hears each iteration (may be null)
     */
    public static Result assign(Router router, List<OdPair> pairs, String cargo, RouteQuery restrictions,
            UnaryOperator<RouteRequest> restrict, Capacities capacities, Options options,
            Consumer<IterationReport> listener) {
        long start = System.nanoTime();
        List<RouteRequest> requests = Criticality.requests(router, pairs, cargo, restrictions);
        if (restrict != null) requests = requests.stream().map(restrict).toList();
        Network net = router.network();

        // Cargo classes, in order of first appearance.
        List<String> classes = new ArrayList<>();
        for (RouteRequest r : requests) if (!classes.contains(r.cargo())) classes.add(r.cargo());
        List<VehicleEquivalent> vehicles = new ArrayList<>();
        List<CargoProfile> profiles = new ArrayList<>();
        for (String c : classes) {
            CargoProfile p = router.costModel().profile(c).orElseThrow();
            String cls = p.cargoClass().code();
            vehicles.add(capacities.vehicleEquivalent(cls).orElseThrow(() -> new InvalidRequestException("cargo",
                    "cargo class '" + cls + "' (profile " + c + ") has no row in vehicle-equivalents.csv")));
            profiles.add(p);
        }

        // Route sets, in parallel (the router is thread-safe); kept in input order.
        List<RouteRequest> reqs = requests;
        List<Object> found = inPool(options.threads(), () -> IntStream.range(0, reqs.size()).parallel()
                .mapToObj(i -> (Object) routeSet(router, reqs.get(i), pairs.get(i), options.alternatives()))
                .toList());

        // Flow links: capacity elements and tracked network links, each once per direction.
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Element> elements = new ArrayList<>();
        List<String[]> tracked = new ArrayList<>(); // {linkId, from, to, direction}
        List<PairRoutes> sets = new ArrayList<>();
        List<Unroutable> unroutable = new ArrayList<>();
        List<double[]> pceRows = new ArrayList<>(); // per flow link, pce per class
        double demand = 0;
        double assigned = 0;
        int routeCount = 0;
        for (int i = 0; i < pairs.size(); i++) {
            OdPair od = pairs.get(i);
            demand += od.tonnes();
            Object f = found.get(i);
            if (f instanceof String reason) {
                unroutable.add(new Unroutable(od, reason));
                continue;
            }
            int cls = classes.indexOf(reqs.get(i).cargo());
            double tpu = profiles.get(cls).tonnesPerUnit();
            List<Candidate> cands = new ArrayList<>();
            @SuppressWarnings("unchecked")
            List<Route> routes = (List<Route>) f;
            for (Route r : routes) {
                List<Integer> els = new ArrayList<>();
                List<Integer> lks = new ArrayList<>();
                for (Element e : elementsOf(net, r, capacities)) {
                    Integer a = index.get(e.key());
                    if (a == null) {
                        a = index.size();
                        index.put(e.key(), a);
                        elements.add(e);
                        tracked.add(null);
                        double[] row = new double[classes.size()];
                        for (int c = 0; c < row.length; c++) row[c] = pce(vehicles.get(c), e.capacity().unit());
                        pceRows.add(row);
                    }
                    if (pceRows.get(a)[cls] > 0 && !els.contains(a)) els.add(a);
                }
                for (Leg leg : r.legs()) {
                    Link l = net.link(leg.linkId()).orElseThrow();
                    String dir = leg.from().equals(l.from()) ? "forward" : "reverse";
                    String key = "link:" + l.id() + ":" + dir;
                    Integer a = index.get(key);
                    if (a == null) {
                        a = index.size();
                        index.put(key, a);
                        elements.add(null);
                        // A crossing is not a mode: its km count under the mode the cargo crosses in (the one mode
                        // it carries, or the cargo mode of the first route seen on a crossing open to several).
                        Mode km = l.mode() != Mode.CROSSING ? l.mode()
                                : l.carries().size() == 1 ? l.carries().iterator().next() : leg.cargoMode();
                        tracked.add(new String[] {l.id(), leg.from(), leg.to(), dir, km.name()});
                        pceRows.add(new double[classes.size()]);
                    }
                    lks.add(a);
                }
                String mkey = "mode:" + mainMode(r, net).name();
                Integer ma = index.get(mkey);
                if (ma == null) {
                    ma = index.size();
                    index.put(mkey, ma);
                    elements.add(null);
                    tracked.add(new String[] {null, mainMode(r, net).name()});
                    pceRows.add(new double[classes.size()]);
                }
                lks.add(ma);
                double base = r.totals().generalizedUsd() / r.units() / tpu;
                cands.add(new Candidate(base, ints(els), ints(lks)));
            }
            routeCount += cands.size();
            sets.add(new PairRoutes(i, cls, od.tonnes(), List.copyOf(cands)));
            assigned += od.tonnes();
        }

        int m = index.size();
        FlowNetwork.Builder b = FlowNetwork.builder(Math.max(2, 2 * m), 1, 0);
        for (int a = 0; a < m; a++) {
            Element e = elements.get(a);
            if (e != null) {
                b.link(2 * a, 2 * a + 1, 0, e.capacity().perDay(), QUEUE_J, options.periodDays(), 0, VolumeDelay.QUEUE);
            } else {
                b.link(2 * a, 2 * a + 1, 0, 1, 0, 1, 0, VolumeDelay.BPR); // zero cost: only tracks tonnes
            }
        }
        FlowNetwork flow = b.build();
        List<TrafficClass> tcs = new ArrayList<>();
        double[][] detentionPerTonneDay = new double[classes.size()][m];
        double[] votPerTonneDay = new double[classes.size()];
        for (int c = 0; c < classes.size(); c++) {
            double[] lp = new double[m];
            double[] w = new double[m];
            CargoProfile p = profiles.get(c);
            double usdPerTonneDay = 24 * p.valueOfTimeUsdPerHour() / p.tonnesPerUnit();
            votPerTonneDay[c] = usdPerTonneDay;
            for (int a = 0; a < m; a++) {
                lp[a] = pceRows.get(a)[c];
                Element e = elements.get(a);
                // A tonne rides in 1 / (365 pce) tonnes' worth of vehicle: it pays that share of the vehicle's day,
                // and on a truck its share of the container's day when the class travels in boxes (rule D-box).
                double det = e == null || lp[a] == 0 ? 0
                        : capacities.detentionUsdPerTonneDay(vehicles.get(c), e.capacity().unit());
                detentionPerTonneDay[c][a] = det;
                w[a] = Math.max(usdPerTonneDay + det, 1e-12);
            }
            tcs.add(new TrafficClass(classes.get(c), 1, new double[1], 1, Math.max(usdPerTonneDay, 1e-12), null, lp, w));
        }
        List<List<PairRoutes>> byClass = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) byClass.add(new ArrayList<>());
        for (PairRoutes s : sets) byClass.get(s.cls()).add(s);

        AssignmentResult res;
        if (m == 0) {
            res = new AssignmentResult(classes, new double[classes.size()][0], new double[0], new double[0], 0, true, 0,
                    List.of());
        } else if (options.method() == AssignmentMethod.LOGIT) {
            res = logit(flow, tcs, byClass, options, listener == null ? r -> { } : listener);
        } else {
            PathLoader loader = (c, cost, vol) -> cheapest(byClass.get(c), cost, vol);
            res = Equilibrium.solve(flow, tcs, loader, new AssignmentSettings(options.method(), options.targetGap(),
                    options.maxIterations(), 1), listener);
        }

        List<ElementFlow> elementFlows = new ArrayList<>();
        List<LinkFlow> linkFlows = new ArrayList<>();
        Map<Mode, Double> tkm = new java.util.EnumMap<>(Mode.class);
        Map<Mode, Double> mainModes = new java.util.EnumMap<>(Mode.class);
        for (int a = 0; a < m; a++) {
            Map<String, Double> byCls = new LinkedHashMap<>();
            double t = 0;
            double det = 0;
            double vot = 0;
            for (int c = 0; c < classes.size(); c++) {
                double v = res.classVolumes()[c][a];
                byCls.put(classes.get(c), v);
                t += v;
                det += v * res.time()[a] * detentionPerTonneDay[c][a];
                vot += v * res.time()[a] * votPerTonneDay[c];
            }
            Element e = elements.get(a);
            if (e != null) {
                elementFlows.add(new ElementFlow(e, res.volume()[a], res.volume()[a] / e.capacity().perDay(),
                        res.time()[a], Map.copyOf(byCls), t, det, vot));
            } else if (tracked.get(a)[0] == null) {
                mainModes.merge(Mode.valueOf(tracked.get(a)[1]), t, Double::sum);
            } else {
                String[] tr = tracked.get(a);
                Link l = net.link(tr[0]).orElseThrow();
                linkFlows.add(new LinkFlow(l.id(), l.name(), l.mode(), tr[1], tr[2], tr[3], l.km(), Map.copyOf(byCls),
                        t));
                tkm.merge(Mode.valueOf(tr[4]), t * l.km(), Double::sum);
            }
        }
        return new Result(options, pairs.size(), List.copyOf(classes), List.copyOf(elementFlows), List.copyOf(linkFlows),
                List.copyOf(unroutable), demand, assigned, tkm, res.relativeGap(), res.converged(), res.iterations(),
                routeCount, (System.nanoTime() - start) / 1_000_000, mainModes);
    }

    /**
     * The mode a route runs the most km on (its main mode), first on ties. A crossing's km count under the mode the
     * cargo crosses in (crossings are not a mode); transfers have none.
     */
    static Mode mainMode(Route r, Network net) {
        Map<Mode, Double> km = new java.util.EnumMap<>(Mode.class);
        for (Leg leg : r.legs()) {
            Link l = net.link(leg.linkId()).orElseThrow();
            if (l.km() > 0) km.merge(leg.cargoMode(), l.km(), Double::sum);
        }
        Mode best = r.legs().isEmpty() ? Mode.ROAD : r.legs().get(0).cargoMode();
        double bk = -1;
        for (Map.Entry<Mode, Double> e : km.entrySet()) if (e.getValue() > bk) { bk = e.getValue(); best = e.getKey(); }
        return best;
    }

    /** The pair's routes, or a String saying why it has none. */
    private static Object routeSet(Router router, RouteRequest request, OdPair od, int k) {
        if (od.tonnes() == 0) return List.of(); // nothing to load; not unroutable
        try {
            RouteResults rr = router.alternatives(request, k);
            if (rr.routes().isEmpty()) return rr.noRoute() != null ? rr.noRoute().message() : "no route";
            return rr.routes();
        } catch (InvalidRequestException e) {
            // A scenario may close an end of the trip: the pair is unroutable, not the input bad.
            return e.getMessage();
        }
    }

    /** The capacity-limited elements a route passes, in travel order. */
    static List<Element> elementsOf(Network net, Route r, Capacities caps) {
        List<Element> out = new ArrayList<>();
        for (Leg leg : r.legs()) {
            if (leg.mode() != Mode.CROSSING && leg.mode() != Mode.FERRY) continue;
            Link l = net.link(leg.linkId()).orElseThrow();
            String dir = leg.from().equals(l.from()) ? "forward" : "reverse";
            String kind = leg.mode() == Mode.CROSSING ? "crossing" : "ferry";
            String rule = leg.mode() == Mode.CROSSING ? Capacities.crossingRule(l.id()) : "ferry_default";
            caps.lookup(l.id(), dir, rule).ifPresent(c -> out.add(new Element(l.id(), kind, l.name(), dir, c)));
        }
        for (Transshipment t : r.transshipments()) {
            boolean sea = t.fromMode() == Mode.SEA || t.toMode() == Mode.SEA;
            boolean ferry = t.fromMode() == Mode.FERRY || t.toMode() == Mode.FERRY;
            if (ferry && !sea) continue; // the ferry service's own capacity stands for its terminals
            String kind = sea ? "port" : "yard";
            caps.lookup(t.at(), "forward", kind + "_default")
                    .ifPresent(c -> out.add(new Element(t.at(), kind, t.atName(), "both", c)));
        }
        return out;
    }

    /** Vehicles (in {@code unit}) per day per tonne a year; 0 when the class has no vehicle of that unit. */
    private static double pce(VehicleEquivalent v, String unit) {
        double t = switch (unit) {
            case "trucks" -> v.tPerTruck();
            case "wagons" -> v.tPerWagon();
            case "teu" -> v.tPerTeu();
            default -> Double.NaN;
        };
        return t > 0 ? 1 / (365.0 * t) : 0;
    }

    /** All-or-nothing over the route sets: each pair on its cheapest route (first on ties). */
    private static PathLoader.LoadCost cheapest(List<PairRoutes> sets, double[] cost, double[] vol) {
        Arrays.fill(vol, 0);
        double sp = 0;
        double base = 0;
        for (PairRoutes s : sets) {
            Candidate best = null;
            double bc = Double.POSITIVE_INFINITY;
            for (Candidate r : s.routes()) {
                double c = routeCost(r, cost);
                if (c < bc) { bc = c; best = r; }
            }
            if (best == null) continue;
            load(best, s.tonnes(), vol);
            sp += s.tonnes() * bc;
            base += s.tonnes() * best.basePerTonne();
        }
        return new PathLoader.LoadCost(sp, base);
    }

    private static double routeCost(Candidate r, double[] cost) {
        double c = r.basePerTonne();
        for (int e : r.elements()) c += cost[e];
        return c;
    }

    private static void load(Candidate r, double tonnes, double[] vol) {
        for (int e : r.elements()) vol[e] += tonnes;
        for (int l : r.links()) vol[l] += tonnes;
    }

    /**
     * Stochastic user equilibrium with logit choice over the route sets, by the method of successive averages:
     * {@code x(n+1) = x(n) + (y(n) - x(n)) / (n + 1)} where {@code y(n)} is the logit load at the costs of
     * {@code x(n)}; the gap is {@code sum |y - x| / sum x} over the capacity elements.
     */
    private static AssignmentResult logit(FlowNetwork flow, List<TrafficClass> classes, List<List<PairRoutes>> byClass,
            Options o, Consumer<IterationReport> listener) {
        int k = classes.size();
        int m = flow.linkCount();
        double[][] x = new double[k][m];
        double[][] y = new double[k][m];
        double[] volume = new double[m];
        double[] time = new double[m];
        List<IterationReport> reports = new ArrayList<>();
        long t0 = System.nanoTime();
        times(flow, volume, time);
        for (int c = 0; c < k; c++) logitLoad(byClass.get(c), costs(classes.get(c), time), o.logitSpread(), x[c]);
        aggregate(classes, x, volume);
        report(reports, listener, new IterationReport(0, Double.NaN, Double.NaN, 1, "logit", secs(t0)));
        double gap = Double.NaN;
        boolean converged = false;
        for (int it = 1; it <= o.maxIterations(); it++) {
            long start = System.nanoTime();
            times(flow, volume, time);
            double diff = 0;
            double sum = 0;
            for (int c = 0; c < k; c++) {
                logitLoad(byClass.get(c), costs(classes.get(c), time), o.logitSpread(), y[c]);
                for (int a = 0; a < m; a++) {
                    if (flow.function(a) != VolumeDelay.QUEUE) continue;
                    diff += Math.abs(y[c][a] - x[c][a]);
                    sum += x[c][a];
                }
            }
            gap = sum > 0 ? diff / sum : 0;
            if (gap <= o.targetGap()) { converged = true; break; }
            double step = 1.0 / (it + 1);
            for (int c = 0; c < k; c++) for (int a = 0; a < m; a++) x[c][a] += step * (y[c][a] - x[c][a]);
            aggregate(classes, x, volume);
            report(reports, listener, new IterationReport(it, gap, Double.NaN, step, "msa", secs(start)));
        }
        times(flow, volume, time);
        return new AssignmentResult(classes.stream().map(TrafficClass::name).toList(), x, volume, time.clone(), gap,
                converged, Double.NaN, List.copyOf(reports));
    }

    private static void times(FlowNetwork flow, double[] volume, double[] time) {
        for (int a = 0; a < flow.linkCount(); a++) time[a] = flow.time(a, volume[a]);
    }

    private static double[] costs(TrafficClass c, double[] time) {
        double[] out = new double[time.length];
        for (int a = 0; a < time.length; a++) out[a] = c.timeWeight(a) * time[a];
        return out;
    }

    private static void aggregate(List<TrafficClass> classes, double[][] x, double[] volume) {
        Arrays.fill(volume, 0);
        for (int c = 0; c < classes.size(); c++) {
            for (int a = 0; a < volume.length; a++) volume[a] += classes.get(c).pce(a) * x[c][a];
        }
    }

    /** Logit shares with the cost difference scaled by {@code spread} times the pair's cheapest route cost. */
    private static void logitLoad(List<PairRoutes> sets, double[] cost, double spread, double[] vol) {
        Arrays.fill(vol, 0);
        for (PairRoutes s : sets) {
            int n = s.routes().size();
            if (n == 0) continue;
            double[] c = new double[n];
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                c[i] = routeCost(s.routes().get(i), cost);
                min = Math.min(min, c[i]);
            }
            double scale = spread * Math.max(Math.abs(min), 1e-9);
            double[] w = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                w[i] = Math.exp(-(c[i] - min) / scale);
                sum += w[i];
            }
            for (int i = 0; i < n; i++) load(s.routes().get(i), s.tonnes() * w[i] / sum, vol);
        }
    }

    private static void report(List<IterationReport> reports, Consumer<IterationReport> listener, IterationReport r) {
        reports.add(r);
        listener.accept(r);
    }

    private static double secs(long start) { return (System.nanoTime() - start) / 1e9; }

    private static int[] ints(List<Integer> l) { return l.stream().mapToInt(Integer::intValue).toArray(); }

    private static <T> T inPool(int threads, java.util.concurrent.Callable<T> task) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("assignment interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
