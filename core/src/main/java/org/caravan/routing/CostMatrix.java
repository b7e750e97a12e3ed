package org.caravan.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Many-to-many answers (an OD matrix): for every origin and destination the route {@link Router#route} would
 * give under one request's cargo, objective and restrictions, summarised as its costs, time, distance and CO2.
 * One shortest-path tree per origin serves all its destinations ({@link Router#routeFrom}), and origins run in
 * parallel over the common fork-join pool. Via points and the reliable objective are refused (they are not a
 * sum over one tree).
 */
public final class CostMatrix {
    private CostMatrix() {}

    /** One cell: the route's totals, or {@code found = false} with the reason; an origin equal to its destination is 0. */
    public record Cell(String from, String to, boolean found, double generalizedUsd, double usd, double hours,
            double km, double co2Kg, String noRoute) {
        static Cell of(String from, String to, RouteResult r) {
            if (r == null) return new Cell(from, to, true, 0, 0, 0, 0, 0, null); // same place
            if (!r.found()) {
                return new Cell(from, to, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        r.noRoute() == null ? "no route" : r.noRoute().message());
            }
            Totals t = r.route().totals();
            return new Cell(from, to, true, t.generalizedUsd(), t.usd(), t.hours(), t.km(), t.co2Kg(), null);
        }
    }

    /** The matrix: {@code cells[i][j]} is from {@code from.get(i)} to {@code to.get(j)}. */
    public record Result(RouteRequest request, List<String> from, List<String> to, Cell[][] cells) {
        public Cell cell(int i, int j) { return cells[i][j]; }

        public int found() {
            int n = 0;
            for (Cell[] row : cells) for (Cell c : row) if (c.found()) n++;
            return n;
        }
    }

    /**
     * Every origin to every destination (node ids) under {@code request}'s cargo, objective and restrictions (its
     * own from and to are ignored).
     *
     * @throws InvalidRequestException naming the field when the request or a place cannot be routed
     */
    public static Result compute(Router router, RouteRequest request, List<String> from, List<String> to) {
        if (from.isEmpty()) throw new InvalidRequestException("from", "no origins given");
        if (to.isEmpty()) throw new InvalidRequestException("to", "no destinations given");
        if (!request.via().isEmpty()) {
            throw new InvalidRequestException("via", "a matrix takes no via points");
        }
        if (request.objective() == Objective.RELIABLE) {
            throw new InvalidRequestException("objective", "a matrix is for additive objectives (cost, time, distance,"
                    + " co2), not reliable");
        }
        for (String id : from) checkId(router, id, "from");
        for (String id : to) checkId(router, id, "to");
        List<String> targets = new ArrayList<>(new LinkedHashSet<>(to));
        Cell[][] cells = new Cell[from.size()][];
        List<RuntimeException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        IntStream.range(0, from.size()).parallel().forEach(i -> {
            try {
                String o = from.get(i);
                Map<String, RouteResult> row = router.routeFrom(withFrom(request, o, targets), targets);
                Cell[] r = new Cell[to.size()];
                for (int j = 0; j < to.size(); j++) r[j] = Cell.of(o, to.get(j), row.get(to.get(j)));
                cells[i] = r;
            } catch (RuntimeException e) {
                failures.add(e);
            }
        });
        if (!failures.isEmpty()) throw failures.get(0);
        return new Result(request, List.copyOf(from), List.copyOf(to), cells);
    }

    /**
     * The same matrix holding only the request's objective (generalized cost for cost, hours for time, km for
     * distance, CO2 for co2; the other values NaN), by the bucket many-to-many on a contraction hierarchy of the
     * router's state graph ({@link Router#objectiveMatrix}), which is much faster for large matrices. Each value
     * equals {@link #compute}'s for the same cell. Null when the hierarchy does not apply to the request (via
     * points, the reliable objective, a departure time, restrictions that change the state graph's arcs, and the
     * cost and time objectives: see {@link Router#objectiveMatrix}).
     */
    public static Result computeObjective(Router router, RouteRequest request, List<String> from, List<String> to) {
        if (from.isEmpty()) throw new InvalidRequestException("from", "no origins given");
        if (to.isEmpty()) throw new InvalidRequestException("to", "no destinations given");
        for (String id : from) checkId(router, id, "from");
        for (String id : to) checkId(router, id, "to");
        double[][] v = router.objectiveMatrix(request, from, to);
        if (v == null) return null;
        double units = RouteAssembler.units(request, router.costModel().profile(request.cargo()).orElseThrow());
        double nan = Double.NaN;
        Cell[][] cells = new Cell[from.size()][to.size()];
        for (int i = 0; i < from.size(); i++) {
            for (int j = 0; j < to.size(); j++) {
                double x = v[i][j];
                String f = from.get(i);
                String t = to.get(j);
                if (Double.isInfinite(x)) {
                    cells[i][j] = new Cell(f, t, false, nan, nan, nan, nan, nan, "no route");
                    continue;
                }
                cells[i][j] = switch (request.objective()) {
                    case COST -> new Cell(f, t, true, x * units, nan, nan, nan, nan, null);
                    case TIME -> new Cell(f, t, true, nan, nan, x, nan, nan, null);
                    case DISTANCE -> new Cell(f, t, true, nan, nan, nan, x, nan, null);
                    case CO2 -> new Cell(f, t, true, nan, nan, nan, nan, x * units, null);
                    case RELIABLE -> throw new IllegalStateException("no hierarchy for the reliable objective");
                };
            }
        }
        return new Result(request, List.copyOf(from), List.copyOf(to), cells);
    }

    private static void checkId(Router router, String id, String field) {
        if (router.network().nodeIndex(id) < 0) throw new InvalidRequestException(field, "unknown node id '" + id + "'");
    }

    private static RouteRequest withFrom(RouteRequest r, String from, List<String> targets) {
        String to = targets.stream().filter(t -> !t.equals(from)).findFirst().orElse(targets.get(0));
        return new RouteRequest(from, to, r.via(), r.cargo(), r.tonnes(), r.objective(), r.avoidCountries(),
                r.closedNodes(), r.closedLinks(), r.modes(), r.includePlanned(), r.maxRisk(), r.countryPenalties(),
                r.depart());
    }
}
