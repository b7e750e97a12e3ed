package org.caravan.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first thing every request meets (a servlet filter in front of the Javalin servlet). In this order it:
 * <ol>
 *   <li>adds the {@link SecurityHeaders};</li>
 *   <li>refuses a {@code Host} header that is not a name of this server (421), so a DNS-rebinding page cannot read
 *       the API: the names the server is bound to, loopback's names when bound to loopback, the machine's addresses
 *       when bound to all of them, and {@link ServerLimits#allowedHosts} ({@code caravan serve --allow-host});</li>
 *   <li>refuses a state-changing request (POST, PUT, PATCH, DELETE) from another site (403): its {@code Origin}
 *       must be this server's own; without {@code Origin} (curl, scripts) it must not say {@code Sec-Fetch-Site:
 *       cross-site} or {@code same-site};</li>
 *   <li>refuses at once a body whose {@code Content-Length} is over the limit (413), before reading any of it;</li>
 *   <li>refuses a query string that is not valid percent-encoded UTF-8 (400 naming {@code query});</li>
 *   <li>runs API requests in their lane ({@link ServerLimits}): a bounded pool of workers with a bounded queue, 503
 *       with {@code Retry-After} when the queue is full; and cancels a request that runs past the time limit,
 *       answering 503 with a JSON error.</li>
 * </ol>
 * {@code /api/health} and the static files skip the lanes: they do no work worth limiting.
 */
