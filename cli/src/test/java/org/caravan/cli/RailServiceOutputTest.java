package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The wait for a regular rail service between countries (cost model rail_services) as the route command shows
 * it, on the embedded network: Xi'an to Tehran by rail takes the weekly China - Kazakhstan - Turkmenistan - Iran
 * container train.
 */
class RailServiceOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theTextAnswerListsTheServiceWaitAndItsTimeComponent() {
        CliRunner.Run run = CliRunner.run("route", "Xi'an", "Tehran", "--cargo", "container", "--modes", "rail",
                "--via", "Altynkol");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Rail services", "rail service cn_ir_via_kz_tm (1 departure a week",
                "expected wait", "service wait", "source (published, ", "one train a week");
    }

    @Test
    void theJsonTimelineHasOneIntervalServiceWaitCountedInTheFirstLegAndTheTotals() throws Exception {
        CliRunner.Run run = CliRunner.run("route", "Xi'an", "Tehran", "--cargo", "container", "--modes", "rail",
                "--via", "Altynkol", "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out()).path("routes").get(0);
        int waits = 0;
        double sum = 0;
        for (JsonNode t : r.path("timeline")) {
            sum += t.path("hours").asDouble();
            if (t.path("kind").asText().equals("service_wait") && t.path("name").asText().contains("cn_ir_via_kz_tm")) {
                waits++;
                assertThat(t.path("distribution").asText()).isEqualTo("interval");
                assertThat(t.path("departure_wait_interval_hours").asDouble()).isEqualTo(168.0);
                assertThat(t.path("leg").asInt()).isZero();
                assertThat(t.path("rail_service").path("id").asText()).isEqualTo("cn_ir_via_kz_tm");
                assertThat(t.path("rail_service").path("departures_per_week").asDouble()).isEqualTo(1.0);
                assertThat(t.path("rail_service").path("confidence").asText()).isEqualTo("published");
                assertThat(t.path("rail_service").path("source").asText()).contains("one train a week");
                // a weekly train, beyond the 12 h terminal dwell at Xi'an: (168 - 12)^2 / 336
                assertThat(t.path("hours").asDouble()).isCloseTo(156.0 * 156.0 / 336.0, within(0.01));
            }
        }
        assertThat(waits).isEqualTo(1);
        assertThat(sum).isCloseTo(r.path("totals").path("hours").asDouble(), within(0.1));
    }
}
