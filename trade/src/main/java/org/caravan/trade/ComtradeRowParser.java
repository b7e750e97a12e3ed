package org.caravan.trade;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one CSV row of a {@link ComtradeFormat} into the store's canonical fields, or says in one line which
 * field is wrong and why. Reused for every row of a file (fields are overwritten), so it allocates nothing
 * per row beyond the strings the CSV parser already made.
 */
final class ComtradeRowParser {
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2100;
    /** Comtrade trade-flow codes (current API); X and M are what the analytics read. */
    static final Set<String> FLOWS = Set.of("X", "M", "RX", "RM", "DX", "FM", "MIP", "XIP", "MOP", "XOP", "MIF",
            "XIF");
    private static final Map<String, String> CLASSIC_FLOWS = Map.of("1", "M", "2", "X", "3", "RX", "4", "RM");

    private final ComtradeFormat format;
    private final Countries countries;
    private final int columns;
    private final int year, period, freqCol, monthCol, reporter, reporterIso, partner, partnerIso, partner2,
            flow, classification, cmd, cmdDesc, customs, mot, netWgt, value, cif, fob;

    // The fields of the row just parsed.
    String freq;
    int yearValue;
    int monthValue;
    int reporterCode;
    int partnerCode;
    int partner2Code;
    String flowCode;
    String classificationCode;
    String cmdCode;
    String cmdDescription;
    String customsCode;
    int motCode;
    double netWgtKg;
    double valueUsd;
    double cifUsd;
    double fobUsd;
    /** The column that was wrong, when {@link #parse} returns a reason. */
    String badField;

    ComtradeRowParser(ComtradeFormat format, List<String> header, Countries countries) {
        this.format = format;
        this.countries = countries;
        int n = header.size();
        while (n > 0 && (header.get(n - 1) == null || header.get(n - 1).isBlank())) n--; // trailing empty column
        this.columns = n;
        Map<String, Integer> ix = ComtradeFormat.index(header);
        if (format == ComtradeFormat.PLUS) {
            year = col(ix, "refYear");
            period = col(ix, "period");
            freqCol = col(ix, "freqCode");
            monthCol = col(ix, "refMonth");
            reporter = col(ix, "reporterCode");
            reporterIso = col(ix, "reporterISO");
            partner = col(ix, "partnerCode");
            partnerIso = col(ix, "partnerISO");
            partner2 = col(ix, "partner2Code");
            flow = col(ix, "flowCode");
            classification = col(ix, "classificationCode");
            cmd = col(ix, "cmdCode");
            cmdDesc = col(ix, "cmdDesc");
            customs = col(ix, "customsCode");
            mot = col(ix, "motCode");
            netWgt = col(ix, "netWgt");
            value = col(ix, "primaryValue");
            cif = col(ix, "cifvalue");
            fob = col(ix, "fobvalue");
        } else {
            year = col(ix, "Year");
            period = col(ix, "Period");
            freqCol = -1;
            monthCol = -1;
            reporter = col(ix, "Reporter Code");
            reporterIso = col(ix, "Reporter ISO");
            partner = col(ix, "Partner Code");
            partnerIso = col(ix, "Partner ISO");
            partner2 = col(ix, "2nd Partner Code");
            flow = col(ix, "Trade Flow Code");
            classification = col(ix, "Classification");
            cmd = col(ix, "Commodity Code");
            cmdDesc = col(ix, "Commodity");
            customs = col(ix, "Customs Proc. Code");
            mot = col(ix, "Mode of Transport Code");
            netWgt = col(ix, "Netweight (kg)");
            value = col(ix, "Trade Value (US$)");
            cif = col(ix, "CIF Trade Value (US$)");
            fob = col(ix, "FOB Trade Value (US$)");
        }
    }

    private static int col(Map<String, Integer> ix, String name) {
        Integer i = ix.get(ComtradeFormat.key(name));
        return i == null ? -1 : i;
    }

    /** Number of columns the header names (a trailing unnamed column is not counted). */
    int columns() { return columns; }

