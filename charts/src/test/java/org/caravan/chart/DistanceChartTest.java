package org.caravan.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.caravan.cost.CostModel;
import org.caravan.cost.CostModelLoader;
import org.caravan.io.NetworkLoader;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.place.PlaceIndex;
import org.caravan.place.RouteQuery;
import org.caravan.routing.Route;
import org.caravan.routing.Router;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Time/cost-distance charts of real routes on the embedded network: the picture adds up to the route. */
class DistanceChartTest {
    static Network network;
    static CostModel costs;
    static Router router;

    @BeforeAll
    static void load() throws Exception {
        network = new NetworkLoader().loadEmbedded();
        costs = CostModelLoader.defaults();
        router = new Router(network, costs);
    }

    static Route route(String from, String to, String objective) {
        var request = RouteQuery.builder().from(from).to(to).objective(objective).build().resolve(network, costs, new PlaceIndex(network));
        return router.route(request).route();
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    static List<Element> byClass(Document d, String cls) {
        NodeList all = d.getElementsByTagName("*");
        java.util.ArrayList<Element> out = new java.util.ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("class").equals(cls)) out.add(e);
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"Almaty, Urumqi, TIME", "Almaty, Urumqi, COST", "Almaty, Karachi, TIME", "Almaty, Karachi, COST",
        "Termez, Peshawar, TIME"})
    void oneSegmentPerLegOneJumpPerCrossingOrTransshipmentAndTheEndIsTheTotals(String from, String to, ChartKind kind)
            throws Exception {
        Route r = route(from, to, "cost");
        DistanceChart chart = DistanceChart.of(kind, List.of("best"), List.of(r));
        DistanceChart.Series s = chart.series().get(0);
        long crossingLegs = r.legs().stream().filter(l -> l.mode() == Mode.CROSSING).count();
        assertThat(s.segments()).hasSize((int) (r.legs().size() - crossingLegs));
        long dwells = r.timeline().stream().filter(t -> t.kind() == org.caravan.routing.TimeStep.Kind.DWELL).count();
        assertThat(s.jumps()).hasSize((int) (r.crossings().size() + r.transshipments().size() + dwells));
        assertThat(crossingLegs).isEqualTo(r.crossings().size());
        double total = kind == ChartKind.TIME ? r.totals().hours() : r.totals().usd();
        assertThat(s.endKm()).isCloseTo(r.totals().km(), within(1e-6));
        assertThat(s.endValue()).isCloseTo(total, within(1e-6 * Math.max(1, total)));

        Document svg = parse(SvgChart.render(chart, from + " – " + to + " <&> \"test\""));
        assertThat(svg.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 1000 560");
        assertThat(byClass(svg, "leg")).hasSize(s.segments().size());
        List<Element> jumps = byClass(svg, "jump");
        assertThat(jumps).hasSize(s.jumps().size());
        assertThat(jumps.stream().filter(j -> j.getAttribute("data-type").equals("crossing")).count())
                .isEqualTo(r.crossings().size());
        Element end = byClass(svg, "end").get(0);
        assertThat(Double.parseDouble(end.getAttribute("data-km"))).isCloseTo(r.totals().km(), within(0.001));
        assertThat(Double.parseDouble(end.getAttribute("data-value"))).isCloseTo(total, within(0.001));
        // The legend states the same totals in words.
        assertThat(byClass(svg, "total").get(0).getTextContent())
                .contains(String.format(java.util.Locale.ROOT, "%,.0f km", r.totals().km()));
    }

    @Test
    void segmentsAndJumpsChainWithoutGaps() {
        Route r = route("Almaty", "Karachi", "cost");
        DistanceChart.Series s = DistanceChart.of(ChartKind.TIME, List.of("r"), List.of(r)).series().get(0);
        // Every piece starts where some earlier piece ended: collect all pieces and sort by start.
        record P(double km0, double v0, double km1, double v1) {}
        java.util.List<P> ps = new java.util.ArrayList<>();
        s.segments().forEach(g -> ps.add(new P(g.km0(), g.value0(), g.km1(), g.value1())));
        s.jumps().forEach(j -> ps.add(new P(j.km0(), j.value0(), j.km1(), j.value1())));
        ps.sort(java.util.Comparator.comparingDouble(P::v0).thenComparingDouble(P::km0));
        for (int i = 1; i < ps.size(); i++) {
            assertThat(ps.get(i).km0()).isCloseTo(ps.get(i - 1).km1(), within(1e-6));
            assertThat(ps.get(i).v0()).isCloseTo(ps.get(i - 1).v1(), within(1e-6));
        }
    }

    @Test
    void severalRoutesOverlaidWithALegendEntryEach() throws Exception {
        Route a = route("Almaty", "Karachi", "cost");
        Route b = route("Almaty", "Karachi", "time");
        DistanceChart chart = DistanceChart.of(ChartKind.COST, List.of("cheapest", "fastest"), List.of(a, b));
        Document svg = parse(SvgChart.render(chart, "Almaty – Karachi"));
        assertThat(byClass(svg, "series")).hasSize(2);
        assertThat(byClass(svg, "series-name").stream().map(Element::getTextContent))
                .containsExactly("cheapest", "fastest");
        assertThat(byClass(svg, "end")).hasSize(2);
    }

    @Test
    void aLargeSetStillFitsTheLegendInThePicture() throws Exception {
        Route r = route("Almaty", "Karachi", "cost");
        List<String> names = java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(i -> "Route " + i).toList();
        DistanceChart chart = DistanceChart.of(ChartKind.TIME, names, java.util.Collections.nCopies(30, r));
        Document svg = parse(SvgChart.render(chart, "many"));
        assertThat(byClass(svg, "series")).hasSize(30);
        assertThat(byClass(svg, "series-name").size()).isBetween(10, 29);
        NodeList texts = svg.getElementsByTagName("text");
        boolean more = false;
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            if (t.getTextContent().endsWith("more routes")) more = true;
            if (t.getAttribute("transform").isEmpty()) {
                assertThat(Double.parseDouble(t.getAttribute("y"))).as(t.getTextContent()).isBetween(0.0, 560.0);
            }
        }
        assertThat(more).isTrue();
        assertThat(PngChart.render(chart, "many")).isNotEmpty();
    }

    @Test
    void pngReadsBackWithTheChartsSize() throws Exception {
        Route r = route("Almaty", "Urumqi", "cost");
        byte[] png = PngChart.render(DistanceChart.of(ChartKind.TIME, List.of("best"), List.of(r)), "Almaty – Urumqi");
        var img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isEqualTo(2000);
        assertThat(img.getHeight()).isEqualTo(1120);
    }

    @Test
    void kindParsesTimeOrCost() {
        assertThat(ChartKind.parse("Time")).isEqualTo(ChartKind.TIME);
        assertThat(ChartKind.parse("cost")).isEqualTo(ChartKind.COST);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChartKind.parse("speed"))
                .hasMessageContaining("time or cost");
    }

    @Test
    void escapesMarkupInNames() {
        assertThat(SvgChart.esc("a<b>&\"c'\u0001")).isEqualTo("a&lt;b&gt;&amp;&quot;c&apos;");
    }
}
