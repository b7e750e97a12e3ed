package org.caravan.server;

import io.javalin.config.JavalinConfig;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Jetty settings behind {@link ServerLimits}: a bounded thread pool and queue, short timeouts for idle
 * connections and stalled bodies, dispatch as soon as the headers are in (so an oversized {@code Content-Length}
 * gets its 413 at once, not after the body times out), JSON for Jetty's own errors, 405 rather than 404 for a known
 * path with another method, and the {@link RequestGuard} in front of every request.
 */
final class JettySetup {
    /** Connections waiting for a Jetty thread; past this Jetty closes new ones (the lanes refuse long before). */
    static final int JETTY_QUEUE = 1024;

    private JettySetup() {}

    static void apply(JavalinConfig config, ServerLimits limits, RequestGuard guard, Supplier<String> host,
            IntSupplier port) {
        QueuedThreadPool threads = new QueuedThreadPool(limits.jettyThreads(), 8, 60_000,
                new BlockingArrayQueue<>(64, 64, JETTY_QUEUE));
        threads.setName("caravan-jetty");
        config.jetty.threadPool = threads;
        config.http.prefer405over404 = true;
        config.jetty.clientAbortStatus = 400; // a body that ends before its Content-Length
        config.jetty.timeoutStatus = 408; // a body that stalls
        config.jetty.modifyHttpConfiguration(http -> {
            http.setIdleTimeout(limits.bodyIdleTimeout().toMillis());
            http.setMinRequestDataRate(limits.minBodyBytesPerSecond());
            http.setDelayDispatchUntilContent(false);
            http.setSendServerVersion(false);
        });
        config.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(host.get());
            connector.setPort(port.getAsInt());
            connector.setIdleTimeout(limits.connectionIdleTimeout().toMillis());
            return connector;
        });
        config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        config.jetty.modifyServletContextHandler(context -> {
            context.setErrorHandler(new JsonErrorHandler());
            context.addFilter(new FilterHolder(guard), "/*", EnumSet.of(DispatcherType.REQUEST));
        });
    }
}
