package org.caravan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.caravan.assignment.AssignmentInputException;
import org.caravan.assignment.AssignmentMethod;
import org.caravan.assignment.AssignmentResult;
import org.caravan.assignment.AssignmentSettings;
import org.caravan.assignment.Equilibrium;
import org.caravan.assignment.IterationReport;
import org.caravan.assignment.Tntp;
import org.caravan.assignment.TrafficClass;
import org.caravan.assignment.UnreachableDemandException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code caravan assign}: static user-equilibrium assignment (docs/ASSIGNMENT.md). */
@Command(name = "assign", mixinStandardHelpOptions = true,
        description = {"Assign demand to a network with congestion: all-or-nothing, Frank-Wolfe, conjugate or "
                + "bi-conjugate Frank-Wolfe, to a target relative gap. One progress line per iteration on stderr.",
            "With --tntp and --trips it solves a benchmark network in the TNTP format and writes one row per link "
                + "(init,term,volume,cost). See docs/ASSIGNMENT.md."})
final class AssignCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--tntp", paramLabel = "NET_FILE", required = true,
            description = "A network in the TNTP format (*_net.tntp).")
    Path tntp;

    @Option(names = "--trips", paramLabel = "TRIPS_FILE", required = true,
            description = "Its demand in the TNTP format (*_trips.tntp).")
    Path trips;

    @Option(names = "--method", paramLabel = "M", defaultValue = "bfw",
            description = "aon, fw, cfw or bfw. Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--gap", paramLabel = "G", defaultValue = "1e-4",
            description = "Stop at this relative gap (1e-12 to 1, exclusive). Default: ${DEFAULT-VALUE}.")
    double gap;

    @Option(names = "--max-iter", paramLabel = "N", defaultValue = "1000",
            description = "Stop after N iterations (1 to " + AssignmentSettings.MAX_ITERATIONS + "). Default: "
                    + "${DEFAULT-VALUE}.")
    int maxIterations;

    @Option(names = "--toll-weight", paramLabel = "W", defaultValue = "0",
            description = "Cost units per toll unit (the benchmark's README states it; Chicago Sketch 0.02). "
                    + "Default: ${DEFAULT-VALUE}.")
    double tollWeight;

    @Option(names = "--distance-weight", paramLabel = "W", defaultValue = "0",
            description = "Cost units per length unit (Chicago Sketch 0.04). Default: ${DEFAULT-VALUE}.")
    double distanceWeight;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the shortest-path loads (default: the number of cores).")
    Integer threads;

    @Option(names = {"--out", "-o"}, paramLabel = "FLOWS.csv",
            description = "Write init,term,volume,cost per link to this file (default: stdout).")
    Path out;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        AssignmentMethod m;
        try {
            m = AssignmentMethod.parse(method);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--method: " + e.getMessage());
        }
        if (!(gap >= AssignmentSettings.MIN_GAP && gap < 1)) {
            throw new UserInputException("--gap: must be at least 1e-12 and below 1, got " + gap);
        }
        if (maxIterations < 1 || maxIterations > AssignmentSettings.MAX_ITERATIONS) {
            throw new UserInputException("--max-iter: must be between 1 and " + AssignmentSettings.MAX_ITERATIONS
                    + ", got " + maxIterations);
        }
        if (!(tollWeight >= 0) || !Double.isFinite(tollWeight)) {
            throw new UserInputException("--toll-weight: must be a finite number >= 0, got " + tollWeight);
        }
        if (!(distanceWeight >= 0) || !Double.isFinite(distanceWeight)) {
            throw new UserInputException("--distance-weight: must be a finite number >= 0, got " + distanceWeight);
        }
        if (threads != null && (threads < 1 || threads > 256)) {
            throw new UserInputException("--threads: must be between 1 and 256, got " + threads);
        }
        Tntp.Network net;
        TrafficClass demand;
        try {
            net = Tntp.readNetwork(tntp, tollWeight, distanceWeight);
            demand = Tntp.readTrips(trips, net.flow().zoneCount(), "trips");
        } catch (AssignmentInputException e) {
            throw new UserInputException(e.getMessage());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserInputException("cannot read " + e.getFile() + ": no such file");
        }
        AssignmentSettings settings = new AssignmentSettings(m, gap, maxIterations,
                threads != null ? threads : Runtime.getRuntime().availableProcessors());
        PrintWriter err = spec.commandLine().getErr();
        AssignmentResult result;
        try {
            result = Equilibrium.solve(net.flow(), List.of(demand), settings, quiet ? null : r -> progress(err, r));
        } catch (UnreachableDemandException e) {
            throw new UserInputException(trips + ": no path from zone " + (e.origin() + 1) + " to zone "
                    + (e.destination() + 1) + " in " + tntp + " for a demand of " + e.demand());
        }
        err.printf(Locale.ROOT, "%s after %d iterations: relative gap %.3g (target %.3g), objective %.6f%n",
                result.converged() ? "Converged" : "Not converged", result.iterations().size() - 1,
                result.relativeGap(), gap, result.objective());
        err.flush();
        StringWriter sw = new StringWriter();
        Tntp.writeFlows(sw, net, result);
        TextOutput.write(spec, out, sw.toString());
        return 0;
    }

    private static void progress(PrintWriter err, IterationReport r) {
        if (r.iteration() == 0) {
            err.printf(Locale.ROOT, "iteration 0 (all-or-nothing load) %.3f s%n", r.seconds());
        } else {
            err.printf(Locale.ROOT, "iteration %d  gap %.3e  objective %.6f  step %.4f  %s  %.3f s%n", r.iteration(),
                    r.relativeGap(), r.objective(), r.step(), r.direction(), r.seconds());
        }
        err.flush();
    }
}
