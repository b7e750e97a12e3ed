package org.caravan.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.caravan.network.Problem;

/** The check the cost-model loader tests share: a bad file is refused naming the file and the dotted field. */
final class CostModelRefusals {
    private CostModelRefusals() {}

    /** Loads {@code f}, expects a refusal whose problems all name {@code f}, one of them {@code field}. */
    static CostModelException assertRefused(Path f, String what, String field) {
        CostModelException e = catchThrowableOfType(CostModelException.class, () -> CostModelLoader.load(f));
        assertThat(e).as(what).isNotNull();
        assertThat(e.problems()).as(what).isNotEmpty();
        assertThat(e.problems()).as(what).allSatisfy(p -> assertThat(p.file()).isEqualTo(f.toString()));
        assertThat(e.problems()).extracting(Problem::field).as(what).contains(field);
        assertThat(e.getMessage()).contains(f.toString()).contains("'" + field + "'");
        return e;
    }
}
