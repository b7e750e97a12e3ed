package org.caravan.scenario;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caravan.network.CrossingTimes;
import org.caravan.network.Link;

/**
 * What a scenario changes, with names already resolved to ids. Collections are unmodifiable and the JSON trees
 * are copied in and out, so a {@code ScenarioChanges} can be shared between threads.
 *
 * @param closeNodes   node ids no route may use (a request-level mask: nodes have no status)
 * @param closeLinks   link ids set to {@code closed}
 * @param reopen       closed link ids set to {@code operational}
 * @param open         planned or under-construction link ids set to {@code operational}
 * @param addLinks     new links, each a mapping of the link fields of docs/NETWORK-FORMAT.md (read when applied,
 *                     so their problems are located in the scenario file)
 * @param crossings    crossing link id → new times and fees
 * @param links        link id → new length, running time, wait or capacity
 * @param costs        a cost-model override tree merged over the base costs (empty for none)
 * @param avoid        countries no route may enter
 * @param penalties    country → USD per cargo unit added when a route enters it
 */
public record ScenarioChanges(
        Set<String> closeNodes,
        Set<String> closeLinks,
        Set<String> reopen,
        Set<String> open,
        List<ObjectNode> addLinks,
        Map<String, CrossingChange> crossings,
        Map<String, LinkChange> links,
        ObjectNode costs,
        Set<String> avoid,
        Map<String, Double> penalties) {

    public ScenarioChanges {
        closeNodes = frozen(closeNodes);
        closeLinks = frozen(closeLinks);
        reopen = frozen(reopen);
        open = frozen(open);
        addLinks = addLinks == null ? List.of() : addLinks.stream().map(ObjectNode::deepCopy).toList();
        crossings = crossings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(crossings));
        links = links == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(links));
        costs = costs == null ? JsonNodeFactory.instance.objectNode() : costs.deepCopy();
        avoid = frozen(avoid);
        penalties = penalties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(penalties));
    }

    /** No changes at all: the baseline. */
    public static final ScenarioChanges NONE = new ScenarioChanges(null, null, null, null, null, null, null, null,
            null, null);

    // Trees are mutable: hand out copies so no caller can change a scenario another thread is running.
    @Override
    public List<ObjectNode> addLinks() { return addLinks.stream().map(ObjectNode::deepCopy).toList(); }

    @Override
    public ObjectNode costs() { return costs.deepCopy(); }

    public boolean changesCosts() { return !costs.isEmpty(); }

    /** Ids of the links the scenario adds. */
    public List<String> addedLinkIds() {
        return addLinks.stream().map(n -> n.path("id").asText("")).toList();
    }

    private static Set<String> frozen(Set<String> s) {
        return s == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(s));
    }

    /**
     * New crossing times and fees; null fields keep the base value. A forward field without its {@code _rev}
     * twin changes both directions (what a scenario author means by "the fee is cut to X").
     */
    public record CrossingChange(Double hoursMean, Double hoursP90, Double feeUsd, Double hoursMeanRev,
            Double hoursP90Rev, Double feeUsdRev) {

        /** The fields set, by their names in the scenario file. */
        public Map<String, Double> fields() {
            return given("hours_mean", hoursMean, "hours_p90", hoursP90, "fee_usd", feeUsd, "hours_mean_rev",
                    hoursMeanRev, "hours_p90_rev", hoursP90Rev, "fee_usd_rev", feeUsdRev);
        }

        CrossingTimes forward(CrossingTimes base) {
            return new CrossingTimes(or(hoursMean, base.meanHours()), or(hoursP90, base.p90Hours()),
                    or(feeUsd, base.feeUsd()));
        }

        CrossingTimes backward(CrossingTimes base) {
            return new CrossingTimes(or(hoursMeanRev, or(hoursMean, base.meanHours())),
                    or(hoursP90Rev, or(hoursP90, base.p90Hours())), or(feeUsdRev, or(feeUsd, base.feeUsd())));
        }

        /** Applies the change to a crossing link; unchanged fields are kept. */
        public Link applyTo(Link l) {
            return ScenarioOverlay.copy(l, l.status(), l.km(), l.hours(), l.waitHours(), forward(l.forward()),
                    backward(l.backward()), l.capacityTonnesPerDay());
        }
    }

    /** New length, running time, departure wait or capacity of a link; null fields keep the base value. */
    public record LinkChange(Double km, Double hours, Double waitHours, Double capacityTpd) {
        /** The fields set, by their names in the scenario file. */
        public Map<String, Double> fields() {
            return given("km", km, "hours", hours, "wait_hours", waitHours, "capacity_tpd", capacityTpd);
        }

        public Link applyTo(Link l) {
            return ScenarioOverlay.copy(l, l.status(), or(km, l.km()),
                    hours == null ? l.hours() : java.util.OptionalDouble.of(hours), or(waitHours, l.waitHours()),
                    l.forward(), l.backward(), capacityTpd == null ? l.capacityTonnesPerDay()
                            : java.util.OptionalDouble.of(capacityTpd));
        }
    }

    private static Map<String, Double> given(Object... namesAndValues) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) out.put((String) namesAndValues[i], (Double) namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(out);
    }

    private static double or(Double v, double fallback) { return v == null ? fallback : v; }

}
