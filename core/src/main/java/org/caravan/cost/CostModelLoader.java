package org.caravan.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caravan.io.YamlOverlay;
import org.caravan.network.Cargo;
import org.caravan.network.Mode;
import org.caravan.network.Problem;

/**
 * Reads the embedded defaults ({@code /org/caravan/cost/defaults.yaml}) and merges an optional user file over
 * them: objects merge key by key, anything else replaces. YAML and JSON files are both accepted (JSON is YAML).
 * Every problem names the file and the dotted path of the field; nothing is half-applied.
 */
public final class CostModelLoader {
    public static final String DEFAULTS_RESOURCE = "/org/caravan/cost/defaults.yaml";
    /** Place-specific tables shipped next to the defaults and merged into the same tree (same key paths). */
    public static final List<String> TABLE_RESOURCES = List.of("/org/caravan/cost/crossings.yaml",
            "/org/caravan/cost/services.yaml", "/org/caravan/cost/tariffs.yaml", "/org/caravan/cost/rail-services.yaml");
    private static final Set<String> TOP = Set.of("co2_kg_per_tonne_km", "profiles", "sources", "reliability",
            "crossings", "services", "utc_offset_hours", "rail_services");
    private static final Set<String> RELIABILITY = Set.of("wait_p90_to_mean", "handling_p90_to_mean", "samples", "seed");
    private static final Set<String> PROFILE = Set.of("unit", "cargo_class", "tonnes_per_unit",
            "value_of_time_usd_per_hour", "units_per_vehicle", "modes", "transship", "gauge_change", "nodes");
    private static final Set<String> RATES = Set.of("fixed_usd", "per_km_usd", "speed_kmh",
            "per_km_usd_by_country", "speed_kmh_by_country", "driving_hours_per_day",
            "driving_hours_per_day_by_country", "checkpoint_wait_per_100km_hours_by_country", "origin_dwell_hours",
            "origin_dwell_hours_by_country", "destination_dwell_hours", "formation_dwell_hours",
            "formation_dwell_hours_by_country", "formation_departure_wait_interval_hours_by_country",
            "supply_dwell_hours", "supply_dwell_hours_by_country", "co2_ttw_kg_per_tonne_km",
            "co2_wtw_kg_per_tonne_km", "electric_co2_wtw_kg_per_tonne_km", "electric_share_by_country",
            "extended_driving_hours", "extended_driving_days_per_week", "break_after_driving_hours",
            "break_hours", "daily_rest_hours", "driving_days_per_week", "weekly_rest_hours",
            "export_per_km_usd_by_country", "import_per_km_usd_by_country", "transit_per_km_usd_by_country",
            "express");
    /** The express (timetabled block) container train class of a profile's rail mode (docs/COSTS.md). */
    private static final Set<String> EXPRESS = Set.of("running_time_ratio", "speed_kmh_by_country");
    private static final Set<String> HANDLING = Set.of("handling_usd", "dwell_hours", "co2_wtw_kg_per_tonne",
            "usd", "hours");
    private static final Set<String> NODE = Set.of("transship", "gauge_change", "interchange", "formation");
    private static final Set<String> FORMATION = Set.of("dwell_hours", "p90_dwell_hours", "departure_wait_interval_hours",
            "gauge");
    private static final Set<String> CROSSING = Set.of("forward", "reverse", "opening", "cargo");
    private static final Set<String> CROSSING_CARGO = Set.of("forward", "reverse");
    private static final Set<String> DIRECTION = Set.of("wait_hours", "p90_wait_hours", "fee_usd");
    private static final Set<String> OPENING = Set.of("opens", "closes", "closed_days", "closed_months");
    private static final Set<String> SERVICE = Set.of("wait_hours", "p90_wait_hours", "departure_wait_interval_hours",
            "timetable", "sailing_speed_kmh", "fare_usd", "closed_months");
    private static final Set<String> TIMETABLE = Set.of("days", "times");
    private static final Set<String> RAIL_SERVICE = Set.of("from", "to", "via", "departures_per_week", "cargo", "days",
            "times", "both_directions", "source", "date", "confidence");
    /** calibrated: fitted to observations by {@code caravan calibrate}, which names them in the source. */
    private static final Set<String> CONFIDENCES = Set.of("published", "estimated", "calibrated");

    private CostModelLoader() {}

    /** The embedded defaults alone. */
    public static CostModel defaults() {
        try {
            return build(readDefaults(), DEFAULTS_RESOURCE);
        } catch (CostModelException e) {
            throw new IllegalStateException("embedded cost defaults are invalid: " + e.getMessage(), e);
        }
    }

    /** The defaults with {@code userFile} merged over them. */
    public static CostModel load(Path userFile) throws CostModelException {
        String name = userFile.toString();
        ObjectNode user;
        try {
            user = YamlOverlay.userFile(userFile);
        } catch (IllegalArgumentException e) {
            throw new CostModelException(List.of(new Problem(name, YamlOverlay.locationOf(e), "", e.getMessage())));
        }
        // Problems are reported against the user's file (the defaults are known good), at the line and column of
        // the field where the file has it.
        try {
            return build(YamlOverlay.merge(readDefaults(), withSources(user, "user cost file " + name)), name);
        } catch (CostModelException e) {
            throw new CostModelException(org.caravan.io.YamlLocations.of(userFile).locate(e.problems()));
        }
    }

