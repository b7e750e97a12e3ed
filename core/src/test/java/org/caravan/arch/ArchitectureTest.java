package org.caravan.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/ARCHITECTURE.md, checked on the compiled core: the core knows nothing of its front ends
 * (CLI, HTTP server, their frameworks), and its packages depend on each other without cycles.
 */
class ArchitectureTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.caravan");
    }

    @Test
    void coreHasClasses() {
        // Guards the two rules below against passing vacuously on an empty import.
        org.assertj.core.api.Assertions.assertThat(core.size()).isGreaterThan(100);
    }

    @Test
    void coreNeverUsesFrontEnds() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "org.caravan.cli..", "org.caravan.server..", "picocli..", "io.javalin..", "org.eclipse.jetty..",
                "jakarta.servlet..", "javax.servlet..")
                .because("the core is a library; the CLI and the server only parse, call the core and format")
                .check(core);
    }

    @Test
    void coreNeverUsesSpark() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "org.caravan.spark..", "org.apache.spark..", "scala..")
                .because("the Spark jobs (spark module) call the core; the core runs without Spark (docs/SPARK.md)")
                .check(core);
    }

    @Test
    void coreNeedsNeitherDuckDbNorPdfNorCharts() {
        // The lean core of issue 17: the trade store (DuckDB), the brief (PDF) and the chart renderers are the
        // modules trade/, brief/ and charts/ over the core, never the other way round (docs/ARCHITECTURE.md).
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "org.duckdb..", "java.sql..", "javax.sql..", "com.openhtmltopdf..", "org.apache.pdfbox..",
                "org.apache.fontbox..", "de.rototor..", "java.awt..", "javax.imageio..",
                "org.caravan.trade..", "org.caravan.chart..", "org.caravan.brief..")
                .because("routing ships without a database, a PDF renderer or a chart renderer; trade, charts and "
                        + "briefs are modules that depend on the core")
                .check(core);
    }

    @Test
    void coreClasspathHasNoDuckDbOrPdfLibrary() {
        // The rule above sees only what core's classes reference; this one keeps core/pom.xml lean as well.
        for (String name : new String[] {"org.duckdb.DuckDBDriver", "org.apache.pdfbox.pdmodel.PDDocument",
                "com.openhtmltopdf.pdfboxout.PdfRendererBuilder", "org.caravan.trade.TradeStore",
                "org.caravan.brief.Brief", "org.caravan.chart.SvgChart"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Class.forName(name))
                    .as(name + " on the core's classpath").isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void corePackagesAreAcyclic() {
        slices().matching("org.caravan.(*)..").should().beFreeOfCycles().check(core);
    }
}
