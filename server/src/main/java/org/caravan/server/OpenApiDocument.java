package org.caravan.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.caravan.place.RouteParameter;
import org.caravan.place.RouteParameter.Group;
import org.caravan.place.RouteParameter.Kind;
import org.caravan.place.RouteParameters;
import org.caravan.report.RouteJson;

/**
 * {@code /openapi.json}: the hand-written document ({@code openapi.json} in this package) with the route
 * parameters of each operation filled in from the core's table. An operation lists the groups it takes in
 * {@code "x-route-parameters": ["ENDS", "QUERY", ...]}; their entries go first, before the operation's own.
 */
public final class OpenApiDocument {
    static final String RESOURCE = "/org/caravan/server/openapi.json";
    static final String EXTENSION = "x-route-parameters";

    private OpenApiDocument() {}

    /** The document as served, built once per server. */
    public static String build(List<String> cargoProfiles) {
        ObjectNode doc;
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            doc = (ObjectNode) RouteJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            for (Iterator<Map.Entry<String, JsonNode>> ops = paths.next().getValue().fields(); ops.hasNext(); ) {
                JsonNode op = ops.next().getValue();
                if (!(op instanceof ObjectNode o) || !o.has(EXTENSION)) continue;
                ArrayNode params = RouteJson.MAPPER.createArrayNode();
                for (JsonNode g : o.get(EXTENSION)) {
                    for (RouteParameter p : RouteParameters.of(Group.valueOf(g.asText()))) {
                        params.add(parameter(p, cargoProfiles));
                    }
                }
                if (o.has("parameters")) params.addAll((ArrayNode) o.get("parameters"));
                // a table parameter of the groups (RouteParameter.Kind.TABLE) is an upload field, not a query one
                for (JsonNode g : o.get(EXTENSION)) {
                    for (RouteParameter p : RouteParameters.of(Group.valueOf(g.asText()))) {
                        if (p.kind() == Kind.TABLE) tableField(o, p);
                    }
                }
                for (Iterator<JsonNode> it = params.iterator(); it.hasNext(); ) {
                    RouteParameter p = RouteParameters.byName(it.next().path("name").asText()).orElse(null);
                    if (p != null && p.kind() == Kind.TABLE) it.remove();
                }
                o.remove(EXTENSION);
                o.set("parameters", params);
            }
        }
        try {
            return RouteJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The multipart field of a table parameter, with the table's help (the body's form must exist). */
    private static void tableField(ObjectNode op, RouteParameter p) {
        JsonNode props = op.path("requestBody").path("content").path("multipart/form-data").path("schema")
                .path("properties");
        if (!(props instanceof ObjectNode o)) {
            throw new IllegalStateException("openapi.json: an operation with the table parameter " + p.name()
                    + " has no multipart/form-data body");
        }
        ObjectNode f = o.putObject(p.name());
        f.put("type", "string");
        f.put("format", "binary");
        f.put("description", p.fullHelp(true));
    }

    static ObjectNode parameter(RouteParameter p, List<String> cargoProfiles) {
        ObjectNode o = RouteJson.MAPPER.createObjectNode();
        o.put("name", p.name());
        o.put("in", "query");
        o.put("required", p.group() == Group.ENDS);
        o.put("description", p.fullHelp(true) + (p.kind().isList() ? " Repeat the parameter or comma-separate." : ""));
        ObjectNode schema = o.putObject("schema");
        switch (p.kind()) {
            case NUMBER -> schema.put("type", "number");
            case INTEGER -> schema.put("type", "integer");
            case BOOLEAN -> schema.put("type", "boolean");
            default -> schema.put("type", "string");
        }
        if (p.kind() == Kind.DATETIME) {
            schema.put("pattern", "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?$");
            schema.put("example", "2027-03-01T08:00");
        }
        List<String> choices = p == RouteParameters.CARGO ? cargoProfiles : p.choices();
        if (p.kind() == Kind.CHOICE && !choices.isEmpty()) {
            ArrayNode e = schema.putArray("enum");
            choices.forEach(e::add);
        }
        if (p.kind() == Kind.NUMBER || p.kind() == Kind.INTEGER) {
            if (p.min() != null) {
                schema.put("minimum", p.min());
                if (p.minExclusive()) schema.put("exclusiveMinimum", true);
            }
            BigDecimal max = p.effectiveMax(true);
            if (max != null) schema.put("maximum", max);
        }
        if (p.defaultValue() != null) {
            switch (p.kind()) {
                case BOOLEAN -> schema.put("default", Boolean.parseBoolean(p.defaultValue()));
                case NUMBER -> schema.put("default", new BigDecimal(p.defaultValue()));
                case INTEGER -> schema.put("default", Long.parseLong(p.defaultValue()));
                default -> schema.put("default", p.defaultValue());
            }
        }
        return o;
    }
}
