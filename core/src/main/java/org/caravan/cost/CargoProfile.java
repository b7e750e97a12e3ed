package org.caravan.cost;

import java.util.Map;
import org.caravan.network.Mode;

/**
 * Everything the router needs to price one kind of cargo. All money and CO2 are per cargo unit (a tonne for
 * bulk, a 40-ft box for containers).
 *
 * @param unit                  the unit prices refer to ("tonne", "40ft box")
 * @param tonnesPerUnit         cargo tonnes in one unit, for CO2 (tonne-km) and for converting --tonnes
 * @param valueOfTimeUsdPerHour what an hour in transit costs the owner of one unit (inventory, capital)
 * @param unitsPerVehicle       units one vehicle carries, per mode: crossing fees are per vehicle (CPMM TFI2)
 * @param transship             handling at a mode change, keyed "from-to" (e.g. "rail-road"), else "default"
 * @param gaugeChange           bogie exchange or transloading between rail gauges
 */
public record CargoProfile(
        String name,
        String unit,
        double tonnesPerUnit,
        double valueOfTimeUsdPerHour,
        Map<Mode, ModeRates> modes,
        Map<Mode, Double> unitsPerVehicle,
        Map<String, Handling> transship,
        Handling gaugeChange) {

    public CargoProfile {
        modes = Map.copyOf(modes);
        unitsPerVehicle = Map.copyOf(unitsPerVehicle);
        transship = Map.copyOf(transship);
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

    /** A per-vehicle fee shared over the units one vehicle of {@code mode} carries. */
    public double perUnit(double perVehicleUsd, Mode mode) {
        return perVehicleUsd / unitsPerVehicle.getOrDefault(mode, 1.0);
    }
}
