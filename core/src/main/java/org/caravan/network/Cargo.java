package org.caravan.network;

/** Cargo a node can handle. */
public enum Cargo {
    CONTAINER, BULK;

    public String code() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static Cargo parse(String s) { return Codes.parse(Cargo.class, s); }
}
