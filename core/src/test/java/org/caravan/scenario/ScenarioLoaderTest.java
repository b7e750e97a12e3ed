package org.caravan.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caravan.scenario.ScenarioTestSupport.BASE;
import static org.caravan.scenario.ScenarioTestSupport.file;
import static org.caravan.scenario.ScenarioTestSupport.parse;
import static org.caravan.scenario.ScenarioTestSupport.request;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caravan.demand.OdFile;
import org.caravan.demand.OdPair;
import org.caravan.network.Problem;
import org.caravan.place.RouteQuery;
import org.caravan.routing.PlanOptions;
import org.caravan.routing.RouteResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped examples load and matter; every bad file is refused with the file and the field named. */
class ScenarioLoaderTest {
    private static final PlanOptions FAST = new PlanOptions(null, false, 0.02, 200_000, 3_000, 100, 1L);
    private static final RouteQuery ANY = RouteQuery.builder().build();

    @Test
    void everyExampleLoadsWithSourcesAndChangesSomeRoute() throws Exception {
        for (String id : ScenarioLoader.EXAMPLES) {
            Scenario s = ScenarioLoader.example(id, BASE);
            assertThat(s.id()).isEqualTo(id);
            assertThat(s.title()).isNotBlank();
            assertThat(s.rationale()).isNotBlank();
            assertThat(s.sources()).isNotEmpty();
            assertThat(s.assumptions()).as(id + ": assumptions are stated").isNotEmpty();
        }
    }

    @Test
    void examplesChangeTheRoutesTheyAreAbout() throws Exception {
        // Each example against the OD pairs it is about; includes the embedded main OD list.
        assertChanges("northern-restricted", OdFile.embedded());
        assertChanges("torkham-closed", List.of(new OdPair("Kabul", "Peshawar", "container", 1, "")));
        // By cost Aktau-Baku goes by rail round the Caspian (the ferry is dear), by time by road
        // through Russia; by time without Russia it takes a ferry: Aktau's, once Kuryk's (every 46 h, and its berth
        // as quick as Aktau's since the ports' own processing time) is closed and Turkmenistan is avoided (by road
        // to Turkmenbashi and its ferry every 25 h is 79.6 h against Aktau's 80.8 h).
        ScenarioRun noRu = ScenarioOverlay.apply(BASE, ScenarioLoader.example("caspian-ferry-doubled", BASE));
        RouteQuery avoidRu = RouteQuery.builder().objective("time").avoid(List.of("RU", "TM")).close(List.of("KZKUR"))
                .build();
        ScenarioComparison.PairResult aktau = ScenarioComparison.compare(noRu,
                List.of(new OdPair("Aktau", "Baku", "container", 1, "")), avoidRu, FAST).pairs().get(0);
        // Aktau-Alat: a departure every 96 h becomes every 48 h, the mean wait 48 h -> 24 h
        assertThat(aktau.deltaHours()).as(aktau.toString()).isCloseTo(-24, org.assertj.core.api.Assertions.within(1e-6));
        assertChanges("uzbek-transit-discount", List.of(new OdPair("Tashkent", "Termez", "container", 1, ""),
                new OdPair("Shymkent", "Kabul", "bulk", 1, "")));
        assertChanges("herat-railway", List.of(new OdPair("Herat", "Bandar Abbas", "bulk", 1, "")));
    }

    private static void assertChanges(String id, List<OdPair> ods) throws Exception {
        ScenarioRun run = ScenarioOverlay.apply(BASE, ScenarioLoader.example(id, BASE));
        ScenarioComparison.Result r = ScenarioComparison.compare(run, ods, ANY, FAST);
        assertThat(r.pairs()).as(id).anyMatch(p -> !p.change().equals("same"));
    }

