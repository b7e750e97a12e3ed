package org.caravan.network;

/** How far an embedded fact can be trusted: taken from a named publication, or estimated by a documented rule. */
public enum Confidence {
    PUBLISHED, ESTIMATED;

    public String code() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static Confidence parse(String s) { return Codes.parse(Confidence.class, s); }
}
