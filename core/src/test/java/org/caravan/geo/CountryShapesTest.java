package org.caravan.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CountryShapesTest {
    private static CountryShapes square(String props) throws Exception {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{" + props
                + "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,0],[10,10],[0,10],[0,0]]]}}]}";
        return CountryShapes.fromGeoJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bundledShapesCoverTheCorridor() {
        CountryShapes ne = CountryShapes.naturalEarth();
        assertThat(ne).isSameAs(CountryShapes.naturalEarth());
        assertThat(ne.countries()).contains("KZ", "CN", "UZ", "TM", "AF", "PK", "IR", "AZ", "GE", "TR", "RU")
                .doesNotContain("DE", "XX", "-99");
        assertThat(ne.isWithin("KZ", 76.9286, 43.2567, 0)).isTrue();      // Almaty
        assertThat(ne.isWithin("KZ", 87.617, 43.825, 0.3)).isFalse();     // Urumqi
        assertThat(ne.countryAt(87.617, 43.825)).contains(new CountryShapes.Country("CN", "China"));
        assertThat(ne.countryAt(50.5, 42.0)).isEmpty();                    // Caspian Sea
        assertThat(ne.isWithin("DE", 0, 0, 0)).as("uncovered codes cannot be checked").isTrue();
    }

    @Test
    void toleranceIsADistanceInDegrees() throws Exception {
        CountryShapes s = square("\"ISO_A2\":\"AA\",\"NAME\":\"Squareland\"");
        assertThat(s.isWithin("AA", 5, 5, 0)).isTrue();
        assertThat(s.isWithin("AA", 10, 5, 0)).as("the boundary is inside").isTrue();
        assertThat(s.isWithin("AA", 10.2, 5, 0.3)).isTrue();
        assertThat(s.isWithin("AA", 10.2, 5, 0.05)).isFalse();
        assertThat(s.countryAt(5, 5)).contains(new CountryShapes.Country("AA", "Squareland"));
    }

    @Test
    void minus99CodesFallBackToIsoA2EhThenAdm0A3() throws Exception {
        assertThat(square("\"ISO_A2\":\"-99\",\"ISO_A2_EH\":\"FR\",\"ADM0_A3\":\"FRA\"").countries()).containsExactly("FR");
        assertThat(square("\"ISO_A2\":\"-99\",\"ADM0_A3\":\"NOR\"").countries()).containsExactly("NO");
        CountryShapes disputed = square("\"ISO_A2\":\"-99\",\"ADM0_A3\":\"CYN\",\"NAME\":\"N. Cyprus\"");
        assertThat(disputed.countries()).isEmpty();
        assertThat(disputed.countryAt(5, 5)).contains(new CountryShapes.Country("", "N. Cyprus"));
    }
}
