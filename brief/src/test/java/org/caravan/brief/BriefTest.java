package org.caravan.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.caravan.cost.CostModel;
import org.caravan.cost.CostModelLoader;
import org.caravan.geo.CountryShapes;
import org.caravan.io.NetworkLoader;
import org.caravan.network.Network;
import org.caravan.place.PlaceIndex;
import org.caravan.place.RouteQuery;
import org.caravan.routing.CrossingUse;
import org.caravan.routing.Leg;
import org.caravan.routing.Plan;
import org.caravan.routing.PlanOptions;
import org.caravan.routing.Planner;
import org.caravan.routing.Route;
import org.caravan.routing.Router;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class BriefTest {
    static Network network;
    static CostModel costs;
    static Brief brief;
    static List<Route> routes;

    @BeforeAll
    static void load() throws Exception {
        network = new NetworkLoader().loadEmbedded();
        costs = CostModelLoader.defaults();
        var request = RouteQuery.builder().from("Almaty").to("Karachi").build().resolve(network, costs, new PlaceIndex(network));
        Plan plan = new Planner(new Router(network, costs)).plan(request,
                new PlanOptions(3, false, 0.02, 200_000, 3_000, 500, 1L));
        routes = plan.routes();
        List<Brief.Entry> entries = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            entries.add(new Brief.Entry("Route " + (i + 1), routes.get(i), network, costs));
        }
        brief = new Brief("Almaty → Karachi", "container, 1 box; objective cost", entries, CountryShapes.naturalEarth());
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setValidating(false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    @Test
    void htmlIsWellFormedAndHoldsEveryCrossingAndEverySource() throws Exception {
        assertThat(routes).hasSizeGreaterThan(1);
        String html = brief.html();
        Document d = parse(html);
        assertThat(d.getElementsByTagName("svg").getLength()).isEqualTo(3); // map + two charts
        String text = d.getDocumentElement().getTextContent();
        for (Route r : routes) {
            assertThat(r.crossings()).isNotEmpty();
            for (CrossingUse c : r.crossings()) {
                assertThat(text).contains(c.name());
                if (c.source() != null && !c.source().isBlank()) assertThat(text).contains(c.source());
            }
            for (Leg leg : r.legs()) {
                String src = network.link(leg.linkId()).orElseThrow().source();
                if (src != null && !src.isBlank()) assertThat(text).contains(src);
            }
            for (var s : Brief.costSources(costs, r.cargo()).entrySet()) {
                assertThat(text).contains(s.getKey()).contains(s.getValue().source());
            }
        }
        assertThat(Brief.costSources(costs, "container").keySet())
                .anyMatch(k -> k.startsWith("profiles.container.modes."))
                .noneMatch(k -> k.startsWith("profiles.bulk."));
        assertThat(text).contains("Exposure by country", "Reliability", "Data sources", "Transshipments");
    }

    @Test
    void pdfEmbedsItsFontsAndRendersToANonEmptyPage(@TempDir Path dir) throws Exception {
        byte[] pdf = brief.pdf();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        int fonts = 0;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            for (PDPage page : doc.getPages()) {
                for (COSName n : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(n);
                    assertThat(f.isEmbedded()).as(f.getName()).isTrue();
                    fonts++;
                }
            }
        }
        assertThat(fonts).isPositive();
        Path file = dir.resolve("brief.pdf");
        Files.write(file, pdf);
        assumeTrue(onPath("pdftoppm"), "pdftoppm (poppler-utils) is not installed");
        Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", file.toString(),
                dir.resolve("page").toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor()).isZero();
        File png = Files.list(dir).filter(f -> f.getFileName().toString().endsWith(".png")).findFirst()
                .orElseThrow().toFile();
        BufferedImage img = ImageIO.read(png);
        assertThat(img.getWidth()).isGreaterThan(100);
        int first = img.getRGB(0, 0);
        long different = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) if (img.getRGB(x, y) != first) different++;
        }
        assertThat(different).as("pixels that differ from the page background").isGreaterThan(1000);
    }

    static boolean onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, exe))) return true;
        }
        return false;
    }
}
