package org.caravan.country;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CountriesTest {
    private final Countries countries = Countries.embedded();

    @ParameterizedTest
    @ValueSource(strings = {"AF", "af", "AFG", "afg", "004", "4", "Afghanistan", "AFGHANISTAN", "afghanistan ",
        "Islamic Republic of Afghanistan", "Afġānistān", "Afganistan", "Afghan"})
    void everyWayOfNamingAfghanistanGivesTheSameCountry(String input) {
        Country c = countries.resolve(input);
        assertThat(c.alpha2()).isEqualTo("AF");
        assertThat(c.alpha3()).isEqualTo("AFG");
        assertThat(c.label()).isEqualTo("Afghanistan (AF)");
    }

    @Test
    void aliasesAndDiacriticsResolve() {
        assertThat(countries.resolve("Turkey").alpha2()).isEqualTo("TR");
        assertThat(countries.resolve("turkiye").alpha2()).isEqualTo("TR");
        assertThat(countries.resolve("Türkiye").alpha2()).isEqualTo("TR");
        assertThat(countries.resolve("UK").alpha2()).isEqualTo("GB");
        assertThat(countries.resolve("the United Arab Emirates").alpha2()).isEqualTo("AE");
        assertThat(countries.resolve("Russian Federation").alpha2()).isEqualTo("RU");
        assertThat(countries.resolve("Iran, Islamic Republic of").alpha2()).isEqualTo("IR");
        assertThat(countries.resolve("Kyrgyz Republic").alpha2()).isEqualTo("KG");
        assertThat(countries.resolve("XX")).isEqualTo(Country.INTERNATIONAL_WATERS);
    }

    @Test
    void aTypoIsRefusedWithSuggestions() {
        assertThatThrownBy(() -> countries.resolve("Afghanstan"))
                .isInstanceOf(UnknownCountryException.class)
                .hasMessageContaining("unknown country 'Afghanstan'")
                .hasMessageContaining("Afghanistan (AF, AFG)");
        assertThatThrownBy(() -> countries.resolve("Kazakstn"))
                .hasMessageContaining("Kazakhstan (KZ, KAZ)");
        assertThatThrownBy(() -> countries.resolve("QQ")).isInstanceOf(UnknownCountryException.class);
        assertThatThrownBy(() -> countries.resolve(" ")).hasMessageContaining("empty country");
    }

    @Test
    void aTownOutsideTheNetworkIsKnownWithItsCountry() {
        WorldPlaces.Place london = WorldPlaces.embedded().find("London").orElseThrow();
        assertThat(london.country().alpha2()).isEqualTo("GB");
        assertThat(london.inRegion()).isFalse();
        WorldPlaces.Place herat = WorldPlaces.embedded().find("herat").orElseThrow();
        assertThat(herat.country().alpha2()).isEqualTo("AF");
        assertThat(herat.inRegion()).isTrue();
        assertThat(WorldPlaces.embedded().find("Nowhereville")).isEmpty();
    }
}
