package org.caravan.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.caravan.scenario.ScenarioBase;
import org.caravan.trade.PublishedFact;
import org.caravan.trade.PublishedFacts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The trade dashboard on a fresh clone: a server started with NO trade store ({@code new CaravanServer(base, store,
 * null)}: the store's endpoints answer 503), so the page has only the embedded published figures. For KAZ/AFG it must
 * list every one of them with its value, its source (linked where the figure has a URL) and its confidence label
 * "published", under a neutral notice (not an error banner) saying how to load a store. Skipped (not failed) only where Chromium or chromedriver is absent, as {@link WebAppBrowserTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TradeDashboardNoStoreBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(45);

    private Path dir;
    private Path profile;
    private ScenarioStore scenarios;
    private CaravanServer server;
    private WebDriver driver;

    @BeforeAll
    void start() throws Exception {
        if (!HeadlessChromium.installed()) return;
        ScenarioBase base = ScenarioBase.embedded();
        dir = Files.createTempDirectory("caravan-trade-nostore-");
        scenarios = DuckDbScenarioStore.open(dir, base);
        server = new CaravanServer(base, scenarios, null).start("127.0.0.1", 0);
        profile = Files.createTempDirectory("caravan-chromium-");
        driver = HeadlessChromium.start(profile, "1400,1800").orElseThrow();
        driver.manage().timeouts().pageLoadTimeout(WAIT);
    }

    @AfterAll
    void stop() throws IOException {
        if (driver != null) driver.quit();
        if (server != null) server.close();
        if (scenarios != null) scenarios.close();
        HeadlessChromium.deleteTrees(profile, dir);
    }

    @Test
    void publishedFiguresShowWithValuesSourcesAndLabels() throws IOException {
        assumeTrue(driver != null, HeadlessChromium.MISSING);
        driver.get("http://127.0.0.1:" + server.port() + "/trade.html");
        new WebDriverWait(driver, WAIT)
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));

        assertThat(new Select(driver.findElement(By.id("reporter"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("KAZ");
        assertThat(new Select(driver.findElement(By.id("partner"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("AFG");
        // countries by name, not by bare code, even without a store
        assertThat(new Select(driver.findElement(By.id("partner"))).getFirstSelectedOption().getText())
                .isEqualTo("Afghanistan (AFG)");
        assertThat(driver.findElement(By.id("series-title")).getText()).contains("Kazakhstan", "Afghanistan");
        // No store is a supported setup, not a failure: no red error banner, but a neutral notice saying how to load one.
        assertThat(driver.findElement(By.id("error")).isDisplayed()).as("red error banner shown").isFalse();
        WebElement notice = driver.findElement(By.id("no-store"));
        assertThat(notice.isDisplayed()).as("no-store notice shown").isTrue();
        assertThat(notice.getAttribute("class").split("\\s+")).contains("notice").doesNotContain("error");
        assertThat(notice.getAttribute("role")).isEqualTo("status");
        assertThat(notice.getText()).contains("No trade store on this server", "published figures only",
                "./caravan serve", "--data-dir", "./caravan trade import FILE");
        // neutral colours (the .notice style), not the error style's red
        assertThat(notice.getCssValue("background-color")).isNotEqualTo(
                driver.findElement(By.id("error")).getCssValue("background-color"));
        assertThat(driver.findElement(By.id("upload-button")).isEnabled()).as("upload without a store").isFalse();
        // the store's own "nothing imported yet" notice is for an empty store, not for none
        assertThat(driver.findElement(By.id("empty-store")).isDisplayed()).isFalse();
        // The page says there is no store rather than pretending the figures are records.
        assertThat(driver.findElement(By.id("imports-table")).getText()).contains("This server has no trade store.");

        List<PublishedFact> facts = PublishedFacts.embedded().about("KAZ", "AFG");
        assertThat(facts).hasSizeGreaterThan(5);
        assertThat(driver.findElements(By.cssSelector("#facts-table tbody tr"))).hasSize(facts.size());
        for (PublishedFact f : facts) {
            WebElement row = driver.findElement(By.cssSelector("#facts-table tr[data-id='" + f.id() + "']"));
            String text = row.getText();
            if (f.valueUsd() != null) assertThat(text).as(f.id()).contains(usdM(f.valueUsd()));
            assertThat(row.findElement(By.cssSelector("span.badge.conf-" + f.confidence())).getText())
                    .as(f.id()).isEqualTo(f.confidence());
            WebElement source = row.findElement(By.cssSelector("td.source"));
            assertThat(source.getText()).as(f.id()).isEqualTo(f.source());
            if (f.url() != null && !f.url().isBlank()) {
                assertThat(source.findElement(By.tagName("a")).getAttribute("href")).as(f.id()).isEqualTo(f.url());
            }
        }
        // The known KAZ/AFG headline figures, labelled published, with their sources (linked).
        WebElement kazinform = driver.findElement(By.cssSelector("#facts-table tr[data-id='kz-af-2022-turnover-kazinform']"));
        assertThat(kazinform.getText()).contains("2022", "$987.9 M", "Kazinform", "published");
        assertThat(kazinform.findElement(By.cssSelector("td.source a")).getAttribute("href"))
                .isEqualTo("https://www.inform.kz/en/afghan-business-delegation-arrives-in-astana_a4096663/amp");
        assertThat(driver.findElement(By.cssSelector("#facts-table tr[data-id='kz-af-2023-turnover-interfax']"))
                .getText()).contains("$567.5 M", "Interfax", "published");
        assertThat(facts.stream().filter(f -> f.confidence().equals("published")).count()).isPositive();

        // The series chart carries the published points (no records: no bars), each labelled with its source.
        Object published = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const c = Chart.getChart(document.getElementById('series-chart'));"
                + "return c.data.datasets[3].data.length;");
        assertThat(((Number) published).longValue()).isPositive();

        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "trade-no-store.png"),
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));

        // Without a store the store's endpoints answer 503 (documented); nothing else may fail in the console.
        List<String> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !(m.contains("/api/trade/") && (m.contains("503") || m.contains("404"))))
                .toList();
        assertThat(severe).as("browser console errors").isEmpty();
    }

    @Test
    void byYearTableListsThePublishedFiguresPerPartnerAndYearWithTheirSources() throws IOException {
        assumeTrue(driver != null, HeadlessChromium.MISSING);
        driver.get("http://127.0.0.1:" + server.port() + "/trade.html");
        new WebDriverWait(driver, WAIT)
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        WebElement panel = driver.findElement(By.id("byyear-panel"));
        assertThat(panel.findElement(By.cssSelector("h2 .badge.published")).getText()).isEqualTo("published figures");
        assertThat(driver.findElement(By.id("byyear-title")).getText()).contains("Turnover of", "with each partner");

        // every full-year all-goods turnover about KAZ (its own, and its partners' about it) is a value in the table
        List<PublishedFact> turnover = seenBy("KAZ", "turnover");
        assertThat(turnover).hasSizeGreaterThan(20);
        assertThat(driver.findElements(By.cssSelector("#byyear-table .published-value"))).hasSize(turnover.size());
        List<String> years = driver.findElements(By.cssSelector("#byyear-table thead th")).stream()
                .map(WebElement::getText).toList();
        int last = turnover.stream().mapToInt(PublishedFact::year).max().orElseThrow();
        assertThat(years).startsWith("Partner", "2015").endsWith(String.valueOf(last));
        // seed partners first: Afghanistan is the first row, the selected partner, highlighted
        WebElement afg = driver.findElement(By.cssSelector("#byyear-table tbody tr"));
        assertThat(afg.getAttribute("data-partner")).isEqualTo("AFG");
        assertThat(afg.getAttribute("class")).contains("selected");
        for (PublishedFact f : turnover) {
            WebElement v = driver.findElement(By.cssSelector("#byyear-table .published-value[data-id='" + f.id() + "']"));
            assertThat(v.getText()).as(f.id()).isEqualTo(usdM(f.valueUsd()));
            // the source on hover, and the publication one click away where it has a URL
            assertThat(v.getAttribute("title")).as(f.id()).startsWith("Published figure: " + f.source()).endsWith("[" + f.id() + "]");
            if (f.url() != null && !f.url().isBlank()) assertThat(v.getAttribute("href")).as(f.id()).isEqualTo(f.url());
            // in its year's column
            int col = years.indexOf(String.valueOf(f.year()));
            WebElement cell = v.findElement(By.xpath("./ancestor::td"));
            assertThat(cell.findElements(By.xpath("preceding-sibling::*"))).as(f.id()).hasSize(col);
        }
        // two 2023 Kazakh-Afghan turnovers that disagree stay side by side in one cell
        WebElement afg2023 = driver.findElement(By.cssSelector("#byyear-table .published-value[data-id='kz-af-2023-turnover-interfax']"))
                .findElement(By.xpath("./ancestor::td"));
        assertThat(afg2023.findElements(By.cssSelector(".published-value")).size()).isGreaterThan(1);
        assertThat(afg2023.getAttribute("class")).contains("differ");
        // a partner's figure about KAZ, mirrored: China's customs turnovers are in the CHN row, in italics
        WebElement mirrored = driver.findElement(By.cssSelector("#byyear-table tr[data-partner='CHN'] .published-value.mirrored"));
        assertThat(mirrored.getAttribute("title")).contains("shown as KAZ sees it");

        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "trade-by-year.png"), panel.getScreenshotAs(OutputType.BYTES));

        // exports: KAZ's own exports and its partners' imports from it
        driver.findElement(By.cssSelector("#byyear-toggle button[data-measure='exports']")).click();
        List<PublishedFact> exports = seenBy("KAZ", "exports");
        assertThat(driver.findElement(By.id("byyear-title")).getText()).startsWith("Exports of");
        assertThat(driver.findElements(By.cssSelector("#byyear-table .published-value"))).hasSize(exports.size());
        assertThat(driver.findElement(By.cssSelector("#byyear-table .published-value[data-id='kz-by-2017-exports-azernews']"))
                .getText()).isEqualTo("$95.5 M");

        // another reporter: the table follows it
        String seq = driver.findElement(By.tagName("body")).getAttribute("data-seq");
        new Select(driver.findElement(By.id("reporter"))).selectByValue("TKM");
        new WebDriverWait(driver, WAIT).until(d -> !seq.equals(d.findElement(By.tagName("body")).getAttribute("data-seq")));
        assertThat(driver.findElements(By.cssSelector("#byyear-table .published-value"))).hasSize(seenBy("TKM", "exports").size());
        assertThat(driver.findElement(By.cssSelector("#byyear-table .published-value[data-id='cn-tm-2018-imports-eiu']"))
                .getText()).isEqualTo("$8,100.0 M");
    }

    /** The full-year all-goods values about a country for a measure, as it sees them (a partner's exports are its imports). */
    private static List<PublishedFact> seenBy(String country, String measure) {
        java.util.Map<String, String> mirror = java.util.Map.of("exports", "imports", "imports", "exports", "turnover", "turnover");
        return PublishedFacts.embedded().all().stream()
                .filter(f -> f.fullYear() && f.allGoods() && f.valueUsd() != null && f.year() >= 2015)
                .filter(f -> (f.reporter().equals(country) && f.measure().equals(measure))
                        || (f.partner().equals(country) && measure.equals(mirror.get(f.measure()))))
                .toList();
    }

    /** As the page's usdM: millions of US dollars, one decimal (two below 1 M), e.g. "$987.9 M". */
    private static String usdM(double usd) {
        return String.format(java.util.Locale.US, Math.abs(usd) < 1e6 ? "$%,.2f M" : "$%,.1f M", usd / 1e6);
    }
}
