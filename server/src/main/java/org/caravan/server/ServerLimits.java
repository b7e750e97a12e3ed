package org.caravan.server;

import java.time.Duration;
import java.util.List;

/**
 * The limits that keep the server answering under hostile clients and load (docs/RELIABILITY.md lists them with
 * the figures measured by {@code bench/abuse.sh}). Requests run in lanes, each a bounded pool of workers with a
 * bounded queue: a request that finds its lane's queue full is refused at once with 503 and {@code Retry-After}.
 * Expensive requests (Pareto sets, alternatives, many Monte Carlo samples, briefs, criticality, scenario runs over
 * every OD pair, trade transit) get fewer workers than cheap ones, so health checks, place search and single routes
 * stay fast during a burst of expensive ones.
 *
 * @param jettyThreads       the most threads Jetty runs (connections, static files, waiting for a lane's answer)
 * @param cheapLane          workers and queue of cheap API requests
 * @param expensiveLane      workers and queue of expensive API requests
 * @param writeLane          workers and queue of requests with a body (POST, DELETE) other than a trade import
 * @param importLane         workers and queue of trade imports (the store takes one writer at a time)
 * @param requestTimeLimit   wall-clock limit of every API request from its arrival, queueing included; past it
 *                           the computation is cancelled and the answer is 503 with a JSON error
 * @param importTimeLimit    the same for a trade import, which may read and merge a 200 MB file
 * @param bodyIdleTimeout    the longest a body read may wait for the next bytes before the request fails (408)
 * @param minBodyBytesPerSecond slowest accepted body upload once it has started (slower: 408)
 * @param connectionIdleTimeout how long an idle connection (between requests, or sending its headers) is kept
 * @param retryAfterSeconds  the {@code Retry-After} of a 503
 * @param maxBodyBytes       largest body of any request but a trade import (413 at once when Content-Length says more)
 * @param allowedHosts       host names the {@code Host} header may carry besides those the server is bound to
 *                           ({@code *} allows any: only behind a proxy that checks it)
 */
public record ServerLimits(int jettyThreads, Lane cheapLane, Lane expensiveLane, Lane writeLane, Lane importLane,
        Duration requestTimeLimit, Duration importTimeLimit, Duration bodyIdleTimeout, long minBodyBytesPerSecond,
        Duration connectionIdleTimeout, int retryAfterSeconds, long maxBodyBytes, List<String> allowedHosts) {

    /** A lane: at most {@code workers} requests at once and {@code queue} waiting; more are refused with 503. */
    public record Lane(int workers, int queue) {
        public Lane {
            if (workers < 1) throw new IllegalArgumentException("a lane needs at least one worker, got " + workers);
            if (queue < 0) throw new IllegalArgumentException("a lane's queue cannot be negative, got " + queue);
        }

        /** Requests the lane holds at once, running or waiting. */
        public int capacity() { return workers + queue; }
    }

    public ServerLimits {
        allowedHosts = List.copyOf(allowedHosts);
        int held = cheapLane.capacity() + expensiveLane.capacity() + writeLane.capacity() + importLane.capacity();
        // Every request waiting for a lane holds a Jetty thread; a margin stays free for health checks and files.
        if (jettyThreads < held + 16) {
            throw new IllegalArgumentException("jettyThreads must be at least the lanes' capacity + 16 = "
                    + (held + 16) + ", got " + jettyThreads);
        }
        if (requestTimeLimit.isNegative() || requestTimeLimit.isZero()) {
            throw new IllegalArgumentException("requestTimeLimit must be positive");
        }
    }

    /**
     * The defaults, sized to the machine: expensive requests get one worker per two cores (at least one), cheap ones
     * eight per core.
     */
    public static ServerLimits defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        Lane cheap = new Lane(Math.max(8, 8 * cores), 64);
        Lane expensive = new Lane(Math.max(1, cores / 2), 4 * Math.max(1, cores / 2));
        Lane write = new Lane(8, 8);
        Lane imports = new Lane(1, 1);
        int held = cheap.capacity() + expensive.capacity() + write.capacity() + imports.capacity();
        return new ServerLimits(held + 64, cheap, expensive, write, imports, Duration.ofSeconds(30),
                Duration.ofMinutes(15), Duration.ofSeconds(5), 1024, Duration.ofSeconds(15), 5, 64 * 1024L,
                List.of());
    }

    public ServerLimits withAllowedHosts(List<String> hosts) {
        return new ServerLimits(jettyThreads, cheapLane, expensiveLane, writeLane, importLane, requestTimeLimit,
                importTimeLimit, bodyIdleTimeout, minBodyBytesPerSecond, connectionIdleTimeout, retryAfterSeconds,
                maxBodyBytes, hosts);
    }

    public ServerLimits withExpensiveLane(Lane lane) {
        return new ServerLimits(jettyThreads + Math.max(0, lane.capacity() - expensiveLane.capacity()), cheapLane,
                lane, writeLane, importLane, requestTimeLimit, importTimeLimit, bodyIdleTimeout, minBodyBytesPerSecond,
                connectionIdleTimeout, retryAfterSeconds, maxBodyBytes, allowedHosts);
    }

    public ServerLimits withRequestTimeLimit(Duration limit) {
        return new ServerLimits(jettyThreads, cheapLane, expensiveLane, writeLane, importLane, limit, importTimeLimit,
                bodyIdleTimeout, minBodyBytesPerSecond, connectionIdleTimeout, retryAfterSeconds, maxBodyBytes,
                allowedHosts);
    }

    public ServerLimits withBodyIdleTimeout(Duration timeout) {
        return new ServerLimits(jettyThreads, cheapLane, expensiveLane, writeLane, importLane, requestTimeLimit,
                importTimeLimit, timeout, minBodyBytesPerSecond, connectionIdleTimeout, retryAfterSeconds,
                maxBodyBytes, allowedHosts);
    }
}
