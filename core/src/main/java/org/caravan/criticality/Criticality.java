package org.caravan.criticality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.caravan.demand.OdPair;
import org.caravan.network.Link;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.place.PlaceIndex;
import org.caravan.place.RouteParameter;
import org.caravan.place.RouteParameters;
import org.caravan.place.RouteQuery;
import org.caravan.routing.InvalidRequestException;
import org.caravan.routing.Leg;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.RouteResult;
import org.caravan.routing.Router;

/**
 * Ranks links and crossings by what closing each one costs the demand on the network.
 *
 * <p>Each OD pair is routed once (the baseline) for one cargo unit under the {@code cost} objective; its demand
 * is {@code tonnes / tonnesPerUnit} units of its cargo profile, and every cost below is per-unit generalized cost
 * × units. Closing a link only removes options, so a link that lies on no baseline route leaves every optimum
 * unchanged: such links are skipped (their impact is exactly zero). For a link that is used, only the OD pairs
 * whose baseline route uses it are re-routed with the link closed; the others keep their baseline (re-used, not
 * recomputed), and the affected pairs of one origin and cargo share one shortest-path tree
 * ({@link Router#routeFrom}), as do the baselines. An OD pair that then has no route at all is listed as lost and its tonnes counted apart: it adds
 * nothing to the cost increase (no infinity in the sums). Links are closed one at a time, never together.
 *
 * <p>Candidates run in parallel on a {@link ForkJoinPool} of the requested size ({@link Router} is thread-safe).
 * Each candidate's sums run over its OD pairs in input order, and the ranking sorts on the results, so the answer
 * does not depend on scheduling.
 */
public final class Criticality {
    private Criticality() {}

    /** Receives progress from worker threads (so it must be thread-safe): candidates done out of total. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);

        Progress NONE = (done, total) -> {};
    }

    /**
     * The groups of the shared route-option table ({@link RouteParameters}) a ranking takes: the route question's
     * options (objective, tonnes, avoid, close, avoid_passage, modes, include_planned, max_risk, penalty, depart;
     * cargo is {@link Options#cargo}). {@code caravan critical} (the CLI's {@code RouteOptions.Query} mixin, declared
     * from the same table), {@code GET /api/critical} ({@code RouteParams.read(ctx, QUERY)}) and the Spark
     * {@code critical} job (one option per parameter of these groups) all take exactly these.
     */
    public static final RouteParameter.Group[] GROUPS = {RouteParameter.Group.QUERY};

    /**
     * The route options given as text by their table names ({@code "max_risk" -> ["0.9"]}, lists comma-separated or
     * repeated), parsed by the same {@link RouteQuery.Builder#parameter} as the HTTP API; a name outside
     * {@link #GROUPS} or a bad value is an {@link InvalidRequestException} naming the parameter.
     */
    public static RouteQuery routeOptions(Map<String, List<String>> byName) {
        List<RouteParameter> allowed = RouteParameters.of(GROUPS);
        RouteQuery.Builder b = RouteQuery.builder();
        byName.forEach((name, values) -> {
            RouteParameter p = RouteParameters.byName(name).orElse(null);
            if (p == null || !allowed.contains(p)) {
                throw new InvalidRequestException(name, "not a route option of a criticality ranking (" + allowed
                        .stream().map(RouteParameter::name).toList() + ")");
            }
            b.parameter(name, values);
        });
        RouteQuery q = b.build();
        q.planOptions();
        return check(q);
    }

    /** Refuses what a ranking cannot take: a via place, or the reliable objective (not additive). */
    private static RouteQuery check(RouteQuery q) {
        if (!q.via().isEmpty()) {
            throw new InvalidRequestException("via", "a ranking of links for whole OD pairs cannot pass a via place");
        }
        if ("reliable".equalsIgnoreCase(q.objective())) {
            // one shortest-path tree per origin needs an additive objective (Router.routeFrom)
            throw new InvalidRequestException("objective", "a ranking of links takes cost, time, distance or co2, "
                    + "not reliable");
        }
        return q;
    }

    /**
     * @param cargo        cargo profile for every pair, or null to use each pair's own
     * @param parallelism  worker threads (at least 1)
     * @param restrictions the shared route options ({@link #GROUPS} of {@link RouteParameters}: objective, tonnes,
     *                     avoid, close, modes, depart...) every baseline and every re-route obeys, or null for the
     *                     defaults (cost objective, one cargo unit, no restrictions); its places are ignored, a via
     *                     place is refused, and its cargo is overridden by {@code cargo} or each pair's own
     */
    public record Options(String cargo, int parallelism, Progress progress, RouteQuery restrictions) {
        public Options {
            if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
            progress = progress == null ? Progress.NONE : progress;
        }

