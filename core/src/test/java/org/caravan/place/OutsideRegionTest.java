package org.caravan.place;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.caravan.io.NetworkLoader;
import org.junit.jupiter.api.Test;

class OutsideRegionTest {
    private final PlaceIndex places = newIndex();

    private static PlaceIndex newIndex() {
        try {
            return new PlaceIndex(new NetworkLoader().loadEmbedded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCapitalOutsideTheRegionIsToldSoWithoutSuggestions() {
        assertThatThrownBy(() -> places.resolve("London", "to"))
                .hasMessageContaining("London, United Kingdom (GB)")
                .hasMessageContaining("outside the network's region")
                .hasMessageNotContaining("did you mean");
    }

    @Test
    void aTypoOfAPlaceInTheRegionStillGetsSuggestions() {
        assertThatThrownBy(() -> places.resolve("Karachii", "to")).hasMessageContaining("did you mean");
    }

    @Test
    void aTownOfTheRegionThatIsNotANodeGetsTheNearestNetworkPlacesWithDistances() {
        // Leninobod (Natural Earth populated place, TJ, 11,000 people) is not a node; Khujand and its neighbours are
        assertThatThrownBy(() -> places.resolve("Leninobod", "from"))
                .hasMessageContaining("Leninobod, Tajikistan (TJ), a town that is not a place of the network")
                .hasMessageMatching("(?s).*nearest places of the network: .*\\(\\w+, TJ, [a-z ]+\\) \\d+ km.*")
                .hasMessageNotContaining("did you mean");
    }

    @Test
    void nearestPlacesAreSortedByDistance() {
        var near = places.nearest(37.9212, 69.7757, 3);
        org.assertj.core.api.Assertions.assertThat(near).hasSize(3);
        var km = near.stream().map(s -> Long.parseLong(s.replaceAll(".* (\\d+) km$", "$1"))).toList();
        org.assertj.core.api.Assertions.assertThat(km).isSorted();
    }
}
