package org.caravan.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import java.util.Locale;
import org.caravan.routing.Cancellation;
import org.caravan.routing.InvalidRequestException;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error a handler meets, answered in the API's shape {@code {"error", "field"}}: refused parameters (400 and
 * the statuses of {@link CaravanServer.BadParameter}), a wrong method (405 with {@code Allow}), an unknown path
 * (404), a body that stalls or ends early (408 or 400 naming {@code body}), a request cancelled by its time limit,
 * and anything unexpected (500, logged, without internals).
 */
final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {}

    static void install(Javalin app) {
        app.exception(InvalidRequestException.class, (e, ctx) -> CaravanServer.error(ctx, 400, e.getMessage(),
                e.field()));
        app.exception(CaravanServer.BadParameter.class, (e, ctx) -> CaravanServer.error(ctx, e.status(),
                e.getMessage(), e.field()));
        app.exception(MethodNotAllowedResponse.class, (e, ctx) -> {
            String allowed = e.getDetails().values().stream().findFirst().orElse("");
            if (allowed.contains("GET") && !allowed.contains("HEAD")) allowed = allowed + ", HEAD";
            ctx.header("Allow", allowed);
            CaravanServer.error(ctx, 405, "method " + ctx.method() + " is not allowed on " + ctx.path()
                    + "; allowed: " + allowed, null);
        });
        app.exception(HttpResponseException.class, (e, ctx) -> CaravanServer.error(ctx, e.getStatus(),
                e.getStatus() == 404 ? "not found: " + ctx.path() : e.getMessage().toLowerCase(Locale.ROOT), null));
        // The request's time limit ran out and its thread was interrupted; the guard answers the client.
        app.exception(Cancellation.CancelledException.class, (e, ctx) -> CaravanServer.error(ctx, 503,
                "the request was stopped: it ran past the server's time limit", null));
        // Thrown by Jetty while reading a body: too slow (408) or malformed.
        app.exception(BadMessageException.class, (e, ctx) -> CaravanServer.error(ctx, e.getCode(),
                JsonErrorHandler.message(e.getCode(), e.getReason()), "body"));
        app.exception(Exception.class, (e, ctx) -> {
            if (interruptedRead(e)) {
                CaravanServer.error(ctx, 503, "the request was stopped: it ran past the server's time limit", null);
                return;
            }
            LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
            CaravanServer.error(ctx, 500, "internal error", null);
        });
        app.error(404, ctx -> {
            if (!answered(ctx)) CaravanServer.error(ctx, 404, "not found: " + ctx.path(), null);
        });
        app.error(413, ctx -> {
            if (!answered(ctx)) CaravanServer.error(ctx, 413, "request too large", "body");
        });
        // Javalin answers a body that ended early (Jetty's EofException) with 400 and a read that timed out with 408,
        // both without a body (CaravanServer sets those statuses).
        app.error(400, ctx -> {
            if (!answered(ctx)) CaravanServer.error(ctx, 400, "the request body ended before its Content-Length",
                    "body");
        });
        app.error(408, ctx -> {
            if (!answered(ctx)) CaravanServer.error(ctx, 408, "the request body stalled: send it without long "
                    + "pauses", "body");
        });
        app.error(500, ctx -> {
            if (!answered(ctx)) CaravanServer.error(ctx, 500, "internal error", null);
        });
    }

    private static boolean interruptedRead(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException
                    || t instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    /** Whether a handler already wrote a JSON error (a 404 for an unknown scenario, say), to be kept. */
    static boolean answered(Context ctx) {
        String type = ctx.res().getContentType();
        return ctx.result() != null && !ctx.result().isEmpty() && type != null && type.contains("json");
    }
}
