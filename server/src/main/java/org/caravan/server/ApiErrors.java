package org.caravan.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.caravan.report.RouteJson;

/**
 * The API's one error shape, {@code {"error": message, "field": name-or-null}}, for answers written outside a
 * Javalin handler: by the {@link RequestGuard} (refused hosts and origins, full lanes, time limits) and by Jetty's
 * own error handling ({@link JsonErrorHandler}).
 */
final class ApiErrors {
    private ApiErrors() {}

    static byte[] body(String message, String field) {
        ObjectNode o = RouteJson.MAPPER.createObjectNode();
        o.put("error", message);
        if (field == null) o.putNull("field");
        else o.put("field", field);
        try {
            return RouteJson.MAPPER.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the error as the whole answer (the response must not be committed yet). */
    static void write(HttpServletResponse res, int status, String message, String field) throws IOException {
        byte[] body = body(message, field);
        res.setStatus(status);
        res.setContentType("application/json");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
