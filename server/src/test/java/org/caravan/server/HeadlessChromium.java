package org.caravan.server;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through chromedriver, for the browser tests. Found on PATH (or /usr/lib/chromium),
 * or given with -Dcaravan.chromium=FILE -Dcaravan.chromedriver=FILE; {@link #start} returns empty when either is
 * missing, so tests can report themselves skipped rather than vanish.
 */
final class HeadlessChromium {
    private HeadlessChromium() {}

    /** A driver with browser console logs enabled, or empty when Chromium or chromedriver is not installed. */
    static Optional<ChromeDriver> start(Path profile, String windowSize) {
        Optional<Path> chromium = executable(System.getProperty("caravan.chromium"), "chromium", "chromium-browser");
        Optional<Path> chromedriver = executable(System.getProperty("caravan.chromedriver"), "chromedriver");
        if (chromium.isEmpty() || chromedriver.isEmpty()) return Optional.empty();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + windowSize, "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile()).usingAnyFreePort().build();
        return Optional.of(new ChromeDriver(service, options));
    }

    /** Whether both binaries are there (to skip setting up servers for nothing). */
    static boolean installed() {
        return executable(System.getProperty("caravan.chromium"), "chromium", "chromium-browser").isPresent()
                && executable(System.getProperty("caravan.chromedriver"), "chromedriver").isPresent();
    }

    static final String MISSING = "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)";

    /** Deletes temporary directories (profiles, data directories); nulls are skipped. */
    static void deleteTrees(Path... dirs) throws IOException {
        for (Path dir : dirs) {
            if (dir == null) continue;
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** The given file if set, else the first of the names on PATH (or /usr/bin, /usr/lib/chromium). */
    private static Optional<Path> executable(String given, String... names) {
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : names) {
            for (String dir : (path + File.pathSeparator + "/usr/bin" + File.pathSeparator + "/usr/lib/chromium")
                    .split(File.pathSeparator)) {
                if (dir.isEmpty()) continue;
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
