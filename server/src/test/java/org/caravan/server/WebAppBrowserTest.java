package org.caravan.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.caravan.scenario.ScenarioBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web app in a real browser: Debian's headless Chromium driven through chromedriver against a server started
 * in this JVM on a free loopback port. Plans Almaty to Karachi, checks the cards and the route on the map, closes
 * a crossing of the route from its map marker and checks the re-plan, and shows an API error in the page.
 * Screenshots go to target/screenshots/. Skipped (not failed) only where Chromium or chromedriver is absent;
 * CI installs both (.ci/run). Other binaries: -Dcaravan.chromium=FILE -Dcaravan.chromedriver=FILE.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAppBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(45);

    private CaravanServer server;
    private ScenarioStore store;
    private Path dataDir;
    private WebDriver driver;
    private Path profile;
    private String base;
    private ScenarioBase scenarioBase;
    private final Path screenshots = Path.of("target", "screenshots");

    @BeforeAll
    void start() throws Exception {
        // Each test is then reported as skipped (see openPage), not the class silently dropped.
        if (!HeadlessChromium.installed()) return;

        dataDir = Files.createTempDirectory("caravan-data-");
        scenarioBase = ScenarioBase.embedded();
        store = DuckDbScenarioStore.open(dataDir, scenarioBase);
        server = new CaravanServer(scenarioBase, store).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port() + "/";

        profile = Files.createTempDirectory("caravan-chromium-");
        driver = HeadlessChromium.start(profile, "1400,1000").orElseThrow();
        driver.manage().timeouts().pageLoadTimeout(WAIT);
        Files.createDirectories(screenshots);
    }

    @AfterAll
    void stop() throws IOException {
        if (driver != null) driver.quit();
        if (server != null) server.close();
        if (store != null) store.close();
        HeadlessChromium.deleteTrees(profile, dataDir);
    }

    @BeforeEach
    void openPage() {
        assumeTrue(driver != null, HeadlessChromium.MISSING);
        driver.get(base);
        waitFor().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    /** The /api/network requests the browser made, from its resource timing (not from the page's own list). */
    @SuppressWarnings("unchecked")
    private List<String> networkRequests() {
        return (List<String>) js().executeScript("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".filter(n => n.includes('/api/network?')).map(n => n.substring(n.indexOf('/api/network')));");
    }

    private static final String VERTICES = "let n = 0; caravan.state.map.eachLayer(l => { if (l.options"
            + " && /net-link/.test(l.options.className || '') && l.getLatLngs) n += l.getLatLngs().length; }); return n;";

    /**
     * The map draws the simplified network layer of its zoom band (/api/network?zoom=N): zooming into another band
     * requests that band's lines around the view (lines=only&bbox=..., the box holding the view) and redraws the
     * lines there; going back to the first band requests nothing (its whole layer is kept).
     */
    @Test
    void aZoomChangeRequestsTheOtherBandsLinesForTheView() {
        Number first = (Number) js().executeScript("return caravan.state.networkBand;");
        assertThat(first).isNotNull();
        List<String> before = networkRequests();
        assertThat(before).allMatch(u -> u.startsWith("/api/network?zoom="));
        long v0 = ((Number) js().executeScript(VERTICES)).longValue();

        int target = first.intValue() == 3 ? 0 : 3;
        // Tashkent: many lines with track geometry around it.
        js().executeScript("caravan.state.map.setView([41.3, 69.25], arguments[0], {animate: false});", target == 3 ? 10 : 3);
        waitFor().until(d -> Integer.valueOf(target).equals(
                ((Number) js().executeScript("return caravan.state.networkBand;")).intValue()));
        assertThat(driver.findElement(By.tagName("body")).getAttribute("data-network-band")).isEqualTo(String.valueOf(target));
        List<String> after = networkRequests();
        assertThat(after).hasSize(before.size() + 1);
        String asked = after.get(after.size() - 1);
        assertThat(asked).startsWith("/api/network?zoom=" + (target == 3 ? 9 : 0) + "&lines=only&bbox=");
        assertBoxHoldsView(asked);
        assertThat(driver.findElements(By.cssSelector("#map path.net-link"))).hasSizeGreaterThan(100);
        long v1 = ((Number) js().executeScript(VERTICES)).longValue();
        // The full band (3) draws more vertices than a simplified one.
        if (target == 3) assertThat(v1).isGreaterThan(v0); else assertThat(v1).isLessThan(v0);

        // Back to the first band: drawn from the layer kept, no new request.
        js().executeScript("caravan.state.map.setZoom(arguments[0], {animate: false});", first.intValue() == 3 ? 10
                : new int[] {3, 5, 7, 9}[first.intValue()]);
        waitFor().until(d -> first.intValue() == ((Number) js().executeScript("return caravan.state.networkBand;")).intValue());
        sleep(600); // past the debounce: a request would have gone
        assertThat(networkRequests()).hasSize(after.size());
        assertThat(js().executeScript("return caravan.state.networkBandsRequested;")).asList().hasSize(1);
        assertThat(((Number) js().executeScript(VERTICES)).longValue()).isEqualTo(v0);
    }

    /**
     * Panning at a zoom of another band than the first: a pan inside the box already drawn asks nothing; a pan out
     * of it asks that band's lines for the new view (the box holds it) and draws them; a burst of pans asks once,
     * after the map has stopped (250 ms debounce).
     */
    @Test
    void panningAsksTheLinesOfTheNewView() {
        int first = ((Number) js().executeScript("return caravan.state.networkBand;")).intValue();
        int zoom = first == 2 ? 9 : 7;
        int band = first == 2 ? 3 : 2;
        js().executeScript("caravan.state.map.setView([41.3, 69.25], arguments[0], {animate: false});", zoom);
        waitFor().until(d -> ((Number) js().executeScript("return caravan.state.networkBand;")).intValue() == band
                && js().executeScript("return caravan.state.linesBox;") != null);
        int asked = bboxRequests().size();
        assertThat(asked).isPositive();

        // A small pan stays inside the padded box: nothing asked.
        js().executeScript("caravan.state.map.panBy([60, 40], {animate: false});");
        sleep(600);
        assertThat(bboxRequests()).hasSize(asked);

        // A burst of pans towards Almaty, each out of the box drawn: one request, for the last view.
        js().executeScript("const m = caravan.state.map; m.panTo([42.0, 72.0], {animate: false});"
                + " m.panTo([42.6, 74.6], {animate: false}); m.panTo([43.25, 76.9], {animate: false});");
        waitFor().until(d -> bboxRequests().size() > asked && ((String) js().executeScript(
                "return document.body.dataset.linesBox;")).equals(boxOf(bboxRequests().get(bboxRequests().size() - 1))));
        sleep(600);
        List<String> all = bboxRequests();
        assertThat(all).as("one request for the burst").hasSize(asked + 1);
        String url = all.get(all.size() - 1);
        assertThat(url).startsWith("/api/network?zoom=" + new int[] {0, 5, 7, 9}[band] + "&lines=only&bbox=");
        assertBoxHoldsView(url);
        assertThat(networkRequests()).contains(url);
        // Lines in the new view are drawn with that band's geometry: the answer's vertices, link by link.
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> same = (java.util.Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.json()).then(g => {"
                + " let n = 0, equal = 0; for (const f of g.features) { const l = caravan.state.linkLine(f.properties.id);"
                + " if (!l) continue; n++; if (l.getLatLngs().length === f.geometry.coordinates.length) equal++; }"
                + " done({n, equal}); });", url);
        assertThat(((Number) same.get("n")).intValue()).isGreaterThan(20);
        assertThat(same.get("equal")).isEqualTo(same.get("n"));
    }

    @SuppressWarnings("unchecked")
    private List<String> bboxRequests() {
        return (List<String>) js().executeScript("return caravan.state.bboxRequested;");
    }

    private static String boxOf(String url) {
        return url.substring(url.indexOf("bbox=") + 5);
    }

    /** The request's bbox holds the map's view (clamped to the globe). */
    private void assertBoxHoldsView(String url) {
        String[] p = boxOf(url).split(",");
        @SuppressWarnings("unchecked")
        List<Number> v = (List<Number>) js().executeScript("const b = caravan.state.map.getBounds();"
                + " return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];");
        assertThat(Double.parseDouble(p[0])).isLessThanOrEqualTo(Math.max(-180, v.get(0).doubleValue()));
        assertThat(Double.parseDouble(p[1])).isLessThanOrEqualTo(Math.max(-90, v.get(1).doubleValue()));
        assertThat(Double.parseDouble(p[2])).isGreaterThanOrEqualTo(Math.min(180, v.get(2).doubleValue()));
        assertThat(Double.parseDouble(p[3])).isGreaterThanOrEqualTo(Math.min(90, v.get(3).doubleValue()));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The first layer is the lean map layer (attrs=map, no sources); clicking a link fetches that link's attributes
     * once (/api/network/link/{id}) and its popup then shows the source. Prints the first layer's bytes on the wire
     * and the time to first draw (docs/PERFORMANCE.md), and the fetch-and-parse time of the map and the full layer.
     */
    @Test
    void clickingALinkFetchesAndShowsItsSource() {
        org.caravan.network.Link link = scenarioBase.network().links().stream()
                .filter(l -> l.mode() == org.caravan.network.Mode.RAIL && l.source() != null && l.source().length() > 5)
                .findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> first = (List<java.util.Map<String, Object>>) js().executeScript(
                "return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/network'))"
                + ".map(e => ({url: e.name.substring(e.name.indexOf('/api/network')), wire: e.transferSize,"
                + " body: e.encodedBodySize, raw: e.decodedBodySize, ms: e.responseEnd - e.startTime}));");
        assertThat(first).isNotEmpty();
        assertThat((String) first.get(0).get("url")).contains("attrs=map");
        assertThat(js().executeScript("return caravan.state.detailsRequested;")).asList().isEmpty();
        System.out.println("[webmap] first layers " + first + "; network drawn at "
                + driver.findElement(By.tagName("body")).getAttribute("data-network-drawn-ms") + " ms after navigation start");

        js().executeScript("const l = caravan.state.linkLine(arguments[0]); l.fire('click', {latlng: l.getCenter()});", link.id());
        WebElement shown = waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".leaflet-popup-content .detail-source")));
        String prefix = link.source().replaceAll("\\s+", " ").trim();
        prefix = prefix.substring(0, Math.min(30, prefix.length()));
        assertThat(shown.getText().replaceAll("\\s+", " ")).contains("Source: " + prefix);
        assertThat(driver.findElement(By.cssSelector(".leaflet-popup-content")).getText()).contains(link.id());
        assertThat(js().executeScript("return caravan.state.detailsRequested;")).asList().containsExactly("link/" + link.id());
        assertThat(js().executeScript("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.endsWith('/api/network/link/' + arguments[0])).length;", link.id())).isEqualTo(1L);
        // A second click is answered from the cache.
        js().executeScript("caravan.state.map.closePopup(); const l = caravan.state.linkLine(arguments[0]);"
                + " l.fire('click', {latlng: l.getCenter()});", link.id());
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup-content .detail-source")));
        assertThat(js().executeScript("return caravan.state.detailsRequested;")).asList().hasSize(1);

        // Measurement only: fetch and JSON.parse of each layer in this browser, best of 3.
        Object timing = ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "(async () => { const out = {}; for (const u of ['/api/network?zoom=0&attrs=map', '/api/network?zoom=0']) {"
                + " let best = 1e9; for (let i = 0; i < 3; i++) { const t = performance.now();"
                + " await (await fetch(u, {cache: 'no-store'})).json(); best = Math.min(best, performance.now() - t); }"
                + " out[u] = Math.round(best); } done(out); })();");
        System.out.println("[webmap] fetch+parse best of 3 (ms): " + timing);
    }

    @Test
    void plansDrawsAndReplansWhenACrossingOfTheRouteIsClosed() throws IOException {
        // The map is drawn: country shapes, network links, crossing markers, the attribution.
        assertThat(driver.findElements(By.cssSelector("#map path.net-link"))).hasSizeGreaterThan(100);
        assertThat(driver.findElements(By.cssSelector("#map .crossing-marker"))).isNotEmpty();
        assertThat(driver.findElement(By.cssSelector("#map .leaflet-control-attribution")).getText())
                .contains("Natural Earth").contains("docs/DATA.md");
        assertThat(driver.findElements(By.cssSelector("#avoid-list input.avoid-cb"))).hasSizeGreaterThan(5);

        // From with the autocomplete, To typed.
        WebElement from = driver.findElement(By.id("from"));
        from.sendKeys("Almaty");
        WebElement suggestion = waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#from-list li[role=option]")));
        assertThat(suggestion.getText()).contains("Almaty");
        suggestion.click();
        assertThat(from.getAttribute("data-id")).isNotBlank();
        driver.findElement(By.id("to")).sendKeys("Karachi", Keys.ESCAPE);
        WebElement alternatives = driver.findElement(By.id("alternatives"));
        alternatives.clear();
        alternatives.sendKeys("3");

        String seq = resultsSeq();
        driver.findElement(By.id("plan")).click();
        waitForNewResults(seq);
        List<WebElement> cards = driver.findElements(By.cssSelector("#results .route-card"));
        assertThat(cards).hasSizeBetween(2, 3);
        WebElement best = cards.get(0);
        assertThat(best.findElement(By.cssSelector(".total-km b")).getText()).matches("[0-9,]+");
        assertThat(best.findElement(By.cssSelector(".total-usd b")).getText()).matches("\\$[0-9,]+");
        assertThat(best.findElement(By.cssSelector(".total-p90 b")).getText()).matches("[0-9.,]+");
        assertThat(driver.findElement(By.id("comparison-table")).isDisplayed()).isTrue();
        WebElement line = driver.findElement(By.cssSelector("#map path.route-line.route-selected"));
        assertThat(line.getAttribute("d")).isNotBlank().hasSizeGreaterThan(20);
        assertThat(driver.findElements(By.cssSelector("#map path.route-line"))).hasSize(cards.size());
        assertThat(driver.findElement(By.id("download-geojson")).getAttribute("href"))
                .contains("/api/route.geojson?").contains("from=").contains("alternatives=3");
        assertThat(driver.findElement(By.id("download-brief-pdf")).getAttribute("href"))
                .contains("/api/brief.pdf?").contains("from=").contains("alternatives=3");
        assertThat(driver.findElement(By.id("download-brief-html")).getAttribute("href"))
                .contains("/api/brief.html?").contains("from=");
        assertThat(driver.findElement(By.id("download-csv")).getAttribute("href")).startsWith("blob:");
        String csv = (String) js().executeScript("return caravan.routeCsv(caravan.state.plan.routes[0]);");
        assertThat(csv).startsWith("seq,from,to,mode,gauge,km,hours,usd,co2_kg,country");
        screenshot("plan.png");

        // Each card has its time-distance chart: a line per leg, a jump per crossing or transshipment, ending at
        // the route's totals; hovering a line shows the leg (its <title>). The comparison overlays all routes.
        for (int i = 0; i < cards.size(); i++) {
            WebElement chart = cards.get(i).findElement(By.cssSelector(".chart-box svg.distance-chart"));
            assertThat(chart.getAttribute("data-kind")).isEqualTo("time");
            Number legs = (Number) js().executeScript("const r = caravan.state.plan.routes[arguments[0]];"
                    + "return r.legs.filter((l) => l.mode !== 'crossing').length;", i);
            Number jumps = (Number) js().executeScript("const r = caravan.state.plan.routes[arguments[0]];"
                    + "return r.crossings.length + r.transshipments.length"
                    + " + r.timeline.filter((t) => t.kind === 'dwell').length;", i);
            assertThat(chart.findElements(By.cssSelector("line.leg"))).hasSize(legs.intValue());
            assertThat(chart.findElements(By.cssSelector("line.jump"))).hasSize(jumps.intValue());
            Number km = (Number) js().executeScript("return caravan.state.plan.routes[arguments[0]].totals.km;", i);
            Number hours = (Number) js().executeScript("return caravan.state.plan.routes[arguments[0]].totals.hours;", i);
            WebElement end = chart.findElement(By.cssSelector("circle.end"));
            assertThat(Double.parseDouble(end.getAttribute("data-km"))).isCloseTo(km.doubleValue(), within(0.5));
            assertThat(Double.parseDouble(end.getAttribute("data-value"))).isCloseTo(hours.doubleValue(), within(0.05));
        }
        String hover = (String) js().executeScript(
                "return document.querySelector('#route-0 svg.distance-chart line.leg title').textContent;");
        assertThat(hover).contains(" km").contains(" h").contains("$");
        assertThat(driver.findElements(By.cssSelector("#comparison-chart svg.distance-chart g.series")))
                .hasSize(cards.size());
        driver.findElement(By.cssSelector("#route-0 .chart-kind button:nth-child(2)")).click();
        WebElement costChart = driver.findElement(By.cssSelector("#route-0 svg.distance-chart"));
        assertThat(costChart.getAttribute("data-kind")).isEqualTo("cost");
        Number totalUsd = (Number) js().executeScript("return caravan.state.plan.routes[0].totals.usd;");
        assertThat(Double.parseDouble(costChart.findElement(By.cssSelector("circle.end")).getAttribute("data-value")))
                .isCloseTo(totalUsd.doubleValue(), within(1.0));
        assertThat(driver.findElement(By.cssSelector("#comparison-chart svg.distance-chart")).getAttribute("data-kind"))
                .isEqualTo("cost");
        Files.write(screenshots.resolve("chart.png"), costChart.getScreenshotAs(OutputType.BYTES));
        Files.write(screenshots.resolve("comparison-chart.png"),
                driver.findElement(By.id("comparison-chart")).getScreenshotAs(OutputType.BYTES));
        driver.findElement(By.cssSelector("#route-0 .chart-kind button:nth-child(1)")).click();

        // Clicking the second card highlights its route.
        cards.get(1).click();
        assertThat(cards.get(1).getAttribute("class")).contains("selected");
        assertThat(driver.findElement(By.cssSelector("#map path.route-line.route-selected")).getAttribute("class"))
                .contains("route-line-1");
        cards.get(0).click();

        // Close the best route's first crossing from its marker on the map.
        List<String> before = crossingIds(best);
        String beforeTotals = best.findElement(By.className("totals")).getText();
        assertThat(before).isNotEmpty();
        String crossing = before.get(0);
        WebElement marker = driver.findElement(By.cssSelector("#map .crossing-marker[data-ids~='" + crossing + "']"));
        new Actions(driver).moveToElement(marker).perform();
        WebElement tooltip = waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#map .leaflet-tooltip.info")));
        assertThat(tooltip.getText()).contains("p90").contains("fee").contains("Source");
        screenshot("tooltip.png");
        try {
            marker.click();
        } catch (ElementClickInterceptedException e) {
            // Another marker lies on top at this zoom: zoom in on this one, as a person would.
            js().executeScript("caravan.state.map.setView(caravan.state.crossingMarkers.get(arguments[0]).getLatLng(), 9,"
                    + " {animate: false});", crossing);
            marker = driver.findElement(By.cssSelector("#map .crossing-marker[data-ids~='" + crossing + "']"));
            marker.click();
        }
        WebElement close = waitFor().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".leaflet-popup button.close-replan[data-ids~='" + crossing + "']")));
        assertThat(driver.findElement(By.cssSelector(".leaflet-popup")).getText()).contains("fee").contains("p90");
        seq = resultsSeq();
        close.click();
        waitForNewResults(seq);
        assertThat(driver.findElements(By.cssSelector("#closed-list .chip[data-ids~='" + crossing + "']"))).hasSize(1);
        assertThat(driver.getCurrentUrl()).contains("close=").contains(crossing);
        WebElement after = driver.findElement(By.cssSelector("#results .route-card"));
        List<String> afterIds = crossingIds(after);
        assertThat(afterIds).doesNotContain(crossing);
        assertThat(afterIds.equals(before) && after.findElement(By.className("totals")).getText().equals(beforeTotals))
                .as("the route changes").isFalse();
        WebElement whatIf = driver.findElement(By.id("whatif"));
        assertThat(whatIf.isDisplayed()).isTrue();
        assertThat(whatIf.getText()).startsWith("Closed").contains("was");
        assertThat(after.findElement(By.className("delta")).getText()).contains("vs. before");
        screenshot("closed.png");

        // Re-opening from the chip brings the crossing back.
        seq = resultsSeq();
        driver.findElement(By.cssSelector("#closed-list .chip[data-ids~='" + crossing + "'] button")).click();
        waitForNewResults(seq);
        assertThat(driver.findElements(By.cssSelector("#closed-list .chip"))).isEmpty();
        assertThat(crossingIds(driver.findElement(By.cssSelector("#results .route-card")))).isEqualTo(before);
    }

    @AfterEach
    void noScriptErrors() {
        if (driver == null) return;
        // Errors the page logs (uncaught exceptions, failed loads); a 400 from the API is expected in one test.
        List<String> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !(m.contains("/api/route?") || m.contains("/api/scenarios")) || !m.contains("400"))
                .toList();
        assertThat(severe).as("browser console errors").isEmpty();
    }

    @Test
    void paretoModeListsTheTradeOffsSideBySide() throws IOException {
        driver.findElement(By.id("from")).sendKeys("Tashkent", Keys.ESCAPE);
        driver.findElement(By.id("to")).sendKeys("Karachi", Keys.ESCAPE);
        driver.findElement(By.id("pareto")).click();
        assertThat(driver.findElement(By.id("alternatives")).isEnabled()).isFalse();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("cargo"))).selectByValue("bulk");
        driver.findElement(By.id("tonnes")).sendKeys("5000");
        String seq = resultsSeq();
        driver.findElement(By.id("plan")).click();
        waitForNewResults(seq);
        assertThat(driver.findElements(By.cssSelector("#results .route-card"))).isNotEmpty();
        assertThat(driver.findElement(By.id("download-geojson")).getAttribute("href")).contains("pareto=true")
                .contains("tonnes=5000");
        assertThat(driver.findElement(By.cssSelector("#results .route-card .note")).getText()).contains("5,000 t");
        assertThat(driver.findElement(By.id("comparison-table")).isDisplayed()).isTrue();
        screenshot("pareto.png");
    }

    @Test
    void anUnknownPlaceIsShownInThePage() throws IOException {
        driver.findElement(By.id("from")).sendKeys("Atlantis", Keys.ESCAPE);
        driver.findElement(By.id("to")).sendKeys("Karachi", Keys.ESCAPE);
        driver.findElement(By.id("plan")).click();
        WebElement error = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(error.getText()).contains("unknown place").contains("Atlantis").contains("field: from");
        assertThat(driver.findElement(By.id("from")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElements(By.cssSelector("#results .route-card"))).isEmpty();
        screenshot("error.png");
    }

    @Test
    void noRouteShowsTheMessageAndTheBlockingConstraints() {
        driver.findElement(By.id("from")).sendKeys("Almaty", Keys.ESCAPE);
        driver.findElement(By.id("to")).sendKeys("Karachi", Keys.ESCAPE);
        for (String cc : List.of("AF", "IR", "CN")) driver.findElement(By.id("avoid-" + cc)).click();
        // land modes only: with the network's Black Sea and Mediterranean ports a sea route through Suez exists
        driver.findElement(By.cssSelector("#more-options summary")).click();
        for (String mode : List.of("rail", "road")) driver.findElement(By.id("modes-" + mode)).click();
        String seq = resultsSeq();
        driver.findElement(By.id("plan")).click();
        waitForNewResults(seq);
        WebElement noRoute = driver.findElement(By.id("no-route"));
        assertThat(noRoute.getText()).startsWith("No route");
        assertThat(driver.findElements(By.cssSelector("#map path.route-line"))).isEmpty();
    }

    @Test
    void aScenarioChangesTheCorridorAndTheCriticalityLayerColoursLinks() throws IOException {
        new Select(driver.findElement(By.id("scenario"))).selectByValue("torkham-closed");
        assertThat(driver.findElement(By.id("scenario-info")).getText()).contains("Torkham");
        driver.findElement(By.id("from")).sendKeys("Kabul", Keys.ESCAPE);
        driver.findElement(By.id("to")).sendKeys("Peshawar", Keys.ESCAPE);
        String seq = resultsSeq();
        driver.findElement(By.id("plan")).click();
        waitForNewResults(seq);

        WebElement result = driver.findElement(By.id("scenario-result"));
        assertThat(result.isDisplayed()).isTrue();
        String baseline = result.findElement(By.className("baseline-corridor")).getText();
        String scenario = result.findElement(By.className("scenario-corridor")).getText();
        assertThat(baseline).contains("Torkham");
        assertThat(scenario).isNotBlank().isNotEqualTo(baseline).doesNotContain("Torkham");
        assertThat(result.getText()).contains("Changes corridor").contains("Cost (USD)").doesNotContain("null");
        List<WebElement> cards = driver.findElements(By.cssSelector("#results .route-card"));
        assertThat(cards).hasSize(2);
        assertThat(cards.get(0).findElement(By.tagName("h2")).getText()).startsWith("Scenario: Torkham closed");
        assertThat(cards.get(0).findElement(By.className("corridor-change")).getText()).contains("Torkham");
        assertThat(cards.get(0).findElement(By.className("delta")).getText()).contains("vs. baseline").contains("$");
        assertThat(cards.get(1).findElement(By.tagName("h2")).getText()).startsWith("Baseline");
        assertThat(cards.get(1).getText()).doesNotContain("null");
        assertThat(driver.findElements(By.cssSelector("#map path.route-line"))).hasSize(2);
        assertThat(driver.findElement(By.id("comparison-table")).getText()).contains("Baseline");
        screenshot("scenario.png");

        // The criticality layer: links coloured by rank, a legend, the rank and cost in the tooltip.
        driver.findElement(By.id("criticality-toggle")).click();
        waitFor().until(d -> d.findElements(By.cssSelector("#map path.critical-link")).size() > 10);
        List<WebElement> top = driver.findElements(By.cssSelector("#map path.critical-link.crit-top10"));
        assertThat(top).hasSizeBetween(1, 10);
        assertThat(driver.findElements(By.cssSelector("#map path.critical-link.crit-top30"))).hasSizeBetween(1, 20);
        assertThat(driver.findElement(By.id("critical-legend")).getText()).contains("Top 10").contains("Top 11");
        js().executeScript("arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true, clientX: 700, "
                + "clientY: 400}));", top.get(top.size() - 1));
        WebElement tooltip = waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#map .leaflet-tooltip.info")));
        assertThat(tooltip.getText()).startsWith("#").contains("adds $");
        js().executeScript("arguments[0].dispatchEvent(new MouseEvent('mouseout', {bubbles: true}));",
                top.get(top.size() - 1));
        screenshot("critical.png");
        driver.findElement(By.id("criticality-toggle")).click();
        assertThat(driver.findElements(By.cssSelector("#map path.critical-link"))).isEmpty();
    }

    /** The freight-flow layer (/api/assign): widths by tonnes, colours by volume/capacity, legend and tooltip. */
    @Test
    void theFreightFlowLayerDrawsLoadedLinksWithALegend() throws IOException {
        driver.findElement(By.id("flows-toggle")).click();
        waitFor().until(d -> d.findElements(By.cssSelector("#map path.flow")).size() > 10);
        List<WebElement> lines = driver.findElements(By.cssSelector("#map path.flow"));
        java.util.Set<String> widths = new java.util.HashSet<>();
        for (WebElement l : lines) widths.add(l.getAttribute("stroke-width"));
        assertThat(widths).as("widths follow tonnes").hasSizeGreaterThan(3);
        assertThat(driver.findElements(By.cssSelector("#map path.flow.flow-link"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#map path.flow.flow-free, #map path.flow.flow-near, "
                + "#map path.flow.flow-saturated"))).as("crossings coloured by v/c").isNotEmpty();
        assertThat(driver.findElement(By.id("flow-legend")).getText()).contains("Freight flows")
                .contains("Saturated").contains("illustrative");
        WebElement heaviest = lines.get(lines.size() - 1);
        js().executeScript("arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true, clientX: 700, "
                + "clientY: 400}));", heaviest);
        WebElement tooltip = waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#map .leaflet-tooltip.info")));
        assertThat(tooltip.getText()).contains("t a year");
        screenshot("flows.png");
        driver.findElement(By.id("flows-toggle")).click();
        assertThat(driver.findElements(By.cssSelector("#map path.flow"))).isEmpty();
    }

    @Test
    void aUserScenarioIsSavedPickedAndABadOneShowsTheField() {
        driver.findElement(By.cssSelector("#save-box summary")).click();
        WebElement text = driver.findElement(By.id("scenario-text"));
        text.sendKeys("id: bad-closure\ntitle: Nowhere closed\nrationale: test\nchanges: {close: [Atlantis]}\n");
        driver.findElement(By.id("save-scenario")).click();
        WebElement error = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(error.getText()).contains("Atlantis").contains("field: changes.close[0]");

        text.clear();
        text.sendKeys("id: my-closure\ntitle: My Torkham closure\nrationale: test\nchanges: {close: [Torkham]}\n");
        driver.findElement(By.id("save-scenario")).click();
        waitFor().until(d -> d.findElement(By.id("save-status")).getText().contains("Saved"));
        assertThat(driver.findElement(By.id("error")).isDisplayed()).isFalse();
        Select select = new Select(driver.findElement(By.id("scenario")));
        assertThat(select.getFirstSelectedOption().getAttribute("value")).isEqualTo("my-closure");
        assertThat(driver.findElement(By.id("delete-scenario")).isEnabled()).isTrue();
        // A reload lists it again (it is in the store, not the page).
        driver.navigate().refresh();
        waitFor().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(driver.findElements(By.cssSelector("#scenario optgroup[label=Saved] option[value=my-closure]")))
                .hasSize(1);
        new Select(driver.findElement(By.id("scenario"))).selectByValue("my-closure");
        driver.findElement(By.cssSelector("#save-box summary")).click();
        driver.findElement(By.id("delete-scenario")).click();
        waitFor().until(d -> d.findElements(By.cssSelector("#scenario option[value=my-closure]")).isEmpty());
    }

    @Test
    void aUrlWithStateFillsTheFormAndPlansOnLoad() throws IOException {
        driver.get(base + "?from=KZALA&to=Karachi&cargo=bulk&tonnes=2000&avoid=IR&close=Torkham&alternatives=2"
                + "&route=2");
        waitFor().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        // The form shows the state: a place id by its name, the options, the avoided country, the closure chip.
        assertThat(driver.findElement(By.id("from")).getAttribute("value")).isEqualTo("Almaty");
        assertThat(driver.findElement(By.id("from")).getAttribute("data-id")).isEqualTo("KZALA");
        assertThat(driver.findElement(By.id("to")).getAttribute("value")).isEqualTo("Karachi");
        assertThat(new Select(driver.findElement(By.id("cargo"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("bulk");
        assertThat(driver.findElement(By.id("tonnes")).getAttribute("value")).isEqualTo("2000");
        assertThat(driver.findElement(By.id("avoid-IR")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("alternatives")).getAttribute("value")).isEqualTo("2");
        assertThat(driver.findElement(By.cssSelector("#closed-list .chip")).getText()).contains("Torkham");

        // ... and the plan of that state is shown, the second route selected as the URL says.
        List<WebElement> cards = driver.findElements(By.cssSelector("#results .route-card"));
        assertThat(cards).hasSize(2);
        assertThat(cards.get(1).getAttribute("class")).contains("selected");
        assertThat(driver.findElement(By.cssSelector("#map path.route-line.route-selected")).getAttribute("class"))
                .contains("route-line-1");
        assertThat(cards.get(0).findElement(By.className("note")).getText()).contains("2,000 t").contains("bulk");
        for (WebElement card : cards) {
            assertThat(card.findElement(By.cssSelector(".via")).getText()).doesNotContain("IR");
            assertThat(card.findElements(By.cssSelector("table.crossings td")).stream().map(WebElement::getText))
                    .noneMatch(t -> t.startsWith("Torkham"));
        }
        // What the answer says was done: the avoided country by name and code, the closed crossing by name and id.
        WebElement echo = driver.findElement(By.id("echo"));
        assertThat(echo.isDisplayed()).isTrue();
        assertThat(echo.findElement(By.className("echo-avoid")).getText()).contains("Iran (IR)");
        assertThat(echo.findElement(By.className("echo-closed")).getText()).contains("Torkham")
                .contains("x_pktor_afrkh_road");
        assertThat(driver.findElement(By.id("download-geojson")).getAttribute("href")).contains("avoid=IR")
                .contains("close=Torkham").contains("cargo=bulk").doesNotContain("route=");
        screenshot("url-state.png");

        // Picking the first card is kept in the URL without a new history entry.
        cards.get(0).click();
        waitFor().until(d -> !d.getCurrentUrl().contains("route="));
        assertThat(driver.getCurrentUrl()).contains("avoid=IR").contains("close=Torkham");
    }

    @Test
    void closingACrossingClosesAllItsModesAndBackAndForwardRestoreEachState() throws IOException {
        driver.findElement(By.id("from")).sendKeys("Tashkent", Keys.ESCAPE);
        driver.findElement(By.id("to")).sendKeys("Bandar Abbas", Keys.ESCAPE);
        WebElement alternatives = driver.findElement(By.id("alternatives"));
        alternatives.clear();
        alternatives.sendKeys("1");
        String seq = resultsSeq();
        driver.findElement(By.id("plan")).click();
        waitForNewResults(seq);
        String planned = driver.getCurrentUrl();
        assertThat(planned).contains("from=Tashkent").contains("to=Bandar+Abbas").doesNotContain("close=");
        WebElement best = driver.findElement(By.cssSelector("#results .route-card"));
        List<String> before = crossingIds(best);
        assertThat(before).as("the Sarakhs rail crossing is on the best route").contains("x_tmsrk_irckt_rail");
        String beforeTotals = best.findElement(By.className("totals")).getText();

        // "Close" on the route's Sarakhs rail closes the whole Sarakhs crossing: its road link too.
        seq = resultsSeq();
        best.findElement(By.cssSelector("table.crossings tr[data-id=x_tmsrk_irckt_rail] button.close-btn")).click();
        waitForNewResults(seq);
        WebElement chip = driver.findElement(By.cssSelector("#closed-list .chip"));
        assertThat(chip.getAttribute("data-ids").split(" "))
                .containsExactlyInAnyOrder("x_tmsrk_irckt_rail", "x_tmsrk_irckt_road");
        assertThat(chip.getText()).contains("Sarakhs");
        List<String> after = crossingIds(driver.findElement(By.cssSelector("#results .route-card")));
        assertThat(after).doesNotContain("x_tmsrk_irckt_rail", "x_tmsrk_irckt_road");
        assertThat(driver.findElement(By.cssSelector("#echo .echo-closed")).getText())
                .contains("x_tmsrk_irckt_rail").contains("x_tmsrk_irckt_road");
        String closedUrl = driver.getCurrentUrl();
        assertThat(closedUrl).contains("close=x_tmsrk_irckt_rail%2Cx_tmsrk_irckt_road");
        screenshot("closed-crossing.png");

        // A second question: bulk.
        new Select(driver.findElement(By.id("cargo"))).selectByValue("bulk");
        seq = resultsSeq();
        driver.findElement(By.id("plan")).click();
        waitForNewResults(seq);
        assertThat(driver.getCurrentUrl()).contains("cargo=bulk").contains("close=");

        // Back: container again, Sarakhs still closed.
        seq = resultsSeq();
        driver.navigate().back();
        waitForNewResults(seq);
        assertThat(driver.getCurrentUrl()).isEqualTo(closedUrl);
        assertThat(new Select(driver.findElement(By.id("cargo"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("container");
        assertThat(driver.findElements(By.cssSelector("#closed-list .chip"))).hasSize(1);
        assertThat(crossingIds(driver.findElement(By.cssSelector("#results .route-card")))).isEqualTo(after);

        // Back again: nothing closed, the first route.
        seq = resultsSeq();
        driver.navigate().back();
        waitForNewResults(seq);
        assertThat(driver.getCurrentUrl()).isEqualTo(planned);
        assertThat(driver.findElements(By.cssSelector("#closed-list .chip"))).isEmpty();
        WebElement again = driver.findElement(By.cssSelector("#results .route-card"));
        assertThat(crossingIds(again)).isEqualTo(before);
        assertThat(again.findElement(By.className("totals")).getText()).isEqualTo(beforeTotals);
        assertThat(driver.findElement(By.id("from")).getAttribute("value")).isEqualTo("Tashkent");

        // Forward: the closure again; a reload of that URL plans it the same.
        seq = resultsSeq();
        driver.navigate().forward();
        waitForNewResults(seq);
        assertThat(driver.getCurrentUrl()).isEqualTo(closedUrl);
        assertThat(driver.findElements(By.cssSelector("#closed-list .chip"))).hasSize(1);
        assertThat(crossingIds(driver.findElement(By.cssSelector("#results .route-card")))).isEqualTo(after);
        driver.navigate().refresh();
        waitFor().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(crossingIds(driver.findElement(By.cssSelector("#results .route-card")))).isEqualTo(after);
        assertThat(driver.findElement(By.cssSelector("#closed-list .chip")).getAttribute("data-ids"))
                .contains("x_tmsrk_irckt_road");
    }

    @Test
    void aSavedScenarioWhoseTitleHoldsMarkupShowsItAsText() {
        String title = "<img src=x onerror=\"window.pwned=1\"><b>Torkham</b> & co";
        driver.findElement(By.cssSelector("#save-box summary")).click();
        driver.findElement(By.id("scenario-text")).sendKeys("id: markup-title\ntitle: '" + title + "'\n"
                + "rationale: '<script>window.pwned=2</script> markup in the rationale'\nchanges: {close: [Torkham]}\n");
        driver.findElement(By.id("save-scenario")).click();
        waitFor().until(d -> d.findElement(By.id("save-status")).getText().contains("Saved"));
        assertThat(driver.findElement(By.id("save-status")).getText()).contains(title);
        assertThat(new Select(driver.findElement(By.id("scenario"))).getFirstSelectedOption().getText())
                .startsWith(title);
        assertThat(driver.findElement(By.id("scenario-info")).getText()).startsWith("<script>");

        driver.findElement(By.id("from")).sendKeys("Kabul", Keys.ESCAPE);
        driver.findElement(By.id("to")).sendKeys("Peshawar", Keys.ESCAPE);
        String seq = resultsSeq();
        driver.findElement(By.id("plan")).click();
        waitForNewResults(seq);
        assertThat(driver.getCurrentUrl()).contains("scenario=markup-title");
        assertThat(driver.findElement(By.cssSelector("#scenario-result .scenario-change")).getText()).startsWith(title);
        assertThat(driver.findElement(By.cssSelector("#results .route-card h2")).getText())
                .startsWith("Scenario: " + title);
        assertThat(driver.findElement(By.id("comparison-table")).getText()).contains(title);
        // Shown as text: no element was made from it and nothing ran.
        assertThat(driver.findElements(By.cssSelector("#panel img, #scenario-result .scenario-change *, "
                + "#results .route-card h2 b, #scenario option *"))).isEmpty();
        assertThat(js().executeScript("return window.pwned === undefined;")).isEqualTo(true);

        new Select(driver.findElement(By.id("scenario"))).selectByValue("markup-title");
        driver.findElement(By.id("delete-scenario")).click();
        waitFor().until(d -> d.findElements(By.cssSelector("#scenario option[value=markup-title]")).isEmpty());
    }

    // ------------------------------------------------------------------ helpers

    private WebDriverWait waitFor() { return new WebDriverWait(driver, WAIT); }

    private JavascriptExecutor js() { return (JavascriptExecutor) driver; }

    private String resultsSeq() {
        String s = driver.findElement(By.id("results")).getAttribute("data-seq");
        return s == null ? "" : s;
    }

    private void waitForNewResults(String previousSeq) {
        waitFor().until(d -> {
            String error = d.findElement(By.id("error")).getText();
            if (!error.isBlank()) throw new AssertionError("the page shows an error: " + error);
            return !previousSeq.equals(resultsSeq());
        });
    }

    private static List<String> crossingIds(WebElement card) {
        return card.findElements(By.cssSelector("table.crossings tr[data-id]")).stream()
                .map(e -> e.getAttribute("data-id")).toList();
    }

    private void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(screenshots.resolve(name), png);
    }
}
