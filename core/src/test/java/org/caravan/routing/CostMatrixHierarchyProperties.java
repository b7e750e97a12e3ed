package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The matrix by the contraction hierarchy ({@link CostMatrix#computeObjective}) equals the matrix by search
 * trees ({@link CostMatrix#compute}, each cell {@link Router#route}'s answer) in the objective's value, cell by
 * cell, for random places, cargo, objectives and tonnes on the embedded network; with a restriction the hierarchy
 * declines (null) instead of answering another question.
 */
class CostMatrixHierarchyProperties {
    private static final Router ROUTER = EmbeddedRouter.ROUTER;
    private static final List<String> PLACES = EmbeddedRouter.PLACES;

    @Property(tries = 40)
    void hierarchyMatrixEqualsTreeMatrix(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        Random rnd = new Random(seed);
        List<String> from = new ArrayList<>();
        List<String> to = new ArrayList<>();
        for (int i = 0; i < 1 + rnd.nextInt(5); i++) from.add(PLACES.get(rnd.nextInt(PLACES.size())));
        for (int i = 0; i < 1 + rnd.nextInt(5); i++) to.add(PLACES.get(rnd.nextInt(PLACES.size())));
        if (rnd.nextInt(4) == 0) to.add(from.get(0)); // an origin among the destinations
        List<String> cargos = List.copyOf(ROUTER.costModel().profileNames());
        Objective objective = List.of(Objective.COST, Objective.TIME, Objective.DISTANCE, Objective.CO2)
                .get(rnd.nextInt(4));
        Double tonnes = rnd.nextBoolean() ? null : 1.0 + rnd.nextInt(60);
        RouteRequest request = RouteRequest.of(from.get(0), to.get(0)).withCargo(cargos.get(rnd.nextInt(cargos.size())))
                .withObjective(objective).withTonnes(tonnes);
        CostMatrix.Result trees;
        CostMatrix.Result ch;
        try {
            trees = CostMatrix.compute(ROUTER, request, from, to);
            ch = CostMatrix.computeObjective(ROUTER, request, from, to);
        } catch (InvalidRequestException e) {
            Statistics.collect("refused");
            return;
        }
        if (objective == Objective.COST || objective == Objective.TIME) {
            // Their reported values hold the trip's drivers' rest and the pair's rail tariff levels.
            assertThat(ch).as("the hierarchy declines %s", objective).isNull();
            return;
        }
        assertThat(ch).as("the hierarchy answers an unrestricted request").isNotNull();
        for (int i = 0; i < from.size(); i++) {
            for (int j = 0; j < to.size(); j++) {
                CostMatrix.Cell t = trees.cell(i, j);
                CostMatrix.Cell c = ch.cell(i, j);
                Statistics.collect(t.found() ? "route" : "no route");
                assertThat(c.found()).as("found %s -> %s", from.get(i), to.get(j)).isEqualTo(t.found());
                if (!t.found()) continue;
                double expected = value(t, objective);
                assertThat(value(c, objective)).as("%s %s -> %s", objective, from.get(i), to.get(j))
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, expected)));
            }
        }
        // A restriction changes the arcs: the hierarchy does not answer.
        RouteRequest restricted = request.withAvoid(Set.of("IR"));
        try {
            assertThat(CostMatrix.computeObjective(ROUTER, restricted, from, to)).isNull();
        } catch (InvalidRequestException e) {
            // an endpoint in Iran: refused, as compute would
        }
    }

    private static double value(CostMatrix.Cell c, Objective o) {
        return switch (o) {
            case COST -> c.generalizedUsd();
            case TIME -> c.hours();
            case DISTANCE -> c.km();
            default -> c.co2Kg();
        };
    }
}
