package org.caravan.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A {@link ValidationReport} as JSON, CSV (one line per observation) or a Markdown document. */
public final class ValidationFormats {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> CSV_COLUMNS = List.of("id", "corridor", "from", "to", "options", "quantity", "low",
            "high", "caravan", "ratio", "in_range", "status", "modes", "message", "source", "bound", "scope");

    private ValidationFormats() {}

    public static ObjectNode json(ValidationReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("file", r.file());
        ObjectNode rule = root.putObject("rule");
        rule.put("tolerance", Validator.TOLERANCE);
        rule.put("in_range", "0.8 x low <= caravan <= 1.2 x high");
        rule.put("ratio", "caravan / sqrt(low x high)");
        root.put("observations", r.rows().size());
        root.put("evaluated", r.evaluated());
        ArrayNode rows = root.putArray("rows");
        for (RowResult x : r.rows()) {
            Observation o = x.observation();
            ObjectNode n = rows.addObject();
            n.put("id", o.id());
            n.put("corridor", o.corridor());
            n.put("from", o.from());
            n.put("to", o.to());
            n.put("options", o.options());
            n.put("quantity", o.quantity().code());
            n.put("low", o.low());
            n.put("high", o.high());
            if (o.bound() != Observation.Bound.RANGE) n.put("bound", o.bound().code());
            if (o.scope() != Observation.Scope.DOOR_TO_DOOR) n.put("scope", o.scope().code());
            n.put("status", x.status().label());
            if (x.evaluated()) {
                n.put("caravan", round(x.caravan()));
                n.put("ratio", round(x.ratio()));
                n.put("in_range", x.inRange());
                n.put("modes", x.modes());
            } else {
                n.put("message", x.message());
            }
            n.put("source", o.source());
            n.put("url", o.url());
            n.put("date", o.date());
        }
        summaries(root.putArray("by_quantity"), r.byQuantity());
        summaries(root.putArray("by_family"), r.byFamily());
        summaries(root.putArray("by_family_and_mode"), r.byFamilyAndMode());
        summaries(root.putArray("by_corridor"), r.byCorridor());
        ArrayNode t = root.putArray("targets");
        for (TargetCheck c : r.targets()) {
            ObjectNode n = t.addObject();
            n.put("what", c.what());
            n.put("target", c.target());
            n.put("actual", c.actual());
            if (c.met() == null) n.putNull("met"); else n.put("met", c.met());
        }
        return root;
    }

    private static void summaries(ArrayNode out, List<Summary> list) {
        for (Summary s : list) {
            ObjectNode n = out.addObject();
            n.put("group", s.group());
            n.put("observations", s.observations());
            n.put("evaluated", s.evaluated());
            n.put("in_range", s.inRange());
            if (s.shareInRange() == null) {
                n.putNull("share_in_range");
            } else {
                n.put("share_in_range", round(s.shareInRange()));
            }
            if (s.medianRatio() == null) n.putNull("median_ratio"); else n.put("median_ratio", round(s.medianRatio()));
            if (s.bias() == null) n.putNull("bias"); else n.put("bias", round(s.bias()));
        }
    }

