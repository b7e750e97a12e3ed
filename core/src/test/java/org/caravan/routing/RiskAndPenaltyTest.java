package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caravan.cost.CostModel;
import org.caravan.cost.CostModelLoader;
import org.caravan.network.CrossingTimes;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.Problem;
import org.caravan.risk.RiskRegister;
import org.caravan.risk.RiskRegisterException;
import org.caravan.risk.RiskRegisterLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Risk cap, penalties, exposure and the risk register loader on a hand-made network with two corridors from
 * Kazakhstan to Pakistan: a short one through Afghanistan (combined risk 0.70, class high) and a long one through
 * Uzbekistan (0.14, low).
 *
 * <pre>
 *   O (KZ) =x= A1 (AF) -- road 100 km -- A2 (AF) =x= D (PK)
 *   O (KZ) =x= U1 (UZ) -- road 600 km -- U2 (UZ) =x= D (PK)
 * </pre>
 */
class RiskAndPenaltyTest {
    private static final CostModel COSTS = CostModelLoader.defaults();
    private static final RiskRegister RISK = RiskRegisterLoader.defaults();
    private static final CrossingTimes X = new CrossingTimes(5, 10, 100);

    private static Network net() {
        return Nets.net(List.of(Nets.node("O", "KZ"), Nets.node("A1", "AF"), Nets.node("A2", "AF"),
                Nets.node("U1", "UZ"), Nets.node("U2", "UZ"), Nets.node("D", "PK")),
                List.of(Nets.crossing("XA1", "O", "A1", 2, Set.of(Mode.ROAD), Set.of(), X, X),
                        Nets.road("RA", "A1", "A2", 100),
                        Nets.crossing("XA2", "A2", "D", 3, Set.of(Mode.ROAD), Set.of(), X, X),
                        Nets.crossing("XU1", "O", "U1", 2, Set.of(Mode.ROAD), Set.of(), X, X),
                        Nets.road("RU", "U1", "U2", 600),
                        Nets.crossing("XU2", "U2", "D", 3, Set.of(Mode.ROAD), Set.of(), X, X)));
    }

    private static final Router ROUTER = new Router(net(), COSTS, RISK);

    private static RouteRequest req() { return RouteRequest.of("O", "D").withCargo("bulk").withTonnes(40.0); }

    @Test
    void riskAndExposureOfTheShortCorridor() {
        Route r = ROUTER.route(req()).route();
        assertThat(r.nodes()).containsExactly("O", "A1", "A2", "D");
        double kz = RISK.of("KZ").combined();
        double af = RISK.of("AF").combined();
        assertThat(af).isCloseTo(0.70, within(1e-9));
        assertThat(kz).isCloseTo(0.16, within(1e-9));
        // crossing O->A1 counts in KZ (the country it leaves), the road and the crossing A2->D in AF
        double riskKm = 2 * kz + 100 * af + 3 * af;
        assertThat(r.risk().riskKm()).isCloseTo(riskKm, within(1e-9));
        assertThat(r.risk().score()).isCloseTo(riskKm / 105, within(1e-12));
        assertThat(r.risk().maxClass()).isEqualTo("high");
        assertThat(r.risk().kmShareByClass().get("high")).isCloseTo(103.0 / 105, within(1e-12));
        assertThat(r.exposure()).extracting(CountryExposure::country).containsExactly("KZ", "AF");
        CountryExposure afx = r.exposure().get(1);
        assertThat(afx.km()).isEqualTo(103.0);
        assertThat(afx.riskClass()).isEqualTo("high");
        assertThat(afx.name()).isEqualTo("Afghanistan");
        assertThat(r.exposure().get(0).hours() + afx.hours()).isCloseTo(r.totals().hours(), within(1e-9));
        assertThat(r.exposure().get(0).usd() + afx.usd()).isCloseTo(r.totals().usd(), within(1e-9));
        assertThat(r.totals().penaltyUsd()).isZero();
    }

