package org.caravan.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code validate} on the hand-made fixture: every value, ratio, band decision and summary worked out by hand. */
class ValidatorTest {
    private static final double EPS = 1e-9;

    private final ValidationReport report = new Validator(Fixture.router()).validate("fixture.csv",
            Fixture.observations("fixture.csv"));

    private Map<String, RowResult> rows() {
        return report.rows().stream().collect(Collectors.toMap(r -> r.observation().id(), Function.identity()));
    }

    @Test
    void everyRowHasTheHandComputedValueRatioAndBand() {
        Map<String, RowResult> rows = rows();
        // o1: 300 + 250 km by road against 500-600: ratio to sqrt(500 x 600).
        assertThat(rows.get("o1").caravan()).isCloseTo(550, within(EPS));
        assertThat(rows.get("o1").ratio()).isCloseTo(550 / Math.sqrt(500 * 600), within(EPS));
        assertThat(rows.get("o1").inRange()).isTrue();
        assertThat(rows.get("o1").modes()).isEqualTo("road");
        // o2: 550 km at 50 km/h = 11 h against 10 h: 1.1, inside the band up to 12 h.
        assertThat(rows.get("o2").caravan()).isCloseTo(11, within(EPS));
        assertThat(rows.get("o2").ratio()).isCloseTo(1.1, within(EPS));
        assertThat(rows.get("o2").inRange()).isTrue();
        // o3: rail 200 + 520 x 1 = 720 USD against 500: 1.44, above the band's 600.
        assertThat(rows.get("o3").caravan()).isCloseTo(720, within(EPS));
        assertThat(rows.get("o3").ratio()).isCloseTo(1.44, within(EPS));
        assertThat(rows.get("o3").inRange()).isFalse();
        assertThat(rows.get("o3").modes()).isEqualTo("rail");
        // o4: 720 USD over the box's 20 t = 36 USD/t against 40: 0.9, in.
        assertThat(rows.get("o4").caravan()).isCloseTo(36, within(EPS));
        assertThat(rows.get("o4").ratio()).isCloseTo(0.9, within(EPS));
        assertThat(rows.get("o4").inRange()).isTrue();
        // o5: 520 km at 40 km/h = 13 h = 13/24 days against 1 day: a miss (below 0.8).
        assertThat(rows.get("o5").caravan()).isCloseTo(13 / 24.0, within(EPS));
        assertThat(rows.get("o5").inRange()).isFalse();
        // o6: an unknown place is reported, not an error.
        assertThat(rows.get("o6").status()).isEqualTo(RowResult.Status.PLACE_NOT_IN_NETWORK);
        assertThat(rows.get("o6").message()).contains("Nowhere");
        assertThat(rows.get("o6").caravan()).isNull();
    }

    @Test
    void summariesCountInRangeAndTakeGeometricMedians() {
        Map<String, Summary> byFamily = report.byFamily().stream()
                .collect(Collectors.toMap(Summary::group, Function.identity()));
        Summary distance = byFamily.get("distance");
        assertThat(distance.observations()).isEqualTo(2); // o1 and o6
        assertThat(distance.evaluated()).isEqualTo(1);
        assertThat(distance.inRange()).isEqualTo(1);
        Summary time = byFamily.get("time");
        assertThat(time.inRange()).isEqualTo(1);
        assertThat(time.shareInRange()).isCloseTo(0.5, within(EPS));
        // Two ratios, 1.1 and 13/24: the median is their geometric mean; the bias exp(mean ln) - 1 is the same here.
        double m = Math.sqrt(1.1 * 13 / 24.0);
        assertThat(time.medianRatio()).isCloseTo(m, within(EPS));
        assertThat(time.bias()).isCloseTo(m - 1, within(EPS));
        Summary cost = byFamily.get("cost");
        assertThat(cost.medianRatio()).isCloseTo(Math.sqrt(1.44 * 0.9), within(EPS));
        assertThat(report.byQuantity()).extracting(Summary::group)
                .containsExactly("km", "hours", "days", "usd", "usd_per_tonne");
        assertThat(report.byCorridor()).extracting(Summary::group).containsExactly("other", "test");
    }

    @Test
    void targetsAreCheckedPerKindAndPerMode() {
        Map<String, TargetCheck> t = report.targets().stream()
                .collect(Collectors.toMap(TargetCheck::what, Function.identity()));
        assertThat(t.get("distance within ±20 %").met()).isTrue();
        assertThat(t.get("time within ±20 %").met()).isFalse(); // 50 % < 75 %
        assertThat(t.get("cost within ±20 %").met()).isFalse(); // 50 % < 70 %
        // Time by rail: only o5 (0.54) -> outside 0.8-1.25; time by road: o2 (1.1) -> inside.
        assertThat(t.get("median ratio, time / rail").met()).isFalse();
        assertThat(t.get("median ratio, time / road").met()).isTrue();
        assertThat(t.get("median ratio, cost / rail").actual()).startsWith("1.14");
    }

