package org.caravan.io;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Field names of docs/NETWORK-FORMAT.md, shared by the CSV and GeoJSON readers so both accept the same data. */
final class Schema {
    private Schema() {}

    static final Set<String> NODE_FIELDS = ordered("id", "name", "alt_names", "country", "kind", "lon", "lat",
            "handles", "gauge_change", "transship", "source", "confidence", "note");
    static final Set<String> NODE_REQUIRED = ordered("id", "name", "country", "kind", "lon", "lat", "source",
            "confidence");

    static final Set<String> LINK_FIELDS = ordered("id", "name", "from", "to", "mode", "gauge", "km", "hours",
            "wait_hours", "status", "oneway", "carries", "hours_mean", "hours_p90", "fee_usd", "hours_mean_rev",
            "hours_p90_rev", "fee_usd_rev", "capacity_tpd", "geometry", "source", "confidence", "note");
    static final Set<String> LINK_REQUIRED = ordered("id", "from", "to", "mode", "km", "status", "source",
            "confidence");

    /** In GeoJSON the position and the line come from the feature's geometry, not from properties. */
    static final Set<String> GEOMETRY_FIELDS = ordered("lon", "lat", "geometry");

    private static Set<String> ordered(String... names) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(names)));
    }
}
