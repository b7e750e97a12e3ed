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
        description = "Plan and compare freight corridors between Central Asia and the rest of Eurasia.")
public final class CaravanCli implements Runnable {
    /**
     * The subcommands, in the order of the usage page. Added in code rather than by the annotation so that
     * {@link #main} can build only the one a run names (docs/PERFORMANCE.md, "Start-up"): picocli reflects every
     * command class and option it is given, which was the largest phase of a short command.
     */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(RouteCommand.class, ServeCommand.class,
            NetworkCommand.class, PlacesCommand.class, RiskCommand.class, ScenarioCommand.class, CompareCommand.class,
            MatrixCommand.class, CriticalCommand.class, BriefCommand.class, TradeCommand.class, ValidateCommand.class,
            CalibrateCommand.class, AssignCommand.class, CommandLine.HelpCommand.class);

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
        System.exit(commandLineFor(args).execute(args));
    }

    /** A configured command line with every subcommand; tests call this with their own writers. */
    public static CommandLine newCommandLine() {
        return configure(SUBCOMMANDS);
    }

    /**
     * The command line for these arguments: when the first one is exactly a subcommand's name, one that knows only
     * that subcommand (the same command, options, handlers and messages: what that run can reach), else the full
     * one ({@code --help}, {@code help}, a typo that needs suggestions, options before the command).
     */
    static CommandLine commandLineFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> c : SUBCOMMANDS) {
                Command a = c.getAnnotation(Command.class);
                if (c != CommandLine.HelpCommand.class && a != null && a.name().equals(args[0])) return configure(java.util.List.of(c));
            }
        }
        return newCommandLine();
    }

    private static CommandLine configure(java.util.List<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(new CaravanCli());
        for (Class<?> c : subcommands) cl.addSubcommand(c);
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