        /** Without restrictions beyond each closure. */
        public Options(String cargo, int parallelism, Progress progress) {
            this(cargo, parallelism, progress, null);
        }

        public static Options defaults() {
            return new Options(null, Runtime.getRuntime().availableProcessors(), Progress.NONE);
        }

        public Options withProgress(Progress p) { return new Options(cargo, parallelism, p, restrictions); }

        public Options withParallelism(int n) { return new Options(cargo, n, progress, restrictions); }

        /**
         * The same options where every OD pair's route also obeys {@code q}'s objective and restrictions (its places
         * are ignored; a via place does not apply to a ranking of whole OD pairs).
         */
        public Options withRestrictions(RouteQuery q) { return new Options(cargo, parallelism, progress, q); }
    }

    /**
     * The baseline of one OD pair.
     *
     * @param request   the resolved request (one cargo unit, cost objective, no restrictions)
     * @param units     demand in cargo units: tonnes / tonnes per unit of the profile
     * @param unitCost  generalized USD per unit of the baseline route; NaN when there is none
     * @param route     the baseline route, or null when the pair has no route even with every link open
     */
    public record Baseline(OdPair od, RouteRequest request, double units, double unitCost, Route route) {
        public boolean routed() { return route != null; }
    }

    /**
     * The effect of closing one link.
     *
     * @param costIncreaseUsd demand-weighted increase in generalized cost, over the OD pairs that still have a route
     * @param rerouted        OD pairs that used the link and still have a route
     * @param lost            OD pairs that used the link and have no route at all without it
     * @param lostTonnes      their tonnes
     */
    public record LinkImpact(String linkId, String name, Mode mode, Set<Mode> carries, String fromNode, String toNode,
            String fromCountry, String toCountry, double costIncreaseUsd, int rerouted, List<OdPair> lost,
            double lostTonnes) {
        public boolean isCrossing() { return mode == Mode.CROSSING; }
    }

    /**
     * @param ranked       every candidate link, most critical first: by lost tonnes (a closure that cuts demand
     *                     off outranks any cost increase), then cost increase, then link id
     * @param linkCount    links in the network
     * @param candidates   links on at least one baseline route (the only ones that can matter)
     * @param reroutes     searches made for closures (one per origin and cargo and closed link when trees are
     *                     shared; baselines not counted)
     */
    public record Result(List<Baseline> baselines, List<LinkImpact> ranked, int linkCount, int candidates,
            long reroutes, long millis) {
        public int skipped() { return linkCount - candidates; }

        public List<Baseline> unrouted() { return baselines.stream().filter(b -> !b.routed()).toList(); }
    }

    /** Baseline requests of the pairs, with places resolved by name or id; bad places name the pair. */
    public static List<RouteRequest> requests(Router router, List<OdPair> pairs, String cargo) {
        return requests(router, pairs, cargo, null);
    }

