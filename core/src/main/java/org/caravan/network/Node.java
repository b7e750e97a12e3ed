package org.caravan.network;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A place of the network.
 *
 * @param id          UN/LOCODE where the place has one (e.g. {@code KZALA}), else a stable slug
 * @param name        display name
 * @param altNames    other spellings and former names, used by place search
 * @param country     ISO 3166-1 alpha-2
 * @param handles     cargo the place can load, unload or transship
 * @param gaugeChange true where rail wagons can change gauge (bogie exchange or transloading yard)
 * @param transship   true where cargo can change mode (rail/road/sea/ferry)
 * @param source      where the coordinates and attributes come from
 * @param note        free text: caveats, alternatives
 */
public record Node(
        String id,
        String name,
        List<String> altNames,
        String country,
        NodeKind kind,
        double lon,
        double lat,
        Set<Cargo> handles,
        boolean gaugeChange,
        boolean transship,
        String source,
        Confidence confidence,
        String note) {

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(kind, "kind");
        altNames = altNames == null ? List.of() : List.copyOf(altNames);
        handles = handles == null ? Set.of() : Set.copyOf(handles);
        source = source == null ? "" : source;
        note = note == null ? "" : note;
    }
}
