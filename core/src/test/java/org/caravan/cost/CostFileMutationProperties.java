package org.caravan.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.caravan.io.YamlOverlay;
import org.caravan.network.Problem;
import org.caravan.testing.Mutation;
import org.caravan.testing.Refusals;

/**
 * Generative test of cost files: the shipped defaults.yaml, damaged by {@link Mutation}s, read as a user's
 * {@code --costs} file is ({@link CostModelLoader#load}: parsed by {@link YamlOverlay}, merged over the defaults,
 * checked). Whatever the damage: no unchecked exception, a whole cost model or a refusal naming file and field
 * (or line and column). Seeded from the shipped file, so schema changes reach the generator by themselves.
 */
class CostFileMutationProperties {
    static final String NAME = "costs.yaml";
    static final byte[] DEFAULTS = resource(CostModelLoader.DEFAULTS_RESOURCE);
    /** Parsed once: the loader reads the defaults afresh on every call, which would dominate 10,000 tries. */
    static final ObjectNode DEFAULT_TREE = CostModelLoader.readDefaults();

    @Provide
    Arbitrary<List<Mutation>> mutations() { return Mutation.some(); }

    @Property(tries = 10_000)
    void anyDamageGivesACostModelOrARefusalNamingFileAndField(@ForAll("mutations") List<Mutation> mutations) {
        byte[] bytes = Mutation.applyAll(DEFAULTS, mutations);
        try {
            CostModel m = load(bytes);
            if (m.profileNames().isEmpty()) throw new AssertionError("a cost model without profiles was accepted");
        } catch (CostModelException e) {
            Refusals.assertFieldOrPosition(e.problems(), List.of(NAME));
        }
    }

    /** What {@link CostModelLoader#load(java.nio.file.Path)} does with a file's bytes. */
    private static CostModel load(byte[] bytes) throws CostModelException {
        JsonNode tree;
        try {
            tree = YamlOverlay.parse(bytes);
        } catch (YamlOverlay.InputException e) {
            throw new CostModelException(List.of(new Problem(NAME, e.location(), "", e.getMessage())));
        }
        ObjectNode user = tree instanceof ObjectNode o ? o : YamlOverlay.YAML.createObjectNode();
        if (tree != null && !tree.isNull() && !tree.isMissingNode() && !tree.isObject()) {
            throw new CostModelException(List.of(new Problem(NAME, "line 1", "", "expected a mapping")));
        }
        return CostModelLoader.fromTree(YamlOverlay.merge(DEFAULT_TREE.deepCopy(),
                CostModelLoader.withSources(user, "user cost file " + NAME)), NAME);
    }

    static byte[] resource(String name) {
        try (InputStream in = CostFileMutationProperties.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
