package org.caravan.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.caravan.risk.CountryRisk;
import org.caravan.risk.RiskRegister;
import org.caravan.risk.RiskScore;

/** The risk register as JSON: weights, class thresholds and every country's scores with reasons and sources. */
public final class RiskJson {
    private RiskJson() {}

    public static ObjectNode toJson(RiskRegister register) {
        ObjectNode root = RouteJson.MAPPER.createObjectNode();
        ObjectNode w = root.putObject("weights");
        w.put("sanctions", register.weightSanctions());
        w.put("security", register.weightSecurity());
        w.put("border", register.weightBorder());
        ObjectNode classes = root.putObject("classes");
        register.thresholds().forEach((k, v) -> classes.put(k.code(), v));
        ArrayNode cs = root.putArray("countries");
        for (CountryRisk c : register.countries().values()) {
            ObjectNode o = cs.addObject();
            o.put("country", c.country());
            o.put("name", c.name());
            o.put("combined", RouteJson.round(c.combined(), 3));
            o.put("class", c.riskClass().code());
            score(o.putObject("sanctions"), c.sanctions());
            score(o.putObject("security"), c.security());
            score(o.putObject("border"), c.border());
        }
        return root;
    }

    private static void score(ObjectNode o, RiskScore s) {
        o.put("score", s.score());
        o.put("reason", s.reason());
        o.put("source", s.source());
        o.put("confidence", "estimated");
    }
}
