package org.caravan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
import org.caravan.cost.CostModelLoader;
import org.caravan.network.Link;
import org.caravan.network.Network;
import org.caravan.report.NetworkGeoJson;
import org.caravan.report.RouteGeoJson;
import org.caravan.report.RouteJson;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.Router;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.LineString;

/**
 * The binary network form (docs/NETWORK-FORMAT.md, "Binary form"): the same network as the CSVs, field for field
 * and route for route; stale, corrupt, truncated or foreign files are refused with a reason and the CSVs are read
 * instead, never a crash or a half-loaded network.
 */
class NetworkBinaryTest {
    static List<byte[]> csvs;
    static long key;
    static Network fromCsv;
    static byte[] binary;

    @BeforeAll
    static void load() throws Exception {
        csvs = new ArrayList<>();
        for (String r : NetworkLoader.EMBEDDED_CSVS) csvs.add(NetworkLoader.resourceBytes(r));
        key = NetworkBinary.sourceKey(csvs);
        fromCsv = new NetworkLoader().loadEmbeddedCsv();
        binary = NetworkBinary.write(fromCsv, key);
    }

    static void assertSameNetwork(Network a, Network b) {
        assertThat(b.nodes()).isEqualTo(a.nodes());
        assertThat(b.links()).isEqualTo(a.links());
        assertThat(b.origin()).isEqualTo(a.origin());
        for (int v = 0; v < a.nodeCount(); v++) {
            assertThat(b.adjacencyStart(v)).isEqualTo(a.adjacencyStart(v));
            assertThat(b.adjacencyEnd(v)).isEqualTo(a.adjacencyEnd(v));
        }
        for (int p = 0; p < a.adjacencyEnd(a.nodeCount() - 1); p++) assertThat(b.adjacentLink(p)).isEqualTo(a.adjacentLink(p));
        for (int i = 0; i < a.linkCount(); i++) {
            LineString ga = a.link(i).geometry();
            LineString gb = b.link(i).geometry();
            if (ga == null) {
                assertThat(gb).isNull();
                continue;
            }
            assertThat(gb.getSRID()).isEqualTo(ga.getSRID());
            assertThat(gb.getCoordinateSequence().getDimension()).isEqualTo(ga.getCoordinateSequence().getDimension());
            assertThat(gb.getCoordinates()).containsExactly(ga.getCoordinates());
        }
    }

    @Test
    void theBinaryFormIsTheCsvNetworkFieldForField() throws Exception {
        Network fromBinary = NetworkBinary.read(binary, key, "embedded");
        assertSameNetwork(fromCsv, fromBinary);
        assertThat(fromCsv.links().stream().filter(l -> l.geometry() != null).count()).isGreaterThan(100);
    }

    @Test
    void theBuildsBinaryResourceIsCurrentAndLoadEmbeddedUsesItSilently() throws Exception {
        byte[] shipped = NetworkLoader.resourceBytes(NetworkLoader.EMBEDDED_BINARY);
        assertThat(shipped).as("core's process-classes step writes " + NetworkLoader.EMBEDDED_BINARY).isNotNull();
        NetworkBinary.read(shipped, key, "embedded"); // current: no Invalid
        List<String> notices = new ArrayList<>();
        Network n = new NetworkLoader().notices(notices::add).loadEmbedded();
        assertThat(notices).isEmpty();
        assertSameNetwork(fromCsv, n);
        assertThat(n.links().stream().filter(l -> l.geometry() != null)
                .anyMatch(l -> l.geometry().getCoordinateSequence() instanceof LazyCoordinates)).isTrue();
    }

    @Test
    void geometryIsDecodedOnlyWhenRead() throws Exception {
        Network n = NetworkBinary.read(binary, key, "embedded");
        Link l = n.links().stream().filter(x -> x.geometry() != null && x.geometry().getNumPoints() > 3).findFirst().orElseThrow();
        LazyCoordinates seq = (LazyCoordinates) l.geometry().getCoordinateSequence();
        assertThat(seq.materialised()).isFalse();
        assertThat(l.geometry().getNumPoints()).isGreaterThan(3); // size is known without decoding
        assertThat(seq.materialised()).isFalse();
        assertThat(l.geometry().getCoordinateN(0)).isEqualTo(fromCsv.link(l.id()).orElseThrow().geometry().getCoordinateN(0));
        assertThat(seq.materialised()).isTrue();
    }

