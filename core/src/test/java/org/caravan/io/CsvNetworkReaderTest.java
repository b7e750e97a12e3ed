package org.caravan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.caravan.network.Cargo;
import org.caravan.network.CrossingTimes;
import org.caravan.network.Gauge;
import org.caravan.network.Link;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.NetworkBuilder;
import org.caravan.network.Node;
import org.caravan.network.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

class CsvNetworkReaderTest {
    static final String MINI = "/org/caravan/io/mini/";

    @TempDir
    Path dir;

    static Network mini() throws Exception {
        return new NetworkLoader().loadResources(MINI + "nodes.csv", MINI + "links.csv");
    }

    @Test
    void readsEveryField() throws Exception {
        Network n = mini();
        assertThat(n.nodeCount()).isEqualTo(7);
        assertThat(n.linkCount()).isEqualTo(6);
        assertThat(n.origin()).isEqualTo("embedded");

        Node almaty = n.node("KZALA").orElseThrow();
        assertThat(almaty.altNames()).containsExactly("Алматы", "Alma-Ata");
        assertThat(almaty.handles()).containsExactlyInAnyOrder(Cargo.CONTAINER, Cargo.BULK);
        assertThat(almaty.transship()).isTrue();
        assertThat(almaty.lon()).isEqualTo(76.9286);
        Node altynkol = n.node("kz_altynkol").orElseThrow();
        assertThat(altynkol.gaugeChange()).isTrue();
        assertThat(altynkol.note()).isEqualTo("bogie exchange, transloading");
        // booleans are case-insensitive
        assertThat(n.node("cn_khorgos").orElseThrow().gaugeChange()).isTrue();

        Link x = n.link("x_altynkol_khorgos").orElseThrow();
        assertThat(x.mode()).isEqualTo(Mode.CROSSING);
        assertThat(x.gauges()).containsExactlyInAnyOrder(Gauge.G1520, Gauge.G1435);
        assertThat(x.carries()).containsExactlyInAnyOrder(Mode.ROAD, Mode.RAIL);
        assertThat(x.forward()).isEqualTo(new CrossingTimes(6, 12, 50));
        assertThat(x.backward()).as("fee_usd_rev defaults to fee_usd").isEqualTo(new CrossingTimes(8, 16, 50));

        Link road = n.link("road_kzala_altynkol").orElseThrow();
        assertThat(road.carries()).containsExactly(Mode.ROAD);
        assertThat(road.capacityTonnesPerDay()).isEqualTo(OptionalDouble.of(20000));
        assertThat(road.waitHours()).isZero();
        assertThat(road.geometryOpt()).isEmpty();

        Link ferry = n.link("ferry_aktau_mid").orElseThrow();
        assertThat(ferry.hours()).isEqualTo(OptionalDouble.of(11));
        assertThat(ferry.waitHours()).isEqualTo(36);
        assertThat(ferry.note()).isEqualTo("wait: weekly sailings, rule \"half interval\"");
        assertThat(n.link("sea_mid_baku").orElseThrow().oneway()).isTrue();
    }

    @Test
    void parsesWktGeometry() throws Exception {
        Link rail = mini().link("rail_khorgos_urumqi").orElseThrow();
        assertThat(rail.railGauge()).contains(Gauge.G1435);
        assertThat(rail.geometry().getSRID()).isEqualTo(4326);
        assertThat(rail.geometry().getCoordinates()).containsExactly(
                new Coordinate(80.42, 44.21), new Coordinate(84.0, 44.3), new Coordinate(87.617, 43.825));
    }

    @Test
    void badWktIsAProblem() {
        Path nodes = Fixtures.nodes(dir);
        Path links = Fixtures.write(dir, "links.csv", "id,from,to,mode,gauge,km,status,geometry,source,confidence\n"
                + "r1,KZALA,kz_altynkol,rail,1520,330,operational,\"LINESTRING (76 43, 80\",s,published\n"
                + "r2,KZALA,kz_altynkol,rail,1520,330,operational,POINT (76 43),s,published\n");
        List<Problem> p = new NetworkLoader().validate(List.of(nodes, links));
        assertThat(p).extracting(Problem::location, Problem::field)
                .containsExactly(tuple("line 2", "geometry"), tuple("line 3", "geometry"));
        assertThat(p.get(0).message()).startsWith("invalid WKT");
        assertThat(p.get(1).message()).contains("got POINT");
    }

    @Test
    void toleratesBomAndCrlf() throws Exception {
        byte[] nodes = Files.readAllBytes(Path.of(getClass().getResource(MINI + "nodes.csv").toURI()));
        byte[] links = Files.readAllBytes(Path.of(getClass().getResource(MINI + "links.csv").toURI()));
        Path n = dir.resolve("nodes.csv");
        Path l = dir.resolve("links.csv");
        Files.write(n, withBomAndCrlf(nodes));
        Files.write(l, withBomAndCrlf(links));
        Network net = new NetworkLoader().load(List.of(n, l));
        assertThat(net.nodes()).isEqualTo(mini().nodes());
        assertThat(net.links()).isEqualTo(mini().links());
    }

