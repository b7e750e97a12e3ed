package org.caravan.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.caravan.scenario.ScenarioBase;
import org.caravan.trade.ComtradeImporter;
import org.caravan.trade.PublishedFacts;
import org.caravan.trade.TradeStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The trade dashboard (trade.html) in Debian's headless Chromium, as {@link WebAppBrowserTest} drives the map:
 * one server whose trade store holds {@code trade/kaz-afg-sample.csv} (the figures {@link TradeApiTest} checks by
 * hand), and one with an empty store that a file is then uploaded to through the page. Reads the charts' data from
 * their Chart.js instances. Screenshots go to target/screenshots/. Skipped (not failed) only where Chromium or
 * chromedriver is absent; CI installs both (.ci/run).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TradeDashboardBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final Set<String> CHARTED = Set.of("turnover", "exports", "imports");

    private final Path screenshots = Path.of("target", "screenshots");
    private ScenarioBase scenarioBase;
    private Path seededDir;
    private Path emptyDir;
    private Path sample;
    private ScenarioStore seededScenarios;
    private ScenarioStore emptyScenarios;
    private TradeStore seeded;
    private TradeStore empty;
    private CaravanServer seededServer;
    private CaravanServer emptyServer;
    private WebDriver driver;
    private Path profile;

    @BeforeAll
    void start() throws Exception {
        if (!HeadlessChromium.installed()) return;

        scenarioBase = ScenarioBase.embedded();
        seededDir = Files.createTempDirectory("caravan-trade-");
        emptyDir = Files.createTempDirectory("caravan-trade-empty-");
        sample = seededDir.resolve("kaz-afg-sample.csv");
        Files.write(sample, TradeApiTest.sampleBytes());
        seededScenarios = DuckDbScenarioStore.open(seededDir, scenarioBase);
        seeded = TradeStore.open(seededDir);
        new ComtradeImporter(seeded).importFile(sample, ComtradeImporter.Options.DEFAULT,
                ComtradeImporter.Progress.NONE);
        seededServer = new CaravanServer(scenarioBase, seededScenarios, seeded).start("127.0.0.1", 0);
        emptyScenarios = DuckDbScenarioStore.open(emptyDir, scenarioBase);
        empty = TradeStore.open(emptyDir);
        emptyServer = new CaravanServer(scenarioBase, emptyScenarios, empty).start("127.0.0.1", 0);

        profile = Files.createTempDirectory("caravan-chromium-");
        driver = HeadlessChromium.start(profile, "1400,1800").orElseThrow();
        driver.manage().timeouts().pageLoadTimeout(WAIT);
        Files.createDirectories(screenshots);
    }

    @AfterAll
    void stop() throws IOException {
        if (driver != null) driver.quit();
        for (CaravanServer s : new CaravanServer[] {seededServer, emptyServer}) if (s != null) s.close();
        for (ScenarioStore s : new ScenarioStore[] {seededScenarios, emptyScenarios}) if (s != null) s.close();
        for (TradeStore s : new TradeStore[] {seeded, empty}) if (s != null) s.close();
        HeadlessChromium.deleteTrees(profile, seededDir, emptyDir);
    }

    @BeforeEach
    void needsABrowser() {
        assumeTrue(driver != null, HeadlessChromium.MISSING);
    }

    @AfterEach
    void noScriptErrors() {
        if (driver == null) return;
        // A question with no records is a 404 the page shows in its panel (the empty store); nothing else may fail.
        List<String> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !(m.contains("/api/trade/") && m.contains("404")))
                .toList();
        assertThat(severe).as("browser console errors").isEmpty();
    }

    @Test
    void dashboardDrawsTheSeededStore() throws IOException {
        open(seededServer);
        assertThat(new Select(driver.findElement(By.id("reporter"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("KAZ");
        assertThat(new Select(driver.findElement(By.id("partner"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("AFG");
        // The default year is the latest full one (2023 has January–March only).
        assertThat(new Select(driver.findElement(By.id("year"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("2022");
        assertThat(driver.findElement(By.id("empty-store")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("error")).isDisplayed()).isFalse();

        // (a) The series: one bar per year each way, the turnover line, and every published value as a point.
        Map<String, Object> series = seriesChart();
        assertThat(series.get("labels")).isEqualTo(List.of("2021", "2022", "2023"));
        assertThat(numbers(series.get("exports"))).containsExactly(400.0, 1000.0, 150.0);
        assertThat(numbers(series.get("imports"))).containsExactly(50.0, 30.0, 10.0);
        assertThat(numbers(series.get("turnover"))).containsExactly(450.0, 1030.0, 160.0);
        long published = PublishedFacts.embedded().about("KAZ", "AFG").stream()
                .filter(f -> f.valueUsd() != null && CHARTED.contains(f.measure())).count();
        assertThat(published).isGreaterThan(5);
        assertThat(((Number) series.get("published")).longValue()).isEqualTo(published);
        assertThat((List<Object>) series.get("sourceLabels")).contains((Object) "The Diplomat", "Interfax", "Khaama Press via smi24", "Kazinform");

        // The published figures table: every figure with its source; the disagreeing 2023 turnovers side by side.
        List<WebElement> facts = driver.findElements(By.cssSelector("#facts-table tbody tr"));
        assertThat(facts).hasSize(PublishedFacts.embedded().about("KAZ", "AFG").size());
        String table = driver.findElement(By.id("facts-table")).getText();
        assertThat(table).contains("The Diplomat", "Interfax", "Khaama Press via smi24", "$545.2 M", "$567.5 M",
                "January–November", "published");
        // Published vs recorded: the store's 2022 turnover ($1,030 M) against the published $987.9 M.
        assertThat(driver.findElement(By.id("comparison")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector("#comparison-table tr[data-id='kz-af-2022-turnover-kazinform']"))
                .getText()).contains("2022", "$987.9 M", "$1,030.0 M", "$42.1 M", "4.3 %");
        assertThat(driver.findElements(By.cssSelector("#facts-table tr.differ"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(driver.findElement(By.cssSelector("#facts-table tr[data-id='kz-af-2023-turnover-khaama']"))
                .getText()).contains("$545.2 M").contains("smi24");
        assertThat(driver.findElement(By.cssSelector("#facts-table tr[data-id='kz-af-2023-turnover-interfax']"))
                .getText()).contains("$567.5 M").contains("Interfax");

        // (c) Partners: HHI 4,600, normalised 0.19, highly concentrated; China 60 %.
        String partners = driver.findElement(By.id("partners-summary")).getText();
        assertThat(driver.findElement(By.id("hhi-value")).getText()).isEqualTo("4,600");
        assertThat(partners).contains("HHI", "normalised 0.19", "Highly concentrated", "China 60.0 %");
        assertThat(js("return Chart.getChart(document.getElementById('partners-chart')).data.labels;"))
                .isEqualTo(List.of("China", "Uzbekistan", "Afghanistan"));

        // Transit dependence: Kazakhstan's 2022 exports (2,600,000 t to Kabul) all cross Uzbekistan.
        Map<String, Object> transit = transitChart();
        assertThat(transit.get("labels")).isEqualTo(List.of("Uzbekistan (UZ)"));
        assertThat(numbers(transit.get("shares"))).singleElement()
                .satisfies(v -> assertThat(v).isBetween(99.999, 100.0));
        assertThat(driver.findElement(By.id("transit-summary")).getText()).contains("2,600,000 t routed",
                "1 OD pair", "Uzbekistan 100.0 %");
        List<WebElement> pairs = driver.findElements(By.cssSelector("#transit-table tbody tr"));
        assertThat(pairs).hasSize(1);
        assertThat(pairs.get(0).getText()).contains("Astana", "Kabul", "bulk", "2,600,000", "Uzbekistan (UZ)");
        assertThat(pairs.get(0).findElements(By.tagName("td")).get(5).getText()).matches("[0-9,]+");
        assertThat(driver.findElement(By.id("unplaced-table")).getText()).contains("None");
        assertThat(driver.findElement(By.id("transit-note")).getText())
                .contains("Basis:", "cheapest route", "hubs.csv");
        WebElement od = driver.findElement(By.id("od-link"));
        assertThat(od.isDisplayed()).isTrue();
        assertThat(od.getAttribute("href")).isEqualTo("http://127.0.0.1:" + seededServer.port()
                + "/api/trade/od?reporter=KAZ&year=2022&flow=X&format=csv");
        assertThat(driver.findElement(By.id("od-download")).getText()).contains("caravan scenario run --od FILE",
                "caravan critical --od FILE");
        // The link gives the OD file itself.
        assertThat((String) js("return fetch(document.getElementById('od-link').href).then((r) => r.text());"))
                .startsWith("from,to,cargo,tonnes,source\nAstana,Kabul,bulk,2600000,");
        js("document.getElementById('transit-panel').scrollIntoView();");
        screenshot("trade-transit.png");
        // The same panel from the published tonnages of 2022: labelled, five pairs, Uzbekistan 60.5 %.
        String seq0 = seq();
        driver.findElement(By.id("transit-published")).click();
        waitForRefresh(seq0);
        assertThat(driver.findElement(By.id("transit-published-badge")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("transit-title")).getText()).contains("from the published figures");
        assertThat(driver.findElement(By.id("transit-summary")).getText()).contains("3,525,090 t routed",
                "5 OD pairs", "Uzbekistan 60.5 %");
        assertThat(driver.findElement(By.id("od-link")).getAttribute("href")).contains("from_published=true");
        screenshot("trade-transit-published.png");
        seq0 = seq();
        driver.findElement(By.id("transit-published")).click();
        waitForRefresh(seq0);
        assertThat(driver.findElement(By.id("transit-published-badge")).isDisplayed()).isFalse();
        js("window.scrollTo(0, 0);");

        // (b) Top products by chapter, then by heading; the published product figures of 2022 beside them.
        assertThat(driver.findElement(By.id("top-published")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector("#top-published-table tr[data-id='kz-af-2022-exports-flour-apk']"))
                .getText()).contains("wheat flour (HS 1101)", "1,362,000", "APK-Inform");
        List<WebElement> top = driver.findElements(By.cssSelector("#top-table tbody tr"));
        assertThat(top).hasSize(3);
        assertThat(top.get(0).getText()).contains("11", "600.0", "60.0 %", "1,500,000", "bulk");
        assertThat(numbers(js("return Chart.getChart(document.getElementById('top-chart')).data.datasets[0].data;")))
                .containsExactly(600.0, 300.0, 50.0);
        String seq = seq();
        driver.findElement(By.cssSelector("#level-toggle button[data-level='4']")).click();
        waitForRefresh(seq);
        assertThat(driver.findElements(By.cssSelector("#top-table tbody tr")).stream()
                .map(r -> r.getAttribute("data-code")).toList()).containsExactly("1101", "1001", "1102", "2710");

        // (d) Mirror: six rows; 2022 Kazakhstan -> Afghanistan: +$100.0 M, +10.0 %.
        assertThat(driver.findElements(By.cssSelector("#mirror-table tbody tr"))).hasSize(6);
        assertThat(driver.findElement(By.cssSelector("#mirror-table tr[data-year='2022'][data-exporter='KAZ']"))
                .getText()).contains("$1,000.0 M", "$1,100.0 M", "+$100.0 M", "+10.0 %");
        assertThat(driver.findElement(By.id("mirror-note")).getText()).contains("FOB", "CIF");

        // (e) The import that seeded the store.
        assertThat(driver.findElement(By.id("imports-table")).getText()).contains("kaz-afg-sample.csv");
        assertThat(driver.findElement(By.id("imports-note")).getText()).contains("27 trade records");
        screenshot("trade.png");
        js("document.getElementById('top-panel').scrollIntoView();");
        screenshot("trade-panels.png");
        js("window.scrollTo(0, 0);");

        // Imports, 2023: the partners panel follows the selectors.
        seq = seq();
        new Select(driver.findElement(By.id("flow"))).selectByValue("M");
        waitForRefresh(seq);
        assertThat(driver.findElement(By.id("hhi-value")).getText()).isEqualTo("10,000");
        // Imports come from Kabul through Uzbekistan too (the road back also crosses Tajikistan on AH7 between
        // Khujand and Tashkent): every transit country carries all the tonnes; the OD link follows the flow.
        Map<String, Object> imports = transitChart();
        assertThat(String.valueOf(imports.get("labels"))).contains("Uzbekistan (UZ)");
        assertThat(numbers(imports.get("shares"))).isNotEmpty()
                .allSatisfy(v -> assertThat(v).isBetween(99.999, 100.0));
        assertThat(driver.findElement(By.cssSelector("#transit-table tbody tr")).getText())
                .contains("Kabul", "Almaty", "container", "40,000");
        assertThat(driver.findElement(By.id("od-link")).getAttribute("href"))
                .endsWith("/api/trade/od?reporter=KAZ&year=2022&flow=M&format=csv");
        // Afghan products are stored by chapter only: the headings view says so, the chapters view lists them.
        assertThat(driver.findElement(By.id("top-message")).getText()).contains("no products at 4 digits");
        assertThat(driver.findElements(By.cssSelector("#top-table tbody tr"))).isEmpty();
        seq = seq();
        driver.findElement(By.cssSelector("#level-toggle button[data-level='2']")).click();
        waitForRefresh(seq);
        assertThat(driver.findElement(By.cssSelector("#top-table tbody tr")).getText()).contains("08", "Edible fruit");

        // And back to the map.
        driver.findElement(By.id("map-link")).click();
        waitFor().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(driver.findElement(By.id("trade-link")).getAttribute("href")).endsWith("/trade.html");
    }

    @Test
    void anEmptyStoreShowsThePublishedFiguresAndAnUploadFillsIt() throws IOException {
        open(emptyServer);
        WebElement notice = driver.findElement(By.id("empty-store"));
        assertThat(notice.isDisplayed()).isTrue();
        assertThat(notice.getText()).contains("./caravan trade import FILE", "upload form");
        assertThat(driver.findElements(By.cssSelector("#facts-table tbody tr")))
                .hasSize(PublishedFacts.embedded().about("KAZ", "AFG").size());
        Map<String, Object> series = seriesChart();
        assertThat(numbers(series.get("exports"))).allMatch(v -> v == null);
        assertThat(((Number) series.get("published")).longValue()).isPositive();
        // No records yet: the published product figures and tonnages answer instead, labelled as such.
        assertThat(driver.findElement(By.id("top-published")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("top-note")).getText()).contains("published product figures");
        assertThat(driver.findElement(By.id("transit-message")).getText()).contains("No product records",
                "published tonnages");
        assertThat(driver.findElement(By.id("transit-published-badge")).isDisplayed()).isTrue();
        // 2022 is offered as a year of published figures: its demand gives the documented 3,525,090 t
        String seq0 = seq();
        new Select(driver.findElement(By.id("year"))).selectByValue("2022");
        waitForRefresh(seq0);
        assertThat(new Select(driver.findElement(By.id("year"))).getFirstSelectedOption().getText())
                .isEqualTo("2022 (published figures only)");
        assertThat(driver.findElement(By.id("transit-summary")).getText()).contains("3,525,090 t routed",
                "Uzbekistan 60.5 %");
        assertThat(transitChart().get("labels")).isEqualTo(List.of("Uzbekistan (UZ)"));
        assertThat(driver.findElement(By.id("od-link")).getAttribute("href")).contains("year=2022", "from_published=true");
        screenshot("trade-empty.png");

        // Upload the Comtrade file through the form.
        String seq = seq();
        driver.findElement(By.id("upload-file")).sendKeys(sample.toAbsolutePath().toString());
        driver.findElement(By.id("upload-button")).click();
        waitForRefresh(seq);
        String report = driver.findElement(By.id("upload-report")).getText();
        assertThat(report).contains("kaz-afg-sample.csv", "28 rows read", "27 loaded", "0 already stored",
                "1 skipped", "line 29, primaryValue");
        assertThat(driver.findElement(By.id("empty-store")).isDisplayed()).isFalse();
        assertThat(numbers(seriesChart().get("exports"))).containsExactly(400.0, 1000.0, 150.0);
        assertThat(driver.findElement(By.id("hhi-value")).getText()).isEqualTo("4,600");
        assertThat(transitChart().get("labels")).isEqualTo(List.of("Uzbekistan (UZ)"));
        assertThat(driver.findElement(By.id("transit-message")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("od-link")).getAttribute("href"))
                .endsWith("/api/trade/od?reporter=KAZ&year=2022&flow=X&format=csv");
        screenshot("trade-uploaded.png");

        // The same file again: nothing new.
        seq = seq();
        driver.findElement(By.id("upload-file")).sendKeys(sample.toAbsolutePath().toString());
        driver.findElement(By.id("upload-button")).click();
        waitForRefresh(seq);
        assertThat(driver.findElement(By.id("upload-report")).getText()).contains("0 loaded", "27 already stored",
                "store is unchanged");
        assertThat(driver.findElements(By.cssSelector("#imports-table tbody tr"))).hasSize(1);
    }

    // ------------------------------------------------------------------ helpers

    private void open(CaravanServer server) {
        driver.get("http://127.0.0.1:" + server.port() + "/trade.html");
        waitFor().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> seriesChart() {
        return (Map<String, Object>) js("const c = Chart.getChart(document.getElementById('series-chart'));"
                + "const d = c.data.datasets;"
                + "return {labels: c.data.labels, exports: d[0].data, imports: d[1].data, turnover: d[2].data,"
                + " published: d[3].data.length, sourceLabels: d[3].data.map((p) => p.label)};");
    }

    /** The transit chart's bars: labels and shares of the routed tonnes. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> transitChart() {
        return (Map<String, Object>) js("const c = Chart.getChart(document.getElementById('transit-chart'));"
                + "return {labels: c.data.labels, shares: c.data.datasets[0].data};");
    }

    private static List<Double> numbers(Object list) {
        return ((List<?>) list).stream().map(v -> v == null ? null : ((Number) v).doubleValue()).toList();
    }

    private Object js(String script) { return ((JavascriptExecutor) driver).executeScript(script); }

    private String seq() {
        String s = driver.findElement(By.tagName("body")).getAttribute("data-seq");
        return s == null ? "" : s;
    }

    private void waitForRefresh(String previous) {
        waitFor().until(d -> !previous.equals(seq()));
    }

    private WebDriverWait waitFor() { return new WebDriverWait(driver, WAIT); }

    private void screenshot(String name) throws IOException {
        Files.write(screenshots.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
