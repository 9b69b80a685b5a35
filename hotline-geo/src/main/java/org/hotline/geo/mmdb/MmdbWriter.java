package org.hotline.geo.mmdb;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.event.IpAddress;
import org.hotline.geo.mmdb.DataSection.Uint;

/**
 * Writes a MaxMind DB file (format 2.0) from ranges or networks: the search tree, the de-duplicated
 * data section and the metadata. Hotline uses it to turn ip-location-db's ASN CSVs, for which no
 * {@code .mmdb} is published, into a GeoLite2-ASN-layout file that is memory-mapped with no load
 * time ({@link org.hotline.geo.csv.AsnCsvConverter}).
 *
 * <p>The file is always {@code ip_version 6}: IPv4 lives at {@code ::a.b.c.d} and is aliased from
 * {@code ::ffff:0:0/96}, as MaxMind's own writers do; 6to4 and Teredo are not aliased (the source
 * data has real entries there). The record size is the smallest of 24, 28 and 32 bits that fits.
 * Output is reproducible: the same inserts and build time give the same bytes.
 *
 * <p>Hazards: overlapping inserts are resolved "last insert wins" (a later longer network splits an
 * earlier shorter one; a later shorter one replaces earlier longer ones); the whole tree is held in
 * memory (two ints per node, about 25 MB for the full ASN data). Not thread-safe.
 */
public final class MmdbWriter {

    private static final byte[] METADATA_MARKER = {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF,
        'M', 'a', 'x', 'M', 'i', 'n', 'd', '.', 'c', 'o', 'm'};

    private final String databaseType;
    private final String description;
    private final Instant buildTime;
    private final SearchTree tree = new SearchTree();
    private final Map<Map<String, ?>, Integer> ids = new HashMap<>();
    private final List<Map<String, ?>> values = new ArrayList<>();
    private long networks;
    private int minRecordSize = 24;

    public MmdbWriter(String databaseType, String description, Instant buildTime) {
        this.databaseType = databaseType;
        this.description = description;
        this.buildTime = buildTime;
    }

    /** For tests: a larger record size than needed, to exercise the 28- and 32-bit node layouts. */
    MmdbWriter minRecordSize(int bits) {
        this.minRecordSize = bits;
        return this;
    }

    /** Networks inserted so far (a range counts as the CIDR blocks it splits into). */
    public long networks() {
        return networks;
    }

    /** Distinct data records so far. */
    public int records() {
        return values.size();
    }

    /** Maps every address from {@code first} to {@code last} inclusive (one family) to {@code data}. */
    public void insertRange(IpAddress first, IpAddress last, Map<String, ?> data) {
        if (first.isV4() != last.isV4()) {
            throw new IllegalArgumentException("range mixes IPv4 and IPv6: " + first + " - " + last);
        }
        if (first.compareTo(last) > 0) {
            throw new IllegalArgumentException("range start after end: " + first + " - " + last);
        }
        int id = idOf(data);
        long hi = treeHigh(first);
        long lo = treeLow(first);
        long endHi = treeHigh(last);
        long endLo = treeLow(last);
        while (true) {
            // The largest block that starts at (hi, lo), is aligned, and ends at or before the end.
            long spanHi = endHi - hi - (Long.compareUnsigned(endLo, lo) < 0 ? 1 : 0);
            long spanLo = endLo - lo;
            int bySpan = log2OfSpanPlusOne(spanHi, spanLo);
            int k = Math.min(trailingZeros(hi, lo), bySpan);
            tree.insert(hi, lo, 128 - k, id);
            networks++;
            long blockHi = k > 64 ? (1L << (k - 64)) - 1 : 0; // 2^k - 1, k <= 127 here
            long blockLo = k >= 64 ? -1L : (1L << k) - 1;
            if (spanHi == blockHi && spanLo == blockLo) {
                return; // this block ends exactly at the range's end
            }
            // Advance by 2^k.
            if (k >= 64) {
                hi += 1L << (k - 64);
            } else {
                long next = lo + (1L << k);
                if (Long.compareUnsigned(next, lo) < 0) {
                    hi++;
                }
                lo = next;
            }
        }
    }

    /** Maps {@code network/prefixLength} ({@code prefixLength} in the family's bits: ≤ 32 for IPv4) to {@code data}. */
    public void insertNetwork(IpAddress network, int prefixLength, Map<String, ?> data) {
        int bits = network.isV4() ? 32 : 128;
        if (prefixLength < 1 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of 1.." + bits + " for " + network);
        }
        int treePrefix = prefixLength + 128 - bits;
        tree.insert(treeHigh(network), treeLow(network), treePrefix, idOf(data));
        networks++;
    }

