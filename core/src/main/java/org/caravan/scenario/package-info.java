/**
 * Scenarios: named changes to the base network and cost model (closures, openings, added links, crossing
 * times and fees, link times, cost overrides, avoided or penalised countries), read from YAML or JSON by
 * {@link org.caravan.scenario.ScenarioLoader} and applied by {@link org.caravan.scenario.ScenarioOverlay} as an
 * overlay: a new {@code Network} that shares every unchanged record with the base, which is never mutated, plus
 * request-level restrictions. Everything here is immutable, so many scenarios can run at once in one process.
 * {@link org.caravan.scenario.ScenarioComparison} routes OD pairs on the baseline and on a scenario and reports
 * the change. The file schema is docs/SCENARIOS.md.
 */
package org.caravan.scenario;
