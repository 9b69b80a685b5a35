package org.hotline.cli.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.hotline.InputException;

/**
 * The operator console's token, kept in the node's home ({@code console.token}, owner-only) so that a
 * tab or a script that holds it keeps working across restarts; removing the file makes a new one.
 */
public final class ConsoleToken {
    public static final String FILE = "console.token";

    private ConsoleToken() {}

    public static String of(Path home) {
        Path file = home.resolve(FILE);
        try {
            if (Files.exists(file) && ownerOnly(file)) {
                String token = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (token.length() >= 20) {
                    return token;
                }
            }
        } catch (IOException e) {
            throw new InputException("cannot read the console token " + file + " (" + e.getMessage() + ")");
        }
        // None yet, too short, or readable by others (restored from a backup as 0644, say): a new one,
        // since whoever could read the old one could open every concern.
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        SecretFiles.write(file, token + "\n");
        return token;
    }

    private static boolean ownerOnly(Path file) throws IOException {
        try {
            return Files.getPosixFilePermissions(file).stream().noneMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"));
        } catch (UnsupportedOperationException e) {
            return true;   // not a POSIX file system: its directory's permissions are what there is
        }
    }
}