    @Test
    void transAfghanRailwayGivesTermezPeshawarByRailAvoidingIran() throws Exception {
        ScenarioRun run = ScenarioOverlay.apply(BASE, ScenarioLoader.example("trans-afghan-railway", BASE));
        var req = request("Termez", "Peshawar", "container", "rail").withAvoid(java.util.Set.of("IR"));
        assertThat(BASE.router().route(req).found()).isFalse();
        RouteResult r = run.router().route(run.restrict(req));
        assertThat(r.found()).isTrue();
        assertThat(r.route().crossingNames()).contains("Kharlachi (Trans-Afghan railway)");
        assertThat(r.route().countries()).containsExactly("UZ", "AF", "PK");
    }

    @Test
    void northernRestrictedNeverEntersRussia() throws Exception {
        ScenarioRun run = ScenarioOverlay.apply(BASE, ScenarioLoader.example("northern-restricted", BASE));
        ScenarioComparison.PairResult r = ScenarioComparison.compare(run,
                List.of(new OdPair("Astana", "Moscow", "container", 1, "")), ANY, FAST).pairs().get(0);
        assertThat(r.baseline().found()).isTrue();
        assertThat(r.scenario().found()).isFalse();
        assertThat(r.scenario().message()).contains("RU");
        assertThat(r.change()).isEqualTo("lost");
    }

    // ---- bad files ----------------------------------------------------------------------------------------

