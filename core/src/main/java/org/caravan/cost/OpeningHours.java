package org.caravan.cost;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a border post or a terminal works, in local time: a daily window (which may run past midnight) and
 * whole days it is closed. Cargo that arrives outside the window waits until it opens.
 *
 * @param opens      start of the daily window
 * @param closes     end of the daily window; equal to {@code opens} means round the clock
 * @param closedDays days of the week without service (the window of a closed day does not open)
 */
public record OpeningHours(LocalTime opens, LocalTime closes, Set<DayOfWeek> closedDays) {
    public static final OpeningHours ALWAYS = new OpeningHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Set.of());
    private static final int STEPS_PER_WEEK = 7 * 24 * 12; // five-minute arrival grid for the expected wait

    public OpeningHours {
        closedDays = closedDays == null || closedDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(closedDays));
        if (closedDays.size() == 7) throw new IllegalArgumentException("a crossing closed on every day never opens");
    }

    public boolean alwaysOpen() { return opens.equals(closes) && closedDays.isEmpty(); }

    /** Whether cargo arriving at {@code t} is served at once. */
    public boolean isOpen(LocalDateTime t) {
        if (opens.equals(closes)) return !closedDays.contains(t.getDayOfWeek());
        LocalTime now = t.toLocalTime();
        if (opens.isBefore(closes)) {
            return !closedDays.contains(t.getDayOfWeek()) && !now.isBefore(opens) && now.isBefore(closes);
        }
        // A window past midnight belongs to the day it opened on.
        if (!now.isBefore(opens)) return !closedDays.contains(t.getDayOfWeek());
        return now.isBefore(closes) && !closedDays.contains(t.getDayOfWeek().minus(1));
    }

    /** Hours from {@code t} until the post next opens (0 when it is open at {@code t}). */
    public double waitHours(LocalDateTime t) {
        if (isOpen(t)) return 0;
        for (int day = 0; day <= 7; day++) {
            LocalDateTime open = t.toLocalDate().plusDays(day).atTime(opens);
            if (open.isBefore(t) || closedDays.contains(open.getDayOfWeek())) continue;
            return java.time.Duration.between(t, open).toSeconds() / 3600.0;
        }
        throw new IllegalStateException("no opening within a week"); // excluded by the constructor
    }

    /** The mean wait of cargo arriving at a uniformly random moment of the week. */
    public double expectedWaitHours() {
        if (alwaysOpen()) return 0;
        LocalDateTime monday = LocalDateTime.of(2024, 1, 1, 0, 0); // a Monday
        double sum = 0;
        for (int i = 0; i < STEPS_PER_WEEK; i++) sum += waitHours(monday.plusMinutes(5L * i));
        return sum / STEPS_PER_WEEK;
    }
}
