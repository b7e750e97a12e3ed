package org.caravan.testing;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.caravan.network.Problem;

/** What every refusal of a loader must say: which file, where in it, and which field. */
public final class Refusals {
    private Refusals() {}

    /** CSV problems: {@code line N}. */
    public static final Pattern CSV_LINE = Pattern.compile("line [1-9]\\d*");
    /** GeoJSON problems: {@code feature N}, or a JSON syntax error's {@code line N, column M}. */
    public static final Pattern GEOJSON = Pattern.compile("feature \\d+|line [1-9]\\d*(, column [1-9]\\d*)?");
    /** YAML/JSON syntax and encoding errors: {@code line N[, column M]}. */
    public static final Pattern TEXT_POSITION = Pattern.compile("line [1-9]\\d*(, column [1-9]\\d*)?");

    /**
     * Problems about a whole file or row rather than one field (a bad encoding, CSV or YAML syntax, a row with too
     * many cells, a file that is neither table): they have a location but no field.
     */
    private static final Pattern WHOLE = Pattern.compile("not valid UTF-8 text.*|malformed CSV.*|row has \\d+ cells.*"
            + "|empty file.*|neither a nodes table.*|invalid JSON.*|not valid YAML or JSON.*"
            + "|expected a mapping at the top level.*|the network has no nodes|no OD pairs", Pattern.DOTALL);

    /**
     * Checks that every problem names one of {@code files}, a location matching {@code location} and a field (or,
     * for a whole-file or whole-row problem, says so).
     */
    public static void assertLocated(Collection<Problem> problems, Collection<String> files, Pattern location) {
        // Plain checks: this runs tens of thousands of times per build.
        check(!problems.isEmpty(), "a refusal lists its problems", null);
        for (Problem p : problems) {
            common(p, files);
            if (!p.message().equals("the network has no nodes")) {
                check(location.matcher(p.location()).matches(), "location matches " + location, p);
            }
            check(!p.field().isBlank() || WHOLE.matcher(p.message()).matches(), "names a field", p);
        }
    }

    private static void common(Problem p, Collection<String> files) {
        check(files.contains(p.file()), "names one of the files " + files, p);
        check(!p.message().isBlank() && !p.message().contains("Exception") && !p.message().contains("\tat "),
                "message in words, no Java exception", p);
    }

    private static void check(boolean ok, String what, Problem p) {
        if (!ok) throw new AssertionError("refusal check failed (" + what + ")" + (p == null ? "" : ": " + p));
    }

    /** For loaders that locate every problem by its dotted field path (YAML trees): field or syntax position. */
    public static void assertFieldOrPosition(Collection<Problem> problems, Collection<String> files) {
        check(!problems.isEmpty(), "a refusal lists its problems", null);
        for (Problem p : problems) {
            common(p, files);
            check(!p.field().isBlank() || TEXT_POSITION.matcher(p.location()).matches(),
                    "name a field, or the line (and column) of a syntax or encoding error", p);
        }
    }

    public static List<String> files(String... names) { return List.of(names); }
}
