package org.hotline.geo.mmdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.maxmind.db.DatabaseRecord;
import com.maxmind.db.Reader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.hotline.event.IpAddress;
import org.hotline.geo.GeoTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tree walk must lead exactly where the MaxMind reader leads: no record where it finds none,
 * and for every address the same record (one locator key per distinct decoded record, checked on
 * random IPv4 and IPv6 addresses over the bundled files and every fixture's record size).
 */
class RecordLocatorTest {

    static Stream<Path> databases() throws Exception {
        try (Stream<Path> fixtures = Files.list(GeoTestData.MMDB)) {
            return Stream.concat(Stream.of(GeoTestData.BUNDLED_COUNTRY, GeoTestData.BUNDLED_ASN),
                    fixtures.filter(p -> p.toString().endsWith(".mmdb")).sorted().toList().stream());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void leadsWhereTheReaderLeads(Path file) throws Exception {
        assertLeadsWhereTheReaderLeads(file, List.of(), 0);
    }

    /**
     * Sorted addresses, as the report resolves them: each lookup may reuse the last walk's network,
     * so every address is followed by its neighbours across network edges (one bit flipped at each
     * place from the lowest up), where a wrong reuse would lead into the previous network's record.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void sortedNeighboursAcrossNetworkEdgesLeadWhereTheReaderLeads(Path file) throws Exception {
        Random random = new Random(7);
        List<IpAddress> sorted = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int v4 = random.nextInt();
            long high = 0x2000_0000_0000_0000L | random.nextLong() >>> 3;
            long low = random.nextLong();
            for (int bit = 0; bit < 32; bit++) {
                sorted.add(IpAddress.ofV4(v4 ^ (1 << bit)));
                sorted.add(IpAddress.ofV4(v4 + (1 << bit)));
            }
            for (int bit = 0; bit < 64; bit++) {
                sorted.add(new IpAddress(high ^ (1L << bit), low));
                sorted.add(new IpAddress(high, low ^ (1L << bit)));
            }
        }
        sorted.sort(null);
        assertLeadsWhereTheReaderLeads(file, sorted, 0);
    }

    @Test
    void firstBitsAgreeUpToTheirCount() {
        assertThat(RecordLocator.sameFirstBits(0, 0, -1, -1, 0)).isTrue();
        assertThat(RecordLocator.sameFirstBits(0x8000_0000_0000_0000L, 0, 0, 0, 1)).isFalse();
        assertThat(RecordLocator.sameFirstBits(5, 0, 4, 0, 63)).isTrue();
        assertThat(RecordLocator.sameFirstBits(5, 0, 4, 0, 64)).isFalse();
        assertThat(RecordLocator.sameFirstBits(5, 7, 5, 6, 127)).isTrue();
        assertThat(RecordLocator.sameFirstBits(5, 7, 5, 6, 128)).isFalse();
        assertThat(RecordLocator.sameFirstBits(5, 1L << 32, 5, 0, 96)).isFalse();
        assertThat(RecordLocator.sameFirstBits(5, 1L << 31, 5, 0, 96)).isTrue();
    }

    /** No fixture has 32-bit records (they need a data section past 256 MiB): one written with them forced. */
    @ParameterizedTest
    @ValueSource(ints = {24, 28, 32})
    void leadsWhereTheReaderLeadsForEveryRecordSize(int bits, @TempDir Path dir) throws Exception {
        MmdbWriter writer = new MmdbWriter("test", "record size " + bits, Instant.parse("2026-01-01T00:00:00Z")).minRecordSize(bits);
        Random random = new Random(bits);
        // Random addresses rarely fall into a written network: each network's own addresses are probed too.
        List<IpAddress> inside = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            if (i % 3 == 2) {
                long high = 0x2000_0000_0000_0000L | (random.nextLong() >>> 3) & ~0xffffL;
                writer.insertNetwork(new IpAddress(high, 0), 48, Map.of("n", (long) i));
                inside.add(new IpAddress(high | random.nextInt(1 << 16), random.nextLong()));
            } else {
                int network = random.nextInt() & 0xffff_ff00;
                writer.insertNetwork(IpAddress.ofV4(network), 24 - random.nextInt(8), Map.of("n", (long) i));
                inside.add(IpAddress.ofV4(network | random.nextInt(256)));
            }
        }
        Path file = dir.resolve("written.mmdb");
        try (OutputStream out = Files.newOutputStream(file)) {
            writer.write(out);
        }
        try (MmdbDatabase db = MmdbDatabase.open(file, "--test", MmdbDatabase.SMALL_DECODE_CACHE)) {
            assertThat(db.metadata().recordSize()).isEqualTo(bits);
        }
        assertLeadsWhereTheReaderLeads(file, inside, inside.size());
    }

    /**
     * Random addresses, then {@code probes}: the locator finds a record exactly where the reader
     * does, one key per record, and at least {@code minFound} records.
     */
    private static void assertLeadsWhereTheReaderLeads(Path file, List<IpAddress> probes, int minFound) throws Exception {
        try (MmdbDatabase db = MmdbDatabase.open(file, "--test", MmdbDatabase.SMALL_DECODE_CACHE)) {
            RecordLocator locator = db.locator();
            assertThat(locator).isNotNull();
            Reader reader = db.reader();
            Map<Long, Object> byKey = new HashMap<>();
            Random random = new Random(42);
            int found = 0;
            for (int i = 0; i < 20_000 + probes.size(); i++) {
                IpAddress ip = i >= 20_000 ? probes.get(i - 20_000)
                        : i % 4 == 3 ? new IpAddress(0x2000_0000_0000_0000L | random.nextLong() >>> 3, random.nextLong())
                        : IpAddress.ofV4(random.nextInt());
                long key = locator.locate(ip);
                DatabaseRecord<Object> record = ip.isV4() || db.metadata().ipVersion() == 6
                        ? reader.getRecord(ip.toInetAddress(), Object.class) : null;
                Object data = record == null ? null : record.data();
                assertThat(key).as("%s in %s", ip, file).isNotEqualTo(RecordLocator.INVALID);
                if (key == RecordLocator.NONE) {
                    assertThat(data).as("%s in %s", ip, file).isNull();
                } else {
                    found++;
                    Object seen = byKey.putIfAbsent(key, data);
                    assertThat(seen == null ? data : seen).as("%s in %s", ip, file).isEqualTo(data);
                }
            }
            assertThat(found).as("addresses with a record in %s", file).isGreaterThanOrEqualTo(minFound);
        }
    }
}
