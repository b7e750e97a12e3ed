package org.caravan.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.caravan.cost.CostModelException;
import org.caravan.cost.CostModelLoader;
import org.caravan.io.YamlOverlay;
import org.caravan.validation.Calibrator;
import org.caravan.validation.Observation;
import org.caravan.validation.ObservationFile;
import org.caravan.validation.ObservationFileException;
import org.caravan.validation.ParameterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caravan calibrate OBS.csv --fit ... -o fitted.yaml}: fit cost-model parameters to observations. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Fit cost-model parameters (speeds, dwell, waits, rates, co2) to published observations, "
                + "within documented bounds, and write a --costs file.",
            "Robust least squares on log ratios (Huber loss) by a coordinate pattern search; a share of the "
                + "observations is held back to check the fit (docs/OBSERVATIONS.md).",
            "Exit code 0: fitted; 2: bad input."})
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Parameters(index = "0", paramLabel = "OBS.csv", description = "Observations file (CSV).")
    Path file;

    @Option(names = "--fit", paramLabel = "GROUPS", split = ",", required = true,
            description = "Parameter groups to fit: speeds, dwell, waits, rates, co2 (comma-separated).")
    List<String> fit;

    @Option(names = "--holdout", paramLabel = "SHARE", defaultValue = "0.3",
            description = "Share of the observations held back to check the fit (0-0.9). Default: ${DEFAULT-VALUE}.")
    double holdout;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the fit/holdout split. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--max-evaluations", paramLabel = "N", defaultValue = "2000",
            description = "The most trial parameter sets to route. Default: ${DEFAULT-VALUE}.")
    int maxEvaluations;

    @Option(names = "--prior-weights", paramLabel = "W,...", split = ",", defaultValue = "0.02,0.1,0.5,2",
            description = "Candidate weights of the prior that pulls each parameter toward its default (in log "
                    + "space); the one with the least loss in k-fold cross-validation on the fitted rows is used, "
                    + "and only if it beats not fitting. Default: ${DEFAULT-VALUE}.")
    List<Double> priorWeights;

    @Option(names = "--prior-weight", paramLabel = "W",
            description = "Use this prior weight, without cross-validation (overrides --prior-weights).")
    Double priorWeight;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "3",
            description = "Folds of the cross-validation that chooses the prior weight. Default: ${DEFAULT-VALUE}.")
    int folds;

    @Option(names = "--min-support", paramLabel = "N", defaultValue = "3",
            description = "Fitted rows a parameter must touch to be fitted on its own; parameters touched by fewer "
                    + "are tied into a pool of their kind (one multiplier) or, when the pool has fewer, left at "
                    + "their defaults. Default: ${DEFAULT-VALUE}.")
    int minSupport;

    @Option(names = "--cv-max-evaluations", paramLabel = "N", defaultValue = "400",
            description = "The most trial parameter sets of each cross-validation fit. Default: ${DEFAULT-VALUE}.")
    int cvMaxEvaluations;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "Where to write the fitted values: a normal --costs file.")
    Path output;

    @Override
    public Integer call() throws Exception {
        ParameterRegistry registry = ParameterRegistry.embedded();
        Set<String> groups = new LinkedHashSet<>();
        for (String g : fit) {
            String t = g.trim().toLowerCase(Locale.ROOT);
            if (!registry.groups().contains(t)) {
                throw new UserInputException("--fit: unknown group '" + g + "', expected some of " + registry.groups());
            }
            groups.add(t);
        }
        if (!(holdout >= 0 && holdout <= 0.9)) {
            throw new UserInputException("--holdout: expected 0 to 0.9, got " + holdout);
        }
        if (maxEvaluations < 1) throw new UserInputException("--max-evaluations: expected a positive number");
        if (cvMaxEvaluations < 1) throw new UserInputException("--cv-max-evaluations: expected a positive number");
        if (minSupport < 1) throw new UserInputException("--min-support: expected a positive number");
        if (priorWeight == null && folds < 2) throw new UserInputException("--folds: expected at least 2");
        for (double w : priorWeight == null ? priorWeights : List.of(priorWeight)) {
            if (!(w >= 0)) throw new UserInputException("--prior-weight(s): expected numbers >= 0, got " + w);
        }
        List<Observation> observations;
        try {
            observations = ObservationFile.read(file);
        } catch (ObservationFileException e) {
            throw new UserInputException(e.getMessage());
        }
        data.loadCosts(); // a bad --costs file is reported against that file, before any fitting
        ObjectNode base = CostModelLoader.readDefaults();
        if (data.costs != null) {
            YamlOverlay.merge(base, CostModelLoader.withSources(CostModelLoader.userTree(data.costs),
                    "user cost file " + data.costs));
        }
        String label = file.getFileName().toString();
        Calibrator.Result result;
        try {
            result = new Calibrator(data.loadNetwork(), DataOptions.loadRisk(null), registry).calibrate(base,
                    observations, label, "fitted parameters for " + output,
                    priorWeight != null
                            ? new Calibrator.Settings(groups, holdout, seed, maxEvaluations, priorWeight, List.of(), 0,
                                    minSupport, maxEvaluations)
                            : Calibrator.Settings.crossValidated(groups, holdout, seed, maxEvaluations, priorWeights,
                                    folds, minSupport, cvMaxEvaluations));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        try {
            CostModelLoader.fromTree(YamlOverlay.merge(base.deepCopy(), result.override()), output.toString());
        } catch (CostModelException e) {
            throw new IllegalStateException("calibration produced an invalid cost file: " + e.getMessage(), e);
        }
        String yaml = Calibrator.yaml(result.override(), List.of("Fitted by: caravan calibrate " + label + " --fit "
                + String.join(",", groups) + " --holdout " + holdout + " --seed " + seed + " --min-support " + minSupport
                + (priorWeight != null ? " --prior-weight " + priorWeight : " --folds " + folds + " (prior weight "
                        + (Double.isFinite(result.priorWeight()) ? num(result.priorWeight()) : "none: nothing fitted")
                        + " by cross-validation)"),
                "Use with --costs; every value cites the calibration (docs/OBSERVATIONS.md)."));
        TextOutput.write(spec, output, yaml);
        TextOutput.write(spec, null, text(result, output));
        return 0;
    }

    static String text(Calibrator.Result r, Path output) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d observations fitted, %d held back; %d skipped; %d evaluations.%n%n",
                r.fitBefore().observations(), r.holdoutBefore().observations(), r.skipped().size(), r.evaluations()));
        List<String[]> m = new ArrayList<>();
        m.add(new String[] {"set", "rows", "in range before", "after", "median |ln ratio| before", "after",
            "loss before", "after"});
        m.add(metrics("fitted", r.fitBefore(), r.fitAfter()));
        m.add(metrics("held back", r.holdoutBefore(), r.holdoutAfter()));
        TextOutput.table(sb, m, new boolean[] {false, true, true, true, true, true, true, true});
        sb.append('\n');
        if (!r.crossValidation().isEmpty()) {
            sb.append("Prior weight by cross-validation on the fitted rows (Huber loss summed over the left-out "
                    + "folds; the defaults: ").append(String.format(Locale.ROOT, "%.3f", r.noFitCvLoss()))
                    .append(")\n");
            List<String[]> c = new ArrayList<>();
            c.add(new String[] {"prior weight", "cv loss", "change", "std error", "beats the defaults"});
            for (Calibrator.CvScore s : r.crossValidation()) {
                c.add(new String[] {num(s.priorWeight()), String.format(Locale.ROOT, "%.3f", s.loss()),
                    String.format(Locale.ROOT, "%+.3f", s.change()), String.format(Locale.ROOT, "%.3f",
                            s.standardError()), s.beatsDefaults() ? "yes" : "no"});
            }
            TextOutput.table(sb, c, new boolean[] {true, true, true, true, false});
            sb.append("(A weight is used only when its change is below minus one standard error.)\n");
        }
        sb.append(Double.isFinite(r.priorWeight())
                ? "Prior weight used: " + num(r.priorWeight()) + "\n"
                : "No prior weight beats the defaults by more than one standard error in cross-validation: nothing fitted.\n");
        long pools = r.variables().stream().filter(Calibrator.Variable::tied).count();
        sb.append(String.format(Locale.ROOT, "Fit variables: %d (%d single parameters, %d pools of tied "
                + "parameters); %d parameters touched by too few fitted rows left at their defaults.%n",
                r.variables().size(), r.variables().size() - pools, pools, r.unsupported().size()));
        if (pools > 0) {
            sb.append("\nPools (one multiplier on the defaults of all members)\n");
            List<String[]> t = new ArrayList<>();
            t.add(new String[] {"pool", "members", "rows"});
            for (Calibrator.Variable v : r.variables()) {
                if (v.tied()) t.add(new String[] {v.name(), String.valueOf(v.paths().size()), String.valueOf(v.support())});
            }
            TextOutput.table(sb, t, new boolean[] {false, true, true});
        }
        if (!r.unsupported().isEmpty()) {
            sb.append("\nLeft at defaults (fitted rows touching them, alone and in their pool, below the minimum)\n");
            for (Calibrator.Unsupported u : r.unsupported()) {
                sb.append("  ").append(u.path()).append(" (").append(u.support()).append(" rows)\n");
            }
        }
        sb.append("\nParameters\n");
        List<String[]> p = new ArrayList<>();
        p.add(new String[] {"path", "group", "rows", "default", "fitted", "bounds"});
        Map<String, Integer> rowsOf = new java.util.HashMap<>();
        for (Calibrator.Variable v : r.variables()) for (String path : v.paths()) rowsOf.put(path, v.support());
        for (Calibrator.Unsupported u : r.unsupported()) rowsOf.put(u.path(), u.support());
        for (Calibrator.Fitted f : r.parameters()) {
            ParameterRegistry.Parameter q = f.parameter();
            boolean changed = Math.abs(f.value() - q.initial()) > 1e-9 * Math.max(1, q.initial());
            p.add(new String[] {q.path(), q.group(), String.valueOf(rowsOf.getOrDefault(q.path(), 0)),
                num(q.initial()), changed ? num(f.value()) : "=",
                num(q.lower()) + "-" + num(q.upper())});
        }
        TextOutput.table(sb, p, new boolean[] {false, false, true, true, true, false});
        if (!r.skipped().isEmpty()) {
            sb.append("\nSkipped\n");
            for (String s : r.skipped()) sb.append("  ").append(s).append('\n');
        }
        sb.append("\nUse ").append(output).append(" with --costs.\n");
        return sb.toString();
    }

    private static String[] metrics(String name, Calibrator.Metrics before, Calibrator.Metrics after) {
        return new String[] {name, String.valueOf(before.observations()),
            String.format(Locale.ROOT, "%d (%.0f %%)", before.inRange(), before.shareInRange() * 100),
            String.format(Locale.ROOT, "%d (%.0f %%)", after.inRange(), after.shareInRange() * 100),
            String.format(Locale.ROOT, "%.3f", before.medianAbsLogRatio()),
            String.format(Locale.ROOT, "%.3f", after.medianAbsLogRatio()),
            String.format(Locale.ROOT, "%.2f", before.loss()), String.format(Locale.ROOT, "%.2f", after.loss())};
    }

    private static String num(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