    @Test
    void theBandIsTwentyPercentAroundThePublishedRange() {
        assertThat(Validator.inBand(80, 100, 200)).isTrue();
        assertThat(Validator.inBand(79.9, 100, 200)).isFalse();
        assertThat(Validator.inBand(240, 100, 200)).isTrue();
        assertThat(Validator.inBand(240.1, 100, 200)).isFalse();
    }

    @Test
    void formatsCarryTheSameNumbers() {
        var json = ValidationFormats.json(report);
        assertThat(json.path("observations").asInt()).isEqualTo(6);
        assertThat(json.path("evaluated").asInt()).isEqualTo(5);
        assertThat(json.path("rows").get(2).path("ratio").asDouble()).isCloseTo(1.44, within(1e-3));
        String csv = ValidationFormats.csv(report);
        assertThat(csv.lines().count()).isEqualTo(7);
        assertThat(csv).contains("o3,test,Almaty,Taraz,\"cargo=container;modes=rail\",usd,500,500,720,1.44,false,ok,rail");
        String md = ValidationFormats.markdown(report, "Made by a test.");
        assertThat(md).contains("Made by a test.").contains("| o3 |").contains("**miss**").contains("place not in network");
        // Misses come first, the largest error first: o5 (0.54) before o3 (1.44).
        assertThat(md.indexOf("| o5 |")).isLessThan(md.indexOf("| o3 |"));
        assertThat(md.indexOf("| o3 |")).isLessThan(md.indexOf("| o1 |"));
    }

    @Test
    void runHoursCountOnlyTheTimeTheCargoMoves() throws Exception {
        // Road Almaty-Shu: 300 km at 50 km/h = 6 h running; rail Almaty-Taraz 520 km at 40 km/h = 13 h.
        var obs = ObservationFile.read(new java.io.StringReader("id,from,to,options,quantity,low,high,source\n"
                + "r,Almaty,Shu,modes=road,run_hours,6,6,s\n"
                + "t,Almaty,Taraz,modes=rail,run_days,1,1,s\n"), "run.csv");
        var rows = new Validator(Fixture.router()).validate("run.csv", obs).rows();
        org.assertj.core.api.Assertions.assertThat(rows.get(0).caravan())
                .isCloseTo(6.0, org.assertj.core.api.Assertions.within(EPS));
        org.assertj.core.api.Assertions.assertThat(rows.get(1).caravan())
                .isCloseTo(13.0 / 24, org.assertj.core.api.Assertions.within(EPS));
        // Waits, dwell and handling are left out: never more than the door-to-door hours.
        var route = Fixture.router().route(org.caravan.routing.RouteRequest.of("KZALA", "kz_taraz")).route();
        org.assertj.core.api.Assertions.assertThat(Quantity.RUN_HOURS.of(route))
                .isLessThanOrEqualTo(Quantity.HOURS.of(route) + EPS);
    }