    /**
     * Parses {@code f} into this object's fields.
     *
     * @return null when the row is good, else why it is not (and {@link #badField} says which column)
     */
    String parse(String[] f, int count) {
        badField = "";
        int used = count;
        while (used > columns && (f[used - 1] == null || f[used - 1].isEmpty())) used--; // trailing empty fields
        if (used != columns) {
            badField = "(row)";
            return "has " + count + " fields, the header has " + columns;
        }
        String y = get(f, year);
        yearValue = parseInt(y);
        if (yearValue == Integer.MIN_VALUE) return bad(year, "expected a year, got '" + y + "'");
        if (yearValue < MIN_YEAR || yearValue > MAX_YEAR) {
            return bad(year, "year " + yearValue + " outside " + MIN_YEAR + "–" + MAX_YEAR);
        }
        String why = format == ComtradeFormat.PLUS ? parsePlusPeriod(f) : parseClassicPeriod(f);
        if (why != null) return why;

        reporterCode = area(f, reporter, reporterIso);
        if (reporterCode < 0) return areaProblem(f, reporter, reporterIso, "reporter");
        partnerCode = area(f, partner, partnerIso);
        if (partnerCode < 0) return areaProblem(f, partner, partnerIso, "partner");
        String p2 = get(f, partner2);
        if (p2.isEmpty()) {
            partner2Code = 0;
        } else {
            partner2Code = parseInt(p2);
            if (partner2Code < 0 || partner2Code > Short.MAX_VALUE) {
                return bad(partner2, "expected a numeric area code, got '" + p2 + "'");
            }
        }

        String fl = get(f, flow);
        if (format == ComtradeFormat.CLASSIC) {
            flowCode = CLASSIC_FLOWS.get(fl);
            if (flowCode == null) return bad(flow, "unknown trade flow code '" + fl + "' (expected 1, 2, 3 or 4)");
        } else {
            flowCode = fl.toUpperCase(java.util.Locale.ROOT);
            if (!FLOWS.contains(flowCode)) {
                return bad(flow, "unknown flowCode '" + fl + "' (expected X, M, RX, RM or another Comtrade flow)");
            }
        }
        classificationCode = get(f, classification);
        cmdCode = get(f, cmd);
        if (!validCommodity(cmdCode)) {
            return bad(cmd, "expected TOTAL or an HS code of digits, got '" + cmdCode + "'");
        }
        cmdDescription = get(f, cmdDesc);
        customsCode = get(f, customs);
        if (customsCode.isEmpty()) customsCode = "C00";
        String m = get(f, mot);
        if (m.isEmpty()) {
            motCode = 0;
        } else {
            motCode = parseInt(m);
            if (motCode < 0) return bad(mot, "expected a mode-of-transport code, got '" + m + "'");
        }
        valueUsd = number(f, value);
        if (Double.isNaN(valueUsd)) {
            String v = get(f, value);
            return bad(value, v.isEmpty() ? "trade value is empty" : "expected a number, got '" + v + "'");
        }
        if (valueUsd < 0 || Double.isInfinite(valueUsd)) return bad(value, "trade value " + get(f, value)
                + " is negative or infinite");
        netWgtKg = number(f, netWgt);
        if (Double.isNaN(netWgtKg) && !get(f, netWgt).isEmpty()) {
            return bad(netWgt, "expected a weight in kg, got '" + get(f, netWgt) + "'");
        }
        if (netWgtKg < 0 || Double.isInfinite(netWgtKg)) {
            return bad(netWgt, "net weight " + get(f, netWgt) + " is negative or infinite");
        }
        cifUsd = number(f, cif);
        why = optionalValue(f, cif, cifUsd);
        if (why != null) return why;
        fobUsd = number(f, fob);
        return optionalValue(f, fob, fobUsd);
    }

    private String parsePlusPeriod(String[] f) {
        String fr = get(f, freqCol);
        String per = get(f, period);
        if (fr.isEmpty()) fr = per.length() == 6 ? "M" : "A";
        freq = fr.toUpperCase(java.util.Locale.ROOT);
        if (freq.equals("A")) {
            monthValue = 0;
            return null;
        }
        if (!freq.equals("M")) return bad(freqCol, "unknown freqCode '" + fr + "' (expected A or M)");
        String mo = get(f, monthCol);
        monthValue = parseInt(mo);
        if ((monthValue < 1 || monthValue > 12) && per.length() == 6) monthValue = parseInt(per.substring(4));
        if (monthValue < 1 || monthValue > 12) return bad(monthCol, "expected a month 1–12, got '" + mo + "'");
        return null;
    }

