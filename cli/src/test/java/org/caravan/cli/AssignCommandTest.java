package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssignCommandTest {
    @TempDir
    Path dir;

    /** Braess's network in the TNTP format (nodes s=1, t=2, a=3, b=4; 10x links as fftt 1e-9, b 1e10). */
    private Path braessNet() throws Exception {
        return write("braess_net.tntp", """
                <NUMBER OF ZONES> 2
                <NUMBER OF NODES> 4
                <FIRST THRU NODE> 1
                <NUMBER OF LINKS> 5
                <END OF METADATA>
                ~ init term capacity length fftt b power speed toll type ;
                \t1\t3\t1\t1\t1e-9\t1e10\t1\t0\t0\t1\t;
                \t3\t2\t50\t1\t50\t1\t1\t0\t0\t1\t;
                \t1\t4\t50\t1\t50\t1\t1\t0\t0\t1\t;
                \t4\t2\t1\t1\t1e-9\t1e10\t1\t0\t0\t1\t;
                \t3\t4\t10\t1\t10\t1\t1\t0\t0\t1\t;
                """);
    }

    private Path braessTrips() throws Exception {
        return write("braess_trips.tntp", """
                <NUMBER OF ZONES> 2
                <TOTAL OD FLOW> 6.0
                <END OF METADATA>

                Origin 1
                    1 :      0.0;     2 :      6.0;
                Origin 2
                    1 :      0.0;     2 :      0.0;
                """);
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void solvesATntpNetworkAndWritesOneRowPerLink() throws Exception {
        Path out = dir.resolve("flows.csv");
        CliRunner.Run r = CliRunner.run("assign", "--tntp", braessNet().toString(), "--trips",
                braessTrips().toString(), "--method", "bfw", "--gap", "1e-9", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("init,term,volume,cost");
        assertThat(lines).hasSize(6);
        double[] expected = {4, 2, 2, 4, 2};
        for (int i = 0; i < 5; i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertThat(Double.parseDouble(cells[2])).isCloseTo(expected[i], org.assertj.core.api.Assertions.within(1e-3));
        }
        assertThat(lines.get(1)).startsWith("1,3,");
        assertThat(r.err()).contains("iteration 1 ").contains("Converged after");
    }

    @Test
    void everyMethodIsAccepted() throws Exception {
        for (String m : new String[] {"aon", "fw", "cfw", "bfw", "BFW"}) {
            CliRunner.Run r = CliRunner.run("assign", "--tntp", braessNet().toString(), "--trips",
                    braessTrips().toString(), "--method", m, "--quiet");
            assertThat(r.exit()).as(m + ": " + r.err()).isZero();
            assertThat(r.out()).startsWith("init,term,volume,cost\n");
        }
    }

    @Test
    void aBadLinkLineIsNamedWithItsLineAndField() throws Exception {
        Path net = write("bad_net.tntp", """
                <NUMBER OF ZONES> 2
                <NUMBER OF NODES> 2
                <FIRST THRU NODE> 1
                <NUMBER OF LINKS> 1
                <END OF METADATA>
                \t1\t2\tlots\t1\t1\t0.15\t4\t0\t0\t1\t;
                """);
        CliRunner.Run r = CliRunner.run("assign", "--tntp", net.toString(), "--trips", braessTrips().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("bad_net.tntp, line 6, field 'capacity'").contains("not a number");
    }

    @Test
    void aTripsFileForAnotherNetworkIsRefused() throws Exception {
        Path trips = write("other_trips.tntp", """
                <NUMBER OF ZONES> 3
                <TOTAL OD FLOW> 1
                <END OF METADATA>
                Origin 1
                  2 : 1;
                """);
        CliRunner.Run r = CliRunner.run("assign", "--tntp", braessNet().toString(), "--trips", trips.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("other_trips.tntp, line 1, field '<NUMBER OF ZONES>'").contains("says 3 zones");
    }

    @Test
    void unreachableDemandIsRefusedNamingTheZones() throws Exception {
        Path net = write("cut_net.tntp", """
                <NUMBER OF ZONES> 2
                <NUMBER OF NODES> 2
                <FIRST THRU NODE> 1
                <NUMBER OF LINKS> 1
                <END OF METADATA>
                \t2\t1\t10\t1\t1\t0.15\t4\t0\t0\t1\t;
                """);
        CliRunner.Run r = CliRunner.run("assign", "--tntp", net.toString(), "--trips", braessTrips().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no path from zone 1 to zone 2");
    }

    @Test
    void outOfRangeSettingsAreRefusedNamingTheOption() throws Exception {
        CliRunner.Run gap = CliRunner.run("assign", "--tntp", braessNet().toString(), "--trips",
                braessTrips().toString(), "--gap", "0");
        assertThat(gap.exit()).isEqualTo(2);
        assertThat(gap.err()).contains("--gap");
        CliRunner.Run method = CliRunner.run("assign", "--tntp", braessNet().toString(), "--trips",
                braessTrips().toString(), "--method", "msa");
        assertThat(method.exit()).isEqualTo(2);
        assertThat(method.err()).contains("--method").contains("aon, fw, cfw, bfw or logit");
        CliRunner.Run logit = CliRunner.run("assign", "--tntp", braessNet().toString(), "--trips",
                braessTrips().toString(), "--method", "logit");
        assertThat(logit.exit()).isEqualTo(2);
        assertThat(logit.err()).contains("--method: logit needs the route sets of --od");
        CliRunner.Run missing = CliRunner.run("assign", "--tntp", dir.resolve("nope.tntp").toString(), "--trips",
                braessTrips().toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.tntp");
    }
}
