package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The route command as a user runs it, on the embedded network: every option and every error path. */
class RouteCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(CliRunner.Run run) throws Exception {
        assertThat(run.exit()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private static JsonNode route(String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of("route"));
        a.addAll(List.of(args));
        a.add("--format");
        a.add("json");
        JsonNode root = json(CliRunner.run(a.toArray(String[]::new)));
        assertThat(root.path("routes")).hasSize(1);
        return root.path("routes").get(0);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    @Test
    void mainJobPrintsAMultimodalRouteWithCrossingsAndTotals() {
        CliRunner.Run run = CliRunner.run("route", "Almaty", "Karachi", "--cargo", "container");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Almaty (KZALA, KZ) -> Karachi port (PKKHI, PK)", "Border crossings",
                "Transshipments", "Totals:", "km", "USD");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aPlaceOffTheCorridorsIsReachedByAnAccessLegThatTheAnswerNames() {
        CliRunner.Run run = CliRunner.run("route", "KZKKO", "Almaty");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Akkol' (KZKKO, KZ) -> Almaty");
        String firstLeg = run.out().lines().filter(l -> l.trim().startsWith("1 ")).findFirst().orElseThrow();
        assertThat(firstLeg).contains("Akkol'", "road", "access leg");
    }

    @Test
    void jsonTotalsAreTheSumOfLegsAndTransshipments() throws Exception {
        JsonNode r = route("Almaty", "Karachi");
        assertThat(r.path("countries").get(0).asText()).isEqualTo("KZ");
        assertThat(r.path("countries").get(r.path("countries").size() - 1).asText()).isEqualTo("PK");
        double km = 0;
        double usd = 0;
        double hours = 0;
        for (JsonNode leg : r.path("legs")) {
            km += leg.path("km").asDouble();
            usd += leg.path("usd").asDouble();
            hours += leg.path("hours").asDouble();
            assertThat(leg.has("from_name") && leg.has("to_name") && leg.has("gauge") && leg.has("co2_kg")).isTrue();
        }
        for (JsonNode t : r.path("transshipments")) {
            usd += t.path("usd").asDouble();
            hours += t.path("hours").asDouble();
        }
        // terminal dwell is a part of the timeline only; the timeline sums to the total hours
        double timeline = 0;
        for (JsonNode t : r.path("timeline")) {
            timeline += t.path("hours").asDouble();
            if (t.path("kind").asText().equals("dwell")) hours += t.path("hours").asDouble();
        }
        JsonNode totals = r.path("totals");
        assertThat(totals.path("hours").asDouble()).isCloseTo(timeline, org.assertj.core.data.Offset.offset(0.2));
        assertThat(totals.path("co2_wtw_kg").asDouble()).isGreaterThanOrEqualTo(totals.path("co2_ttw_kg").asDouble());
        assertThat(totals.path("km").asDouble()).isCloseTo(km, org.assertj.core.data.Offset.offset(1.0));
        assertThat(totals.path("usd").asDouble()).isCloseTo(usd, org.assertj.core.data.Offset.offset(1.0));
        assertThat(totals.path("hours").asDouble()).isCloseTo(hours, org.assertj.core.data.Offset.offset(0.2));
        assertThat(r.path("crossings").size()).isGreaterThanOrEqualTo(2);
        assertThat(r.path("nodes").get(0).asText()).isEqualTo("KZALA");
        assertThat(r.path("nodes").get(r.path("nodes").size() - 1).asText()).isEqualTo("PKKHI");
    }

    @Test
    void tonnesScaleMoneyAndCo2ButNotTime() throws Exception {
        JsonNode one = route("Kostanay", "Bandar Abbas", "--cargo", "bulk");
        JsonNode many = route("Kostanay", "Bandar Abbas", "--cargo", "bulk", "--tonnes", "1000");
        assertThat(many.path("units").asDouble()).isEqualTo(1000.0);
        assertThat(many.path("totals").path("usd").asDouble())
                .isCloseTo(one.path("totals").path("usd").asDouble() * 1000, org.assertj.core.data.Offset.offset(20.0));
        assertThat(many.path("totals").path("hours").asDouble()).isEqualTo(one.path("totals").path("hours").asDouble());
        JsonNode boxes = route("Almaty", "Karachi", "--tonnes", "50");
        assertThat(boxes.path("units").asDouble()).isEqualTo(3.0); // 50 t at 20 t per box
    }

    @Test
    void objectivesEachWinOnTheirOwnMeasure() throws Exception {
        JsonNode cost = route("Almaty", "Karachi");
        JsonNode time = route("Almaty", "Karachi", "--objective", "time");
        JsonNode dist = route("Almaty", "Karachi", "--objective", "distance");
        JsonNode co2 = route("Almaty", "Karachi", "--objective", "co2");
        double eps = 0.05;
        assertThat(time.path("totals").path("hours").asDouble())
                .isLessThanOrEqualTo(cost.path("totals").path("hours").asDouble() + eps);
        assertThat(dist.path("totals").path("km").asDouble())
                .isLessThanOrEqualTo(cost.path("totals").path("km").asDouble() + eps);
        assertThat(co2.path("totals").path("co2_kg").asDouble())
                .isLessThanOrEqualTo(cost.path("totals").path("co2_kg").asDouble() + eps);
        assertThat(cost.path("totals").path("generalized_usd").asDouble())
                .isLessThanOrEqualTo(time.path("totals").path("generalized_usd").asDouble() + eps);
    }

    @Test
    void avoidedCountryNeverAppears() throws Exception {
        JsonNode r = route("Tashkent", "Karachi", "--avoid", "AF");
        r.path("countries").forEach(c -> assertThat(c.asText()).isNotEqualTo("AF"));
        assertThat(r.path("countries").size()).isPositive();
    }

    @Test
    void closedCrossingIsNotUsed() throws Exception {
        JsonNode base = route("Kabul", "Peshawar");
        List<String> names = texts(base.path("crossings"), "name");
        assertThat(names).anyMatch(n -> n.contains("Torkham"));
        JsonNode closed = route("Kabul", "Peshawar", "--close", "Torkham");
        assertThat(texts(closed.path("crossings"), "name")).noneMatch(n -> n.contains("Torkham"));
        assertThat(closed.path("totals").path("generalized_usd").asDouble())
                .isGreaterThanOrEqualTo(base.path("totals").path("generalized_usd").asDouble());
    }

    @Test
    void modesRestrictTheCargo() throws Exception {
        JsonNode r = route("Almaty", "Tashkent", "--modes", "road");
        r.path("legs").forEach(l -> assertThat(l.path("cargo_mode").asText()).isEqualTo("road"));
        JsonNode rail = route("Almaty", "Tashkent", "--modes", "rail");
        rail.path("legs").forEach(l -> assertThat(l.path("cargo_mode").asText()).isEqualTo("rail"));
    }

    @Test
    void viaForcesThePlace() throws Exception {
        JsonNode base = route("Almaty", "Karachi");
        JsonNode r = route("Almaty", "Karachi", "--via", "Herat");
        List<String> ids = new ArrayList<>();
        r.path("nodes").forEach(n -> ids.add(n.asText()));
        assertThat(ids).contains("AFHEA");
        assertThat(r.path("totals").path("generalized_usd").asDouble())
                .isGreaterThanOrEqualTo(base.path("totals").path("generalized_usd").asDouble());
    }

    @Test
    void plannedLinksOnlyWhenAskedAndThenLabelled() throws Exception {
        CliRunner.Run without = CliRunner.run("route", "Termez", "Peshawar", "--modes", "rail", "--avoid", "IR");
        assertThat(without.exit()).isEqualTo(1);
        assertThat(without.out()).contains("No route", "--include-planned");
        CliRunner.Run with = CliRunner.run("route", "Termez", "Peshawar", "--modes", "rail", "--avoid", "IR",
                "--include-planned");
        assertThat(with.exit()).as(with.err()).isZero();
        assertThat(with.out()).contains("PLANNED", "WARNING: this route uses links that are planned");
        JsonNode r = route("Termez", "Peshawar", "--modes", "rail", "--avoid", "IR", "--include-planned");
        assertThat(r.path("uses_non_operational").asBoolean()).isTrue();
        assertThat(r.path("legs").findValuesAsText("status")).contains("planned");
    }

    @Test
    void geojsonIsAFeatureCollectionOfLegsAndPoints() throws Exception {
        CliRunner.Run run = CliRunner.run("route", "Almaty", "Karachi", "--format", "geojson");
        JsonNode fc = json(run);
        assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(fc.path("features").size()).isGreaterThan(3);
        for (JsonNode f : fc.path("features")) {
            assertThat(f.path("type").asText()).isEqualTo("Feature");
            String g = f.path("geometry").path("type").asText();
            assertThat(g).isIn("LineString", "Point");
            JsonNode coords = f.path("geometry").path("coordinates");
            JsonNode first = g.equals("Point") ? coords : coords.get(0);
            assertThat(first.get(0).asDouble()).isBetween(-180.0, 180.0);
            assertThat(first.get(1).asDouble()).isBetween(-90.0, 90.0);
            assertThat(f.path("properties").has("feature_type")).isTrue();
        }
    }

    @Test
    void outputFileIsWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.json");
        CliRunner.Run run = CliRunner.run("route", "Almaty", "Karachi", "--format", "json", "-o", out.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(JSON.readTree(out.toFile()).path("routes")).hasSize(1);
    }

    @Test
    void placeNamesIgnoreCaseAndDiacritics() throws Exception {
        JsonNode a = route("almaty", "KARACHI");
        JsonNode b = route("KZALA", "PKKHI");
        assertThat(a.path("nodes")).isEqualTo(b.path("nodes"));
    }

    @Test
    void unknownPlaceSuggestsNearNames() {
        CliRunner.Run run = CliRunner.run("route", "Almaty", "Karachy");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unknown place 'Karachy'", "did you mean", "Karachi");
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void badOptionValuesAreRefusedWithTheOptionNamed() {
        assertBad(new String[] {"route", "Almaty", "Karachi", "--objective", "fastest"}, "--objective");
        assertBad(new String[] {"route", "Almaty", "Karachi", "--cargo", "liquid"}, "--cargo");
        assertBad(new String[] {"route", "Almaty", "Karachi", "--tonnes", "-5"}, "--tonnes");
        assertBad(new String[] {"route", "Almaty", "Karachi", "--avoid", "XQ"}, "--avoid");
        assertBad(new String[] {"route", "Almaty", "Karachi", "--avoid", "Afghanstan"}, "Afghanistan (AF, AFG)");
        assertBad(new String[] {"route", "Almaty", "Karachi", "--tonnes", "1e308"}, "--tonnes");
        assertBad(new String[] {"route", "Almaty", "Karachi", "--penalty", "IR=1e308"}, "--penalty");
        assertBad(new String[] {"route", "Almaty", "Karachi", "--samples", "99999999999"}, "--samples");
        assertBad(new String[] {"route", "Almaty", "Karachi", "--seed", "-1"}, "--seed");
        assertBad(new String[] {"route", "Almaty", "Karachi", "--modes", "teleport"}, "--modes");
        assertBad(new String[] {"route", "Almaty", "Karachi", "--modes", "crossing"}, "--modes");
        assertBad(new String[] {"route", "Almaty", "Karachi", "--format", "xml"}, "--format");
        assertBad(new String[] {"route", "Almaty", "Karachi", "--close", "Atlantis"}, "close");
        assertBad(new String[] {"route", "Almaty", "Almaty"}, "same place");
        assertBad(new String[] {"route", "Almaty", "Karachi", "--avoid", "PK"}, "avoid");
        assertBad(new String[] {"route", "Almaty"}, "TO");
    }

    @Test
    void badCostFileNamesFileAndField() {
        String file = resource("bad-costs.yaml");
        CliRunner.Run run = CliRunner.run("route", "Almaty", "Karachi", "--costs", file);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(file, "profiles.container.modes.rail.per_km_usd",
                "profiles.container.modes.hovercraft", "profiles.container.value_of_tme_usd_per_hour");
    }

    @Test
    void costFileOverridesDefaults() throws Exception {
        JsonNode base = route("Almaty", "Tashkent", "--modes", "rail");
        JsonNode cheap = route("Almaty", "Tashkent", "--modes", "rail", "--costs", resource("cheap-rail.yaml"));
        assertThat(cheap.path("totals").path("usd").asDouble()).isLessThan(base.path("totals").path("usd").asDouble());
    }

    @Test
    void missingNetworkFileIsNamed() {
        CliRunner.Run run = CliRunner.run("route", "A", "B", "--network", "/nonexistent/nodes.csv");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("/nonexistent/nodes.csv");
    }

    @Test
    void userNetworkIsUsed() throws Exception {
        JsonNode r = route("Almaty", "Urumqi", "--network",
                resource("mini-nodes.csv") + "," + resource("mini-links.csv"));
        assertThat(texts(r.path("transshipments"), "reason")).contains("gauge change 1520->1435");
    }

    @Test
    void noRouteIsExitOneAndNamesTheRestriction() throws Exception {
        CliRunner.Run run = CliRunner.run("route", "Almaty", "Urumqi", "--modes", "road", "--network",
                resource("mini-nodes.csv") + "," + resource("mini-links.csv"));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("No route", "--modes road");
        CliRunner.Run json = CliRunner.run("route", "Almaty", "Urumqi", "--modes", "road", "--format", "json",
                "--network", resource("mini-nodes.csv") + "," + resource("mini-links.csv"));
        assertThat(json.exit()).isEqualTo(1);
        JsonNode root = JSON.readTree(json.out());
        assertThat(root.path("routes")).isEmpty();
        assertThat(root.path("no_route").path("blocking_constraints").get(0).asText()).isEqualTo("--modes road");
    }

    @Test
    void departTimesTheRouteOnTheClock() throws Exception {
        JsonNode r = route("Aktau", "Baku", "--depart", "2027-03-01T08:00");
        assertThat(r.path("depart").asText()).isEqualTo("2027-03-01T08:00");
        assertThat(r.path("arrive").asText()).startsWith("2027-03");
        double timeline = 0;
        for (JsonNode t : r.path("timeline")) timeline += t.path("hours").asDouble();
        assertThat(timeline).isCloseTo(r.path("totals").path("hours").asDouble(), org.assertj.core.data.Offset.offset(0.2));
        CliRunner.Run text = CliRunner.run("route", "Aktau", "Baku", "--depart", "2027-03-01T08:00");
        assertThat(text.out()).contains("Timed from departure 2027-03-01T08:00", "Time by component:");
        assertBad(new String[] {"route", "Aktau", "Baku", "--depart", "next monday"}, "depart");
    }

    @Test
    void railServiceExpressIsFasterEchoedAndRefusedForBulk() throws Exception {
        JsonNode regular = json(CliRunner.run("route", "Xian", "Tashkent", "--modes", "rail", "--format", "json"));
        JsonNode express = json(CliRunner.run("route", "Xian", "Tashkent", "--modes", "rail", "--rail-service",
                "express", "--format", "json"));
        assertThat(regular.path("request").path("rail_service").asText()).isEqualTo("regular");
        assertThat(express.path("request").path("rail_service").asText()).isEqualTo("express");
        assertThat(express.path("request").path("cargo").asText()).isEqualTo("container");
        assertThat(express.path("routes").get(0).path("totals").path("hours").asDouble())
                .isLessThan(regular.path("routes").get(0).path("totals").path("hours").asDouble());
        CliRunner.Run text = CliRunner.run("route", "Xian", "Tashkent", "--rail-service", "express");
        assertThat(text.out()).contains("rail service express");
        assertBad(new String[] {"route", "Xian", "Tashkent", "--cargo", "bulk", "--rail-service", "express"},
                "--rail-service");
        assertBad(new String[] {"route", "Xian", "Tashkent", "--rail-service", "fast"}, "--rail-service");
    }

    @Test
    void aCustomProfileCopiedFromBulkRoutesAsBulk(@TempDir Path dir) throws Exception {
        var tree = org.caravan.cost.CostModelLoader.readDefaults();
        var copy = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        copy.putObject("profiles").set("grain", tree.path("profiles").path("bulk").deepCopy());
        Path costs = dir.resolve("grain.yaml");
        org.caravan.io.YamlOverlay.YAML.writeValue(costs.toFile(), copy);
        JsonNode bulk = route("Kostanay", "Bandar Abbas", "--cargo", "bulk", "--tonnes", "5000");
        JsonNode grain = route("Kostanay", "Bandar Abbas", "--cargo", "grain", "--tonnes", "5000", "--costs",
                costs.toString());
        assertThat(grain.path("nodes")).isEqualTo(bulk.path("nodes"));
        assertThat(grain.path("totals")).isEqualTo(bulk.path("totals"));
        assertThat(grain.path("units").asDouble()).isEqualTo(5000.0);
    }

    private static void assertBad(String[] args, String mention) {
        CliRunner.Run run = CliRunner.run(args);
        assertThat(run.exit()).as(String.join(" ", args) + "\n" + run.err()).isEqualTo(2);
        assertThat(run.err()).contains(mention);
        assertThat(run.err()).doesNotContain("\tat ");
    }

    static String resource(String name) {
        try {
            return Paths.get(RouteCommandTest.class.getResource(name).toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean exists(Path p) { return Files.exists(p); }
}