    private String parseClassicPeriod(String[] f) {
        String per = get(f, period);
        if (per.isEmpty() || per.length() == 4) {
            freq = "A";
            monthValue = 0;
            return null;
        }
        freq = "M";
        monthValue = per.length() == 6 ? parseInt(per.substring(4)) : -1;
        if (monthValue < 1 || monthValue > 12 || parseInt(per.substring(0, 4)) != yearValue) {
            return bad(period, "expected YYYY or YYYYMM of year " + yearValue + ", got '" + per + "'");
        }
        return null;
    }

    private int area(String[] f, int codeCol, int isoCol) {
        String code = get(f, codeCol);
        if (!code.isEmpty()) {
            int c = parseInt(code);
            return c < 0 || c > Short.MAX_VALUE ? -1 : c;
        }
        String iso = get(f, isoCol);
        return iso.isEmpty() ? -1 : countries.codeOf(iso).orElse(-1);
    }

    private String areaProblem(String[] f, int codeCol, int isoCol, String what) {
        String code = get(f, codeCol);
        String iso = get(f, isoCol);
        if (!code.isEmpty()) return bad(codeCol, "expected a numeric " + what + " code, got '" + code + "'");
        if (!iso.isEmpty()) return bad(isoCol, "unknown " + what + " ISO code '" + iso + "' and no numeric code");
        return bad(codeCol >= 0 ? codeCol : isoCol, what + " code and ISO code are both empty");
    }

    private String bad(int column, String reason) {
        badField = column < 0 ? "(row)" : headerName(column);
        return reason;
    }

    private String[] headerNames;

    void header(List<String> header) { headerNames = header.toArray(String[]::new); }

    private String headerName(int column) {
        return headerNames == null || column >= headerNames.length ? "column " + (column + 1)
                : ComtradeFormat.key(headerNames[column]).isEmpty() ? "column " + (column + 1)
                : headerNames[column].replace("\uFEFF", "").trim();
    }

    static boolean validCommodity(String code) {
        if (code.equals("TOTAL")) return true;
        if (code.isEmpty() || code.length() > 6) return false;
        for (int i = 0; i < code.length(); i++) if (!Character.isDigit(code.charAt(i))) return false;
        return true;
    }

    private static String get(String[] f, int i) {
        if (i < 0 || i >= f.length || f[i] == null) return "";
        String s = f[i];
        return s.isEmpty() || (s.charAt(0) > ' ' && s.charAt(s.length() - 1) > ' ') ? s : s.trim();
    }

    /** A CIF or FOB value: empty, or a number >= 0 that is not infinite. */
    private String optionalValue(String[] f, int column, double v) {
        String text = get(f, column);
        if (text.isEmpty()) return null;
        if (Double.isNaN(v)) return bad(column, "expected a number, got '" + text + "'");
        if (v < 0 || Double.isInfinite(v)) return bad(column, "value " + text + " is negative or infinite");
        return null;
    }

    /**
     * A plain decimal ({@code 12}, {@code -3.5}, {@code 1e3}), or NaN when empty or anything else: Java would also
     * read "NaN", "Infinity", "1f" and hexadecimal, none of which a Comtrade file means.
     */
    private static double number(String[] f, int i) {
        String s = get(f, i);
        if (s.isEmpty()) return Double.NaN;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A non-negative integer, or {@link Integer#MIN_VALUE} when {@code s} is not one. */
    static int parseInt(String s) {
        if (s.isEmpty() || s.length() > 9) return Integer.MIN_VALUE;
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                // "2022.0" from spreadsheets: accept a zero fraction
                if (c == '.' && s.substring(i + 1).chars().allMatch(ch -> ch == '0')) return v;
                return Integer.MIN_VALUE;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
