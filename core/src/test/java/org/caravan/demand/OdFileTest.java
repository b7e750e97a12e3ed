package org.caravan.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caravan.io.NetworkLoader;
import org.caravan.place.PlaceIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OdFileTest {
    @Test
    void embeddedListResolvesOnTheEmbeddedNetwork() throws Exception {
        List<OdPair> pairs = OdFile.embedded();
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(15);
        PlaceIndex places = new PlaceIndex(new NetworkLoader().loadEmbedded());
        for (OdPair p : pairs) {
            assertThat(places.resolve(p.from(), "from")).as(p.from()).isNotNull();
            assertThat(places.resolve(p.to(), "to")).as(p.to()).isNotNull();
            assertThat(p.tonnes()).isPositive();
            assertThat(p.source()).contains("illustrative");
        }
    }

    @Test
    void readsAFileWithOptionalColumns(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("od.csv");
        Files.writeString(f, "from,to,tonnes\nAlmaty,Karachi,1000\nTashkent,Kabul,250.5\n");
        List<OdPair> pairs = OdFile.read(f);
        assertThat(pairs).containsExactly(new OdPair("Almaty", "Karachi", "container", 1000, ""),
                new OdPair("Tashkent", "Kabul", "container", 250.5, ""));
    }

    @Test
    void everyBadRowIsNamedAndNothingLoads(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "from,to,cargo,tonnes\nAlmaty,,bulk,10\nAlmaty,Kabul,bulk,lots\nAlmaty,Kabul,bulk,-3\n");
        assertThatThrownBy(() -> OdFile.read(f)).isInstanceOf(OdFileException.class)
                .hasMessageContaining(f + ", line 2, field 'to'")
                .hasMessageContaining(f + ", line 3, field 'tonnes'")
                .hasMessageContaining(f + ", line 4, field 'tonnes'");
        Path g = dir.resolve("cols.csv");
        Files.writeString(g, "origin,to,tonnes\nA,B,1\n");
        assertThatThrownBy(() -> OdFile.read(g)).hasMessageContaining("field 'origin'")
                .hasMessageContaining("line 1, field 'from': missing required column");
        assertThatThrownBy(() -> OdFile.read(dir.resolve("none.csv"))).hasMessageContaining("file not found");
    }
}
