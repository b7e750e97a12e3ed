package org.caravan.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caravan.cost.CostModelLoader;
import org.caravan.io.YamlOverlay;
import org.caravan.risk.RiskRegisterLoader;
import org.caravan.routing.Router;
import org.junit.jupiter.api.Test;

/**
 * Calibration on the hand-made fixture: observations generated from known "true" parameters are fitted back
 * from the fixture's defaults, the error falls and the true values are recovered; no value ever leaves its
 * bounds, even when the observations ask for the impossible.
 */
class CalibratorTest {
    private static final ParameterRegistry REGISTRY = ParameterRegistry.embedded();

    /** The truth: container road at 35 km/h (fixture: 50), rail at 1.6 USD/km (fixture: 1.0). */
    private static ObjectNode truth() {
        ObjectNode t = Fixture.costTree();
        ((ObjectNode) t.at("/profiles/container/modes/road")).put("speed_kmh", 35);
        ((ObjectNode) t.at("/profiles/container/modes/rail")).put("per_km_usd", 1.6);
        return t;
    }

    /** Road hours and rail USD on the three pairs of places, exactly as the true model answers them. */
    private static List<Observation> synthetic() throws Exception {
        Router truth = new Router(Fixture.network(), CostModelLoader.fromTree(truth(), "truth"),
                RiskRegisterLoader.defaults());
        StringBuilder csv = new StringBuilder("id,from,to,options,quantity,low,high,source\n");
        String[][] pairs = {{"Almaty", "Shu"}, {"Shu", "Taraz"}, {"Almaty", "Taraz"}};
        int n = 0;
        for (String[] p : pairs) {
            for (String[] q : new String[][] {{"modes=road", "hours"}, {"modes=rail", "usd"}}) {
                Observation probe = ObservationFile.read(new StringReader("id,from,to,options,quantity,low,high,source\n"
                        + "x," + p[0] + "," + p[1] + "," + q[0] + "," + q[1] + ",1,1,s\n"), "probe").get(0);
                Validator v = new Validator(truth);
                double value = Validator.evaluate(truth, v.prepare(List.of(probe)).get(0)).caravan();
                csv.append("s").append(n++).append(',').append(p[0]).append(',').append(p[1]).append(',').append(q[0])
                        .append(',').append(q[1]).append(',').append(value).append(',').append(value)
                        .append(",synthetic\n");
            }
        }
        return ObservationFile.read(new StringReader(csv.toString()), "synthetic.csv");
    }

    private static Calibrator calibrator() {
        return new Calibrator(Fixture.network(), RiskRegisterLoader.defaults(), REGISTRY);
    }

    private static Map<String, Calibrator.Fitted> byPath(Calibrator.Result r) {
        return r.parameters().stream().collect(Collectors.toMap(f -> f.parameter().path(), Function.identity()));
    }

    @Test
    void recoversKnownParametersAndReducesTheError() throws Exception {
        Calibrator.Result r = calibrator().calibrate(Fixture.costTree(), synthetic(), "synthetic.csv",
                new Calibrator.Settings(Set.of("speeds", "rates"), 0, 1, 3000, 1e-6));
        assertThat(r.evaluations()).isLessThanOrEqualTo(3000);
        Map<String, Calibrator.Fitted> fitted = byPath(r);
        assertThat(fitted.get("profiles.container.modes.road.speed_kmh").value()).isCloseTo(35, within(35 * 0.02));
        assertThat(fitted.get("profiles.container.modes.rail.per_km_usd").value()).isCloseTo(1.6, within(1.6 * 0.03));
        assertThat(fitted.get("profiles.container.modes.rail.fixed_usd").value()).isCloseTo(200, within(200 * 0.05));
        assertThat(r.fitBefore().inRange()).isLessThan(6);
        assertThat(r.fitAfter().inRange()).isEqualTo(6);
        assertThat(r.fitAfter().loss()).isLessThan(r.fitBefore().loss() / 100);
        // Nothing informs sea or ferry: they stay at the fixture's values and are not written.
        assertThat(fitted.get("profiles.container.modes.sea.speed_kmh").value()).isEqualTo(30);
        assertThat(r.override().at("/profiles/container/modes/sea").isMissingNode()).isTrue();
    }

