package org.caravan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the embedded store lives when {@code --data-dir} is not given: {@code $CARAVAN_HOME} when set, else
 * {@code $HOME/.caravan} (the user's home as the shell has it, which may differ from Java's {@code user.home}), else
 * {@code user.home}/.caravan. Shared by {@code caravan serve} and {@code caravan trade ...} (docs/DATA.md).
 */
final class DataDir {
    static final String ENV = "CARAVAN_HOME";
    /** The help text's default, the same for every command. */
    static final String HELP = "Default: $" + ENV + " when set, else $HOME/.caravan.";

    private DataDir() {}

    /** {@code option} when given, else the default directory. */
    static Path of(Path option) {
        return option != null ? option : defaultDir(System.getenv(), System.getProperty("user.home"));
    }

    static Path defaultDir(Map<String, String> env, String userHome) {
        String home = env.get(ENV);
        if (home != null && !home.isBlank()) return Path.of(home);
        String shellHome = env.get("HOME");
        return Path.of(shellHome != null && !shellHome.isBlank() ? shellHome : userHome, ".caravan");
    }

    /** Whether {@code dir} holds a store: read-only commands open none that does not exist. */
    static boolean hasStore(Path dir) {
        return Files.isRegularFile(dir.resolve(org.caravan.trade.TradeStore.FILE_NAME));
    }
}