    @Test
    void anOpenBoundIsInRangeOnItsSideAndItsRatioIsAgainstTheBound() throws Exception {
        // Road Almaty-Shu: 300 km at 50 km/h = 6 h (the fixture's road has no rest).
        var obs = ObservationFile.read(new java.io.StringReader("id,from,to,options,quantity,low,high,source,bound\n"
                + "least5,Almaty,Shu,modes=road,hours,5,,s,at_least\n"
                + "least7,Almaty,Shu,modes=road,hours,7,,s,at_least\n"
                + "most5,Almaty,Shu,modes=road,hours,,5,s,at_most\n"
                + "most6.5,Almaty,Shu,modes=road,hours,,6.5,s,at_most\n"
                + "range7,Almaty,Shu,modes=road,hours,7,7,s,\n"), "bound.csv");
        Map<String, RowResult> rows = new Validator(Fixture.router()).validate("bound.csv", obs).rows().stream()
                .collect(Collectors.toMap(r -> r.observation().id(), Function.identity()));
        org.assertj.core.api.Assertions.assertThat(rows.get("least5").inRange()).isTrue();
        org.assertj.core.api.Assertions.assertThat(rows.get("least5").ratio())
                .isCloseTo(6.0 / 5, org.assertj.core.api.Assertions.within(EPS));
        // 6 h is within 20 % of 7 h, but "at least 7 h" says it cannot be done in 6: a miss.
        org.assertj.core.api.Assertions.assertThat(rows.get("least7").inRange()).isFalse();
        org.assertj.core.api.Assertions.assertThat(rows.get("range7").inRange()).isTrue();
        org.assertj.core.api.Assertions.assertThat(rows.get("least7").ratio())
                .isCloseTo(6.0 / 7, org.assertj.core.api.Assertions.within(EPS));
        org.assertj.core.api.Assertions.assertThat(rows.get("most5").inRange()).isFalse();
        org.assertj.core.api.Assertions.assertThat(rows.get("most5").ratio())
                .isCloseTo(6.0 / 5, org.assertj.core.api.Assertions.within(EPS));
        org.assertj.core.api.Assertions.assertThat(rows.get("most6.5").inRange()).isTrue();
        // The calibration's residual: 0 on the bound's open side, the log distance from the bound otherwise.
        Observation least7 = rows.get("least7").observation();
        org.assertj.core.api.Assertions.assertThat(Calibrator.residual(6, least7.residualLow(), least7.residualHigh()))
                .isCloseTo(Math.log(6.0 / 7), org.assertj.core.api.Assertions.within(EPS));
        Observation least5 = rows.get("least5").observation();
        org.assertj.core.api.Assertions.assertThat(Calibrator.residual(600, least5.residualLow(),
                least5.residualHigh())).isZero();
        // The formats say it: CSV columns bound and scope, Markdown "≥ 5".
        var report = new Validator(Fixture.router()).validate("bound.csv", obs);
        org.assertj.core.api.Assertions.assertThat(ValidationFormats.csv(report)).contains(",at_least,");
        org.assertj.core.api.Assertions.assertThat(ValidationFormats.markdown(report, "")).contains("| ≥ 5 |", "| ≤ 5 |");
    }

    @Test
    void aCrossingScopeComparesOnlyTheBorderCrossings(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // Almaty -road 600 km- Dostyk (KZ) =crossing 5 h mean, 9 h p90= Alashankou (CN): 12 h road + 5 h border.
        String nodes = new String(Fixture.class.getResourceAsStream(Fixture.DIR + "nodes.csv").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)
                + "KZDOS,Dostyk,,KZ,border_post,82.4833,45.25,container;bulk,false,true,test fixture,estimated,\n"
                + "CNAKL,Alashankou,,CN,border_post,82.6,45.165,container;bulk,false,true,test fixture,estimated,\n";
        String links = new String(Fixture.class.getResourceAsStream(Fixture.DIR + "links.csv").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)
                + "road_ala_dos,,KZALA,KZDOS,road,,600,,,operational,false,,,,,,,,,,test fixture,estimated,\n"
                + "x_dos_akl,Dostyk-Alashankou,KZDOS,CNAKL,crossing,,10,,,operational,false,road,5,9,100,,,,,,"
                + "test fixture,estimated,\n";
        java.nio.file.Files.writeString(dir.resolve("nodes.csv"), nodes);
        java.nio.file.Files.writeString(dir.resolve("links.csv"), links);
        var net = new org.caravan.io.NetworkLoader().load(java.util.List.of(dir.resolve("nodes.csv"), dir.resolve("links.csv")));
        var router = new org.caravan.routing.Router(net, Fixture.costs(),
                org.caravan.risk.RiskRegisterLoader.defaults());
        var obs = ObservationFile.read(new java.io.StringReader("id,from,to,options,quantity,low,high,source,scope\n"
                + "border,Almaty,Alashankou,modes=road,hours,5,5,s,crossing\n"
                + "borderdays,Almaty,Alashankou,modes=road,days,0.25,0.25,s,crossing\n"
                + "trip,Almaty,Alashankou,modes=road,hours,17,17,s,\n"), "scope.csv");
        Map<String, RowResult> rows = new Validator(router).validate("scope.csv", obs).rows().stream()
                .collect(Collectors.toMap(r -> r.observation().id(), Function.identity()));
        org.assertj.core.api.Assertions.assertThat(rows.get("border").caravan())
                .isCloseTo(5.0, org.assertj.core.api.Assertions.within(EPS));
        org.assertj.core.api.Assertions.assertThat(rows.get("border").ratio())
                .isCloseTo(1.0, org.assertj.core.api.Assertions.within(EPS));
        org.assertj.core.api.Assertions.assertThat(rows.get("borderdays").caravan())
                .isCloseTo(5.0 / 24, org.assertj.core.api.Assertions.within(EPS));
        org.assertj.core.api.Assertions.assertThat(rows.get("trip").caravan())
                .isCloseTo(600.0 / 50 + 5, org.assertj.core.api.Assertions.within(EPS));
    }
}