    /**
     * Noisy published figures: each pair and figure of {@link #synthetic()} published {@code copies} times with a
     * seeded log-normal error (σ = {@code sigma}) and a ±3 % range, from the model {@code truth}.
     */
    private static List<Observation> noisy(ObjectNode truthTree, int copies, double sigma, long seed) throws Exception {
        Router truth = new Router(Fixture.network(), CostModelLoader.fromTree(truthTree, "truth"),
                RiskRegisterLoader.defaults());
        java.util.Random random = new java.util.Random(seed);
        StringBuilder csv = new StringBuilder("id,from,to,options,quantity,low,high,source\n");
        String[][] pairs = {{"Almaty", "Shu"}, {"Shu", "Taraz"}, {"Almaty", "Taraz"}};
        String[][] figures = {{"modes=road", "hours"}, {"modes=rail", "usd"}, {"modes=road", "usd"},
            {"modes=rail", "hours"}};
        int n = 0;
        for (String[] p : pairs) {
            for (String[] q : figures) {
                Observation probe = ObservationFile.read(new StringReader("id,from,to,options,quantity,low,high,source\n"
                        + "x," + p[0] + "," + p[1] + "," + q[0] + "," + q[1] + ",1,1,s\n"), "probe").get(0);
                double value = Validator.evaluate(truth, new Validator(truth).prepare(List.of(probe)).get(0)).caravan();
                for (int c = 0; c < copies; c++) {
                    double v = value * Math.exp(sigma * random.nextGaussian());
                    csv.append(String.format(java.util.Locale.ROOT, "n%02d,%s,%s,%s,%s,%.4f,%.4f,synthetic%n", n++,
                            p[0], p[1], q[0], q[1], v * 0.97, v * 1.03));
                }
            }
        }
        return ObservationFile.read(new StringReader(csv.toString()), "noisy.csv");
    }

    private static Calibrator.Settings crossValidated(long seed) {
        return Calibrator.Settings.crossValidated(Set.of("speeds", "rates", "dwell"), 0.3, seed, 1500,
                Calibrator.DEFAULT_PRIOR_WEIGHTS, 3, 3, 400);
    }

    @Test
    void onNoisyFiguresFromOtherParametersTheCrossValidatedFitImprovesTheHeldBackRows() throws Exception {
        List<Observation> obs = noisy(truth(), 3, 0.15, 11);
        Calibrator.Result r = calibrator().calibrate(Fixture.costTree(), obs, "noisy.csv", crossValidated(42));
        assertThat(r.crossValidation()).hasSize(Calibrator.DEFAULT_PRIOR_WEIGHTS.size());
        assertThat(r.priorWeight()).isFinite();
        assertThat(r.holdoutAfter().loss()).isLessThan(r.holdoutBefore().loss());
        assertThat(r.holdoutAfter().inRange()).isGreaterThanOrEqualTo(r.holdoutBefore().inRange());
        Map<String, Calibrator.Fitted> fitted = byPath(r);
        // The road speed moves from the fixture's 50 km/h toward the true 35 km/h.
        assertThat(fitted.get("profiles.container.modes.road.speed_kmh").value()).isBetween(30.0, 40.0);
        assertThat(r.parameters()).allSatisfy(f -> assertThat(f.value()).as(f.parameter().path())
                .isBetween(f.parameter().lower(), f.parameter().upper()));
    }

    @Test
    void onPureNoiseTheCrossValidatedFitDoesNoWorseOnTheHeldBackRowsThanNoFit() throws Exception {
        // The figures come from the defaults themselves: there is nothing to learn, only noise to fit.
        for (long seed : new long[] {1, 2, 3}) {
            List<Observation> obs = noisy(Fixture.costTree(), 3, 0.15, 100 + seed);
            Calibrator.Result r = calibrator().calibrate(Fixture.costTree(), obs, "noisy.csv", crossValidated(seed));
            // No prior weight beats the defaults by a standard error, so nothing is fitted and the held-back
            // rows are exactly as with the defaults (an unregularised fit moves the parameters after the noise).
            assertThat(r.priorWeight()).isInfinite();
            assertThat(r.override().isEmpty()).isTrue();
            assertThat(r.holdoutAfter().loss()).isLessThanOrEqualTo(r.holdoutBefore().loss() + 1e-9);
            assertThat(r.parameters()).allSatisfy(f -> assertThat(f.value()).as(f.parameter().path())
                    .isBetween(f.parameter().lower(), f.parameter().upper()));
        }
    }

