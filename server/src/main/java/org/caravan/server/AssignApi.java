package org.caravan.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.caravan.assignment.AssignmentMethod;
import org.caravan.assignment.Capacities;
import org.caravan.assignment.FreightAssignment;
import org.caravan.demand.OdFile;
import org.caravan.demand.OdFileException;
import org.caravan.demand.OdPair;
import org.caravan.place.RouteParameter;
import org.caravan.place.RouteQuery;
import org.caravan.report.AssignmentJson;
import org.caravan.scenario.ScenarioBase;
import org.caravan.scenario.ScenarioRun;

/**
 * {@code /api/assign}: the freight assignment (docs/ASSIGNMENT.md). GET assigns the embedded main OD pairs
 * (illustrative tonnes) times {@code scale}; POST assigns the OD CSV in the body. Same JSON as
 * {@code caravan assign --od F --format json}, plus {@code layer}, the GeoJSON of link flows for the map. With
 * {@code scenario=ID} (a stored or example scenario) the answer is the scenario's, with the baseline comparison.
 */
final class AssignApi {
    private static final int MAX_CACHED = 16;

    private final ScenarioBase base;
    private final ScenarioApi scenarios;
    private final Capacities capacities = Capacities.embedded();
    private final Map<String, ObjectNode> cache = new ConcurrentHashMap<>();

    AssignApi(ScenarioBase base, ScenarioApi scenarios) {
        this.base = base;
        this.scenarios = scenarios;
    }

    void get(Context ctx) {
        double scale = doubleParam(ctx, "scale", 1, 0.01, 1000);
        List<OdPair> pairs = OdFile.embedded().stream()
                .map(o -> new OdPair(o.from(), o.to(), o.cargo(), o.tonnes() * scale, o.source())).toList();
        String key = ctx.queryString() == null ? "" : ctx.queryString();
        if (cache.size() > MAX_CACHED) cache.clear();
        ObjectNode cached = cache.get(key);
        if (cached == null) {
            cached = answer(ctx, pairs);
            cache.put(key, cached);
        }
        CaravanServer.json(ctx, cached);
    }

    /** Largest capacities upload (the shipped table is a few kB). */
    static final int MAX_CAPACITIES_BYTES = 1024 * 1024;

