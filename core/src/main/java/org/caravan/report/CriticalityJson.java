package org.caravan.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.caravan.criticality.Criticality.Baseline;
import org.caravan.criticality.Criticality.LinkImpact;
import org.caravan.criticality.Criticality.Result;
import org.caravan.demand.OdPair;
import org.caravan.network.Mode;

/** The JSON shape of a criticality ranking, shared by {@code caravan critical --format json} and the HTTP API. */
public final class CriticalityJson {
    private CriticalityJson() {}

    /** @param shown the ranked links to list (a prefix of {@code r.ranked()}); ranks count from 1 */
    public static ObjectNode toJson(Result r, List<LinkImpact> shown) {
        ObjectNode root = RouteJson.MAPPER.createObjectNode();
        root.put("od_pairs", r.baselines().size());
        root.put("links_in_network", r.linkCount());
        root.put("candidate_links", r.candidates());
        root.put("skipped_links", r.skipped());
        root.put("reroutes", r.reroutes());
        root.put("millis", r.millis());
        root.put("cost_unit", "generalized USD per cargo unit x yearly units (tonnes / tonnes per unit)");
        ArrayNode bs = root.putArray("baselines");
        for (Baseline b : r.baselines()) {
            ObjectNode x = bs.addObject();
            x.put("from", b.request().from());
            x.put("to", b.request().to());
            x.put("cargo", b.request().cargo());
            x.put("tonnes", b.od().tonnes());
            x.put("units", b.units());
            x.put("found", b.routed());
            if (b.routed()) x.put("unit_generalized_usd", b.unitCost());
        }
        ArrayNode ranked = root.putArray("ranked");
        int i = 0;
        for (LinkImpact l : shown) {
            ObjectNode x = ranked.addObject();
            x.put("rank", ++i);
            x.put("link", l.linkId());
            x.put("name", l.name());
            x.put("mode", l.mode().code());
            x.put("crossing", l.isCrossing());
            ArrayNode carries = x.putArray("carries");
            l.carries().stream().map(Mode::code).sorted().forEach(carries::add);
            x.put("from_node", l.fromNode());
            x.put("to_node", l.toNode());
            x.put("from_country", l.fromCountry());
            x.put("to_country", l.toCountry());
            x.put("cost_increase_usd", l.costIncreaseUsd());
            x.put("rerouted_pairs", l.rerouted());
            x.put("lost_tonnes", l.lostTonnes());
            ArrayNode lost = x.putArray("lost_pairs");
            for (OdPair p : l.lost()) lost.addObject().put("from", p.from()).put("to", p.to()).put("tonnes", p.tonnes());
        }
        return root;
    }
}
