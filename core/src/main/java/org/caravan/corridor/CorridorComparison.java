package org.caravan.corridor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.caravan.network.Link;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.place.PlaceIndex;
import org.caravan.routing.InvalidRequestException;
import org.caravan.routing.Leg;
import org.caravan.routing.NoRoute;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.RouteResult;
import org.caravan.routing.Router;

/**
 * Routes FROM → TO forced through each of several corridors, crossings or places, for a side-by-side answer.
 *
 * <p>How a route is forced (exact, and checked): a place becomes a via point. A crossing (or any link) becomes
 * two via points, its two posts in travel order, and every other link joining the same two posts is closed (so
 * naming "Termez-Hairatan (Friendship Bridge) rail" excludes the road bridge between the same posts, while a
 * corridor step means the crossing point by either). Via points layer the router's state space, so the route is
 * the least-cost one through those points; the answer is then checked to use every named place and one of the
 * named links, and is refused with a reason if it does not (a detour from one post to the other that avoids the
 * link). Travel order: a crossing is entered from the post in the country the route comes from (the previous
 * step, or FROM); a corridor runs as listed, or reversed when its last step lies nearer FROM and its first nearer
 * TO, so {@code compare Karachi Tashkent} uses the same corridors as {@code compare Tashkent Karachi}.
 */
public final class CorridorComparison {
    private final Router router;
    private final Corridors corridors;
    private final PlaceIndex places;
    private final Network network;

    public CorridorComparison(Router router, Corridors corridors) {
        this.router = router;
        this.corridors = corridors;
        this.network = router.network();
        this.places = new PlaceIndex(network);
    }

    /**
     * One compared option.
     *
     * @param kind  "corridor", "crossing", "link" or "place"
     * @param steps the steps as resolved, e.g. "Termez (UZTER)", "crossing Torkham (x_pktor_afrkh_road)"
     * @param route the forced route, or null with {@code noRoute} saying why
     */
    public record Option(String token, String kind, String label, String description, List<String> steps,
            String source, Route route, NoRoute noRoute) {
        public boolean found() { return route != null; }
    }

    /**
     * The answer: the options in the order asked, the best route without forcing for reference, and the index of
     * the cheapest (least generalized cost), fastest (fewest hours) and least risky (lowest risk score) found
     * option (-1 when none was found), with a sentence saying why the cheapest wins.
     */
    public record Comparison(RouteRequest request, List<Option> options, Route unrestricted, int cheapest,
            int fastest, int leastRisk, String verdict) {}

    /** A step of a forcing plan: a place, or a set of interchangeable links between two posts. */
    private sealed interface Step permits PlaceStep, LinkStep {}

    private record PlaceStep(Node node) implements Step {}

    private record LinkStep(String label, Set<String> links, String postA, String postB, Set<String> siblings)
            implements Step {}

    /**
     * Compares the options named by {@code tokens} (corridor ids, crossing names, link ids or places) for the
     * request's FROM, TO, cargo and shipment.
     *
     * @throws InvalidRequestException (field "corridors") for an empty list or a token that names nothing
     */
    public Comparison compare(RouteRequest request, List<String> tokens) {
        if (tokens == null || tokens.isEmpty() || tokens.stream().allMatch(String::isBlank)) {
            throw new InvalidRequestException("corridors", "name at least one corridor, crossing or place; corridors: "
                    + ids());
        }
        List<Option> options = new ArrayList<>();
        for (String raw : tokens) {
            if (raw.isBlank()) continue;
            options.add(option(request, raw.trim()));
        }
        RouteResult free = router.route(request);
        int cheapest = best(options, r -> r.totals().generalizedUsd());
        int fastest = best(options, r -> r.totals().hours());
        int leastRisk = best(options, r -> r.risk().score());
        return new Comparison(request, List.copyOf(options), free.route(), cheapest, fastest, leastRisk,
                verdict(options, cheapest, fastest, leastRisk));
    }

    private String ids() {
        return String.join(", ", corridors.all().stream().map(Corridor::id).toList());
    }

    private Option option(RouteRequest request, String token) {
        var corridor = corridors.find(token);
        if (corridor.isPresent()) {
            Corridor c = corridor.get();
            List<Step> steps = new ArrayList<>();
            for (String s : c.steps()) steps.add(step(s, false, "corridor " + c.id()));
            return force(request, token, "corridor", c.name(), c.description(), c.source(), steps, true);
        }
        Step s = step(token, true, null);
        String kind = s instanceof PlaceStep ? "place"
                : network.link(((LinkStep) s).links().iterator().next()).orElseThrow().isCrossing() ? "crossing"
                : "link";
        return force(request, token, kind, label(s), "", "", List.of(s), false);
    }