    public static String csv(ValidationReport r) {
        CsvSchema.Builder b = CsvSchema.builder();
        CSV_COLUMNS.forEach(b::addColumn);
        StringWriter out = new StringWriter();
        try (var w = new CsvMapper().writer(b.build().withHeader()).writeValues(out)) {
            for (RowResult x : r.rows()) {
                Observation o = x.observation();
                w.write(Arrays.asList(o.id(), o.corridor(), o.from(), o.to(), o.options(), o.quantity().code(),
                        num(o.low()), num(o.high()), x.evaluated() ? num(x.caravan()) : "",
                        x.evaluated() ? num(x.ratio()) : "", x.evaluated() ? String.valueOf(x.inRange()) : "",
                        x.status().label(), x.modes(), x.message(), o.source(), o.bound().code(),
                        o.scope().code()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A Markdown document: the rule, the targets, the summaries and every row (misses first, with what the
     * source says), for docs/VALIDATION.md.
     *
     * @param intro text placed after the title (how the document was made), may be empty
     */
    public static String markdown(ValidationReport r, String intro) {
        StringBuilder s = new StringBuilder();
        s.append("# Caravan against published figures\n\n");
        if (!intro.isBlank()) s.append(intro.strip()).append("\n\n");
        s.append("Rule: a value is **in range** when 0.8 × low ≤ Caravan ≤ 1.2 × high (±20 % around the published ")
                .append("range); the ratio is Caravan ÷ √(low × high). Rows whose place is not (yet) in the network, ")
                .append("that have no route or whose options cannot be used are counted but left out of the shares. ")
                .append("Median ratios of an even number of rows take the geometric mean of the middle two; bias is ")
                .append("exp(mean ln ratio) − 1.\n\n");
        s.append(String.format(Locale.ROOT, "%d observations, %d evaluated.%n%n", r.rows().size(), r.evaluated()));
        s.append("## Targets\n\n| target | wanted | Caravan | met |\n|---|---|---|---|\n");
        for (TargetCheck c : r.targets()) {
            s.append("| ").append(c.what()).append(" | ").append(c.target()).append(" | ").append(c.actual())
                    .append(" | ").append(c.met() == null ? "–" : c.met() ? "yes" : "**no**").append(" |\n");
        }
        table(s, "By quantity", r.byQuantity());
        table(s, "By kind of figure and mode of Caravan's route", r.byFamilyAndMode());
        table(s, "By corridor", r.byCorridor());
        s.append("\n## Every observation\n\nMisses first (largest error first), then rows in range, then rows that ")
                .append("could not be evaluated. `note` says what the source says.\n\n")
                .append("| id | from → to | options | quantity | published | Caravan | ratio | | modes | source | note |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        List<RowResult> ordered = new ArrayList<>(r.rows());
        ordered.sort((a, b) -> {
            int ca = a.evaluated() ? (a.inRange() ? 1 : 0) : 2;
            int cb = b.evaluated() ? (b.inRange() ? 1 : 0) : 2;
            if (ca != cb) return Integer.compare(ca, cb);
            if (ca == 0) return Double.compare(Math.abs(Math.log(b.ratio())), Math.abs(Math.log(a.ratio())));
            return a.observation().id().compareTo(b.observation().id());
        });
        for (RowResult x : ordered) {
            Observation o = x.observation();
            String published = o.published(ValidationFormats::num, "–", "≥ ", "≤ ")
                    + (o.scope() == Observation.Scope.CROSSING ? " (crossing)" : "");
            String src = o.url().isEmpty() ? o.source() : "[" + o.source() + "](" + o.url() + ")";
            s.append("| ").append(o.id()).append(" | ").append(cell(o.from())).append(" → ").append(cell(o.to()))
                    .append(" | ").append(cell(o.options())).append(" | ").append(o.quantity().code()).append(" | ")
                    .append(published).append(" | ")
                    .append(x.evaluated() ? num(x.caravan()) : "–").append(" | ")
                    .append(x.evaluated() ? String.format(Locale.ROOT, "%.2f", x.ratio()) : "–").append(" | ")
                    .append(x.evaluated() ? (x.inRange() ? "in" : "**miss**") : x.status().label()).append(" | ")
                    .append(x.modes()).append(" | ").append(cell(src)).append(" | ")
                    .append(cell(x.evaluated() ? o.note() : x.message() + "; " + o.note())).append(" |\n");
        }
        return s.toString();
    }

    private static void table(StringBuilder s, String title, List<Summary> list) {
        s.append("\n## ").append(title).append("\n\n| group | rows | evaluated | in range | share | median ratio | bias |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Summary x : list) {
            s.append("| ").append(x.group()).append(" | ").append(x.observations()).append(" | ").append(x.evaluated())
                    .append(" | ").append(x.inRange()).append(" | ")
                    .append(x.shareInRange() == null ? "–" : Validator.pct(x.shareInRange())).append(" | ")
                    .append(x.medianRatio() == null ? "–" : String.format(Locale.ROOT, "%.2f", x.medianRatio()))
                    .append(" | ").append(x.bias() == null ? "–" : String.format(Locale.ROOT, "%+.0f %%", x.bias() * 100))
                    .append(" |\n");
        }
    }

    private static String cell(String v) {
        return v == null ? "" : v.replace("|", "\\|").replace("\n", " ");
    }

    static double round(double v) {
        if (v == 0 || !Double.isFinite(v)) return v;
        return new BigDecimal(v).round(new MathContext(4)).doubleValue();
    }

    /** A value as the reports write it: four significant digits, plain notation (the chart labels too). */
    public static String num(double v) {
        return BigDecimal.valueOf(round(v)).stripTrailingZeros().toPlainString();
    }
}
