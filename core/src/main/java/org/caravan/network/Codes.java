package org.caravan.network;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses the lower-case text codes used in data files into enum constants. */
final class Codes {
    private Codes() {}

    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (text == null) throw new IllegalArgumentException("missing value");
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(key)) return e;
        }
        throw new IllegalArgumentException("unknown value '" + text + "', expected one of "
                + Arrays.stream(type.getEnumConstants())
                        .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }
}
