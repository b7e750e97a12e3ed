package org.caravan.io;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.zip.CRC32C;
import org.caravan.geo.CountryShapes;
import org.caravan.network.Cargo;
import org.caravan.network.Confidence;
import org.caravan.network.CrossingTimes;
import org.caravan.network.Gauge;
import org.caravan.network.Link;
import org.caravan.network.LinkStatus;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.NetworkBuilder;
import org.caravan.network.NetworkException;
import org.caravan.network.Node;
import org.caravan.network.NodeKind;
import org.locationtech.jts.geom.LineString;

/**
 * The compact binary form of a network (docs/NETWORK-FORMAT.md, "Binary form"): what {@link NetworkLoader}
 * reads at start instead of parsing the embedded CSVs, which stay the source of truth. It is written at build
 * time ({@link NetworkBinaryTool}) from the very CSVs it stands for and carries a key of their bytes; a file
 * whose magic, version, schema, key or checksum does not match, or that does not decode into a valid network,
 * is refused with a reason ({@link Invalid}) and never partly used.
 *
 * <p>Layout (all big-endian): a 36-byte header, then the payload: a string table, the nodes, the links and one
 * block of all line vertices as doubles. Strings are indexes into the table; enums are small codes whose names
 * enter the schema key, so reordering an enum makes old files stale rather than wrong. Lines are decoded lazily
 * ({@link LazyCoordinates}).
 */
public final class NetworkBinary {
    /** First 8 bytes of every file. */
    static final byte[] MAGIC = {'C', 'R', 'V', 'N', 'E', 'T', 'B', 0};
    /** Bumped whenever the layout changes. */
    public static final int VERSION = 1;
    static final int HEADER_BYTES = 8 + 4 + 4 + 8 + 4 + 4 + 4;
    /** Which file of the network the binary record came from, in problems (there are none for a valid file). */
    static final String FILE = "embedded:network.bin";

    private NetworkBinary() {}

    /** Why a binary network file is not used. */
    public static final class Invalid extends Exception {
        Invalid(String message) { super(message); }
    }

    /**
     * The key of the source files: CRC-32C over each file's length (8 bytes) and content, in load order. A binary
     * file is current only for the exact bytes it was written from.
     */
    public static long sourceKey(List<byte[]> sources) {
        CRC32C crc = new CRC32C();
        long total = 0;
        for (byte[] s : sources) {
            crc.update(ByteBuffer.allocate(8).putLong(s.length).flip());
            crc.update(s);
            total += s.length;
        }
        return (crc.getValue() << 32) | (total & 0xffffffffL);
    }

