package org.caravan.server;

import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;

/**
 * The security headers of every answer, API, page or error. The policy allows only what the pages need: scripts
 * (classic or ES modules) and style sheets from this server (Leaflet and Chart.js come from its WebJars), style
 * attributes (Leaflet positions map panes and the legends colour their swatches with them; no {@code <style>}
 * elements), images from this server and {@code data:}/{@code blob:} URLs, fetches to this server only, and no
 * framing by any other page ({@code frame-ancestors 'none'}, also {@code X-Frame-Options} for old browsers).
 */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "style-src-attr 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private SecurityHeaders() {}

    static void apply(HttpServletResponse res) {
        res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("X-Frame-Options", "DENY");
        res.setHeader("Referrer-Policy", "no-referrer");
        res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    }

    /** For answers Jetty writes itself, before any servlet runs (a malformed request line, say). */
    static void apply(HttpFields.Mutable fields) {
        fields.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        fields.put("X-Content-Type-Options", "nosniff");
        fields.put("X-Frame-Options", "DENY");
        fields.put("Referrer-Policy", "no-referrer");
        fields.put("Cross-Origin-Resource-Policy", "same-origin");
    }
}
