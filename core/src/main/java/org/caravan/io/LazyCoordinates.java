package org.caravan.io;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.impl.CoordinateArraySequence;

/**
 * The vertices of one link's line in the binary network form (docs/NETWORK-FORMAT.md, "Binary form"), turned into
 * JTS coordinates only when something first reads them (a route's GeoJSON, the map layer). Until then the line is
 * a slice of one shared {@code double[]} of all links' vertices, so loading the network creates no coordinate
 * objects. Once read it is the same {@link CoordinateArraySequence} (dimension 3, z = NaN) that WKT parsing of the
 * CSV gives, so lines from both paths are equal vertex by vertex.
 *
 * <p>Thread-safe: materialising is idempotent over immutable input and published through a volatile field.
 * Writing ordinates ({@link #setOrdinate}) materialises first and then writes the private copy, as on any
 * sequence. Serialised, it is the plain sequence.
 */
final class LazyCoordinates implements CoordinateSequence, java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final double[] xy;
    private final int offset;
    private final int size;
    private volatile CoordinateSequence real;

    /** Vertices {@code xy[offset .. offset + 2 * size)} as lon, lat pairs. */
    LazyCoordinates(double[] xy, int offset, int size) {
        this.xy = xy;
        this.offset = offset;
        this.size = size;
    }

    private CoordinateSequence real() {
        CoordinateSequence r = real;
        if (r == null) {
            Coordinate[] c = new Coordinate[size];
            for (int i = 0; i < size; i++) c[i] = new Coordinate(xy[offset + 2 * i], xy[offset + 2 * i + 1]);
            r = new CoordinateArraySequence(c);
            real = r;
        }
        return r;
    }

    /** Java serialisation writes the plain sequence (as JTS geometries from WKT would be written). */
    private Object writeReplace() { return real(); }

    /** Whether the coordinates were made (for tests of laziness). */
    boolean materialised() { return real != null; }

    @Override public int getDimension() { return 3; }
    @Override public int getMeasures() { return 0; }
    @Override public int size() { return size; }
    @Override public Coordinate getCoordinate(int i) { return real().getCoordinate(i); }
    @Override public Coordinate getCoordinateCopy(int i) { return real().getCoordinateCopy(i); }
    @Override public void getCoordinate(int index, Coordinate coord) { real().getCoordinate(index, coord); }
    @Override public double getX(int index) { return real().getX(index); }
    @Override public double getY(int index) { return real().getY(index); }
    @Override public double getZ(int index) { return real().getZ(index); }
    @Override public double getM(int index) { return real().getM(index); }
    @Override public double getOrdinate(int index, int ordinateIndex) { return real().getOrdinate(index, ordinateIndex); }
    @Override public void setOrdinate(int index, int ordinateIndex, double value) {
        real().setOrdinate(index, ordinateIndex, value);
    }
    @Override public Coordinate[] toCoordinateArray() { return real().toCoordinateArray(); }
    @Override public Envelope expandEnvelope(Envelope env) { return real().expandEnvelope(env); }
    @Override public CoordinateSequence copy() { return real().copy(); }
    @SuppressWarnings("deprecation")
    @Override public Object clone() { return real().copy(); }
    @Override public String toString() { return real().toString(); }
}
