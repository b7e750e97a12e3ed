package org.caravan.risk;

import java.util.List;
import java.util.stream.Collectors;
import org.caravan.network.Problem;

/** A risk register file that cannot be used; lists every problem with the file and the dotted field path. */
public class RiskRegisterException extends Exception {
    private final transient List<Problem> problems;

    public RiskRegisterException(List<Problem> problems) {
        super(problems.size() + " problem(s) in risk register:\n  "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() { return problems; }
}
