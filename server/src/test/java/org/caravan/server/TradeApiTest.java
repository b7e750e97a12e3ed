package org.caravan.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.caravan.demand.OdFile;
import org.caravan.demand.OdPair;
import org.caravan.scenario.ScenarioBase;
import org.caravan.trade.ComtradeImporter;
import org.caravan.trade.ImportReport;
import org.caravan.trade.PublishedFacts;
import org.caravan.trade.TradeAnalytics;
import org.caravan.trade.TradeDemand;
import org.caravan.trade.TradeStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trade endpoints against a real server whose trade store (a DuckDB file in a temporary directory, shared with
 * the scenario store as in {@code caravan serve}) holds {@code trade/kaz-afg-sample.csv}: a small Comtrade file
 * whose figures are round so every answer below is computed by hand. Kazakhstan reports (USD M): exports to
 * Afghanistan 400 (2021), 1,000 (2022, with chapters 11 = 600, 10 = 300, 27 = 50 and their headings, and a
 * by-road breakdown of 400 that must not count again), 40 + 50 + 60 (January–March 2023, monthly); imports 50,
 * 30 (chapters 08 = 20, 07 = 10), 2 + 3 + 5; 2022 exports to Uzbekistan 3,000, China 6,000, the EU group 500 and the
 * World 10,500. Afghanistan reports imports from Kazakhstan of 380 (2021) and 1,100 (2022) and exports of 25
 * (2022); its last row has a malformed value (line 29). In tonnes (net weight), Kazakhstan's 2022 exports to
 * Afghanistan are 1,500,000 (chapter 11) + 1,000,000 (10) + 100,000 (27), all bulk, and its imports from there
 * 15,000 (08) + 25,000 (07), container cargo; no other partner has product records.
 */
class TradeApiTest {
    static final String SAMPLE = "/org/caravan/server/trade/kaz-afg-sample.csv";
    static final double M = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    @TempDir
    static Path uploadDir;
    @TempDir
    static Path files;

    private static ScenarioBase scenarioBase;
    private static ScenarioStore scenarios;
    private static TradeStore trade;
    private static CaravanServer server;
    private static ScenarioStore uploadScenarios;
    private static TradeStore uploadTrade;
    private static CaravanServer uploadServer;
    private static HttpClient client;

    record Reply(int status, String type, String body, String disposition) {
        JsonNode json() throws IOException { return JSON.readTree(body); }

        List<String> lines() { return body.lines().toList(); }
    }

    @BeforeAll
    static void start() throws Exception {
        scenarioBase = ScenarioBase.embedded();
        scenarios = DuckDbScenarioStore.open(dataDir, scenarioBase);
        trade = TradeStore.open(dataDir);
        ImportReport seeded = new ComtradeImporter(trade).importFile(sampleFile(), ComtradeImporter.Options.DEFAULT,
                ComtradeImporter.Progress.NONE);
        assertThat(seeded.rowsLoaded()).isEqualTo(27);
        server = new CaravanServer(scenarioBase, scenarios, trade).start("127.0.0.1", 0);
        // A second server with an empty trade store, for uploads.
        uploadScenarios = DuckDbScenarioStore.open(uploadDir, scenarioBase);
        uploadTrade = TradeStore.open(uploadDir);
        uploadServer = new CaravanServer(scenarioBase, uploadScenarios, uploadTrade).start("127.0.0.1", 0);
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        for (CaravanServer s : new CaravanServer[] {server, uploadServer}) if (s != null) s.close();
        for (ScenarioStore s : new ScenarioStore[] {scenarios, uploadScenarios}) if (s != null) s.close();
        for (TradeStore s : new TradeStore[] {trade, uploadTrade}) if (s != null) s.close();
    }

    static byte[] sampleBytes() throws IOException {
        try (InputStream in = TradeApiTest.class.getResourceAsStream(SAMPLE)) {
            return in.readAllBytes();
        }
    }

    static Path sampleFile() throws IOException {
        Path f = files.resolve("kaz-afg-sample.csv");
        if (!Files.exists(f)) Files.write(f, sampleBytes());
        return f;
    }

    private static Reply get(String path) throws Exception { return get(server, path); }

