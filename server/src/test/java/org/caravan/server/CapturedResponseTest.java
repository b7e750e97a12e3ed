package org.caravan.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CapturedResponseTest {
    /** A real response that only keeps its status. */
    private static HttpServletResponse real(AtomicInteger status) {
        return (HttpServletResponse) Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setStatus" -> {
                        status.set((Integer) args[0]);
                        yield null;
                    }
                    case "getStatus" -> status.get();
                    default -> null;
                });
    }

    @Test
    void aWorkerStoppedAtTheTimeLimitSeesTheStatusTheClientGetsNotItsOwn() {
        AtomicInteger status = new AtomicInteger(200);
        CapturedResponse captured = new CapturedResponse(real(status));
        captured.stop(503);
        // the cancelled worker answers as it would (its own 503 for the cancellation, or a 200 it had ready) ...
        captured.setStatus(200);
        // ... but neither reaches the client, and its request log line reads the status the client gets
        assertThat(status.get()).isEqualTo(200); // untouched: the request's thread writes the 503 itself
        assertThat(captured.getStatus()).isEqualTo(503);
    }

    @Test
    void beforeAnyStopTheWorkersStatusGoesThrough() {
        AtomicInteger status = new AtomicInteger(200);
        CapturedResponse captured = new CapturedResponse(real(status));
        captured.setStatus(404);
        assertThat(status.get()).isEqualTo(404);
        assertThat(captured.getStatus()).isEqualTo(404);
    }
}