    private static Problem only(String yaml) {
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> parse(yaml));
        assertThat(e.problems()).isNotEmpty();
        assertThat(e.problems()).allMatch(p -> p.file().equals("test.yaml"));
        return e.problems().get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top field    | id: t\\ntitle: x\\nrationale: x\\nsources: []\\nchanges: {avoid: [AF]}\\ncolour: red | colour           | unknown field
            unknown change       | CH  closse: [Torkham]                                       | changes.closse               | unknown field
            unknown link to open | CH  open: [rail_nowhere]                                    | changes.open[0]              | unknown link id 'rail_nowhere'
            open operational     | CH  open: [x_pktor_afrkh_road]                               | changes.open[0]              | is not planned
            reopen not closed    | CH  reopen: [x_pktor_afrkh_road]                             | changes.reopen[0]            | is not closed
            unknown place        | CH  close: [Atlantis]                                        | changes.close[0]             | unknown place
            unknown crossing id  | CH  crossings: {x_nope: {fee_usd: 1}}                        | changes.crossings.x_nope     | unknown link id
            crossing wrong type  | CH  crossings: {x_pktor_afrkh_road: {fee_usd: cheap}}        | changes.crossings.x_pktor_afrkh_road.fee_usd | expected a number
            crossing bad field   | CH  crossings: {x_pktor_afrkh_road: {fees: 1}}               | changes.crossings.x_pktor_afrkh_road.fees | unknown field
            not a crossing       | CH  crossings: {ferry_kzaau_azala: {fee_usd: 1}}             | changes.crossings.ferry_kzaau_azala | not a border crossing
            p90 below mean       | CH  crossings: {x_pktor_afrkh_road: {hours_mean: 50}}        | changes.crossings.x_pktor_afrkh_road.hours_p90 | at least the mean
            link negative        | CH  links: {ferry_kzaau_azala: {wait_hours: -3}}             | changes.links.ferry_kzaau_azala.wait_hours | expected a number >= 0
            link wrong type      | CH  links: [ferry_kzaau_azala]                               | changes.links                | expected a mapping
            avoid bad code       | CH  avoid: [Narnia]                                          | changes.avoid[0]             | unknown country
            avoid unknown        | CH  avoid: [FR]                                              | changes.avoid[0]             | no place
            avoid not a list     | CH  avoid: RU                                                | changes.avoid                | expected a list
            penalty wrong type   | CH  penalties: {IR: lots}                                    | changes.penalties.IR         | expected a number
            add bad enum         | CH  add_links: [{id: r1, from: AFMZR, to: AFKBL, mode: camel, km: 3, status: operational, source: s, confidence: estimated}] | changes.add_links[0].mode | camel
            add bad status       | CH  add_links: [{id: r1, from: AFMZR, to: AFKBL, mode: road, km: 3, status: maybe, source: s, confidence: estimated}] | changes.add_links[0].status | maybe
            add unknown node     | CH  add_links: [{id: r1, from: AFMZR, to: NOWHERE, mode: road, km: 3, status: operational, source: s, confidence: estimated}] | changes.add_links[0].to | NOWHERE
            add wrong type       | CH  add_links: [{id: r1, from: AFMZR, to: AFKBL, mode: road, km: far, status: operational, source: s, confidence: estimated}] | changes.add_links[0].km | far
            add unknown field    | CH  add_links: [{id: r1, from: AFMZR, to: AFKBL, mode: road, km: 3, speed: 9, status: operational, source: s, confidence: estimated}] | changes.add_links[0].speed | unknown
            add duplicate id     | CH  add_links: [{id: x_pktor_afrkh_road, from: AFMZR, to: AFKBL, mode: road, km: 3, status: operational, source: s, confidence: estimated}] | changes.add_links[0].id | x_pktor_afrkh_road
            costs unknown field  | CH  costs: {profiles: {bulk: {modes: {rail: {per_km: 1}}}}}  | changes.costs.profiles.bulk.modes.rail.per_km | unknown field
            costs wrong type     | CH  costs: {profiles: {bulk: {modes: {rail: {per_km_usd: cheap}}}}} | changes.costs.profiles.bulk.modes.rail.per_km_usd | expected a number
            costs bad mode       | CH  costs: {profiles: {bulk: {modes: {camel: {per_km_usd: 1}}}}} | changes.costs.profiles.bulk.modes.camel | unknown mode
            missing changes      | id: t\\ntitle: x\\nrationale: x\\nsources: []               | changes                      | missing
            bad id               | id: Bad Id\\ntitle: x\\nrationale: x\\nchanges: {avoid: [AF]} | id                           | lower-case
            title wrong type     | id: t\\ntitle: [x]\\nrationale: x\\nchanges: {avoid: [AF]}   | title                        | expected text
            """)
    void badFilesNameTheField(String what, String yaml, String field, String message) {
        String text = yaml.startsWith("CH") ? file(yaml.substring(2) + "\n") : yaml.replace("\\n", "\n");
        Problem p = only(text);
        assertThat(p.field()).as(what + ": " + p).isEqualTo(field);
        assertThat(p.message()).as(what).contains(message);
        assertThat(p.toString()).contains("test.yaml", "field '" + field + "'");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class, () -> parse(
                file("  open: [nope1]\n  avoid: [ZZ]\n  colour: red\n")));
        assertThat(e.problems()).extracting(Problem::field)
                .containsExactlyInAnyOrder("changes.open[0]", "changes.avoid[0]", "changes.colour");
    }

    @Test
    void duplicateKeysAndSyntaxErrorsAreRefused() {
        assertThat(only(file("  avoid: [AF]\n  avoid: [IR]\n")).message()).contains("avoid");
        assertThat(only("id: [unclosed").message()).contains("not valid YAML or JSON");
    }

    @Test
    void jsonFilesWorkToo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.json");
        Files.writeString(f, """
                {"id": "j", "title": "json", "rationale": "r", "sources": ["s"],
                 "changes": {"close": ["Torkham"], "penalties": {"IR": 100}}}
                """);
        Scenario s = ScenarioLoader.load(f, BASE);
        assertThat(s.changes().closeLinks()).contains("x_pktor_afrkh_road");
        assertThat(s.changes().penalties()).containsEntry("IR", 100.0);
        assertThat(s.origin()).isEqualTo(f.toString());
        assertThatThrownBy(() -> ScenarioLoader.resolve(dir.resolve("missing.yaml").toString(), BASE))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("examples");
    }
}
