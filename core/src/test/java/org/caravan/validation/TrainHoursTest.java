package org.caravan.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.caravan.cost.Wait;
import org.caravan.routing.TimeStep;
import org.caravan.routing.TimeStep.Kind;
import org.junit.jupiter.api.Test;

class TrainHoursTest {

    private static TimeStep step(Kind kind, double hours) {
        return new TimeStep(kind, "x", "x", "KZ", hours, hours, Wait.NONE, null, kind == Kind.DWELL ? -1 : 0);
    }

    @Test
    void trainHoursRunFromTheFirstDepartureToTheLastArrival() {
        // origin dwell 12 | run 10 | crossing 5 | gauge change 3 | run 20 | service wait 2 | run 4 | destination dwell 12
        List<TimeStep> t = List.of(step(Kind.DWELL, 12), step(Kind.RUN, 10), step(Kind.CROSSING, 5),
                step(Kind.HANDLING, 3), step(Kind.RUN, 20), step(Kind.SERVICE_WAIT, 2), step(Kind.RUN, 4),
                step(Kind.DWELL, 12));
        // 10 + 5 + 3 + 20 + 2 + 4 = 44 h; the two 12 h terminal dwells are left out (door to door is 68 h,
        // running alone 34 h).
        assertThat(Quantity.trainHours(t)).isCloseTo(44.0, within(1e-9));
    }

    @Test
    void aWaitBeforeTheFirstRunIsNotCountedAndNoRunGivesZero() {
        List<TimeStep> t = List.of(step(Kind.DWELL, 12), step(Kind.SERVICE_WAIT, 24), step(Kind.RUN, 7.5),
                step(Kind.DWELL, 12));
        assertThat(Quantity.trainHours(t)).isCloseTo(7.5, within(1e-9));
        assertThat(Quantity.trainHours(List.of(step(Kind.DWELL, 12)))).isZero();
    }
}
