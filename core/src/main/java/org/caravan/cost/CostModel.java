package org.caravan.cost;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caravan.network.Mode;

/**
 * The cost model: cargo profiles, CO2 factors and the source of every default. Immutable; built by
 * {@link CostModelLoader} from the embedded defaults file merged with an optional user file.
 *
 * @param co2KgPerTonneKm flat CO2 factor per mode, for profiles whose modes give no {@code co2_*} factors
 * @param timetables crossings, sea/ferry services and time zones by network id
 * @param sources dotted path prefix (e.g. {@code profiles.bulk.modes.road.per_km_usd}) → where the number comes
 *                from; the longest matching prefix applies to a value
 */
public record CostModel(
        Map<String, CargoProfile> profiles,
        Map<Mode, Double> co2KgPerTonneKm,
        Map<String, Source> sources,
        DelayModel delays,
        TimeTables timetables) {

    /** Where a default comes from and how far to trust it. */
    public record Source(String source, String confidence) {}

    public CostModel {
        profiles = Map.copyOf(profiles);
        co2KgPerTonneKm = Map.copyOf(co2KgPerTonneKm);
        sources = Map.copyOf(sources);
        delays = delays == null ? DelayModel.DEFAULT : delays;
        timetables = timetables == null ? TimeTables.NONE : timetables;
    }

    public CostModel(Map<String, CargoProfile> profiles, Map<Mode, Double> co2KgPerTonneKm, Map<String, Source> sources) {
        this(profiles, co2KgPerTonneKm, sources, DelayModel.DEFAULT, TimeTables.NONE);
    }

    /** Joins a profile name and a rail service class in the key of the profile priced for that class. */
    public static final String SERVICE_SEPARATOR = "@";
    /** The express (timetabled block) container train class; the regular class is the profile itself. */
    public static final String EXPRESS = "express";

    /** The key of {@code cargo}'s profile priced for rail service {@code service} (the profile's own for regular). */
    public static String serviceKey(String cargo, String service) {
        return service == null || service.equals("regular") ? cargo : cargo + SERVICE_SEPARATOR + service;
    }

    /** The cargo profiles a request may name (the priced service classes are not among them). */
    public Set<String> profileNames() {
        return new java.util.TreeSet<>(profiles.keySet().stream().filter(k -> !k.contains(SERVICE_SEPARATOR)).toList());
    }

    /** A profile by name, or a service class of one by {@link #serviceKey}. */
    public Optional<CargoProfile> profile(String name) { return Optional.ofNullable(profiles.get(name)); }

    public double co2KgPerTonneKm(Mode mode) { return co2KgPerTonneKm.getOrDefault(mode, 0.0); }

    /** The source of the value at a dotted path: the entry for the longest prefix of the path. */
    public Optional<Source> sourceOf(String path) {
        String p = path;
        while (true) {
            Source s = sources.get(p);
            if (s != null) return Optional.of(s);
            int dot = p.lastIndexOf('.');
            if (dot < 0) return Optional.empty();
            p = p.substring(0, dot);
        }
    }
}
