package org.hotline.geo.mmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.maxmind.db.Metadata;
import com.maxmind.db.Reader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.hotline.InputException;
import org.hotline.enrich.Origin;
import org.hotline.event.IpAddress;
import org.hotline.geo.GeoTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database whose metadata is whole but whose search tree is not: made from the bundled databases,
 * as the audit made it. The MaxMind reader's InvalidDatabaseException came out as "internal error
 * ... a bug in Hotline" with a stack trace; it is the user's file that is damaged, and it is said so,
 * naming the file, whether it shows on opening or only at some lookup later.
 */
class DamagedDatabaseTest {
    @TempDir
    Path dir;

    private Path unpacked(Path gz, String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            Files.copy(in, file);
        }
        return file;
    }

    /** Every seventh byte of the first 60 % set to 0xff: the sample read on opening meets it. */
    @Test
    void aTreeDamagedThroughoutIsRefusedOnOpening() throws IOException {
        Path file = unpacked(GeoTestData.BUNDLED_COUNTRY, "corrupt.mmdb");
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < bytes.length * 6 / 10; i += 7) {
            bytes[i] = (byte) 0xff;
        }
        Files.write(file, bytes);

        assertThatThrownBy(() -> MmdbCountryEnricher.open(file, "test")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("--geo-db " + file + " is corrupt: The MaxMind DB file's search tree is corrupt");
    }

    /**
     * One record of the tree damaged, that of 83.149.9.216 (RU, AS31133 in the bundled files): the file
     * opens, other addresses answer, and that one is a user error naming the file and the address.
     */
    @Test
    void oneDamagedRecordShowsAtItsLookupAsTheFilesFault() throws IOException {
        IpAddress damaged = IpAddress.parse("83.149.9.216");
        Path country = unpacked(GeoTestData.BUNDLED_COUNTRY, "country.mmdb");
        Path asn = unpacked(GeoTestData.BUNDLED_ASN, "asn.mmdb");
        pointPastTheEnd(country, damaged);
        pointPastTheEnd(asn, damaged);
        String found = "The MaxMind DB file's search tree is corrupt: contains pointer larger than the database."
                + " (found looking up 83.149.9.216; opening the file checks only a sample of its records)";

        try (MmdbCountryEnricher c = MmdbCountryEnricher.open(country, "test"); MmdbAsnEnricher a = MmdbAsnEnricher.open(asn, "test")) {
            assertThat(c.countryOf(IpAddress.parse("8.8.8.8"))).isEqualTo("US");
            assertThat(a.enrich(IpAddress.parse("8.8.8.8"), Origin.UNKNOWN).asn()).isEqualTo(15169);
            assertThatThrownBy(() -> c.enrich(damaged, Origin.UNKNOWN)).isInstanceOf(InputException.class)
                    .hasMessage("--geo-db " + country + " is corrupt: " + found);
            assertThatThrownBy(() -> a.enrich(damaged, Origin.UNKNOWN)).isInstanceOf(InputException.class)
                    .hasMessage("--asn-db " + asn + " is corrupt: " + found);
        }
        assertThatThrownBy(() -> MaxMindLayoutExport.export(country, asn, dir.resolve("export")))
                .isInstanceOf(InputException.class).hasMessageStartingWith("--geo-db " + country + " is corrupt: ")
                .hasMessageEndingWith("(found reading its networks for the export)");
    }

    /**
     * Sets the search-tree record on which {@code ip}'s walk ends (MaxMind DB spec, "Search Tree"; 24-bit
     * records) to 0xffffff: a data pointer far past the end of the file.
     */
    static void pointPastTheEnd(Path file, IpAddress ip) throws IOException {
        Metadata m;
        try (Reader reader = new Reader(file.toFile())) {
            m = reader.getMetadata();
        }
        assertThat(m.recordSize()).isEqualTo(24);
        byte[] b = Files.readAllBytes(file);
        long node = 0;
        for (int depth = 0; depth < 128; depth++) {
            // IPv4 sits at ::a.b.c.d in an IPv6 tree: 96 zero bits, then its own 32.
            int bit = ip.isV4() && depth < 96 ? 0 : SearchTree.bit(ip.high(), ip.low(), depth);
            int at = (int) (node * 6 + bit * 3);
            long record = ((b[at] & 0xffL) << 16) | ((b[at + 1] & 0xffL) << 8) | (b[at + 2] & 0xffL);
            if (record >= m.nodeCount()) {
                b[at] = (byte) 0xff;
                b[at + 1] = (byte) 0xff;
                b[at + 2] = (byte) 0xff;
                Files.write(file, b);
                return;
            }
            node = record;
        }
        throw new AssertionError("no record found for " + ip);
    }
}
