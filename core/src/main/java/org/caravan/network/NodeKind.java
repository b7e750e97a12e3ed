package org.caravan.network;

/** What kind of place a node is. */
public enum NodeKind {
    CITY, RAIL_STATION, TERMINAL, BORDER_POST, SEAPORT, DRY_PORT, JUNCTION, SEA_WAYPOINT;

    public String code() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static NodeKind parse(String s) { return Codes.parse(NodeKind.class, s); }
}
