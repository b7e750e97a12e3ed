package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@link CaravanCli#main} builds only the subcommand a run names (start-up, docs/PERFORMANCE.md); that command line
 * must behave as the full one for everything the run can reach: help pages of the command and its subcommands,
 * inherited options, and the messages of bad input. (Every other CLI test runs through the same path: CliRunner.)
 */
class LazyCommandLineTest {
    private static String[] run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    private static void same(String... args) {
        assertThat(run(CaravanCli.commandLineFor(args), args)).as(String.join(" ", args))
                .containsExactly(run(CaravanCli.newCommandLine(), args));
    }

    @Test
    void everySubcommandsHelpIsTheSameAsInTheFullTree() {
        CommandLine full = CaravanCli.newCommandLine();
        List<String[]> paths = new ArrayList<>();
        for (var e : full.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;
            paths.add(new String[] {e.getKey(), "--help"});
            for (String sub : e.getValue().getSubcommands().keySet()) paths.add(new String[] {e.getKey(), sub, "--help"});
        }
        assertThat(paths).hasSizeGreaterThan(20);
        for (String[] p : paths) same(p);
    }

    @Test
    void onlyTheNamedSubcommandIsBuiltAndOtherArgumentsGetTheFullTree() {
        assertThat(CaravanCli.commandLineFor(new String[] {"route", "A", "B"}).getSubcommands()).containsOnlyKeys("route");
        assertThat(CaravanCli.commandLineFor(new String[] {"--help"}).getSubcommands()).containsKeys("route", "serve", "help");
        assertThat(CaravanCli.commandLineFor(new String[] {"rout"}).getSubcommands()).hasSize(CaravanCli.SUBCOMMANDS.size());
        assertThat(CaravanCli.commandLineFor(new String[0]).getSubcommands()).hasSize(CaravanCli.SUBCOMMANDS.size());
    }

    @Test
    void badInputAndInheritedOptionsReadTheSame() {
        same("route", "--no-such-option", "Almaty", "Karachi");
        same("route", "Almaty");
        same("route", "--cargo", "nonsense", "Almaty", "Karachi");
        same("route", "--verbose", "--help");
        same("scenario", "nope");
        same("network", "info", "--verbose", "--help");
        same("rout", "Almaty", "Karachi");
    }
}
