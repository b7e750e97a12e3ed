package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.caravan.routing.Nets.net;
import static org.caravan.routing.Nets.node;
import static org.caravan.routing.Nets.rail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.List;
import org.caravan.cost.CostModel;
import org.caravan.cost.CostModelException;
import org.caravan.cost.CostModelLoader;
import org.caravan.io.YamlOverlay;
import org.caravan.network.Gauge;
import org.caravan.network.Network;
import org.caravan.place.PlaceIndex;
import org.caravan.place.RouteQuery;
import org.junit.jupiter.api.Test;

/**
 * The express (timetabled block) container train class (issue 13): on a hand-made line the express run takes the
 * published 70 % of the regular running time where no country speed is given, and the country's own express speed
 * where one is; dwell is the regular's; the option is refused for bulk, naming the field; bad express blocks in a
 * cost file are refused with the file and field.
 */
class ExpressRailTest {
    private static final double EPS = 1e-9;

    private static CostModel costs(String yaml) throws Exception {
        ObjectNode tree;
        try (InputStream in = ExpressRailTest.class.getResourceAsStream("/org/caravan/routing/classic-costs.yaml")) {
            tree = (ObjectNode) YamlOverlay.YAML.readTree(in);
        }
        YamlOverlay.merge(tree, (ObjectNode) YamlOverlay.YAML.readTree(yaml));
        return CostModelLoader.fromTree(tree, "test");
    }

    private static final String EXPRESS = """
            profiles:
              container:
                modes:
                  rail: {speed_kmh: 30, speed_kmh_by_country: {KZ: 53}, origin_dwell_hours: 12,
                         destination_dwell_hours: 12, express: {running_time_ratio: 0.7,
                         speed_kmh_by_country: {CN: 45.8, KZ: 53}}}
            """;

    /** A (country) -rail 420 km 1520- B (same country). */
    private static Network line(String cc) {
        return net(List.of(node("A", cc), node("B", cc)), List.of(rail("ab", "A", "B", Gauge.G1520, 420)));
    }

    private static double runHours(Route r) {
        return r.timeline().stream().filter(t -> t.kind() == TimeStep.Kind.RUN).mapToDouble(TimeStep::hours).sum();
    }

    private static Route route(Network n, CostModel m, String service) {
        RouteQuery q = RouteQuery.builder().from("A").to("B").cargo("container").railService(service).build();
        return new Router(n, m).route(q.resolve(n, m, new PlaceIndex(n))).route();
    }

    @Test
    void whereNoCountrySpeedIsGivenTheExpressRunsInThePublished70PercentOfTheRegularTime() throws Exception {
        CostModel m = costs(EXPRESS);
        Network n = line("UZ");
        Route regular = route(n, m, "regular");
        Route express = route(n, m, "express");
        assertThat(runHours(regular)).isCloseTo(420 / 30.0, within(EPS));
        assertThat(runHours(express) / runHours(regular)).isCloseTo(0.7, within(EPS));
        // dwell is the regular's: the door-to-door difference is the running time alone
        assertThat(regular.totals().hours() - express.totals().hours()).isCloseTo(0.3 * 420 / 30.0, within(EPS));
        assertThat(express.cargo()).isEqualTo("container");
    }

    @Test
    void aCountryWithItsOwnExpressSpeedRunsAtItAndKazakhstanKeepsItsRegularSpeed() throws Exception {
        CostModel m = costs(EXPRESS);
        assertThat(runHours(route(line("CN"), m, "express"))).isCloseTo(420 / 45.8, within(EPS));
        assertThat(runHours(route(line("KZ"), m, "express"))).isCloseTo(420 / 53.0, within(EPS));
        assertThat(runHours(route(line("KZ"), m, "regular"))).isCloseTo(420 / 53.0, within(EPS));
    }

    @Test
    void theShippedDefaultsHaveTheExpressClassForContainersOnly() {
        CostModel m = CostModelLoader.defaults();
        assertThat(m.profile("container@express")).isPresent();
        assertThat(m.profile("bulk@express")).isEmpty();
        assertThat(m.profileNames()).containsExactly("bulk", "container");
        var rail = m.profile("container@express").orElseThrow().modes().get(org.caravan.network.Mode.RAIL);
        assertThat(rail.speedKmh("CN")).isEqualTo(45.8);
        assertThat(rail.speedKmh("RU")).isEqualTo(44.1);
        assertThat(rail.speedKmh("KZ")).isEqualTo(53.0);
        assertThat(rail.speedKmh("UZ")).isCloseTo(30 / 0.7, within(EPS));
        assertThat(m.sourceOf("profiles.container.modes.rail.express.speed_kmh_by_country.CN").orElseThrow()
                .confidence()).isEqualTo("published");
        assertThat(m.sourceOf("profiles.container.modes.rail.express.running_time_ratio").orElseThrow()
                .confidence()).isEqualTo("estimated");
    }

    @Test
    void expressIsRefusedForBulkAndUnknownServicesNamingTheField() throws Exception {
        CostModel m = costs(EXPRESS);
        Network n = line("UZ");
        assertThatThrownBy(() -> RouteQuery.builder().from("A").to("B").cargo("bulk").railService("express").build()
                .resolve(n, m, new PlaceIndex(n)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("rail_service");
                    assertThat(e.getMessage()).contains("block container trains").contains("bulk");
                });
        assertThatThrownBy(() -> RouteQuery.builder().from("A").to("B").parameter("rail_service", List.of("fast"))
                .build().resolve(n, m, new PlaceIndex(n)))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("rail_service"));
    }

    @Test
    void badExpressBlocksAreRefusedWithTheirField() {
        assertThatThrownBy(() -> costs("""
                profiles: {container: {modes: {rail: {express: {running_time_ratio: 1.5, speed_kmh_by_country: {CN: 500}}}}}}
                """)).isInstanceOfSatisfying(CostModelException.class, e -> assertThat(e.getMessage())
                .contains("profiles.container.modes.rail.express.running_time_ratio")
                .contains("profiles.container.modes.rail.express.speed_kmh_by_country.CN"));
        assertThatThrownBy(() -> costs("""
                profiles: {bulk: {modes: {rail: {express: {running_time_ratio: 0.7}}}}}
                """)).isInstanceOfSatisfying(CostModelException.class, e -> assertThat(e.getMessage())
                .contains("profiles.bulk.modes.rail.express").contains("block container trains"));
        assertThatThrownBy(() -> costs("""
                profiles: {container: {modes: {rail: {express: {running_time_ratio: 0.7, dwell: 3}}}}}
                """)).isInstanceOfSatisfying(CostModelException.class, e -> assertThat(e.getMessage())
                .contains("profiles.container.modes.rail.express.dwell"));
    }
}
