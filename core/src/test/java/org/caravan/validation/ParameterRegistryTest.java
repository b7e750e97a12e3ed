package org.caravan.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caravan.cost.CostModelLoader;
import org.junit.jupiter.api.Test;

/** The registry finds parameters by key path and stays in step with the real defaults.yaml. */
class ParameterRegistryTest {
    private final ParameterRegistry registry = ParameterRegistry.embedded();

    @Test
    void globsMatchSegmentsAndAnyDepth() {
        assertThat(ParameterRegistry.matches("profiles.*.modes.*.speed_kmh", "profiles.bulk.modes.rail.speed_kmh"))
                .isTrue();
        assertThat(ParameterRegistry.matches("profiles.*.modes.*.speed_kmh", "profiles.bulk.modes.speed_kmh"))
                .isFalse();
        assertThat(ParameterRegistry.matches("**.*dwell*_hours", "profiles.bulk.rail.origin_dwell_hours")).isTrue();
        assertThat(ParameterRegistry.matches("**.*dwell*_hours", "dwell_hours")).isTrue();
        assertThat(ParameterRegistry.matches("**.*dwell*_hours", "profiles.bulk.dwell_hours_by_port.IRBND"))
                .isFalse();
        assertThat(ParameterRegistry.matches("**.*_usd", "profiles.bulk.modes.road.per_km_usd")).isTrue();
        assertThat(ParameterRegistry.matches("**.*_usd", "profiles.bulk.value_of_time_usd_per_hour")).isFalse();
        assertThat(ParameterRegistry.matches("**.*_usd", "profiles.bulk.transship.default.usd")).isFalse();
    }

    @Test
    void everyDefaultFollowingTheNamingRulesIsInItsGroup() {
        Map<String, Double> leaves = ParameterRegistry.numericLeaves(CostModelLoader.readDefaults());
        assertThat(leaves).isNotEmpty().doesNotContainKey("reliability.seed");
        for (String path : leaves.keySet()) {
            String last = path.substring(path.lastIndexOf('.') + 1);
            String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
            String key = parent.substring(parent.lastIndexOf('.') + 1).contains("_by_")
                    ? parent.substring(parent.lastIndexOf('.') + 1) : last;
            String expected = key.startsWith("speed_kmh") || key.endsWith("speed_kmh") || key.contains("speed_kmh_by_")
                    ? "speeds"
                    : (key.contains("dwell") && key.contains("_hours")) ? "dwell"
                    : (key.contains("wait") && key.contains("_hours")) ? "waits"
                    : key.endsWith("_usd") || key.contains("_usd_by_") ? "rates" : null;
            if (expected == null) continue;
            assertThat(registry.entryFor(path)).as(path).isPresent();
            assertThat(registry.entryFor(path).get().group()).as(path).isEqualTo(expected);
        }
    }

    @Test
    void eachGroupFindsParametersInTheDefaultsWithinBoundsAroundThem() {
        var tree = CostModelLoader.readDefaults();
        for (String group : List.of("speeds", "dwell", "rates", "co2")) {
            List<ParameterRegistry.Parameter> ps = registry.find(tree, Set.of(group));
            assertThat(ps).as(group).isNotEmpty();
            assertThat(ps).allSatisfy(p -> {
                assertThat(p.lower()).as(p.path()).isPositive().isLessThanOrEqualTo(p.initial());
                assertThat(p.upper()).as(p.path()).isGreaterThanOrEqualTo(p.initial());
                assertThat(p.group()).isEqualTo(group);
            });
        }
        assertThat(registry.find(tree, Set.of("speeds"))).extracting(ParameterRegistry.Parameter::path)
                .contains("profiles.container.modes.rail.speed_kmh", "profiles.bulk.modes.road.speed_kmh_by_country.AF");
        assertThat(registry.find(tree, Set.of("rates"))).extracting(ParameterRegistry.Parameter::path)
                .contains("profiles.container.transship.default.handling_usd", "profiles.bulk.modes.rail.per_km_usd_by_country.KZ")
                .doesNotContain("profiles.bulk.value_of_time_usd_per_hour");
    }

    @Test
    void aNinetiethPercentileIsNotFittedButTiedToItsMean() {
        var tree = CostModelLoader.readDefaults();
        List<ParameterRegistry.Parameter> waits = registry.find(tree, Set.of("waits"));
        assertThat(waits).extracting(ParameterRegistry.Parameter::path)
                .noneMatch(p -> p.endsWith("p90_wait_hours"))
                .contains("crossings.x_pk_gabd_ir_rimdan_road.forward.wait_hours");
        var mean = waits.stream().filter(p -> p.path().equals("crossings.x_pk_gabd_ir_rimdan_road.forward.wait_hours"))
                .findFirst().orElseThrow();
        assertThat(mean.tied()).extracting(ParameterRegistry.Tied::path)
                .containsExactly("crossings.x_pk_gabd_ir_rimdan_road.forward.p90_wait_hours");
        var p90 = mean.tied().get(0);
        assertThat(p90.initial()).isEqualTo(tree.at("/crossings/x_pk_gabd_ir_rimdan_road/forward/p90_wait_hours")
                .asDouble());
        // Half the mean: half the p90, the ratio kept.
        assertThat(p90.value(mean.initial(), mean.initial() / 2)).isCloseTo(p90.initial() / 2,
                org.assertj.core.api.Assertions.within(1e-9));
        // Every p90 in the defaults follows a wait that is fitted, so none is left behind when its mean moves.
        long p90s = ParameterRegistry.numericLeaves(tree).keySet().stream()
                .filter(k -> k.endsWith(".p90_wait_hours") && tree.at("/" + k.substring(0, k.lastIndexOf('.'))
                        .replace('.', '/') + "/wait_hours").asDouble() > 0).count();
        assertThat(waits.stream().mapToLong(w -> w.tied().size()).sum()).isEqualTo(p90s);
    }

    @Test
    void theProfileOfAParameterIsTheSegmentAfterProfiles() {
        var p = new ParameterRegistry.Parameter("profiles.bulk.modes.rail.speed_kmh", "speeds", 30, 10, 60, "");
        assertThat(p.profile()).contains("bulk");
        assertThat(new ParameterRegistry.Parameter("co2_kg_per_tonne_km.rail", "co2", 1, 1, 1, "").profile()).isEmpty();
    }
}
