package org.caravan.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caravan.assignment.FreightAssignment.ElementFlow;
import org.caravan.assignment.FreightAssignment.LinkFlow;
import org.caravan.assignment.FreightAssignment.Options;
import org.caravan.assignment.FreightAssignment.Result;
import org.caravan.cost.CostModelLoader;
import org.caravan.demand.OdPair;
import org.caravan.io.NetworkLoader;
import org.caravan.routing.Router;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The freight assignment on the embedded network with synthetic (invented) OD tonnes. */
class FreightAssignmentTest {
    static Router router;
    static final Capacities CAPS = Capacities.embedded();
    static final String TORKHAM = "x_pktor_afrkh_road";
    static final String CHAMAN = "x_pkcmn_afsbk_road";

    @BeforeAll
    static void load() throws Exception {
        router = new Router(new NetworkLoader().loadEmbedded(), CostModelLoader.defaults());
    }

    static List<OdPair> kabulKarachi(double tonnes) {
        return List.of(new OdPair("Kabul", "Karachi", "container", tonnes, "synthetic test demand"),
                new OdPair("Karachi", "Kabul", "container", tonnes / 2, "synthetic test demand"),
                new OdPair("Tashkent", "Karachi", "container", tonnes / 4, "synthetic test demand"));
    }

    static Result run(List<OdPair> pairs, Options o) {
        return FreightAssignment.assign(router, pairs, null, null, null, CAPS, o, null);
    }

    static ElementFlow element(Result r, String id, String dir) {
        return r.elements().stream().filter(e -> e.element().id().equals(id) && e.element().direction().equals(dir))
                .findFirst().orElse(null);
    }

    static double tonnesThrough(Result r, String id) {
        return r.elements().stream().filter(e -> e.element().id().equals(id)).mapToDouble(ElementFlow::tonnes).sum();
    }

    @Test
    void smoke() {
      for (AssignmentMethod m : AssignmentMethod.values()) {
        Result r = run(kabulKarachi(8_000_000), Options.defaults().withMethod(m));
        System.out.println(m + " gaps " + r.iterations().stream().map(i -> String.format("%.2e", i.relativeGap())).toList());
        System.out.println("gap " + r.relativeGap() + " it " + r.iterations().size() + " ms " + r.millis()
                + " routes " + r.routes());
        for (ElementFlow e : r.bottlenecks()) {
            System.out.printf("%s %s %s %.1f veh/d v/c %.2f queue %.2f d %.0f t%n", e.element().kind(),
                    e.element().id(), e.element().direction(), e.vehiclesPerDay(), e.volumeToCapacity(), e.queueDays(),
                    e.tonnes());
        }
        assertThat(r.unroutable()).isEmpty();
      }
    }
}
