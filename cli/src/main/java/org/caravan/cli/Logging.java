package org.caravan.cli;

import java.util.logging.Level;
import java.util.logging.LogManager;

/**
 * Library logging of the CLI. Without {@code --verbose} no library prints log lines (PDFBox/FontBox font-cache
 * warnings via commons-logging, openhtmltopdf via java.util.logging, Jetty, Javalin, DuckDB via slf4j-simple):
 * only Caravan's own loggers ({@code org.caravan}, the server's request log) keep their level. Must run before the
 * first logger is created, so {@link CaravanCli#main} calls it before parsing.
 */
final class Logging {
    private Logging() {}

    static void configure(boolean verbose) {
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            return;
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
        System.setProperty("org.slf4j.simpleLogger.log.org.caravan", "info");
        LogManager.getLogManager().reset(); // java.util.logging: no console handler, nothing printed
        java.util.logging.Logger.getLogger("").setLevel(Level.OFF);
        // openhtmltopdf installs its own console handler on its java.util.logging loggers, so the reset above
        // does not reach it: its own switch does
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    }

    /** True when {@code args} holds {@code --verbose} before a {@code --} end of options. */
    static boolean verbose(String[] args) {
        for (String a : args) {
            if (a.equals("--")) return false;
            if (a.equals("--verbose")) return true;
        }
        return false;
    }
}
