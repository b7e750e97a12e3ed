package org.caravan.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CapacitiesTest {
    private static InputStream csv(String s) { return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)); }

    private static final String VEHICLES = "cargo,t_per_truck,t_per_wagon,t_per_teu,confidence,source\n"
            + "bulk,25,65,,estimated,rule V\n";
    private static final String HEADER =
            "element_id,kind,direction,unit,capacity_per_day,date,confidence,source,url,note\n";

    @Test
    void embeddedRowsAllNameSourceAndConfidence() {
        Capacities caps = Capacities.embedded();
        assertThat(caps.all()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.source()).isNotBlank();
            assertThat(c.confidence()).isIn("published", "estimated", "calibrated");
            assertThat(c.perDay()).isPositive();
        });
        // rule rows are estimates, never labelled published
        assertThat(caps.all()).filteredOn(c -> c.elementId().endsWith("_default"))
                .allSatisfy(c -> assertThat(c.confidence()).isEqualTo("estimated"));
        assertThat(caps.lookup("x_pktor_afrkh_road", "reverse", "road_crossing_default"))
                .hasValueSatisfying(c -> {
                    assertThat(c.confidence()).isEqualTo("published");
                    assertThat(c.unit()).isEqualTo("trucks");
                });
    }

    @Test
    void crossingWithoutFigureFallsBackOnItsRule() {
        Capacities caps = Capacities.embedded();
        String rail = "x_kzdos_cnakl_rail";
        assertThat(caps.lookup(rail, "forward", Capacities.crossingRule(rail)))
                .hasValueSatisfying(c -> assertThat(c.elementId()).isEqualTo("rail_crossing_default"));
        assertThat(Capacities.crossingRule("x_kzdos_cnakl_road")).isEqualTo("road_crossing_default");
    }

    @Test
    void vehicleEquivalentsConvertTonnesPerYearToVehiclesPerDay() {
        Capacities.VehicleEquivalent bulk = Capacities.embedded().vehicleEquivalent("bulk").orElseThrow();
        double tonnes = 3_000_000;
        assertThat(bulk.vehiclesPerDay(tonnes, "trucks")).isCloseTo(tonnes / 365 / bulk.tPerTruck(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(bulk.vehiclesPerDay(tonnes, "wagons")).isLessThan(bulk.vehiclesPerDay(tonnes, "trucks"));
        assertThatThrownBy(() -> bulk.vehiclesPerDay(tonnes, "teu")).hasMessageContaining("bulk");
    }

    @Test
    void malformedRowsAreReportedWithFileLineAndField() {
        String bad = HEADER
                + "x_a_road,crossing,both,trucks,500,,estimated,rule C-road,,\n"
                + "x_b_road,crossing,sideways,trucks,500,,estimated,rule C-road,,\n"
                + "x_c_road,crossing,both,trucks,-3,,estimated,rule C-road,,\n"
                + "x_d_road,crossing,both,trucks,5,,guessed,,,\n"
                + "x_e_road,crossing\n";
        assertThatThrownBy(() -> Capacities.read(csv(bad), "caps.csv", csv(VEHICLES), "veh.csv"))
                .isInstanceOf(AssignmentInputException.class)
                .hasMessageContaining("caps.csv")
                .hasMessageContaining("line 3").hasMessageContaining("direction")
                .hasMessageContaining("line 4").hasMessageContaining("capacity_per_day")
                .hasMessageContaining("line 5").hasMessageContaining("confidence")
                .hasMessageContaining("line 6")
                .satisfies(e -> assertThat(((AssignmentInputException) e).problems())
                        .noneMatch(p -> p.location().equals("line 2")));
    }

    @Test
    void missingColumnIsNamed() {
        assertThatThrownBy(() -> Capacities.read(csv("element_id,kind\n"), "caps.csv", csv(VEHICLES), "veh.csv"))
                .hasMessageContaining("capacity_per_day").hasMessageContaining("missing column");
    }

    /**
     * A crossing with the Torkham capacity (1,200 trucks/day) observed over a 365-day period: the Akçelik wait
     * (docs/ASSIGNMENT.md) grows with demand; past capacity it tends to (T/2)(x-1), linear in demand.
     */
    @Test
    void queueAtCapacityLimitedCrossingGrowsWithDemandAsTheFormulaSays() {
        Capacities caps = Capacities.embedded();
        double c = caps.lookup("x_pktor_afrkh_road", "forward", "road_crossing_default").orElseThrow().perDay();
        double period = 365; // days
        double j = 0.5;
        double previous = -1;
        for (double x = 0.2; x <= 3.0; x += 0.2) {
            double v = x * c;
            double wait = VolumeDelay.QUEUE.cost(0, c, j, period, v);
            double z = x - 1;
            double expected = period / 4 * (z + Math.sqrt(z * z + 8 * j * x / (c * period)));
            assertThat(wait).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(wait).isGreaterThan(previous);
            previous = wait;
        }
        double over = VolumeDelay.QUEUE.cost(0, c, j, period, 2 * c);
        assertThat(over).isCloseTo(period / 2 * (2 - 1), org.assertj.core.data.Percentage.withPercentage(1));
    }
}
