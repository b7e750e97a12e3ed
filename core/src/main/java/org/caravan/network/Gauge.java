package org.caravan.network;

/** Rail track gauges met in the region: Russian (1520), standard (1435), Indian broad gauge (1676 mm). */
public enum Gauge {
    G1520(1520), G1435(1435), G1676(1676);

    private final int mm;

    Gauge(int mm) { this.mm = mm; }

    public int mm() { return mm; }

    public String code() { return Integer.toString(mm); }

    public static Gauge ofMillimetres(int mm) {
        for (Gauge g : values()) if (g.mm == mm) return g;
        throw new IllegalArgumentException("unknown gauge " + mm + " mm, expected 1520, 1435 or 1676");
    }

    public static Gauge parse(String s) {
        if (s == null) throw new IllegalArgumentException("missing gauge");
        String t = s.trim().toLowerCase(java.util.Locale.ROOT).replace("mm", "").trim();
        try {
            return ofMillimetres(Integer.parseInt(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown gauge '" + s + "', expected 1520, 1435 or 1676");
        }
    }
}
