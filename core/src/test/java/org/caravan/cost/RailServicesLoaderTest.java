package org.caravan.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caravan.network.Cargo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code rail_services} table (regular rail services between countries): loading and bad input. */
class RailServicesLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static final String ROW = "{from: [CN], to: [IR], departures_per_week: 1, source: s, confidence: published";

    @Test
    void everyShippedRowHasASourceAPublishedFrequencyAndKnownCountries() {
        List<RailService> rows = CostModelLoader.defaults().timetables().railServices();
        assertThat(rows).isNotEmpty();
        for (RailService s : rows) {
            assertThat(s.source()).as(s.id()).isNotBlank();
            assertThat(s.confidence()).as(s.id()).isEqualTo("published");
            assertThat(s.date()).as(s.id()).isNotBlank();
            assertThat(s.from()).as(s.id()).isNotEmpty().allSatisfy(c -> assertThat(c).matches("[A-Z]{2}"));
            assertThat(s.to()).as(s.id()).isNotEmpty().allSatisfy(c -> assertThat(c).matches("[A-Z]{2}"));
            assertThat(s.departuresPerWeek()).as(s.id()).isBetween(0.01, 168.0);
        }
    }

    @Test
    void aUserRowIsReadWithCountriesByAnyNameItsTimetableAndDefaults() throws Exception {
        Path f = write("svc.yaml", """
                rail_services:
                  test_row:
                    from: [China, KAZ]
                    to: [IR]
                    via: [Turkmenistan]
                    departures_per_week: 2
                    days: [tue, fri]
                    times: ["10:00"]
                    both_directions: true
                    source: "a publication"
                    date: "2024-05"
                    confidence: published
                """);
        RailService s = CostModelLoader.load(f).timetables().railServices().stream()
                .filter(r -> r.id().equals("test_row")).findFirst().orElseThrow();
        assertThat(s.from()).containsExactlyInAnyOrder("CN", "KZ");
        assertThat(s.to()).containsExactly("IR");
        assertThat(s.via()).containsExactly("TM");
        assertThat(s.cargo()).isEqualTo(Cargo.CONTAINER);
        assertThat(s.headwayHours()).isEqualTo(84.0);
        assertThat(s.timetable()).isNotNull();
        assertThat(s.departureWait().kind()).isEqualTo(Wait.Kind.TIMETABLE);
        assertThat(s.bothDirections()).isTrue();
        assertThat(s.matches("IR", "CN", List.of("IR", "TM", "KZ", "CN"), Cargo.CONTAINER)).isTrue();
        assertThat(s.matches("IR", "CN", List.of("IR", "AF", "CN"), Cargo.CONTAINER)).as("not via TM").isFalse();
        assertThat(s.matches("CN", "IR", List.of("CN", "TM", "IR"), Cargo.BULK)).as("another cargo").isFalse();
    }

    @Test
    void aUserFileRemovesAShippedRowWithNull() throws Exception {
        RailService first = CostModelLoader.defaults().timetables().railServices().get(0);
        Path f = write("off.yaml", "rail_services: {" + first.id() + ": null}\n");
        assertThat(CostModelLoader.load(f).timetables().railServices()).extracting(RailService::id)
                .doesNotContain(first.id());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not a mapping             | 'rail_services: [a, b]'                                                   | rail_services
            row not a mapping         | 'rail_services: {x: 5}'                                                   | rail_services.x
            unknown field             | 'rail_services: {x: ROW, colour: red}}'                                   | rail_services.x.colour
            unknown country           | 'rail_services: {x: {from: [Narnia], to: [IR], departures_per_week: 1, source: s, confidence: published}}' | rail_services.x.from
            from missing              | 'rail_services: {x: {to: [IR], departures_per_week: 1, source: s, confidence: published}}' | rail_services.x.from
            to not a list             | 'rail_services: {x: {from: [CN], to: IR, departures_per_week: 1, source: s, confidence: published}}' | rail_services.x.to
            empty to                  | 'rail_services: {x: {from: [CN], to: [], departures_per_week: 1, source: s, confidence: published}}' | rail_services.x.to
            unknown via country       | 'rail_services: {x: ROW, via: [XY]}}'                                     | rail_services.x.via
            frequency missing         | 'rail_services: {x: {from: [CN], to: [IR], source: s, confidence: published}}' | rail_services.x.departures_per_week
            frequency not a number    | 'rail_services: {x: {from: [CN], to: [IR], departures_per_week: weekly, source: s, confidence: published}}' | rail_services.x.departures_per_week
            zero frequency            | 'rail_services: {x: {from: [CN], to: [IR], departures_per_week: 0, source: s, confidence: published}}' | rail_services.x.departures_per_week
            frequency above hourly    | 'rail_services: {x: {from: [CN], to: [IR], departures_per_week: 500, source: s, confidence: published}}' | rail_services.x.departures_per_week
            unknown cargo             | 'rail_services: {x: ROW, cargo: reefer}}'                                 | rail_services.x.cargo
            bad day                   | 'rail_services: {x: ROW, days: [someday], times: ["10:00"]}}'             | rail_services.x.days
            days without times        | 'rail_services: {x: ROW, days: [tue]}}'                                   | rail_services.x.times
            times without days        | 'rail_services: {x: ROW, times: ["10:00"]}}'                              | rail_services.x.days
            bad time                  | 'rail_services: {x: ROW, days: [tue], times: ["10am"]}}'                  | rail_services.x.times
            timetable count mismatch  | 'rail_services: {x: ROW, days: [tue, fri], times: ["10:00"]}}'            | rail_services.x.departures_per_week
            both directions not bool  | 'rail_services: {x: ROW, both_directions: yes please}}'                   | rail_services.x.both_directions
            source missing            | 'rail_services: {x: {from: [CN], to: [IR], departures_per_week: 1, confidence: published}}' | rail_services.x.source
            confidence missing        | 'rail_services: {x: {from: [CN], to: [IR], departures_per_week: 1, source: s}}' | rail_services.x.confidence
            bad confidence            | 'rail_services: {x: {from: [CN], to: [IR], departures_per_week: 1, source: s, confidence: guessed}}' | rail_services.x.confidence
            """)
    void badRowsNameTheFileAndTheDottedField(String what, String yaml, String field) throws Exception {
        Path f = write("bad.yaml", yaml.replace("ROW", ROW));
        CostModelRefusals.assertRefused(f, what, field);
    }

    @Test
    void aBadRowNamesItsLine() throws Exception {
        Path f = write("located.yaml", """
                rail_services:
                  x:
                    from: [CN]
                    to: [IR]
                    departures_per_week: 0
                    source: s
                    confidence: published
                """);
        CostModelException e = catchThrowableOfType(CostModelException.class, () -> CostModelLoader.load(f));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("rail_services.x.departures_per_week");
            assertThat(p.location()).startsWith("line 5");
            assertThat(p.message()).contains("0.01").contains("168");
        });
    }
}
