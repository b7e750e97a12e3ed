package org.caravan.routing;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.caravan.cost.TimeTables;
import org.caravan.cost.Wait;

/**
 * Times a route from a departure: walks its timeline in order with a clock (local time at the origin), and at
 * every step that waits for opening hours or a timetabled departure waits as long as the clock says, converted
 * to the local time of the step's country. Random parts take their mean. Used for {@code depart} and, with a
 * random departure, by the Monte Carlo.
 */
final class Clock {
    private Clock() {}

    /** Hours of a step started at {@code localNow} (its country's local time), with the delay given. */
    static double stepHours(TimeStep step, LocalDateTime localNow, double delayHours) {
        double gate = step.gate() == null ? 0 : step.gate().waitHours(localNow);
        LocalDateTime afterGate = plusHours(localNow, gate);
        double delay = step.delay().kind() == Wait.Kind.TIMETABLE ? step.delay().timetable().waitHours(afterGate)
                : delayHours;
        return step.fixedHours() + gate + delay;
    }

    static LocalDateTime plusHours(LocalDateTime t, double h) { return t.plusSeconds(Math.round(h * 3600)); }

    static LocalDateTime local(LocalDateTime originClock, String originCountry, String country, TimeTables tables) {
        return plusHours(originClock, tables.offsetBetween(originCountry, country));
    }

    /** Whether any step depends on the clock (opening hours or a timetable). */
    static boolean clockMatters(Route route) {
        for (TimeStep s : route.timeline()) {
            if (s.gate() != null || s.delay().kind() == Wait.Kind.TIMETABLE) return true;
        }
        return false;
    }

    /** The route timed from {@code depart}: timeline, crossing and leg hours, totals and arrival. */
    static Route timed(Route route, LocalDateTime depart, TimeTables tables, double valueOfTimeUsdPerHour) {
        if (route.timeline().isEmpty()) return route;
        String origin = route.timeline().get(0).country();
        LocalDateTime clock = depart;
        List<TimeStep> steps = new ArrayList<>();
        List<Leg> legs = new ArrayList<>(route.legs());
        double[] legHours = new double[legs.size()];
        double[] legWait = new double[legs.size()];
        double total = 0;
        for (TimeStep s : route.timeline()) {
            double h = stepHours(s, local(clock, origin, s.country(), tables), s.delay().meanHours());
            steps.add(s.withHours(h));
            if (s.legIndex() >= 0) {
                legHours[s.legIndex()] += h;
                if (s.kind() == TimeStep.Kind.SERVICE_WAIT) legWait[s.legIndex()] += h;
            }
            clock = plusHours(clock, h);
            total += h;
        }
        List<CrossingUse> crossings = new ArrayList<>();
        int c = 0;
        for (int i = 0; i < legs.size(); i++) {
            Leg leg = legs.get(i);
            legs.set(i, leg.withHours(legHours[i], legWait[i]));
            if (leg.mode() == org.caravan.network.Mode.CROSSING && c < route.crossings().size()) {
                crossings.add(route.crossings().get(c++).withHours(legHours[i]));
            }
        }
        double delta = total - route.totals().hours();
        Totals t = route.totals().withHours(total,
                route.totals().generalizedUsd() + valueOfTimeUsdPerHour * delta * route.units());
        String last = route.timeline().get(route.timeline().size() - 1).country();
        return route.timed(depart, local(clock, origin, last, tables), legs, crossings, steps, t);
    }
}
