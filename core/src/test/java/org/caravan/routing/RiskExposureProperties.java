package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.caravan.network.Link;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.risk.CountryRisk;
import org.caravan.risk.RiskRegister;

/**
 * Exposure and risk of routes on random networks with random risk caps and penalties: exposure adds up to the
 * totals, the risk score is risk-km / km with risk-km summed per documented rule, penalties are reported apart from
 * money, and a risk cap is never broken.
 */
class RiskExposureProperties {
    private static final RiskRegister RISK = ParetoProperties.RISK;

    @Provide
    Arbitrary<ParetoProperties.Case> cases() {
        return Combinators.combine(Arbitraries.integers().between(4, 12), Arbitraries.integers().between(1, 3),
                Arbitraries.longs()).as(ParetoProperties::makeCase);
    }

    private static double tol(double v) { return 1e-9 * Math.max(1, Math.abs(v)); }

    @Property(tries = 250)
    void exposureRiskAndPenaltiesAddUp(@ForAll("cases") ParetoProperties.Case c) {
        if (AlternativesProperties.endpointOverRiskCap(c)) return;
        Router router = new Router(c.network(), c.model(), RISK);
        Network net = c.network();
        for (Objective o : RouterReferenceProperties.DECOMPOSABLE) {
            RouteRequest req = c.request().withObjective(o);
            RouteResult res = router.route(req);
            if (!res.found()) continue;
            Route r = res.route();
            Totals t = r.totals();
            double km = 0;
            double hours = 0;
            double usd = 0;
            for (CountryExposure e : r.exposure()) {
                km += e.km();
                hours += e.hours();
                usd += e.usd();
                CountryRisk cr = RISK.of(e.country());
                assertThat(e.riskScore()).isEqualTo(cr.combined());
                assertThat(e.riskClass()).isEqualTo(RISK.classify(cr.combined()).code());
            }
            assertThat(km).as("exposure km").isCloseTo(t.km(), within(tol(t.km())));
            assertThat(hours).as("exposure hours").isCloseTo(t.hours(), within(tol(t.hours())));
            assertThat(usd).as("exposure usd").isCloseTo(t.usd(), within(1e-9 * Math.max(1, t.usd())));
            // risk-km and per-country km, from the legs by the documented rule
            double riskKm = 0;
            double penalty = 0;
            Map<String, Double> kmByCountry = new LinkedHashMap<>();
            for (Leg leg : r.legs()) {
                Link link = net.link(leg.linkId()).orElseThrow();
                Node a = net.node(leg.from()).orElseThrow();
                Node b = net.node(leg.to()).orElseThrow();
                String cc = a.country().equals(b.country()) ? a.country() : link.isCrossing() ? a.country() : "XX";
                riskKm += leg.km() * RISK.of(cc).combined();
                kmByCountry.merge(cc, leg.km(), Double::sum);
                if (!a.country().equals(b.country())) {
                    penalty += req.countryPenalties().getOrDefault(b.country(), 0.0) * r.units();
                }
            }
            assertThat(r.risk().riskKm()).isCloseTo(riskKm, within(tol(riskKm)));
            assertThat(r.risk().score()).isCloseTo(t.km() > 0 ? riskKm / t.km() : 0, within(1e-9));
            for (CountryExposure e : r.exposure()) {
                assertThat(e.km()).as("km in %s", e.country())
                        .isCloseTo(kmByCountry.getOrDefault(e.country(), 0.0), within(tol(e.km())));
            }
            double shares = r.risk().kmShareByClass().values().stream().mapToDouble(Double::doubleValue).sum();
            if (t.km() > 0) assertThat(shares).isCloseTo(1.0, within(1e-9));
            // penalties: reported apart, part of the generalized cost only
            assertThat(t.penaltyUsd()).isCloseTo(penalty, within(1e-9 * Math.max(1, penalty)));
            double legsAndHandling = r.legs().stream().mapToDouble(Leg::usd).sum()
                    + r.transshipments().stream().mapToDouble(Transshipment::usd).sum();
            assertThat(t.usd()).isCloseTo(legsAndHandling, within(1e-9 * Math.max(1, t.usd())));
            double vot = c.model().profiles().get(req.cargo()).valueOfTimeUsdPerHour();
            double gen = t.usd() + vot * t.hours() * r.units() + t.penaltyUsd();
            assertThat(t.generalizedUsd()).isCloseTo(gen, within(1e-9 * Math.max(1, gen)));
            ParetoProperties.checkRestrictions(net, req, r, RISK);
        }
    }

    /**
     * Penalties shift the cost optimum by at most the penalty the unpenalised route would pay, never lower it, and
     * leave the time optimum's hours alone.
     */
    @Property(tries = 250)
    void penaltiesBoundTheChangeOfTheOptimum(@ForAll("cases") ParetoProperties.Case c) {
        if (AlternativesProperties.endpointOverRiskCap(c) || c.request().countryPenalties().isEmpty()) return;
        Router router = new Router(c.network(), c.model(), RISK);
        RouteRequest with = c.request().withObjective(Objective.COST);
        RouteRequest without = with.withPenalties(Map.of());
        RouteResult r1 = router.route(with);
        RouteResult r0 = router.route(without);
        assertThat(r1.found()).isEqualTo(r0.found());
        if (!r0.found()) return;
        double g0 = r0.route().totals().generalizedUsd();
        double g1 = r1.route().totals().generalizedUsd();
        assertThat(r0.route().totals().penaltyUsd()).isZero();
        double penaltyOfR0 = 0;
        Network net = c.network();
        for (Leg leg : r0.route().legs()) {
            String a = net.node(leg.from()).orElseThrow().country();
            String b = net.node(leg.to()).orElseThrow().country();
            if (!a.equals(b)) penaltyOfR0 += with.countryPenalties().getOrDefault(b, 0.0) * r0.route().units();
        }
        assertThat(g1).isGreaterThanOrEqualTo(g0 - 1e-9 * Math.max(1, g0));
        assertThat(g1).isLessThanOrEqualTo(g0 + penaltyOfR0 + 1e-9 * Math.max(1, g0 + penaltyOfR0));
        // generalized cost without its penalty is never below the unpenalised optimum either
        assertThat(g1 - r1.route().totals().penaltyUsd()).isGreaterThanOrEqualTo(g0 - 1e-9 * Math.max(1, g0));
        double h1 = router.route(with.withObjective(Objective.TIME)).route().totals().hours();
        double h0 = router.route(without.withObjective(Objective.TIME)).route().totals().hours();
        assertThat(h1).isCloseTo(h0, within(1e-9 * Math.max(1, h0)));
    }
}
