package org.caravan.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The modules of docs/ARCHITECTURE.md, checked on everything the CLI ships (the only place where all of them are on
 * one classpath): the routing core depends on no other module; trade, charts and brief are built on the core (brief
 * also on charts) and on nothing else of Caravan; only the front ends (cli, server) wire them together. Core's own
 * ArchitectureTest checks that it references no DuckDB, PDF or chart library.
 */
class ModulesArchitectureTest {
    private static final List<String> MODULE_PACKAGES = List.of("org.caravan.trade", "org.caravan.chart",
            "org.caravan.brief", "org.caravan.cli", "org.caravan.server", "org.caravan.spark");
    private static JavaClasses all;

    @BeforeAll
    static void importAll() {
        all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.caravan");
    }

    private static boolean inModulePackage(JavaClass c) {
        return MODULE_PACKAGES.stream().anyMatch(p -> c.getPackageName().equals(p) || c.getPackageName().startsWith(p + "."));
    }

    @Test
    void everyModuleIsOnTheClasspath() {
        // Guards the rule below against passing vacuously when a module's classes are missing.
        for (String p : List.of("org.caravan.routing", "org.caravan.trade", "org.caravan.chart", "org.caravan.brief",
                "org.caravan.server", "org.caravan.cli")) {
            assertThat(all.stream().filter(c -> c.getPackageName().equals(p))).as(p).isNotEmpty();
        }
    }

    @Test
    void modulesDependOnTheCoreNeverTheOtherWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Front ends").definedBy("org.caravan.cli..", "org.caravan.server..")
                .layer("Brief").definedBy("org.caravan.brief..")
                .layer("Charts").definedBy("org.caravan.chart..")
                .layer("Trade").definedBy("org.caravan.trade..")
                .layer("Core").definedBy(DescribedPredicate.describe("the routing core (every other org.caravan package)",
                        (JavaClass c) -> c.getPackageName().startsWith("org.caravan.") && !inModulePackage(c)))
                .whereLayer("Front ends").mayNotBeAccessedByAnyLayer()
                .whereLayer("Brief").mayOnlyBeAccessedByLayers("Front ends")
                .whereLayer("Charts").mayOnlyBeAccessedByLayers("Brief", "Front ends")
                .whereLayer("Trade").mayOnlyBeAccessedByLayers("Front ends")
                .because("the routing core is a lean library (issue 17); trade, charts and brief are modules over it")
                .check(all);
    }
}
