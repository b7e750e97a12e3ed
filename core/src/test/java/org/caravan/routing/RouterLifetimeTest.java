package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import org.caravan.cost.CostModelLoader;
import org.caravan.io.NetworkLoader;
import org.caravan.network.Network;
import org.junit.jupiter.api.Test;

/**
 * A router that is no longer used can be collected: nothing a search leaves behind (pooled arrays, caches) may
 * keep it alive from the threads that ran it. Calibration builds a router per trial and ran out of memory when a
 * ThreadLocal pool held each one.
 */
class RouterLifetimeTest {
    @Test
    void aRouterThatRoutedIsCollectedWithItsSearchGraphOnceDropped() throws Exception {
        Network network = new NetworkLoader().loadEmbedded();
        java.util.List<WeakReference<Object>> refs = routeOnceAndDrop(network);
        for (int i = 0; i < 20 && refs.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(refs.get(0).get()).as("the dropped router").isNull();
        assertThat(refs.get(1).get()).as("its state graph").isNull();
    }

    private static java.util.List<WeakReference<Object>> routeOnceAndDrop(Network network) {
        Router router = new Router(network, CostModelLoader.defaults());
        RouteResult result = router.route(RouteRequest.of("KZALA", "PKKHI"));
        assertThat(result.routeOpt()).isPresent();
        return java.util.List.of(new WeakReference<>(router), new WeakReference<>(router.stateGraph("container")));
    }
}
