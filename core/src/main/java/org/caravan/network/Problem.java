package org.caravan.network;

/**
 * One thing wrong with input data, located as precisely as the format allows.
 *
 * @param file     the file name (or "embedded:nodes.csv")
 * @param location "line 12" for CSV, "feature 3" for GeoJSON, "" when the problem is global
 * @param field    the offending column or property, "" when the whole record is at fault
 * @param message  what is wrong, in words a data curator understands
 */
public record Problem(String file, String location, String field, String message) {
    /**
     * The dotted path of {@code key} under {@code path}; a blank key (a damaged file can hold one) is quoted so
     * that the problem still names the field it is about.
     */
    public static String fieldPath(String path, String key) {
        String named = key.isBlank() ? "'" + key + "'" : key;
        return path.isEmpty() ? named : path + "." + named;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (!location.isEmpty()) sb.append(", ").append(location);
        if (!field.isEmpty()) sb.append(", field '").append(field).append('\'');
        return sb.append(": ").append(message).toString();
    }
}
