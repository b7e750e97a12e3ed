package org.caravan.network;

/**
 * A record with the place it was read from. {@code value} is null for a record that failed to parse: its id
 * is still kept so that references to it and duplicates of it are judged correctly, without noise.
 */
record Located<T>(String id, T value, String file, String location) {
    boolean parsed() { return value != null; }
}
