package org.caravan.network;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when input data has problems; carries every problem found, so a curator can fix them all at once. */
public class NetworkException extends Exception {
    private final transient List<Problem> problems;

    public NetworkException(List<Problem> problems) {
        super(problems.size() + " problem(s):\n  " + problems.stream().map(Problem::toString)
                .collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() { return problems; }
}
