package org.hotline.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hotline.InputException;
import org.hotline.geo.csv.RangeCsvEnricher;
import org.hotline.geo.mmdb.MmdbCountryEnricher;
import org.hotline.geo.tor.TorExitEnricher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database path that is a directory, a device or an empty file says so: each was "no such file"
 * (or, for a directory named like a CSV, an internal error).
 */
class FileProblemTest {
    @TempDir
    Path dir;

    @Test
    void eachKindOfWrongPathIsNamed() throws Exception {
        assertThat(FileProblem.of(dir.resolve("missing.mmdb"))).isEqualTo("no such file");
        assertThat(FileProblem.of(dir)).isEqualTo("is a directory, not a file");
        assertThat(FileProblem.of(Files.createFile(dir.resolve("empty.mmdb")))).isEqualTo("is empty");
        assertThat(FileProblem.of(Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"))))
                .isEqualTo("is a link to a file that does not exist");
        assertThat(FileProblem.of(GeoTestData.MMDB.resolve("geolite2-country.mmdb"))).isNull();
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull), "a system with /dev/null");
        assertThat(FileProblem.of(devNull)).isEqualTo("is not a regular file but a character device");
    }

    @Test
    void everyDatabaseOpenerSaysWhatIsWrong() throws Exception {
        Path csvDirectory = Files.createDirectory(dir.resolve("country.csv"));
        Path empty = Files.createFile(dir.resolve("empty.mmdb"));
        assertThatThrownBy(() -> MmdbCountryEnricher.open(dir, "t")).isInstanceOf(InputException.class)
                .hasMessage("--geo-db " + dir + ": is a directory, not a file");
        assertThatThrownBy(() -> MmdbCountryEnricher.open(empty, "t")).isInstanceOf(InputException.class)
                .hasMessage("--geo-db " + empty + ": is empty");
        assertThatThrownBy(() -> RangeCsvEnricher.country(List.of(csvDirectory), "t")).isInstanceOf(InputException.class)
                .hasMessage(csvDirectory + ": is a directory, not a file");
        assertThatThrownBy(() -> TorExitEnricher.open(dir)).isInstanceOf(InputException.class)
                .hasMessage("--tor-exits " + dir + ": is a directory, not a file");
    }
}
