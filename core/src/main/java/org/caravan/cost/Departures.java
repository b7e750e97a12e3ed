package org.caravan.cost;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A published timetable: departures at fixed local times on given days of the week.
 *
 * @param days  days with departures
 * @param times departure times on those days
 */
public record Departures(Set<DayOfWeek> days, List<LocalTime> times) {
    public Departures {
        if (days == null || days.isEmpty()) throw new IllegalArgumentException("a timetable needs at least one day");
        if (times == null || times.isEmpty()) throw new IllegalArgumentException("a timetable needs a time");
        days = Set.copyOf(EnumSet.copyOf(days));
        times = times.stream().sorted().toList();
    }

    /** Hours from {@code t} to the next departure (0 when one leaves at {@code t}). */
    public double waitHours(LocalDateTime t) {
        for (int day = 0; day <= 7; day++) {
            for (LocalTime time : times) {
                LocalDateTime d = t.toLocalDate().plusDays(day).atTime(time);
                if (!d.isBefore(t) && days.contains(d.getDayOfWeek())) {
                    return java.time.Duration.between(t, d).toSeconds() / 3600.0;
                }
            }
        }
        throw new IllegalStateException("no departure within a week"); // excluded by the constructor
    }

    /** The mean wait of cargo arriving at a uniformly random moment of the week. */
    public double expectedWaitHours() {
        LocalDateTime monday = LocalDateTime.of(2024, 1, 1, 0, 0);
        int steps = 7 * 24 * 12;
        double sum = 0;
        for (int i = 0; i < steps; i++) sum += waitHours(monday.plusMinutes(5L * i));
        return sum / steps;
    }
}
