package org.caravan.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The shipped set, data/observations/published.csv (read from the project tree, not from ../shared): it parses,
 * every row names its source and says what the source says, and every corridor of the network is covered.
 */
class ShippedObservationsTest {
    static final Path FILE = Path.of("..").resolve(ObservationFile.SHIPPED);

    @Test
    void parsesAndEveryRowHasASourceAndANote() throws Exception {
        List<Observation> obs = ObservationFile.read(FILE);
        assertThat(obs).hasSizeGreaterThanOrEqualTo(100);
        assertThat(obs).allSatisfy(o -> {
            assertThat(o.source()).as(o.id()).isNotBlank();
            assertThat(o.note()).as(o.id() + ": what the source says").isNotBlank();
            assertThat(o.date()).as(o.id()).isNotBlank();
            assertThat(o.corridor()).as(o.id()).isNotBlank();
        });
    }

    @Test
    void coversEveryCorridorAndTheThreeKindsOfFigure() throws Exception {
        List<Observation> obs = ObservationFile.read(FILE);
        Set<String> corridors = new TreeSet<>();
        Set<Quantity.Family> families = new TreeSet<>();
        for (Observation o : obs) {
            corridors.add(o.corridor());
            families.add(o.quantity().family());
        }
        assertThat(corridors).contains("trans-afghan", "iran-ports", "instc-east", "instc-west", "middle-corridor",
                "caspian-ferry", "china-central-asia", "cpec", "russia-central-asia", "turkey-btk");
        assertThat(families).contains(Quantity.Family.DISTANCE, Quantity.Family.TIME, Quantity.Family.COST);
    }

    @Test
    void validatesOnTheEmbeddedNetworkWithoutErrors() throws Exception {
        var router = new org.caravan.routing.Router(new org.caravan.io.NetworkLoader().loadEmbedded(),
                org.caravan.cost.CostModelLoader.defaults());
        ValidationReport r = new Validator(router).validate("published.csv", ObservationFile.read(FILE));
        assertThat(r.rows()).hasSize(ObservationFile.read(FILE).size());
        assertThat(r.evaluated()).isGreaterThan(r.rows().size() / 3);
        assertThat(r.rows()).filteredOn(RowResult::evaluated).allSatisfy(x -> {
            assertThat(x.caravan()).isPositive();
            assertThat(x.ratio()).isCloseTo(x.caravan() / x.observation().reference(),
                    org.assertj.core.api.Assertions.within(1e-9));
        });
    }
}
