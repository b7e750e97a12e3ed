package org.caravan.demand;

import java.util.List;
import java.util.stream.Collectors;
import org.caravan.network.Problem;

/** An OD demand file that cannot be used; lists every problem with file, line and field. */
public class OdFileException extends Exception {
    private final transient List<Problem> problems;

    public OdFileException(List<Problem> problems) {
        super(problems.size() + " problem(s) in OD file:\n  "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() { return problems; }
}
