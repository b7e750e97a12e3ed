package org.caravan.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Opt-in: solves the TNTP benchmark networks and compares the link volumes with their published best-known
 * equilibrium. The files may not be redistributed, so they are not in the repository: set the system property
 * {@code caravan.tntp.dir} or the environment variable {@code CARAVAN_TNTP_DIR} to a directory holding
 * {@code SiouxFalls/} and {@code ChicagoSketch/} as in bstabler/TransportationNetworks ({@code .ci/run} points it
 * at {@code ../shared/data/tntp}). Without it the test is skipped and says so.
 */
class TntpBenchmarkNetworksTest {

    static Path dir() {
        String d = System.getProperty("caravan.tntp.dir");
        if (d == null || d.isBlank()) d = System.getenv("CARAVAN_TNTP_DIR");
        Assumptions.assumeTrue(d != null && !d.isBlank(),
                "TNTP benchmarks not configured: set -Dcaravan.tntp.dir or CARAVAN_TNTP_DIR (skipped)");
        Path p = Path.of(d);
        Assumptions.assumeTrue(Files.isDirectory(p), "TNTP directory " + p + " does not exist (skipped)");
        return p;
    }

    /**
     * Tolerance: at the stated relative gap every link volume is within the stated share of the
     * largest published link volume of the network; the published solutions have gaps near 1e-15 and 1e-12 resp.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"SiouxFalls, bfw, 1e-6, 0.001, 0, 0", "SiouxFalls, cfw, 1e-4, 0.01, 0, 0",
        "SiouxFalls, fw, 1e-4, 0.01, 0, 0", "ChicagoSketch, bfw, 1e-5, 0.005, 0.02, 0.04"})
    void matchesThePublishedEquilibrium(String name, String method, double gap, double tolerance, double tollWeight,
            double distanceWeight) throws Exception {
        Path base = dir().resolve(name);
        Tntp.Network net = Tntp.readNetwork(base.resolve(name + "_net.tntp"), tollWeight, distanceWeight);
        TrafficClass trips = Tntp.readTrips(base.resolve(name + "_trips.tntp"), net.flow().zoneCount(), "trips");
        double[] published = Tntp.readFlows(base.resolve(name + "_flow.tntp"), net);
        AssignmentResult r = Equilibrium.solve(net.flow(), List.of(trips),
                AssignmentSettings.of(AssignmentMethod.parse(method), gap, 20_000), null);
        double maxPublished = 0;
        double maxDiff = 0;
        for (int l = 0; l < published.length; l++) {
            maxPublished = Math.max(maxPublished, published[l]);
            maxDiff = Math.max(maxDiff, Math.abs(published[l] - r.volume()[l]));
        }
        System.out.printf("%s %s: %d iterations, gap %.2e, max |volume - published| %.1f (%.4f of the largest)%n",
                name, method, r.iterations().size() - 1, r.relativeGap(), maxDiff, maxDiff / maxPublished);
        assertThat(r.converged()).isTrue();
        assertThat(maxDiff / maxPublished).isLessThan(tolerance);
    }
}
