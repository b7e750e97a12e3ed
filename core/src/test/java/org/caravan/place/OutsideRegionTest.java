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
}