    private static Reply get(CaravanServer s, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).GET());
    }

    private static Reply post(String path, String contentType, byte[] body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + uploadServer.port() + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                r.headers().firstValue("Content-Disposition").orElse(""));
    }

    private static JsonNode ok(String path) throws Exception {
        Reply r = get(path);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        assertThat(r.type()).contains("application/json");
        return r.json();
    }

    private static List<String> csv(String path) throws Exception {
        Reply r = get(path);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        assertThat(r.type()).contains("text/csv");
        return r.lines();
    }

    private static void assertError(Reply r, int status, String field) throws Exception {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.type()).contains("application/json");
        assertThat(r.json().path("error").asText()).isNotBlank();
        if (field == null) assertThat(r.json().path("field").isNull()).isTrue();
        else assertThat(r.json().path("field").asText()).isEqualTo(field);
        assertThat(r.body()).doesNotContain("Exception", "\tat ");
    }

    private static void assertBad(String path, String field) throws Exception {
        assertError(get(path), 400, field);
    }

    private static void assertMillions(JsonNode n, double millions) {
        assertThat(n.isNumber()).as("a number: " + n).isTrue();
        assertThat(n.asDouble()).isCloseTo(millions * M, within(0.5));
    }

    // ------------------------------------------------------------------ series, published figures

    @Test
    void seriesGivesEachYearAsTheReporterReportsItWithThePublishedFigures() throws Exception {
        JsonNode s = ok("/api/trade/series?a=KAZ&b=AFG");
        assertThat(s.path("reporter").path("iso3").asText()).isEqualTo("KAZ");
        assertThat(s.path("partner").path("name").asText()).isEqualTo("Afghanistan");
        JsonNode p = s.path("points");
        assertThat(p).hasSize(3);
        assertThat(p.get(0).path("year").asInt()).isEqualTo(2021);
        assertMillions(p.get(0).path("exports_usd"), 400);
        assertMillions(p.get(0).path("imports_usd"), 50);
        assertMillions(p.get(0).path("turnover_usd"), 450);
        assertMillions(p.get(0).path("balance_usd"), 350);
        assertThat(p.get(0).path("turnover_growth_pct").isNull()).isTrue();
        // 2022: the TOTAL record, not TOTAL + chapters + headings + the by-road breakdown.
        assertMillions(p.get(1).path("exports_usd"), 1000);
        assertMillions(p.get(1).path("imports_usd"), 30);
        assertMillions(p.get(1).path("turnover_usd"), 1030);
        assertThat(p.get(1).path("turnover_growth_pct").asDouble()).isCloseTo(100.0 * (1030 - 450) / 450, within(1e-9));
        assertThat(p.get(1).path("covers").asText()).isEqualTo("full year");
        // 2023: three monthly records each way.
        assertThat(p.get(2).path("months").asInt()).isEqualTo(3);
        assertThat(p.get(2).path("covers").asText()).isEqualTo("January–March");
        assertMillions(p.get(2).path("exports_usd"), 150);
        assertMillions(p.get(2).path("imports_usd"), 10);
        assertThat(p.get(2).path("turnover_growth_pct").isNull()).isTrue();
        assertThat(s.path("basis").asText()).contains("as reported by Kazakhstan (KAZ)");
        // Numbers are written plain, as people read them.
        Reply raw = get("/api/trade/series?a=KAZ&b=AFG");
        assertThat(raw.body()).contains("\"exports_usd\":1000000000,", "\"turnover_usd\":1030000000,")
                .doesNotContain("E9");

        JsonNode published = s.path("published");
        assertThat(published).hasSize(PublishedFacts.embedded().about("KAZ", "AFG").size()).hasSizeGreaterThan(5);
        published.forEach(f -> assertThat(f.path("source").asText()).isNotBlank());
        assertThat(published.toString()).contains("\"source_date\"", "\"confidence\"", "Interfax");

        // Names and numeric codes resolve like ISO3 codes; the reverse direction is Afghanistan's reporting.
        assertThat(ok("/api/trade/series?a=kazakhstan&b=4").path("points")).hasSize(3);
        JsonNode af = ok("/api/trade/series?a=AFG&b=KAZ").path("points");
        assertThat(af).hasSize(2);
        assertThat(af.get(0).path("exports_usd").isNull()).isTrue();
        assertMillions(af.get(1).path("exports_usd"), 25);
        assertMillions(af.get(1).path("imports_usd"), 1100);
        // A pair with no records: no points, still an answer.
        assertThat(ok("/api/trade/series?a=KAZ&b=PAK").path("points")).isEmpty();
    }

    @Test
    void seriesAsCsv() throws Exception {
        List<String> lines = csv("/api/trade/series?a=KAZ&b=AFG&format=csv");
        assertThat(lines.subList(0, 4)).containsExactly(
                "reporter,partner,year,months,covers,exports_usd,imports_usd,turnover_usd,balance_usd,turnover_growth_pct,"
                        + "data,fact_id,source,synthetic",
                "KAZ,AFG,2021,12,full year,400000000,50000000,450000000,350000000,,store,,,false",
                "KAZ,AFG,2022,12,full year,1000000000,30000000,1030000000,970000000,128.888888889,store,,,false",
                "KAZ,AFG,2023,3,January–March,150000000,10000000,160000000,140000000,,store,,,false");
        // then the published all-goods values, each labelled with its figure's id and source
        assertThat(lines.subList(4, lines.size())).isNotEmpty().allMatch(l -> l.contains(",published,"))
                .anyMatch(l -> l.startsWith("KAZ,AFG,2023,12,full year,,,567500000,,,published,kz-af-2023-turnover-interfax,"));
        // no records for the pair: only the published figures of either side (Kazakh and Pakistani statistics), labelled
        List<String> pak = csv("/api/trade/series?a=KAZ&b=PAK&format=csv");
        assertThat(pak.subList(1, pak.size())).isNotEmpty()
                .allMatch(l -> l.contains(",published,kz-pk-") || l.contains(",published,pk-kz-"))
                .anyMatch(l -> l.contains(",published,kz-pk-")).anyMatch(l -> l.contains(",published,pk-kz-"));
    }

    @Test
    void odAndTransitFromThePublishedTonnages() throws Exception {
        JsonNode od = ok("/api/trade/od?reporter=KAZ&year=2022&from_published=true");
        assertThat(od.path("from_published").asBoolean()).isTrue();
        assertThat(od.path("tonnes").asDouble()).isEqualTo(3_525_090.0);
        assertThat(od.path("pairs")).hasSize(5);
        assertThat(od.path("pairs").get(0).path("from").asText()).isEqualTo("Astana");
        assertThat(od.path("pairs").get(0).path("to").asText()).isEqualTo("Kabul");
        assertThat(od.path("pairs").get(0).path("tonnes").asDouble()).isEqualTo(2_048_700.0);
        assertThat(od.path("fact_ids").toString()).contains("kz-af-2022-exports-flour-apk");
        List<String> file = csv("/api/trade/od?reporter=KAZ&year=2022&from_published=true&format=csv");
        assertThat(file.get(0)).isEqualTo("from,to,cargo,tonnes,source");
        assertThat(file.get(1)).startsWith("Astana,Kabul,bulk,2048700,");
        JsonNode transit = ok("/api/trade/transit?reporter=KAZ&year=2022&from_published=true");
        assertThat(transit.path("demand").path("from_published").asBoolean()).isTrue();
        assertThat(transit.path("transit").path("transit").get(0).path("country").asText()).isEqualTo("UZ");
        assertThat(transit.path("transit").path("transit").get(0).path("tonnes").asDouble()).isEqualTo(2_131_100.0);
        assertError(get("/api/trade/od?reporter=KAZ&year=1999&from_published=true"), 404, "year");
        assertError(get("/api/trade/od?reporter=KGZ&flow=M&from_published=true"), 404, "reporter");
    }

    @Test
    void publishedFiguresKeepDisagreeingSourcesApart() throws Exception {
        JsonNode all = ok("/api/trade/facts");
        assertThat(all.path("facts")).hasSize(PublishedFacts.embedded().all().size());
        JsonNode pair = ok("/api/trade/facts?a=KAZ&b=AFG");
        assertThat(pair.path("a").path("iso3").asText()).isEqualTo("KAZ");
        JsonNode facts = pair.path("facts");
        assertThat(facts).hasSize(PublishedFacts.embedded().about("KAZ", "AFG").size());
        // the answer names its countries, so a page without a store need not show bare codes
        assertThat(pair.path("countries").findValuesAsText("name")).contains("Kazakhstan", "Afghanistan");
        assertThat(pair.path("countries").findValuesAsText("iso3")).containsExactlyInAnyOrder("AFG", "KAZ");
        // The two full-year 2023 turnovers disagree ($545.2 M, $567.5 M): both listed, each with its source.
        List<String> turnover2023 = new ArrayList<>();
        for (JsonNode f : facts) {
            assertThat(f.path("source").asText()).isNotBlank();
            assertThat(f.has("covers") && f.has("confidence") && f.has("note") && f.has("source_date")
                    && f.has("reported_by") && f.has("hs") && f.has("url")).isTrue();
            if (f.path("period").asText().equals("2023") && f.path("measure").asText().equals("turnover")) {
                turnover2023.add(f.path("source").asText() + "=" + f.path("value_usd").asLong());
            }
        }
        assertThat(turnover2023).hasSize(2).anyMatch(t -> t.startsWith("Khaama Press") && t.endsWith("=545200000"))
                .anyMatch(t -> t.startsWith("Interfax") && t.endsWith("=567500000"));
        // Only a: every figure involving it, including Pakistan and Uzbekistan.
        assertThat(ok("/api/trade/facts?a=KAZ").path("facts").toString()).contains("PAK", "UZB");
        assertThat(ok("/api/trade/facts?b=PAK").path("facts")).hasSize(PublishedFacts.embedded().about("PAK", null).size());

        List<String> lines = csv("/api/trade/facts?a=KAZ&b=AFG&format=csv");
        assertThat(lines.get(0)).isEqualTo("id,reporter,partner,measure,period,covers,value_usd,quantity,unit,product,"
                + "hs,reported_by,source,source_date,url,confidence,note");
        assertThat(lines).anyMatch(l -> l.startsWith("kz-af-2023-turnover-interfax,KAZ,AFG,turnover,2023,full year,"
                + "567500000,,,,,KAZ,\"Interfax, "));
        // A source with quotes and commas stays one CSV field.
        assertThat(lines).anyMatch(l -> l.contains("\"A. Mukhammedova, \"\"Kazakhstan's Evolving Afghanistan "
                + "Policy\"\", The Diplomat (magazine, February 2024 issue)\""));
        assertBad("/api/trade/facts?a=Atlantis", "a");
        assertBad("/api/trade/facts?a=KAZ&b=XYZ", "b");
    }

    // ------------------------------------------------------------------ top products

    @Test
    void topProductsByChapterAndHeading() throws Exception {
        JsonNode top = ok("/api/trade/top?reporter=KAZ&partner=AFG&year=2022&flow=X&level=2&limit=10");
        assertThat(top.path("year").asInt()).isEqualTo(2022);
        assertThat(top.path("level").asInt()).isEqualTo(2);
        assertMillions(top.path("total_usd"), 1000); // the TOTAL record
        assertMillions(top.path("others_usd"), 50);
        JsonNode p = top.path("products");
        assertThat(p).hasSize(3);
        assertThat(p.get(0).path("code").asText()).isEqualTo("11");
        assertThat(p.get(0).path("description").asText()).startsWith("Products of the milling industry");
        assertMillions(p.get(0).path("value_usd"), 600);
        assertThat(p.get(0).path("share_pct").asDouble()).isCloseTo(60.0, within(1e-9));
        assertThat(p.get(0).path("tonnes").asDouble()).isCloseTo(1_500_000, within(1e-6));
        assertThat(p.get(0).path("cargo").asText()).isEqualTo("bulk");
        assertThat(p.get(1).path("code").asText()).isEqualTo("10");
        assertThat(p.get(1).path("share_pct").asDouble()).isCloseTo(30.0, within(1e-9));
        assertThat(p.get(2).path("code").asText()).isEqualTo("27");
        assertThat(p.get(2).path("share_pct").asDouble()).isCloseTo(5.0, within(1e-9));
        assertThat(p.get(2).path("tonnes").asDouble()).isCloseTo(100_000, within(1e-6));

        // Headings, two of them: 1101 (550) and 1001 (300); the rest is "others".
        JsonNode headings = ok("/api/trade/top?reporter=KAZ&partner=AFG&year=2022&level=4&limit=2");
        assertThat(headings.path("products").findValuesAsText("code")).containsExactly("1101", "1001");
        assertThat(headings.path("products").get(0).path("share_pct").asDouble()).isCloseTo(55.0, within(1e-9));
        assertMillions(headings.path("others_usd"), 150);
        // Imports from Afghanistan in 2022: fruit and nuts (20 of 30), vegetables (10 of 30), container cargo.
        JsonNode imports = ok("/api/trade/top?reporter=KAZ&partner=AFG&year=2022&flow=M");
        assertThat(imports.path("products").findValuesAsText("code")).containsExactly("08", "07");
        assertThat(imports.path("products").get(0).path("share_pct").asDouble()).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(imports.path("products").get(0).path("cargo").asText()).isEqualTo("container");
        // The latest year with products (2022) when none is given; "latest" says the same.
        assertThat(ok("/api/trade/top?reporter=KAZ&partner=AFG").path("year").asInt()).isEqualTo(2022);
        assertThat(ok("/api/trade/top?reporter=KAZ&partner=AFG&year=latest").path("year").asInt()).isEqualTo(2022);

        List<String> lines = csv("/api/trade/top?reporter=KAZ&partner=AFG&year=2022&format=csv");
        assertThat(lines.stream().filter(l -> l.contains(",store,"))).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("reporter,partner,year,flow,code,description,value_usd,share_pct,tonnes,"
                + "cargo,data,covers,fact_id,source,synthetic");
        assertThat(lines.get(1)).isEqualTo("KAZ,AFG,2022,X,11,"
                + "Products of the milling industry; malt; starches; inulin; wheat gluten,600000000,60,1500000,bulk,"
                + "store,full year,,,false");
        // the published product figures of the same year follow, labelled
        assertThat(lines).anyMatch(l -> l.startsWith("KAZ,AFG,2022,X,1101,wheat flour,,,1362000,bulk,published,"
                + "full year,kz-af-2022-exports-flour-apk,"));
        assertThat(lines.get(3)).isEqualTo("KAZ,AFG,2022,X,27,"
                + "\"Mineral fuels, mineral oils and products of their distillation\",50000000,5,100000,bulk,store,"
                + "full year,,,false");

        // Nothing finer than headings is stored: 404 naming the level; a year without products names the year.
        assertError(get("/api/trade/top?reporter=KAZ&partner=AFG&year=2022&level=6"), 404, "level");
        assertError(get("/api/trade/top?reporter=KAZ&partner=AFG&year=2011"), 404, "year");
        // a year with published product figures but no records: they answer, labelled
        assertThat(ok("/api/trade/top?reporter=KAZ&partner=AFG&year=2019").path("published").size()).isEqualTo(2);
    }

    // ------------------------------------------------------------------ partners and concentration

    @Test
    void partnerSharesAndConcentration() throws Exception {
        // 2022 exports: China 6,000, Uzbekistan 3,000, Afghanistan 1,000 (the EU group's 500 and the World's
        // 10,500 are not partners): shares 60, 30, 10; HHI = 3600 + 900 + 100 = 4600; H = 0.46, N = 3:
        // normalised (0.46 - 1/3) / (1 - 1/3) = 0.19.
        JsonNode p = ok("/api/trade/partners?reporter=KAZ&year=2022&flow=X");
        assertMillions(p.path("total_usd"), 10_000);
        assertMillions(p.path("world_usd"), 10_500);
        JsonNode shares = p.path("partners");
        assertThat(shares.findValues("partner").stream().map(n -> n.path("iso3").asText()).toList())
                .containsExactly("CHN", "UZB", "AFG");
        assertThat(shares.get(0).path("share_pct").asDouble()).isCloseTo(60.0, within(1e-9));
        assertThat(shares.get(1).path("share_pct").asDouble()).isCloseTo(30.0, within(1e-9));
        assertThat(shares.get(2).path("share_pct").asDouble()).isCloseTo(10.0, within(1e-9));
        assertThat(p.path("hhi").asDouble()).isCloseTo(4600.0, within(1e-6));
        assertThat(p.path("hhi_normalised").asDouble()).isCloseTo(0.19, within(1e-9));
        assertThat(p.path("concentration").asText()).startsWith("highly concentrated");
        assertThat(p.path("top_share_pct").asDouble()).isCloseTo(60.0, within(1e-9));
        assertThat(p.path("top3_share_pct").asDouble()).isCloseTo(100.0, within(1e-9));

        // One partner: HHI 10,000, normalised 1. The latest year with partner records is 2023 (January–March).
        JsonNode imports = ok("/api/trade/partners?reporter=KAZ&year=2022&flow=M");
        assertThat(imports.path("hhi").asDouble()).isCloseTo(10_000.0, within(1e-6));
        assertThat(imports.path("hhi_normalised").asDouble()).isCloseTo(1.0, within(1e-12));
        JsonNode latest = ok("/api/trade/partners?reporter=KAZ");
        assertThat(latest.path("year").asInt()).isEqualTo(2023);
        assertThat(latest.path("covers").asText()).isEqualTo("January–March");
        assertMillions(latest.path("total_usd"), 150);

        assertThat(csv("/api/trade/partners?reporter=KAZ&year=2022&format=csv")).containsExactly(
                "reporter,year,flow,partner,partner_name,value_usd,share_pct,synthetic",
                "KAZ,2022,X,CHN,China,6000000000,60,false",
                "KAZ,2022,X,UZB,Uzbekistan,3000000000,30,false",
                "KAZ,2022,X,AFG,Afghanistan,1000000000,10,false");
        assertError(get("/api/trade/partners?reporter=KAZ&year=2019"), 404, "year");
        assertError(get("/api/trade/partners?reporter=PAK"), 404, "reporter");
    }

    // ------------------------------------------------------------------ mirror

    @Test
    void mirrorComparesBothSidesInBothDirections() throws Exception {
        JsonNode m = ok("/api/trade/mirror?a=KAZ&b=AFG");
        JsonNode rows = m.path("rows");
        assertThat(rows).hasSize(6);
        // 2021, Kazakhstan -> Afghanistan: 400 reported by the exporter, 380 by the importer: gap -20 (-5 %).
        JsonNode r = rows.get(0);
        assertThat(r.path("year").asInt()).isEqualTo(2021);
        assertThat(r.path("exporter").path("iso3").asText()).isEqualTo("KAZ");
        assertMillions(r.path("exporter_usd"), 400);
        assertMillions(r.path("importer_usd"), 380);
        assertMillions(r.path("gap_usd"), -20);
        assertThat(r.path("gap_pct").asDouble()).isCloseTo(-5.0, within(1e-9));
        // 2021, Afghanistan -> Kazakhstan: only the importer reports (50): no gap.
        assertThat(rows.get(1).path("exporter").path("iso3").asText()).isEqualTo("AFG");
        assertThat(rows.get(1).path("exporter_usd").isNull()).isTrue();
        assertMillions(rows.get(1).path("importer_usd"), 50);
        assertThat(rows.get(1).path("gap_usd").isNull()).isTrue();
        // 2022: 1,000 vs 1,100 (+100, +10 %); 25 vs 30 (+5, +20 %).
        assertMillions(rows.get(2).path("gap_usd"), 100);
        assertThat(rows.get(2).path("gap_pct").asDouble()).isCloseTo(10.0, within(1e-9));
        assertMillions(rows.get(3).path("exporter_usd"), 25);
        assertMillions(rows.get(3).path("importer_usd"), 30);
        assertThat(rows.get(3).path("gap_pct").asDouble()).isCloseTo(20.0, within(1e-9));
        // 2023: Kazakhstan's January–March exports; Afghanistan reports nothing.
        assertThat(rows.get(4).path("exporter_covers").asText()).isEqualTo("January–March");
        assertThat(rows.get(4).path("importer_usd").isNull()).isTrue();
        assertThat(m.path("basis").asText()).contains("FOB", "CIF");

        assertThat(csv("/api/trade/mirror?a=KAZ&b=AFG&format=csv")).containsExactly(
                "year,exporter,importer,exporter_usd,exporter_covers,importer_usd,importer_covers,gap_usd,gap_pct,synthetic",
                "2021,KAZ,AFG,400000000,full year,380000000,full year,-20000000,-5,false",
                "2021,AFG,KAZ,,,50000000,full year,,,false",
                "2022,KAZ,AFG,1000000000,full year,1100000000,full year,100000000,10,false",
                "2022,AFG,KAZ,25000000,full year,30000000,full year,5000000,20,false",
                "2023,KAZ,AFG,150000000,January–March,,,,,false",
                "2023,AFG,KAZ,,,10000000,January–March,,,false");
    }

    // ------------------------------------------------------------------ OD demand and transit dependence

    @Test
    void odDemandAsJsonAndAsTheOdFileTheCommandLineWrites() throws Exception {
        // 2022 exports to Afghanistan: chapters 11, 10 and 27 (not their headings again), all bulk, 2,600,000 t,
        // from Kazakhstan's hub to Afghanistan's.
        JsonNode od = ok("/api/trade/od?reporter=KAZ&year=2022&flow=X&min_tonnes=0");
        assertThat(od.path("reporter").path("iso3").asText()).isEqualTo("KAZ");
        assertThat(od.path("year").asInt()).isEqualTo(2022);
        assertThat(od.path("flow").asText()).isEqualTo("X");
        JsonNode pairs = od.path("pairs");
        assertThat(pairs).hasSize(1);
        assertThat(pairs.get(0).path("from").asText()).isEqualTo("Astana");
        assertThat(pairs.get(0).path("to").asText()).isEqualTo("Kabul");
        assertThat(pairs.get(0).path("cargo").asText()).isEqualTo("bulk");
        assertThat(pairs.get(0).path("tonnes").asDouble()).isEqualTo(2_600_000.0);
        assertThat(pairs.get(0).path("source").asText()).contains("UN Comtrade", "KAZ", "AFG", "2022",
                "HS chapters 10 11 27");
        assertThat(od.path("tonnes").asDouble()).isEqualTo(2_600_000.0);
        assertThat(od.path("unplaced")).isEmpty();
        assertThat(od.path("value_without_weight_usd").isNumber()).isTrue();
        assertThat(od.path("value_without_weight_usd").asDouble()).isZero();
        assertThat(od.path("basis").asText()).contains("net weight", "hubs.csv");
        // Imports the other way: fruit and vegetables (container), 40,000 t from Kabul to Almaty.
        JsonNode imports = ok("/api/trade/od?reporter=KAZ&year=2022&flow=M").path("pairs");
        assertThat(imports).hasSize(1);
        assertThat(imports.get(0).path("from").asText()).isEqualTo("Kabul");
        assertThat(imports.get(0).path("to").asText()).isEqualTo("Almaty");
        assertThat(imports.get(0).path("cargo").asText()).isEqualTo("container");
        assertThat(imports.get(0).path("tonnes").asDouble()).isEqualTo(40_000.0);
        // The latest year with product records by default (2023 has monthly totals only); pairs below min_tonnes
        // are left out and counted in no total.
        assertThat(ok("/api/trade/od?reporter=KAZ").path("year").asInt()).isEqualTo(2022);
        JsonNode none = ok("/api/trade/od?reporter=KAZ&year=2022&min_tonnes=3000000");
        assertThat(none.path("pairs")).isEmpty();
        assertThat(none.path("tonnes").asDouble()).isZero();

        // CSV: exactly the OD file `caravan trade od` writes, which OdFile reads back to the same pairs.
        Reply csv = get("/api/trade/od?reporter=KAZ&year=2022&flow=X&min_tonnes=0&format=csv");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.type()).contains("text/csv");
        assertThat(csv.disposition()).isEqualTo("attachment; filename=\"od-KAZ-2022-X.csv\"");
        assertThat(csv.lines().get(0)).isEqualTo("from,to,cargo,tonnes,source");
        assertThat(csv.lines().get(1)).startsWith("Astana,Kabul,bulk,2600000,\"UN Comtrade, KAZ-reported exports");
        TradeDemand.Result direct = new TradeDemand(new TradeAnalytics(trade)).od(trade.countries().resolve("KAZ"),
                2022, "X", 0);
        StringWriter written = new StringWriter();
        OdFile.write(direct.pairs(), written);
        assertThat(csv.body()).isEqualTo(written.toString());
        Path file = files.resolve("od-KAZ-2022-X.csv");
        Files.writeString(file, csv.body(), StandardCharsets.UTF_8);
        List<OdPair> read = OdFile.read(file);
        assertThat(read).isEqualTo(direct.pairs());
        assertThat(read).extracting(OdPair::from, OdPair::to, OdPair::cargo, OdPair::tonnes, OdPair::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(pairs.get(0).path("from").asText(),
                        pairs.get(0).path("to").asText(), pairs.get(0).path("cargo").asText(),
                        pairs.get(0).path("tonnes").asDouble(), pairs.get(0).path("source").asText()));
        assertThat(get("/api/trade/od?reporter=KAZ&year=2022&flow=M&format=csv").disposition())
                .isEqualTo("attachment; filename=\"od-KAZ-2022-M.csv\"");
    }

    @Test
    void transitDependenceRoutesTheDemandOnTheBaseNetwork() throws Exception {
        JsonNode answer = ok("/api/trade/transit?reporter=KAZ&year=2022&flow=X&min_tonnes=0");
        JsonNode demand = answer.path("demand");
        assertThat(demand.path("year").asInt()).isEqualTo(2022);
        assertThat(demand.path("pairs")).hasSize(1);
        double odTonnes = 0;
        for (JsonNode p : demand.path("pairs")) odTonnes += p.path("tonnes").asDouble();
        assertThat(odTonnes).isEqualTo(demand.path("tonnes").asDouble());
        JsonNode t = answer.path("transit");
        double routed = t.path("routed_tonnes").asDouble();
        double unrouted = t.path("unrouted_tonnes").asDouble();
        assertThat(routed).isEqualTo(odTonnes - unrouted);
        assertThat(unrouted).isZero();
        assertThat(routed).isEqualTo(2_600_000.0);
        // Almaty to Kabul cannot avoid a third country: on the embedded network it crosses Uzbekistan
        // (Termez–Hairatan), so all the routed tonnes depend on it.
        JsonNode shares = t.path("transit");
        assertThat(shares).isNotEmpty();
        shares.forEach(c -> {
            assertThat(c.path("share_pct").asDouble()).isBetween(0.0, 100.0);
            assertThat(c.path("tonnes").asDouble()).isBetween(0.0, routed);
            assertThat(c.path("country").asText()).isNotIn("KZ", "AF", "XX");
        });
        assertThat(shares.get(0).path("country").asText()).isEqualTo("UZ");
        assertThat(shares.get(0).path("name").asText()).isEqualTo("Uzbekistan");
        assertThat(shares.get(0).path("tonnes").asDouble()).isEqualTo(2_600_000.0);
        assertThat(shares.get(0).path("share_pct").asDouble()).isCloseTo(100.0, within(1e-9));
        JsonNode pair = t.path("pairs").get(0);
        assertThat(pair.path("od").path("from").asText()).isEqualTo("Astana");
        assertThat(pair.path("od").path("to").asText()).isEqualTo("Kabul");
        assertThat(pair.path("routed").asBoolean()).isTrue();
        assertThat(pair.path("transit").get(0).asText()).isEqualTo("UZ");
        assertThat(pair.path("usd_per_tonne").asDouble()).isPositive();
        assertThat(t.path("basis").asText()).contains("cheapest route");
        // Imports (a container pair) cross Uzbekistan with all their tonnes too; the box takes the AH7 road through
        // Tajikistan as well (Dushanbe - Khujand - Oybek), so UZ ties with TJ (ties are listed alphabetically).
        JsonNode imports = ok("/api/trade/transit?reporter=KAZ&year=2022&flow=M").path("transit").path("transit");
        double top = imports.get(0).path("tonnes").asDouble();
        assertThat(top).isPositive();
        assertThat(imports).anySatisfy(c -> {
            assertThat(c.path("country").asText()).isEqualTo("UZ");
            assertThat(c.path("tonnes").asDouble()).isEqualTo(top);
        });
        // Nothing above min_tonnes: nothing routed, no transit country.
        JsonNode nothing = ok("/api/trade/transit?reporter=KAZ&year=2022&min_tonnes=3000000").path("transit");
        assertThat(nothing.path("routed_tonnes").asDouble()).isZero();
        assertThat(nothing.path("transit")).isEmpty();

        Reply csv = get("/api/trade/transit?reporter=KAZ&year=2022&flow=X&format=csv");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.type()).contains("text/csv");
        assertThat(csv.disposition()).isEqualTo("attachment; filename=\"trade-transit-KAZ-2022-X.csv\"");
        assertThat(csv.lines()).containsExactly("reporter,year,flow,transit_country,name,tonnes,share_pct,synthetic",
                "KAZ,2022,X,UZ,Uzbekistan,2600000,100,false", "KAZ,2022,X,ROUTED,tonnes routed,2600000,,false",
                "KAZ,2022,X,NO_ROUTE,tonnes with no route on the network,0,,false",
                "KAZ,2022,X,NO_HUB,tonnes of partners without a hub in the network,0,,false");
        assertThat(t.path("no_hub_tonnes").isNumber()).isTrue();
    }

    @Test
    void odAndTransitNameTheBadParameterAndTheMissingData() throws Exception {
        for (String endpoint : new String[] {"/api/trade/od", "/api/trade/transit"}) {
            assertBad(endpoint, "reporter");
            assertBad(endpoint + "?reporter=Atlantis", "reporter");
            assertBad(endpoint + "?reporter=KAZ&flow=Q", "flow");
            assertBad(endpoint + "?reporter=KAZ&year=twenty", "year");
            assertBad(endpoint + "?reporter=KAZ&min_tonnes=-1", "min_tonnes");
            assertBad(endpoint + "?reporter=KAZ&min_tonnes=lots", "min_tonnes");
            assertBad(endpoint + "?reporter=KAZ&format=xml", "format");
            // A reporter without a hub in the network cannot be placed: a bad question, named.
            Reply france = get(endpoint + "?reporter=FRA");
            assertError(france, 400, "reporter");
            assertThat(france.json().path("error").asText()).contains("no hub");
            // Fair questions without records: 404 naming what narrowed them to nothing.
            Reply afghan = get(endpoint + "?reporter=AFG&flow=X"); // its only product row was malformed
            assertError(afghan, 404, "reporter");
            assertThat(afghan.json().path("error").asText()).contains("no product records");
            assertError(get(endpoint + "?reporter=PAK"), 404, "reporter");
            Reply year = get(endpoint + "?reporter=KAZ&year=2019");
            assertError(year, 404, "year");
            assertThat(year.json().path("error").asText()).contains("2019", "2022");
        }
    }

    // ------------------------------------------------------------------ countries, imports

    @Test
    void countriesInTheStoreAndInThePublishedFigures() throws Exception {
        JsonNode c = ok("/api/trade/countries");
        assertThat(c.path("reporters").findValuesAsText("iso3")).containsExactly("AFG", "KAZ");
        assertThat(c.path("reporters").get(1).path("name").asText()).isEqualTo("Kazakhstan");
        // World and the EU group are not partners.
        assertThat(c.path("partners").findValuesAsText("iso3")).containsExactly("AFG", "CHN", "KAZ", "UZB");
        assertThat(c.path("published").findValuesAsText("iso3")).contains("AFG", "KAZ", "PAK", "UZB");
        assertThat(csv("/api/trade/countries?format=csv")).startsWith("role,iso3,name", "reporter,AFG,Afghanistan",
                "reporter,KAZ,Kazakhstan");
    }

    @Test
    void importsListTheSeededFile() throws Exception {
        JsonNode j = ok("/api/trade/imports");
        assertThat(j.path("records").asLong()).isEqualTo(27);
        JsonNode first = j.path("imports").get(0);
        assertThat(first.path("file").asText()).isEqualTo("kaz-afg-sample.csv"); // the name, not the server's path
        assertThat(first.path("rows_read").asLong()).isEqualTo(28);
        assertThat(first.path("rows_loaded").asLong()).isEqualTo(27);
        assertThat(first.path("rows_skipped").asLong()).isEqualTo(1);
        List<String> lines = csv("/api/trade/imports?format=csv");
        assertThat(lines.get(0)).isEqualTo("id,file,sha256,format,imported_at,rows_read,rows_loaded,rows_replaced,"
                + "rows_already_stored,rows_skipped,synthetic");
        assertThat(lines.get(1)).startsWith("1,kaz-afg-sample.csv,").endsWith(",28,27,0,0,1,false");
        // the hand-made fixture is not the shipped synthetic example: nothing flagged
        assertThat(j.path("synthetic").asBoolean(true)).isFalse();
        assertThat(first.path("synthetic").asBoolean(true)).isFalse();
        assertThat(j.has("synthetic_note")).isFalse();
    }

    @Test
    void importsFlagTheSyntheticExampleLikeTheCli(@TempDir Path dir) throws Exception {
        // `caravan trade imports` flags each import made from the shipped synthetic sample; the API must too
        Path sample = Path.of("../examples/trade/synthetic-comtrade-sample.csv");
        try (ScenarioStore sc = DuckDbScenarioStore.open(dir, scenarioBase); TradeStore store = TradeStore.open(dir)) {
            for (Path f : List.of(sampleFile(), sample)) {
                new ComtradeImporter(store).importFile(f, ComtradeImporter.Options.DEFAULT,
                        ComtradeImporter.Progress.NONE);
            }
            try (CaravanServer s = new CaravanServer(scenarioBase, sc, store).start("127.0.0.1", 0)) {
                Reply r = get(s, "/api/trade/imports");
                assertThat(r.status()).isEqualTo(200);
                JsonNode j = r.json();
                assertThat(j.path("synthetic").asBoolean()).isTrue();
                assertThat(j.path("synthetic_note").asText()).startsWith("SYNTHETIC EXAMPLE DATA")
                        .contains("invented numbers");
                Map<String, Boolean> byFile = new java.util.HashMap<>();
                for (JsonNode i : j.path("imports")) byFile.put(i.path("file").asText(), i.path("synthetic").asBoolean());
                assertThat(byFile).containsExactlyInAnyOrderEntriesOf(Map.of("kaz-afg-sample.csv", false,
                        "synthetic-comtrade-sample.csv", true));
                List<String> csv = get(s, "/api/trade/imports?format=csv").lines();
                assertThat(csv.get(0)).endsWith(",rows_skipped,synthetic");
                assertThat(csv).hasSize(3);
                assertThat(csv.subList(1, 3)).allSatisfy(l -> assertThat(l).endsWith(",true"));
            }
        }
    }

    // ------------------------------------------------------------------ errors

    @Test
    void everyBadParameterIsNamed() throws Exception {
        assertBad("/api/trade/series?a=Atlantis&b=AFG", "a");
        assertBad("/api/trade/series?a=KAZ&b=Narnia", "b");
        assertBad("/api/trade/series?b=AFG", "a");
        assertBad("/api/trade/series?a=KAZ", "b");
        assertBad("/api/trade/series?a=KAZ&b=AFG&format=xml", "format");
        assertBad("/api/trade/top?partner=AFG", "reporter");
        assertBad("/api/trade/top?reporter=XYZ", "reporter");
        assertBad("/api/trade/top?reporter=KAZ&partner=Atlantis", "partner");
        assertBad("/api/trade/top?reporter=KAZ&flow=Q", "flow");
        assertBad("/api/trade/top?reporter=KAZ&level=3", "level");
        assertBad("/api/trade/top?reporter=KAZ&level=chapter", "level");
        assertBad("/api/trade/top?reporter=KAZ&limit=0", "limit");
        assertBad("/api/trade/top?reporter=KAZ&limit=1000", "limit");
        assertBad("/api/trade/top?reporter=KAZ&year=twenty", "year");
        assertBad("/api/trade/top?reporter=KAZ&year=1200", "year");
        assertBad("/api/trade/partners?reporter=KAZ&flow=re-export", "flow");
        assertBad("/api/trade/partners?reporter=Atlantis", "reporter");
        assertBad("/api/trade/mirror?a=KAZ&b=Atlantis", "b");
        assertBad("/api/trade/imports?format=yaml", "format");
        Reply unknown = get("/api/trade/series?a=Atlantis&b=AFG");
        assertThat(unknown.json().path("error").asText()).contains("Atlantis");
        // The words work for flow: exports, imports.
        assertThat(ok("/api/trade/partners?reporter=KAZ&year=2022&flow=imports").path("flow").asText())
                .isEqualTo("M");
    }

    // ------------------------------------------------------------------ upload

    @Test
    void uploadImportsOnceAndRefusesAFileThatIsNotComtrade() throws Exception {
        byte[] sample = sampleBytes();
        // Multipart, as the web form sends it.
        String boundary = "----caravan-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"kaz-afg.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(sample);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Reply first = post("/api/trade/imports", "multipart/form-data; boundary=" + boundary, body.toByteArray());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode report = first.json();
        assertThat(report.path("file").asText()).isEqualTo("kaz-afg.csv");
        assertThat(report.path("format").asText()).contains("Comtrade API");
        assertThat(report.path("import_id").asInt()).isEqualTo(1);
        assertThat(report.path("rows_read").asLong()).isEqualTo(28);
        assertThat(report.path("rows_loaded").asLong()).isEqualTo(27);
        assertThat(report.path("rows_already_stored").asLong()).isZero();
        assertThat(report.path("rows_skipped").asLong()).isEqualTo(1);
        JsonNode problem = report.path("problems").get(0);
        assertThat(problem.path("line").asLong()).isEqualTo(29);
        assertThat(problem.path("field").asText()).isEqualTo("primaryValue");
        assertThat(problem.path("reason").asText()).contains("n/a");
        assertThat(get(uploadServer, "/api/trade/series?a=KAZ&b=AFG").json().path("points")).hasSize(3);

        // The same file again, as a raw body: nothing new.
        Reply again = post("/api/trade/imports?name=kaz-afg.csv", "text/csv", sample);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("rows_loaded").asLong()).isZero();
        assertThat(again.json().path("rows_already_stored").asLong()).isEqualTo(27);
        assertThat(again.json().path("import_id").isNull()).isTrue();
        // As curl --data-binary @FILE sends it (a form content type): the body is still the file.
        Reply curl = post("/api/trade/imports?name=kaz-afg.csv", "application/x-www-form-urlencoded", sample);
        assertThat(curl.status()).as(curl.body()).isEqualTo(200);
        assertThat(curl.json().path("rows_already_stored").asLong()).isEqualTo(27);
        // Gzipped, unnamed: recognised by its content; still nothing new.
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(sample);
        }
        Reply zipped = post("/api/trade/imports", "application/octet-stream", gz.toByteArray());
        assertThat(zipped.status()).as(zipped.body()).isEqualTo(200);
        assertThat(zipped.json().path("file").asText()).isEqualTo("upload.csv.gz");
        assertThat(zipped.json().path("rows_already_stored").asLong()).isEqualTo(27);
        JsonNode imports = get(uploadServer, "/api/trade/imports").json();
        assertThat(imports.path("imports")).hasSize(1);
        assertThat(imports.path("records").asLong()).isEqualTo(27);

        // Not a Comtrade file: 400 naming the file and line 1, and the store unchanged.
        Reply bad = post("/api/trade/imports?name=prices.csv", "text/csv",
                "date,price\n2024-01-01,3\n".getBytes(StandardCharsets.UTF_8));
        assertError(bad, 400, "file");
        assertThat(bad.json().path("error").asText()).startsWith("prices.csv: line 1: not a UN Comtrade CSV header")
                .contains("refYear").doesNotContain("caravan-upload-");
        Reply empty = post("/api/trade/imports", "text/csv", new byte[0]);
        assertError(empty, 400, "file");
        Reply noField = post("/api/trade/imports", "multipart/form-data; boundary=" + boundary,
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--" + boundary
                        + "--\r\n").getBytes(StandardCharsets.UTF_8));
        assertError(noField, 400, "file");
        assertThat(get(uploadServer, "/api/trade/imports").json().path("records").asLong()).isEqualTo(27);
        // Other routes keep the 64 KB request limit.
        Reply big = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + uploadServer.port()
                + "/api/scenarios")).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[100_000])));
        assertThat(big.status()).isEqualTo(413);
    }

    @Test
    void concurrentQuestionsAllGetAnswers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String path = switch (i % 6) {
                    case 0 -> "/api/trade/series?a=KAZ&b=AFG";
                    case 1 -> "/api/trade/partners?reporter=KAZ&year=2022";
                    case 2 -> "/api/trade/top?reporter=KAZ&partner=AFG&year=2022";
                    case 3 -> "/api/trade/od?reporter=KAZ&year=2022";
                    case 4 -> "/api/trade/transit?reporter=KAZ&year=2022";
                    default -> "/api/trade/mirror?a=KAZ&b=AFG";
                };
                replies.add(pool.submit(() -> get(path)));
            }
            for (Future<Reply> f : replies) assertThat(f.get().status()).as(f.get().body()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void openApiDescribesTheTradeEndpoints() throws Exception {
        JsonNode api = ok("/openapi.json");
        for (String p : new String[] {"/api/trade/imports", "/api/trade/facts", "/api/trade/series",
            "/api/trade/top", "/api/trade/partners", "/api/trade/mirror", "/api/trade/countries", "/api/trade/od",
            "/api/trade/transit"}) {
            assertThat(api.path("paths").has(p)).as(p).isTrue();
        }
        assertThat(api.path("paths").path("/api/trade/imports").has("post")).isTrue();
        for (String schema : new String[] {"TradePartners", "TradeOd", "TradeTransit"}) {
            assertThat(api.path("components").path("schemas").has(schema)).as(schema).isTrue();
        }
        // Every parameter the od and transit handlers read is described.
        for (String p : new String[] {"/api/trade/od", "/api/trade/transit"}) {
            assertThat(api.path("paths").path(p).path("get").path("parameters").findValuesAsText("name"))
                    .as(p).containsExactly("reporter", "year", "flow", "min_tonnes", "from_published", "format");
        }
    }

    @Test
    void dashboardAndChartLibraryAreServedLocally() throws Exception {
        Reply page = get("/trade.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/webjars/chart.js/4.4.1/dist/chart.umd.js", "trade.mjs")
                .doesNotContain("://cdn", "://unpkg");
        assertThat(get("/webjars/chart.js/4.4.1/dist/chart.umd.js").status()).isEqualTo(200);
        assertThat(get("/trade.mjs").status()).isEqualTo(200);
        assertThat(get("/").body()).contains("href=\"trade.html\"");
    }
}
