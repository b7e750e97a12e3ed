package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.caravan.place.RouteParameter;
import org.caravan.place.RouteParameter.Group;
import org.caravan.place.RouteParameters;
import org.caravan.report.RouteJson;
import org.caravan.server.OpenApiDocument;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The route options are declared once: the CLI mixins, the core's table and the HTTP API's /openapi.json list the
 * same parameters, with the same help and no picocli default of their own (the core's default holds).
 */
class RouteOptionsTest {
    private static final CommandLine CLI = CaravanCli.newCommandLine();

    private static Set<String> routeOptionNames(CommandSpec spec) {
        Set<String> out = new LinkedHashSet<>();
        for (OptionSpec o : spec.options()) {
            if (o.descriptionKey() != null && o.descriptionKey().startsWith("route.")) {
                out.add(o.descriptionKey().substring("route.".length()));
                assertThat(o.longestName()).as("option of %s", o.descriptionKey())
                        .isEqualTo(RouteOptions.optionName(RouteParameters.byName(o.descriptionKey().substring(6))
                                .orElseThrow()));
            }
        }
        return out;
    }

    private static List<String> names(Group... groups) {
        return RouteParameters.of(groups).stream().map(RouteParameter::name).toList();
    }

    private static CommandSpec command(String... path) {
        CommandLine cl = CLI;
        for (String p : path) cl = cl.getSubcommands().get(p);
        return cl.getCommandSpec();
    }

    @Test
    void everyMixinHasExactlyTheTablesParametersWithTheTablesHelpAndNoDefaultOfItsOwn() {
        record Mixin(Object instance, Group group) {}
        for (Mixin m : List.of(new Mixin(new RouteOptions.Query(), Group.QUERY),
                new Mixin(new RouteOptions.Reliability(), Group.RELIABILITY),
                new Mixin(new RouteOptions.Search(), Group.SEARCH))) {
            CommandSpec spec = CommandSpec.forAnnotatedObject(m.instance());
            List<String> options = new ArrayList<>();
            for (OptionSpec o : spec.options()) {
                RouteParameter p = RouteParameters.byName(o.descriptionKey().substring("route.".length()))
                        .orElseThrow();
                options.add(p.name());
                assertThat(p.group()).as(p.name()).isEqualTo(m.group());
                assertThat(o.longestName()).isEqualTo("--" + p.name().replace('_', '-'));
                assertThat(o.defaultValue()).as("%s has a picocli default", p.name()).isNull();
            }
            assertThat(options).containsExactlyInAnyOrderElementsOf(names(m.group()));
        }
    }

    @Test
    void helpTextComesFromTheTable() {
        OptionSpec tonnes = command("route").findOption("--tonnes");
        assertThat(String.join(" ", tonnes.description())).isEqualTo(RouteOptions.Help.cliHelp(RouteParameters.TONNES));
        assertThat(String.join(" ", tonnes.description())).contains("Range: 0 (exclusive) to 100000000");
        OptionSpec tolerance = command("brief").findOption("--pareto-tolerance");
        assertThat(String.join(" ", tolerance.description())).startsWith("With --pareto, hide a route");
    }

    @Test
    void everyRouteQuestionCommandOffersTheSameOptions() {
        List<String> query = names(Group.QUERY);
        List<String> reliability = names(Group.RELIABILITY);
        List<String> all = new ArrayList<>(query);
        all.addAll(reliability);
        all.addAll(names(Group.SEARCH));
        assertThat(routeOptionNames(command("route"))).containsExactlyInAnyOrderElementsOf(all);
        assertThat(routeOptionNames(command("brief"))).containsExactlyInAnyOrderElementsOf(all);
        List<String> queryAndReliability = new ArrayList<>(query);
        queryAndReliability.addAll(reliability);
        assertThat(routeOptionNames(command("scenario", "run"))).containsExactlyInAnyOrderElementsOf(queryAndReliability);
        assertThat(routeOptionNames(command("compare"))).containsExactlyInAnyOrderElementsOf(query);
        assertThat(routeOptionNames(command("critical"))).containsExactlyInAnyOrderElementsOf(query);
    }

    @Test
    void everyCliRouteOptionIsAnApiParameterOfApiRouteAndViceVersa() throws Exception {
        JsonNode doc = RouteJson.MAPPER.readTree(OpenApiDocument.build(List.of("bulk", "container")));
        Set<String> api = new LinkedHashSet<>();
        for (JsonNode p : doc.path("paths").path("/api/route").path("get").path("parameters")) api.add(p.path("name").asText());
        Set<String> cli = new LinkedHashSet<>(routeOptionNames(command("route")));
        for (CommandLine.Model.PositionalParamSpec p : command("route").positionalParameters()) {
            cli.add(p.descriptionKey().substring("route.".length()));
        }
        assertThat(api).containsExactlyInAnyOrderElementsOf(cli);
        JsonNode tonnes = null;
        for (JsonNode p : doc.path("paths").path("/api/route").path("get").path("parameters")) {
            if (p.path("name").asText().equals("tonnes")) tonnes = p;
        }
        assertThat(tonnes.path("schema").path("maximum").asDouble()).isEqualTo(RouteParameters.MAX_TONNES);
        assertThat(tonnes.path("description").asText()).startsWith(RouteParameters.TONNES.help());
    }

    /**
     * {@code --capacities} is the shared table's {@code capacities} (group ASSIGNMENT, kind TABLE): {@code caravan
     * assign} offers the QUERY and ASSIGNMENT parameters with the table's help, and {@code POST /api/assign} documents
     * the same parameter as its multipart upload field (never as a query parameter).
     */
    @Test
    void capacitiesIsDeclaredOnceForAssignAndPostApiAssign() throws Exception {
        List<String> expected = new ArrayList<>(names(Group.QUERY));
        expected.addAll(names(Group.ASSIGNMENT));
        assertThat(names(Group.ASSIGNMENT)).containsExactly("capacities");
        assertThat(routeOptionNames(command("assign"))).containsExactlyInAnyOrderElementsOf(expected);
        OptionSpec caps = command("assign").findOption("--capacities");
        assertThat(String.join(" ", caps.description()))
                .isEqualTo(RouteOptions.Help.cliHelp(RouteParameters.CAPACITIES)).contains("capacities.csv");
        JsonNode doc = RouteJson.MAPPER.readTree(OpenApiDocument.build(List.of("bulk", "container")));
        JsonNode post = doc.path("paths").path("/api/assign").path("post");
        JsonNode field = post.path("requestBody").path("content").path("multipart/form-data").path("schema")
                .path("properties").path(RouteParameters.CAPACITIES.name());
        assertThat(field.path("format").asText()).isEqualTo("binary");
        assertThat(field.path("description").asText()).isEqualTo(RouteParameters.CAPACITIES.fullHelp(true));
        for (JsonNode p : post.path("parameters")) assertThat(p.path("name").asText()).isNotEqualTo("capacities");
        Set<String> postQuery = new LinkedHashSet<>();
        for (JsonNode p : post.path("parameters")) postQuery.add(p.path("name").asText());
        assertThat(postQuery).containsAll(names(Group.QUERY));
    }
}
