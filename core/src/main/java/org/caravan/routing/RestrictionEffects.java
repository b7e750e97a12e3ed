package org.caravan.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.caravan.network.Node;

/**
 * For each restriction of a request, whether the best route would differ without it: one extra search per
 * restriction, each with that restriction alone lifted (searches take milliseconds). So an answer can say "avoid
 * Iran: changed nothing" instead of leaving the user to guess whether the restriction mattered.
 */
final class RestrictionEffects {
    private RestrictionEffects() {}

    static List<RestrictionEffect> of(Router router, RouteRequest request, Route best) {
        List<Restriction> all = new ArrayList<>(request.restrictions());
        new TreeMap<>(request.countryPenalties()).forEach((cc, usd) -> all.add(new Restriction(Restriction.Kind.PENALTY,
                List.of(cc + "=" + java.math.BigDecimal.valueOf(usd).stripTrailingZeros().toPlainString()))));
        List<RestrictionEffect> out = new ArrayList<>();
        boolean check = best != null && request.objective() != Objective.RELIABLE;
        for (Restriction x : all) {
            Boolean changed = null;
            if (check) {
                RouteResult without = router.route(NoRouteDiagnosis.lift(request, x));
                changed = !without.found() || !linkIds(without.route()).equals(linkIds(best));
            }
            out.add(new RestrictionEffect(x, changed, x.kind() == Restriction.Kind.MAX_RISK
                    ? excludedByRisk(router, request.maxRisk()) : List.of()));
        }
        return List.copyOf(out);
    }

    private static List<String> linkIds(Route r) {
        return r.legs().stream().map(Leg::linkId).toList();
    }

    /** The network's countries whose combined risk score exceeds {@code max}. */
    static List<String> excludedByRisk(Router router, double max) {
        TreeSet<String> out = new TreeSet<>();
        for (Node n : router.network().nodes()) {
            if (router.riskRegister().of(n.country()).combined() > max) out.add(n.country());
        }
        return List.copyOf(out);
    }
}
