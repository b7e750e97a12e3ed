package org.caravan.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caravan.network.Problem;

/** Small networks written to a temporary directory, with rows appended by each test. */
final class Fixtures {
    private Fixtures() {}

    static final String NODES_HEADER = "id,name,country,kind,lon,lat,source,confidence";
    /** Lines 2..8 of every nodes file written by {@link #nodes}; extra rows start at line 9. */
    static final List<String> BASE_NODES = List.of(
            "KZALA,Almaty,KZ,city,76.9286,43.2567,s,published",
            "kz_altynkol,Altynkol,KZ,border_post,80.28,44.20,s,estimated",
            "cn_khorgos,Khorgos,CN,border_post,80.42,44.21,s,estimated",
            "CNURC,Urumqi,CN,city,87.617,43.825,s,published",
            "KZAKX,Aktau,KZ,seaport,51.17,43.65,s,published",
            "AZBAK,Baku,AZ,seaport,49.87,40.37,s,published",
            "caspian_mid,Mid-Caspian,XX,sea_waypoint,50.5,42.0,s,estimated");

    static final String LINKS_HEADER =
            "id,from,to,mode,gauge,km,hours,wait_hours,status,carries,hours_mean,hours_p90,fee_usd,source,confidence";
    /** A valid crossing, for tests that need one link that is fine. */
    static final String GOOD_CROSSING =
            "x_ok,kz_altynkol,cn_khorgos,crossing,1520;1435,5,,,operational,road;rail,6,12,50,s,published";

    static Path write(Path dir, String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path nodes(Path dir, String... extraRows) {
        StringBuilder sb = new StringBuilder(NODES_HEADER).append('\n');
        BASE_NODES.forEach(r -> sb.append(r).append('\n'));
        for (String r : extraRows) sb.append(r).append('\n');
        return write(dir, "nodes.csv", sb.toString());
    }

    /** A links file whose rows start at line 2. */
    static Path links(Path dir, String... rows) {
        StringBuilder sb = new StringBuilder(LINKS_HEADER).append('\n');
        for (String r : rows) sb.append(r).append('\n');
        return write(dir, "links.csv", sb.toString());
    }

    static List<Problem> linkProblems(Path dir, String... rows) {
        return new NetworkLoader().validate(List.of(nodes(dir), links(dir, rows)));
    }

    static List<Problem> nodeProblems(Path dir, String... extraRows) {
        return new NetworkLoader().validate(List.of(nodes(dir, extraRows), links(dir)));
    }
}
