package org.caravan.network;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.locationtech.jts.geom.LineString;

/**
 * A connection between two nodes. Links are usable in both directions unless {@code oneway}.
 *
 * @param gauges      for a rail link exactly one gauge; for a crossing that carries rail, the gauges whose
 *                    trains may cross; empty otherwise
 * @param km          length in kilometres, always positive
 * @param hours       explicit running time (ferries, sea legs); when empty the cost model's speed is used
 * @param waitHours   mean wait for a departure before the run (ferries, sea legs); 0 when none
 * @param carries     for a crossing: the modes it lets through; for other links: the link's own mode
 * @param forward     crossing times from {@code from} to {@code to}; null unless a crossing
 * @param backward    crossing times from {@code to} to {@code from}; equals forward where no split is known
 * @param capacityTonnesPerDay optional practical capacity
 * @param geometry    optional line geometry (WGS84 lon/lat), from first to last node
 */
public record Link(
        String id,
        String name,
        String from,
        String to,
        Mode mode,
        Set<Gauge> gauges,
        double km,
        OptionalDouble hours,
        double waitHours,
        LinkStatus status,
        boolean oneway,
        Set<Mode> carries,
        CrossingTimes forward,
        CrossingTimes backward,
        OptionalDouble capacityTonnesPerDay,
        LineString geometry,
        String source,
        Confidence confidence,
        String note) {

    public Link {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(status, "status");
        name = name == null ? "" : name;
        gauges = gauges == null ? Set.of() : Set.copyOf(gauges);
        hours = hours == null ? OptionalDouble.empty() : hours;
        carries = carries == null || carries.isEmpty()
                ? (mode == Mode.CROSSING ? Set.of() : Set.of(mode)) : Set.copyOf(carries);
        capacityTonnesPerDay = capacityTonnesPerDay == null ? OptionalDouble.empty() : capacityTonnesPerDay;
        if (mode == Mode.CROSSING && backward == null) backward = forward;
        source = source == null ? "" : source;
        note = note == null ? "" : note;
    }

    public boolean isCrossing() { return mode == Mode.CROSSING; }

    /** The single gauge of a rail link. */
    public Optional<Gauge> railGauge() {
        return mode == Mode.RAIL && gauges.size() == 1 ? Optional.of(gauges.iterator().next()) : Optional.empty();
    }

    /** Crossing times when entering the link at {@code nodeId}. */
    public CrossingTimes crossingTimesFrom(String nodeId) {
        return nodeId.equals(from) ? forward : backward;
    }

    public Optional<LineString> geometryOpt() { return Optional.ofNullable(geometry); }
}
