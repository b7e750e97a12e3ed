package org.caravan.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.caravan.io.NetworkLoader;
import org.caravan.network.Network;
import org.caravan.network.NetworkSummary;
import org.caravan.network.Problem;
import org.caravan.report.RouteJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caravan network ...}: check and describe network files. */
@Command(name = "network", mixinStandardHelpOptions = true, description = "Check and describe network data.",
        subcommands = {NetworkCommand.Validate.class, NetworkCommand.Info.class, NetworkCommand.Export.class})
final class NetworkCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check network files and report every problem at once (file, line or feature, field).",
                "Give nodes.csv and links.csv together, or GeoJSON file(s). Without files, checks the embedded network.",
                "Exit code 0 when valid, 2 when there are problems."})
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "0..*", description = "nodes.csv + links.csv, or .geojson files.")
        List<Path> files;

        @Override
        public Integer call() throws Exception {
            NetworkLoader loader = new NetworkLoader();
            if (files == null || files.isEmpty()) {
                Network n = loader.loadEmbeddedChecked();
                spec.commandLine().getOut().printf("embedded network is valid: %d nodes, %d links%n",
                        n.nodeCount(), n.linkCount());
                return 0;
            }
            List<Problem> problems = loader.validate(files);
            if (problems.isEmpty()) {
                Network n = loader.load(files);
                spec.commandLine().getOut().printf("valid: %d nodes, %d links%n", n.nodeCount(), n.linkCount());
                return 0;
            }
            for (Problem p : problems) spec.commandLine().getErr().println(p);
            spec.commandLine().getErr().printf("%d problem(s); nothing was loaded%n", problems.size());
            return CaravanCli.BAD_INPUT;
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Counts by country, kind, mode, status, confidence and source (osm, natural-earth, marnet, curated).")
    static final class Info implements Callable<Integer> {
        enum Format { text, json }

        @Spec
        CommandSpec spec;

        @Mixin
        DataOptions data;

        @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
        Format format;

        @Override
        public Integer call() throws Exception {
            Network network = data.loadNetwork();
            NetworkSummary s = NetworkSummary.of(network);
            var out = spec.commandLine().getOut();
            if (format == Format.json) {
                out.println(RouteJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(s.toMap()));
                return 0;
            }
            out.printf("Network: %s%n%d nodes, %d links, %s km of links%n", s.origin(), s.nodeCount(), s.linkCount(),
                    RouteText.num(s.totalKm(), 0));
            section(out, "Nodes by country", s.nodesByCountry());
            section(out, "Nodes by kind", s.nodesByKind());
            section(out, "Nodes by confidence", s.nodesByConfidence());
            section(out, "Nodes by source", s.nodesBySource());
            section(out, "Links by mode", s.linksByMode());
            section(out, "Links by status", s.linksByStatus());
            section(out, "Links by confidence", s.linksByConfidence());
            section(out, "Links by source", s.linksBySource());
            section(out, "Links by country", s.linksByCountry());
            out.println("Km by mode");
            s.kmByMode().forEach((k, v) -> out.printf("  %-22s %10s%n", k, RouteText.num(v, 0)));
            return 0;
        }

        private static void section(java.io.PrintWriter out, String title, Map<String, Integer> m) {
            out.println(title);
            m.forEach((k, v) -> out.printf("  %-22s %6d%n", k, v));
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write the network as one GeoJSON FeatureCollection (Point per node, LineString per link, "
                + "with sources), which QGIS and GDAL open and 'caravan --network' reads back."})
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataOptions data;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
        Path output;

        @Override
        public Integer call() throws Exception {
            Network network = data.loadNetwork();
            String text = RouteJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(org.caravan.report.NetworkGeoJson.toGeoJson(network)) + "\n";
            TextOutput.write(spec, output, text);
            return 0;
        }
    }
}
