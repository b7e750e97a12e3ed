package org.caravan.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One change to a valid input file, for generative tests of the loaders: the tests start from files that load
 * (shipped data, examples or fixtures) and check that no sequence of these changes gets past a loader unnoticed
 * or makes it crash. Positions are taken modulo the file's size, so a mutation applies to any file and shrinks
 * well. Works on text ({@link #apply(String)}) with the byte-level kinds applied by {@link #applyAll(byte[], List)}.
 */
public record Mutation(Kind kind, int a, int b, String value) {
    public enum Kind {
        TRUNCATE, BAD_BYTES, BOM, DOUBLE_BOM, CRLF, QUOTE, DELETE_CHAR, DELETE_LINE, DUPLICATE_LINE, SWAP_LINES,
        UPPER_CASE_LINE, UPPER_CASE_TOKEN, REPLACE_TOKEN, INSERT_TOKEN, CSV_DROP_COLUMN, CSV_DUPLICATE_COLUMN,
        CSV_RENAME_COLUMN, CSV_REPLACE_CELL, CSV_CUT_LAST_CELL, CSV_COPY_CELL
    }

    /** Values that break a field: not numbers, out of every range, other case, markup, control characters... */
    public static final List<String> HOSTILE = List.of("NaN", "nan", "Infinity", "-Infinity", "inf", ".inf", ".nan",
            "1e309", "-1e309", "1e308", "-1", "-0.0001", "0", "0x1F", "1f", "1,5", "1.2.3", "", " ", "\"", "\"\"",
            "'", "null", "~", "true", "FALSE", "yes", "[]", "{}", "[1, 2]", "{a: 1}", "- x", ": x", "#", "&a", "*a",
            "!!binary AAAA", "\t", "\\u0000", "\u0000", "\u00e9", "Ω", "😀", "\uFEFF", "<script>", "KZALA", "kzala",
            "XX", "ZZ", "kz", "Kz", "City", "RAIL", "Operational", "border post", "1520mm", "9999999999999999999999",
            "99999999999", "-9999999999", "2147483648", "x".repeat(300), "a;b;;", ";", "CRLF\r\nrow", "\n", "\r");

    private static final byte[][] BAD = {{(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xE9}, {(byte) 0x80},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF8, 1, 2}, {(byte) 0xFE, (byte) 0xFF}};

    public static Arbitrary<Mutation> any() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 1 << 20),
                Arbitraries.integers().between(0, 1 << 20), Arbitraries.of(HOSTILE)).as(Mutation::new);
    }

    /** One to three mutations. */
    public static Arbitrary<List<Mutation>> some() {
        return any().list().ofMinSize(1).ofMaxSize(3);
    }

    /** Applies the mutations in order, the byte-level ones on the UTF-8 bytes. */
    public static byte[] applyAll(byte[] content, List<Mutation> mutations) {
        byte[] out = content;
        for (Mutation m : mutations) out = m.apply(out);
        return out;
    }

    public byte[] apply(byte[] content) {
        switch (kind) {
            case TRUNCATE:
                return Arrays.copyOf(content, content.length == 0 ? 0 : a % content.length);
            case BAD_BYTES: {
                byte[] bad = BAD[b % BAD.length];
                int at = content.length == 0 ? 0 : a % (content.length + 1);
                byte[] out = new byte[content.length + bad.length];
                System.arraycopy(content, 0, out, 0, at);
                System.arraycopy(bad, 0, out, at, bad.length);
                System.arraycopy(content, at, out, at + bad.length, content.length - at);
                return out;
            }
            case BOM:
            case DOUBLE_BOM: {
                byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
                int n = kind == Kind.BOM ? 1 : 2;
                byte[] out = new byte[content.length + 3 * n];
                for (int i = 0; i < n; i++) System.arraycopy(bom, 0, out, 3 * i, 3);
                System.arraycopy(content, 0, out, 3 * n, content.length);
                return out;
            }
            default:
                return apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The text-level kinds; byte-level kinds are left to {@link #apply(byte[])}. */
    public String apply(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int n = lines.size();
        switch (kind) {
            case CRLF:
                return text.replace("\r\n", "\n").replace("\n", "\r\n");
            case QUOTE:
                return insert(text, a, "\"");
            case DELETE_CHAR:
                if (text.isEmpty()) return text;
                int at = a % text.length();
                return text.substring(0, at) + text.substring(at + 1);
            case DELETE_LINE:
                lines.remove(a % n);
                return String.join("\n", lines);
            case DUPLICATE_LINE:
                lines.add(b % (n + 1), lines.get(a % n));
                return String.join("\n", lines);
            case SWAP_LINES: {
                int i = a % n;
                int j = b % n;
                String t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
                return String.join("\n", lines);
            }
            case UPPER_CASE_LINE:
                lines.set(a % n, lines.get(a % n).toUpperCase(Locale.ROOT));
                return String.join("\n", lines);
            case UPPER_CASE_TOKEN:
                return mapToken(text, a, t -> t.toUpperCase(Locale.ROOT));
            case REPLACE_TOKEN:
                return mapToken(text, a, t -> value);
            case INSERT_TOKEN:
                return insert(text, a, value);
            case CSV_DROP_COLUMN:
                return csvColumns(lines, cells -> {
                    if (!cells.isEmpty()) cells.remove(a % cells.size());
                });
            case CSV_DUPLICATE_COLUMN:
                return csvColumns(lines, cells -> {
                    if (!cells.isEmpty()) cells.add(b % (cells.size() + 1), cells.get(a % cells.size()));
                });
            case CSV_RENAME_COLUMN: {
                List<String> header = Csv.split(lines.get(0));
                if (header.isEmpty()) return text;
                int c = a % header.size();
                header.set(c, b % 2 == 0 ? header.get(c).toUpperCase(Locale.ROOT) : header.get(c) + "_x");
                lines.set(0, Csv.join(header));
                return String.join("\n", lines);
            }
            case CSV_REPLACE_CELL: {
                int row = a % n;
                List<String> cells = Csv.split(lines.get(row));
                if (cells.isEmpty()) return text;
                cells.set(b % cells.size(), value);
                lines.set(row, Csv.join(cells));
                return String.join("\n", lines);
            }
            case CSV_CUT_LAST_CELL: {
                int row = a % n;
                List<String> cells = Csv.split(lines.get(row));
                if (cells.size() < 2) return text;
                cells.remove(cells.size() - 1);
                lines.set(row, Csv.join(cells));
                return String.join("\n", lines);
            }
            case CSV_COPY_CELL: {
                // A value from another row into this one (references, duplicate ids), maybe in other case.
                int from = a % n;
                int to = b % n;
                List<String> src = Csv.split(lines.get(from));
                List<String> dst = Csv.split(lines.get(to));
                if (src.isEmpty() || dst.isEmpty()) return text;
                int col = (a / 7) % Math.min(src.size(), dst.size());
                String v = src.get(col);
                dst.set(col, value.length() % 2 == 0 ? v.toLowerCase(Locale.ROOT) : v);
                lines.set(to, Csv.join(dst));
                return String.join("\n", lines);
            }
            default:
                return text;
        }
    }

    private static String insert(String text, int a, String s) {
        int at = a % (text.length() + 1);
        return text.substring(0, at) + s + text.substring(at);
    }

    /** Applies {@code f} to the a-th run of letters, digits, '.', '-' or '_' (a word, number or id). */
    private static String mapToken(String text, int a, java.util.function.UnaryOperator<String> f) {
        List<int[]> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean word = i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || ".-_".indexOf(text.charAt(i)) >= 0);
            if (word && start < 0) start = i;
            if (!word && start >= 0) {
                tokens.add(new int[] {start, i});
                start = -1;
            }
        }
        if (tokens.isEmpty()) return text;
        int[] t = tokens.get(a % tokens.size());
        return text.substring(0, t[0]) + f.apply(text.substring(t[0], t[1])) + text.substring(t[1]);
    }

    private static String csvColumns(List<String> lines, java.util.function.Consumer<List<String>> change) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (line.isEmpty()) {
                out.add(line);
                continue;
            }
            List<String> cells = Csv.split(line);
            change.accept(cells);
            out.add(Csv.join(cells));
        }
        return String.join("\n", out);
    }

    /** Minimal CSV cell handling for mutations (quotes kept balanced per line; multi-line cells are not split). */
    static final class Csv {
        static List<String> split(String line) {
            List<String> cells = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                    cur.append(c);
                } else if (c == ',' && !quoted) {
                    cells.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(c);
                }
            }
            cells.add(cur.toString());
            return cells;
        }

        static String join(List<String> cells) {
            return String.join(",", cells);
        }
    }
}
