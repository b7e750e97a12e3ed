package org.caravan.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class YamlLocationsTest {
    private static YamlLocations of(String text) { return YamlLocations.of(text.getBytes(StandardCharsets.UTF_8)); }

    @Test
    void fieldsAndListElementsHaveTheirLineAndColumn() {
        YamlLocations l = of("id: x\nchanges:\n  avoid: [AF, IR]\n  penalties:\n    IR: 500\n  close:\n    - Torkham\n");
        assertThat(l.of("id")).isEqualTo("line 1, column 1");
        assertThat(l.of("changes.avoid")).isEqualTo("line 3, column 3");
        assertThat(l.of("changes.avoid[1]")).isEqualTo("line 3, column 15");
        assertThat(l.of("changes.penalties.IR")).isEqualTo("line 5, column 5");
        assertThat(l.of("changes.close[0]")).isEqualTo("line 7, column 7");
    }

    @Test
    void aMissingFieldIsPlacedAtItsNearestEnclosingField() {
        YamlLocations l = of("changes:\n  links:\n    ferry_x: {}\n");
        assertThat(l.of("changes.links.ferry_x.km")).isEqualTo("line 3, column 5");
        assertThat(l.of("title")).isEmpty();
    }

    @Test
    void jsonFilesToo() {
        YamlLocations l = of("{\"id\": \"x\",\n \"changes\": {\"avoid\": [\"AF\"]}}");
        assertThat(l.of("changes.avoid[0]")).isEqualTo("line 2, column 24");
    }

    @Test
    void brokenInputGivesWhatItCanAndNeverThrows() {
        assertThat(of("a: [1, 2\n").of("a")).isEqualTo("line 1, column 1");
        assertThat(YamlLocations.none().of("a")).isEmpty();
    }
}