    @Test
    void parametersWithTooFewRowsArePooledByKindOrLeftAtTheirDefaults() {
        ParameterRegistry.Parameter kz = new ParameterRegistry.Parameter(
                "profiles.container.modes.road.per_km_usd_by_country.KZ", "rates", 2, 1, 4, "t");
        ParameterRegistry.Parameter kg = new ParameterRegistry.Parameter(
                "profiles.container.modes.road.per_km_usd_by_country.KG", "rates", 3, 1, 6, "t");
        ParameterRegistry.Parameter speed = new ParameterRegistry.Parameter(
                "profiles.container.modes.road.speed_kmh", "speeds", 50, 20, 65, "t");
        ParameterRegistry.Parameter ferry = new ParameterRegistry.Parameter(
                "crossings.x_a_b_road.forward.wait_hours", "waits", 5, 1, 20, "t");
        ParameterRegistry.Parameter sea = new ParameterRegistry.Parameter(
                "profiles.container.modes.sea.speed_kmh", "speeds", 30, 10, 60, "t");
        assertThat(Calibrator.poolKey(kz)).isEqualTo(Calibrator.poolKey(kg))
                .isEqualTo("rates profiles.container[road] per_km_usd_by_country");
        assertThat(Calibrator.poolKey(ferry)).isEqualTo("waits crossings[road] wait_hours");
        java.util.BitSet train = new java.util.BitSet();
        train.set(0, 6);
        List<java.util.BitSet> touched = List.of(java.util.BitSet.valueOf(new long[] {0b11}), // KZ: rows 0, 1
                java.util.BitSet.valueOf(new long[] {0b100}), // KG: row 2
                java.util.BitSet.valueOf(new long[] {0b111111}), // speed: all six
                java.util.BitSet.valueOf(new long[] {0b1}), // the crossing: row 0 only
                new java.util.BitSet()); // sea: none
        List<ParameterRegistry.Parameter> params = List.of(kz, kg, speed, ferry, sea);
        var plan = Calibrator.plan(params, touched, train, 3);
        var variables = plan.variables(params);
        assertThat(variables).extracting(Calibrator.Variable::name).containsExactly(speed.path(),
                "rates profiles.container[road] per_km_usd_by_country");
        assertThat(variables.get(1).paths()).containsExactly(kz.path(), kg.path());
        assertThat(variables.get(1).support()).isEqualTo(3);
        assertThat(plan.unsupported(params)).containsExactly(new Calibrator.Unsupported(ferry.path(), 1));
    }

    @Test
    void theOverrideIsANormalCostsFileCitingTheCalibration() throws Exception {
        Calibrator.Result r = calibrator().calibrate(Fixture.costTree(), synthetic(), "synthetic.csv",
                new Calibrator.Settings(Set.of("speeds"), 0, 1, 500, 1e-6));
        ObjectNode override = r.override();
        assertThat(override.at("/profiles/container/modes/road/speed_kmh").asDouble()).isCloseTo(35.0, within(1.0));
        var source = override.at("/sources/profiles.container.modes.road.speed_kmh");
        assertThat(source.path("confidence").asText()).isEqualTo("calibrated");
        assertThat(source.path("source").asText()).startsWith("calibrated on synthetic.csv (6 observations)");
        var model = CostModelLoader.fromTree(YamlOverlay.merge(Fixture.costTree(), override), "fitted.yaml");
        assertThat(model.sourceOf("profiles.container.modes.road.speed_kmh").orElseThrow().confidence())
                .isEqualTo("calibrated");
    }

    @Test
    void neverLeavesItsBoundsEvenWhenTheDataAskForTheImpossible() throws Exception {
        // Published times a hundred times Caravan's and costs a hundredth: the fit runs into its bounds and stops.
        StringBuilder csv = new StringBuilder("id,from,to,options,quantity,low,high,source\n");
        csv.append("a,Almaty,Taraz,modes=road,hours,1100,1100,s\n");
        csv.append("b,Almaty,Shu,modes=rail,usd,4.8,4.8,s\n");
        csv.append("c,Shu,Taraz,modes=rail,days,30,30,s\n");
        List<Observation> obs = ObservationFile.read(new StringReader(csv.toString()), "wild.csv");
        Calibrator.Result r = calibrator().calibrate(Fixture.costTree(), obs, "wild.csv",
                new Calibrator.Settings(Set.of("speeds", "rates", "dwell"), 0, 7, 1000, 1e-6));
        assertThat(r.parameters()).isNotEmpty().allSatisfy(f -> assertThat(f.value()).as(f.parameter().path())
                .isBetween(f.parameter().lower(), f.parameter().upper()));
        Map<String, Calibrator.Fitted> fitted = byPath(r);
        var road = fitted.get("profiles.container.modes.road.speed_kmh");
        assertThat(road.value()).isCloseTo(road.parameter().lower(), within(1e-9));
        for (var leaf : ParameterRegistry.numericLeaves(r.override()).entrySet()) {
            var p = fitted.get(leaf.getKey()).parameter();
            assertThat(leaf.getValue()).as(leaf.getKey()).isBetween(p.lower(), p.upper());
        }
        assertThat(r.fitAfter().loss()).isLessThanOrEqualTo(r.fitBefore().loss());
    }

