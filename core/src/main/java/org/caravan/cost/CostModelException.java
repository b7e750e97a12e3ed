package org.caravan.cost;

import java.util.List;
import java.util.stream.Collectors;
import org.caravan.network.Problem;

/** A cost file that cannot be used; lists every problem with the file and the dotted field path. */
public class CostModelException extends Exception {
    private final transient List<Problem> problems;

    public CostModelException(List<Problem> problems) {
        super(problems.size() + " problem(s) in cost model:\n  "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() { return problems; }
}
