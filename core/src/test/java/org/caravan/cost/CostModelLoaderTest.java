package org.caravan.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caravan.network.Mode;
import org.caravan.network.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CostModelLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    // ------------------------------------------------------------------ defaults

    @Test
    void defaultsLoadWithTheDocumentedValues() {
        CostModel m = CostModelLoader.defaults();
        assertThat(m.profileNames()).containsExactly("bulk", "container");
        // CO2 factors live in the profiles now (GLEC v3, TTW and WTW); no flat fallback is shipped
        assertThat(m.co2KgPerTonneKm()).isEmpty();
        ModeRates.Emissions ferry = m.profile("container").orElseThrow().rates(Mode.FERRY).emissions();
        assertThat(ferry.ttwKgPerTonneKm()).isEqualTo(0.1064);
        assertThat(ferry.wtwKgPerTonneKm()).isEqualTo(0.1248);
        assertThat(m.profile("bulk").orElseThrow().cargoClass()).isEqualTo(org.caravan.network.Cargo.BULK);
        assertThat(m.profile("container").orElseThrow().cargoClass()).isEqualTo(org.caravan.network.Cargo.CONTAINER);

        CargoProfile bulk = m.profile("bulk").orElseThrow();
        assertThat(bulk.unit()).isEqualTo("tonne");
        assertThat(bulk.tonnesPerUnit()).isEqualTo(1.0);
        assertThat(bulk.valueOfTimeUsdPerHour()).isEqualTo(0.004);
        assertThat(bulk.unitsPerVehicle()).isEqualTo(Map.of(Mode.ROAD, 20.0, Mode.RAIL, 65.0, Mode.SEA, 1000.0,
                Mode.FERRY, 60.0));
        ModeRates road = bulk.rates(Mode.ROAD);
        assertThat(road.fixedUsd()).isEqualTo(3.0);
        assertThat(road.perKmUsd("TR")).isEqualTo(0.062);
        assertThat(road.perKmUsd("CN")).isEqualTo(0.204);
        assertThat(road.perKmUsd("KG")).isEqualTo(0.189);
        assertThat(road.speedKmh("TJ")).isEqualTo(34.6);
        assertThat(road.perKmUsd("KZ")).isEqualTo(0.15);
        assertThat(road.perKmUsd("PK")).isEqualTo(0.058);
        assertThat(road.speedKmh("AF")).isEqualTo(33.7);
        assertThat(road.speedKmh("KZ")).isEqualTo(42.0);
        assertThat(road.timing().drivingHoursPerDay("KZ")).isEqualTo(9.0);
        assertThat(road.driving()).isEqualTo(org.caravan.cost.DrivingRules.AETR);
        assertThat(road.timing().drivingHoursPerDay("PK")).isEqualTo(24.0);
        assertThat(bulk.rates(Mode.RAIL).speedKmh("KZ")).isEqualTo(15.0);
        assertThat(bulk.rates(Mode.RAIL).timing().originDwellHours("KZ")).isEqualTo(12.0);
        assertThat(bulk.rates(Mode.RAIL).timing().supplyHours("KZ")).isEqualTo(24.0);
        assertThat(bulk.rates(Mode.RAIL).timing().formationHours("KZ")).isEqualTo(12.0);
        assertThat(bulk.rates(Mode.RAIL).timing().originTotalHours("KZ")).isEqualTo(48.0);
        assertThat(bulk.transship(Mode.RAIL, Mode.ROAD)).isEqualTo(new Handling(8.0, 24, 1.0));
        assertThat(bulk.transship(Mode.SEA, Mode.RAIL)).isEqualTo(new Handling(10.0, 48, 1.5));
        assertThat(bulk.gaugeChange()).isEqualTo(new Handling(5.1, 12, 0.5));
        assertThat(bulk.transshipAt("IRSRP", Mode.RAIL, Mode.SEA)).isEqualTo(new Handling(12.0, 96, 1.5));
        assertThat(bulk.perUnit(100, Mode.ROAD)).isEqualTo(5.0);

        CargoProfile box = m.profile("container").orElseThrow();
        assertThat(box.unit()).isEqualTo("40ft box");
        assertThat(box.tonnesPerUnit()).isEqualTo(20.0);
        assertThat(box.valueOfTimeUsdPerHour()).isEqualTo(0.8);
        assertThat(box.rates(Mode.FERRY).fixedUsd()).isEqualTo(600.0);
        // KTZ's published 2010 export tariffs (tariffs.yaml, rule R-tkm): 40-foot box 0.79 USD/km, grain 0.0115 USD/t-km
        assertThat(box.rates(Mode.RAIL).perKmUsd("KZ")).isEqualTo(0.79);
        assertThat(bulk.rates(Mode.RAIL).perKmUsd("KZ")).isEqualTo(0.0115);
        assertThat(m.sourceOf("profiles.bulk.modes.rail.per_km_usd_by_country.KZ")).isPresent();
        assertThat(box.rates(Mode.RAIL).speedKmh("KZ")).isEqualTo(53.0);
        assertThat(box.transship(Mode.ROAD, Mode.SEA)).isEqualTo(new Handling(180, 48, 1.5));
        assertThat(box.transship(Mode.FERRY, Mode.RAIL)).isEqualTo(new Handling(120, 24, 1.0));
        assertThat(box.gaugeChange()).isEqualTo(new Handling(329, 12, 0.5));
        assertThat(m.timetables().crossing("x_pktor_afrkh_road").forward().waitHours()).isEqualTo(24.2);
        // 144 rail-ferry departures Turkmenbashi-Baku in January-May 2023 (Neutral Turkmenistan via nCa): every 25 h
        assertThat(m.timetables().service("ferry_tmkrw_azala").departureWait().meanHours()).isEqualTo(12.5);
        // CPMM's Kazakhstan rail crossing time already counts the gauge change at the KZ-CN border stations
        assertThat(box.gaugeChangeAt("kz_altynkol")).isEqualTo(new Handling(329, 0, 0.5));
        assertThat(box.gaugeChangeAt("Akhalkalaki-not-a-node")).isEqualTo(new Handling(329, 12, 0.5));
        assertThat(m.profile("pallet")).isEmpty();
    }

    @Test
    void everyNumericLeafOfTheDefaultsHasASource() {
        CostModel m = CostModelLoader.defaults();
        ObjectNode tree = CostModelLoader.readDefaults();
        List<String> leaves = new ArrayList<>();
        for (String top : List.of("profiles", "crossings", "services", "utc_offset_hours", "reliability")) {
            collectLeaves(tree.get(top), top, leaves);
        }
        // sanity: the walk really sees the tree, the place tables included
        assertThat(leaves).contains("profiles.bulk.modes.road.per_km_usd_by_country.KZ",
                "profiles.container.transship.rail-sea.dwell_hours", "profiles.bulk.units_per_vehicle.sea",
                "crossings.x_pktor_afrkh_road.reverse.wait_hours", "services.ferry_kzaau_azala.departure_wait_interval_hours",
                "profiles.container.modes.ferry.co2_wtw_kg_per_tonne_km");
        assertThat(leaves).hasSizeGreaterThan(300);
        List<String> missing = leaves.stream().filter(p -> m.sourceOf(p).isEmpty()).toList();
        assertThat(missing).as("numeric defaults without a source").isEmpty();
        for (String p : leaves) {
            CostModel.Source s = m.sourceOf(p).orElseThrow();
            assertThat(s.source()).as(p).isNotBlank();
            assertThat(s.confidence()).as(p).isIn("published", "estimated", "calibrated");
        }
    }

    @Test
    void everySourceEntryPointsAtAnExistingPath() {
        ObjectNode tree = CostModelLoader.readDefaults();
        CostModel m = CostModelLoader.defaults();
        for (String path : m.sources().keySet()) {
            JsonNode node = tree;
            for (String part : path.split("\\.")) node = node == null ? null : node.get(part);
            assertThat(node).as("source for a path that does not exist: %s", path).isNotNull();
        }
    }

    @Test
    void sourceOfUsesTheLongestPrefix() {
        CostModel m = CostModelLoader.defaults();
        assertThat(m.sourceOf("profiles.bulk.modes.road.per_km_usd").orElseThrow().source())
                .startsWith("derived from ADB CAREC CPMM TFI3 (USD per 500 km per 20 t)");
        assertThat(m.sourceOf("profiles.bulk.modes.road.fixed_usd").orElseThrow())
                .isEqualTo(m.sources().get("profiles.bulk.modes"));
        assertThat(m.sourceOf("profiles.container.gauge_change.handling_usd").orElseThrow().confidence())
                .isEqualTo("published");
        assertThat(m.sourceOf("profiles.bulk.gauge_change.handling_usd").orElseThrow().confidence())
                .isEqualTo("estimated");
        assertThat(m.sourceOf("nothing.here")).isEmpty();
    }

    private static void collectLeaves(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collectLeaves(e.getValue(), path + "." + e.getKey(), out));
        } else if (node.isNumber()) {
            out.add(path);
        }
    }

    // ------------------------------------------------------------------ user overrides

    @Test
    void userFileChangesOnlyWhatItNames() throws Exception {
        Path f = write("costs.yaml", """
                co2_kg_per_tonne_km:
                  sea: 0.012
                profiles:
                  bulk:
                    modes:
                      road:
                        per_km_usd: 0.07
                        per_km_usd_by_country: {KZ: 0.2}
                    gauge_change: {usd: 6.0}
                    transship:
                      rail-road: {usd: 9.0, hours: 20}
                """);
        CostModel d = CostModelLoader.defaults();
        CostModel m = CostModelLoader.load(f);
        assertThat(m.co2KgPerTonneKm()).isEqualTo(Map.of(Mode.SEA, 0.012)); // a flat fallback factor, unused here
        assertThat(m.profile("container")).isEqualTo(d.profile("container"));
        CargoProfile b = m.profile("bulk").orElseThrow();
        CargoProfile db = d.profile("bulk").orElseThrow();
        ModeRates road = b.rates(Mode.ROAD);
        assertThat(road.perKmUsd()).isEqualTo(0.07);
        assertThat(road.perKmUsdByCountry()).isEqualTo(Map.of("KZ", 0.2, "PK", 0.058, "UZ", 0.067, "KG", 0.189, "TJ", 0.058, "CN", 0.204, "AF", 0.1));
        assertThat(road.fixedUsd()).isEqualTo(3.0);
        assertThat(road.speedKmh()).isEqualTo(42.0);
        assertThat(road.speedKmhByCountry()).isEqualTo(db.rates(Mode.ROAD).speedKmhByCountry());
        for (Mode mode : List.of(Mode.RAIL, Mode.SEA, Mode.FERRY)) assertThat(b.rates(mode)).isEqualTo(db.rates(mode));
        assertThat(b.gaugeChange()).isEqualTo(new Handling(6.0, 12, 0.5)); // the old key name 'usd' still works
        assertThat(b.transship(Mode.RAIL, Mode.ROAD)).isEqualTo(new Handling(9.0, 20));
        assertThat(b.transship(Mode.ROAD, Mode.RAIL)).isEqualTo(new Handling(8.0, 24, 1.0));
        assertThat(b.transship(Mode.RAIL, Mode.SEA)).isEqualTo(new Handling(10.0, 48, 1.5));
        assertThat(b.unitsPerVehicle()).isEqualTo(db.unitsPerVehicle());
        assertThat(b.valueOfTimeUsdPerHour()).isEqualTo(db.valueOfTimeUsdPerHour());
        assertThat(b.tonnesPerUnit()).isEqualTo(db.tonnesPerUnit());
        // Sources: each value the file sets now cites the file; every other entry is the default's.
        assertThat(m.sources().keySet()).containsAll(d.sources().keySet());
        m.sources().forEach((path, src) -> {
            if (!src.equals(d.sources().get(path))) assertThat(src.source()).startsWith("set by user cost file ");
        });
        assertThat(m.sourceOf("profiles.bulk.gauge_change.usd").orElseThrow().source()).startsWith("set by user");
        assertThat(m.sourceOf("profiles.bulk.gauge_change.hours")).isEqualTo(d.sourceOf("profiles.bulk.gauge_change.hours"));
    }

    @Test
    void transshipPairsAreCaseInsensitiveLikeModes() throws Exception {
        // Mode names parse case-insensitively, so "Rail-Road" is accepted: it must then also be used.
        Path f = write("case.yaml", "profiles: {bulk: {transship: {Rail-Road: {usd: 99, hours: 1}}}}");
        CargoProfile b = CostModelLoader.load(f).profile("bulk").orElseThrow();
        assertThat(b.transship(Mode.RAIL, Mode.ROAD)).isEqualTo(new Handling(99, 1));
        assertThat(b.transship(Mode.ROAD, Mode.RAIL)).isEqualTo(new Handling(8.0, 24, 1.0));
    }

    @Test
    void jsonAndEmptyUserFilesAreAccepted() throws Exception {
        Path json = write("costs.json", "{\"profiles\": {\"container\": {\"value_of_time_usd_per_hour\": 1.5}}}");
        assertThat(CostModelLoader.load(json).profile("container").orElseThrow().valueOfTimeUsdPerHour())
                .isEqualTo(1.5);
        Path empty = write("empty.yaml", "");
        assertThat(CostModelLoader.load(empty)).isEqualTo(CostModelLoader.defaults());
    }

    @Test
    void userFileCanAddAProfile() throws Exception {
        Path f = write("pallet.yaml", """
                co2_kg_per_tonne_km: {road: 0.08, rail: 0.02, sea: 0.01, ferry: 0.12}
                profiles:
                  pallet:
                    unit: pallet
                    cargo_class: container
                    tonnes_per_unit: 0.8
                    value_of_time_usd_per_hour: 0.1
                    units_per_vehicle: {road: 33, rail: 60, sea: 2000, ferry: 50}
                    modes:
                      road: {fixed_usd: 5, per_km_usd: 0.05, speed_kmh: 45}
                      rail: {fixed_usd: 6, per_km_usd: 0.03, speed_kmh: 35, speed_kmh_by_country: {KZ: 50}}
                      sea: {fixed_usd: 7, per_km_usd: 0.004, speed_kmh: 28}
                      ferry: {fixed_usd: 8, per_km_usd: 0.05, speed_kmh: 18}
                    transship:
                      default: {usd: 4, hours: 6}
                    gauge_change: {usd: 3, hours: 8}
                """);
        CostModel m = CostModelLoader.load(f);
        assertThat(m.profileNames()).containsExactly("bulk", "container", "pallet");
        CargoProfile p = m.profile("pallet").orElseThrow();
        assertThat(p.rates(Mode.RAIL).speedKmh("KZ")).isEqualTo(50.0);
        assertThat(p.rates(Mode.RAIL).speedKmh("CN")).isEqualTo(35.0);
        assertThat(p.transship(Mode.SEA, Mode.ROAD)).isEqualTo(new Handling(4, 6));
        assertThat(p.perUnit(66, Mode.ROAD)).isEqualTo(2.0);
    }

    // ------------------------------------------------------------------ bad user files

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top-level field   | colour: red                                                             | colour
            unknown profile field     | 'profiles: {bulk: {colour: red}}'                                       | profiles.bulk.colour
            unknown rates field       | 'profiles: {bulk: {modes: {road: {per_mile_usd: 1}}}}'                  | profiles.bulk.modes.road.per_mile_usd
            unknown handling field    | 'profiles: {bulk: {gauge_change: {eur: 1}}}'                            | profiles.bulk.gauge_change.eur
            wrong type                | 'profiles: {bulk: {tonnes_per_unit: heavy}}'                            | profiles.bulk.tonnes_per_unit
            wrong type quoted number  | 'profiles: {container: {modes: {rail: {per_km_usd: "0.9"}}}}'           | profiles.container.modes.rail.per_km_usd
            wrong type boolean        | 'profiles: {container: {gauge_change: {dwell_hours: true}}}'            | profiles.container.gauge_change.dwell_hours
            wrong type object         | 'profiles: {bulk: {modes: {road: 5}}}'                                  | profiles.bulk.modes.road
            negative rate             | 'profiles: {container: {modes: {rail: {per_km_usd: -0.5}}}}'            | profiles.container.modes.rail.per_km_usd
            negative country rate     | 'profiles: {bulk: {modes: {road: {per_km_usd_by_country: {KZ: -1}}}}}'  | profiles.bulk.modes.road.per_km_usd_by_country.KZ
            negative co2              | 'co2_kg_per_tonne_km: {road: -0.075}'                                   | co2_kg_per_tonne_km.road
            negative handling         | 'profiles: {bulk: {transship: {default: {handling_usd: -8}}}}'          | profiles.bulk.transship.default.handling_usd
            handling old key name     | 'profiles: {bulk: {transship: {default: {usd: -8}}}}'                   | profiles.bulk.transship.default.usd
            out of range speed        | 'profiles: {bulk: {modes: {road: {speed_kmh: 1e308}}}}'                 | profiles.bulk.modes.road.speed_kmh
            out of range dwell        | 'profiles: {bulk: {modes: {rail: {origin_dwell_hours: 1e9}}}}'          | profiles.bulk.modes.rail.origin_dwell_hours
            out of range fee          | 'crossings: {x_pktor_afrkh_road: {forward: {fee_usd: 1e308}}}'          | crossings.x_pktor_afrkh_road.forward.fee_usd
            p90 below the mean        | 'crossings: {x_pktor_afrkh_road: {forward: {p90_wait_hours: 1}}}'       | crossings.x_pktor_afrkh_road.forward.p90_wait_hours
            electric share above 1    | 'profiles: {bulk: {modes: {rail: {electric_share_by_country: {KZ: 2}}}}}' | profiles.bulk.modes.rail.electric_share_by_country.KZ
            wtw below ttw             | 'profiles: {bulk: {modes: {road: {co2_wtw_kg_per_tonne_km: 0.01}}}}'    | profiles.bulk.modes.road.co2_wtw_kg_per_tonne_km
            unknown cargo class       | 'profiles: {bulk: {cargo_class: liquid}}'                               | profiles.bulk.cargo_class
            two service shapes        | 'services: {ferry_kzaau_azala: {wait_hours: 3, p90_wait_hours: 5}}'     | services.ferry_kzaau_azala
            bad opening time          | 'crossings: {x_pktor_afrkh_road: {opening: {opens: "8am", closes: "20:00"}}}' | crossings.x_pktor_afrkh_road.opening.opens
            unknown cargo class       | 'crossings: {x_pktor_afrkh_road: {cargo: {reefer: {forward: {wait_hours: 1, p90_wait_hours: 2, fee_usd: 0}}}}}' | crossings.x_pktor_afrkh_road.cargo.reefer
            cargo p90 below the mean  | 'crossings: {x_pktor_afrkh_road: {cargo: {container: {forward: {wait_hours: 5, p90_wait_hours: 2, fee_usd: 0}}}}}' | crossings.x_pktor_afrkh_road.cargo.container.forward.p90_wait_hours
            bad closed day            | 'crossings: {x_pktor_afrkh_road: {opening: {opens: "08:00", closes: "20:00", closed_days: [friday]}}}' | crossings.x_pktor_afrkh_road.opening.closed_days
            bad closed month          | 'crossings: {x_pktor_afrkh_road: {opening: {opens: "08:00", closes: "20:00", closed_months: [winter]}}}' | crossings.x_pktor_afrkh_road.opening.closed_months
            closed every month        | 'crossings: {x_pktor_afrkh_road: {opening: {opens: "08:00", closes: "20:00", closed_months: [jan, feb, mar, apr, may, jun, jul, aug, sep, oct, nov, dec]}}}' | crossings.x_pktor_afrkh_road.opening.closed_months
            negative value of time    | 'profiles: {bulk: {value_of_time_usd_per_hour: -1}}'                    | profiles.bulk.value_of_time_usd_per_hour
            zero speed                | 'profiles: {bulk: {modes: {sea: {speed_kmh: 0}}}}'                      | profiles.bulk.modes.sea.speed_kmh
            zero tonnes per unit      | 'profiles: {container: {tonnes_per_unit: 0}}'                           | profiles.container.tonnes_per_unit
            zero units per vehicle    | 'profiles: {container: {units_per_vehicle: {road: 0}}}'                 | profiles.container.units_per_vehicle.road
            overflowing number        | 'profiles: {bulk: {modes: {rail: {fixed_usd: 1e400}}}}'                 | profiles.bulk.modes.rail.fixed_usd
            unknown mode in rates     | 'profiles: {bulk: {modes: {hovercraft: {fixed_usd: 1}}}}'               | profiles.bulk.modes.hovercraft
            unknown mode in co2       | 'co2_kg_per_tonne_km: {air: 0.5}'                                       | co2_kg_per_tonne_km.air
            crossing is not a mode    | 'co2_kg_per_tonne_km: {crossing: 0.5}'                                  | co2_kg_per_tonne_km.crossing
            unknown mode per vehicle  | 'profiles: {bulk: {units_per_vehicle: {air: 2}}}'                       | profiles.bulk.units_per_vehicle.air
            unknown mode in transship | 'profiles: {bulk: {transship: {rail-air: {usd: 1, hours: 1}}}}'         | profiles.bulk.transship.rail-air
            same mode transship       | 'profiles: {bulk: {transship: {rail-rail: {usd: 1, hours: 1}}}}'        | profiles.bulk.transship.rail-rail
            unknown country           | 'profiles: {bulk: {modes: {road: {speed_kmh_by_country: {narnia: 40}}}}}' | profiles.bulk.modes.road.speed_kmh_by_country.narnia
            bad source confidence     | 'sources: {profiles.bulk.unit: {source: me, confidence: guessed}}'      | sources.profiles.bulk.unit.confidence
            """)
    void badUserFileNamesFileAndDottedField(String what, String yaml, String field) throws Exception {
        Path f = write("bad.yaml", yaml);
        CostModelRefusals.assertRefused(f, what, field);
    }

    @Test
    void aProblemInAFieldNamesItsLineAndColumn() throws Exception {
        Path f = write("located.yaml", """
                profiles:
                  bulk:
                    modes:
                      rail:
                        origin_dwell_hours: 1e9
                      road:
                        speed_kmh_by_country: {KZ: 60, narnia: 40}
                """);
        CostModelException e = catchThrowableOfType(CostModelException.class, () -> CostModelLoader.load(f));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("profiles.bulk.modes.rail.origin_dwell_hours");
            assertThat(p.location()).isEqualTo("line 5, column 9");
        });
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("profiles.bulk.modes.road.speed_kmh_by_country.narnia");
            assertThat(p.location()).startsWith("line 7, column ");
        });
        assertThat(e.getMessage()).contains(f + ", line 5, column 9, field 'profiles.bulk.modes.rail.origin_dwell_hours'");
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() throws Exception {
        Path f = write("two.yaml", """
                speed: 3
                profiles:
                  container:
                    modes:
                      road: {per_km_usd: -1, speed_kmh: fast}
                """);
        CostModelException e = catchThrowableOfType(CostModelException.class, () -> CostModelLoader.load(f));
        assertThat(e.problems()).extracting(Problem::field).containsExactlyInAnyOrder("speed",
                "profiles.container.modes.road.per_km_usd", "profiles.container.modes.road.speed_kmh");
    }

    @Test
    void missingFileIsAProblemNamingTheFile() {
        Path f = dir.resolve("nope.yaml");
        CostModelException e = catchThrowableOfType(CostModelException.class, () -> CostModelLoader.load(f));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(f.toString());
            assertThat(p.message()).isEqualTo("file not found");
        });
        assertThat(e.getMessage()).contains(f.toString());
    }

    @Test
    void unreadableOrNonMappingFilesAreProblems() throws Exception {
        Path list = write("list.yaml", "- a\n- b\n");
        assertThatThrownBy(() -> CostModelLoader.load(list)).isInstanceOfSatisfying(CostModelException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo(list.toString());
                    assertThat(p.message()).contains("mapping");
                }));
        Path broken = write("broken.yaml", "profiles: {bulk: [unclosed\n");
        assertThatThrownBy(() -> CostModelLoader.load(broken)).isInstanceOfSatisfying(CostModelException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo(broken.toString());
                    assertThat(p.location()).isEqualTo("line 2, column 1");
                    assertThat(p.message()).startsWith("not valid YAML or JSON");
                }));
    }

    @Test
    void anOverriddenValueCitesTheOverrideNotTheDefaultsSource() throws Exception {
        Path f = dir.resolve("override-source.yaml");
        Files.writeString(f, "profiles:\n  bulk:\n    modes:\n      road: {per_km_usd: 9}\n"
                + "sources:\n  profiles.bulk.modes.road.fixed_usd: {source: my survey, confidence: published}\n");
        CostModel m = CostModelLoader.load(f);
        assertThat(m.sourceOf("profiles.bulk.modes.road.per_km_usd").orElseThrow().source())
                .isEqualTo("set by user cost file " + f);
        assertThat(m.sourceOf("profiles.bulk.modes.road.per_km_usd").orElseThrow().confidence()).isEqualTo("estimated");
        // A value the file does not change keeps its default source; a source the file gives is kept.
        assertThat(m.sourceOf("profiles.bulk.modes.road.per_km_usd_by_country").orElseThrow().source())
                .contains("CPMM");
        assertThat(m.sourceOf("profiles.bulk.modes.road.fixed_usd").orElseThrow().source()).isEqualTo("my survey");
    }

    @Test
    void calibratedIsAConfidenceAUserFileMayGive() throws Exception {
        Path f = write("fitted.yaml", "profiles:\n  container:\n    modes:\n      rail: {speed_kmh: 21.5}\n"
                + "sources:\n  profiles.container.modes.rail.speed_kmh:\n"
                + "    {source: calibrated on published.csv (40 observations), confidence: calibrated}\n");
        CostModel m = CostModelLoader.load(f);
        assertThat(m.profile("container").orElseThrow().modes().get(org.caravan.network.Mode.RAIL).speedKmh())
                .isEqualTo(21.5);
        CostModel.Source s = m.sourceOf("profiles.container.modes.rail.speed_kmh").orElseThrow();
        assertThat(s.confidence()).isEqualTo("calibrated");
        assertThat(s.source()).startsWith("calibrated on published.csv");
    }
}
