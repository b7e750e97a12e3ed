package org.caravan.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** A departure-interval wait after a dwell at the same place (rule F after a port dwell, docs/COSTS.md). */
class WaitTest {
    private static final double EPS = 1e-9;

    @Test
    void aWeeklyWaitAfterA96HourDwellKeepsOnlyThePartBeyondIt() {
        Wait w = Wait.interval(168).after(96);
        assertThat(w.kind()).isEqualTo(Wait.Kind.INTERVAL);
        assertThat(w.intervalHours()).isEqualTo(168);
        assertThat(w.overlapHours()).isEqualTo(96);
        // E[max(0, U - D)] = (N - D)^2 / (2N); E[max(0, U - D)^2] = (N - D)^3 / (3N).
        assertThat(w.meanHours()).isCloseTo(72.0 * 72 / 336, within(EPS));
        assertThat(w.p90Hours()).isCloseTo(0.9 * 168 - 96, within(EPS));
        assertThat(w.intervalVariance()).isCloseTo(72.0 * 72 * 72 / 504 - w.meanHours() * w.meanHours(),
                within(EPS));
        // Draws: a train that leaves during the dwell costs nothing; one that leaves after it, the rest.
        assertThat(w.intervalDraw(0.5)).isZero();
        assertThat(w.intervalDraw(0.75)).isCloseTo(126 - 96, within(EPS));
    }

    @Test
    void withoutADwellOrForOtherShapesTheWaitIsUnchanged() {
        Wait weekly = Wait.interval(168);
        assertThat(weekly.after(0)).isEqualTo(weekly);
        assertThat(weekly.intervalVariance()).isCloseTo(168.0 * 168 / 12, within(EPS));
        assertThat(weekly.intervalDraw(0.25)).isCloseTo(42, within(EPS));
        Wait queue = Wait.lognormal(12, 24);
        assertThat(queue.after(96)).isEqualTo(queue);
        assertThat(Wait.interval(168).after(168)).isEqualTo(Wait.NONE);
        assertThat(Wait.interval(168).after(200).meanHours()).isZero();
    }
}
