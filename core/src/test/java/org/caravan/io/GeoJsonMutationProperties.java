package org.caravan.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.caravan.network.Network;
import org.caravan.network.NetworkBuilder;
import org.caravan.network.NetworkException;
import org.caravan.testing.Mutation;
import org.caravan.testing.Refusals;

/**
 * Generative test of the GeoJSON network reader: the mini fixture's FeatureCollection damaged by
 * {@link Mutation}s. No unchecked exception; the whole network (one node or link per feature) or a refusal whose
 * every problem names the file, the feature (or the JSON line and column) and the property.
 */
class GeoJsonMutationProperties {
    static final String NAME = "network.geojson";
    static final byte[] MINI = NetworkFileMutationProperties.resource("/org/caravan/io/mini/network.geojson")
            .getBytes(StandardCharsets.UTF_8);

    @Provide
    Arbitrary<List<Mutation>> mutations() { return Mutation.some(); }

    @Property(tries = 10_000)
    void anyDamageLoadsEveryFeatureOrIsRefusedWithFileFeatureAndField(@ForAll("mutations") List<Mutation> mutations) {
        byte[] bytes = Mutation.applyAll(MINI, mutations);
        NetworkBuilder b = new NetworkBuilder().countryShapes(org.caravan.geo.CountryShapes.none());
        GeoJsonNetworkReader.read(new ByteArrayInputStream(bytes), NAME, b);
        Network net;
        try {
            net = b.build("mutated");
        } catch (NetworkException e) {
            Refusals.assertLocated(e.problems(), List.of(NAME), Refusals.GEOJSON);
            return;
        }
        int features = YamlOverlay.YAML.valueToTree(parse(bytes)).path("features").size();
        assertThat(net.nodeCount() + net.linkCount()).isEqualTo(features);
    }

    private static Object parse(byte[] bytes) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(bytes);
        } catch (java.io.IOException e) {
            throw new AssertionError("loaded, but is not JSON: " + e.getMessage(), e);
        }
    }
}
