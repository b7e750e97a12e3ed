package org.caravan.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.caravan.chart.LogScatterChart;
import org.caravan.chart.ValidationChart;
import org.caravan.report.RouteJson;
import org.caravan.routing.Router;
import org.caravan.validation.Observation;
import org.caravan.validation.ObservationFile;
import org.caravan.validation.ObservationFileException;
import org.caravan.validation.RowResult;
import org.caravan.validation.Summary;
import org.caravan.validation.TargetCheck;
import org.caravan.validation.ValidationFormats;
import org.caravan.validation.ValidationReport;
import org.caravan.validation.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caravan validate OBS.csv}: Caravan's answers against published observations (docs/OBSERVATIONS.md). */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Compare Caravan's distances, times, costs and CO2 with published observations.",
            "Per row: Caravan's value, the ratio to the published figure and whether it is within +-20 % of the "
                + "published range; then a summary by quantity, mode and corridor, and the targets.",
            "The file format is in docs/OBSERVATIONS.md; the shipped set is data/observations/published.csv.",
            "Exit code 0: done (misses are an answer, not an error); 2: bad input."})
final class ValidateCommand implements Callable<Integer> {
    enum Format { text, json, csv, markdown }

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Parameters(index = "0", paramLabel = "OBS.csv", description = "Observations file (CSV).")
    Path file;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text",
            description = "Output: text, json, csv (one line per observation) or markdown (a report). "
                + "Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--chart", paramLabel = "FILE",
            description = "Also draw the log-log chart of published against Caravan values to FILE (.svg or .png).")
    Path chart;

    @Option(names = "--intro", paramLabel = "TEXT",
            description = "With --format markdown: a paragraph placed under the title (how the report was made).")
    String intro = "";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the answer to FILE instead of stdout.")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (chart != null) chartFormat(chart);
        List<Observation> observations;
        try {
            observations = ObservationFile.read(file);
        } catch (ObservationFileException e) {
            throw new UserInputException(e.getMessage());
        }
        Router router = new Router(data.loadNetwork(), data.loadCosts());
        ValidationReport report = new Validator(router).validate(file.toString(), observations);
        String out = switch (format) {
            case json -> RouteJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(ValidationFormats.json(report)) + "\n";
            case csv -> ValidationFormats.csv(report);
            case markdown -> ValidationFormats.markdown(report, intro);
            case text -> text(report);
        };
        TextOutput.write(spec, output, out);
        if (chart != null) writeChart(spec.commandLine().getErr(), ValidationChart.of(report), chart, file.getFileName().toString());
        return 0;
    }

    static String chartFormat(Path chart) {
        String name = chart.getFileName() == null ? "" : chart.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) return "svg";
        if (name.endsWith(".png")) return "png";
        throw new UserInputException("--chart: " + chart + ": the file name must end in .svg or .png");
    }

    static void writeChart(java.io.PrintWriter err, LogScatterChart c, Path chart, String name) {
        String title = "Published against Caravan: " + name;
        try {
            if (chartFormat(chart).equals("png")) Files.write(chart, c.png(title));
            else Files.writeString(chart, c.svg(title), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserInputException("--chart: cannot write " + chart + ": " + e.getMessage());
        }
        TextOutput.wrote(err, chart);
    }

    static String text(ValidationReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %d observations, %d evaluated (in range: within +-20 %% of the "
                + "published range)%n%n", r.file(), r.rows().size(), r.evaluated()));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"id", "from", "to", "quantity", "published", "caravan", "ratio", "", "modes"});
        for (RowResult x : r.rows()) {
            Observation o = x.observation();
            rows.add(new String[] {o.id(), o.from(), o.to(), o.quantity().code(),
                o.published(ValidateCommand::num, "-", ">= ", "<= ")
                        + (o.scope() == org.caravan.validation.Observation.Scope.CROSSING ? " (crossing)" : ""),
                x.evaluated() ? num(x.caravan()) : "-",
                x.evaluated() ? String.format(Locale.ROOT, "%.2f", x.ratio()) : "-",
                x.evaluated() ? (x.inRange() ? "in" : "MISS") : x.status().label(), x.modes()});
        }
        TextOutput.table(sb, rows, new boolean[] {false, false, false, false, true, true, true, false, false});
        summary(sb, "By quantity", r.byQuantity());
        summary(sb, "By kind and mode", r.byFamilyAndMode());
        summary(sb, "By corridor", r.byCorridor());
        sb.append("\nTargets\n");
        List<String[]> t = new ArrayList<>();
        t.add(new String[] {"target", "wanted", "caravan", "met"});
        for (TargetCheck c : r.targets()) {
            t.add(new String[] {c.what().replace("±", "+-"), c.target().replace("≥", ">=").replace("–", "-"),
                c.actual(), c.met() == null ? "-" : c.met() ? "yes" : "NO"});
        }
        TextOutput.table(sb, t, new boolean[] {false, false, false, false});
        return sb.toString();
    }

    private static void summary(StringBuilder sb, String title, List<Summary> list) {
        sb.append('\n').append(title).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"group", "rows", "evaluated", "in range", "share", "median ratio", "bias"});
        for (Summary s : list) {
            rows.add(new String[] {s.group(), String.valueOf(s.observations()), String.valueOf(s.evaluated()),
                String.valueOf(s.inRange()),
                s.shareInRange() == null ? "-" : String.format(Locale.ROOT, "%.0f %%", s.shareInRange() * 100),
                s.medianRatio() == null ? "-" : String.format(Locale.ROOT, "%.2f", s.medianRatio()),
                s.bias() == null ? "-" : String.format(Locale.ROOT, "%+.0f %%", s.bias() * 100)});
        }
        TextOutput.table(sb, rows, new boolean[] {false, true, true, true, true, true, true});
    }

    private static String num(double v) {
        if (Math.abs(v) >= 100) return String.format(Locale.ROOT, "%.0f", v);
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
