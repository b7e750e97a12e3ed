package org.caravan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.caravan.demand.OdFile;
import org.caravan.trade.TradeTables;
import org.caravan.scenario.ScenarioBase;
import org.caravan.scenario.ScenarioOverlay;
import org.caravan.trade.ComtradeImporter;
import org.caravan.trade.Countries;
import org.caravan.trade.Country;
import org.caravan.trade.ImportReport;
import org.caravan.trade.NoTradeDataException;
import org.caravan.trade.PublishedCoverage;
import org.caravan.trade.PublishedDemand;
import org.caravan.trade.PublishedFact;
import org.caravan.trade.PublishedFacts;
import org.caravan.trade.TradeAnalytics;
import org.caravan.trade.TradeDemand;
import org.caravan.trade.TradeFigures;
import org.caravan.trade.TradeImportException;
import org.caravan.trade.TradeStore;
import org.caravan.trade.TradeStoreException;
import org.caravan.trade.TransitDependence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caravan trade ...}: UN Comtrade import into the embedded store, trade analytics, OD demand. */
@Command(name = "trade", mixinStandardHelpOptions = true,
        description = {"Trade flows: import UN Comtrade CSV files into the embedded store (DIR/caravan.duckdb) and "
                + "ask it for series, top products, partner shares, mirror gaps, OD demand and transit dependence.",
            "Docs: docs/TRADE.md."},
        subcommands = {TradeCommand.Import.class, TradeCommand.Imports.class, TradeCommand.Facts.class,
            TradeCommand.Coverage.class,
            TradeCommand.SeriesCmd.class, TradeCommand.Top.class, TradeCommand.PartnersCmd.class,
            TradeCommand.MirrorCmd.class, TradeCommand.Od.class, TradeCommand.Transit.class})
