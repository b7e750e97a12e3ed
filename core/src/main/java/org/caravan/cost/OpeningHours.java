package org.caravan.cost;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a border post or a terminal works, in local time: a daily window (which may run past midnight) and
 * whole days it is closed, and whole months of the year it is closed (a mountain pass shut in winter). Cargo that
 * arrives outside the window waits until it opens.
 *
 * @param opens        start of the daily window
 * @param closes       end of the daily window; equal to {@code opens} means round the clock
 * @param closedDays   days of the week without service (the window of a closed day does not open)
 * @param closedMonths months of the year without service (seasonal closure)
 */
public record OpeningHours(LocalTime opens, LocalTime closes, Set<DayOfWeek> closedDays, Set<Month> closedMonths) {
    public static final OpeningHours ALWAYS = new OpeningHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Set.of());
    private static final int STEPS_PER_WEEK = 7 * 24 * 12; // five-minute arrival grid for the expected wait
    private static final int STEPS_PER_YEAR = 365 * 24 * 4; // quarter-hour grid over a year with seasonal closures
    private static final Map<OpeningHours, Double> EXPECTED = new ConcurrentHashMap<>();

    public OpeningHours {
        closedDays = closedDays == null || closedDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(closedDays));
        closedMonths = closedMonths == null || closedMonths.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(closedMonths));
        if (closedDays.size() == 7) throw new IllegalArgumentException("a crossing closed on every day never opens");
        if (closedMonths.size() == 12) throw new IllegalArgumentException("a crossing closed in every month never opens");
    }

    /** Daily window and closed days, open all year. */
    public OpeningHours(LocalTime opens, LocalTime closes, Set<DayOfWeek> closedDays) {
        this(opens, closes, closedDays, Set.of());
    }

    public boolean alwaysOpen() { return opens.equals(closes) && closedDays.isEmpty() && closedMonths.isEmpty(); }

    /** Whether cargo arriving at {@code t} is served at once. */
    public boolean isOpen(LocalDateTime t) {
        if (closedMonths.contains(t.getMonth())) return false;
        if (opens.equals(closes)) return !closedDays.contains(t.getDayOfWeek());
        LocalTime now = t.toLocalTime();
        if (opens.isBefore(closes)) {
            return !closedDays.contains(t.getDayOfWeek()) && !now.isBefore(opens) && now.isBefore(closes);
        }
        // A window past midnight belongs to the day it opened on.
        if (!now.isBefore(opens)) return !closedDays.contains(t.getDayOfWeek());
        return now.isBefore(closes) && !closedDays.contains(t.getDayOfWeek().minus(1))
                && !closedMonths.contains(t.toLocalDate().minusDays(1).getMonth());
    }

    /** Hours from {@code t} until the post next opens (0 when it is open at {@code t}). */
    public double waitHours(LocalDateTime t) {
        if (isOpen(t)) return 0;
        for (int day = 0; day <= 7 + 366; day++) {
            LocalDateTime open = t.toLocalDate().plusDays(day).atTime(opens);
            if (open.isBefore(t) || closedDays.contains(open.getDayOfWeek()) || closedMonths.contains(open.getMonth())) {
                continue;
            }
            return java.time.Duration.between(t, open).toSeconds() / 3600.0;
        }
        throw new IllegalStateException("no opening within a year"); // excluded by the constructor
    }

    /**
     * The mean wait of cargo arriving at a uniformly random moment of the week, or of the year when the post has
     * closed months (so a pass shut four months a year adds about 20 days on average; give a departure time to
     * time a route in the open season).
     */
    public double expectedWaitHours() {
        if (alwaysOpen()) return 0;
        return EXPECTED.computeIfAbsent(this, OpeningHours::averageWait);
    }

    private static double averageWait(OpeningHours o) {
        double sum = 0;
        if (o.closedMonths.isEmpty()) {
            LocalDateTime monday = LocalDateTime.of(2024, 1, 1, 0, 0); // a Monday
            for (int i = 0; i < STEPS_PER_WEEK; i++) sum += o.waitHours(monday.plusMinutes(5L * i));
            return sum / STEPS_PER_WEEK;
        }
        LocalDateTime start = LocalDateTime.of(2023, 1, 1, 0, 0); // a year of 365 days
        for (int i = 0; i < STEPS_PER_YEAR; i++) sum += o.waitHours(start.plusMinutes(15L * i));
        return sum / STEPS_PER_YEAR;
    }
}
