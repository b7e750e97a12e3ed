package org.caravan.network;

/**
 * Mode of a link. {@link #CROSSING} is a border-crossing link between the two border posts; cargo keeps the
 * mode (and rail gauge) it arrived in while it crosses, so a crossing is never a mode a cargo "travels in".
 */
public enum Mode {
    RAIL, ROAD, SEA, FERRY, CROSSING;

    /** The modes cargo can travel in (all but {@link #CROSSING}). */
    public static final java.util.List<Mode> CARRIER_MODES = java.util.List.of(RAIL, ROAD, SEA, FERRY);

    public String code() { return name().toLowerCase(java.util.Locale.ROOT); }

    public boolean isCarrier() { return this != CROSSING; }

    public static Mode parse(String s) {
        if (s != null && s.trim().equalsIgnoreCase("border_crossing")) return CROSSING;
        return Codes.parse(Mode.class, s);
    }
}
