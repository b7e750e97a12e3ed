package org.caravan.assignment;

import java.util.List;
import java.util.stream.Collectors;
import org.caravan.network.Problem;

/** Input for an assignment (TNTP files, OD demand) that cannot be used; lists every problem with file and line. */
public final class AssignmentInputException extends Exception {
    private final transient List<Problem> problems;

    public AssignmentInputException(List<Problem> problems) {
        super(problems.size() + " problem(s):\n  " + problems.stream().map(Problem::toString)
                .collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() { return problems; }
}
