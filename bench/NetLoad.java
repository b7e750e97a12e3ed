import java.io.InputStream;
import org.caravan.geo.CountryShapes;
import org.caravan.io.CsvNetworkReader;
import org.caravan.io.NetworkLoader;
import org.caravan.network.NetworkBuilder;

/**
 * In-JVM cost of loading the embedded network (docs/PERFORMANCE.md, "Start-up"): the baseline a binary form of
 * the network has to beat. Run by bench/netload.sh with the CLI's class path and JVM flags. Per round it splits
 * one load into reading the four CSVs into a NetworkBuilder (CSV + WKT parsing) and NetworkBuilder.build (checks,
 * indexes); round 0 is the cold load a CLI command pays (class loading and interpreted code included).
 */
public class NetLoad {
    static final String[] NODES = {NetworkLoader.EMBEDDED_NODES, NetworkLoader.EMBEDDED_OSM_NODES};
    static final String[] LINKS = {NetworkLoader.EMBEDDED_LINKS, NetworkLoader.EMBEDDED_OSM_LINKS};

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.println("round  read-csv-ms  build-ms  total-ms  nodes  links");
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            NetworkBuilder b = new NetworkBuilder().countryShapes(CountryShapes.none());
            for (String res : NODES) try (InputStream in = NetLoad.class.getResourceAsStream(res)) {
                CsvNetworkReader.readNodes(in, res, b);
            }
            for (String res : LINKS) try (InputStream in = NetLoad.class.getResourceAsStream(res)) {
                CsvNetworkReader.readLinks(in, res, b);
            }
            long t1 = System.nanoTime();
            var n = b.build("embedded");
            long t2 = System.nanoTime();
            System.out.printf("%5d  %11.0f  %8.0f  %8.0f  %5d  %5d%n", r, (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                    (t2 - t0) / 1e6, n.nodes().size(), n.links().size());
        }
    }
}
