package org.caravan.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caravan.scenario.ScenarioTestSupport.BASE;
import static org.caravan.scenario.ScenarioTestSupport.file;
import static org.caravan.scenario.ScenarioTestSupport.parse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.caravan.cost.CostModel;
import org.caravan.cost.CostModelException;
import org.caravan.cost.CostModelLoader;
import org.caravan.network.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one country convention in cost files and in a scenario's cost changes: alpha-2, alpha-3 and names agree. */
class CountryKeysTest {
    @TempDir Path dir;

    private CostModel costs(String key) throws Exception {
        Path f = dir.resolve("costs-" + key.replace(' ', '_') + ".yaml");
        Files.writeString(f, "profiles:\n  container:\n    modes:\n      rail: {per_km_usd_by_country: {" + key
                + ": 0.45}}\n");
        return CostModelLoader.load(f);
    }

    private static double railUz(CostModel m) {
        return m.profile("container").orElseThrow().modes().get(Mode.RAIL).perKmUsd("UZ");
    }

    @Test
    void costFileCountryKeysAcceptAlpha2Alpha3AndNames() throws Exception {
        double a2 = railUz(costs("UZ"));
        assertThat(a2).isEqualTo(0.45);
        assertThat(railUz(costs("UZB"))).isEqualTo(a2);
        assertThat(railUz(costs("Uzbekistan"))).isEqualTo(a2);
        assertThat(railUz(costs("uzbekistan"))).isEqualTo(a2);
        // the override replaces the default's UZ entry, it is not a second key next to it
        assertThat(costs("UZB").profile("container").orElseThrow().modes().get(Mode.RAIL).perKmUsdByCountry())
                .doesNotContainKey("UZB");
    }

    @Test
    void anUnknownCountryKeyIsRefusedNamingThePath() {
        assertThatThrownBy(() -> costs("Narnia")).isInstanceOf(CostModelException.class)
                .hasMessageContaining("per_km_usd_by_country.Narnia").hasMessageContaining("Narnia");
    }

    @Test
    void scenarioCostChangesAcceptEverySpellingAndRefuseUnknownCountries() throws Exception {
        String yaml = "  costs:\n    profiles:\n      container: {modes: {rail: {per_km_usd_by_country: {%s: 0.45}}}}\n";
        ScenarioRun a2 = ScenarioOverlay.apply(BASE, parse(file(yaml.formatted("UZ"))));
        ScenarioRun a3 = ScenarioOverlay.apply(BASE, parse(file(yaml.formatted("UZB"))));
        ScenarioRun name = ScenarioOverlay.apply(BASE, parse(file(yaml.formatted("Uzbekistan"))));
        assertThat(railUz(a3.costs())).isEqualTo(railUz(a2.costs())).isEqualTo(0.45);
        assertThat(railUz(name.costs())).isEqualTo(0.45);
        assertThatThrownBy(() -> parse(file(yaml.formatted("Narnia")))).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("per_km_usd_by_country.Narnia");
    }
}
