package org.caravan.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Map;
import org.caravan.place.RouteParameter;
import org.caravan.place.RouteParameters;
import org.caravan.place.RouteQuery;
import org.caravan.routing.Restriction;
import picocli.CommandLine.Option;

/**
 * The route options of every command that asks a route question (route, brief, compare, scenario run, critical),
 * declared once as picocli mixins. Each option is a parameter of {@link RouteParameters} (the core's table, which
 * the HTTP API and /openapi.json read too): its name is the parameter's with dashes ({@code max_risk} is
 * {@code --max-risk}), its help text comes from the table through {@link Help} (description key
 * {@code route.NAME}), and it has no picocli default: an option not given is null, and the core's default holds.
 * {@code RouteOptionsTest} checks that the mixins and the table match, option for option.
 */
final class RouteOptions {
    private RouteOptions() {}

    /** Cargo, objective and restrictions: {@link RouteParameter.Group#QUERY}. */
    static final class Query {
        @Option(names = "--via", paramLabel = "PLACE", split = ",", descriptionKey = "route.via")
        List<String> via = new ArrayList<>();

        @Option(names = "--cargo", paramLabel = "PROFILE", descriptionKey = "route.cargo")
        String cargo;

        @Option(names = "--rail-service", paramLabel = "SERVICE", descriptionKey = "route.rail_service")
        String railService;

        @Option(names = "--tonnes", paramLabel = "T", descriptionKey = "route.tonnes")
        Double tonnes;

        @Option(names = "--objective", paramLabel = "OBJ", descriptionKey = "route.objective")
        String objective;

        @Option(names = "--avoid", paramLabel = "COUNTRY", split = ",", descriptionKey = "route.avoid")
        List<String> avoid = new ArrayList<>();

        @Option(names = "--close", paramLabel = "NAME_OR_ID", split = ",", descriptionKey = "route.close")
        List<String> close = new ArrayList<>();

        @Option(names = "--avoid-passage", paramLabel = "NAME", split = ",", descriptionKey = "route.avoid_passage")
        List<String> avoidPassage = new ArrayList<>();

        @Option(names = "--modes", paramLabel = "MODE", split = ",", descriptionKey = "route.modes")
        List<String> modes = new ArrayList<>();

        @Option(names = "--include-planned", descriptionKey = "route.include_planned")
        boolean includePlanned;

        @Option(names = "--max-risk", paramLabel = "R", descriptionKey = "route.max_risk")
        Double maxRisk;

        @Option(names = "--penalty", paramLabel = "COUNTRY=USD", split = ",", descriptionKey = "route.penalty")
        Map<String, Double> penalties = new LinkedHashMap<>();

        @Option(names = "--depart", paramLabel = "YYYY-MM-DDTHH:MM", descriptionKey = "route.depart")
        String depart;

        RouteQuery.Builder apply(RouteQuery.Builder b) {
            return b.via(via).cargo(cargo).railService(railService).tonnes(tonnes).objective(objective).avoid(avoid).close(close).avoidPassage(avoidPassage)
                    .modes(modes)
                    .includePlanned(includePlanned).maxRisk(maxRisk).penalties(penalties).depart(depart);
        }
    }

    /** Monte Carlo reliability: {@link RouteParameter.Group#RELIABILITY}. */
    static final class Reliability {
        @Option(names = "--samples", paramLabel = "N", descriptionKey = "route.samples")
        Integer samples;

        @Option(names = "--seed", paramLabel = "S", descriptionKey = "route.seed")
        Long seed;

        RouteQuery.Builder apply(RouteQuery.Builder b) {
            return b.samples(samples).seed(seed);
        }
    }

    /** How many routes and how hard to search: {@link RouteParameter.Group#SEARCH}. */
    static final class Search {
        @Option(names = "--alternatives", paramLabel = "K", descriptionKey = "route.alternatives")
        Integer alternatives;

        @Option(names = "--pareto", descriptionKey = "route.pareto")
        boolean pareto;

        @Option(names = "--pareto-tolerance", paramLabel = "FRACTION", descriptionKey = "route.pareto_tolerance")
        Double paretoTolerance;

        @Option(names = "--max-labels", paramLabel = "N", descriptionKey = "route.max_labels")
        Integer maxLabels;

        @Option(names = "--budget-ms", paramLabel = "MS", descriptionKey = "route.budget_ms")
        Long budgetMillis;

        RouteQuery.Builder apply(RouteQuery.Builder b) {
            if (pareto && alternatives != null) throw new UserInputException("--pareto and --alternatives: choose one");
            return b.alternatives(alternatives).pareto(pareto).paretoTolerance(paretoTolerance).maxLabels(maxLabels)
                    .budgetMillis(budgetMillis);
        }
    }

    /** A restriction as the command line writes it: {@code --avoid AF,CN}. */
    static String word(Restriction r) {
        String option = "--" + r.kind().parameter().replace('_', '-');
        return r.kind() == Restriction.Kind.OPERATIONAL_ONLY
                ? "operational links only (" + option + " would add planned and under-construction links)"
                : option + " " + String.join(",", r.values());
    }

    /** The command-line option of a table parameter: {@code max_risk} → {@code --max-risk}. */
    static String optionName(RouteParameter p) { return "--" + p.name().replace('_', '-'); }

    /**
     * Help texts of the route options, from the core's table (key {@code route.NAME}); set on the whole command
     * tree by {@link CaravanCli#newCommandLine()}.
     */
    public static final class Help extends ListResourceBundle {
        @Override
        protected Object[][] getContents() {
            List<Object[]> rows = new ArrayList<>();
            for (RouteParameter p : RouteParameters.ALL) rows.add(new Object[] {"route." + p.name(), cliHelp(p)});
            return rows.toArray(new Object[0][]);
        }

        /** The table's help, with parameter names written as options ("with pareto" → "with --pareto"). */
        static String cliHelp(RouteParameter p) {
            String text = p.fullHelp(false);
            for (RouteParameter other : RouteParameters.of(RouteParameter.Group.SEARCH)) {
                text = text.replace("With " + other.name() + ",", "With " + optionName(other) + ",")
                        .replace("not with " + other.name(), "not with " + optionName(other));
            }
            return text;
        }
    }
}
