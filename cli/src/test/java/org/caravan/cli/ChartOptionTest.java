package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code --chart FILE} on route and scenario run: the file a user gets, and the errors. */
class ChartOptionTest {
    @TempDir
    Path dir;

    static Document parse(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(svg.toFile());
    }

    static List<Element> byClass(Document d, String cls) {
        NodeList all = d.getElementsByTagName("*");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("class").equals(cls)) out.add(e);
        }
        return out;
    }

    @Test
    void routeChartSvgHasALegPerLegAJumpPerCrossingOrTransshipmentAndEndsAtTheTotals() throws Exception {
        Path svg = dir.resolve("ak.svg");
        CliRunner.Run run = CliRunner.run("route", "Almaty", "Karachi", "--format", "json", "--chart", svg.toString(),
                "--chart-kind", "cost");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(run.out()).path("routes").get(0);
        int crossingLegs = 0;
        for (JsonNode leg : r.path("legs")) if (leg.path("mode").asText().equalsIgnoreCase("crossing")) crossingLegs++;
        Document d = parse(svg);
        assertThat(byClass(d, "leg")).hasSize(r.path("legs").size() - crossingLegs);
        int dwells = 0;
        for (JsonNode t : r.path("timeline")) if (t.path("kind").asText().equals("dwell")) dwells++;
        assertThat(byClass(d, "jump")).hasSize(r.path("crossings").size() + r.path("transshipments").size() + dwells);
        Element end = byClass(d, "end").get(0);
        assertThat(Double.parseDouble(end.getAttribute("data-km"))).isCloseTo(r.path("totals").path("km").asDouble(),
                within(0.1));
        assertThat(Double.parseDouble(end.getAttribute("data-value")))
                .isCloseTo(r.path("totals").path("usd").asDouble(), within(0.01));
    }

    @Test
    void alternativesAreOverlaidOneSeriesEach() throws Exception {
        Path svg = dir.resolve("alt.svg");
        CliRunner.Run run = CliRunner.run("route", "Almaty", "Karachi", "--alternatives", "3", "--format", "json",
                "--chart", svg.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        int routes = new ObjectMapper().readTree(run.out()).path("routes").size();
        List<Element> series = byClass(parse(svg), "series");
        assertThat(routes).isGreaterThan(1);
        assertThat(series).hasSize(routes);
        assertThat(series.get(0).getAttribute("data-name")).startsWith("Route 1");
        assertThat(byClass(parse(svg), "series-name")).hasSize(routes);
    }

    @Test
    void pngByExtension() throws Exception {
        Path png = dir.resolve("au.PNG");
        CliRunner.Run run = CliRunner.run("route", "Almaty", "Urumqi", "--chart", png.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        var img = ImageIO.read(png.toFile());
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isPositive();
        assertThat(img.getHeight()).isPositive();
    }

    @Test
    void unknownExtensionOrKindIsExit2NamingTheOption() {
        CliRunner.Run pdf = CliRunner.run("route", "Almaty", "Urumqi", "--chart", dir.resolve("a.pdf").toString());
        assertThat(pdf.exit()).isEqualTo(2);
        assertThat(pdf.err()).contains("--chart").contains(".svg or .png");
        assertThat(Files.exists(dir.resolve("a.pdf"))).isFalse();
        CliRunner.Run kind = CliRunner.run("route", "Almaty", "Urumqi", "--chart", dir.resolve("a.svg").toString(),
                "--chart-kind", "speed");
        assertThat(kind.exit()).isEqualTo(2);
        assertThat(kind.err()).contains("--chart-kind");
    }

    @Test
    void scenarioRunChartsBaselineAgainstScenario() throws Exception {
        Path svg = dir.resolve("sc.svg");
        CliRunner.Run run = CliRunner.run("scenario", "run", "torkham-closed", "Kabul", "Peshawar", "--chart",
                svg.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        List<Element> series = byClass(parse(svg), "series");
        assertThat(series).extracting(e -> e.getAttribute("data-name"))
                .containsExactly("baseline", "scenario torkham-closed");
    }

    @Test
    void scenarioChartNeedsOnePair() {
        CliRunner.Run run = CliRunner.run("scenario", "run", "torkham-closed", "--chart",
                dir.resolve("x.svg").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--chart");
    }
}