    @Test
    void aLazyLineSerialisesAsAPlainOne() throws Exception {
        Network n = NetworkBinary.read(binary, key, "embedded");
        Link l = n.links().stream().filter(x -> x.geometry() != null).findFirst().orElseThrow();
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(l.geometry());
        }
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            LineString back = (LineString) in.readObject();
            assertThat(back.getCoordinateSequence()).isNotInstanceOf(LazyCoordinates.class);
            assertThat(back.getCoordinates()).containsExactly(fromCsv.link(l.id()).orElseThrow().geometry().getCoordinates());
        }
    }

    @Test
    void routesAndGeoJsonFromBothFormsAreEqual() throws Exception {
        Network fromBinary = NetworkBinary.read(binary, key, "embedded");
        Router a = new Router(fromCsv, CostModelLoader.defaults());
        Router b = new Router(fromBinary, CostModelLoader.defaults());
        String[][] pairs = {{"KZALA", "PKKHI"}, {"UZTAS", "PKKHI"}, {"CNURC", "KZALA"}, {"KZALA", "IRBND"},
                {"AFKBL", "UZTAS"}, {"TMTKM", "AZBAK"}};
        int found = 0;
        for (String[] p : pairs) {
            if (fromCsv.nodeIndex(p[0]) < 0 || fromCsv.nodeIndex(p[1]) < 0) continue;
            RouteRequest q = RouteRequest.of(p[0], p[1]);
            var ra = a.route(q, 50, 7);
            var rb = b.route(q, 50, 7);
            assertThat(RouteJson.toJson(fromBinary, rb)).as(p[0] + "-" + p[1]).isEqualTo(RouteJson.toJson(fromCsv, ra));
            assertThat(RouteGeoJson.toGeoJson(fromBinary, rb)).isEqualTo(RouteGeoJson.toGeoJson(fromCsv, ra));
            if (ra.routeOpt().isPresent()) found++;
        }
        assertThat(found).isGreaterThanOrEqualTo(3);
        assertThat(NetworkGeoJson.toGeoJson(fromBinary, 0.01)).isEqualTo(NetworkGeoJson.toGeoJson(fromCsv, 0.01));
        assertThat(NetworkGeoJson.toGeoJson(fromBinary)).isEqualTo(NetworkGeoJson.toGeoJson(fromCsv));
    }

    /** Loads through the fallback path; returns the one notice given. */
    static String fallsBackToCsv(byte[] bad, List<byte[]> sources, Network expected) throws Exception {
        List<String> notices = new ArrayList<>();
        Network n = NetworkLoader.load(sources, bad, notices::add);
        assertSameNetwork(expected, n);
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0)).contains("is not used (").contains("reading the CSVs instead");
        return notices.get(0);
    }

    @Test
    void aStaleBinaryIsRefusedAndTheChangedCsvsAreRead() throws Exception {
        List<byte[]> changed = new ArrayList<>(csvs);
        String nodes = new String(csvs.get(0), StandardCharsets.UTF_8);
        int firstRow = nodes.indexOf('\n') + 1;
        String id = nodes.substring(firstRow, nodes.indexOf(',', firstRow));
        String first = fromCsv.node(id).orElseThrow().name();
        assertThat(first).isNotBlank();
        changed.set(0, nodes.replaceFirst(",\\Q" + first + "\\E,", ",Renamed Place,").getBytes(StandardCharsets.UTF_8));
        Network expected = NetworkLoader.load(changed, null, s -> { });
        assertThat(expected.node(id).orElseThrow().name()).isEqualTo("Renamed Place");
        assertThat(fallsBackToCsv(binary, changed, expected)).contains("stale");
    }

    @Test
    void corruptTruncatedOrForeignFilesAreRefusedWithAReason() throws Exception {
        assertThat(fallsBackToCsv(new byte[0], csvs, fromCsv)).contains("truncated");
        assertThat(fallsBackToCsv("nodes,links\n".getBytes(StandardCharsets.UTF_8), csvs, fromCsv)).contains("truncated");
        byte[] magic = binary.clone();
        magic[0] = 'X';
        assertThat(fallsBackToCsv(magic, csvs, fromCsv)).contains("bad magic");
        byte[] version = binary.clone();
        ByteBuffer.wrap(version).putInt(8, NetworkBinary.VERSION + 1);
        assertThat(fallsBackToCsv(version, csvs, fromCsv)).contains("format version " + (NetworkBinary.VERSION + 1));
        byte[] flipped = binary.clone();
        flipped[binary.length / 2] ^= 0x10;
        assertThat(fallsBackToCsv(flipped, csvs, fromCsv)).contains("checksum mismatch");
        assertThat(fallsBackToCsv(Arrays.copyOf(binary, binary.length - 1), csvs, fromCsv)).contains("truncated");
        assertThat(fallsBackToCsv(Arrays.copyOf(binary, binary.length + 8), csvs, fromCsv)).contains("padded");
    }

    @Test
    void everyHeaderByteAndManyPayloadBytesAreChecked() throws Exception {
        Random rnd = new Random(14);
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < NetworkBinary.HEADER_BYTES; i++) positions.add(i);
        for (int i = 0; i < 200; i++) positions.add(NetworkBinary.HEADER_BYTES + rnd.nextInt(binary.length - NetworkBinary.HEADER_BYTES));
        for (int pos : positions) {
            byte[] bad = binary.clone();
            bad[pos] ^= (byte) (1 + rnd.nextInt(255));
            assertThatThrownBy(() -> NetworkBinary.read(bad, key, "embedded")).as("byte " + pos)
                    .isInstanceOf(NetworkBinary.Invalid.class);
        }
        for (int len : new int[] {1, 7, 8, 20, NetworkBinary.HEADER_BYTES, NetworkBinary.HEADER_BYTES + 1, binary.length / 3}) {
            assertThatThrownBy(() -> NetworkBinary.read(Arrays.copyOf(binary, len), key, "embedded"))
                    .isInstanceOf(NetworkBinary.Invalid.class);
        }
    }

    /**
     * A payload changed behind a recomputed checksum (a writer bug, not disk corruption) decodes into a valid
     * network or is refused as {@link NetworkBinary.Invalid}: no other exception escapes, nothing half-built.
     */
    @Test
    void forgedPayloadsNeverEscapeAsOtherExceptions() {
        Random rnd = new Random(5);
        int refused = 0;
        for (int i = 0; i < 60; i++) {
            byte[] bad = binary.clone();
            int n = 1 + rnd.nextInt(4);
            for (int k = 0; k < n; k++) {
                bad[NetworkBinary.HEADER_BYTES + rnd.nextInt(bad.length - NetworkBinary.HEADER_BYTES)] = (byte) rnd.nextInt(256);
            }
            CRC32C crc = new CRC32C();
            crc.update(bad, NetworkBinary.HEADER_BYTES, bad.length - NetworkBinary.HEADER_BYTES);
            ByteBuffer.wrap(bad).putInt(NetworkBinary.HEADER_BYTES - 4, (int) crc.getValue());
            try {
                NetworkBinary.read(bad, key, "embedded");
            } catch (NetworkBinary.Invalid e) {
                refused++;
                assertThat(e.getMessage()).isNotBlank();
            }
        }
        assertThat(refused).isPositive();
    }

    @Test
    void theBuildToolWritesKeepsAndDeletes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("network.bin");
        assertThat(NetworkBinaryTool.write(csvs, out)).contains("written");
        assertSameNetwork(fromCsv, NetworkBinary.read(Files.readAllBytes(out), key, "embedded"));
        assertThat(NetworkBinaryTool.write(csvs, out)).contains("is current");
        Files.write(out, new byte[] {1, 2, 3});
        assertThat(NetworkBinaryTool.write(csvs, out)).contains("written");
        assertSameNetwork(fromCsv, NetworkBinary.read(Files.readAllBytes(out), key, "embedded"));
        List<byte[]> broken = new ArrayList<>(csvs);
        broken.set(2, "id,from,to,mode,km,status,source,confidence\nx,nowhere,KZALA,road,1,operational,s,published\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(NetworkBinaryTool.write(broken, out)).contains("not written");
        assertThat(out).doesNotExist();
    }
}