    @Test
    void waitsAtEitherBoundKeepEveryNinetiethPercentileAtLeastItsMean() throws Exception {
        // The defaults' crossings and services: a mean scaled to a tenth or four times its default takes its p90
        // along, so every trial cost model the fit builds is valid (it used to fail: p90 below the mean).
        ObjectNode base = CostModelLoader.readDefaults();
        List<ParameterRegistry.Parameter> waits = REGISTRY.find(base, Set.of("waits"));
        assertThat(waits).anySatisfy(p -> assertThat(p.tied()).isNotEmpty());
        for (boolean low : new boolean[] {true, false}) {
            double[] x = waits.stream().mapToDouble(p -> low ? p.lower() : p.upper()).toArray();
            ObjectNode t = Calibrator.tree(base, waits, x);
            CostModelLoader.fromTree(t, "trial"); // throws on any p90 below its mean
            for (int j = 0; j < waits.size(); j++) {
                for (ParameterRegistry.Tied tied : waits.get(j).tied()) {
                    double p90 = t.at("/" + tied.path().replace('.', '/')).asDouble();
                    assertThat(p90).as(tied.path()).isGreaterThanOrEqualTo(x[j])
                            .isCloseTo(tied.initial() * x[j] / waits.get(j).initial(), within(1e-6 * p90));
                }
            }
            // The written file holds the tied values too, each citing the calibration.
            ObjectNode override = Calibrator.override(waits, x, "obs.csv", 3);
            var model = CostModelLoader.fromTree(YamlOverlay.merge(base.deepCopy(), override), "fitted.yaml");
            String tiedPath = waits.stream().filter(p -> !p.tied().isEmpty()).findFirst().orElseThrow().tied().get(0)
                    .path();
            assertThat(model.sourceOf(tiedPath).orElseThrow().confidence()).isEqualTo("calibrated");
        }
    }

    @Test
    void boundsStayWithinTheCostFilesRangeAndModelProblemsNameTheFittedFileNotTheObservations() throws Exception {
        // A registry that would let speeds reach 500 km/h: the cost file's range (150 km/h) caps the bound.
        var loose = new ParameterRegistry(List.of(new ParameterRegistry.Entry("speeds", "**.speed_kmh", 0.5, 10, 1,
                1000, "test")));
        var road = loose.find(Fixture.costTree(), Set.of("speeds")).stream()
                .filter(p -> p.path().equals("profiles.container.modes.road.speed_kmh")).findFirst().orElseThrow();
        assertThat(road.upper()).isEqualTo(CostModelLoader.bounds(road.path())[1]);
        // A model problem is reported against the fitted parameters' name and the field.
        ObjectNode bad = Fixture.costTree();
        ((ObjectNode) bad.at("/profiles/container/modes/road")).put("speed_kmh", 400);
        List<Observation> obs = ObservationFile.read(new StringReader("id,from,to,options,quantity,low,high,source\n"
                + "a,Almaty,Taraz,modes=road,hours,5,5,s\n"), "fast.csv");
        assertThatThrownBy(() -> calibrator().calibrate(bad, obs, "fast.csv", "fitted parameters for f.yaml",
                new Calibrator.Settings(Set.of("speeds"), 0, 1, 50, 1e-6)))
                .isInstanceOf(org.caravan.cost.CostModelException.class)
                .hasMessageContaining("fitted parameters for f.yaml")
                .hasMessageContaining("profiles.container.modes.road.speed_kmh")
                .hasMessageNotContaining("fast.csv");
    }

    @Test
    void holdoutSplitIsSeededAndStratifiedByKind() throws Exception {
        List<Observation> obs = synthetic();
        var prepared = new Validator(Fixture.router()).prepare(obs);
        boolean[] a = Calibrator.split(prepared, 0.34, 5);
        boolean[] b = Calibrator.split(prepared, 0.34, 5);
        assertThat(a).isEqualTo(b);
        int timeHeld = 0;
        int costHeld = 0;
        for (int i = 0; i < a.length; i++) {
            if (!a[i]) continue;
            if (obs.get(i).quantity().family() == Quantity.Family.TIME) timeHeld++; else costHeld++;
        }
        assertThat(timeHeld).isEqualTo(1); // round(3 x 0.34)
        assertThat(costHeld).isEqualTo(1);
    }

    @Test
    void residualIsZeroInsideThePublishedRangeAndHuberIsLinearFarOut() {
        assertThat(Calibrator.residual(150, 100, 200)).isZero();
        assertThat(Calibrator.residual(50, 100, 200)).isCloseTo(Math.log(0.5), within(1e-12));
        assertThat(Calibrator.residual(400, 100, 200)).isCloseTo(Math.log(2), within(1e-12));
        double d = Calibrator.HUBER_DELTA;
        assertThat(Calibrator.huber(d / 2)).isCloseTo(d * d / 8, within(1e-12));
        assertThat(Calibrator.huber(3)).isCloseTo(d * (3 - d / 2), within(1e-12));
    }
}