    /**
     * The OD CSV as the raw body, or multipart/form-data with the field {@code od} (the OD CSV) and optionally
     * {@code capacities} (a capacities CSV overriding or adding to the shipped table, as {@code --capacities FILE}).
     */
    void post(Context ctx) {
        String type = ctx.contentType();
        byte[] od;
        Capacities caps = capacities;
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            od = part(ctx, "od", Integer.MAX_VALUE);
            if (od == null) throw new CaravanServer.BadParameter("od", "multipart upload without an 'od' field: send "
                    + "the OD CSV as the field 'od' (and optionally a capacities CSV as 'capacities')");
            // the field is the shared table's parameter (RouteParameters.CAPACITIES), as the CLI's --capacities
            String field = org.caravan.place.RouteParameters.CAPACITIES.name();
            byte[] c = part(ctx, field, MAX_CAPACITIES_BYTES);
            if (c != null) {
                try {
                    caps = capacities.withOverrides(new java.io.ByteArrayInputStream(c), field);
                } catch (org.caravan.assignment.AssignmentInputException e) {
                    throw new CaravanServer.BadParameter(field, e.getMessage());
                } catch (java.io.IOException e) {
                    throw new CaravanServer.BadParameter(field, "unreadable upload: " + e.getMessage());
                }
            }
        } else {
            od = ctx.bodyAsBytes();
        }
        List<OdPair> pairs;
        try {
            pairs = OdFile.read(od, "request body");
        } catch (OdFileException e) {
            throw new CaravanServer.BadParameter("od", e.getMessage());
        }
        CaravanServer.json(ctx, answer(ctx, pairs, caps));
    }

    /** A multipart field's bytes (file part or plain part), null when absent; over {@code max} bytes is refused. */
    private static byte[] part(Context ctx, String name, int max) {
        try {
            io.javalin.http.UploadedFile f = ctx.uploadedFile(name);
            if (f != null) {
                if (f.size() > max) {
                    throw new CaravanServer.BadParameter(name, "upload of " + f.size()
                            + " bytes is over the limit of " + max + " bytes");
                }
                try (java.io.InputStream in = f.content()) {
                    return in.readAllBytes();
                }
            }
            jakarta.servlet.http.Part p = ctx.req().getPart(name);
            if (p == null) return null;
            if (p.getSize() > max) {
                throw new CaravanServer.BadParameter(name, "upload of " + p.getSize() + " bytes is over the limit of "
                        + max + " bytes");
            }
            try (java.io.InputStream in = p.getInputStream()) {
                return in.readAllBytes();
            }
        } catch (CaravanServer.BadParameter e) {
            throw e;
        } catch (Exception e) {
            throw new CaravanServer.BadParameter(name, "malformed multipart upload (" + e.getMessage() + "): send "
                    + "multipart/form-data with the OD CSV as the field 'od', or the OD CSV as the raw body");
        }
    }

    private ObjectNode answer(Context ctx, List<OdPair> pairs) {
        return answer(ctx, pairs, capacities);
    }

    private ObjectNode answer(Context ctx, List<OdPair> pairs, Capacities capacities) {
        String cargo = ctx.queryParam("cargo");
        if (cargo != null && cargo.isBlank()) cargo = null;
        if (cargo != null && base.costs().profile(cargo).isEmpty()) {
            throw new CaravanServer.BadParameter("cargo", "unknown cargo profile '" + cargo + "'");
        }
        AssignmentMethod method;
        try {
            String m = ctx.queryParam("method");
            method = m == null || m.isBlank() ? AssignmentMethod.BFW : AssignmentMethod.parse(m);
        } catch (IllegalArgumentException e) {
            throw new CaravanServer.BadParameter("method", e.getMessage());
        }
        FreightAssignment.Options defaults = FreightAssignment.Options.defaults();
        FreightAssignment.Options options = new FreightAssignment.Options(method,
                doubleParam(ctx, "gap", defaults.targetGap(), 1e-12, 0.999999),
                CaravanServer.intParam(ctx, "max_iter", defaults.maxIterations(), 1, 2000),
                CaravanServer.intParam(ctx, "alternatives", defaults.alternatives(), 1,
                        FreightAssignment.Options.MAX_ALTERNATIVES),
                doubleParam(ctx, "period_days", defaults.periodDays(), 1, 366),
                doubleParam(ctx, "logit_spread", defaults.logitSpread(), 1e-6, 10),
                Math.min(4, Runtime.getRuntime().availableProcessors()));
        RouteQuery restrictions = RouteParams.read(ctx, RouteParameter.Group.QUERY).build();
        String scenarioId = ctx.queryParam("scenario");
        FreightAssignment.Result baseline = FreightAssignment.assign(base.router(), pairs, cargo, restrictions, null,
                capacities, options, null);
        if (scenarioId == null || scenarioId.isBlank()) {
            ObjectNode o = AssignmentJson.toJson(baseline);
            o.set("layer", AssignmentJson.geoJson(baseline, base.network()));
            return o;
        }
        ScenarioRun run = scenarios.run(scenarioId);
        FreightAssignment.Result scen = FreightAssignment.assign(run.router(), pairs, cargo, restrictions,
                run::restrict, capacities, options, null);
        ObjectNode o = AssignmentJson.toJson(scen);
        o.set("layer", AssignmentJson.geoJson(scen, run.network()));
        o.set("comparison", AssignmentJson.comparison(baseline, scen, run.scenario().id()));
        return o;
    }

    static double doubleParam(Context ctx, String name, double dflt, double min, double max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return dflt;
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new CaravanServer.BadParameter(name, "expected a number, got '" + v + "'");
        }
        if (!(d >= min && d <= max)) {
            throw new CaravanServer.BadParameter(name, String.format(Locale.ROOT, "expected %s to %s, got %s",
                    fmt(min), fmt(max), v.trim()));
        }
        return d;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
