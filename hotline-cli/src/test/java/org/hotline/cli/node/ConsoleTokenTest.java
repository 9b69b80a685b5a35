package org.hotline.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleTokenTest {
    @TempDir
    Path home;

    private String mode() throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(ConsoleToken.FILE)));
    }

    @Test
    void theTokenIsMadeOwnerOnlyAndKeptWhileOnlyItsOwnerCanReadIt() throws Exception {
        String first = ConsoleToken.of(home);
        assertThat(first).matches("[A-Za-z0-9_-]{43}");
        assertThat(mode()).isEqualTo("rw-------");
        assertThat(ConsoleToken.of(home)).isEqualTo(first);

        // Readable by others (restored from a backup as 0644): whoever read it could open every concern.
        Files.setPosixFilePermissions(home.resolve(ConsoleToken.FILE), PosixFilePermissions.fromString("rw-r--r--"));
        String second = ConsoleToken.of(home);
        assertThat(second).isNotEqualTo(first).matches("[A-Za-z0-9_-]{43}");
        assertThat(mode()).isEqualTo("rw-------");
        assertThat(Files.readString(home.resolve(ConsoleToken.FILE)).trim()).isEqualTo(second);
    }

    @Test
    void aTokenTooShortToBeSecretIsReplaced() throws Exception {
        SecretFiles.write(home.resolve(ConsoleToken.FILE), "short\n");
        assertThat(ConsoleToken.of(home)).hasSize(43);
    }
}
