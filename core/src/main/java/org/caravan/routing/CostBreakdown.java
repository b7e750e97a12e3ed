package org.caravan.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caravan.network.Mode;

/**
 * A route's money by component, in travel order of first appearance: the haul of each mode in each country (its
 * per-km tariff and the fixed cost of loading into the mode), border fees per crossing, and port, terminal and
 * gauge-change handling per place. The components sum to the route's USD (docs/COSTS.md, "Tariffs").
 *
 * @param component what the money is for: "rail KZ", "sea", "border Sarakhs rail", "handling Shahid Rajaee port"
 * @param kind      haul, border or handling
 */
public record CostBreakdown(String component, String kind, double usd) {

    /** The route's components; their USD sum to the legs' and transshipments' USD. */
    public static List<CostBreakdown> of(Route route) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        for (Leg l : route.legs()) {
            String key;
            String kind;
            if (l.mode() == Mode.CROSSING) {
                key = "border " + l.fromName() + " - " + l.toName();
                kind = "border";
            } else {
                Mode m = l.cargoMode() == null ? l.mode() : l.cargoMode();
                boolean atSea = m == Mode.SEA || m == Mode.FERRY || l.country() == null;
                key = atSea ? m.code() : m.code() + " " + l.country();
                kind = "haul";
            }
            sums.computeIfAbsent(key, k -> new double[1])[0] += l.usd();
            kinds.putIfAbsent(key, kind);
        }
        for (Transshipment t : route.transshipments()) {
            String key = (t.reason().startsWith("gauge") ? "gauge change " : "handling ") + t.atName();
            sums.computeIfAbsent(key, k -> new double[1])[0] += t.usd();
            kinds.putIfAbsent(key, "handling");
        }
        List<CostBreakdown> out = new ArrayList<>();
        sums.forEach((k, v) -> out.add(new CostBreakdown(k, kinds.get(k), v[0])));
        return List.copyOf(out);
    }
}