    @Test
    void maxRiskTakesTheLongCorridorAndNamesItselfWhenItBlocks() {
        Route r = ROUTER.route(req().withMaxRisk(0.5)).route();
        assertThat(r.nodes()).containsExactly("O", "U1", "U2", "D");
        assertThat(r.risk().maxClass()).isEqualTo("low"); // PK (0.42, medium) is reached, never travelled in
        RouteResult none = ROUTER.route(req().withMaxRisk(0.5).withAvoid(Set.of("UZ")));
        assertThat(none.found()).isFalse();
        assertThat(none.noRoute().blockingConstraints()).anyMatch(b -> b.startsWith("maximum country risk"));
        // an endpoint above the cap is a bad request, not "no route"
        assertThatThrownBy(() -> ROUTER.route(req().withMaxRisk(0.3))).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("max_risk"));
        // the cap is inclusive: exactly AF's score allows AF
        Route atCap = ROUTER.route(req().withMaxRisk(RISK.of("AF").combined())).route();
        assertThat(atCap.nodes()).contains("A1");
    }

    @Test
    void penaltiesChangeTheChoiceAndAreReportedApartFromMoney() {
        Route base = ROUTER.route(req()).route();
        // a small penalty keeps the route, adds penalty once per entry and per unit, and no real money
        Route small = ROUTER.route(req().withPenalties(Map.of("AF", 0.5))).route();
        assertThat(small.nodes()).isEqualTo(base.nodes());
        assertThat(small.totals().usd()).isEqualTo(base.totals().usd());
        assertThat(small.totals().penaltyUsd()).isCloseTo(0.5 * 40, within(1e-9));
        assertThat(small.totals().generalizedUsd()).isCloseTo(base.totals().generalizedUsd() + 20, within(1e-6));
        // a large one moves it to the other corridor, which pays no penalty
        Route big = ROUTER.route(req().withPenalties(Map.of("AF", 5000.0))).route();
        assertThat(big.nodes()).containsExactly("O", "U1", "U2", "D");
        assertThat(big.totals().penaltyUsd()).isZero();
        assertThat(big.totals().usd()).isGreaterThan(base.totals().usd());
        // entering the destination's country is penalised on every route
        Route pk = ROUTER.route(req().withPenalties(Map.of("PK", 7.0))).route();
        assertThat(pk.nodes()).isEqualTo(base.nodes());
        assertThat(pk.totals().penaltyUsd()).isCloseTo(7.0 * 40, within(1e-9));
        // the Pareto front counts penalties in its cost criterion: the UZ corridor is then cheaper
        ParetoResult front = ROUTER.pareto(req().withPenalties(Map.of("AF", 5000.0)), 100_000, 5_000);
        assertThat(front.routes()).isNotEmpty();
        assertThat(front.routes().get(0).nodes()).containsExactly("O", "U1", "U2", "D");
    }

    @Test
    void paretoFrontOfTheTwoCorridors() {
        ParetoResult front = ROUTER.pareto(req(), 100_000, 5_000);
        assertThat(front.truncated()).isFalse();
        // the AF corridor is cheaper, shorter and faster; the UZ one is less risky per km but its 600 km weigh more
        // risk-km (600 * 0.14 + ... = 84.6 vs 72.4), so AF dominates on every criterion
        assertThat(front.routes()).hasSize(1);
        assertThat(front.routes().get(0).nodes()).containsExactly("O", "A1", "A2", "D");
        Route uz = ROUTER.route(req().withAvoid(Set.of("AF"))).route();
        assertThat(uz.risk().riskKm()).isGreaterThan(front.routes().get(0).risk().riskKm());
        assertThat(uz.risk().score()).isLessThan(front.routes().get(0).risk().score());
    }

    // ------------------------------------------------------------------ register loader

    private static RiskRegisterException loadError(Path dir, String yaml) throws Exception {
        Path f = dir.resolve("risk.yaml");
        Files.writeString(f, yaml);
        try {
            RiskRegisterLoader.load(f);
        } catch (RiskRegisterException e) {
            assertThat(e.getMessage()).contains(f.toString());
            for (Problem p : e.problems()) assertThat(p.file()).isEqualTo(f.toString());
            return e;
        }
        throw new AssertionError("expected a RiskRegisterException for\n" + yaml);
    }

    @Test
    void loaderNamesFileAndDottedFieldForAScoreAboveOne(@TempDir Path dir) throws Exception {
        RiskRegisterException e = loadError(dir, "countries:\n  KZ:\n    sanctions: {score: 1.5}\n");
        assertThat(e.problems()).extracting(Problem::field).containsExactly("countries.KZ.sanctions.score");
        assertThat(e.getMessage()).contains("field 'countries.KZ.sanctions.score'", "1.5");
    }

    @Test
    void loaderNamesFileAndDottedFieldForAnUnknownField(@TempDir Path dir) throws Exception {
        RiskRegisterException e = loadError(dir, "countries:\n  KZ:\n    colour: red\n    security: {score: 0.1, "
                + "reason: r, source: s, weight: 2}\nweights: {sanctions: 1, piracy: 1}\n");
        assertThat(e.problems()).extracting(Problem::field).containsExactlyInAnyOrder("countries.KZ.colour",
                "countries.KZ.security.weight", "weights.piracy");
        assertThat(e.getMessage()).contains("unknown field");
    }

    @Test
    void loaderNamesFileAndDottedFieldForAMissingReason(@TempDir Path dir) throws Exception {
        RiskRegisterException e = loadError(dir, "countries:\n  QQ:\n    name: Test\n"
                + "    sanctions: {score: 0.1, source: s}\n    security: {score: 0.1, reason: r, source: s}\n"
                + "    border: {score: 0.1, reason: r, source: s}\n");
        assertThat(e.problems()).extracting(Problem::field).containsExactly("countries.QQ.sanctions.reason");
        assertThat(e.getMessage()).contains("field 'countries.QQ.sanctions.reason'", "missing");
    }

    @Test
    void loaderMergesAValidFileOverTheDefaults(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("risk.yaml");
        Files.writeString(f, "countries:\n  KZ:\n    security: {score: 0.9, reason: test, source: test}\n");
        RiskRegister r = RiskRegisterLoader.load(f);
        // 0.4 * 0.15 + 0.4 * 0.9 + 0.2 * 0.4
        assertThat(r.of("KZ").combined()).isCloseTo(0.50, within(1e-12));
        assertThat(r.of("KZ").riskClass().code()).isEqualTo("high");
        assertThat(r.of("KZ").sanctions().reason()).isEqualTo(RISK.of("KZ").sanctions().reason());
        assertThat(r.of("AF").combined()).isEqualTo(RISK.of("AF").combined());
        assertThat(r.of("ZZ").rated()).isFalse();
        assertThat(r.of("ZZ").combined()).isCloseTo(0.4 * 0.1 + 0.4 * 0.1 + 0.2 * 0.3, within(1e-12));
    }
}
