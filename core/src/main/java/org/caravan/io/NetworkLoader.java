package org.caravan.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.caravan.geo.CountryShapes;
import org.caravan.network.Network;
import org.caravan.network.NetworkBuilder;
import org.caravan.network.NetworkException;
import org.caravan.network.Problem;

/**
 * The one entry point front ends need: load the embedded network or user files, or just list their problems.
 * Nothing is ever loaded partially: any problem in any file means no {@link Network}.
 *
 * <p>Files are told apart by extension: {@code .geojson} / {@code .json} are GeoJSON; {@code .csv} files are
 * nodes or links tables, recognised by their header (or, failing that, a name containing "node"/"link").
 * Any combination may be given (typically one nodes.csv + one links.csv, or one or more GeoJSON files); all
 * records end up in one network, so a link may refer to a node of another file.
 *
 * <p>Immutable and thread-safe; each call reads afresh.
 */
public final class NetworkLoader {
    /** Classpath location of the embedded default network. */
    public static final String EMBEDDED_NODES = "/org/caravan/data/nodes.csv";
    public static final String EMBEDDED_LINKS = "/org/caravan/data/links.csv";
    /**
     * The embedded rail track and stations derived from OpenStreetMap, kept in their own files under ODbL 1.0
     * (© OpenStreetMap contributors); loaded with the two files above into one network.
     */
    public static final String EMBEDDED_OSM_NODES = "/org/caravan/data/rail_osm_nodes.csv";
    public static final String EMBEDDED_OSM_LINKS = "/org/caravan/data/rail_osm_links.csv";

    /**
     * The binary form of the four files above (docs/NETWORK-FORMAT.md, "Binary form"), written into the build's
     * classes by {@link NetworkBinaryTool} and keyed to their bytes; {@link #loadEmbedded()} reads it when it is
     * current and falls back to the CSVs (with a notice) when it is stale or corrupt.
     */
    public static final String EMBEDDED_BINARY = "/org/caravan/data/network.bin";
    /** System property: {@code -Dcaravan.network.binary=false} makes {@link #loadEmbedded()} read the CSVs. */
    public static final String BINARY_PROPERTY = "caravan.network.binary";
    /** The embedded CSVs in load order, with their table. */
    static final List<String> EMBEDDED_CSVS = List.of(EMBEDDED_NODES, EMBEDDED_OSM_NODES, EMBEDDED_LINKS, EMBEDDED_OSM_LINKS);

    private final CountryShapes countryShapes;
    private Consumer<String> notices = System.err::println;

    /**
     * A loader that checks coordinates against the bundled Natural Earth country shapes (parsed on first use,
     * once per JVM).
     */
    public NetworkLoader() {
        this.countryShapes = null; // resolved lazily by NetworkBuilder, so constructing a loader costs nothing
    }

    /** A loader using other country shapes ({@link CountryShapes#none()} switches the country check off). */
    public NetworkLoader(CountryShapes countryShapes) {
        this.countryShapes = Objects.requireNonNull(countryShapes, "countryShapes");
    }

    /**
     * Where notices go (default standard error): today only that the embedded binary network was not used and
     * why. Returns this loader.
     */
    public NetworkLoader notices(Consumer<String> sink) {
        this.notices = Objects.requireNonNull(sink, "sink");
        return this;
    }

    private NetworkBuilder builder() {
        NetworkBuilder b = new NetworkBuilder();
        return countryShapes == null ? b : b.countryShapes(countryShapes);
    }

    /**
     * The network shipped with Caravan ({@value #EMBEDDED_NODES}, {@value #EMBEDDED_LINKS} and the OSM-derived
     * {@value #EMBEDDED_OSM_NODES}, {@value #EMBEDDED_OSM_LINKS}), with every check except coordinates against
     * country shapes: the shipped files pass that check in the build's tests and in {@link #loadEmbeddedChecked()},
     * and parsing the shapes would add about a second to every command.
     *
     * <p>Read from the binary form {@value #EMBEDDED_BINARY} when it was written from exactly these CSV bytes
     * (same network, field for field: {@code NetworkBinaryTest}); when it is missing, the CSVs are parsed; when it
     * is stale, corrupt or of another version, a notice says so and the CSVs are parsed. Either way the answer is
     * the CSVs' network, never a mix.
     */
    public Network loadEmbedded() throws NetworkException {
        List<byte[]> csvs = new ArrayList<>();
        for (String r : EMBEDDED_CSVS) csvs.add(resourceBytes(r));
        byte[] binary = "false".equalsIgnoreCase(System.getProperty(BINARY_PROPERTY)) ? null : resourceBytes(EMBEDDED_BINARY);
        return load(csvs, binary, notices);
    }

    /** The embedded network parsed from the CSVs, never from the binary form (the same checks as {@link #loadEmbedded()}). */
    public Network loadEmbeddedCsv() throws NetworkException {
        List<byte[]> csvs = new ArrayList<>();
        for (String r : EMBEDDED_CSVS) csvs.add(resourceBytes(r));
        return load(csvs, null, notices);
    }

