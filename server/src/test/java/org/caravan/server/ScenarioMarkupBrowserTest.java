package org.caravan.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.caravan.scenario.ScenarioBase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A saved scenario whose title and rationale hold markup is shown as text: no element is made of it and no
 * script of it runs, under the server's Content-Security-Policy (which the page must load under without a single
 * violation). Skipped where Chromium or chromedriver is absent, like the other browser tests.
 */
class ScenarioMarkupBrowserTest {
    static final String TITLE = "<img src=x onerror=\"window.__pwned=1\"><b>Bold</b> closure";
    static final String RATIONALE = "<script>window.__pwned=2</script><i>why</i>";

    @Test
    void markupInASavedScenarioRendersAsText() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.installed(), HeadlessChromium.MISSING);
        Path dataDir = Files.createTempDirectory("caravan-markup-");
        Path profile = Files.createTempDirectory("caravan-chromium-");
        ScenarioBase base = ScenarioBase.embedded();
        ScenarioStore store = DuckDbScenarioStore.open(dataDir, base);
        store.save("markup", """
                id: markup
                title: '%s'
                rationale: '%s'
                sources: ["a test"]
                changes:
                  close: [Torkham]
                """.formatted(TITLE, RATIONALE));
        CaravanServer server = new CaravanServer(base, store).start("127.0.0.1", 0);
        ChromeDriver driver = HeadlessChromium.start(profile, "1200,900").orElseThrow();
        try {
            driver.get("http://127.0.0.1:" + server.port() + "/");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            wait.until(d -> !d.findElements(By.cssSelector("#scenario option[value=markup]")).isEmpty());
            assertThat(driver.findElement(By.cssSelector("#scenario option[value=markup]")).getText())
                    .contains("<b>Bold</b>");
            new Select(driver.findElement(By.id("scenario"))).selectByValue("markup");
            wait.until(d -> d.findElement(By.id("scenario-info")).getText().contains("why"));
            var info = driver.findElement(By.id("scenario-info"));
            assertThat(info.getText()).contains("<script>", "<i>why</i>");
            assertThat(info.findElements(By.tagName("i"))).isEmpty();
            // The scenario's card, titled with the scenario's title.
            driver.findElement(By.id("from")).sendKeys("Kabul", Keys.ESCAPE);
            driver.findElement(By.id("to")).sendKeys("Peshawar", Keys.ESCAPE);
            driver.findElement(By.id("plan")).click();
            wait.until(d -> d.findElements(By.cssSelector("#results .route-card h2")).stream()
                    .anyMatch(h -> h.getText().contains("Bold")));
            var card = driver.findElements(By.cssSelector("#results .route-card")).get(0);
            assertThat(card.findElement(By.tagName("h2")).getText()).contains("<b>Bold</b>");
            assertThat(card.findElement(By.tagName("h2")).findElements(By.tagName("b"))).isEmpty();
            assertThat(driver.findElements(By.cssSelector("img[src=x]"))).isEmpty();
            assertThat(((JavascriptExecutor) driver).executeScript("return window.__pwned === undefined"))
                    .isEqualTo(true);
            List<String> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                    .toList();
            assertThat(severe).as("console errors, Content-Security-Policy violations among them").isEmpty();
        } finally {
            driver.quit();
            server.close();
            store.close();
            HeadlessChromium.deleteTrees(profile, dataDir);
        }
    }
}