    /**
     * Gives every value an override sets the override as its source (confidence estimated), unless the override's
     * own {@code sources:} names one: a number a user changed must not keep citing the publication of the default.
     * Returns {@code override} (changed in place).
     */
    public static ObjectNode withSources(ObjectNode override, String origin) {
        canonicalCountryKeys(override);
        ObjectNode given = override.get("sources") instanceof ObjectNode o ? o : null;
        ObjectNode sources = override.putObject("sources");
        override.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("sources")) leaves(e.getValue(), e.getKey(), sources, origin);
        });
        if (given != null) given.fields().forEachRemaining(e -> sources.set(e.getKey(), e.getValue()));
        if (sources.isEmpty()) override.remove("sources");
        return override;
    }

    /**
     * The one country convention in cost files: the keys of every {@code ..._by_country} (and {@code
     * utc_offset_hours}) mapping may be alpha-2, alpha-3, a name or an alias ({@code KAZ}, {@code Kazakhstan}); they
     * become the alpha-2 codes the model uses, before the override is merged (so {@code KAZ} replaces the defaults'
     * {@code KZ}). Keys that name no country are left as written for {@link Reader#countryMap} to report.
     */
    static void canonicalCountryKeys(JsonNode node) {
        if (!(node instanceof ObjectNode o)) return;
        List<String> keys = new java.util.ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            JsonNode v = o.get(key);
            if ((key.endsWith("_by_country") || key.equals("utc_offset_hours")) && v instanceof ObjectNode m) {
                ObjectNode renamed = m.objectNode();
                m.fields().forEachRemaining(e -> {
                    String cc = org.caravan.country.Countries.embedded().find(e.getKey())
                            .map(org.caravan.country.Country::alpha2).orElse(e.getKey());
                    // two spellings of one country in one mapping: keep both as written, so the second is reported
                    renamed.set(renamed.has(cc) ? e.getKey() : cc, e.getValue());
                });
                o.set(key, renamed);
            } else {
                canonicalCountryKeys(v);
            }
        }
    }

    private static void leaves(JsonNode node, String path, ObjectNode sources, String origin) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> leaves(e.getValue(), path + "." + e.getKey(), sources, origin));
        } else {
            ObjectNode s = sources.putObject(path);
            s.put("source", "set by " + origin);
            s.put("confidence", "estimated");
        }
    }

    /**
     * A user file as a tree, without merging it: scenarios merge their own cost changes over the defaults and
     * this file, and need the trees to do so.
     */
    public static ObjectNode userTree(Path userFile) throws CostModelException {
        try {
            return YamlOverlay.userFile(userFile);
        } catch (IllegalArgumentException e) {
            throw new CostModelException(List.of(new Problem(userFile.toString(), YamlOverlay.locationOf(e), "", e.getMessage())));
        }
    }

    /**
     * A cost model from a complete tree (the defaults with any overrides already merged). Problems name
     * {@code file} and the dotted path of the field.
     */
    public static CostModel fromTree(ObjectNode tree, String file) throws CostModelException {
        return build(tree.deepCopy(), file);
    }

    /** The defaults as a tree, e.g. for an HTTP endpoint that shows them. */
    public static ObjectNode readDefaults() {
        ObjectNode tree = YamlOverlay.resource(DEFAULTS_RESOURCE);
        for (String table : TABLE_RESOURCES) YamlOverlay.merge(tree, YamlOverlay.resource(table));
        return tree;
    }

    /**
     * The documented range of a number in a cost file, by the last key of its dotted path (for a country or
     * mode map: the key of the map): every number outside it is refused, naming the path. The calibrator keeps
     * fitted values inside these bounds too. Returns {lower, upper}.
     */
    public static double[] bounds(String path) {
        String[] parts = path.split("\\.");
        String key = parts[parts.length - 1];
        String parent = parts.length > 1 ? parts[parts.length - 2] : "";
        if (key.equals(key.toUpperCase(java.util.Locale.ROOT)) && parts.length > 1) key = parent; // a country map
        if (parent.equals("units_per_vehicle")) key = parent;
        if (parent.equals("co2_kg_per_tonne_km")) key = parent;
        if (parent.equals("utc_offset_hours")) key = parent;
        return Bounds.of(key);
    }

    private static CostModel build(ObjectNode root, String file) throws CostModelException {
        Reader r = new Reader(file);
        r.unknown(root, "", TOP);
        Map<Mode, Double> co2 = r.modeMap(root.get("co2_kg_per_tonne_km"), "co2_kg_per_tonne_km", false);
        Map<String, CargoProfile> profiles = new LinkedHashMap<>();
        JsonNode ps = root.get("profiles");
        if (ps == null || !ps.isObject() || ps.isEmpty()) {
            r.problem("profiles", "needs at least one cargo profile");
        } else {
            ps.fields().forEachRemaining(e -> {
                if (e.getKey().contains(CostModel.SERVICE_SEPARATOR)) {
                    r.problem("profiles." + e.getKey(), "a profile name may not contain '"
                            + CostModel.SERVICE_SEPARATOR + "'");
                    return;
                }
                CargoProfile p = r.profile(e.getKey(), e.getValue(), "profiles." + e.getKey());
                if (p != null) profiles.put(e.getKey(), p);
            });
            Map<String, CargoProfile> express = new LinkedHashMap<>();
            profiles.forEach((name, p) -> {
                JsonNode x = ps.path(name).path("modes").path("rail").get("express");
                if (x == null || x.isNull()) return;
                CargoProfile e = r.express(p, x, "profiles." + name + ".modes.rail.express");
                if (e != null) express.put(CostModel.serviceKey(name, CostModel.EXPRESS), e);
            });
            profiles.putAll(express);
        }
        Map<String, CostModel.Source> sources = new HashMap<>();
        JsonNode src = root.get("sources");
        if (src != null) {
            if (!src.isObject()) {
                r.problem("sources", "expected a mapping of dotted paths to {source, confidence}");
            } else {
                src.fields().forEachRemaining(e -> {
                    JsonNode v = e.getValue();
                    String path = "sources." + e.getKey();
                    String s = v.path("source").asText("");
                    String c = v.path("confidence").asText("");
                    if (s.isBlank()) r.problem(path + ".source", "missing");
                    if (!CONFIDENCES.contains(c)) {
                        r.problem(path + ".confidence", "expected published, estimated or calibrated, got '" + c
                                + "'");
                    }
                    sources.put(e.getKey(), new CostModel.Source(s, c));
                });
            }
        }
        DelayModel delays = DelayModel.DEFAULT;
        JsonNode rel = root.get("reliability");
        if (rel != null) {
            r.unknown(rel, "reliability", RELIABILITY);
            double wait = r.number(rel, "wait_p90_to_mean", "reliability");
            double handling = r.number(rel, "handling_p90_to_mean", "reliability");
            double samples = r.number(rel, "samples", "reliability");
            double seed = r.number(rel, "seed", "reliability");
            if (samples != Math.rint(samples)) r.problem("reliability.samples", "expected a whole number");
            delays = new DelayModel(wait, handling, (int) samples, (long) seed);
        }
        Map<String, CrossingRule> crossings = new HashMap<>();
        JsonNode xs = root.get("crossings");
        if (xs != null && !xs.isNull()) {
            if (!xs.isObject()) r.problem("crossings", "expected a mapping of crossing link id to its figures");
            else xs.fields().forEachRemaining(e -> {
                CrossingRule c = r.crossing(e.getValue(), "crossings." + e.getKey());
                if (c != null) crossings.put(e.getKey(), c);
            });
        }
        Map<String, Service> services = new HashMap<>();
        JsonNode ss = root.get("services");
        if (ss != null && !ss.isNull()) {
            if (!ss.isObject()) r.problem("services", "expected a mapping of sea or ferry link id to its service");
            else ss.fields().forEachRemaining(e -> {
                Service s = r.service(e.getValue(), "services." + e.getKey());
                if (s != null) services.put(e.getKey(), s);
            });
        }
        List<RailService> railServices = new ArrayList<>();
        JsonNode rs = root.get("rail_services");
        if (rs != null && !rs.isNull()) {
            if (!rs.isObject()) r.problem("rail_services", "expected a mapping of service id to its row");
            else rs.fields().forEachRemaining(e -> {
                if (e.getValue() == null || e.getValue().isNull()) return; // a user file removes a row with null
                RailService s = r.railService(e.getKey(), e.getValue(), "rail_services." + e.getKey());
                if (s != null) railServices.add(s);
            });
        }
        Map<String, Double> utc = r.countryMap(root.get("utc_offset_hours"), "utc_offset_hours");
        for (String p : profiles.keySet()) {
            for (Mode m : Mode.CARRIER_MODES) {
                ModeRates rates = profiles.get(p).modes().get(m);
                if (rates != null && rates.emissions() == null && !co2.containsKey(m)) {
                    r.problem("profiles." + p + ".modes." + m.code() + ".co2_wtw_kg_per_tonne_km",
                            "missing (or give co2_kg_per_tonne_km." + m.code() + ")");
                }
            }
        }
        if (!r.problems.isEmpty()) throw new CostModelException(r.problems);
        return new CostModel(profiles, co2, sources, delays, new TimeTables(crossings, services, utc,
                railServices));
    }

    /** Converts the tree into records, collecting problems instead of stopping at the first. */
    private static final class Reader {
        final String file;
        final List<Problem> problems = new ArrayList<>();

        Reader(String file) { this.file = file; }

        void problem(String field, String message) { problems.add(new Problem(file, "", field, message)); }

        void unknown(JsonNode node, String path, Set<String> allowed) {
            if (node == null || !node.isObject()) return;
            node.fieldNames().forEachRemaining(k -> {
                if (!allowed.contains(k)) {
                    problem(Problem.fieldPath(path, k), "unknown field, expected one of " + new java.util.TreeSet<>(allowed));
                }
            });
        }

        /** A required number inside its documented range ({@link CostModelLoader#bounds}). */
        double number(JsonNode parent, String key, String path) {
            JsonNode v = parent == null ? null : parent.get(key);
            String p = join(path, key);
            if (v == null || v.isNull()) {
                problem(p, "missing");
                return Double.NaN;
            }
            return value(v, p);
        }

        /** An optional number: {@code fallback} when absent. */
        double optional(JsonNode parent, String key, String path, double fallback) {
            JsonNode v = parent == null ? null : parent.get(key);
            if (v == null || v.isNull()) return fallback;
            return value(v, join(path, key));
        }

        double value(JsonNode v, String p) {
            if (!v.isNumber()) {
                problem(p, "expected a number, got '" + v.asText() + "'");
                return Double.NaN;
            }
            double d = v.doubleValue();
            double[] b = bounds(p);
            if (!Double.isFinite(d) || d < b[0] || d > b[1]) {
                problem(p, "expected a number from " + Bounds.format(b[0]) + " to " + Bounds.format(b[1]) + ", got "
                        + (Double.isFinite(d) ? Bounds.format(d) : v.asText()));
            }
            return d;
        }

        Map<Mode, Double> modeMap(JsonNode node, String path, boolean required) {
            Map<Mode, Double> out = new EnumMap<>(Mode.class);
            if (node == null || node.isNull()) {
                if (required) problem(path, "missing");
                return out;
            }
            if (!node.isObject()) {
                problem(path, "expected a mapping of mode to number");
                return out;
            }
            node.fieldNames().forEachRemaining(k -> {
                Mode m = mode(k, join(path, k));
                if (m != null) out.put(m, number(node, k, path));
            });
            if (required) {
                for (Mode m : Mode.CARRIER_MODES) {
                    if (!out.containsKey(m)) problem(join(path, m.code()), "missing");
                }
            }
            return out;
        }

        Mode mode(String key, String path) {
            try {
                Mode m = Mode.parse(key);
                if (!m.isCarrier()) {
                    problem(path, "'crossing' is not a mode cargo travels in");
                    return null;
                }
                return m;
            } catch (IllegalArgumentException e) {
                problem(path, "unknown mode '" + key + "', expected rail, road, sea or ferry");
                return null;
            }
        }

        Map<String, Double> countryMap(JsonNode node, String path) {
            Map<String, Double> out = new HashMap<>();
            if (node == null || node.isNull()) return out;
            if (!node.isObject()) {
                problem(path, "expected a mapping of ISO 3166-1 alpha-2 country code to number");
                return out;
            }
            node.fieldNames().forEachRemaining(k -> {
                if (!k.matches("[A-Z]{2}")) {
                    String why;
                    try {
                        var c = org.caravan.country.Countries.embedded().resolve(k);
                        why = "'" + k + "' is " + c.label() + ", named twice in this mapping";
                    } catch (org.caravan.country.UnknownCountryException e) {
                        why = e.getMessage();
                    }
                    problem(join(path, k), "expected a country (ISO alpha-2, alpha-3 or name): " + why);
                }
                out.put(k, number(node, k, path));
            });
            return out;
        }

        Handling handling(JsonNode node, String path) {
            if (node == null || !node.isObject()) {
                problem(path, node == null ? "missing" : "expected {handling_usd, dwell_hours}");
                return Handling.NONE;
            }
            unknown(node, path, HANDLING);
            // usd / hours: the names before calibratable parameters were named by kind; still accepted, and a user
            // file that writes them overrides the defaults' handling_usd / dwell_hours.
            String usdKey = node.has("usd") ? "usd" : "handling_usd";
            String hoursKey = node.has("hours") ? "hours" : "dwell_hours";
            return new Handling(number(node, usdKey, path), number(node, hoursKey, path),
                    optional(node, "co2_wtw_kg_per_tonne", path, 0));
        }

        Map<String, Handling> transshipMap(JsonNode ts, String tp, boolean needsDefault) {
            Map<String, Handling> transship = new HashMap<>();
            if (ts == null || !ts.isObject()) {
                problem(tp, "missing: needs at least 'default: {handling_usd, dwell_hours}'");
                return transship;
            }
            ts.fields().forEachRemaining(e -> {
                String k = e.getKey();
                String p = join(tp, k);
                String key = k;
                if (!k.equals("default")) {
                    String[] pair = k.split("-", -1);
                    if (pair.length != 2) {
                        problem(p, "expected 'default' or a pair of modes such as 'rail-road'");
                        return;
                    }
                    Mode a = mode(pair[0], p);
                    Mode b = mode(pair[1], p);
                    if (a == null || b == null) return;
                    if (a == b) problem(p, "a transshipment needs two different modes");
                    key = a.code() + "-" + b.code(); // the form CargoProfile.transship looks up
                }
                transship.put(key, handling(e.getValue(), p));
            });
            if (needsDefault && !ts.has("default")) problem(join(tp, "default"), "missing");
            return transship;
        }

        /**
         * A station's train formation wait: {@code departure_wait_interval_hours} (uniform over the interval) or
         * {@code dwell_hours} with an optional {@code p90_dwell_hours} (lognormal; p90 = 2 x mean if absent);
         * optionally {@code gauge}: the figure is for trains of that gauge only.
         */
        Wait formation(JsonNode f, String p) {
            if (f == null || !f.isObject()) {
                problem(p, "expected {departure_wait_interval_hours} or {dwell_hours, p90_dwell_hours}");
                return null;
            }
            unknown(f, p, FORMATION);
            if (f.has("departure_wait_interval_hours")) {
                if (f.has("dwell_hours")) problem(p, "give either departure_wait_interval_hours or dwell_hours, not both");
                return Wait.interval(number(f, "departure_wait_interval_hours", p));
            }
            double mean = number(f, "dwell_hours", p);
            return Wait.lognormal(mean, optional(f, "p90_dwell_hours", p, 2 * mean));
        }

        ModeRates rates(JsonNode r, String p) {
            unknown(r, p, RATES);
            ModeRates.Timing timing = new ModeRates.Timing(
                    optional(r, "driving_hours_per_day", p, 24),
                    countryMap(r.get("driving_hours_per_day_by_country"), join(p, "driving_hours_per_day_by_country")),
                    countryMap(r.get("checkpoint_wait_per_100km_hours_by_country"),
                            join(p, "checkpoint_wait_per_100km_hours_by_country")),
                    optional(r, "origin_dwell_hours", p, 0),
                    countryMap(r.get("origin_dwell_hours_by_country"), join(p, "origin_dwell_hours_by_country")),
                    optional(r, "destination_dwell_hours", p, 0),
                    optional(r, "formation_dwell_hours", p, 0),
                    countryMap(r.get("formation_dwell_hours_by_country"), join(p, "formation_dwell_hours_by_country")),
                    countryMap(r.get("formation_departure_wait_interval_hours_by_country"),
                            join(p, "formation_departure_wait_interval_hours_by_country")),
                    optional(r, "supply_dwell_hours", p, 0),
                    countryMap(r.get("supply_dwell_hours_by_country"), join(p, "supply_dwell_hours_by_country")));
            ModeRates.Emissions emissions = null;
            if (r.has("co2_wtw_kg_per_tonne_km") || r.has("co2_ttw_kg_per_tonne_km")) {
                double ttw = number(r, "co2_ttw_kg_per_tonne_km", p);
                double wtw = number(r, "co2_wtw_kg_per_tonne_km", p);
                if (wtw < ttw) problem(join(p, "co2_wtw_kg_per_tonne_km"), "well-to-wheel includes tank-to-wheel: "
                        + "expected at least co2_ttw_kg_per_tonne_km (" + ttw + ")");
                emissions = new ModeRates.Emissions(ttw, wtw, optional(r, "electric_co2_wtw_kg_per_tonne_km", p, 0),
                        countryMap(r.get("electric_share_by_country"), join(p, "electric_share_by_country")));
            }
            DrivingRules a = DrivingRules.AETR;
            double daily = timing.drivingHoursPerDay();
            // An extension at or below the daily limit (e.g. a user's 24 h, rest included) extends nothing.
            double extended = optional(r, "extended_driving_hours", p, Math.max(daily, a.extendedDrivingHours()));
            DrivingRules driving = new DrivingRules(extended,
                    (int) Math.round(optional(r, "extended_driving_days_per_week", p, a.extendedDaysPerWeek())),
                    optional(r, "break_after_driving_hours", p, a.breakAfterHours()),
                    optional(r, "break_hours", p, a.breakHours()),
                    optional(r, "daily_rest_hours", p, a.dailyRestHours()),
                    (int) Math.round(optional(r, "driving_days_per_week", p, a.drivingDaysPerWeek())),
                    optional(r, "weekly_rest_hours", p, a.weeklyRestHours()));
            return new ModeRates(number(r, "fixed_usd", p), number(r, "per_km_usd", p), number(r, "speed_kmh", p),
                    countryMap(r.get("per_km_usd_by_country"), join(p, "per_km_usd_by_country")),
                    countryMap(r.get("speed_kmh_by_country"), join(p, "speed_kmh_by_country")), timing, emissions,
                    driving,
                    new ModeRates.Levels(
                            countryMap(r.get("export_per_km_usd_by_country"), join(p, "export_per_km_usd_by_country")),
                            countryMap(r.get("import_per_km_usd_by_country"), join(p, "import_per_km_usd_by_country")),
                            countryMap(r.get("transit_per_km_usd_by_country"),
                                    join(p, "transit_per_km_usd_by_country"))));
        }

        /**
         * The profile with its rail mode run as express (timetabled block) container trains: the rail speed of a
         * country is the express block's own {@code speed_kmh_by_country} where given, else the regular speed divided
         * by {@code running_time_ratio} (the running time is that fraction of the regular one); everything else (rates,
         * dwell, crossings) stays the regular's. Refused for bulk profiles: wagonload is not a block container train.
         */
        CargoProfile express(CargoProfile p, JsonNode node, String path) {
            if (!node.isObject()) {
                problem(path, "expected {running_time_ratio, speed_kmh_by_country}");
                return null;
            }
            unknown(node, path, EXPRESS);
            if (p.cargoClass() != Cargo.CONTAINER) {
                problem(path, "express trains are block container trains; the profile's cargo_class is "
                        + p.cargoClass().name().toLowerCase(java.util.Locale.ROOT));
                return null;
            }
            ModeRates rail = p.modes().get(Mode.RAIL);
            if (rail == null) return null;
            double ratio = number(node, "running_time_ratio", path);
            Map<String, Double> own = countryMap(node.get("speed_kmh_by_country"), join(path, "speed_kmh_by_country"));
            if (!(ratio > 0 && ratio <= 1)) return null;
            Map<String, Double> speeds = new HashMap<>();
            rail.speedKmhByCountry().forEach((cc, v) -> speeds.put(cc, v / ratio));
            speeds.putAll(own);
            ModeRates x = new ModeRates(rail.fixedUsd(), rail.perKmUsd(), rail.speedKmh() / ratio,
                    rail.perKmUsdByCountry(), speeds, rail.timing(), rail.emissions(), rail.driving(), rail.levels());
            Map<Mode, ModeRates> modes = new EnumMap<>(p.modes());
            modes.put(Mode.RAIL, x);
            return new CargoProfile(p.name(), p.unit(), p.cargoClass(), p.tonnesPerUnit(), p.valueOfTimeUsdPerHour(),
                    modes, p.unitsPerVehicle(), p.transship(), p.gaugeChange(), p.nodes());
        }

        CargoProfile profile(String name, JsonNode node, String path) {
            if (!node.isObject()) {
                problem(path, "expected a mapping");
                return null;
            }
            unknown(node, path, PROFILE);
            JsonNode unitNode = node.get("unit");
            if (unitNode == null || !unitNode.isTextual() || unitNode.asText().isBlank()) {
                problem(join(path, "unit"), "missing (e.g. tonne, 40ft box)");
            }
            Cargo cargoClass = null;
            JsonNode cc = node.get("cargo_class");
            if (cc == null || !cc.isTextual()) {
                problem(join(path, "cargo_class"), "missing: bulk or container (how the cargo is loaded and handled)");
            } else {
                try {
                    cargoClass = Cargo.parse(cc.asText());
                } catch (IllegalArgumentException e) {
                    problem(join(path, "cargo_class"), "expected bulk or container, got '" + cc.asText() + "'");
                }
            }
            double tonnes = number(node, "tonnes_per_unit", path);
            double vot = number(node, "value_of_time_usd_per_hour", path);
            Map<Mode, Double> perVehicle = modeMap(node.get("units_per_vehicle"),
                    join(path, "units_per_vehicle"), true);
            Map<Mode, ModeRates> modes = new EnumMap<>(Mode.class);
            JsonNode ms = node.get("modes");
            String mp = join(path, "modes");
            if (ms == null || !ms.isObject()) {
                problem(mp, "missing rates per mode");
            } else {
                ms.fields().forEachRemaining(e -> {
                    String p = join(mp, e.getKey());
                    Mode m = mode(e.getKey(), p);
                    JsonNode r = e.getValue();
                    if (m == null) return;
                    if (!r.isObject()) {
                        problem(p, "expected {fixed_usd, per_km_usd, speed_kmh, ...}");
                        return;
                    }
                    modes.put(m, rates(r, p));
                });
                for (Mode m : Mode.CARRIER_MODES) {
                    if (!modes.containsKey(m) && !ms.has(m.code())) problem(join(mp, m.code()), "missing");
                }
            }
            Map<String, Handling> transship = transshipMap(node.get("transship"), join(path, "transship"), true);
            Handling gauge = handling(node.get("gauge_change"), join(path, "gauge_change"));
            Map<String, CargoProfile.NodeHandling> nodes = new HashMap<>();
            JsonNode ns = node.get("nodes");
            if (ns != null && !ns.isNull()) {
                if (!ns.isObject()) problem(join(path, "nodes"), "expected a mapping of node id to its handling");
                else ns.fields().forEachRemaining(e -> {
                    String p = join(path, "nodes." + e.getKey());
                    JsonNode n = e.getValue();
                    if (!n.isObject()) {
                        problem(p, "expected {transship, gauge_change, interchange, formation}");
                        return;
                    }
                    unknown(n, p, NODE);
                    Map<String, Handling> t = n.has("transship") ? transshipMap(n.get("transship"),
                            join(p, "transship"), false) : Map.of();
                    Handling g = n.has("gauge_change") ? handling(n.get("gauge_change"), join(p, "gauge_change")) : null;
                    Handling x = n.has("interchange") ? handling(n.get("interchange"), join(p, "interchange")) : null;
                    Wait f = n.has("formation") ? formation(n.get("formation"), join(p, "formation")) : null;
                    org.caravan.network.Gauge fg = null;
                    JsonNode fgn = n.path("formation").get("gauge");
                    if (fgn != null) {
                        try {
                            fg = org.caravan.network.Gauge.ofMillimetres(fgn.asInt());
                        } catch (IllegalArgumentException ex) {
                            problem(join(p, "formation.gauge"), "expected a rail gauge in mm (1520, 1435, 1676), got '"
                                    + fgn.asText() + "'");
                        }
                    }
                    nodes.put(e.getKey(), new CargoProfile.NodeHandling(t, g, x, f, fg));
                });
            }
            return new CargoProfile(name, unitNode == null ? "" : unitNode.asText(), cargoClass, tonnes, vot, modes,
                    perVehicle, transship, gauge, nodes);
        }

        CrossingRule.Direction direction(JsonNode node, String path) {
            if (node == null || !node.isObject()) {
                problem(path, node == null ? "missing" : "expected {wait_hours, p90_wait_hours, fee_usd}");
                return null;
            }
            unknown(node, path, DIRECTION);
            double mean = number(node, "wait_hours", path);
            double p90 = number(node, "p90_wait_hours", path);
            if (p90 < mean) problem(join(path, "p90_wait_hours"), "a 90th percentile is at least the mean (" + mean + ")");
            return new CrossingRule.Direction(mean, p90, number(node, "fee_usd", path));
        }

        CrossingRule crossing(JsonNode node, String path) {
            if (!node.isObject()) {
                problem(path, "expected {forward, reverse, opening}");
                return null;
            }
            unknown(node, path, CROSSING);
            CrossingRule.Direction f = direction(node.get("forward"), join(path, "forward"));
            CrossingRule.Direction b = node.has("reverse") ? direction(node.get("reverse"), join(path, "reverse")) : f;
            OpeningHours o = node.has("opening") ? opening(node.get("opening"), join(path, "opening")) : null;
            Map<Cargo, CrossingRule> byCargo = new EnumMap<>(Cargo.class);
            JsonNode cs = node.get("cargo");
            if (cs != null && !cs.isNull()) {
                if (!cs.isObject()) problem(join(path, "cargo"), "expected a mapping of cargo class (bulk, container) "
                        + "to {forward, reverse}");
                else cs.fields().forEachRemaining(e -> {
                    String p = join(path, "cargo." + e.getKey());
                    Cargo cargo;
                    try {
                        cargo = Cargo.parse(e.getKey());
                    } catch (IllegalArgumentException ex) {
                        problem(p, "expected bulk or container, got '" + e.getKey() + "'");
                        return;
                    }
                    JsonNode n = e.getValue();
                    if (!n.isObject()) {
                        problem(p, "expected {forward, reverse}");
                        return;
                    }
                    unknown(n, p, CROSSING_CARGO);
                    CrossingRule.Direction cf = direction(n.get("forward"), join(p, "forward"));
                    CrossingRule.Direction cb = n.has("reverse") ? direction(n.get("reverse"), join(p, "reverse")) : cf;
                    if (cf != null && cb != null) byCargo.put(cargo, new CrossingRule(cf, cb, null));
                });
            }
            return f == null || b == null ? null : new CrossingRule(f, b, o, byCargo);
        }

        LocalTime time(JsonNode node, String path) {
            if (node == null || !node.isTextual()) {
                problem(path, "expected a time of day such as \"08:00\"");
                return LocalTime.MIDNIGHT;
            }
            try {
                return LocalTime.parse(node.asText().equals("24:00") ? "00:00" : node.asText());
            } catch (DateTimeParseException e) {
                problem(path, "expected a time of day such as \"08:00\", got '" + node.asText() + "'");
                return LocalTime.MIDNIGHT;
            }
        }

        Set<DayOfWeek> days(JsonNode node, String path) {
            Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
            if (node == null || node.isNull()) return out;
            if (!node.isArray()) {
                problem(path, "expected a list of days such as [fri, sat]");
                return out;
            }
            for (JsonNode d : node) {
                DayOfWeek day = DAYS.get(d.asText().toLowerCase(java.util.Locale.ROOT));
                if (day == null) problem(path, "unknown day '" + d.asText() + "', expected mon, tue, ... sun");
                else out.add(day);
            }
            return out;
        }

        Set<java.time.Month> months(JsonNode node, String path) {
            Set<java.time.Month> out = EnumSet.noneOf(java.time.Month.class);
            if (node == null || node.isNull()) return out;
            if (!node.isArray()) {
                problem(path, "expected a list of months such as [dec, jan, feb, mar]");
                return out;
            }
            for (JsonNode m : node) {
                java.time.Month month = MONTHS.get(m.asText().toLowerCase(java.util.Locale.ROOT));
                if (month == null) problem(path, "unknown month '" + m.asText() + "', expected jan, feb, ... dec");
                else out.add(month);
            }
            return out;
        }

        OpeningHours opening(JsonNode node, String path) {
            if (!node.isObject()) {
                problem(path, "expected {opens, closes, closed_days, closed_months}");
                return null;
            }
            unknown(node, path, OPENING);
            Set<DayOfWeek> closed = days(node.get("closed_days"), join(path, "closed_days"));
            if (closed.size() == 7) {
                problem(join(path, "closed_days"), "a crossing closed on every day never opens");
                return null;
            }
            Set<java.time.Month> months = months(node.get("closed_months"), join(path, "closed_months"));
            if (months.size() == 12) {
                problem(join(path, "closed_months"), "a crossing closed in every month never opens");
                return null;
            }
            return new OpeningHours(time(node.get("opens"), join(path, "opens")),
                    time(node.get("closes"), join(path, "closes")), closed, months);
        }

        Service service(JsonNode node, String path) {
            if (!node.isObject()) {
                problem(path, "expected {departure_wait_interval_hours | wait_hours, p90_wait_hours | timetable}");
                return null;
            }
            unknown(node, path, SERVICE);
            double speed = optional(node, "sailing_speed_kmh", path, Double.NaN);
            int shapes = (node.has("departure_wait_interval_hours") ? 1 : 0) + (node.has("wait_hours") ? 1 : 0)
                    + (node.has("timetable") ? 1 : 0);
            // A fare-only entry (a published fare for the line and nothing else) keeps the network's wait.
            boolean fareOnly = shapes == 0 && node.has("fare_usd") && !node.get("fare_usd").isNull();
            if (shapes != 1 && !fareOnly) {
                problem(path, "give exactly one of departure_wait_interval_hours, wait_hours (with p90_wait_hours) or "
                        + "timetable (or fare_usd alone, keeping the network's wait)");
                return null;
            }
            Wait wait;
            if (fareOnly) {
                wait = null;
            } else if (node.has("departure_wait_interval_hours")) {
                wait = Wait.interval(number(node, "departure_wait_interval_hours", path));
            } else if (node.has("wait_hours")) {
                double mean = number(node, "wait_hours", path);
                double p90 = number(node, "p90_wait_hours", path);
                if (p90 < mean) problem(join(path, "p90_wait_hours"), "a 90th percentile is at least the mean");
                wait = Wait.lognormal(mean, p90);
            } else {
                JsonNode t = node.get("timetable");
                String tp = join(path, "timetable");
                if (!t.isObject()) {
                    problem(tp, "expected {days: [...], times: [\"20:00\"]}");
                    return null;
                }
                unknown(t, tp, TIMETABLE);
                Set<DayOfWeek> days = days(t.get("days"), join(tp, "days"));
                List<LocalTime> times = new ArrayList<>();
                JsonNode ts = t.get("times");
                if (ts == null || !ts.isArray() || ts.isEmpty()) problem(join(tp, "times"), "expected a list of times");
                else for (JsonNode x : ts) times.add(time(x, join(tp, "times")));
                if (days.isEmpty()) problem(join(tp, "days"), "expected at least one day");
                if (days.isEmpty() || times.isEmpty()) return null;
                wait = Wait.timetable(new Departures(days, times));
            }
            Map<Cargo, Double> fares = new EnumMap<>(Cargo.class);
            JsonNode fs = node.get("fare_usd");
            if (fs != null && !fs.isNull()) {
                String fp = join(path, "fare_usd");
                if (!fs.isObject()) problem(fp, "expected a mapping of cargo class (bulk, container) to the fare per unit");
                else fs.fieldNames().forEachRemaining(k -> {
                    try {
                        fares.put(Cargo.parse(k), number(fs, k, fp));
                    } catch (IllegalArgumentException e) {
                        problem(join(fp, k), "expected bulk or container, got '" + k + "'");
                    }
                });
            }
            if (fareOnly && fares.isEmpty() && fs.isObject()) {
                problem(join(path, "fare_usd"), "a fare-only entry needs a fare for at least one cargo class");
                return null;
            }
            Set<java.time.Month> months = months(node.get("closed_months"), join(path, "closed_months"));
            if (months.size() == 12) {
                problem(join(path, "closed_months"), "a service closed in every month never sails");
                return null;
            }
            OpeningHours season = months.isEmpty() ? OpeningHours.ALWAYS
                    : new OpeningHours(java.time.LocalTime.MIDNIGHT, java.time.LocalTime.MIDNIGHT, Set.of(), months);
            return new Service(wait, speed, fares, season);
        }

        /**
         * A row of the {@code rail_services} table: {@code from}, {@code to} (lists of countries), optional
         * {@code via}, {@code departures_per_week}, optional {@code cargo} (container unless given), optional
         * {@code days} and {@code times} (a published timetable; as many departures as departures_per_week),
         * optional {@code both_directions}, {@code source}, optional {@code date}, {@code confidence}.
         */
        RailService railService(String id, JsonNode node, String path) {
            if (!node.isObject()) {
                problem(path, "expected {from, to, departures_per_week, source, confidence, ...}");
                return null;
            }
            int before = problems.size();
            unknown(node, path, RAIL_SERVICE);
            Set<String> from = new java.util.LinkedHashSet<>(countries(node.get("from"), join(path, "from"), true));
            Set<String> to = new java.util.LinkedHashSet<>(countries(node.get("to"), join(path, "to"), true));
            List<String> via = countries(node.get("via"), join(path, "via"), false);
            double perWeek = number(node, "departures_per_week", path);
            Cargo cargo = Cargo.CONTAINER;
            JsonNode c = node.get("cargo");
            if (c != null && !c.isNull()) {
                try {
                    cargo = Cargo.parse(c.asText());
                } catch (IllegalArgumentException e) {
                    problem(join(path, "cargo"), "expected bulk or container, got '" + c.asText() + "'");
                }
            }
            Departures timetable = null;
            if (node.has("days") || node.has("times")) {
                Set<DayOfWeek> days = days(node.get("days"), join(path, "days"));
                List<LocalTime> times = new ArrayList<>();
                JsonNode ts = node.get("times");
                if (ts == null || !ts.isArray() || ts.isEmpty()) {
                    problem(join(path, "times"), "expected a list of departure times such as [\"10:00\"] with days");
                } else {
                    for (JsonNode x : ts) times.add(time(x, join(path, "times")));
                }
                if (days.isEmpty()) problem(join(path, "days"), "expected a list of departure days such as [tue] with times");
                if (!days.isEmpty() && !times.isEmpty() && !times.contains(null)) {
                    timetable = new Departures(days, times);
                    int n = days.size() * times.size();
                    if (Double.isFinite(perWeek) && Math.abs(n - perWeek) > 1e-9) {
                        problem(join(path, "departures_per_week"), "the timetable has " + n + " departures a week ("
                                + days.size() + " days x " + times.size() + " times), got " + Bounds.format(perWeek));
                    }
                }
            }
            boolean both = false;
            JsonNode b = node.get("both_directions");
            if (b != null && !b.isNull()) {
                if (!b.isBoolean()) problem(join(path, "both_directions"), "expected true or false, got '" + b.asText() + "'");
                else both = b.booleanValue();
            }
            String source = text(node, "source", path, true);
            String date = text(node, "date", path, false);
            String confidence = text(node, "confidence", path, true);
            if (!confidence.isEmpty() && !CONFIDENCES.contains(confidence)) {
                problem(join(path, "confidence"), "expected published, estimated or calibrated, got '" + confidence + "'");
            }
            if (problems.size() > before) return null;
            return new RailService(id, from, to, via, perWeek, cargo, timetable, both, source, date, confidence);
        }

        /** A list of countries (ISO alpha-2, alpha-3 or a name) as alpha-2 codes; reports what is not one. */
        List<String> countries(JsonNode node, String path, boolean required) {
            List<String> out = new ArrayList<>();
            if (node == null || node.isNull()) {
                if (required) problem(path, "missing: a list of countries such as [CN, KZ]");
                return out;
            }
            if (!node.isArray() || (required && node.isEmpty())) {
                problem(path, "expected a list of countries (ISO alpha-2, alpha-3 or name) such as [CN, KZ], got '"
                        + node.toString() + "'");
                return out;
            }
            for (JsonNode x : node) {
                try {
                    String cc = org.caravan.country.Countries.embedded().resolve(x.asText()).alpha2();
                    if (!out.contains(cc)) out.add(cc);
                } catch (org.caravan.country.UnknownCountryException e) {
                    problem(path, "expected a country (ISO alpha-2, alpha-3 or name): " + e.getMessage());
                }
            }
            return out;
        }

        /** A text field; "" when absent (reported as missing when required). */
        String text(JsonNode node, String key, String path, boolean required) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
                if (required || (v != null && !v.isNull())) problem(join(path, key), v == null || v.isNull()
                        ? "missing" : "expected a text");
                return "";
            }
            return v.asText();
        }

        static String join(String path, String key) { return path.isEmpty() ? key : path + "." + key; }
    }

    private static final Map<String, java.time.Month> MONTHS = java.util.stream.Stream.of(java.time.Month.values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(
                    m -> m.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT), m -> m));
    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY,
            "sun", DayOfWeek.SUNDAY);
}
