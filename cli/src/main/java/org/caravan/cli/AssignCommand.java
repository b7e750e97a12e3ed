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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code caravan assign}: static user-equilibrium assignment (docs/ASSIGNMENT.md). */
@Command(name = "assign", mixinStandardHelpOptions = true,
        description = {"Assign demand to a network with congestion: all-or-nothing, Frank-Wolfe, conjugate or "
                + "bi-conjugate Frank-Wolfe, to a target relative gap. One progress line per iteration on stderr.",
            "With --od it loads yearly OD tonnes on the corridors (route sets from the router, queues at "
                + "capacity-limited crossings, ports, yards and ferries; also --method logit) and reports loaded "
                + "links, queues and bottlenecks; --scenario compares with a scenario.",
            "With --tntp and --trips it solves a benchmark network in the TNTP format and writes one row per link "
                + "(init,term,volume,cost). See docs/ASSIGNMENT.md."})
final class AssignCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--tntp", paramLabel = "NET_FILE",
            description = "A network in the TNTP format (*_net.tntp).")
    Path tntp;

    @Option(names = "--trips", paramLabel = "TRIPS_FILE",
            description = "Its demand in the TNTP format (*_trips.tntp).")
    Path trips;

    @Option(names = "--od", paramLabel = "FILE",
            description = "Freight OD demand CSV (from,to,cargo,tonnes,source; tonnes per year) to assign on the "
                    + "Caravan network (docs/ASSIGNMENT.md).")
    Path od;

    @Mixin
    DataOptions data;

    @Mixin
    RouteOptions.Query query;

    /** The shared table's {@code capacities} (RouteParameters.CAPACITIES; POST /api/assign's upload field). */
    @Option(names = "--capacities", paramLabel = "FILE", descriptionKey = "route.capacities")
    java.nio.file.Path capacities;

    @Option(names = "--scenario", paramLabel = "ID|FILE",
            description = "With --od: also assign under this scenario (example id or file) and compare.")
    String scenario;

    @Option(names = "--method", paramLabel = "M", defaultValue = "bfw",
            description = "aon, fw, cfw or bfw; with --od also logit (stochastic, by successive averages). "
                    + "Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--gap", paramLabel = "G",
            description = "Stop at this relative gap (1e-12 to 1, exclusive). Default: 1e-4 with --tntp, 1e-6 with "
                    + "--od.")
    Double gap;

    @Option(names = "--alternatives", paramLabel = "K", defaultValue = "4",
            description = "With --od: routes per OD pair (1 to 10). Default: ${DEFAULT-VALUE}.")
    int alternatives;

    @Option(names = "--period-days", paramLabel = "T", defaultValue = "30",
            description = "With --od: the queueing period T in days (1 to 366; rule Q). Default: ${DEFAULT-VALUE}.")
    double periodDays;

    @Option(names = "--logit-spread", paramLabel = "S", defaultValue = "0.1",
            description = "With --method logit: a route dearer by this share of the cheapest one's cost gets e^-1 "
                    + "times its probability (above 0, at most 10). Default: ${DEFAULT-VALUE}.")
    double logitSpread;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text",
            description = "With --od: text, json, csv or geojson. Default: ${DEFAULT-VALUE}.")
    FreightOutput.Format format;

    @Option(names = "--geojson", paramLabel = "FILE",
            description = "With --od: also write the GeoJSON layer of link flows and volume/capacity to FILE.")
    Path geojson;

    @Option(names = "--top", paramLabel = "N", defaultValue = "15",
            description = "With --od, text: rows in each table. Default: ${DEFAULT-VALUE}.")
    int top;

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

    @Option(names = {"-o", "--output", "--out"}, paramLabel = "FLOWS.csv",
            description = "Write the answer to this file (default: stdout): with --tntp init,term,volume,cost per "
                    + "link, with --od the --format output.")
    Path out;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        AssignmentMethod m;
        try {
            m = AssignmentMethod.parse(method);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--method: " + e.getMessage());
        }
        if (od != null) {
            if (tntp != null || trips != null) throw new UserInputException("--od: give --od or --tntp/--trips, not both");
            return FreightOutput.run(this, m);
        }
        if (tntp == null || trips == null) {
            throw new UserInputException("give --od FILE (freight on the Caravan network) or --tntp NET_FILE --trips "
                    + "TRIPS_FILE (a benchmark network)");
        }
        if (scenario != null) throw new UserInputException("--scenario: only with --od");
        if (m == AssignmentMethod.LOGIT) {
            throw new UserInputException("--method: logit needs the route sets of --od; with --tntp use aon, fw, cfw "
                    + "or bfw");
        }
        double gap = this.gap != null ? this.gap : 1e-4;
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

    static void progress(PrintWriter err, IterationReport r) {
        if (r.iteration() == 0) {
            err.printf(Locale.ROOT, "iteration 0 (initial %s load) %.3f s%n", r.direction().equals("aon")
                    ? "all-or-nothing" : r.direction(), r.seconds());
        } else if (Double.isNaN(r.objective())) {
            err.printf(Locale.ROOT, "iteration %d  gap %.3e  step %.4f  %s  %.3f s%n", r.iteration(),
                    r.relativeGap(), r.step(), r.direction(), r.seconds());
        } else {
            err.printf(Locale.ROOT, "iteration %d  gap %.3e  objective %.6f  step %.4f  %s  %.3f s%n", r.iteration(),
                    r.relativeGap(), r.objective(), r.step(), r.direction(), r.seconds());
        }
        err.flush();
    }
}
