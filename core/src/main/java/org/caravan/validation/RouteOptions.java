package org.caravan.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.caravan.place.RouteQuery;

/**
 * Route options written as {@code key=value} pairs separated by {@code ;}, with the names of the route request's
 * fields: {@code cargo=bulk;tonnes=5000;modes=rail,sea;via=Herat;avoid=RU;close=Torkham;include_planned=true;
 * objective=time;max_risk=0.6;penalty=AF:500,IR:800}. Lists are separated by commas. The same words mean the
 * same thing here as in every front end because they end up in one {@link RouteQuery}.
 */
public final class RouteOptions {
    /** The option names, in the order documented. */
    public static final Set<String> KEYS = Set.of("cargo", "tonnes", "modes", "via", "avoid", "close",
            "include_planned", "objective", "max_risk", "penalty");

    private RouteOptions() {}

    /** An option that cannot be read; {@code key} is the option at fault ("" for the whole text). */
    public static final class OptionException extends IllegalArgumentException {
        private final String key;

        OptionException(String key, String message) {
            super(message);
            this.key = key;
        }

        public String key() { return key; }
    }

    /**
     * The question from {@code from} to {@code to} with these options.
     *
     * @throws OptionException naming the option at fault
     */
    public static RouteQuery parse(String from, String to, String text) {
        Map<String, String> opts = pairs(text);
        String cargo = opts.get("cargo");
        Double tonnes = number(opts, "tonnes");
        Double maxRisk = number(opts, "max_risk");
        boolean planned = bool(opts, "include_planned");
        Map<String, Double> penalties = new LinkedHashMap<>();
        for (String p : list(opts.get("penalty"))) {
            int colon = p.indexOf(':');
            if (colon <= 0) throw new OptionException("penalty", "expected COUNTRY:USD, got '" + p + "'");
            try {
                penalties.put(p.substring(0, colon).trim(), Double.parseDouble(p.substring(colon + 1).trim()));
            } catch (NumberFormatException e) {
                throw new OptionException("penalty", "expected COUNTRY:USD with a number, got '" + p + "'");
            }
        }
        return RouteQuery.builder().from(from).to(to).via(list(opts.get("via"))).cargo(cargo).tonnes(tonnes)
                .objective(opts.get("objective")).avoid(list(opts.get("avoid"))).close(list(opts.get("close")))
                .modes(list(opts.get("modes"))).includePlanned(planned).maxRisk(maxRisk).penalties(penalties).build();
    }

    static Map<String, String> pairs(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) return out;
        for (String part : text.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            int eq = p.indexOf('=');
            String key = (eq < 0 ? p : p.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : p.substring(eq + 1).trim();
            if (!KEYS.contains(key)) {
                throw new OptionException(key, "unknown option '" + key + "', expected one of " + new TreeSet<>(KEYS));
            }
            if (eq < 0 && !key.equals("include_planned")) {
                throw new OptionException(key, "option '" + key + "' needs a value: " + key + "=...");
            }
            if (out.put(key, value) != null) throw new OptionException(key, "option '" + key + "' given twice");
        }
        return out;
    }

    private static List<String> list(String v) {
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        for (String s : v.split(",")) {
            if (!s.isBlank()) out.add(s.trim());
        }
        return out;
    }

    private static Double number(Map<String, String> opts, String key) {
        String v = opts.get(key);
        if (v == null) return null;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new OptionException(key, key + " must be a number, got '" + v + "'");
        }
    }

    private static boolean bool(Map<String, String> opts, String key) {
        String v = opts.get(key);
        if (v == null) return false;
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "", "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new OptionException(key, key + " must be true or false, got '" + v + "'");
        };
    }
}
