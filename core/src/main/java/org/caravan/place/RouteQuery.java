package org.caravan.place;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.caravan.cost.CostModel;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.routing.InvalidRequestException;
import org.caravan.routing.Objective;
import org.caravan.routing.RouteRequest;

/**
 * A route question as a person types it (place names, country codes, mode names), before it is checked. Every
 * front end (command line, HTTP API) turns its input into a {@code RouteQuery} and calls {@link #resolve}, so the
 * same words mean the same thing everywhere and bad input gets the same error naming the field at fault.
 *
 * @param tonnes    null for one cargo unit
 * @param maxRisk   null for no limit
 * @param penalties country code → USD per unit for entering it (a soft preference)
 */
public record RouteQuery(
        String from,
        String to,
        List<String> via,
        String cargo,
        Double tonnes,
        String objective,
        List<String> avoid,
        List<String> close,
        List<String> modes,
        boolean includePlanned,
        Double maxRisk,
        Map<String, Double> penalties) {

    public RouteQuery {
        via = via == null ? List.of() : List.copyOf(via);
        avoid = avoid == null ? List.of() : List.copyOf(avoid);
        close = close == null ? List.of() : List.copyOf(close);
        modes = modes == null ? List.of() : List.copyOf(modes);
        penalties = penalties == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(penalties));
        cargo = cargo == null || cargo.isBlank() ? "container" : cargo.trim();
        objective = objective == null || objective.isBlank() ? "cost" : objective.trim();
    }

    /**
     * Checks every field and resolves names to ids.
     *
     * @throws InvalidRequestException naming the field ("from", "to", "via", "cargo", "tonnes", "objective",
     *                                 "avoid", "close", "modes", "max_risk", "penalty")
     */
    public RouteRequest resolve(Network network, CostModel costs, PlaceIndex places) {
        if (costs.profile(cargo).isEmpty()) {
            throw new InvalidRequestException("cargo", "unknown cargo '" + cargo + "', expected one of "
                    + costs.profileNames());
        }
        Objective obj;
        try {
            obj = Objective.parse(objective);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("objective", e.getMessage());
        }
        if (tonnes != null && !(tonnes > 0 && Double.isFinite(tonnes))) {
            throw new InvalidRequestException("tonnes", "expected a positive number of tonnes, got " + tonnes);
        }
        if (from == null || from.isBlank()) throw new InvalidRequestException("from", "missing origin");
        if (to == null || to.isBlank()) throw new InvalidRequestException("to", "missing destination");
        Node a = places.resolve(from, "from");
        Node b = places.resolve(to, "to");
        List<String> viaIds = new java.util.ArrayList<>();
        for (String v : via) {
            if (!v.isBlank()) viaIds.add(places.resolve(v, "via").id());
        }
        Set<String> countries = new TreeSet<>();
        for (Node n : network.nodes()) countries.add(n.country());
        Set<String> avoidCodes = new LinkedHashSet<>();
        for (String c : avoid) {
            String cc = c.trim().toUpperCase(Locale.ROOT);
            if (cc.isEmpty()) continue;
            checkCountry("avoid", c, cc, countries);
            avoidCodes.add(cc);
        }
        Set<String> closedNodes = new LinkedHashSet<>();
        Set<String> closedLinks = new LinkedHashSet<>();
        for (String c : close) {
            if (c.isBlank()) continue;
            PlaceIndex.Closure closure = places.resolveClosure(c);
            closedNodes.addAll(closure.nodes());
            closedLinks.addAll(closure.links());
        }
        Set<Mode> modeSet = new LinkedHashSet<>();
        for (String m : modes) {
            if (m.isBlank()) continue;
            Mode mode;
            try {
                mode = Mode.parse(m);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("modes", e.getMessage());
            }
            if (!mode.isCarrier()) {
                throw new InvalidRequestException("modes",
                        "crossings follow the cargo's mode; give rail, road, sea or ferry");
            }
            modeSet.add(mode);
        }
        if (maxRisk != null && !(maxRisk >= 0 && maxRisk <= 1)) {
            throw new InvalidRequestException("max_risk", "a risk score runs from 0 to 1, got " + maxRisk);
        }
        Map<String, Double> penaltyMap = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : penalties.entrySet()) {
            String cc = e.getKey().trim().toUpperCase(Locale.ROOT);
            checkCountry("penalty", e.getKey(), cc, countries);
            Double usd = e.getValue();
            if (usd == null || !(usd >= 0) || usd.isInfinite()) {
                throw new InvalidRequestException("penalty", e.getKey() + " needs a non-negative USD amount, got "
                        + usd);
            }
            penaltyMap.put(cc, usd);
        }
        return new RouteRequest(a.id(), b.id(), viaIds, cargo, tonnes, obj, avoidCodes, closedNodes, closedLinks,
                modeSet, includePlanned, maxRisk, penaltyMap);
    }

    private static void checkCountry(String field, String raw, String cc, Set<String> countries) {
        if (!cc.matches("[A-Z]{2}")) {
            throw new InvalidRequestException(field, "'" + raw + "' is not an ISO 3166-1 alpha-2 country code");
        }
        if (!countries.contains(cc)) {
            throw new InvalidRequestException(field, "no place of the network is in '" + cc + "'; countries: "
                    + String.join(",", countries));
        }
    }
}
