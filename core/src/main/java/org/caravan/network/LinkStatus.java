package org.caravan.network;

/** Whether a link can carry freight today. Only {@link #OPERATIONAL} links are routed on by default. */
public enum LinkStatus {
    OPERATIONAL, UNDER_CONSTRUCTION, PLANNED, CLOSED;

    public String code() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static LinkStatus parse(String s) { return Codes.parse(LinkStatus.class, s); }
}
