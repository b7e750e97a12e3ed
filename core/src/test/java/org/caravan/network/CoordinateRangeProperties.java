package org.caravan.network;

import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.caravan.geo.CountryShapes;

class CoordinateRangeProperties {
    private static List<Problem> problemsAt(double lon, double lat) {
        Node n = new Node("n", "n", List.of(), "KZ", NodeKind.CITY, lon, lat, Set.of(), false, false, "s",
                Confidence.ESTIMATED, "");
        return new NetworkBuilder().countryShapes(CountryShapes.none()).addNode(n, "f", "line 2").problems();
    }

    @Property
    boolean coordinatesInRangeAreAccepted(@ForAll @DoubleRange(min = -180, max = 180) double lon,
                                          @ForAll @DoubleRange(min = -90, max = 90) double lat) {
        return problemsAt(lon, lat).isEmpty();
    }

    @Property
    boolean latitudeBeyondThePolesIsOneProblem(@ForAll @DoubleRange(min = 90, max = 1e6, minIncluded = false) double beyond,
                                               @ForAll boolean south) {
        List<Problem> p = problemsAt(0, south ? -beyond : beyond);
        return p.size() == 1 && p.get(0).field().equals("lat");
    }
}
