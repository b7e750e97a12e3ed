package org.caravan.validation;

import java.util.List;
import org.caravan.network.Problem;

/** An observations file that cannot be used, with every problem found (file, line, field). */
public final class ObservationFileException extends Exception {
    private final List<Problem> problems;

    public ObservationFileException(List<Problem> problems) {
        super(problems.size() == 1 ? problems.get(0).toString()
                : problems.size() + " problems:\n  " + String.join("\n  ", problems.stream().map(Problem::toString)
                        .toList()));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() { return problems; }
}
