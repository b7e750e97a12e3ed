package org.caravan.cli;

import java.io.PrintWriter;
import org.caravan.cost.CostModelException;
import org.caravan.network.NetworkException;
import org.caravan.routing.InvalidRequestException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code caravan} command. Front end only: it parses arguments, calls the core and formats the answer.
 * Exit codes: 0 success, 1 no route (an answer, not an error), 2 bad input (stderr says what and where),
 * 70 an internal error.
 */
@Command(name = "caravan", mixinStandardHelpOptions = true, versionProvider = CaravanCli.Version.class,
        description = "Plan and compare freight corridors between Central Asia and the rest of Eurasia.",
        subcommands = {RouteCommand.class, ServeCommand.class, NetworkCommand.class, PlacesCommand.class, RiskCommand.class,
            ScenarioCommand.class, CompareCommand.class, MatrixCommand.class, CriticalCommand.class, BriefCommand.class, TradeCommand.class,
            ValidateCommand.class, CalibrateCommand.class, AssignCommand.class,
            CommandLine.HelpCommand.class})
public final class CaravanCli implements Runnable {
    public static final int NO_ROUTE = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 70;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Accepted by every command (inherited); read by {@link #main} before parsing, see {@link Logging}. */
    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Show the log lines of the libraries (PDFBox, openhtmltopdf, Jetty, Javalin, DuckDB).")
    boolean verbose;

    public static void main(String[] args) {
        Logging.configure(Logging.verbose(args));
        System.exit(newCommandLine().execute(args));
    }

    /** A configured command line; tests call this with their own writers. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new CaravanCli());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setResourceBundle(new RouteOptions.Help()); // the route options' help, from the core's table
        cl.setExecutionExceptionHandler(CaravanCli::handle);
        // A bad option gets its message and a pointer to --help, not the whole usage page.
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine sub = ex.getCommandLine();
            PrintWriter err = sub.getErr();
            err.println("caravan: " + ex.getMessage());
            if (ex instanceof CommandLine.UnmatchedArgumentException u) {
                CommandLine.UnmatchedArgumentException.printSuggestions(u, err);
            }
            err.println("Try '" + sub.getCommandSpec().qualifiedName() + " --help' for the options.");
            return BAD_INPUT;
        });
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof InvalidRequestException ire) {
            err.println("caravan: " + (ire.field() == null ? "" : option(ire.field()) + ": ") + ire.getMessage());
            return BAD_INPUT;
        }
        if (e instanceof NetworkException || e instanceof CostModelException || e instanceof UserInputException
                || e instanceof org.caravan.trade.TradeStoreException) {
            err.println("caravan: " + e.getMessage());
            return BAD_INPUT;
        }
        err.println("caravan: internal error: " + e);
        if (System.getenv("CARAVAN_DEBUG") != null) e.printStackTrace(err);
        else err.println("(set CARAVAN_DEBUG=1 to see the stack trace)");
        return INTERNAL;
    }

    /** The command-line name of a request field: FROM and TO are positional, the rest are options. */
    static String option(String field) {
        return switch (field) {
            case "from" -> "FROM";
            case "to" -> "TO";
            default -> "--" + field.replace('_', '-');
        };
    }

    /** Version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CaravanCli.class.getPackage().getImplementationVersion();
            return new String[] {"caravan " + (v == null ? "development" : v)};
        }
    }
}