final class RequestGuard implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);

    /** Where a request runs. */
    enum LaneKind { CHEAP, EXPENSIVE, WRITE, IMPORT }

    /** More Monte Carlo samples than this make a route request expensive. */
    static final int CHEAP_SAMPLES = 10_000;
    /** How long a request's thread waits for its cancelled worker to stop before answering anyway. */
    static final long CANCEL_GRACE_MILLIS = 2_000;

    private final ServerLimits limits;
    private final Map<LaneKind, ThreadPoolExecutor> lanes = new EnumMap<>(LaneKind.class);
    private volatile Set<String> hostNames = Set.of();
    private final boolean anyHost;

    RequestGuard(ServerLimits limits) {
        this.limits = limits;
        this.anyHost = limits.allowedHosts().contains("*");
        lanes.put(LaneKind.CHEAP, pool("caravan-cheap", limits.cheapLane()));
        lanes.put(LaneKind.EXPENSIVE, pool("caravan-expensive", limits.expensiveLane()));
        lanes.put(LaneKind.WRITE, pool("caravan-write", limits.writeLane()));
        lanes.put(LaneKind.IMPORT, pool("caravan-import", limits.importLane()));
    }

    private static ThreadPoolExecutor pool(String name, ServerLimits.Lane lane) {
        BlockingQueue<Runnable> queue = lane.queue() == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(lane.queue());
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(lane.workers(), lane.workers(), 30, TimeUnit.SECONDS, queue,
                r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** The names a {@code Host} header may carry, from the address the server is bound to. */
    void bind(String host) {
        Set<String> names = new LinkedHashSet<>();
        for (String h : limits.allowedHosts()) names.add(normalise(h));
        String bound = host == null ? "" : normalise(host);
        names.add(bound);
        boolean wildcard = bound.isEmpty() || bound.equals("0.0.0.0") || bound.equals("::");
        boolean loopback = bound.equals("localhost");
        try {
            if (!wildcard && !loopback) {
                for (InetAddress a : InetAddress.getAllByName(bound)) {
                    names.add(normalise(a.getHostAddress()));
                    loopback |= a.isLoopbackAddress();
                }
            }
        } catch (UnknownHostException e) {
            // the server could not bind to it either; nothing more to allow
        }
        if (loopback || wildcard) names.addAll(List.of("localhost", "127.0.0.1", "::1"));
        if (wildcard) {
            try {
                for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                        names.add(normalise(a.getHostAddress()));
                    }
                }
                InetAddress local = InetAddress.getLocalHost();
                names.add(normalise(local.getHostName()));
                names.add(normalise(local.getCanonicalHostName()));
            } catch (SocketException | UnknownHostException e) {
                // the loopback names and --allow-host still apply
            }
        }
        hostNames = Set.copyOf(names);
    }

    Set<String> hostNames() { return hostNames; }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        SecurityHeaders.apply(res);
        String host = req.getHeader("Host");
        if (!anyHost && !hostNames.contains(hostName(host))) {
            refuse(req, res, 421, "Host '" + host + "' is not a name of this server; start it with --allow-host "
                    + "NAME to serve that name", "Host");
            return;
        }
        String method = req.getMethod().toUpperCase(Locale.ROOT);
        boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        if (!safe) {
            String why = crossSite(req, host);
            if (why != null) {
                refuse(req, res, 403, why, "Origin");
                return;
            }
        }
        String path = path(req);
        boolean upload = method.equals("POST") && path.equals("/api/trade/imports");
        long maxBody = upload ? TradeApi.MAX_UPLOAD_BYTES + 1024 * 1024 : limits.maxBodyBytes();
        long declared = req.getContentLengthLong();
        if (declared > maxBody) {
            res.setHeader("Connection", "close"); // the body is not read: the connection cannot be reused
            refuse(req, res, 413, upload ? TradeApi.tooLarge().getMessage()
                    : "request body of " + declared + " bytes is over the limit of " + maxBody + " bytes",
                    upload ? "file" : "body");
            return;
        }
        if (!path.startsWith("/api/") || path.equals("/api/health")) {
            chain.doFilter(req, res);
            return;
        }
        Map<String, List<String>> query;
        try {
            query = parseQuery(req.getQueryString());
        } catch (CharacterCodingException | IllegalArgumentException e) {
            refuse(req, res, 400, "the query string is not valid percent-encoded UTF-8: " + e.getMessage(), "query");
            return;
        }
        run(lane(method, path, query), req, res, chain);
    }

    /** The lane of an API request, from its method, path and parameters. */
    static LaneKind lane(String method, String path, Map<String, List<String>> query) {
        if (method.equals("POST") && path.equals("/api/trade/imports")) return LaneKind.IMPORT;
        if (!method.equals("GET") && !method.equals("HEAD")) return LaneKind.WRITE;
        if (number(query, "samples") > CHEAP_SAMPLES) return LaneKind.EXPENSIVE;
        if (path.equals("/api/route") || path.equals("/api/route.geojson")) {
            return truthy(query, "pareto") || number(query, "alternatives") > 1 ? LaneKind.EXPENSIVE : LaneKind.CHEAP;
        }
        if (path.startsWith("/api/brief.") || path.equals("/api/critical") || path.equals("/api/trade/transit")
                || path.equals("/api/assign")
                || path.equals("/api/matrix")) {
            return LaneKind.EXPENSIVE;
        }
        if (path.startsWith("/api/scenarios/") && path.endsWith("/run")) {
            List<String> from = query.getOrDefault("from", List.of());
            return from.isEmpty() || from.get(0).isBlank() ? LaneKind.EXPENSIVE : LaneKind.CHEAP;
        }
        return LaneKind.CHEAP;
    }

    private void run(LaneKind kind, HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException {
        long limitMillis = (kind == LaneKind.IMPORT ? limits.importTimeLimit() : limits.requestTimeLimit()).toMillis();
        CapturedResponse captured = new CapturedResponse(res);
        Future<?> work;
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
        try {
            work = lanes.get(kind).submit(() -> {
                try {
                    chain.doFilter(req, captured);
                } finally {
                    finished.countDown();
                }
                return null;
            });
        } catch (RejectedExecutionException e) {
            res.setHeader("Retry-After", Integer.toString(limits.retryAfterSeconds()));
            refuse(req, res, 503, "the server is busy: too many " + kind.name().toLowerCase(Locale.ROOT)
                    + " requests at once; try again in " + limits.retryAfterSeconds() + " s", null);
            return;
        }
        try {
            work.get(limitMillis, TimeUnit.MILLISECONDS);
            captured.commit();
        } catch (TimeoutException e) {
            captured.stop(503); // before the interrupt: the worker's request log line must say 503, not 200
            work.cancel(true);
            awaitStop(finished);
            res.reset();
            SecurityHeaders.apply(res);
            res.setHeader("Retry-After", Integer.toString(limits.retryAfterSeconds()));
            refuse(req, res, 503, "the request took longer than the server's limit of " + seconds(limitMillis)
                    + " s and was stopped" + (kind == LaneKind.EXPENSIVE ? "; ask for less (fewer alternatives, "
                    + "samples or max_labels, a lower budget_ms) or try again when the server is less busy" : ""),
                    null);
        } catch (InterruptedException e) {
            work.cancel(true);
            captured.detach();
            Thread.currentThread().interrupt();
            if (!res.isCommitted()) {
                res.reset();
                refuse(req, res, 503, "the server is stopping", null);
            }
        } catch (ExecutionException e) {
            captured.detach();
            LOG.error("internal error on {} {}", req.getMethod(), path(req), e.getCause());
            if (!res.isCommitted()) {
                res.reset();
                SecurityHeaders.apply(res);
                ApiErrors.write(res, 500, "internal error", null);
            }
        }
    }

    /**
     * Waits a little for a cancelled worker to stop: the request object is recycled once this thread returns, and
     * a worker still reading it would then fail. The core's loops stop within milliseconds of the interrupt; a
     * worker stuck elsewhere (a store query) is left to finish on its own, its answer discarded.
     */
    private static void awaitStop(java.util.concurrent.CountDownLatch finished) {
        try {
            if (!finished.await(CANCEL_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.debug("a cancelled request's worker has not stopped after {} ms", CANCEL_GRACE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000)
                : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }

    /** Stops the lanes' workers (cancelling what they run). */
    void close() {
        lanes.values().forEach(ThreadPoolExecutor::shutdownNow);
    }

    /** Requests running or waiting in a lane, for tests and diagnostics. */
    int load(LaneKind kind) {
        ThreadPoolExecutor p = lanes.get(kind);
        return p.getActiveCount() + p.getQueue().size();
    }

    // ------------------------------------------------------------------ checks

    /** Why a state-changing request is refused as cross-site, or null when it may go on. */
    private static String crossSite(HttpServletRequest req, String host) {
        String origin = req.getHeader("Origin");
        if (origin == null) {
            String site = req.getHeader("Sec-Fetch-Site");
            if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
                return "cross-site request refused (Sec-Fetch-Site: " + site + "): only this server's own pages "
                        + "may change data";
            }
            return null; // not a browser: curl, scripts, the tests
        }
        if (host != null && sameOrigin(origin, host)) return null;
        return "cross-site request refused: Origin '" + origin + "' is not this server (" + host + "); only this "
                + "server's own pages may change data";
    }

    static boolean sameOrigin(String origin, String host) {
        try {
            URI o = new URI(origin.trim());
            if (o.getHost() == null || !"http".equalsIgnoreCase(o.getScheme())) return false;
            URI h = new URI("http://" + host.trim());
            int op = o.getPort() < 0 ? 80 : o.getPort();
            int hp = h.getPort() < 0 ? 80 : h.getPort();
            return h.getHost() != null && normalise(o.getHost()).equals(normalise(h.getHost())) && op == hp;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The host part of a Host header ({@code name:port}, {@code [v6]:port}), normalised; "" when absent. */
    static String hostName(String header) {
        if (header == null) return "";
        String h = header.trim();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : normalise(h.substring(1, end));
        }
        int colon = h.lastIndexOf(':');
        if (colon >= 0 && h.indexOf(':') == colon) h = h.substring(0, colon);
        return normalise(h);
    }

    private static String normalise(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.startsWith("[") && n.endsWith("]")) n = n.substring(1, n.length() - 1);
        if (n.endsWith(".")) n = n.substring(0, n.length() - 1);
        if (n.equals("0:0:0:0:0:0:0:1")) n = "::1";
        int zone = n.indexOf('%');
        if (zone >= 0) n = n.substring(0, zone);
        return n;
    }

    /** The decoded path (what Javalin matches), not the raw URI. */
    private static String path(HttpServletRequest req) {
        String s = req.getServletPath() == null ? "" : req.getServletPath();
        String p = req.getPathInfo() == null ? "" : req.getPathInfo();
        String path = s + p;
        return path.isEmpty() ? "/" : path;
    }

    /** The query's parameters, strictly decoded: a bad {@code %} escape or bytes that are not UTF-8 throw. */
    static Map<String, List<String>> parseQuery(String query) throws CharacterCodingException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) return out;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String s) throws CharacterCodingException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new IllegalArgumentException("incomplete escape at '" + s.substring(i) + "'");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) throw new IllegalArgumentException("bad escape '" + s.substring(i, i + 3) + "'");
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                .toString();
    }

    private static boolean truthy(Map<String, List<String>> query, String name) {
        List<String> v = query.getOrDefault(name, List.of());
        if (v.isEmpty()) return false;
        String s = v.get(0).trim().toLowerCase(Locale.ROOT);
        return s.equals("true") || s.equals("1") || s.equals("yes") || s.equals("on");
    }

    private static long number(Map<String, List<String>> query, String name) {
        List<String> v = query.getOrDefault(name, List.of());
        if (v.isEmpty()) return 0;
        try {
            return (long) Double.parseDouble(v.get(0).trim());
        } catch (NumberFormatException e) {
            return 0; // the handler refuses it, naming the parameter
        }
    }

    private static void refuse(HttpServletRequest req, HttpServletResponse res, int status, String message,
            String field) throws IOException {
        LOG.info("{} {} -> {} ({})", req.getMethod(), path(req), status, message);
        ApiErrors.write(res, status, message, field);
    }
}