    private static byte[] withBomAndCrlf(byte[] content) {
        String s = "\uFEFF" + new String(content, StandardCharsets.UTF_8).replace("\n", "\r\n");
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void threeErrorsInOneFileGiveThreeProblems() {
        Path nodes = Fixtures.nodes(dir,
                "n1,N1,KZ,castle,76.9,43.2,s,published",     // line 9: unknown kind
                "n2,N2,KZ,city,76.9,north,s,published",      // line 10: not a number
                "n3,N3,KZ,city,76.9,43.2,,maybe");           // line 11: missing source, unknown confidence
        List<Problem> p = new NetworkLoader().validate(List.of(nodes, Fixtures.links(dir)));
        String f = nodes.toString();
        assertThat(p).extracting(Problem::file, Problem::location, Problem::field).containsExactly(
                tuple(f, "line 9", "kind"),
                tuple(f, "line 10", "lat"),
                tuple(f, "line 11", "source"),
                tuple(f, "line 11", "confidence"));
        assertThat(p.get(0).message()).contains("unknown value 'castle'", "border_post");
        assertThat(p.get(1).message()).isEqualTo("not a number: 'north'");
        assertThat(p.get(2).message()).isEqualTo("missing required value");
    }

    @Test
    void headerProblemsAreReportedOnceOnLine1() {
        Path nodes = Fixtures.write(dir, "nodes.csv", "id,name,country,kind,lon,lat,source,confidense\n"
                + "a,A,KZ,city,76.9,43.2,s,published\n"
                + "b,B,KZ,city,76.9,43.2,s,published\n");
        List<Problem> p = new NetworkLoader().validate(List.of(nodes, Fixtures.links(dir)));
        assertThat(p).extracting(Problem::location, Problem::field, Problem::message).containsExactly(
                tuple("line 1", "confidense", "unknown column 'confidense'"),
                tuple("line 1", "confidence", "missing required column 'confidence'"));
    }

    @Test
    void badBooleanAndBadGaugeAndTooManyCells() {
        Path nodes = Fixtures.nodes(dir);
        Path links = Fixtures.write(dir, "links.csv", "id,from,to,mode,gauge,km,status,oneway,source,confidence\n"
                + "r1,KZALA,kz_altynkol,rail,1520,330,operational,yes,s,published\n"
                + "r2,KZALA,kz_altynkol,rail,1000,330,operational,,s,published\n"
                + "r3,KZALA,kz_altynkol,rail,1520,330,operational,,s,published,extra\n");
        List<Problem> p = new NetworkLoader().validate(List.of(nodes, links));
        assertThat(p).extracting(Problem::location, Problem::field).containsExactly(
                tuple("line 2", "oneway"), tuple("line 3", "gauge"), tuple("line 4", ""));
        assertThat(p.get(0).message()).isEqualTo("expected true or false, got 'yes'");
        assertThat(p.get(2).message()).contains("11 cells", "10 columns");
    }

    @Test
    void lineNumbersCountQuotedLineBreaksAndBlankLines() {
        Path nodes = Fixtures.write(dir, "nodes.csv", Fixtures.NODES_HEADER + ",note\n"
                + "a,A,KZ,city,76.9286,43.2567,s,published,\"two\nlines\"\n"
                + "\n"
                + "b,B,KZ,city,76.9286,43.2567,s,nope,\n");
        List<Problem> p = new NetworkLoader().validate(List.of(nodes, Fixtures.links(dir)));
        assertThat(p).extracting(Problem::location, Problem::field).containsExactly(tuple("line 5", "confidence"));
    }

    @Test
    void readsFromAStreamWithADisplayName() throws Exception {
        NetworkBuilder b = new NetworkBuilder();
        try (InputStream in = new ByteArrayInputStream((Fixtures.NODES_HEADER + "\nx,X,KZ,city,76.9,43.2,s,sure\n")
                .getBytes(StandardCharsets.UTF_8))) {
            CsvNetworkReader.readNodes(in, "upload:nodes.csv", b);
        }
        assertThat(b.problems()).extracting(Problem::file, Problem::location, Problem::field)
                .containsExactly(tuple("upload:nodes.csv", "line 2", "confidence"));
    }

    @Test
    void detectsTheTableByHeaderThenByName() {
        assertThat(CsvNetworkReader.detect(List.of("id", "from", "to"), "x.csv")).contains(CsvNetworkReader.Table.LINKS);
        assertThat(CsvNetworkReader.detect(List.of("id", "lon", "lat"), "x.csv")).contains(CsvNetworkReader.Table.NODES);
        assertThat(CsvNetworkReader.detect(List.of("id"), "my-links.csv")).contains(CsvNetworkReader.Table.LINKS);
        assertThat(CsvNetworkReader.detect(List.of("id"), "data.csv")).isEmpty();
    }

    @Test
    void listsAreTrimmedButEnumValuesAreExact() throws Exception {
        Path nodes = Fixtures.write(dir, "nodes.csv", Fixtures.NODES_HEADER + ",handles\n"
                + "a,A,KZ,city,76.9286,43.2567,s,published, container ; bulk ;\n"
                + "b,B,KZ,City,76.9286,43.2567,s,Published,Bulk\n"
                + "c,C,KZ,border post,76.9286,43.2567,s,published,\n");
        Path links = Fixtures.links(dir);
        assertThat(new NetworkLoader().validate(List.of(nodes, links)))
                .extracting(Problem::location, Problem::field)
                .containsExactly(tuple("line 3", "kind"), tuple("line 3", "handles"), tuple("line 3", "confidence"),
                        tuple("line 4", "kind"));
        Path good = Fixtures.write(dir, "nodes.csv", Fixtures.NODES_HEADER + ",handles\n"
                + "a,A,KZ,city,76.9286,43.2567,s,published, container ; bulk ;\n");
        Node a = new NetworkLoader().load(List.of(good, links)).node("a").orElseThrow();
        assertThat(a.handles()).isEqualTo(Set.of(Cargo.CONTAINER, Cargo.BULK));
    }
}