    /** Writes the database; the stream is not closed. */
    public void write(OutputStream target) throws IOException {
        tree.compact();
        tree.alias(0, 0x0000_ffff_0000_0000L, 0, 0, 96);
        int[] order = numberNodes();
        int nodeCount = order.length;
        int[] newId = new int[tree.nodeCount()];
        Arrays.fill(newId, -1);
        for (int i = 0; i < nodeCount; i++) {
            newId[order[i]] = i;
        }
        DataSection data = new DataSection(true);
        int[] dataOffset = new int[values.size()];
        Arrays.fill(dataOffset, -1);
        for (int node : order) {
            for (int bit = 0; bit < 2; bit++) {
                int slot = tree.child(node, bit);
                if (SearchTree.isData(slot) && dataOffset[SearchTree.dataId(slot)] < 0) {
                    dataOffset[SearchTree.dataId(slot)] = data.add(values.get(SearchTree.dataId(slot)));
                }
            }
        }
        long maxValue = (long) nodeCount + 16 + data.size();
        int recordSize = maxValue < (1L << 24) && minRecordSize <= 24 ? 24
                : maxValue < (1L << 28) && minRecordSize <= 28 ? 28 : 32;
        OutputStream out = new BufferedOutputStream(target, 1 << 16);
        byte[] record = new byte[recordSize / 4];
        for (int node : order) {
            long l = recordValue(tree.child(node, 0), newId, dataOffset, nodeCount);
            long r = recordValue(tree.child(node, 1), newId, dataOffset, nodeCount);
            encodeNode(l, r, recordSize, record);
            out.write(record);
        }
        out.write(new byte[16]);
        out.write(data.bytes());
        out.write(METADATA_MARKER);
        out.write(metadata(nodeCount, recordSize));
        out.flush();
    }

    private byte[] metadata(int nodeCount, int recordSize) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("binary_format_major_version", new Uint(16, 2));
        m.put("binary_format_minor_version", new Uint(16, 0));
        m.put("build_epoch", new Uint(64, buildTime.getEpochSecond()));
        m.put("database_type", databaseType);
        m.put("description", Map.of("en", description));
        m.put("ip_version", new Uint(16, 6));
        m.put("languages", List.of("en"));
        m.put("node_count", new Uint(32, nodeCount));
        m.put("record_size", new Uint(16, recordSize));
        DataSection section = new DataSection(false);
        section.add(m);
        return section.bytes();
    }

    /** Breadth-first order of the reachable nodes; the root is node 0 of the file. */
    private int[] numberNodes() {
        boolean[] seen = new boolean[tree.nodeCount()];
        int[] order = new int[tree.nodeCount()];
        int count = 0;
        order[count++] = 0;
        seen[0] = true;
        for (int i = 0; i < count; i++) {
            for (int bit = 0; bit < 2; bit++) {
                int slot = tree.child(order[i], bit);
                if (slot > 0 && !seen[slot]) {
                    seen[slot] = true;
                    order[count++] = slot;
                }
            }
        }
        return Arrays.copyOf(order, count);
    }

    private static long recordValue(int slot, int[] newId, int[] dataOffset, int nodeCount) {
        if (slot > 0) {
            return newId[slot];
        }
        if (slot == SearchTree.EMPTY) {
            return nodeCount;
        }
        return (long) nodeCount + 16 + dataOffset[SearchTree.dataId(slot)];
    }

    static void encodeNode(long left, long right, int recordSize, byte[] out) {
        switch (recordSize) {
            case 24 -> {
                put(out, 0, left, 3);
                put(out, 3, right, 3);
            }
            case 28 -> {
                put(out, 0, left & 0xff_ffff, 3);
                out[3] = (byte) ((((left >>> 24) & 0xf) << 4) | ((right >>> 24) & 0xf));
                put(out, 4, right & 0xff_ffff, 3);
            }
            default -> {
                put(out, 0, left, 4);
                put(out, 4, right, 4);
            }
        }
    }

    private static void put(byte[] out, int at, long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out[at + i] = (byte) (value >>> (8 * (bytes - 1 - i)));
        }
    }

    private int idOf(Map<String, ?> data) {
        Integer id = ids.get(data);
        if (id == null) {
            id = values.size();
            Map<String, ?> copy = Map.copyOf(data);
            values.add(copy);
            ids.put(copy, id);
        }
        return id;
    }

    private static long treeHigh(IpAddress ip) {
        return ip.isV4() ? 0 : ip.high();
    }

    private static long treeLow(IpAddress ip) {
        return ip.isV4() ? ip.v4Bits() & 0xffff_ffffL : ip.low();
    }

    private static int trailingZeros(long hi, long lo) {
        return lo != 0 ? Long.numberOfTrailingZeros(lo) : hi != 0 ? 64 + Long.numberOfTrailingZeros(hi) : 128;
    }

    /** floor(log2(span + 1)) for a 128-bit span, i.e. the largest k with 2^k − 1 ≤ span. */
    private static int log2OfSpanPlusOne(long spanHi, long spanLo) {
        if (spanHi == -1L && spanLo == -1L) {
            return 128;
        }
        long lo = spanLo + 1;
        long hi = spanHi + (lo == 0 ? 1 : 0);
        return hi != 0 ? 127 - Long.numberOfLeadingZeros(hi) : 63 - Long.numberOfLeadingZeros(lo);
    }
}
