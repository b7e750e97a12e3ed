package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Route choice from the command line on the embedded network: alternatives, the Pareto table, risk caps and
 * penalties, the reliable objective, risk / exposure / reliability fields in JSON, and the errors of every new
 * option; and {@code caravan risk}.
 */
class RouteChoiceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of("route"));
        a.addAll(List.of(args));
        a.add("--format");
        a.add("json");
        CliRunner.Run run = CliRunner.run(a.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private static JsonNode only(String... args) throws Exception {
        JsonNode root = json(args);
        assertThat(root.path("routes")).hasSize(1);
        return root.path("routes").get(0);
    }

    /** Crossing points (unordered post pairs, in order) and the set of modes: what makes routes differ. */
    private static String signature(JsonNode route) {
        List<String> points = new ArrayList<>();
        for (JsonNode c : route.path("crossings")) {
            String a = c.path("from").asText();
            String b = c.path("to").asText();
            points.add(a.compareTo(b) < 0 ? a + "~" + b : b + "~" + a);
        }
        Set<String> modes = new TreeSet<>();
        route.path("legs").forEach(l -> modes.add(l.path("cargo_mode").asText()));
        return points + "|" + modes;
    }

    private static List<String> countries(JsonNode route) {
        List<String> out = new ArrayList<>();
        route.path("countries").forEach(c -> out.add(c.asText()));
        return out;
    }

    /** {cost incl. penalties per unit, hours, risk-km, co2 per unit} as printed (rounded). */
    private static double[] vector(JsonNode r) {
        JsonNode t = r.path("totals");
        double units = r.path("units").asDouble();
        return new double[] {(t.path("usd").asDouble() + t.path("penalty_usd").asDouble()) / units,
            t.path("hours").asDouble(), r.path("risk_detail").path("risk_km").asDouble(),
            t.path("co2_kg").asDouble() / units};
    }

    /**
     * a surely beats b, judged from printed values: clearly lower (by many rounding steps) on every criterion
     * where they differ, and clearly better somewhere. A printed tie proves nothing either way (risk-km printed
     * 1375.8 on both may be 1375.76 and 1375.84; the core's exhaustive-enumeration property checks exactness),
     * so only a tie at zero (e.g. no risk on either route) counts as equal.
     */
    private static boolean dominates(double[] a, double[] b) {
        double[] g = {0.01, 0.01, 0.1, 0.1};
        boolean clearly = false;
        for (int q = 0; q < 4; q++) {
            if (a[q] == 0 && b[q] == 0) continue;
            if (a[q] > b[q] - 10 * g[q]) return false;
            clearly = true;
        }
        return clearly;
    }

    private static void assertNonDominated(JsonNode routes) {
        for (int i = 0; i < routes.size(); i++) {
            for (int j = 0; j < routes.size(); j++) {
                if (i != j) {
                    assertThat(dominates(vector(routes.get(i)), vector(routes.get(j))))
                            .as("route %d dominates route %d", i, j).isFalse();
                }
            }
        }
    }

    @Test
    void alternativesAreAtMostKAndDistinct() throws Exception {
        JsonNode root = json("Almaty", "Karachi", "--alternatives", "3");
        JsonNode routes = root.path("routes");
        assertThat(routes.size()).isBetween(2, 3);
        Set<String> sigs = new HashSet<>();
        for (JsonNode r : routes) assertThat(sigs.add(signature(r))).as("duplicate %s", signature(r)).isTrue();
        assertThat(root.path("note").asText()).contains("3 alternative(s) asked", routes.size() + " found");
        // the first is the plain answer, ranked by generalized cost
        JsonNode plain = only("Almaty", "Karachi");
        assertThat(routes.get(0).path("totals")).isEqualTo(plain.path("totals"));
        for (int i = 1; i < routes.size(); i++) {
            assertThat(routes.get(i).path("totals").path("generalized_usd").asDouble()).isGreaterThanOrEqualTo(
                    routes.get(i - 1).path("totals").path("generalized_usd").asDouble());
        }
        // every route carries its own reliability
        for (JsonNode r : routes) assertThat(r.path("reliability").path("samples").asInt()).isEqualTo(10_000);
    }

    @Test
    void paretoShowsANoteAndNonDominatedRoutes() throws Exception {
        JsonNode thin = json("Almaty", "Karachi", "--pareto");
        JsonNode exact = json("Almaty", "Karachi", "--pareto", "--pareto-tolerance", "0");
        Matcher m = Pattern.compile("Pareto set over cost, time, risk and CO2: (\\d+) route\\(s\\)")
                .matcher(thin.path("note").asText());
        assertThat(m.find()).as(thin.path("note").asText()).isTrue();
        int total = Integer.parseInt(m.group(1));
        assertThat(total).isGreaterThan(1);
        assertThat(exact.path("routes")).hasSize(total);
        assertThat(exact.path("note").asText()).contains(total + " route(s)").doesNotContain("shown", "TRUNCATED");
        assertThat(thin.path("routes").size()).isBetween(1, total);
        if (thin.path("routes").size() < total) {
            assertThat(thin.path("note").asText()).contains(thin.path("routes").size() + " shown",
                    "a tolerance of 0 shows them all");
            // on the command line the hint names the option
            CliRunner.Run text = CliRunner.run("route", "Almaty", "Karachi", "--pareto");
            assertThat(text.out()).contains("--pareto-tolerance 0 shows them all");
        }
        assertNonDominated(thin.path("routes"));
        assertNonDominated(exact.path("routes"));
        // best first by the objective (cost): the first one is the plain answer
        JsonNode plain = only("Almaty", "Karachi");
        assertThat(exact.path("routes").get(0).path("totals").path("generalized_usd").asDouble())
                .isCloseTo(plain.path("totals").path("generalized_usd").asDouble(), within(0.011));
        // every vector of the exact set is distinct
        Set<String> vectors = new HashSet<>();
        for (JsonNode r : exact.path("routes")) vectors.add(java.util.Arrays.toString(vector(r)));
        assertThat(vectors).hasSize(total);
    }

    @Test
    void maxRiskThatBlocksEveryCorridorGivesExitOneNamingIt() throws Exception {
        // With Khunjerab in the network a route under 0.5 exists through China (Kulma or Khorgos, then the KKH),
        // and with China's east-coast ports one by rail to Lianyungang and sea through Malacca: with China avoided
        // and land modes only, every corridor to Pakistan crosses Afghanistan or Iran (both above 0.5).
        CliRunner.Run text = CliRunner.run("route", "Almaty", "Karachi", "--max-risk", "0.5", "--avoid", "CN",
                "--modes", "rail,road");
        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out()).contains("No route", "--max-risk 0.5");
        CliRunner.Run js = CliRunner.run("route", "Almaty", "Karachi", "--max-risk", "0.5", "--avoid", "CN",
                "--modes", "rail,road",
                "--format", "json");
        assertThat(js.exit()).isEqualTo(1);
        JsonNode root = JSON.readTree(js.out());
        assertThat(root.path("routes")).isEmpty();
        assertThat(root.path("no_route").path("blocking_constraints").toString()).contains("--max-risk 0.5");
        assertThat(root.path("request").path("max_risk").asDouble()).isEqualTo(0.5);
        assertThat(js.err()).contains("--max-risk");
    }

    @Test
    void maxRiskKeepsEveryCountryUnderTheCap() throws Exception {
        JsonNode risk = JSON.readTree(CliRunner.run("risk", "--format", "json").out());
        java.util.Map<String, Double> combined = new java.util.HashMap<>();
        risk.path("countries").forEach(c -> combined.put(c.path("country").asText(), c.path("combined").asDouble()));
        JsonNode r = only("Almaty", "Bandar Abbas", "--max-risk", "0.6");
        for (String cc : countries(r)) assertThat(combined.get(cc)).as(cc).isLessThanOrEqualTo(0.6);
        for (JsonNode e : r.path("exposure")) assertThat(e.path("risk_score").asDouble()).isLessThanOrEqualTo(0.6);
    }

    @Test
    void penaltyOnIranMovesTheRouteElsewhere() throws Exception {
        JsonNode base = only("Almaty", "Karachi");
        assertThat(countries(base)).contains("IR");
        JsonNode pen = only("Almaty", "Karachi", "--penalty", "IR=2000");
        assertThat(countries(pen)).doesNotContain("IR");
        assertThat(pen.path("totals").path("penalty_usd").asDouble()).isZero();
        assertThat(pen.path("totals").path("generalized_usd").asDouble())
                .isGreaterThan(base.path("totals").path("generalized_usd").asDouble());
        // unavoidable: the destination is in Iran, so the penalty is paid, shown apart from the money
        JsonNode plain = only("Kostanay", "Bandar Abbas", "--cargo", "bulk", "--tonnes", "100");
        JsonNode paid = only("Kostanay", "Bandar Abbas", "--cargo", "bulk", "--tonnes", "100", "--penalty", "IR=10");
        assertThat(paid.path("totals").path("usd")).isEqualTo(plain.path("totals").path("usd"));
        assertThat(paid.path("totals").path("penalty_usd").asDouble()).isEqualTo(1000.0);
        assertThat(paid.path("totals").path("generalized_usd").asDouble()).isCloseTo(
                plain.path("totals").path("generalized_usd").asDouble() + 1000, within(0.011));
    }

    @Test
    void reliableObjectiveHasNoWorseP90ThanTheCheapestRoute() throws Exception {
        JsonNode cheap = only("Almaty", "Karachi");
        JsonNode reliable = only("Almaty", "Karachi", "--objective", "reliable");
        double p90 = reliable.path("reliability").path("p90_hours").asDouble();
        assertThat(p90).isGreaterThan(0);
        assertThat(p90).isLessThanOrEqualTo(cheap.path("reliability").path("p90_hours").asDouble());
        assertThat(reliable.path("reliability").path("samples").asInt()).isEqualTo(10_000);
        assertThat(reliable.path("reliability").path("seed").asLong()).isEqualTo(42);
    }

    @Test
    void jsonCarriesRiskExposureAndReliability() throws Exception {
        JsonNode r = only("Almaty", "Karachi");
        double risk = r.path("risk").asDouble();
        assertThat(risk).isBetween(0.0, 1.0);
        JsonNode t = r.path("totals");
        assertThat(risk).isCloseTo(r.path("risk_detail").path("risk_km").asDouble() / t.path("km").asDouble(),
                within(0.002));
        double km = 0;
        double hours = 0;
        double usd = 0;
        Set<String> classes = Set.of("low", "medium", "high", "severe");
        for (JsonNode e : r.path("exposure")) {
            assertThat(e.path("country").asText()).matches("[A-Z]{2}");
            assertThat(classes).contains(e.path("risk_class").asText());
            km += e.path("km").asDouble();
            hours += e.path("hours").asDouble();
            usd += e.path("usd").asDouble();
        }
        int n = r.path("exposure").size();
        assertThat(n).isGreaterThanOrEqualTo(3);
        assertThat(km).isCloseTo(t.path("km").asDouble(), within(0.06 * n + 0.06));
        assertThat(hours).isCloseTo(t.path("hours").asDouble(), within(0.006 * n + 0.006));
        assertThat(usd).isCloseTo(t.path("usd").asDouble(), within(0.006 * n + 0.006));
        JsonNode rel = r.path("reliability");
        double p50 = rel.path("p50_hours").asDouble();
        double p90 = rel.path("p90_hours").asDouble();
        double p95 = rel.path("p95_hours").asDouble();
        assertThat(p50).isPositive().isLessThanOrEqualTo(p90);
        assertThat(p90).isLessThanOrEqualTo(p95);
        assertThat(rel.path("samples").asInt()).isEqualTo(10_000);
        assertThat(rel.path("mean_hours").asDouble()).isCloseTo(t.path("hours").asDouble(),
                within(0.03 * t.path("hours").asDouble()));
    }

    @Test
    void samplesAndSeedAreReproducible() throws Exception {
        JsonNode a = only("Almaty", "Karachi", "--samples", "500", "--seed", "7");
        JsonNode b = only("Almaty", "Karachi", "--samples", "500", "--seed", "7");
        JsonNode c = only("Almaty", "Karachi", "--samples", "500", "--seed", "8");
        assertThat(a.path("reliability")).isEqualTo(b.path("reliability"));
        assertThat(a.path("reliability").path("samples").asInt()).isEqualTo(500);
        assertThat(a.path("reliability").path("seed").asLong()).isEqualTo(7);
        assertThat(c.path("reliability")).isNotEqualTo(a.path("reliability"));
    }

    private static void badInput(String option, String... args) {
        List<String> a = new ArrayList<>(List.of("route", "Almaty", "Karachi"));
        a.addAll(List.of(args));
        CliRunner.Run run = CliRunner.run(a.toArray(String[]::new));
        assertThat(run.exit()).as("%s -> %s", a, run.err()).isEqualTo(2);
        assertThat(run.err()).as("%s", a).contains(option);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void badValuesAreRejectedNamingTheOption() {
        badInput("--alternatives", "--alternatives", "0");
        badInput("--alternatives", "--alternatives", "21");
        badInput("--max-risk", "--max-risk", "2");
        badInput("--max-risk", "--max-risk", "-0.1");
        badInput("--penalty", "--penalty", "AF=-1");
        badInput("--penalty", "--penalty", "XQ=5");
        badInput("--pareto", "--pareto", "--alternatives", "2");
        badInput("--alternatives", "--pareto", "--alternatives", "2");
        badInput("--samples", "--samples", "0");
        badInput("--pareto-tolerance", "--pareto", "--pareto-tolerance", "1");
        badInput("--max-labels", "--pareto", "--max-labels", "0");
    }

    @Test
    void badRiskFileNamesFileAndField(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("risk.yaml");
        Files.writeString(f, "countries:\n  KZ:\n    sanctions: {score: 1.5}\n    mood: calm\n");
        CliRunner.Run run = CliRunner.run("route", "Almaty", "Karachi", "--risk", f.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(f.toString(), "countries.KZ.sanctions.score", "countries.KZ.mood");
        CliRunner.Run risk = CliRunner.run("risk", "--risk", f.toString());
        assertThat(risk.exit()).isEqualTo(2);
        assertThat(risk.err()).contains(f.toString(), "countries.KZ.sanctions.score");
    }

    @Test
    void aRiskFileChangesWhatMaxRiskAllows(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("risk.yaml");
        // Afghanistan rated like a calm country: the corridor through it is open under --max-risk 0.5
        Files.writeString(f, "countries:\n  AF:\n    sanctions: {score: 0.1}\n    security: {score: 0.1}\n"
                + "    border: {score: 0.1}\n");
        JsonNode r = only("Almaty", "Karachi", "--max-risk", "0.5", "--risk", f.toString());
        assertThat(countries(r)).doesNotContain("IR");
        assertThat(countries(r)).contains("AF");
    }

    @Test
    void riskCommandPrintsTheRegister() throws Exception {
        CliRunner.Run text = CliRunner.run("risk");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("Combined score = 0.40 sanctions + 0.40 security + 0.20 border");
        assertThat(text.out()).containsPattern("AF +Afghanistan +0\\.60 +0\\.75 +0\\.80 +0\\.70  high");
        assertThat(text.out()).contains("Reasons and sources", "  AF sanctions: ");
        CliRunner.Run js = CliRunner.run("risk", "--format", "json");
        assertThat(js.exit()).isZero();
        JsonNode root = JSON.readTree(js.out());
        assertThat(root.path("weights").path("sanctions").asDouble()).isEqualTo(0.4);
        assertThat(root.path("classes").path("high").asDouble()).isEqualTo(0.5);
        JsonNode af = null;
        for (JsonNode c : root.path("countries")) if (c.path("country").asText().equals("AF")) af = c;
        assertThat(af).isNotNull();
        assertThat(af.path("combined").asDouble()).isEqualTo(0.7);
        assertThat(af.path("class").asText()).isEqualTo("high");
        assertThat(af.path("sanctions").path("score").asDouble()).isEqualTo(0.6);
        assertThat(af.path("sanctions").path("reason").asText()).isNotBlank();
        assertThat(af.path("border").path("source").asText()).isNotBlank();
        assertThat(root.path("countries").size()).isGreaterThanOrEqualTo(17);
    }
}
