package org.hotline.geo.mmdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.maxmind.db.Reader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.event.IpAddress;
import org.hotline.geo.GeoTestData;
import org.hotline.geo.csv.AsnCsvConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hotline's writer checked by other people's readers: MaxMind's Java Reader here, and — for the
 * full bundled ASN file, outside the test suite — libmaxminddb through its Perl XS reader, which read
 * all 1,030,316 first/last addresses of the source CSV rows back right (see the commit message).
 */
class MmdbWriterTest {

    private static final Instant BUILT = Instant.parse("2026-06-17T19:00:00Z");

    @TempDir
    Path dir;

    @Test
    void convertedSliceAgreesWithMaxMindsOwnWriter() throws IOException {
        Path ours = dir.resolve("asn.mmdb");
        AsnCsvConverter.convert(List.of(GeoTestData.CSV.resolve("asn-ipv4.slice.csv"), GeoTestData.CSV.resolve("asn-ipv6.slice.csv")),
                ours, BUILT, "test");
        int compared = 0;
        try (Reader mine = new Reader(ours.toFile()); Reader perl = new Reader(GeoTestData.MMDB.resolve("geolite2-asn.mmdb").toFile())) {
            for (String file : List.of("asn-ipv4.slice.csv", "asn-ipv6.slice.csv")) {
                for (String line : Files.readAllLines(GeoTestData.CSV.resolve(file))) {
                    String[] ends = line.split(",", 3);
                    if (inIetfProtocolAssignments(IpAddress.parse(ends[0]))) {
                        continue; // the Perl writer drops 2001::/23 (remove_reserved_networks); Hotline keeps it
                    }
                    for (String end : List.of(ends[0], ends[1])) {
                        InetAddress ip = IpAddress.parse(end).toInetAddress();
                        assertThat(lookup(mine, ip)).as(end).isNotNull().isEqualTo(perl.get(ip, Map.class));
                        compared++;
                    }
                }
            }
            assertThat(mine.getMetadata().databaseType()).isEqualTo(AsnCsvConverter.DATABASE_TYPE);
            assertThat(mine.getMetadata().buildTime()).isEqualTo(BUILT);
            assertThat(mine.getMetadata().ipVersion()).isEqualTo(6);
            assertThat(mine.getMetadata().recordSize()).isEqualTo(24);
        }
        // 75 + 60 rows (wc -l), minus the 2 in 2001::/23 (Python ipaddress), two ends each.
        assertThat(compared).isEqualTo(266);
    }

    @Test
    void rangesSplitIntoTheFewestNetworksAndEndExactly() throws IOException {
        // Counts from Python's ipaddress.summarize_address_range: 9, 1 and 1 networks.
        MmdbWriter w = new MmdbWriter("test", "test", BUILT);
        w.insertRange(IpAddress.parse("1.0.0.1"), IpAddress.parse("1.0.1.0"), Map.of("n", 1L));
        assertThat(w.networks()).isEqualTo(9);
        w.insertRange(IpAddress.parse("2001:db8::"), IpAddress.parse("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"), Map.of("n", 2L));
        assertThat(w.networks()).isEqualTo(10);
        try (Reader r = read(w)) {
            assertThat(lookup(r, InetAddress.getByName("1.0.0.0"))).isNull();
            assertThat(lookup(r, InetAddress.getByName("1.0.0.1"))).isEqualTo(Map.of("n", 1L));
            assertThat(lookup(r, InetAddress.getByName("1.0.0.200"))).isEqualTo(Map.of("n", 1L));
            assertThat(lookup(r, InetAddress.getByName("1.0.1.0"))).isEqualTo(Map.of("n", 1L));
            assertThat(lookup(r, InetAddress.getByName("1.0.1.1"))).isNull();
            assertThat(lookup(r, InetAddress.getByName("2001:db8:1234::1"))).isEqualTo(Map.of("n", 2L));
            assertThat(lookup(r, InetAddress.getByName("2001:db9::"))).isNull();
        }
        MmdbWriter all = new MmdbWriter("test", "test", BUILT);
        all.insertRange(IpAddress.parse("0.0.0.0"), IpAddress.parse("255.255.255.255"), Map.of("n", 3L));
        assertThat(all.networks()).isEqualTo(1);
    }

    @Test
    void everyValueTypeReadsBack() throws IOException {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("string", "Réseaux IP Européens");
        record.put("uint16", 65_535);
        record.put("int32", -42);
        record.put("uint32", 4_294_967_295L);
        record.put("uint64", 4_294_967_296L);
        record.put("uint128", new BigInteger("340282366920938463463374607431768211455"));
        record.put("double", 52.370216);
        record.put("float", 1.5f);
        record.put("true", true);
        record.put("false", false);
        record.put("array", List.of("a", 1L, Map.of("k", "v")));
        record.put("map", Map.of("iso_code", "NL", "names", Map.of("en", "Netherlands")));
        record.put("string300", "x".repeat(300));
        record.put("string70000", "y".repeat(70_000));
        MmdbWriter w = new MmdbWriter("types", "all types", BUILT);
        w.insertNetwork(IpAddress.parse("192.0.2.0"), 24, record);
        try (Reader r = read(w)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> got = r.get(InetAddress.getByName("192.0.2.1"), Map.class); // raw Map: the decoder's own type
            assertThat(got.get("string")).isEqualTo("Réseaux IP Européens");
            assertThat(got.get("uint16")).isEqualTo(65_535);
            assertThat(got.get("int32")).isEqualTo(-42);
            assertThat(got.get("uint32")).isEqualTo(4_294_967_295L);
            assertThat(got.get("uint64")).isEqualTo(BigInteger.valueOf(4_294_967_296L));
            assertThat(got.get("uint128")).isEqualTo(new BigInteger("340282366920938463463374607431768211455"));
            assertThat(got.get("double")).isEqualTo(52.370216);
            assertThat(got.get("float")).isEqualTo(1.5f);
            assertThat(got.get("true")).isEqualTo(true);
            assertThat(got.get("false")).isEqualTo(false);
            assertThat(got.get("array")).isEqualTo(List.of("a", 1L, Map.of("k", "v")));
            assertThat(got.get("map")).isEqualTo(Map.of("iso_code", "NL", "names", Map.of("en", "Netherlands")));
            assertThat(got.get("string300")).isEqualTo("x".repeat(300));
            assertThat(got.get("string70000")).isEqualTo("y".repeat(70_000));
        }
    }

