package org.caravan.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.caravan.chart.ValidationChart;
import org.junit.jupiter.api.Test;

/**
 * The chart of {@code validate --chart} on the core's hand-made validation fixture (in this package so that it can
 * use the core test jar's package-private {@code Fixture}): six observations, five evaluated.
 */
class ValidationChartTest {
    private final ValidationReport report = new Validator(Fixture.router()).validate("fixture.csv",
            Fixture.observations("fixture.csv"));

    @Test
    void theChartHasOnePointPerEvaluatedRowInSvgAndPng() {
        var chart = ValidationChart.of(report);
        assertThat(chart.points()).hasSize(5);
        assertThat(chart.points()).extracting(p -> p.label()).anyMatch(l -> l.startsWith("o3: Almaty → Taraz"));
        String svg = chart.svg("test");
        assertThat(svg).startsWith("<?xml").contains("<svg").endsWith("</svg>\n");
        assertThat(svg.split("<circle class=\"obs\"", -1).length - 1).isEqualTo(5);
        byte[] png = chart.png("test");
        assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }
}
