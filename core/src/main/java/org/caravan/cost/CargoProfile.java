package org.caravan.cost;

import java.util.Map;
import org.caravan.network.Cargo;
import org.caravan.network.Carrier;
import org.caravan.network.Gauge;
import org.caravan.network.Mode;

/**
 * Everything the router needs to price one kind of cargo. All money and CO2 are per cargo unit (a tonne for
 * bulk, a 40-ft box for containers).
 *
 * @param unit                  the unit prices refer to ("tonne", "40ft box")
 * @param cargoClass            how the cargo is handled (which places can load it), whatever the profile is
 *                              called: a copy of {@code bulk} under another name routes as bulk
 * @param tonnesPerUnit         cargo tonnes in one unit, for CO2 (tonne-km) and for converting --tonnes
 * @param valueOfTimeUsdPerHour what an hour in transit costs the owner of one unit (inventory, capital)
 * @param unitsPerVehicle       units one vehicle carries, per mode: crossing fees are per vehicle (CPMM TFI2)
 * @param transship             handling at a mode change, keyed "from-to" (e.g. "rail-road"), else "default"
 * @param gaugeChange           bogie exchange or transloading between rail gauges
 * @param nodes                 handling at named places (ports, terminals, gauge-change yards) by node id
 */
public record CargoProfile(
        String name,
        String unit,
        Cargo cargoClass,
        double tonnesPerUnit,
        double valueOfTimeUsdPerHour,
        Map<Mode, ModeRates> modes,
        Map<Mode, Double> unitsPerVehicle,
        Map<String, Handling> transship,
        Handling gaugeChange,
        Map<String, NodeHandling> nodes) {

    /**
     * Handling at one place that differs from the profile's: transshipment by mode pair or default, gauge change,
     * and the interchange dwell of a border station where trains are handed over between two railways without a
     * change of gauge (locomotive and crew change, wagon inspection, transfer of documents), charged on every rail
     * border crossing that starts or ends at the place; and the station's own train formation wait (a
     * distribution), which replaces the country's for rail legs starting there and is added after a gauge change
     * there (transloaded cargo leaves on a new train of the other gauge); null where none.
     */
    public record NodeHandling(Map<String, Handling> transship, Handling gaugeChange, Handling interchange,
            Wait formation, Gauge formationGauge) {
        public NodeHandling {
            transship = transship == null ? Map.of() : Map.copyOf(transship);
        }

        public NodeHandling(Map<String, Handling> transship, Handling gaugeChange) {
            this(transship, gaugeChange, null, null, null);
        }

        /** The station's formation wait for trains of {@code gauge} (its figure may be for one gauge only). */
        Wait formationFor(Gauge gauge) {
            return formation == null || (formationGauge != null && formationGauge != gauge) ? null : formation;
        }
    }

    public CargoProfile {
        modes = Map.copyOf(modes);
        unitsPerVehicle = Map.copyOf(unitsPerVehicle);
        transship = Map.copyOf(transship);
        nodes = nodes == null ? Map.of() : Map.copyOf(nodes);
        cargoClass = cargoClass == null ? (name.equals("bulk") ? Cargo.BULK : Cargo.CONTAINER) : cargoClass;
    }

    /** A profile without place-specific handling; the cargo class follows the name (bulk, else container). */
    public CargoProfile(String name, String unit, double tonnesPerUnit, double valueOfTimeUsdPerHour,
            Map<Mode, ModeRates> modes, Map<Mode, Double> unitsPerVehicle, Map<String, Handling> transship,
            Handling gaugeChange) {
        this(name, unit, null, tonnesPerUnit, valueOfTimeUsdPerHour, modes, unitsPerVehicle, transship, gaugeChange,
                Map.of());
    }

    public ModeRates rates(Mode mode) {
        ModeRates r = modes.get(mode);
        if (r == null) throw new IllegalStateException("profile " + name + " has no rates for " + mode.code());
        return r;
    }

    public Handling transship(Mode from, Mode to) {
        Handling h = transship.get(from.code() + "-" + to.code());
        return h != null ? h : transship.getOrDefault("default", Handling.NONE);
    }

    /** Handling of a mode change at the place {@code nodeId}: its own figure where given, else the profile's. */
    public Handling transshipAt(String nodeId, Mode from, Mode to) {
        NodeHandling n = nodes.get(nodeId);
        if (n != null) {
            Handling h = n.transship().get(from.code() + "-" + to.code());
            if (h == null) h = n.transship().get("default");
            if (h != null) return h;
        }
        return transship(from, to);
    }

    /** Gauge change at the place {@code nodeId}: its own figure where given, else the profile's. */
    public Handling gaugeChangeAt(String nodeId) {
        NodeHandling n = nodes.get(nodeId);
        return n != null && n.gaugeChange() != null ? n.gaugeChange() : gaugeChange;
    }

    /** The rail interchange dwell at the border station {@code nodeId}; {@link Handling#NONE} where none. */
    public Handling interchangeAt(String nodeId) {
        NodeHandling n = nodes.get(nodeId);
        return n != null && n.interchange() != null ? n.interchange() : Handling.NONE;
    }

    /**
     * The train formation wait of a leg in {@code carrier} starting at {@code nodeId} in {@code country}: the station's
     * own figure for rail where given, else the mode's for the country (p90 = mean x {@code p90ToMean} for a mean).
     */
    public Wait formationAt(String nodeId, Carrier carrier, String country, double p90ToMean) {
        NodeHandling n = nodes.get(nodeId);
        Wait own = n == null || carrier.mode() != Mode.RAIL ? null : n.formationFor(carrier.gauge());
        return own != null ? own : rates(carrier.mode()).timing().formationWait(country, p90ToMean);
    }

    /**
     * The formation wait of the onward train of {@code gauge} after a gauge change at {@code nodeId};
     * {@link Wait#NONE} if the station has none for that gauge.
     */
    public Wait formationAfterGaugeChange(String nodeId, Gauge gauge) {
        NodeHandling n = nodes.get(nodeId);
        Wait own = n == null ? null : n.formationFor(gauge);
        return own != null ? own : Wait.NONE;
    }

    /**
     * Everything a leg in {@code carrier} waits at its origin {@code nodeId} in {@code country} (means): terminal
     * dwell, wagon or platform supply and train formation; plus the leg's destination dwell, charged with it.
     */
    public double legDwellHours(Carrier carrier, String nodeId, String country) {
        return legDwellHours(carrier, nodeId, country, 0);
    }

    /**
     * As {@link #legDwellHours(Carrier, String, String)} for a leg that starts where the cargo already waited
     * {@code heldHours} (the port dwell of a sea-to-rail transfer): a departure-interval formation wait (rule F)
     * counts only beyond it ({@link Wait#after(double)}).
     */
    public double legDwellHours(Carrier carrier, String nodeId, String country, double heldHours) {
        ModeRates.Timing t = rates(carrier.mode()).timing();
        return t.originDwellHours(country) + t.supplyHours(country)
                + formationAt(nodeId, carrier, country, 1).after(heldHours).meanHours() + t.destinationDwellHours();
    }

    /**
     * The hours of a transfer's dwell that overlap the onward leg's departure wait: a sea-to-rail transshipment's
     * dwell (the box sits in the port while its train is awaited), else 0.
     */
    public static double heldHours(Mode from, Mode to, Handling transfer) {
        return from == Mode.SEA && to == Mode.RAIL ? transfer.hours() : 0;
    }

    /** A per-vehicle fee shared over the units one vehicle of {@code mode} carries. */
    public double perUnit(double perVehicleUsd, Mode mode) {
        return perVehicleUsd / unitsPerVehicle.getOrDefault(mode, 1.0);
    }
}
