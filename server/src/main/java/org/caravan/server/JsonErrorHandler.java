package org.caravan.server;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own errors in the API's JSON shape instead of its HTML pages: a request line or headers too long (414,
 * 431), a URI Jetty will not accept (bad UTF-8 or percent-encoding, a path that climbs out with {@code ..}: 400), a
 * body too slow (408), and anything Jetty answers before or around the application.
 */
final class JsonErrorHandler extends ErrorHandler {

    /** Errors of a request that reached the servlet context, but were answered by Jetty (sendError and the like). */
    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        baseRequest.setHandled(true);
        int status = response.getStatus();
        Object reason = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        response.resetBuffer();
        SecurityHeaders.apply(response);
        ApiErrors.write(response, status, message(status, reason == null ? null : reason.toString()),
                field(status, reason == null ? null : reason.toString()));
    }

    /** Errors of requests Jetty cannot parse, answered before any handler runs. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        SecurityHeaders.apply(fields);
        return ByteBuffer.wrap(ApiErrors.body(message(status, reason), field(status, reason)));
    }

    static String message(int status, String reason) {
        String why = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
        return switch (status) {
            case 414 -> "request URI too long (" + why + "): keep the path and query under 8 KB";
            case 431 -> "request headers too large (" + why + "): keep them under 8 KB";
            case 408 -> "request timed out (" + why + "): the body must arrive without long pauses";
            case 413 -> "request too large (" + why + ")";
            case 400 -> "bad request: " + why;
            default -> why;
        };
    }

    static String field(int status, String reason) {
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (status == 414) return "uri";
        if (status == 431) return "headers";
        if (status == 408 || status == 413) return "body";
        if (r.contains("query") || r.contains("parameter")) return "query";
        if (r.contains("uri") || r.contains("path") || r.contains("utf") || r.contains("segment")) return "uri";
        if (r.contains("host")) return "Host";
        return null;
    }
}
