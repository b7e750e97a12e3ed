package org.caravan.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.caravan.report.RiskJson;
import org.caravan.report.RouteJson;
import org.caravan.risk.CountryRisk;
import org.caravan.risk.RiskRegister;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caravan risk}: the country risk register that route risk, exposure classes and --max-risk use. */
@Command(name = "risk", mixinStandardHelpOptions = true,
        description = "Show the country risk register: sanctions, security and border scores with reasons and sources.")
final class RiskCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--risk", paramLabel = "FILE", description = "Risk register merged over the embedded one.")
    Path riskFile;

    @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Override
    public Integer call() throws Exception {
        RiskRegister register = DataOptions.loadRisk(riskFile);
        var out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(RouteJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(RiskJson.toJson(register)));
            return 0;
        }
        out.printf(Locale.ROOT, "Combined score = %.2f sanctions + %.2f security + %.2f border (weights normalised); "
                + "classes from %s%n%n", register.weightSanctions(), register.weightSecurity(), register.weightBorder(),
                register.thresholds());
        out.printf(Locale.ROOT, "%-4s %-22s %9s %9s %9s %9s  %s%n", "cc", "country", "sanctions", "security",
                "border", "combined", "class");
        for (CountryRisk c : register.countries().values()) {
            out.printf(Locale.ROOT, "%-4s %-22s %9.2f %9.2f %9.2f %9.2f  %s%n", c.country(), c.name(),
                    c.sanctions().score(), c.security().score(), c.border().score(), c.combined(),
                    c.riskClass().code());
        }
        out.println();
        out.println("Reasons and sources (confidence: estimated - Caravan's planning judgement on the cited facts):");
        for (CountryRisk c : register.countries().values()) {
            out.printf("  %s sanctions: %s [%s]%n", c.country(), c.sanctions().reason(), c.sanctions().source());
            out.printf("  %s security: %s [%s]%n", c.country(), c.security().reason(), c.security().source());
            out.printf("  %s border: %s [%s]%n", c.country(), c.border().reason(), c.border().source());
        }
        return 0;
    }
}
