package org.caravan.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.caravan.place.RouteParameter;
import org.caravan.place.RouteParameters;
import org.caravan.place.RouteQuery;
import org.caravan.routing.InvalidRequestException;

/**
 * Route options written as {@code key=value} pairs separated by {@code ;}, with the names of the route
 * parameters of the core's table ({@link RouteParameters}, group QUERY), the same names as the HTTP API's:
 * {@code cargo=bulk;tonnes=5000;modes=rail,sea;via=Herat;avoid=RU;close=Torkham;include_planned=true;
 * objective=time;max_risk=0.6;penalty=AF=500,IR=800}. Lists are separated by commas. Values are read by the
 * same code as every front end's ({@link RouteQuery.Builder#parameter}), so they mean the same thing and are
 * checked against the same ranges.
 */
public final class RouteOptions {
    /** The option names: the route question's parameters (from and to are columns of their own). */
    public static final Set<String> KEYS = RouteParameters.of(RouteParameter.Group.QUERY).stream()
            .map(RouteParameter::name).collect(Collectors.toUnmodifiableSet());

    private RouteOptions() {}

    /** An option that cannot be read; {@code key} is the option at fault. */
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
        RouteQuery.Builder b = RouteQuery.builder().from(from).to(to);
        for (Map.Entry<String, String> e : pairs(text).entrySet()) {
            try {
                b.parameter(e.getKey(), List.of(e.getValue()));
            } catch (InvalidRequestException ex) {
                throw new OptionException(e.getKey(), e.getKey() + ": " + ex.getMessage());
            }
        }
        return b.build();
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
            if (value.isEmpty()) {
                // A bare flag means yes; anything else needs its value.
                if (!key.equals(RouteParameters.INCLUDE_PLANNED.name())) {
                    throw new OptionException(key, "option '" + key + "' needs a value: " + key + "=...");
                }
                value = "true";
            }
            if (out.put(key, value) != null) throw new OptionException(key, "option '" + key + "' given twice");
        }
        return out;
    }
}
