package org.caravan.place;

import static org.assertj.core.api.Assertions.assertThat;

import org.caravan.io.NetworkLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Short names and spelling variants from data-build/place_aliases.csv resolve to their node (#14 s3). */
class PlaceAliasesTest {
    private static final PlaceIndex PLACES = newIndex();

    private static PlaceIndex newIndex() {
        try {
            return new PlaceIndex(new NetworkLoader().loadEmbedded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "Mazar, AFMZR", "Mazari Sharif, AFMZR", "Mazar-e-Sharif, AFMZR", "mazar i sharif, AFMZR",
            "Bandar-e Abbas, IRBND", "Bender Abbas, IRBND", "Bandar Abbas, IRBND",
            "Shahid Rajaei, IRSRP", "Rajaee port, IRSRP",
            "Khorgos Eastern Gate, KZHOR", "Khorgos (KZ), KZHOR", "Khorgos (CN), CNHRS",
            "Druzhba, KZDOS", "Dostyk, KZDOS", "Alashan'kou, CNAKL",
            "Turgundi, AFTOW", "Torghondi, AFTOW", "Torgundi, AFTOW", "Towraghondi, AFTOW",
            "Serhetabad, TMKUK", "Ashgabad, TMAGT", "Turkmenbashy, TMKRW", "Urumchi, CNURM", "Alyat, AZALA",
            "Shirkhan Bandar, AFSHE", "Eslam Qaleh, AFISQ", "Islam Qalah, AFISQ", "Nizhny Pyanj, tj_nizhny_panj",
            "Hairaton, AFHRT", "Moyinty, st_kz_1843860384", "Moiynty, st_kz_1843860384",
            "Langfang, CNLFZ", "Jinhua, CNJHA", "CNLFZ, CNLFZ", "CNJHA, CNJHA"
    })
    void aliasResolvesToItsNode(String query, String id) {
        assertThat(PLACES.resolve(query, "from").id()).isEqualTo(id);
    }
}