    /**
     * Resolves one token: a link id or crossing name (a link step), else a place.
     *
     * @param exact true: only the named links are allowed (others between the same posts closed); false: any
     *              link of the same kind between the posts (a corridor's crossing point)
     */
    private Step step(String token, boolean exact, String context) {
        PlaceIndex.Closure c;
        try {
            c = places.resolveClosure(token);
        } catch (InvalidRequestException e) {
            String msg = e.getMessage().replace("unknown place, crossing or link",
                    "unknown corridor, crossing, link or place");
            throw new InvalidRequestException("corridors", (context == null ? "" : context + ": ") + msg
                    + (context == null ? " (corridors: " + ids() + ")" : ""));
        }
        if (c.links().isEmpty()) return new PlaceStep(network.node(c.nodes().iterator().next()).orElseThrow());
        Link first = network.link(c.links().iterator().next()).orElseThrow();
        Set<String> named = new LinkedHashSet<>();
        for (String id : c.links()) {
            Link l = network.link(id).orElseThrow();
            if (samePosts(l, first)) named.add(id);
        }
        Set<String> between = new LinkedHashSet<>();
        for (Link l : network.links()) {
            if (samePosts(l, first) && l.isCrossing() == first.isCrossing()) between.add(l.id());
        }
        Set<String> allowed = exact ? named : between;
        Set<String> siblings = new LinkedHashSet<>(between);
        siblings.removeAll(allowed);
        String name = first.name().isBlank() ? first.id() : first.name();
        return new LinkStep(name, allowed, first.from(), first.to(), siblings);
    }

    private static boolean samePosts(Link a, Link b) {
        return (a.from().equals(b.from()) && a.to().equals(b.to())) || (a.from().equals(b.to()) && a.to().equals(b.from()));
    }

    private Option force(RouteRequest request, String token, String kind, String label, String description,
            String source, List<Step> steps, boolean tryReverse) {
        List<String> stepLabels = steps.stream().map(this::label).toList();
        List<Step> ordered = steps;
        if (tryReverse && steps.size() > 1 && reverseFits(request, steps)) {
            ordered = new ArrayList<>(steps);
            java.util.Collections.reverse(ordered);
        }
        Attempt best = attempt(request, ordered);
        return new Option(token, kind, label, description, stepLabels, source, best.route, best.route == null
                ? best.noRoute : null);
    }

    /**
     * True when the corridor runs the other way for this question: its last step lies nearer FROM and its first
     * nearer TO (great-circle km). Geography, not cost, decides: the cheaper order can be a silly one (both ports
     * of a sea crossing visited backwards by land).
     */
    private boolean reverseFits(RouteRequest request, List<Step> steps) {
        Node from = network.node(request.from()).orElseThrow();
        Node to = network.node(request.to()).orElseThrow();
        Node first = network.node(firstNode(steps.get(0))).orElseThrow();
        Node last = network.node(firstNode(steps.get(steps.size() - 1))).orElseThrow();
        return km(from, last) + km(first, to) < km(from, first) + km(last, to);
    }

    private static double km(Node a, Node b) {
        return org.caravan.geo.GreatCircle.km(a.lat(), a.lon(), b.lat(), b.lon());
    }

    private record Attempt(Route route, NoRoute noRoute) {}

