package org.caravan.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.caravan.testing.Mutation;
import org.caravan.testing.Refusals;

/**
 * Generative test of risk files: the shipped register (countries.yaml), damaged by {@link Mutation}s and read as a
 * user's risk file. No unchecked exception; a whole register or a refusal naming file and field (or position).
 */
class RiskFileMutationProperties {
    static final String NAME = "risk.yaml";
    static final byte[] SHIPPED = resource(RiskRegisterLoader.DEFAULTS_RESOURCE);

    @Provide
    Arbitrary<List<Mutation>> mutations() { return Mutation.some(); }

    @Property(tries = 10_000)
    void anyDamageGivesARegisterOrARefusalNamingFileAndField(@ForAll("mutations") List<Mutation> mutations) {
        try {
            RiskRegisterLoader.load(Mutation.applyAll(SHIPPED, mutations), NAME);
        } catch (RiskRegisterException e) {
            Refusals.assertFieldOrPosition(e.problems(), List.of(NAME));
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = RiskFileMutationProperties.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
