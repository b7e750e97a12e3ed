package org.caravan.scenario;

import java.nio.charset.StandardCharsets;
import org.caravan.place.RouteQuery;
import org.caravan.routing.RouteRequest;

/** The embedded base, shared by the scenario tests (it is immutable), and small helpers. */
final class ScenarioTestSupport {
    static final ScenarioBase BASE = ScenarioBase.embedded();

    private ScenarioTestSupport() {}

    static Scenario parse(String yaml) throws ScenarioException {
        return ScenarioLoader.read(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml", BASE);
    }

    /** A scenario file with the required header and these changes (YAML, indented under "changes:"). */
    static String file(String changes) {
        return "id: t\ntitle: test\nrationale: test\nsources: [none]\nchanges:\n" + changes;
    }

    static RouteRequest request(String from, String to, String cargo, String... modes) {
        return RouteQuery.builder().from(from).to(to).cargo(cargo).modes(java.util.List.of(modes)).build().resolve(BASE.network(), BASE.costs(), BASE.places());
    }
}
