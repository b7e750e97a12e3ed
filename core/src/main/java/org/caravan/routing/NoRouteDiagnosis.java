package org.caravan.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.caravan.network.Network;

/**
 * Why a request has no route, as data ({@link NoRoute}): which restrictions, each lifted on its own, would
 * connect the places; else whether lifting them together would; else that the network does not connect them.
 * Nothing is relaxed in the answer itself: these searches only diagnose.
 */
final class NoRouteDiagnosis {
    private final Router router;
    private final Network network;

    NoRouteDiagnosis(Router router) {
        this.router = router;
        this.network = router.network();
    }

    NoRoute explain(SearchSpace space) {
        RouteRequest r = space.request;
        String a = network.node(space.from).name();
        String b = network.node(space.to).name();
        List<Restriction> inForce = new ArrayList<>(r.restrictions());
        if (!r.includePlanned()) inForce.add(new Restriction(Restriction.Kind.OPERATIONAL_ONLY, List.of()));
        List<Restriction> blocking = new ArrayList<>();
        for (Restriction x : inForce) {
            if (StateSearch.shortest(relaxedSpace(space, lift(r, x)), Objective.DISTANCE) != null) blocking.add(x);
        }
        if (!blocking.isEmpty()) {
            return new NoRoute(NoRoute.Reason.BLOCKED, a, b, r.cargoProfile(), blocking, inForce, null);
        }
        RouteRequest all = r;
        for (Restriction x : inForce) all = lift(all, x);
        if (inForce.size() > 1 && StateSearch.shortest(relaxedSpace(space, all), Objective.DISTANCE) != null) {
            return new NoRoute(NoRoute.Reason.BLOCKED_TOGETHER, a, b, r.cargoProfile(), List.of(), inForce, null);
        }
        return new NoRoute(NoRoute.Reason.NOT_CONNECTED, a, b, r.cargoProfile(), List.of(), inForce, null);
    }

    /** The request without one restriction. */
    static RouteRequest lift(RouteRequest r, Restriction x) {
        return switch (x.kind()) {
            case AVOID -> r.withAvoid(Set.of());
            case MAX_RISK -> r.withMaxRisk(null);
            case CLOSE -> r.withClosed(Set.of(), passageLinks(r.closedLinks(), true));
            case AVOID_PASSAGE -> r.withClosed(r.closedNodes(), passageLinks(r.closedLinks(), false));
            case MODES -> r.withModes(Set.of());
            case OPERATIONAL_ONLY -> r.withIncludePlanned(true);
            case VIA -> r.withVia(List.of());
            case PENALTY -> {
                java.util.Map<String, Double> rest = new java.util.HashMap<>(r.countryPenalties());
                for (String v : x.values()) rest.remove(v.substring(0, v.indexOf('=')));
                yield r.withPenalties(rest);
            }
        };
    }

    /** The closed links that do ({@code keep} true) or do not belong to a named sea passage. */
    private static Set<String> passageLinks(Set<String> closed, boolean keep) {
        org.caravan.network.Passages passages = org.caravan.network.Passages.embedded();
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String l : closed) if (passages.ofLink(l).isPresent() == keep) out.add(l);
        return out;
    }

    private SearchSpace relaxedSpace(SearchSpace space, RouteRequest relaxed) {
        int[] via = relaxed.via().isEmpty() ? new int[0] : space.via;
        return new SearchSpace(network, space.costs, router.riskRegister(), router.linkRisk(),
                router.transferCache(relaxed.cargo()), relaxed, space.from, space.to, via,
                router.costModel().delays().waitP90ToMean(), router.costModel().delays().handlingP90ToMean());
    }
}
