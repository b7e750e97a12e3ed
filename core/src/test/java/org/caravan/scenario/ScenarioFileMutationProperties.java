package org.caravan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.caravan.io.YamlOverlay;
import org.caravan.testing.Mutation;
import org.caravan.testing.Refusals;

/**
 * Generative test of the scenario loader: the shipped examples, as YAML and as JSON, damaged by {@link Mutation}s.
 * Whatever the damage: no unchecked exception, and either a scenario that runs (the loader builds its overlay
 * before answering) or a refusal whose every problem names the file and the field or the line and column.
 */
class ScenarioFileMutationProperties {
    static final ScenarioBase BASE = ScenarioBase.embedded();
    static final String NAME = "scenario.yaml";
    static final List<String> SEEDS = seeds();

    private static List<String> seeds() {
        List<String> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String id : ScenarioLoader.EXAMPLES) {
            String yaml = ScenarioLoader.exampleText(id);
            out.add(yaml);
            try {
                out.add(json.writerWithDefaultPrettyPrinter().writeValueAsString(
                        YamlOverlay.parse(yaml.getBytes(StandardCharsets.UTF_8))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return List.copyOf(out);
    }

    @Provide
    Arbitrary<String> seedFiles() { return Arbitraries.of(SEEDS); }

    @Provide
    Arbitrary<List<Mutation>> mutations() { return Mutation.some(); }

    @Property(tries = 10_000)
    void anyDamageGivesARunnableScenarioOrARefusalNamingFileAndField(@ForAll("seedFiles") String seed,
            @ForAll("mutations") List<Mutation> mutations) {
        byte[] bytes = Mutation.applyAll(seed.getBytes(StandardCharsets.UTF_8), mutations);
        Scenario s;
        try {
            s = ScenarioLoader.read(bytes, NAME, BASE);
        } catch (ScenarioException e) {
            Refusals.assertFieldOrPosition(e.problems(), List.of(NAME));
            return;
        }
        assertThat(s.id()).matches("[a-z0-9][a-z0-9-]*");
        assertThat(s.title()).isNotBlank();
    }
}