final class TradeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    enum Format { text, json, csv }

    /** Where the store is, and how and where to print. */
    static final class StoreOptions {
        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Directory of the embedded store DIR/caravan.duckdb (shared with `caravan serve`). "
                        + DataDir.HELP)
        Path dataDir;

        Path dir() { return DataDir.of(dataDir); }

        TradeStore open() {
            try {
                return TradeStore.open(dir());
            } catch (TradeStoreException e) {
                throw new UserInputException("--data-dir: " + e.getMessage());
            }
        }
    }

    static final class OutputOptions {
        @Option(names = "--format", defaultValue = "text", description = "text, json or csv. Default: ${DEFAULT-VALUE}.")
        Format format;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
        Path output;
    }

    /** Base of the analytics commands: opens the store, resolves countries, prints in the chosen format. */
    abstract static class Query implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Mixin
        OutputOptions out;

        /** The store, while {@link #compute} runs. */
        TradeStore opened;

        /** Records of the synthetic example in the store (0 when none, or when the answer needs no store). */
        long synthetic;

        @Override
        public final Integer call() throws Exception {
            Object result;
            try {
                if (!needsStore()) {
                    result = compute(null);
                } else if (!DataDir.hasStore(store.dir())) {
                    // a read-only question never creates a store (a mistyped --data-dir stays a mistake)
                    String none = "no trade data: there is no store in " + store.dir()
                            + " (nothing imported there; import with caravan trade import FILE, or check --data-dir)";
                    result = fromPublishedOnly(none);
                } else {
                    try (TradeStore s = store.open()) {
                        opened = s;
                        if (!listsImports() && s.flowCount() == 0) {
                            String none = "no trade data: the store " + s.file()
                                    + " holds no trade records yet (caravan trade import FILE; examples/trade/ has a "
                                    + "synthetic sample)";
                            opened = null;
                            result = fromPublishedOnly(none);
                            return finish(result);
                        }
                        result = compute(new TradeAnalytics(s));
                        synthetic = s.syntheticRecords();
                        if (out.format == Format.text) result = new Rendered(text(result)); // text may read the store
                    }
                }
            } catch (NoTradeDataException e) {
                // a fair question there are no records for: not bad input, but no answer (like no route)
                spec.commandLine().getErr().println("caravan: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return CaravanCli.NO_ROUTE;
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
            return finish(result);
        }

        /**
         * The answer of a store with no records: from the shipped published figures for the questions that have
         * some ({@link #answersFromPublished}), else "no trade data" ({@code none}).
         */
        private Object fromPublishedOnly(String none) throws Exception {
            if (!answersFromPublished()) throw new NoTradeDataException("data-dir", none);
            Object result;
            try {
                result = compute(TradeAnalytics.publishedOnly());
            } catch (NoTradeDataException e) {
                throw new NoTradeDataException(e.field(), none + "; and no published figures answer it");
            }
            if (result instanceof TradeFigures.Series s && s.published().isEmpty()) {
                throw new NoTradeDataException("data-dir", none + "; and no published figures for "
                        + s.reporter().iso3() + "-" + s.partner().iso3() + " (caravan trade facts lists them)");
            }
            return result;
        }

        private Integer finish(Object result) throws Exception {
            // an answer from the store says whether it rests on the synthetic example (a field, a column, a line)
            boolean fromStore = needsStore();
            String text = switch (out.format) {
                case json -> TradeTables.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                        fromStore ? TradeTables.withSyntheticFlag(result, synthetic) : result) + "\n";
                case csv -> csv(fromStore && csvRows(result) != null
                        ? TradeTables.withSyntheticColumn(csvRows(result), synthetic > 0) : csvRows(result));
                case text -> result instanceof Rendered r ? r.text() : text(result);
            };
            if (synthetic > 0 && out.format == Format.text) {
                String warning = TradeStore.syntheticWarning(synthetic) + "\n";
                if (this instanceof Od) { // its text is the OD file itself: the warning goes with the summary
                    spec.commandLine().getErr().print(warning);
                    spec.commandLine().getErr().flush();
                } else {
                    text = warning + text;
                }
            }
            TextOutput.write(spec, out.output, text);
            return 0;
        }

        /** True for {@code trade imports}, which answers about an empty store itself. */
        boolean listsImports() { return false; }

        /** Text already laid out while the store was open. */
        private record Rendered(String text) {}

        /** False for answers that come from the jar alone (published figures): they work while a server holds the store. */
        boolean needsStore() { return true; }

        /** True for questions the published figures answer when the store has no records (series, top). */
        boolean answersFromPublished() { return false; }

        /** @param analytics null when {@link #needsStore()} is false */

        abstract Object compute(TradeAnalytics analytics) throws Exception;

        abstract String text(Object result);

        /** Header row first. */
        abstract List<List<Object>> csvRows(Object result);

        static Country country(TradeAnalytics a, String input, String option) {
            try {
                return a.countries().resolve(input);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(option + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import UN Comtrade CSV files (current 47-column API/bulk format or the legacy classic "
                    + "format, detected from the header; .gz accepted) into the store.",
                "Each file is one transaction: a failure leaves the store as it was. Re-importing changes nothing. "
                        + "Malformed rows are skipped and listed with their line (--strict refuses the file)."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Comtrade CSV file(s).")
        List<Path> files;

        @Option(names = "--strict", description = "Refuse a file with any malformed, repeated or conflicting row.")
        boolean strict;

        @Option(names = "--replace", description = "Let rows replace stored records that have other values "
                + "(Comtrade revises its data); without it such rows are skipped and listed.")
        boolean replace;

        @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
        Format format;

        @Option(names = "--progress", negatable = true, description = "Show a progress bar on stderr "
                + "(default: when stderr is a terminal).")
        Boolean progress;

        @Option(names = "--show", defaultValue = "20", paramLabel = "N",
                description = "Skipped rows to list in text output. Default: ${DEFAULT-VALUE}.")
        int show;

        @Override
        public Integer call() throws Exception {
            int failed = 0;
            List<ImportReport> reports = new ArrayList<>();
            try (TradeStore s = store.open()) {
                ComtradeImporter importer = new ComtradeImporter(s);
                boolean bar = progress != null ? progress : System.console() != null;
                for (Path f : files) {
                    ProgressBar pb = bar ? new ProgressBar(spec.commandLine().getErr(), f.getFileName().toString())
                            : null;
                    try {
                        ImportReport r = importer.importFile(f, new ComtradeImporter.Options(strict, replace),
                                pb == null ? ComtradeImporter.Progress.NONE : pb);
                        if (pb != null) pb.done();
                        reports.add(r);
                        if (format == Format.text) TextOutput.write(spec, null, TradeText.importReport(r, show));
                    } catch (TradeImportException e) {
                        if (pb != null) pb.done();
                        failed++;
                        spec.commandLine().getErr().println("caravan: " + e.getMessage());
                        spec.commandLine().getErr().flush();
                    }
                }
                if (format == Format.text) {
                    TextOutput.write(spec, null, "Store: " + s.file() + " (" + String.format(Locale.ROOT, "%,d",
                            s.flowCount()) + " trade records)\n");
                }
            }
            if (format != Format.text) {
                TextOutput.write(spec, null, TradeTables.JSON.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(reports) + "\n");
            }
            return failed == 0 ? 0 : CaravanCli.BAD_INPUT;
        }
    }

    /** A one-line bar redrawn with carriage returns. */
    static final class ProgressBar implements ComtradeImporter.Progress {
        private final PrintWriter err;
        private final String name;
        private final long start = System.nanoTime();
        private int lastPercent = -1;

        ProgressBar(PrintWriter err, String name) {
            this.err = err;
            this.name = name;
        }

        @Override
        public void update(long bytesRead, long totalBytes, long rowsRead) {
            int pct = totalBytes <= 0 ? 100 : (int) Math.min(100, 100 * bytesRead / totalBytes);
            if (pct == lastPercent) return;
            lastPercent = pct;
            double secs = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
            int filled = pct * 30 / 100;
            err.printf(Locale.ROOT, "\r%s [%s%s] %3d%%  %,d rows  %,.0f rows/s", name, "#".repeat(filled),
                    ".".repeat(30 - filled), pct, rowsRead, rowsRead / secs);
            err.flush();
        }

        void done() {
            err.println();
            err.flush();
        }
    }

    @Command(name = "imports", mixinStandardHelpOptions = true, description = "List the imports in the store.")
    static final class Imports extends Query {
        @Override
        boolean listsImports() { return true; }

        @Override
        Object compute(TradeAnalytics a) {
            List<TradeStore.ImportRecord> imports = opened.imports();
            // the same exit code as every other trade question about an empty store
            if (imports.isEmpty()) {
                throw new NoTradeDataException("data-dir", "no trade data: no imports yet in " + opened.file()
                        + " (caravan trade import FILE; examples/trade/ has a synthetic sample)");
            }
            return imports;
        }

        @Override
        @SuppressWarnings("unchecked")
        String text(Object r) {
            return TradeText.imports((List<TradeStore.ImportRecord>) r, opened.file().toString(), opened.flowCount());
        }

        @Override
        @SuppressWarnings("unchecked")
        List<List<Object>> csvRows(Object r) { return TradeTables.imports((List<TradeStore.ImportRecord>) r); }
    }

    @Command(name = "facts", mixinStandardHelpOptions = true,
            description = "Published headline trade figures shipped with Caravan, each with its source and what it "
                    + "covers (disagreeing sources side by side).")
    static final class Facts extends Query {
        @Parameters(arity = "0..2", paramLabel = "COUNTRY", description = "Only facts about this country (or pair).")
        List<String> countries = new ArrayList<>();

        @Override
        boolean needsStore() { return false; }

        @Override
        Object compute(TradeAnalytics unused) {
            Countries known = Countries.embedded();
            PublishedFacts facts = PublishedFacts.embedded();
            String x = countries.isEmpty() ? null : resolve(known, countries.get(0)).iso3();
            String y = countries.size() < 2 ? null : resolve(known, countries.get(1)).iso3();
            return x == null ? facts.all() : facts.about(x, y);
        }

        private static Country resolve(Countries known, String input) {
            try {
                return known.resolve(input);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("COUNTRY: " + e.getMessage());
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        String text(Object r) { return TradeText.facts((List<PublishedFact>) r); }

        @Override
        @SuppressWarnings("unchecked")
        List<List<Object>> csvRows(Object r) { return TradeTables.facts((List<PublishedFact>) r); }
    }

    @Command(name = "coverage", mixinStandardHelpOptions = true,
            description = {"Which published figures exist for Kazakhstan, Uzbekistan, Kyrgyzstan, Tajikistan and "
                    + "Turkmenistan, per year (2015 to the latest) and flow: partners with full-year values, part-year "
                    + "values only (part:), product tonnages (t:), and the sources; 'missing' where there is none.",
                "The coverage table of docs/TRADE.md is this output (--write-doc docs/TRADE.md regenerates it)."})
    static final class Coverage implements Callable<Integer> {
        enum CoverageFormat { markdown, csv, json }

        @Spec
        CommandSpec spec;

        @Option(names = "--format", defaultValue = "markdown",
                description = "markdown, csv or json. Default: ${DEFAULT-VALUE}.")
        CoverageFormat format;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
        Path output;

        @Option(names = "--write-doc", paramLabel = "FILE",
                description = "Replace the table between the coverage:begin and coverage:end lines of the Markdown FILE.")
        Path doc;

        @Override
        public Integer call() throws Exception {
            List<PublishedCoverage.Cell> cells = PublishedCoverage.of(PublishedFacts.embedded());
            if (doc != null) {
                String before;
                try {
                    before = java.nio.file.Files.readString(doc, java.nio.charset.StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UserInputException("--write-doc: cannot read " + doc + ": " + e.getMessage());
                }
                String after;
                try {
                    after = PublishedCoverage.replaceIn(before, PublishedCoverage.markdown(cells));
                } catch (IllegalArgumentException e) {
                    throw new UserInputException("--write-doc: " + doc + ": " + e.getMessage());
                }
                try {
                    java.nio.file.Files.writeString(doc, after, java.nio.charset.StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UserInputException("--write-doc: cannot write " + doc + ": " + e.getMessage());
                }
                TextOutput.wrote(spec.commandLine().getErr(), doc);
                if (output == null) return 0;
            }
            String text = switch (format) {
                case markdown -> PublishedCoverage.markdown(cells);
                case csv -> csv(PublishedCoverage.csvRows(cells));
                case json -> {
                    var json = new java.util.LinkedHashMap<String, Object>();
                    json.put("region", PublishedCoverage.REGION);
                    json.put("first_year", PublishedCoverage.FIRST_YEAR);
                    json.put("cells", cells);
                    yield TradeTables.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
                }
            };
            TextOutput.write(spec, output, text);
            return 0;
        }
    }

    @Command(name = "series", mixinStandardHelpOptions = true,
            description = "A's exports to, imports from and turnover with B per year as A reports them, balance and "
                    + "year-on-year growth, with the published figures for the pair.")
    static final class SeriesCmd extends Query {
        @Parameters(index = "0", paramLabel = "A", description = "Reporter: ISO3 code (KAZ), M49 code or name.")
        String a;

        @Parameters(index = "1", paramLabel = "B", description = "Partner.")
        String b;

        @Override
        boolean answersFromPublished() { return true; }

        @Override
        Object compute(TradeAnalytics an) { return an.series(country(an, a, "A"), country(an, b, "B")); }

        @Override
        String text(Object r) { return TradeText.series((TradeFigures.Series) r); }

        @Override
        List<List<Object>> csvRows(Object r) { return TradeTables.series((TradeFigures.Series) r); }
    }

    @Command(name = "top", mixinStandardHelpOptions = true,
            description = "A reporter's top products by value for one year and flow, by HS chapter, heading or "
                    + "subheading, with shares, tonnes and cargo type.")
    static final class Top extends Query {
        @Parameters(index = "0", paramLabel = "A", description = "Reporter.")
        String a;

        @Option(names = "--partner", paramLabel = "B", description = "Only trade with B (default: with the World).")
        String partner;

        @Option(names = "--year", description = "Year (default: the latest with product records).")
        Integer year;

        @Option(names = "--flow", defaultValue = "X", description = "X (exports) or M (imports). Default: ${DEFAULT-VALUE}.")
        String flow;

        @Option(names = "--level", defaultValue = "chapter",
                description = "chapter (2 digits), heading (4) or subheading (6). Default: ${DEFAULT-VALUE}.")
        String level;

        @Option(names = "--limit", defaultValue = "10", description = "Products to list. Default: ${DEFAULT-VALUE}.")
        int limit;

        @Override
        boolean answersFromPublished() { return true; }

        @Override
        Object compute(TradeAnalytics an) {
            int digits = switch (level.toLowerCase(Locale.ROOT)) {
                case "chapter", "2" -> 2;
                case "heading", "4" -> 4;
                case "subheading", "6" -> 6;
                default -> throw new UserInputException("--level: expected chapter, heading or subheading, got '"
                        + level + "'");
            };
            try {
                return an.top(country(an, a, "A"), partner == null ? null : country(an, partner, "--partner"), year,
                        flow, digits, limit);
            } catch (NoTradeDataException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new UserInputException(optionOf(e.getMessage()) + e.getMessage());
            }
        }

        @Override
        String text(Object r) { return TradeText.top((TradeFigures.TopProducts) r); }

        @Override
        List<List<Object>> csvRows(Object r) { return TradeTables.top((TradeFigures.TopProducts) r); }
    }

    static String optionOf(String message) {
        if (message.startsWith("flow")) return "--flow: ";
        if (message.startsWith("limit")) return "--limit: ";
        if (message.startsWith("level")) return "--level: ";
        return "";
    }

    @Command(name = "partners", mixinStandardHelpOptions = true,
            description = "A reporter's partner shares for one year and flow, and how concentrated they are "
                    + "(Herfindahl–Hirschman index).")
    static final class PartnersCmd extends Query {
        @Parameters(index = "0", paramLabel = "A", description = "Reporter.")
        String a;

        @Option(names = "--year", description = "Year (default: the latest with partner records).")
        Integer year;

        @Option(names = "--flow", defaultValue = "X", description = "X (exports) or M (imports). Default: ${DEFAULT-VALUE}.")
        String flow;

        @Option(names = "--limit", defaultValue = "15", description = "Partners to list in text. Default: ${DEFAULT-VALUE}.")
        int limit;

        @Override
        Object compute(TradeAnalytics an) {
            try {
                return an.partners(country(an, a, "A"), year, flow);
            } catch (NoTradeDataException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new UserInputException(optionOf(e.getMessage()) + e.getMessage());
            }
        }

        @Override
        String text(Object r) { return TradeText.partners((TradeFigures.Partners) r, limit); }

        @Override
        List<List<Object>> csvRows(Object r) { return TradeTables.partners((TradeFigures.Partners) r); }
    }

    @Command(name = "mirror", mixinStandardHelpOptions = true,
            description = "What A and B each report of their trade with each other (exporter FOB vs importer CIF), "
                    + "per year and direction, with the gap.")
    static final class MirrorCmd extends Query {
        @Parameters(index = "0", paramLabel = "A")
        String a;

        @Parameters(index = "1", paramLabel = "B")
        String b;

        @Override
        Object compute(TradeAnalytics an) { return an.mirror(country(an, a, "A"), country(an, b, "B")); }

        @Override
        String text(Object r) { return TradeText.mirror((TradeFigures.Mirror) r); }

        @Override
        List<List<Object>> csvRows(Object r) { return TradeTables.mirror((TradeFigures.Mirror) r); }
    }

    /** Options shared by od and transit: which flows become demand. */
    static final class DemandOptions {
        @Option(names = "--year", description = "Year (default: the latest with product records).")
        Integer year;

        @Option(names = "--flow", defaultValue = "X", description = "X (exports) or M (imports). Default: ${DEFAULT-VALUE}.")
        String flow;

        @Option(names = "--min-tonnes", defaultValue = "0", paramLabel = "T",
                description = "Leave out pairs below T tonnes. Default: ${DEFAULT-VALUE}.")
        double minTonnes;

        @Option(names = "--from-published",
                description = "Use the published tonnages of complete 12-month periods shipped with Caravan (`caravan trade facts`) "
                        + "instead of the store: works with no Comtrade import. Rules: docs/TRADE.md.")
        boolean fromPublished;

        /** The demand, from the store ({@code analytics}) or from the published figures (analytics unused). */
        TradeDemand.Result od(TradeAnalytics analytics, String reporter) {
            try {
                Country a = fromPublished ? Countries.embedded().resolve(reporter)
                        : analytics.countries().resolve(reporter);
                return fromPublished ? PublishedDemand.embedded().od(a, year, flow, minTonnes)
                        : new TradeDemand(analytics).od(a, year, flow, minTonnes);
            } catch (NoTradeDataException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                String option = optionOf(e.getMessage());
                throw new UserInputException((option.isEmpty() && e.getMessage().startsWith("unknown country")
                        ? "A: " : option) + e.getMessage());
            }
        }
    }

    @Command(name = "od", mixinStandardHelpOptions = true,
            description = {"Write an OD demand file (from,to,cargo,tonnes,source) from a reporter's tonnes by "
                    + "partner and HS chapter, placed at each country's hub; `caravan scenario run --od` and "
                    + "`caravan critical --od` read it.",
                "Text format writes the CSV (to -o FILE or stdout) and a summary on stderr."})
    static final class Od extends Query {
        @Parameters(index = "0", paramLabel = "A", description = "Reporter.")
        String a;

        @Mixin
        DemandOptions demand;

        @Override
        boolean needsStore() { return !demand.fromPublished; }

        @Override
        Object compute(TradeAnalytics an) { return demand.od(an, a); }

        @Override
        String text(Object r) {
            TradeDemand.Result d = (TradeDemand.Result) r;
            spec.commandLine().getErr().print(TradeText.odSummary(d));
            spec.commandLine().getErr().flush();
            return odCsv(d);
        }

        @Override
        List<List<Object>> csvRows(Object r) { return null; }

        static String odCsv(TradeDemand.Result d) {
            StringWriter w = new StringWriter();
            try {
                OdFile.write(d.pairs(), w);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return w.toString();
        }
    }

    @Command(name = "transit", mixinStandardHelpOptions = true,
            description = "Which third countries a reporter's trade must cross: its tonnes by partner (as for `od`) "
                    + "routed on the cheapest route, summed by transit country.")
    static final class Transit extends Query {
        @Parameters(index = "0", paramLabel = "A", description = "Reporter.")
        String a;

        @Mixin
        DemandOptions demand;

        @Mixin
        DataOptions data;

        @Option(names = "--scenario", paramLabel = "ID|FILE",
                description = "Route on a scenario's network instead (a shipped example id or a scenario file): "
                        + "how the dependence would change, e.g. with the Trans-Afghan railway.")
        String scenario;

        @Override
        boolean needsStore() { return !demand.fromPublished; }

        @Override
        Object compute(TradeAnalytics an) throws Exception {
            TradeDemand.Result d = demand.od(an, a);
            ScenarioBase base = ScenarioCommand.base(data);
            if (scenario == null) return new TransitReport(d, TransitDependence.of(base, d));
            try {
                return new TransitReport(d, TransitDependence.of(
                        ScenarioOverlay.apply(base, ScenarioCommand.load(scenario, base)), d));
            } catch (org.caravan.scenario.ScenarioException e) {
                throw new UserInputException("--scenario: " + e.getMessage());
            }
        }

        record TransitReport(TradeDemand.Result demand, TransitDependence.Result transit) {}

        @Override
        String text(Object r) {
            TransitReport t = (TransitReport) r;
            return TradeText.transit(t.demand(), t.transit());
        }

        @Override
        List<List<Object>> csvRows(Object r) {
            TransitReport t = (TransitReport) r;
            return TradeTables.transit(t.demand().reporter().iso3(), t.demand().year(), t.demand().flow(),
                    t.transit());
        }
    }

    static String csv(List<List<Object>> rows) {
        if (rows == null) throw new UserInputException("--format csv is not available here: this command writes "
                + "CSV in text format");
        return TradeTables.csv(rows);
    }
}
