package org.caravan.trade;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The two UN Comtrade CSV layouts Caravan reads, recognised by their header: the current API/bulk download
 * ({@link #PLUS}, 47 columns: refYear, reporterCode, flowCode, cmdCode, primaryValue, ...) and the legacy
 * "classic" download ({@link #CLASSIC}: Year, Trade Flow Code, Reporter Code, Commodity Code, Trade Value (US$),
 * ...). Column names are matched case-insensitively and in any order; extra columns are ignored.
 */
public enum ComtradeFormat {
    PLUS("Comtrade API/bulk (47 columns)",
            List.of("refYear", "reporterCode|reporterISO", "flowCode", "partnerCode|partnerISO", "cmdCode",
                    "primaryValue")),
    CLASSIC("Comtrade legacy (classic)",
            List.of("Year", "Trade Flow Code", "Reporter Code|Reporter ISO", "Partner Code|Partner ISO",
                    "Commodity Code", "Trade Value (US$)"));

    private final String label;
    private final List<String> required;

    ComtradeFormat(String label, List<String> required) {
        this.label = label;
        this.required = required;
    }

    public String label() { return label; }

    /** The required columns, alternatives separated by {@code |}. */
    public List<String> required() { return required; }

    /** The format whose required columns the header has, or empty. */
    public static Optional<ComtradeFormat> detect(List<String> header) {
        Map<String, Integer> index = index(header);
        for (ComtradeFormat f : values()) {
            if (f.missing(index).isEmpty()) return Optional.of(f);
        }
        return Optional.empty();
    }

    /** Why a header is not one of ours, for the error message: what each format would still need. */
    public static String explainUnknown(List<String> header) {
        Map<String, Integer> index = index(header);
        StringBuilder sb = new StringBuilder();
        for (ComtradeFormat f : values()) {
            if (sb.length() > 0) sb.append("; ");
            sb.append(f.label).append(" needs ").append(String.join(", ", f.missing(index)));
        }
        return sb.toString();
    }

    private List<String> missing(Map<String, Integer> index) {
        List<String> missing = new ArrayList<>();
        for (String alternatives : required) {
            boolean any = false;
            for (String name : alternatives.split("\\|")) any |= index.containsKey(key(name));
            if (!any) missing.add(alternatives.replace("|", " or "));
        }
        return missing;
    }

    static Map<String, Integer> index(List<String> header) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name != null && !name.isBlank()) index.putIfAbsent(key(name), i);
        }
        return index;
    }

    static String key(String column) {
        String s = column.trim();
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') s = s.substring(1);
        return s.toLowerCase(Locale.ROOT);
    }
}
