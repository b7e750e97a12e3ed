package org.caravan.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.caravan.network.Network;
import org.caravan.network.NetworkException;

/**
 * The build step that writes the embedded network's binary form (docs/NETWORK-FORMAT.md, "Binary form"): run by
 * Maven (core/pom.xml, phase {@code process-classes}) with the classes directory, it parses the embedded CSVs
 * there exactly as {@link NetworkLoader#loadEmbedded()} does and writes {@code org/caravan/data/network.bin} beside
 * them, keyed to their bytes, on every build (a byte-identical file is left alone). When the CSVs do not load, it deletes any old binary
 * and says so without failing the build: Caravan then reads the CSVs and reports their problems itself.
 *
 * <p>Never calls {@code System.exit} (it runs inside Maven's JVM).
 */
public final class NetworkBinaryTool {
    private NetworkBinaryTool() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: NetworkBinaryTool <classes directory>");
        Path classes = Path.of(args[0]);
        List<byte[]> csvs = new ArrayList<>();
        for (String r : NetworkLoader.EMBEDDED_CSVS) {
            Path f = classes.resolve(r.substring(1));
            csvs.add(Files.isRegularFile(f) ? Files.readAllBytes(f) : null);
        }
        Path out = classes.resolve(NetworkLoader.EMBEDDED_BINARY.substring(1));
        String status = write(csvs, out);
        System.out.println("[caravan] " + status);
    }

    /** Writes (or keeps, or deletes) {@code out} for these CSV contents; returns what it did. */
    static String write(List<byte[]> csvs, Path out) throws IOException {
        if (csvs.contains(null)) {
            Files.deleteIfExists(out);
            return "binary network not written: an embedded CSV is missing";
        }
        long key = NetworkBinary.sourceKey(csvs);
        Network n;
        try {
            n = NetworkLoader.load(csvs, null, s -> { });
        } catch (NetworkException e) {
            Files.deleteIfExists(out);
            return "binary network not written: the embedded CSVs have " + e.problems().size()
                    + " problem(s), first " + e.problems().get(0) + " (Caravan will read the CSVs and report them)";
        }
        byte[] bytes = NetworkBinary.write(n, key);
        // Always written from this build's reader, so a change in how the CSVs are read cannot leave an old file
        // that the source key (CSV bytes only) would still call current; identical bytes are left untouched.
        if (Files.isRegularFile(out) && java.util.Arrays.equals(Files.readAllBytes(out), bytes)) {
            return "binary network " + out.getFileName() + " is current";
        }
        Files.createDirectories(out.getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return "binary network written: " + out + " (" + bytes.length + " bytes, " + n.nodeCount() + " nodes, "
                + n.linkCount() + " links)";
    }
}
