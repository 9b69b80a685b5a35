package org.hotline.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --home} option every node command shares: the node's home directory. */
final class HomeOption {
    @Option(names = "--home", paramLabel = "DIR",
            description = "The node's home directory (default: $HOTLINE_HOME, else ~/.hotline).")
    Path home;

    Path dir() {
        if (home != null) {
            return home;
        }
        String env = System.getenv("HOTLINE_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".hotline");
    }
}
