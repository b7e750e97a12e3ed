package org.caravan.bench;

import java.util.List;
import org.caravan.io.NetworkLoader;
import org.caravan.network.Network;
import org.caravan.network.NetworkException;
import org.caravan.routing.RouteRequest;

/**
 * The fixed workload of every benchmark: realistic origin-destination pairs on the embedded network, asked with
 * the defaults (one 40-ft container box, no restrictions). Benchmarks take them round robin, one per invocation,
 * so a percentile is over the mix of corridors, not over one easy or hard pair.
 */
final class Corridors {
    /** {origin id, destination id}: trans-Afghan, north-south, Caspian and Middle-Corridor questions. */
    static final List<String[]> PAIRS = List.of(
            new String[] {"KZALA", "PKKHI"},   // Almaty -> Karachi
            new String[] {"KZZAB", "IRBND"},   // Kostanay -> Bandar Abbas
            new String[] {"UZTAS", "PKKHI"},   // Tashkent -> Karachi
            new String[] {"AFKBL", "IRSRP"},   // Kabul -> Shahid Rajaee
            new String[] {"PKPEW", "UZTER"},   // Peshawar -> Termez
            new String[] {"KZAAU", "GEPTI"},   // Aktau port -> Poti
            new String[] {"KZALA", "GEPTI"},   // Almaty -> Poti
            new String[] {"UZTAS", "IRBND"});  // Tashkent -> Bandar Abbas

    private Corridors() {}

    static Network network() {
        try {
            return new NetworkLoader().loadEmbedded();
        } catch (NetworkException e) {
            throw new IllegalStateException("the embedded network does not load: " + e.getMessage(), e);
        }
    }

    /** The requests for the pairs, with the default objective (cost). */
    static RouteRequest[] requests() {
        RouteRequest[] out = new RouteRequest[PAIRS.size()];
        for (int i = 0; i < out.length; i++) out[i] = RouteRequest.of(PAIRS.get(i)[0], PAIRS.get(i)[1]);
        return out;
    }
}