    /** As {@link #requests(Router, List, String)}, each also under {@code restrictions} (null for none). */
    public static List<RouteRequest> requests(Router router, List<OdPair> pairs, String cargo, RouteQuery restrictions) {
        if (restrictions != null) check(restrictions);
        PlaceIndex places = new PlaceIndex(router.network());
        if (cargo != null) router.linkCosts(cargo); // an override is the caller's option, not an OD row's fault
        List<RouteRequest> out = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            OdPair od = pairs.get(i);
            String where = "OD pair " + (i + 1) + " (" + od.from() + " -> " + od.to() + "): ";
            try {
                Node a = places.resolve(od.from(), "from");
                Node b = places.resolve(od.to(), "to");
                if (a.equals(b)) {
                    throw new InvalidRequestException("to", "origin and destination are the same place (" + a.name()
                            + ")");
                }
                String c = cargo != null ? cargo : od.cargo();
                router.linkCosts(c); // fails on an unknown profile, naming it
                if (restrictions == null) {
                    out.add(RouteRequest.of(a.id(), b.id()).withCargo(c));
                } else {
                    out.add(restrictions.toBuilder().from(a.id()).to(b.id()).cargo(c).build()
                            .resolve(router.network(), router.costModel(), places));
                }
            } catch (InvalidRequestException e) {
                // A bad restriction is the caller's option, not this row's fault.
                if (restrictions != null && !List.of("from", "to", "cargo").contains(e.field())) throw e;
                throw new InvalidRequestException("od", where + e.getMessage());
            }
        }
        return out;
    }

    /**
     * What closures need, computed once: the baselines and, for each link on a baseline route, the OD pairs whose
     * baseline uses it (in input order). {@link #close(Router, Prepared, String)} evaluates one closure from it on
     * any thread, or any machine with the same router (the Spark job partitions the candidates over executors).
     */
    public record Prepared(List<Baseline> baselines, Map<String, List<Integer>> users) {
        /** The links on at least one baseline route, by id (the only closures that can matter). */
        public List<String> candidates() { return List.copyOf(users.keySet()); }
    }

    public static Prepared prepare(Router router, List<OdPair> pairs, Options options) {
        List<RouteRequest> requests = requests(router, pairs, options.cargo(), options.restrictions());
        List<Baseline> baselines = baselines(router, pairs, requests);
        // link id -> indexes of the OD pairs whose baseline uses it, in input order (TreeMap: stable order)
        Map<String, List<Integer>> users = new TreeMap<>();
        for (int i = 0; i < baselines.size(); i++) {
            Route r = baselines.get(i).route();
            if (r == null) continue;
            Set<String> used = new LinkedHashSet<>();
            for (Leg leg : r.legs()) used.add(leg.linkId());
            for (String id : used) users.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
        }
        return new Prepared(List.copyOf(baselines), java.util.Collections.unmodifiableMap(users));
    }

    /** The effect of closing one of {@code prepared}'s candidate links, as {@link #rank} computes it. */
    public static LinkImpact close(Router router, Prepared prepared, String linkId) {
        List<Integer> affected = prepared.users().get(linkId);
        if (affected == null) throw new IllegalArgumentException("link " + linkId + " is on no baseline route");
        return close(router, linkId, affected, prepared.baselines(), new AtomicLong(), true);
    }

    public static Result rank(Router router, List<OdPair> pairs, Options options) {
        long start = System.nanoTime();
        Prepared prepared = prepare(router, pairs, options);
        ForkJoinPool pool = new ForkJoinPool(options.parallelism());
        try {
            List<Baseline> baselines = prepared.baselines();
            Map<String, List<Integer>> users = prepared.users();
            List<String> candidates = prepared.candidates();
            AtomicInteger done = new AtomicInteger();
            AtomicLong reroutes = new AtomicLong();
            int total = candidates.size();
            options.progress().update(0, total);
            List<LinkImpact> impacts = inPool(pool, () -> candidates.parallelStream().map(id -> {
                LinkImpact li = close(router, id, users.get(id), baselines, reroutes, true);
                options.progress().update(done.incrementAndGet(), total);
                return li;
            }).toList());
            List<LinkImpact> ranked = new ArrayList<>(impacts);
            ranked.sort(ORDER);
            return new Result(baselines, List.copyOf(ranked), router.network().linkCount(), total,
                    reroutes.get(), (System.nanoTime() - start) / 1_000_000);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The reference the fast ranking must equal: every link of the network closed in turn and every OD pair
     * re-routed from scratch, sequentially, with nothing skipped or re-used. For tests and the benchmark.
     */
    public static Result bruteForce(Router router, List<OdPair> pairs, String cargo) {
        long start = System.nanoTime();
        List<RouteRequest> requests = requests(router, pairs, cargo);
        List<Baseline> baselines = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) baselines.add(baseline(router, pairs.get(i), requests.get(i)));
        List<Integer> all = IntStream.range(0, pairs.size()).filter(i -> baselines.get(i).routed()).boxed().toList();
        AtomicLong reroutes = new AtomicLong();
        List<LinkImpact> impacts = new ArrayList<>();
        for (Link l : router.network().links()) impacts.add(close(router, l.id(), all, baselines, reroutes, false));
        impacts.sort(ORDER);
        return new Result(List.copyOf(baselines), List.copyOf(impacts), router.network().linkCount(),
                router.network().linkCount(), reroutes.get(), (System.nanoTime() - start) / 1_000_000);
    }

    /** The ranking's order: lost tonnes, then cost increase (both descending), then link id. */
    public static final Comparator<LinkImpact> ORDER = Comparator.comparingDouble((LinkImpact l) -> -l.lostTonnes())
            .thenComparingDouble(l -> -l.costIncreaseUsd()).thenComparing(LinkImpact::linkId);

    private static Baseline baseline(Router router, OdPair od, RouteRequest request) {
        RouteResult res = router.route(request);
        double units = od.tonnes() / router.costModel().profile(request.cargo()).orElseThrow().tonnesPerUnit();
        if (!res.found()) return new Baseline(od, request, units, Double.NaN, null);
        return new Baseline(od, request, units, perUnit(res.route()), res.route());
    }

    private static double perUnit(Route r) { return r.totals().generalizedUsd() / r.units(); }

    /**
     * Baselines with one shortest-path tree per origin and cargo: {@link Router#routeFrom} gives every destination
     * of an origin the route {@link Router#route} would, from one search.
     */
    private static List<Baseline> baselines(Router router, List<OdPair> pairs, List<RouteRequest> requests) {
        Map<String, List<Integer>> byOrigin = new java.util.LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            byOrigin.computeIfAbsent(requests.get(i).from() + "|" + requests.get(i).cargo(), x -> new ArrayList<>())
                    .add(i);
        }
        Baseline[] out = new Baseline[pairs.size()];
        for (List<Integer> group : byOrigin.values()) {
            RouteRequest first = requests.get(group.get(0));
            Map<String, RouteResult> results = router.routeFrom(first,
                    group.stream().map(i -> requests.get(i).to()).toList());
            for (int i : group) {
                RouteResult res = results.get(requests.get(i).to());
                OdPair od = pairs.get(i);
                double units = od.tonnes() / router.costModel().profile(first.cargo()).orElseThrow().tonnesPerUnit();
                out[i] = res.found() ? new Baseline(od, requests.get(i), units, perUnit(res.route()), res.route())
                        : new Baseline(od, requests.get(i), units, Double.NaN, null);
            }
        }
        return List.of(out);
    }

    /**
     * Closes {@code linkId} and re-routes the given OD pairs (in order, so sums are reproducible). With
     * {@code shareTrees} the pairs of one origin and cargo share one shortest-path tree; without, each pair is
     * routed on its own (the brute-force reference).
     */
    /** The request with one more link closed (its own closures stay). */
    private static RouteRequest alsoClosed(RouteRequest r, String linkId) {
        Set<String> links = new LinkedHashSet<>(r.closedLinks());
        links.add(linkId);
        return r.withClosed(r.closedNodes(), links);
    }

    private static LinkImpact close(Router router, String linkId, List<Integer> affected, List<Baseline> baselines,
            AtomicLong reroutes, boolean shareTrees) {
        double increase = 0;
        int rerouted = 0;
        List<OdPair> lost = new ArrayList<>();
        double lostTonnes = 0;
        Set<String> closed = Set.of(linkId);
        Map<Integer, RouteResult> shared = new java.util.HashMap<>();
        if (shareTrees) {
            Map<String, List<Integer>> byOrigin = new java.util.LinkedHashMap<>();
            for (int i : affected) {
                RouteRequest r = baselines.get(i).request();
                byOrigin.computeIfAbsent(r.from() + "|" + r.cargo(), x -> new ArrayList<>()).add(i);
            }
            for (List<Integer> group : byOrigin.values()) {
                RouteRequest first = alsoClosed(baselines.get(group.get(0)).request(), linkId);
                Map<String, RouteResult> results = router.routeFrom(first,
                        group.stream().map(i -> baselines.get(i).request().to()).toList());
                reroutes.incrementAndGet();
                for (int i : group) shared.put(i, results.get(baselines.get(i).request().to()));
            }
        }
        for (int i : affected) {
            Baseline b = baselines.get(i);
            RouteResult res = shareTrees ? shared.get(i) : router.route(alsoClosed(b.request(), linkId));
            if (!shareTrees) reroutes.incrementAndGet();
            if (res.found()) {
                rerouted++;
                increase += (perUnit(res.route()) - b.unitCost()) * b.units();
            } else {
                lost.add(b.od());
                lostTonnes += b.od().tonnes();
            }
        }
        Network net = router.network();
        Link l = net.link(linkId).orElseThrow();
        return new LinkImpact(l.id(), l.name(), l.mode(), l.carries(), l.from(), l.to(), country(net, l.from()),
                country(net, l.to()), increase, rerouted, List.copyOf(lost), lostTonnes);
    }

    private static String country(Network net, String nodeId) {
        return net.node(nodeId).map(Node::country).orElse("");
    }

    private static <T> T inPool(ForkJoinPool pool, java.util.concurrent.Callable<T> task) {
        try {
            return pool.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("criticality interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }
}