    /**
     * The network of the four embedded CSVs' contents ({@link #EMBEDDED_CSVS} order, null for a missing resource)
     * from {@code binary} if it is current for them, else from the CSVs; {@code notices} hears why a binary was
     * not used.
     */
    static Network load(List<byte[]> csvs, byte[] binary, Consumer<String> notices) throws NetworkException {
        if (binary != null && !csvs.contains(null)) {
            try {
                return NetworkBinary.read(binary, NetworkBinary.sourceKey(csvs), "embedded");
            } catch (NetworkBinary.Invalid e) {
                notices.accept("caravan: the embedded binary network " + EMBEDDED_BINARY.substring(1) + " is not used ("
                        + e.getMessage() + "); reading the CSVs instead (slower start; rebuild to refresh it)");
            }
        }
        NetworkBuilder b = new NetworkBuilder().countryShapes(CountryShapes.none());
        for (int i = 0; i < EMBEDDED_CSVS.size(); i++) {
            String resource = EMBEDDED_CSVS.get(i);
            String name = "embedded:" + resource.substring(resource.lastIndexOf('/') + 1);
            byte[] bytes = csvs.get(i);
            if (bytes == null) {
                b.addProblem(new Problem(name, "", "", "classpath resource " + resource
                        + " is missing: this build of Caravan does not include the embedded network"));
            } else if (i < 2) {
                CsvNetworkReader.readNodes(new ByteArrayInputStream(bytes), name, b);
            } else {
                CsvNetworkReader.readLinks(new ByteArrayInputStream(bytes), name, b);
            }
        }
        return b.build("embedded");
    }

    /** A classpath resource's bytes, or null when it is missing or unreadable. */
    static byte[] resourceBytes(String resource) {
        try (InputStream in = NetworkLoader.class.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /** The embedded network with every check, coordinates against country shapes included (from the CSVs). */
    public Network loadEmbeddedChecked() throws NetworkException {
        return loadEmbeddedResources();
    }

    private Network loadEmbeddedResources() throws NetworkException {
        NetworkBuilder b = builder();
        readResource(EMBEDDED_NODES, CsvNetworkReader.Table.NODES, b);
        readResource(EMBEDDED_OSM_NODES, CsvNetworkReader.Table.NODES, b);
        readResource(EMBEDDED_LINKS, CsvNetworkReader.Table.LINKS, b);
        readResource(EMBEDDED_OSM_LINKS, CsvNetworkReader.Table.LINKS, b);
        return b.build("embedded");
    }

    /**
     * Loads a nodes + links CSV pair from the classpath (absolute resource names). Problems name the files
     * {@code embedded:<file name>}. A missing resource is reported as a problem, like a missing file.
     */
    public Network loadResources(String nodesResource, String linksResource) throws NetworkException {
        NetworkBuilder b = builder();
        readResource(nodesResource, CsvNetworkReader.Table.NODES, b);
        readResource(linksResource, CsvNetworkReader.Table.LINKS, b);
        return b.build("embedded");
    }

    private static void readResource(String resource, CsvNetworkReader.Table table, NetworkBuilder b) {
        String name = "embedded:" + resource.substring(resource.lastIndexOf('/') + 1);
        try (InputStream in = NetworkLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                b.addProblem(new Problem(name, "", "", "classpath resource " + resource
                        + " is missing: this build of Caravan does not include the embedded network"));
            } else if (table == CsvNetworkReader.Table.NODES) {
                CsvNetworkReader.readNodes(in, name, b);
            } else {
                CsvNetworkReader.readLinks(in, name, b);
            }
        } catch (IOException e) {
            b.addProblem(new Problem(name, "", "", "cannot read classpath resource " + resource + ": " + e.getMessage()));
        }
    }

    /** Loads the given files into one network, or throws with every problem found in all of them. */
    public Network load(List<Path> files) throws NetworkException {
        NetworkBuilder b = read(files);
        return b.build(String.join(" + ", files.stream().map(Path::toString).toList()));
    }

    /** Every problem of the given files, in file order and position; empty when {@link #load} would succeed. */
    public List<Problem> validate(List<Path> files) {
        return read(files).problems();
    }

    private NetworkBuilder read(List<Path> files) {
        Objects.requireNonNull(files, "files");
        NetworkBuilder b = builder();
        if (files.isEmpty()) {
            b.addProblem(new Problem("", "", "", "no input files: give a nodes.csv + links.csv pair or GeoJSON files"));
            return b;
        }
        List<Path> seen = new ArrayList<>();
        for (Path f : files) {
            if (seen.contains(f.toAbsolutePath().normalize())) {
                b.addProblem(new Problem(f.toString(), "", "", "file given twice"));
                continue;
            }
            seen.add(f.toAbsolutePath().normalize());
            switch (format(f)) {
                case GEOJSON -> GeoJsonNetworkReader.read(f, b);
                case CSV -> CsvNetworkReader.read(f, b);
                case UNKNOWN -> b.addProblem(new Problem(f.toString(), "", "", "not a network file: expected "
                        + "nodes/links .csv or .geojson/.json"));
            }
        }
        return b;
    }

    /** The input formats, as told by file name. */
    public enum Format { CSV, GEOJSON, UNKNOWN }

    public static Format format(Path file) {
        String name = Optional.ofNullable(file.getFileName()).map(Path::toString).orElse("").toLowerCase(Locale.ROOT);
        if (name.endsWith(".geojson") || name.endsWith(".json")) return Format.GEOJSON;
        if (name.endsWith(".csv")) return Format.CSV;
        return Format.UNKNOWN;
    }
}
