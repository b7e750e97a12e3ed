package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.caravan.demand.OdFile;
import org.caravan.trade.PublishedFacts;
import org.caravan.demand.OdPair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** caravan trade ..., as an analyst uses it: import, ask, export demand, route it. */
class TradeCommandTest {
    @TempDir
    Path dir;

    Path data;
    Path plus;
    Path classic;

    @BeforeEach
    void files() throws Exception {
        data = dir.resolve("store");
        plus = copy("plus-kaz-afg.csv");
        classic = copy("classic-kaz-afg.csv");
    }

    /** The core module's Comtrade fixtures (README.md there has the expected numbers); tests run in cli/. */
    private Path copy(String name) throws Exception {
        Path p = dir.resolve(name);
        Files.copy(Path.of("../trade/src/test/resources/org/caravan/trade", name), p,
                StandardCopyOption.REPLACE_EXISTING);
        return p;
    }

    private CliRunner.Run trade(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "trade";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--data-dir";
        all[args.length + 2] = data.toString();
        return CliRunner.run(all);
    }

    @Test
    void importReportsRowsAndProblemsThenReimportChangesNothing() {
        CliRunner.Run run = trade("import", plus.toString(), classic.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("read 41 rows: loaded 34", "skipped 7", "stored as import #1",
                "line 11, primaryValue: expected a number, got 'abc'", "line 26, (duplicate)",
                "read 19 rows: loaded 17", "(51 trade records)");
        CliRunner.Run again = trade("import", plus.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("already stored 34", "nothing changed", "(51 trade records)");
        CliRunner.Run list = trade("imports");
        assertThat(list.out()).contains("plus-kaz-afg.csv", "classic-kaz-afg.csv").doesNotContain("#3");
    }

    @Test
    void aFailedImportNamesTheFileAndLineAndExitsTwo() throws Exception {
        Path broken = copy("plus-broken-quote.csv");
        Path unknown = copy("unknown-format.csv");
        CliRunner.Run run = trade("import", broken.toString(), unknown.toString());
        assertThat(run.exit()).isEqualTo(CaravanCli.BAD_INPUT);
        assertThat(run.err()).contains("plus-broken-quote.csv: line 7", "nothing imported",
                "unknown-format.csv: line 1: not a UN Comtrade CSV header");
        CliRunner.Run none = trade("imports");
        assertThat(none.exit()).isEqualTo(CaravanCli.NO_ROUTE);
        assertThat(none.err()).contains("no imports yet");
    }

    @Test
    void seriesTopPartnersMirrorInTextJsonAndCsv() throws Exception {
        assertThat(trade("import", plus.toString(), classic.toString()).exit()).isZero();
        CliRunner.Run series = trade("series", "KAZ", "Afghanistan");
        assertThat(series.exit()).as(series.err()).isZero();
        assertThat(series.out()).contains("Kazakhstan (KAZ) with Afghanistan (AFG)", "2022", "600.0 M", "640.0 M",
                "+48.8%", "Published figures", "The Diplomat", "Interfax");

        JsonNode json = new ObjectMapper().readTree(trade("series", "KAZ", "AFG", "--format", "json").out());
        assertThat(json.path("points")).hasSize(5);
        assertThat(json.path("points").get(3).path("exports_usd").asDouble()).isEqualTo(600e6);

        List<String> csv = trade("series", "KAZ", "AFG", "--format", "csv").out().lines().toList();
        assertThat(csv.get(0)).isEqualTo("reporter,partner,year,months,covers,exports_usd,imports_usd,"
                + "turnover_usd,balance_usd,turnover_growth_pct,data,fact_id,source,synthetic");
        assertThat(csv.stream().filter(l -> l.contains(",store,"))).hasSize(5);
        assertThat(csv).contains("KAZ,AFG,2022,12,full year,600000000,40000000,640000000,560000000,"
                + "48.8372093023,store,,,false");
        assertThat(csv).anyMatch(l -> l.contains(",published,kz-af-2022-turnover-kazinform,"));
        // the store's 2022 next to the published figures for that year: the gap is shown
        assertThat(series.out()).contains("Published vs recorded in the store", "kz-af-2022-turnover-kazinform");

        CliRunner.Run top = trade("top", "KAZ", "--partner", "AFG", "--year", "2022");
        assertThat(top.out()).contains("Cereals", "360.0 M", "60.0%", "1,200,000", "bulk", "container");
        CliRunner.Run partners = trade("partners", "KAZ", "--year", "2022");
        assertThat(partners.out()).contains("RUS", "40.0%", "Herfindahl–Hirschman index 3,000",
                "highly concentrated");
        CliRunner.Run mirror = trade("mirror", "KAZ", "AFG", "--format", "csv");
        assertThat(mirror.out()).contains("2021,KAZ,AFG,400000000,full year,440000000,full year,40000000,10");

        Path out = dir.resolve("partners.csv");
        assertThat(trade("partners", "KAZ", "--year", "2022", "--format", "csv", "-o", out.toString()).exit())
                .isZero();
        assertThat(Files.readAllLines(out)).hasSize(5);
    }

    @Test
    void badArgumentsAreNamed() {
        assertThat(trade("import", plus.toString()).exit()).isZero();
        CliRunner.Run country = trade("series", "Narnia", "AFG");
        assertThat(country.exit()).isEqualTo(CaravanCli.BAD_INPUT);
        assertThat(country.err()).contains("A: unknown country 'Narnia'");
        CliRunner.Run flow = trade("top", "KAZ", "--flow", "Z");
        assertThat(flow.exit()).isEqualTo(CaravanCli.BAD_INPUT);
        assertThat(flow.err()).contains("--flow: flow must be X");
        CliRunner.Run level = trade("top", "KAZ", "--level", "section");
        assertThat(level.err()).contains("--level: expected chapter, heading or subheading");
        CliRunner.Run nothing = trade("top", "KAZ", "--partner", "AFG", "--year", "2022", "--level", "heading");
        assertThat(nothing.exit()).isEqualTo(CaravanCli.NO_ROUTE);
        assertThat(nothing.err()).contains("no products at 4 digits");
        CliRunner.Run pairWithout = trade("series", "KAZ", "Turkey");
        assertThat(pairWithout.exit()).as(pairWithout.err()).isZero();
        assertThat(pairWithout.out()).contains("no records in the store for this pair");
    }

    @Test
    void readOnlyQueriesCreateNoStoreAndAnEmptyStoreIsExitOneInEveryCommand() throws Exception {
        Path typo = dir.resolve("typo-dir");
        List<String[]> questions = List.of(new String[] {"imports"}, new String[] {"series", "KAZ", "USA"},
                new String[] {"top", "USA"}, new String[] {"partners", "KAZ"}, new String[] {"mirror", "KAZ", "AFG"},
                new String[] {"od", "KAZ"}, new String[] {"transit", "KAZ"});
        for (String[] q : questions) {
            String[] args = new String[q.length + 3];
            args[0] = "trade";
            System.arraycopy(q, 0, args, 1, q.length);
            args[q.length + 1] = "--data-dir";
            args[q.length + 2] = typo.toString();
            CliRunner.Run r = CliRunner.run(args);
            assertThat(r.exit()).as(String.join(" ", q) + ": " + r.err()).isEqualTo(CaravanCli.NO_ROUTE);
            assertThat(r.err()).contains("no trade data", typo.toString());
            assertThat(typo).as("trade " + q[0] + " created no store").doesNotExist();
        }
        // a store that exists but holds nothing (a failed import) answers the same way
        Path broken = copy("plus-broken-quote.csv");
        assertThat(trade("import", broken.toString()).exit()).isEqualTo(CaravanCli.BAD_INPUT);
        for (String[] q : questions) {
            String[] args = new String[q.length + 3];
            args[0] = "trade";
            System.arraycopy(q, 0, args, 1, q.length);
            args[q.length + 1] = "--data-dir";
            args[q.length + 2] = data.toString();
            CliRunner.Run r = CliRunner.run(args);
            assertThat(r.exit()).as(String.join(" ", q) + ": " + r.err()).isEqualTo(CaravanCli.NO_ROUTE);
            assertThat(r.err()).contains("no trade data");
        }
    }

    @Test
    void seriesAndTopAnswerFromThePublishedFiguresWithoutAStore() throws Exception {
        Path none = dir.resolve("no-store-here");
        CliRunner.Run series = CliRunner.run("trade", "series", "KAZ", "AFG", "--data-dir", none.toString());
        assertThat(series.exit()).as(series.err()).isZero();
        assertThat(series.out()).contains("published figures only",
                "Published figures (not store records), full years, all goods, USD:", "kz-af-2022-turnover-kazinform",
                "987.9 M");
        CliRunner.Run csv = CliRunner.run("trade", "series", "KAZ", "AFG", "--format", "csv", "--data-dir",
                none.toString());
        assertThat(csv.out().lines().skip(1)).isNotEmpty().allSatisfy(l -> assertThat(l).contains(",published,"));
        JsonNode json = new ObjectMapper().readTree(CliRunner.run("trade", "series", "KAZ", "AFG", "--format", "json",
                "--data-dir", none.toString()).out());
        assertThat(json.path("points")).isEmpty();
        assertThat(json.path("published").size()).isEqualTo(PublishedFacts.embedded().about("KAZ", "AFG").size());
        assertThat(json.path("basis").asText()).startsWith("no trade store");

        CliRunner.Run top = CliRunner.run("trade", "top", "KAZ", "--partner", "AFG", "--year", "2022", "--data-dir",
                none.toString());
        assertThat(top.exit()).as(top.err()).isZero();
        assertThat(top.out()).contains("Published product figures (not store records)", "kz-af-2022-exports-flour-apk",
                "1,362,000");
        assertThat(none).as("no store created").doesNotExist();
    }

    @Test
    void theDefaultStoreIsCaravanHomeElseTheShellsHome() {
        assertThat(DataDir.defaultDir(java.util.Map.of("CARAVAN_HOME", "/srv/caravan", "HOME", "/home/u"), "/x"))
                .isEqualTo(Path.of("/srv/caravan"));
        assertThat(DataDir.defaultDir(java.util.Map.of("HOME", "/home/u"), "/x")).isEqualTo(Path.of("/home/u/.caravan"));
        assertThat(DataDir.defaultDir(java.util.Map.of("CARAVAN_HOME", " "), "/x")).isEqualTo(Path.of("/x/.caravan"));
        assertThat(CliRunner.run("trade", "series", "--help").out()).contains("$CARAVAN_HOME", "$HOME/.caravan");
    }

    @Test
    void odFileFeedsScenarioRunsAndTransitShowsTheNeighbours() throws Exception {
        assertThat(trade("import", plus.toString()).exit()).isZero();
        Path od = dir.resolve("od.csv");
        CliRunner.Run run = trade("od", "KAZ", "--year", "2022", "-o", od.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("2 OD pairs, 1,840,000 t");
        List<OdPair> pairs = OdFile.read(od);
        assertThat(pairs).extracting(OdPair::from, OdPair::to, OdPair::cargo, OdPair::tonnes).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Astana", "Kabul", "bulk", 1_800_000.0),
                org.assertj.core.groups.Tuple.tuple("Almaty", "Kabul", "container", 40_000.0));

        CliRunner.Run scenario = CliRunner.run("scenario", "run", "trans-afghan-railway", "--od", od.toString(),
                "--format", "json");
        assertThat(scenario.exit()).as(scenario.err()).isZero();
        assertThat(new ObjectMapper().readTree(scenario.out()).path("totals").path("compared").asInt()).isEqualTo(2);

        CliRunner.Run transit = trade("transit", "KAZ", "--year", "2022");
        assertThat(transit.exit()).as(transit.err()).isZero();
        assertThat(transit.out()).contains("1,840,000 t routed", "UZ", "Uzbekistan", "100.0%", "Astana", "Almaty",
                "Kabul", "0 t with no route on the network", "t of partners without a hub (not routed)");
        JsonNode tj = new ObjectMapper().readTree(trade("transit", "KAZ", "--year", "2022", "--format", "json").out())
                .path("transit");
        assertThat(tj.path("routed_tonnes").asDouble()).isEqualTo(1_840_000.0);
        assertThat(tj.path("unrouted_tonnes").asDouble()).isZero();
        assertThat(tj.has("no_hub_tonnes")).isTrue();
        assertThat(trade("transit", "KAZ", "--year", "2022", "--format", "csv").out())
                .contains(",NO_ROUTE,", ",NO_HUB,", ",ROUTED,tonnes routed,1840000,");
    }

    @Test
    void publishedTonnagesGiveOdAndTransitOnAFreshInstall() throws Exception {
        Path od = dir.resolve("published-od.csv");
        CliRunner.Run run = trade("od", "KAZ", "--from-published", "--year", "2022", "-o", od.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("5 OD pairs, 3,525,090 t: published 12-month tonnages of exports");
        List<OdPair> pairs = OdFile.read(od);
        assertThat(pairs).extracting(OdPair::from, OdPair::to, OdPair::tonnes).startsWith(
                org.assertj.core.groups.Tuple.tuple("Astana", "Kabul", 2_048_700.0),
                org.assertj.core.groups.Tuple.tuple("Astana", "Tehran", 967_900.0));
        assertThat(pairs.get(0).source()).contains("kz-af-2022-exports-flour-apk");
        // no store is opened or created: the figures are in the jar
        assertThat(data.resolve("caravan.duckdb")).doesNotExist();

        CliRunner.Run scenario = CliRunner.run("scenario", "run", "trans-afghan-railway", "--od", od.toString(),
                "--format", "json");
        assertThat(scenario.exit()).as(scenario.err()).isZero();
        assertThat(new ObjectMapper().readTree(scenario.out()).path("totals").path("compared").asInt()).isEqualTo(5);

        CliRunner.Run transit = trade("transit", "KAZ", "--from-published", "--year", "2022");
        assertThat(transit.exit()).as(transit.err()).isZero();
        assertThat(transit.out()).contains("3,525,090 t routed", "demand from published figures", "Uzbekistan",
                "2,131,100", "60.5%");
        CliRunner.Run json = trade("od", "KAZ", "--from-published", "--year", "2022", "--format", "json");
        assertThat(new ObjectMapper().readTree(json.out()).path("from_published").asBoolean()).isTrue();

        // a year with only a complete July-June marketing year (docs/TRADE.md): the season counts for the year it starts in
        Path season = dir.resolve("published-od-2019.csv");
        CliRunner.Run y2019 = trade("od", "KAZ", "--from-published", "--year", "2019", "-o", season.toString());
        assertThat(y2019.exit()).as(y2019.err()).isZero();
        assertThat(y2019.err()).contains("7 OD pairs, 5,454,000 t: published 12-month tonnages of exports",
                "parts of a year never summed");
        assertThat(OdFile.read(season)).extracting(OdPair::from, OdPair::to, OdPair::tonnes).startsWith(
                org.assertj.core.groups.Tuple.tuple("Astana", "Tashkent", 2_200_000.0),
                org.assertj.core.groups.Tuple.tuple("Astana", "Kabul", 1_323_400.0));
        // the calendar year is preferred over the season that starts in it, and the two are never added
        CliRunner.Run y2020 = trade("od", "KAZ", "--from-published", "--year", "2020");
        assertThat(y2020.out()).contains("Astana,Kabul,bulk,2000000,", "left out: kz-af-2020-21my-exports-flour-apk");
        assertThat(y2020.err()).contains("1 OD pairs, 2,000,000 t");

        CliRunner.Run none = trade("od", "KAZ", "--from-published", "--year", "1999");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("no published 12-month tonnages of exports for Kazakhstan (KAZ) in 1999");
        assertThat(trade("od", "Atlantis", "--from-published").exit()).isEqualTo(2);
        assertThat(data.resolve("caravan.duckdb")).doesNotExist();
    }

    @Test
    void coverageRewritesTheTableOfADocumentAndRefusesOneWithoutMarkers() throws Exception {
        CliRunner.Run md = CliRunner.run("trade", "coverage");
        assertThat(md.exit()).as(md.err()).isZero();
        assertThat(md.out()).startsWith("<!-- coverage:begin").contains("| Country | Year | Turnover | Exports | Imports |",
                "| TJK | 2020 |", "missing");
        Path doc = dir.resolve("doc.md");
        Files.writeString(doc, "# Doc\n<!-- coverage:begin old -->\nstale\n<!-- coverage:end -->\nafter\n");
        CliRunner.Run write = CliRunner.run("trade", "coverage", "--write-doc", doc.toString());
        assertThat(write.exit()).as(write.err()).isZero();
        assertThat(Files.readString(doc)).isEqualTo("# Doc\n" + md.out() + "after\n");
        assertThat(CliRunner.run("trade", "coverage", "--format", "csv").out().lines().findFirst().orElseThrow())
                .isEqualTo("country,year,flow,full_year,part_year,tonnes,missing,sources");
        Path bad = dir.resolve("bad.md");
        Files.writeString(bad, "# Doc\n<!-- coverage:begin -->\nno end\n");
        CliRunner.Run refused = CliRunner.run("trade", "coverage", "--write-doc", bad.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("--write-doc: " + bad + ": line 2: '<!-- coverage:begin' without");
        assertThat(Files.readString(bad)).isEqualTo("# Doc\n<!-- coverage:begin -->\nno end\n");
    }

    @Test
    void factsAreShownWithTheirSources() {
        CliRunner.Run facts = trade("facts", "KAZ", "AFG");
        assertThat(facts.exit()).isZero();
        assertThat(facts.out()).contains("474.3 M", "987.9 M", "583.0 M", "545.2 M", "567.5 M", "The Diplomat",
                "Khaama Press", "Interfax", "reported by KAZ", "confidence published", "January–November",
                "https://interfax.com/newsroom/top-stories/106897/", "1,300,000 t wheat flour (HS 1101)");
        // the figures come from the jar: the store is not even opened (so this works while a server holds it)
        assertThat(data.resolve("caravan.duckdb")).doesNotExist();
        assertThat(trade("facts", "--format", "csv").out().lines().findFirst().orElseThrow())
                .startsWith("id,reporter,partner,measure,period");
    }

    @Test
    void answersFromTheSyntheticExampleSaySoInTextJsonAndCsv() throws Exception {
        Path sample = Path.of("../examples/trade/synthetic-comtrade-sample.csv");
        // the mark is the file's SHA-256: regenerating the sample (same seed, same bytes) keeps it
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(sample)));
        assertThat(org.caravan.trade.TradeStore.SYNTHETIC_SHA256).contains(sha);
        assertThat(trade("import", plus.toString()).exit()).isZero();
        CliRunner.Run real = trade("series", "KAZ", "AFG", "--format", "json");
        assertThat(new ObjectMapper().readTree(real.out()).path("synthetic").asBoolean(true)).isFalse();
        assertThat(trade("series", "KAZ", "AFG").out()).doesNotContain("SYNTHETIC");

        assertThat(trade("import", sample.toString()).exit()).isZero();
        CliRunner.Run text = trade("series", "KAZ", "AFG");
        assertThat(text.out()).startsWith("SYNTHETIC EXAMPLE DATA: the store holds");
        JsonNode json = new ObjectMapper().readTree(trade("top", "KAZ", "--format", "json").out());
        assertThat(json.path("synthetic").asBoolean()).isTrue();
        assertThat(json.path("synthetic_note").asText()).contains("invented numbers");
        List<String> csv = trade("partners", "KAZ", "--format", "csv").out().lines().toList();
        assertThat(csv.get(0)).endsWith(",synthetic");
        assertThat(csv.subList(1, csv.size())).allSatisfy(l -> assertThat(l).endsWith(",true"));
        JsonNode imports = new ObjectMapper().readTree(trade("imports", "--format", "json").out());
        // each import says whether it was the synthetic file: the real fixture is not flagged
        assertThat(imports.findValues("synthetic")).extracting(JsonNode::asBoolean).containsExactlyInAnyOrder(true, false);
        CliRunner.Run od = trade("od", "KAZ");
        assertThat(od.err()).contains("SYNTHETIC EXAMPLE DATA");
        assertThat(od.out()).startsWith("from,to,cargo,tonnes,source"); // the OD file stays readable
        // published figures come from the jar, not the store: no flag
        assertThat(trade("facts", "KAZ", "AFG").out()).doesNotContain("SYNTHETIC");
    }
}
