package org.caravan.place;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.caravan.routing.InvalidRequestException;

/**
 * One input of a route question, declared once for every front end: the command line derives its option from it
 * ({@code max_risk} is {@code --max-risk}), the HTTP API its query parameter and {@code /openapi.json} its entry.
 *
 * @param name       the field name, snake_case ("max_risk"); errors name it, front ends spell it their way
 * @param kind       how its value is written
 * @param group      which commands and endpoints take it
 * @param valueLabel what one value looks like in help ("CC=USD")
 * @param choices    the allowed words of a {@link Kind#CHOICE} or {@link Kind#CHOICES}; empty when open (cargo
 *                   profiles come from the cost model)
 * @param min        smallest accepted number, null for no number
 * @param minExclusive whether {@code min} itself is refused (tonnes must be above 0)
 * @param max        largest accepted number, null for no number
 * @param publicMax  a tighter bound for requests from anyone on the network (the HTTP API), null for {@code max}
 * @param defaultValue what holds when the input is not given, as text ("cost"), or null (none: no limit)
 * @param defaultHelp how help describes the default when it is not a plain value, or null
 * @param help       one or two sentences, without any front end's syntax
 */
public record RouteParameter(String name, Kind kind, Group group, String valueLabel, List<String> choices,
        BigDecimal min, boolean minExclusive, BigDecimal max, BigDecimal publicMax, String defaultValue,
        String defaultHelp, String help) {

    /** How a value is written. Lists accept repeated inputs and comma-separated values alike. */
    public enum Kind {
        PLACE, PLACES, CHOICE, CHOICES, COUNTRIES, NUMBER, INTEGER, BOOLEAN,
        /** A local date and time, ISO 8601 without offset: 2027-03-01T08:00. */
        DATETIME,
        /** COUNTRY=NUMBER pairs, comma-separated. */
        COUNTRY_AMOUNTS,
        /**
         * A CSV table: a FILE on the command line, a multipart upload field in the HTTP API (never a query
         * parameter, and not a value of the route question).
         */
        TABLE;

        public boolean isList() { return this == PLACES || this == CHOICES || this == COUNTRIES || this == COUNTRY_AMOUNTS; }
    }

    /** Which questions take a parameter. */
    public enum Group {
        /** The two places: positional on the command line. */
        ENDS,
        /** Cargo, objective and restrictions: every route, comparison, scenario and criticality question. */
        QUERY,
        /** Monte Carlo reliability of the routes found. */
        RELIABILITY,
        /** How many routes, and how hard the multi-route searches try. */
        SEARCH,
        /** What a freight assignment takes beyond the route question: {@code caravan assign}, {@code POST /api/assign}. */
        ASSIGNMENT
    }

    public RouteParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(group, "group");
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public boolean numeric() { return kind == Kind.NUMBER || kind == Kind.INTEGER || kind == Kind.COUNTRY_AMOUNTS; }

    /** The bound the HTTP API enforces. */
    public BigDecimal effectiveMax(boolean publicRequest) {
        return publicRequest && publicMax != null ? publicMax : max;
    }

    /** "0 < x ≤ 100000000" style range for help and errors; empty when the parameter is not a number. */
    public String rangeText(boolean publicRequest) {
        if (min == null && max == null) return "";
        BigDecimal hi = effectiveMax(publicRequest);
        String lo = min == null ? "" : plain(min) + (minExclusive ? " (exclusive)" : "");
        return lo + " to " + (hi == null ? "any" : plain(hi));
    }

    /**
     * Refuses a number outside the range, naming this parameter; never clamps.
     *
     * @param what  the value's own name in the message ("IR"), or null
     */
    public double check(double value, String what, boolean publicRequest) {
        String prefix = what == null ? "" : what + ": ";
        if (!Double.isFinite(value)) {
            throw new InvalidRequestException(name, prefix + "expected a finite number, got " + value);
        }
        BigDecimal v = new BigDecimal(value);
        BigDecimal hi = effectiveMax(publicRequest);
        boolean low = min != null && (minExclusive ? v.compareTo(min) <= 0 : v.compareTo(min) < 0);
        boolean high = hi != null && v.compareTo(hi) > 0;
        if (kind == Kind.INTEGER && value != Math.rint(value)) {
            throw new InvalidRequestException(name, prefix + "expected a whole number, got " + plain(value));
        }
        if (low || high) {
            throw new InvalidRequestException(name, prefix + "expected " + describeRange(hi) + ", got " + plain(value));
        }
        return value;
    }

    private String describeRange(BigDecimal hi) {
        String lo = min == null ? null : (minExclusive ? "more than " : "") + plain(min);
        if (lo != null && hi != null) return (minExclusive ? "more than " + plain(min) + " and at most " + plain(hi)
                : plain(min) + " to " + plain(hi));
        if (lo != null) return minExclusive ? "more than " + plain(min) : "at least " + plain(min);
        return "at most " + plain(hi);
    }

    static String plain(BigDecimal d) { return d.stripTrailingZeros().toPlainString(); }

    static String plain(double d) {
        if (Math.abs(d) >= 1e15 || (d != 0 && Math.abs(d) < 1e-6)) return Double.toString(d);
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    /** Help text with its range and default, the same on every front end. */
    public String fullHelp(boolean publicRequest) {
        StringBuilder sb = new StringBuilder(help);
        String range = rangeText(publicRequest);
        if (!range.isEmpty()) sb.append(" Range: ").append(range).append('.');
        if (defaultHelp != null) sb.append(" Default: ").append(defaultHelp).append('.');
        else if (defaultValue != null) sb.append(" Default: ").append(defaultValue).append('.');
        return sb.toString();
    }
}
