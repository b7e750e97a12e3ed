package org.caravan.routing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import org.caravan.network.Mode;

/**
 * Up to K meaningfully different routes: each uses a different sequence of border crossings or a different set
 * of modes, not the same corridor with a detour. Found by banning, one at a time, the crossings and modes of
 * routes already found (on top of the user's own restrictions, which are never lifted) and taking the best
 * route of each banned network, best first by the objective. The number of searches is bounded.
 */
final class Alternatives {
    private static final int MAX_SEARCHES = 60;

    private record Ban(Set<String> links, Set<Mode> modes) {}

    private record Candidate(Route route, double value, Ban ban, long order) {}

    private final Router router;

    Alternatives(Router router) { this.router = router; }

    List<Route> find(SearchSpace base, StateSearch.Weight weight, StateSearch.Weight tie, int k) {
        List<Route> found = new ArrayList<>();
        Set<String> signatures = new HashSet<>();
        Set<Ban> tried = new HashSet<>();
        PriorityQueue<Candidate> queue = new PriorityQueue<>((a, b) -> a.value() != b.value()
                ? Double.compare(a.value(), b.value()) : Long.compare(a.order(), b.order()));
        long[] order = {0};
        int searches = 0;
        Ban none = new Ban(Set.of(), Set.of());
        tried.add(none);
        StateSearch.Path first = router.shortest(base, weight, tie);
        searches++;
        if (first == null) return found;
        Route r0 = router.assemble(base, first);
        queue.add(new Candidate(r0, value(r0, weight), none, order[0]++));
        while (!queue.isEmpty() && found.size() < k) {
            Cancellation.checkpoint();
            Candidate c = queue.poll();
            String sig = signature(c.route());
            boolean isNew = signatures.add(sig);
            if (isNew) found.add(c.route());
            if (found.size() >= k) break;
            // Ban each crossing and each mode of this route in turn, keeping its own bans.
            List<Ban> next = new ArrayList<>();
            for (CrossingUse x : c.route().crossings()) {
                Set<String> links = new LinkedHashSet<>(c.ban().links());
                links.add(x.id());
                next.add(new Ban(links, c.ban().modes()));
            }
            Set<Mode> used = EnumSet.noneOf(Mode.class);
            c.route().legs().forEach(l -> used.add(l.cargoMode()));
            for (Mode m : used) {
                Set<Mode> modes = EnumSet.noneOf(Mode.class);
                modes.addAll(c.ban().modes());
                modes.add(m);
                next.add(new Ban(c.ban().links(), modes));
            }
            for (Ban b : next) {
                if (!tried.add(b) || searches >= MAX_SEARCHES) continue;
                SearchSpace space = banned(base, b);
                if (space == null) continue;
                searches++;
                StateSearch.Path p = router.shortest(space, weight, tie);
                if (p == null) continue;
                Route r = router.assemble(space, p);
                queue.add(new Candidate(r, value(r, weight), b, order[0]++));
            }
        }
        return found;
    }

    private SearchSpace banned(SearchSpace base, Ban b) {
        RouteRequest r = base.request;
        Set<String> links = new TreeSet<>(r.closedLinks());
        links.addAll(b.links());
        Set<Mode> modes = EnumSet.noneOf(Mode.class);
        modes.addAll(r.modes());
        modes.removeAll(b.modes());
        if (modes.isEmpty()) return null;
        RouteRequest banned = r.withClosed(r.closedNodes(), links).withModes(modes);
        return new SearchSpace(base.network, base.costs, router.riskRegister(), router.linkRisk(),
                router.transferCache(banned.cargo()), banned, base.from, base.to, base.via,
                router.costModel().delays().waitP90ToMean(), router.costModel().delays().handlingP90ToMean());
    }

    /**
     * What makes two routes "the same corridor": the border crossing points passed, in order (the pair of posts,
     * whatever the mode: a rail and a road crossing between the same posts are one crossing point), and the set
     * of modes used.
     */
    static String signature(Route r) {
        Set<String> modes = new TreeSet<>();
        r.legs().forEach(l -> modes.add(l.cargoMode().code()));
        List<String> points = new ArrayList<>();
        for (CrossingUse c : r.crossings()) {
            points.add(c.fromNode().compareTo(c.toNode()) < 0 ? c.fromNode() + "~" + c.toNode()
                    : c.toNode() + "~" + c.fromNode());
        }
        return String.join(">", points) + "|" + String.join(",", modes);
    }

    /**
     * The objective value of an assembled route as the search ranks it (per unit, like the search): the drivers'
     * rest, which the assembly adds to a road route after the search (docs/COSTS.md, "Drivers' rest"), is left
     * out, so alternatives are ranked in the order the searches find them and a shorter list is a prefix of a
     * longer one. Reported hours include the rest; docs/ROUTE-CHOICE.md says why the ranking does not. A rail
     * service's departure wait between countries ({@link TimeStep#afterSearch()}) is left out the same way.
     */
    static double value(Route r, StateSearch.Weight weight) {
        double rest = 0;
        for (TimeStep s : r.timeline()) if (s.outsideSearch()) rest += s.hours();
        return value(r, weight, r.totals().hours() - rest);
    }

    /**
     * The objective value of an assembled route in what it reports, the drivers' rest included. A Pareto set is
     * non-dominated in its reported criteria, so it is ranked by them too (docs/ROUTE-CHOICE.md).
     */
    static double reportedValue(Route r, StateSearch.Weight weight) {
        return value(r, weight, r.totals().hours());
    }

    private static double value(Route r, StateSearch.Weight weight, double hours) {
        Totals t = r.totals();
        double units = r.units();
        double p90 = 0;
        for (CrossingUse c : r.crossings()) p90 += c.p90Hours() - c.hours();
        return weight.of(t.usd() / units + t.penaltyUsd() / units, hours, t.km(), t.co2Kg() / units,
                r.risk().riskKm(), hours + p90);
    }
}
