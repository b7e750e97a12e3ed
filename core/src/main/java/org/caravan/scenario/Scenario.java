package org.caravan.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A named set of changes to the base network and costs, with why it matters and where its numbers come from.
 *
 * @param id          short stable name, e.g. {@code torkham-closed}
 * @param rationale   the debate the scenario mirrors
 * @param sources     where the scenario's facts come from
 * @param assumptions what the scenario assumes beyond its sources (stated, so readers can judge it)
 * @param origin      the file it was read from ({@code example:ID} for the shipped ones); problems name it
 * @param changes     ids already checked against the network the scenario was loaded for
 */
public record Scenario(String id, String title, String rationale, List<String> sources, List<String> assumptions,
        String origin, ScenarioChanges changes) {
    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(changes, "changes");
        title = title == null ? "" : title;
        rationale = rationale == null ? "" : rationale;
        sources = sources == null ? List.of() : List.copyOf(sources);
        assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
        origin = origin == null ? id : origin;
    }
}
