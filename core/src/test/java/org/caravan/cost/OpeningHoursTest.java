package org.caravan.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Weekly closed days and seasonal closed months of a border post, on the clock and as an expected wait. */
class OpeningHoursTest {
    private static final LocalTime MIDNIGHT = LocalTime.MIDNIGHT;
    private static final OpeningHours WINTER_PASS = new OpeningHours(MIDNIGHT, MIDNIGHT, Set.of(),
            EnumSet.of(Month.DECEMBER, Month.JANUARY, Month.FEBRUARY, Month.MARCH));

    @Test
    void aPassClosedDecemberToMarchWaitsUntilTheFirstOfApril() {
        assertThat(WINTER_PASS.isOpen(LocalDateTime.of(2027, 7, 1, 12, 0))).isTrue();
        assertThat(WINTER_PASS.waitHours(LocalDateTime.of(2027, 7, 1, 12, 0))).isZero();
        assertThat(WINTER_PASS.isOpen(LocalDateTime.of(2027, 12, 1, 0, 0))).isFalse();
        // 31 March 2027 12:00 -> 1 April 00:00: 12 h
        assertThat(WINTER_PASS.waitHours(LocalDateTime.of(2027, 3, 31, 12, 0))).isCloseTo(12.0, within(1e-9));
        // 1 December 2026 00:00 -> 1 April 2027 00:00: 121 days
        assertThat(WINTER_PASS.waitHours(LocalDateTime.of(2026, 12, 1, 0, 0))).isCloseTo(121 * 24.0, within(1e-9));
    }

    @Test
    void theExpectedWaitOfASeasonalClosureIsTheShareClosedTimesHalfTheClosure() {
        // Closed 121 of 365 days; cargo arriving then waits on average half of 121 days.
        double expected = 121.0 / 365 * (121 * 24.0 / 2);
        assertThat(WINTER_PASS.expectedWaitHours()).isCloseTo(expected, within(expected * 0.01));
    }

    @Test
    void closedDaysAndClosedMonthsCombine() {
        OpeningHours o = new OpeningHours(MIDNIGHT, MIDNIGHT, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                EnumSet.of(Month.JANUARY));
        // Saturday 30 January 2027 -> Monday 1 February 00:00
        assertThat(o.waitHours(LocalDateTime.of(2027, 1, 30, 0, 0))).isCloseTo(48.0, within(1e-9));
        // Friday 29 January 2027 00:00: still January -> Monday 1 February
        assertThat(o.waitHours(LocalDateTime.of(2027, 1, 29, 0, 0))).isCloseTo(72.0, within(1e-9));
        OpeningHours weekdays = new OpeningHours(MIDNIGHT, MIDNIGHT, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        // Weekend closure alone: arriving at a random moment, 2/7 of the time, waiting half of 48 h on average.
        // (on the five-minute arrival grid)
        assertThat(weekdays.expectedWaitHours()).isCloseTo(2.0 / 7 * 24, within(0.05));
        assertThat(weekdays.closedMonths()).isEmpty();
    }

    @Test
    void aPostClosedEveryMonthIsRefused() {
        assertThatThrownBy(() -> new OpeningHours(MIDNIGHT, MIDNIGHT, Set.of(), EnumSet.allOf(Month.class)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never opens");
    }
}
