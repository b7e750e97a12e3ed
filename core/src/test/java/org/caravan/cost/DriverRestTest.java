package org.caravan.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The drivers' rest rule (EU 561/2006 / AETR) over a trip, with every figure by hand. */
class DriverRestTest {
    private static final double EPS = 1e-9;

    /** 9 h a day (10 h twice a week), 45 min after 4.5 h, 11 h daily rest, 45 h weekly rest after 6 days; PK 24. */
    private static ModeRates road() {
        ModeRates.Timing t = new ModeRates.Timing(9, Map.of("PK", 24.0), Map.of(), 0, Map.of(), 0);
        return new ModeRates(0, 1, 50, Map.of(), Map.of(), t, null, DrivingRules.AETR);
    }

    @Test
    void aTripUnderOneDrivingDayRestsNotAndBreaksOnce() {
        DriverRest r = new DriverRest(road());
        assertThat(r.drive(4.5, "KZ")).isZero(); // exactly 4.5 h: the break is due only if driving goes on
        assertThat(r.drive(3, "KZ")).isCloseTo(0.75, within(EPS));
        assertThat(r.breaks()).isEqualTo(1);
        assertThat(r.dailyRests()).isZero();
    }

    @Test
    void eighteenHoursAtTheWheelTakeOneDailyRestNotPerLinkProRata() {
        // cc-017's 18.2 h of driving, in three countries: day 1 10 h (4.5 + break + 4.5 + break + 1), 11 h rest,
        // day 2 8.2 h (4.5 + break + 3.7): 3 breaks and one rest = 13.25 h (pro rata 24/10 charged 25.5 h).
        DriverRest r = new DriverRest(road());
        double rest = r.drive(411.0 / 42, "UZ") + r.drive(281.0 / 51.8, "KG") + r.drive(238.0 / 80.5, "CN");
        assertThat(rest).isCloseTo(3 * 0.75 + 11, within(EPS));
        assertThat(r.dailyRests()).isEqualTo(1);
        assertThat(r.breaks()).isEqualTo(3);
    }

    @Test
    void theExtensionIsUsedTwiceAWeekThenNineHourDaysThenTheWeeklyRest() {
        DriverRest r = new DriverRest(road());
        // 2 x 10 + 4 x 9 = 56 h, the weekly maximum of art. 6(2), in six driving periods; then 1 h more.
        double rest = r.drive(57, "KZ");
        // breaks: each 10 h day has 2, each 9 h day 1 (the second 4.5 h ends at the rest): 2+2+1+1+1+1; the
        // last hour follows the weekly rest and needs none. Rests: 5 daily, then the weekly instead of the sixth.
        assertThat(r.breaks()).isEqualTo(8);
        assertThat(r.dailyRests()).isEqualTo(5);
        assertThat(r.weeklyRests()).isEqualTo(1);
        assertThat(rest).isCloseTo(8 * 0.75 + 5 * 11 + 45, within(EPS));
    }

    @Test
    void aStopAsLongAsADailyRestCountsAsOneAndAShortStopAsABreak() {
        DriverRest r = new DriverRest(road());
        assertThat(r.drive(8, "KZ")).isCloseTo(0.75, within(EPS));
        assertThat(r.pause(12)).isZero(); // e.g. a border queue of 12 h: the daily rest is taken there
        assertThat(r.drivenSinceRest()).isZero();
        assertThat(r.drive(9, "KZ")).isCloseTo(0.75, within(EPS)); // a fresh (10 h) day: one break, no rest
        assertThat(r.dailyRests()).isZero();
        DriverRest s = new DriverRest(road());
        s.drive(4, "KZ");
        assertThat(s.pause(1)).isZero(); // a 1 h stop is a break: 4 + 4 h more need no break
        assertThat(s.drive(4, "KZ")).isZero();
    }

    @Test
    void aDailyRestIsDueWithin24HoursEvenWithoutTheDrivingLimit() {
        DriverRest r = new DriverRest(road());
        r.drive(4, "KZ");
        r.pause(8); // 8 h at a border, not a daily rest: 12 h have passed since the last rest
        // 1 h left of the 13 h window (24 - 11): drive it, then rest 11 h, then 2 h more.
        assertThat(r.drive(3, "KZ")).isCloseTo(11, within(EPS));
        assertThat(r.dailyRests()).isEqualTo(1);
    }

    @Test
    void aRestDueAfterAStopLengthensTheStop() {
        DriverRest r = new DriverRest(road());
        assertThat(r.drive(9, "KZ")).isCloseTo(0.75, within(EPS)); // 9.75 h since the rest
        r.pause(5); // 14.75 h: past the 13 h window, so the rest is due before any more driving
        // The driver rests at the stop: 11 h from its start, 6 h more than the 5 h stop.
        assertThat(r.drive(2, "KZ")).isCloseTo(6, within(EPS));
        assertThat(r.dailyRests()).isEqualTo(1);
    }

    @Test
    void drivingWhereTheSpeedIncludesRestCountsTowardsNothing() {
        DriverRest r = new DriverRest(road());
        assertThat(r.drive(40, "PK")).isZero();
        assertThat(r.drivenSinceRest()).isZero();
        assertThat(r.drive(9, "AF")).isCloseTo(0.75, within(EPS));
    }

    @Test
    void theSixthDailyRestIsLengthenedToTheWeeklyRestWhenTakenAtAStop() {
        DriverRest r = new DriverRest(road());
        r.drive(10 + 10 + 9 + 9 + 9, "KZ"); // five driving periods, four daily rests taken between them
        assertThat(r.dailyRests()).isEqualTo(4);
        r.drive(9, "KZ"); // the fifth rest and the sixth period
        assertThat(r.dailyRests()).isEqualTo(5);
        assertThat(r.pause(20)).isCloseTo(45 - 20, within(EPS)); // a 20 h stop ends the week: 25 h more
        assertThat(r.weeklyRests()).isEqualTo(1);
    }
}
