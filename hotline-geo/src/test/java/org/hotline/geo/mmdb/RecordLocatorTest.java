package org.hotline.geo.mmdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.maxmind.db.DatabaseRecord;
import com.maxmind.db.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.hotline.event.IpAddress;
import org.hotline.geo.GeoTestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
        try (MmdbDatabase db = MmdbDatabase.open(file, "--test", MmdbDatabase.SMALL_DECODE_CACHE)) {
            RecordLocator locator = db.locator();
            assertThat(locator).isNotNull();
            Reader reader = db.reader();
            Map<Long, Object> byKey = new HashMap<>();
            Random random = new Random(42);
            for (int i = 0; i < 20_000; i++) {
                IpAddress ip = i % 4 == 3 ? new IpAddress(0x2000_0000_0000_0000L | random.nextLong() >>> 3, random.nextLong())
                        : IpAddress.ofV4(random.nextInt());
                long key = locator.locate(ip);
                DatabaseRecord<Object> record = ip.isV4() || db.metadata().ipVersion() == 6
                        ? reader.getRecord(ip.toInetAddress(), Object.class) : null;
                Object data = record == null ? null : record.data();
                assertThat(key).as("%s in %s", ip, file).isNotEqualTo(RecordLocator.INVALID);
                if (key == RecordLocator.NONE) {
                    assertThat(data).as("%s in %s", ip, file).isNull();
                } else {
                    Object seen = byKey.putIfAbsent(key, data);
                    assertThat(seen == null ? data : seen).as("%s in %s", ip, file).isEqualTo(data);
                }
            }
        }
    }
}
