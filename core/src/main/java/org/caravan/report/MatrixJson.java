package org.caravan.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.caravan.network.Network;
import org.caravan.routing.CostMatrix;

/** The shapes of an OD matrix ({@link CostMatrix}) that the CLI and the HTTP API share: JSON and CSV. */
public final class MatrixJson {
    /** The CSV columns, one row per cell. */
    public static final String CSV_HEADER = "from,from_name,to,to_name,found,generalized_usd,usd,hours,km,co2_kg";

    private MatrixJson() {}

    /** {@code {request, from: [...], to: [...], cells: [{from, to, found, ...}], found}}, row by row. */
    public static ObjectNode toJson(Network network, CostMatrix.Result m) {
        ObjectNode root = RouteJson.MAPPER.createObjectNode();
        root.put("cargo", m.request().cargo());
        root.put("objective", m.request().objective().name().toLowerCase(Locale.ROOT));
        ArrayNode from = root.putArray("from");
        m.from().forEach(id -> from.addObject().put("id", id).put("name", RouteJson.name(network, id)));
        ArrayNode to = root.putArray("to");
        m.to().forEach(id -> to.addObject().put("id", id).put("name", RouteJson.name(network, id)));
        ArrayNode cells = root.putArray("cells");
        for (CostMatrix.Cell[] row : m.cells()) {
            for (CostMatrix.Cell c : row) {
                ObjectNode x = cells.addObject();
                x.put("from", c.from());
                x.put("to", c.to());
                x.put("found", c.found());
                if (c.found()) {
                    x.put("generalized_usd", RouteJson.round(c.generalizedUsd(), 2));
                    x.put("usd", RouteJson.round(c.usd(), 2));
                    x.put("hours", RouteJson.round(c.hours(), 2));
                    x.put("km", RouteJson.round(c.km(), 1));
                    x.put("co2_kg", RouteJson.round(c.co2Kg(), 1));
                } else {
                    x.put("no_route", c.noRoute());
                }
            }
        }
        root.put("found", m.found());
        root.put("cells_total", m.from().size() * m.to().size());
        return root;
    }

    /** One line per cell under {@link #CSV_HEADER}; a cell without a route has found=false and empty values. */
    public static String csv(Network network, CostMatrix.Result m) {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (CostMatrix.Cell[] row : m.cells()) {
            for (CostMatrix.Cell c : row) {
                sb.append(c.from()).append(',').append(quote(RouteJson.name(network, c.from()))).append(',')
                        .append(c.to()).append(',').append(quote(RouteJson.name(network, c.to()))).append(',')
                        .append(c.found());
                if (c.found()) {
                    sb.append(',').append(RouteJson.round(c.generalizedUsd(), 2)).append(',').append(RouteJson.round(c.usd(), 2))
                            .append(',').append(RouteJson.round(c.hours(), 2)).append(',').append(RouteJson.round(c.km(), 1))
                            .append(',').append(RouteJson.round(c.co2Kg(), 1));
                } else {
                    sb.append(",,,,,");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