    /** A fingerprint of the codes the payload uses (enum names in order, format version). */
    static int schemaKey() {
        StringBuilder sb = new StringBuilder("v").append(VERSION);
        for (Class<? extends Enum<?>> e : List.of(NodeKind.class, Cargo.class, Mode.class, Gauge.class, LinkStatus.class,
                Confidence.class)) {
            sb.append('|').append(e.getSimpleName());
            for (Enum<?> c : e.getEnumConstants()) sb.append(',').append(c.name());
        }
        CRC32C crc = new CRC32C();
        crc.update(sb.toString().getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    // ---------------------------------------------------------------- writing

    /** The binary form of {@code network}, keyed to the sources it was read from ({@link #sourceKey}). */
    public static byte[] write(Network network, long sourceKey) {
        try {
            Strings strings = new Strings();
            ByteArrayOutputStream records = new ByteArrayOutputStream(1 << 20);
            DataOutputStream r = new DataOutputStream(records);
            List<double[]> lines = new ArrayList<>();
            int vertices = 0;
            r.writeInt(network.nodeCount());
            for (Node n : network.nodes()) {
                r.writeInt(strings.of(n.id()));
                r.writeInt(strings.of(n.name()));
                r.writeInt(n.altNames().size());
                for (String a : n.altNames()) r.writeInt(strings.of(a));
                r.writeInt(strings.of(n.country()));
                r.writeByte(n.kind().ordinal());
                r.writeDouble(n.lon());
                r.writeDouble(n.lat());
                r.writeByte(mask(n.handles()));
                r.writeByte((n.gaugeChange() ? 1 : 0) | (n.transship() ? 2 : 0));
                r.writeInt(strings.of(n.source()));
                r.writeByte(n.confidence() == null ? 255 : n.confidence().ordinal());
                r.writeInt(strings.of(n.note()));
            }
            r.writeInt(network.linkCount());
            for (Link l : network.links()) {
                r.writeInt(strings.of(l.id()));
                r.writeInt(strings.of(l.name()));
                r.writeInt(strings.of(l.from()));
                r.writeInt(strings.of(l.to()));
                r.writeByte(l.mode().ordinal());
                r.writeByte(mask(l.gauges()));
                r.writeDouble(l.km());
                optional(r, l.hours());
                r.writeDouble(l.waitHours());
                r.writeByte(l.status().ordinal());
                r.writeBoolean(l.oneway());
                r.writeByte(mask(l.carries()));
                times(r, l.forward());
                times(r, l.backward());
                optional(r, l.capacityTonnesPerDay());
                LineString g = l.geometry();
                if (g == null) {
                    r.writeInt(-1);
                } else {
                    int n = g.getNumPoints();
                    double[] xy = new double[2 * n];
                    for (int i = 0; i < n; i++) {
                        xy[2 * i] = g.getCoordinateN(i).x;
                        xy[2 * i + 1] = g.getCoordinateN(i).y;
                    }
                    lines.add(xy);
                    vertices += n;
                    r.writeInt(n);
                }
                r.writeInt(strings.of(l.source()));
                r.writeByte(l.confidence() == null ? 255 : l.confidence().ordinal());
                r.writeInt(strings.of(l.note()));
            }
            r.writeInt(vertices);
            for (double[] xy : lines) for (double d : xy) r.writeDouble(d);
            r.flush();

            ByteArrayOutputStream payload = new ByteArrayOutputStream(records.size() + (1 << 18));
            DataOutputStream p = new DataOutputStream(payload);
            p.writeInt(strings.list.size());
            for (String s : strings.list) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                p.writeInt(b.length);
                p.write(b);
            }
            records.writeTo(p);
            p.flush();
            byte[] body = payload.toByteArray();
            CRC32C crc = new CRC32C();
            crc.update(body);

            ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER_BYTES + body.length);
            DataOutputStream o = new DataOutputStream(out);
            o.write(MAGIC);
            o.writeInt(VERSION);
            o.writeInt(schemaKey());
            o.writeLong(sourceKey);
            o.writeInt(network.nodeCount());
            o.writeInt(body.length);
            o.writeInt((int) crc.getValue());
            o.write(body);
            o.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
    }

    private static final class Strings {
        final List<String> list = new ArrayList<>();
        final Map<String, Integer> index = new HashMap<>();

        int of(String s) {
            return index.computeIfAbsent(s, k -> {
                list.add(k);
                return list.size() - 1;
            });
        }
    }

    private static int mask(Set<? extends Enum<?>> set) {
        int m = 0;
        for (Enum<?> e : set) m |= 1 << e.ordinal();
        return m;
    }

    private static void optional(DataOutputStream r, OptionalDouble d) throws IOException {
        r.writeBoolean(d.isPresent());
        r.writeDouble(d.orElse(0));
    }

    private static void times(DataOutputStream r, CrossingTimes t) throws IOException {
        r.writeBoolean(t != null);
        r.writeDouble(t == null ? 0 : t.meanHours());
        r.writeDouble(t == null ? 0 : t.p90Hours());
        r.writeDouble(t == null ? 0 : t.feeUsd());
    }

    // ---------------------------------------------------------------- reading

    /**
     * The network in {@code file}, if it is a binary network of this version written from sources with
     * {@code expectedSourceKey}; the records pass {@link NetworkBuilder}'s checks again (without country shapes,
     * as {@link NetworkLoader#loadEmbedded()}). Never returns a partial network.
     *
     * @throws Invalid naming the first thing found wrong (magic, version, schema, stale key, length, checksum,
     *                 undecodable or invalid records)
     */
    public static Network read(byte[] file, long expectedSourceKey, String origin) throws Invalid {
        if (file == null) throw new Invalid("no binary network file");
        if (file.length < HEADER_BYTES) throw new Invalid("truncated (" + file.length + " bytes, header is " + HEADER_BYTES + ")");
        ByteBuffer h = ByteBuffer.wrap(file);
        for (byte m : MAGIC) if (h.get() != m) throw new Invalid("not a Caravan binary network (bad magic)");
        int version = h.getInt();
        if (version != VERSION) throw new Invalid("format version " + version + ", this Caravan reads version " + VERSION);
        if (h.getInt() != schemaKey()) throw new Invalid("written with other enum codes (schema key differs)");
        long key = h.getLong();
        if (key != expectedSourceKey) {
            throw new Invalid("stale: written from other CSV files (source key " + Long.toHexString(key)
                    + ", the CSVs now give " + Long.toHexString(expectedSourceKey) + ")");
        }
        int nodeCount = h.getInt();
        int length = h.getInt();
        int crc = h.getInt();
        if (length != file.length - HEADER_BYTES) {
            throw new Invalid("truncated or padded: header says " + length + " payload bytes, file has "
                    + (file.length - HEADER_BYTES));
        }
        CRC32C c = new CRC32C();
        c.update(file, HEADER_BYTES, length);
        if ((int) c.getValue() != crc) throw new Invalid("checksum mismatch: the file is corrupt");
        NetworkBuilder b;
        try {
            b = decode(ByteBuffer.wrap(file, HEADER_BYTES, length).slice());
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException
                 | NullPointerException | NegativeArraySizeException e) {
            throw new Invalid("undecodable payload: " + e);
        }
        try {
            Network n = b.build(origin);
            if (n.nodeCount() != nodeCount) throw new Invalid("header says " + nodeCount + " nodes, payload has " + n.nodeCount());
            return n;
        } catch (NetworkException e) {
            throw new Invalid("decoded records do not form a valid network: " + e.problems().get(0));
        }
    }

    private static NetworkBuilder decode(ByteBuffer p) {
        int ns = count(p);
        String[] strings = new String[ns];
        for (int i = 0; i < ns; i++) {
            int len = count(p);
            strings[i] = new String(p.array(), p.arrayOffset() + p.position(), len, StandardCharsets.UTF_8);
            p.position(p.position() + len);
        }
        NodeKind[] kinds = NodeKind.values();
        Mode[] modes = Mode.values();
        LinkStatus[] statuses = LinkStatus.values();
        Confidence[] confidences = Confidence.values();
        NetworkBuilder b = new NetworkBuilder().curationRules(false);
        int nodes = count(p);
        for (int i = 0; i < nodes; i++) {
            String id = strings[p.getInt()];
            String name = strings[p.getInt()];
            int na = count(p);
            List<String> alt = new ArrayList<>(na);
            for (int k = 0; k < na; k++) alt.add(strings[p.getInt()]);
            String country = strings[p.getInt()];
            NodeKind kind = kinds[p.get()];
            double lon = p.getDouble();
            double lat = p.getDouble();
            Set<Cargo> handles = set(Cargo.class, p.get());
            int flags = p.get();
            String source = strings[p.getInt()];
            Confidence conf = confidence(confidences, p.get());
            String note = strings[p.getInt()];
            b.addNode(new Node(id, name, alt, country, kind, lon, lat, handles, (flags & 1) != 0, (flags & 2) != 0,
                    source, conf, note), FILE, "node " + i);
        }
        int links = count(p);
        int[] lineSize = new int[links];
        String[][] text = new String[links][];
        Object[][] rest = new Object[links][];
        for (int i = 0; i < links; i++) {
            String id = strings[p.getInt()];
            String name = strings[p.getInt()];
            String from = strings[p.getInt()];
            String to = strings[p.getInt()];
            Mode mode = modes[p.get()];
            Set<Gauge> gauges = set(Gauge.class, p.get());
            double km = p.getDouble();
            OptionalDouble hours = optional(p);
            double wait = p.getDouble();
            LinkStatus status = statuses[p.get()];
            boolean oneway = p.get() != 0;
            Set<Mode> carries = set(Mode.class, p.get());
            CrossingTimes fwd = times(p);
            CrossingTimes bwd = times(p);
            OptionalDouble cap = optional(p);
            lineSize[i] = p.getInt();
            if (lineSize[i] < -1 || lineSize[i] == 0 || lineSize[i] == 1) throw new IllegalArgumentException("line size " + lineSize[i]);
            String source = strings[p.getInt()];
            Confidence conf = confidence(confidences, p.get());
            String note = strings[p.getInt()];
            text[i] = new String[] {id, name, from, to, source, note};
            rest[i] = new Object[] {mode, gauges, km, hours, wait, status, oneway, carries, fwd, bwd, cap, conf};
        }
        int vertices = count(p);
        if ((long) vertices * 16 != p.remaining()) {
            throw new IllegalArgumentException(vertices + " vertices but " + p.remaining() + " bytes left");
        }
        double[] xy = new double[2 * vertices];
        p.asDoubleBuffer().get(xy);
        int at = 0;
        for (int i = 0; i < links; i++) {
            LineString g = null;
            if (lineSize[i] > 0) {
                if (at + 2L * lineSize[i] > xy.length) throw new IllegalArgumentException("line past the vertex block");
                g = new LineString(new LazyCoordinates(xy, at, lineSize[i]), RecordParser.WGS84);
                at += 2 * lineSize[i];
            }
            String[] t = text[i];
            Object[] o = rest[i];
            @SuppressWarnings("unchecked")
            Link l = new Link(t[0], t[1], t[2], t[3], (Mode) o[0], (Set<Gauge>) o[1], (double) o[2], (OptionalDouble) o[3],
                    (double) o[4], (LinkStatus) o[5], (boolean) o[6], (Set<Mode>) o[7], (CrossingTimes) o[8],
                    (CrossingTimes) o[9], (OptionalDouble) o[10], g, t[4], (Confidence) o[11], t[5]);
            b.addLink(l, FILE, "link " + i);
        }
        if (at != xy.length) throw new IllegalArgumentException("unused vertices");
        return b;
    }

    private static int count(ByteBuffer p) {
        int n = p.getInt();
        if (n < 0 || n > p.remaining()) throw new IllegalArgumentException("bad count " + n);
        return n;
    }

    private static Confidence confidence(Confidence[] values, byte code) {
        return code == (byte) 255 ? null : values[code];
    }

    private static <E extends Enum<E>> Set<E> set(Class<E> type, byte mask) {
        E[] values = type.getEnumConstants();
        if ((mask & 0xff) >>> values.length != 0) throw new IllegalArgumentException("bad " + type.getSimpleName() + " mask");
        EnumSet<E> s = EnumSet.noneOf(type);
        for (E e : values) if ((mask & (1 << e.ordinal())) != 0) s.add(e);
        return s;
    }

    private static OptionalDouble optional(ByteBuffer p) {
        boolean present = p.get() != 0;
        double d = p.getDouble();
        return present ? OptionalDouble.of(d) : OptionalDouble.empty();
    }

    private static CrossingTimes times(ByteBuffer p) {
        boolean present = p.get() != 0;
        double mean = p.getDouble();
        double p90 = p.getDouble();
        double fee = p.getDouble();
        return present ? new CrossingTimes(mean, p90, fee) : null;
    }
}
