package org.caravan.scenario;

import java.util.List;
import java.util.stream.Collectors;
import org.caravan.network.Problem;

/** A scenario that cannot be used; lists every problem with the file and the dotted path of the field. */
public class ScenarioException extends Exception {
    private final transient List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        super(problems.size() + " problem(s) in scenario:\n  "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() { return problems; }
}
