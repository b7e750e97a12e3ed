package org.caravan.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.caravan.network.Limits;
import org.caravan.testing.Mutation;
import org.caravan.testing.Refusals;

/**
 * Generative test of OD demand files: the embedded main OD list, damaged by {@link Mutation}s. No unchecked
 * exception; either every pair with tonnes in range, or a refusal whose every problem names file, line and field.
 */
class OdFileMutationProperties {
    static final String NAME = "od.csv";
    static final byte[] EMBEDDED = resource(OdFile.EMBEDDED);

    @Provide
    Arbitrary<List<Mutation>> mutations() { return Mutation.some(); }

    @Property(tries = 10_000)
    void anyDamageGivesEveryPairOrARefusalNamingFileLineAndField(@ForAll("mutations") List<Mutation> mutations) {
        List<OdPair> pairs;
        try {
            pairs = OdFile.read(Mutation.applyAll(EMBEDDED, mutations), NAME);
        } catch (OdFileException e) {
            Refusals.assertLocated(e.problems(), List.of(NAME), Refusals.CSV_LINE);
            return;
        }
        assertThat(pairs).isNotEmpty().allSatisfy(p -> {
            assertThat(p.from()).isNotBlank();
            assertThat(p.to()).isNotBlank();
            assertThat(Limits.TONNES_PER_YEAR.contains(p.tonnes())).isTrue();
        });
    }

    static byte[] resource(String name) {
        try (InputStream in = OdFileMutationProperties.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
