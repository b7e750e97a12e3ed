import java.util.ArrayList;
import java.util.List;
import org.caravan.geo.CountryShapes;
import org.caravan.io.NetworkBinary;
import org.caravan.io.NetworkLoader;
import org.caravan.network.Network;

/**
 * In-JVM cost of loading the embedded network (docs/PERFORMANCE.md, "Start-up"): the CSV path (CSV + WKT parsing
 * and NetworkBuilder checks) against the binary form (docs/NETWORK-FORMAT.md, "Binary form"), in the same JVM.
 * Run by bench/netload.sh with the CLI's class path and JVM flags. Argument 1: rounds; argument 2: "csv" or
 * "binary" to time one path only (a cold round 0 of that path), else both alternate, the binary first.
 * Every load starts from the jar's resource bytes (reading them, and for the binary the CRC of the CSVs, counts).
 */
public class NetLoad {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String only = args.length > 1 ? args[1] : "both";
        System.out.println("round  path    load-ms  nodes  links");
        for (int r = 0; r < rounds; r++) {
            for (String path : List.of("binary", "csv")) {
                if (!only.equals("both") && !only.equals(path)) continue;
                long t0 = System.nanoTime();
                Network n = path.equals("csv") ? new NetworkLoader().loadEmbeddedCsv()
                        : new NetworkLoader().notices(s -> { throw new IllegalStateException(s); }).loadEmbedded();
                long t1 = System.nanoTime();
                System.out.printf("%5d  %-6s  %7.1f  %5d  %5d%n", r, path, (t1 - t0) / 1e6, n.nodeCount(), n.linkCount());
            }
        }
    }
}