    private Attempt attempt(RouteRequest request, List<Step> steps) {
        List<String> via = new ArrayList<>();
        Set<String> closed = new LinkedHashSet<>(request.closedLinks());
        String previous = request.from();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s instanceof PlaceStep p) {
                via.add(p.node().id());
                previous = p.node().id();
            } else if (s instanceof LinkStep l) {
                String next = i + 1 < steps.size() ? firstNode(steps.get(i + 1)) : request.to();
                boolean aFirst = aFirst(l, previous, next);
                via.add(aFirst ? l.postA() : l.postB());
                via.add(aFirst ? l.postB() : l.postA());
                closed.addAll(l.siblings());
                previous = aFirst ? l.postB() : l.postA();
            }
        }
        // Via points equal to the ends add nothing and would only confuse the layering.
        List<String> cleaned = new ArrayList<>();
        for (String v : via) {
            String last = cleaned.isEmpty() ? request.from() : cleaned.get(cleaned.size() - 1);
            if (!v.equals(last)) cleaned.add(v);
        }
        if (!cleaned.isEmpty() && cleaned.get(cleaned.size() - 1).equals(request.to())) {
            cleaned.remove(cleaned.size() - 1);
        }
        RouteRequest forced = request.withVia(cleaned).withClosed(request.closedNodes(), closed);
        RouteResult res;
        try {
            res = router.route(forced);
        } catch (InvalidRequestException e) {
            // e.g. a via point in a country the request avoids: an answer for this option, not an input error
            return new Attempt(null, NoRoute.other(e.getMessage()));
        }
        if (!res.found()) return new Attempt(null, res.noRoute());
        Route r = res.route();
        Set<String> used = new HashSet<>();
        for (Leg leg : r.legs()) used.add(leg.linkId());
        for (Step s : steps) {
            boolean ok = s instanceof PlaceStep p ? r.nodes().contains(p.node().id())
                    : ((LinkStep) s).links().stream().anyMatch(used::contains);
            if (!ok) {
                return new Attempt(null, NoRoute.other("The least-cost route through the via points does not use "
                        + label(s) + " itself (it detours between the posts), so this option cannot be forced."));
            }
        }
        return new Attempt(r, null);
    }

    private static String firstNode(Step s) {
        return s instanceof PlaceStep p ? p.node().id() : ((LinkStep) s).postA();
    }

    /** Enter the crossing from the post in the country the route comes from (else the one away from where it goes). */
    private boolean aFirst(LinkStep l, String previous, String next) {
        String a = country(l.postA());
        String b = country(l.postB());
        if (a.equals(b)) return true;
        if (country(previous).equals(a)) return true;
        if (country(previous).equals(b)) return false;
        if (country(next).equals(b)) return true;
        return !country(next).equals(a);
    }

    private String country(String nodeId) {
        return network.node(nodeId).map(Node::country).orElse("");
    }

    private String label(Step s) {
        if (s instanceof PlaceStep p) return p.node().name() + " (" + p.node().id() + ")";
        LinkStep l = (LinkStep) s;
        boolean crossing = network.link(l.links().iterator().next()).map(Link::isCrossing).orElse(false);
        return (crossing ? "crossing " : "link ") + l.label() + " (" + String.join("|", l.links()) + ")";
    }

    private static int best(List<Option> options, ToDoubleFunction<Route> key) {
        int best = -1;
        for (int i = 0; i < options.size(); i++) {
            Route r = options.get(i).route();
            if (r != null && (best < 0 || key.applyAsDouble(r) < key.applyAsDouble(options.get(best).route()))) best = i;
        }
        return best;
    }

    /** Why the cheapest wins: its margin over the runner-up, split into money and time. */
    static String verdict(List<Option> options, int cheapest, int fastest, int leastRisk) {
        if (cheapest < 0) return "No option has a route.";
        Option win = options.get(cheapest);
        Route w = win.route();
        List<Option> others = options.stream().filter(o -> o.found() && o != win && o.route() != w)
                .sorted(Comparator.comparingDouble(o -> o.route().totals().generalizedUsd())).toList();
        StringBuilder sb = new StringBuilder(win.token()).append(" is cheapest (").append(usd(w.totals()
                .generalizedUsd())).append(" generalized cost: money plus value of time)");
        if (!others.isEmpty()) {
            Route r = others.get(0).route();
            sb.append(String.format(Locale.ROOT, ", %s less than %s: %s less money and %s",
                    usd(r.totals().generalizedUsd() - w.totals().generalizedUsd()), others.get(0).token(),
                    usd(r.totals().usd() - w.totals().usd()), days(r.totals().hours() - w.totals().hours())));
        }
        sb.append('.');
        if (fastest >= 0 && fastest != cheapest) {
            sb.append(" Fastest: ").append(options.get(fastest).token()).append(String.format(Locale.ROOT,
                    " (%.1f days).", options.get(fastest).route().totals().hours() / 24));
        }
        if (leastRisk >= 0 && leastRisk != cheapest) {
            sb.append(" Least risk: ").append(options.get(leastRisk).token()).append(String.format(Locale.ROOT,
                    " (risk score %.2f).", options.get(leastRisk).route().risk().score()));
        }
        long missing = options.stream().filter(o -> !o.found()).count();
        if (missing > 0) sb.append(' ').append(missing).append(" option(s) have no route.");
        return sb.toString();
    }

    private static String usd(double v) { return String.format(Locale.ROOT, "%,.0f USD", v); }

    private static String days(double hours) {
        return hours >= 0 ? String.format(Locale.ROOT, "%.1f days faster", hours / 24)
                : String.format(Locale.ROOT, "%.1f days slower", -hours / 24);
    }
}