    @Test
    void sharedStringsAreStoredOnceAndPointersOfEverySizeResolve() throws IOException {
        // 60,000 records: the data section grows past 526,336 bytes, so all three pointer sizes occur.
        MmdbWriter w = new MmdbWriter("pointers", "test", BUILT);
        String shared = "An organisation name long enough to be worth a pointer";
        for (int i = 0; i < 60_000; i++) {
            w.insertNetwork(IpAddress.ofV4(0x0A00_0000 + (i << 8)), 24,
                    Map.of("org", shared, "unique", "record number " + i, "n", (long) i));
        }
        byte[] file = bytes(w);
        try (Reader r = new Reader(new ByteArrayInputStream(file))) {
            for (int i = 0; i < 60_000; i += 997) {
                InetAddress ip = IpAddress.ofV4(0x0A00_0000 + (i << 8) + 7).toInetAddress();
                assertThat(lookup(r, ip)).isEqualTo(Map.of("org", shared, "unique", "record number " + i, "n", (long) i));
            }
        }
        long copies = countOccurrences(file, shared.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(copies).isEqualTo(1);
    }

    @Test
    void recordSizes28And32ReadBack() throws IOException {
        // A 17 MB string first in the data section pushes later records' values past 2^24: the writer
        // must pick 28-bit records and fill the shared middle nibbles right.
        MmdbWriter big = new MmdbWriter("big", "test", BUILT);
        big.insertNetwork(IpAddress.parse("1.0.0.0"), 24, Map.of("blob", "z".repeat(17 << 20)));
        for (int i = 1; i <= 50; i++) {
            big.insertNetwork(IpAddress.ofV4(0x0100_0000 + (i << 8)), 24, Map.of("n", (long) i));
        }
        try (Reader r = read(big)) {
            assertThat(r.getMetadata().recordSize()).isEqualTo(28);
            for (int i = 1; i <= 50; i++) {
                assertThat(lookup(r, IpAddress.ofV4(0x0100_0000 + (i << 8)).toInetAddress())).isEqualTo(Map.of("n", (long) i));
            }
        }
        MmdbWriter forced = new MmdbWriter("forced", "test", BUILT).minRecordSize(32);
        forced.insertNetwork(IpAddress.parse("2001:db8::"), 32, Map.of("n", 1L));
        forced.insertNetwork(IpAddress.parse("198.51.100.0"), 24, Map.of("n", 2L));
        try (Reader r = read(forced)) {
            assertThat(r.getMetadata().recordSize()).isEqualTo(32);
            assertThat(lookup(r, InetAddress.getByName("2001:db8::5"))).isEqualTo(Map.of("n", 1L));
            assertThat(lookup(r, InetAddress.getByName("198.51.100.9"))).isEqualTo(Map.of("n", 2L));
        }
    }

    @Test
    void ipv4MappedAddressesFindTheIpv4Answer() throws IOException {
        MmdbWriter w = new MmdbWriter("alias", "test", BUILT);
        w.insertNetwork(IpAddress.parse("8.8.8.0"), 24, Map.of("n", 1L));
        try (Reader r = read(w)) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            mapped[12] = 8;
            mapped[13] = 8;
            mapped[14] = 8;
            mapped[15] = 8;
            InetAddress v6 = Inet6Address.getByAddress(null, mapped, -1);
            assertThat(v6).isInstanceOf(Inet6Address.class);
            assertThat(lookup(r, v6)).isEqualTo(Map.of("n", 1L));
        }
    }

    @Test
    void theSameInputGivesTheSameBytes() throws IOException {
        List<byte[]> files = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            MmdbWriter w = new MmdbWriter("repro", "test", BUILT);
            w.insertRange(IpAddress.parse("1.0.0.0"), IpAddress.parse("1.0.3.255"), Map.of("b", "x", "a", 1L));
            w.insertRange(IpAddress.parse("2a00::"), IpAddress.parse("2a00::ffff"), Map.of("a", 2L));
            files.add(bytes(w));
        }
        assertThat(files.get(0)).isEqualTo(files.get(1));
    }

    /** The record at {@code ip} as the MaxMind reader decodes it (a Map), typed as Object for assertions. */
    private static Object lookup(Reader reader, InetAddress ip) throws IOException {
        return reader.get(ip, Map.class);
    }

    private static boolean inIetfProtocolAssignments(IpAddress ip) {
        return !ip.isV4() && (ip.high() >>> 41) == (0x2001_0000_0000_0000L >>> 41);
    }

    private static Reader read(MmdbWriter w) throws IOException {
        return new Reader(new ByteArrayInputStream(bytes(w)));
    }

    private static byte[] bytes(MmdbWriter w) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.write(out);
        return out.toByteArray();
    }

    private static long countOccurrences(byte[] haystack, byte[] needle) {
        long n = 0;
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            n++;
        }
        return n;
    }
}
