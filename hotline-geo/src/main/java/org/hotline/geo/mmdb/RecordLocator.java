package org.hotline.geo.mmdb;

import com.maxmind.db.Metadata;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.hotline.enrich.Origin;
import org.hotline.event.IpAddress;

/**
 * Walks a MaxMind DB search tree ("MaxMind DB File Format Specification", section "Search Tree")
 * straight from the database bytes and says which data record an address leads to, without decoding
 * it: the record's offset is the key under which an enricher keeps its decoded answer.
 *
 * <p>Why not only the MaxMind reader: per lookup it builds an {@link java.net.InetAddress}, a
 * buffer duplicate and a cache key, and decodes through its cache; for the 150,000 distinct sources
 * of a million-line log that was most of the enrichment time, while the records they lead to are
 * few (a country file has ~250, and neighbouring sources share AS records). Decoding stays with the
 * MaxMind reader, once per record.
 *
 * <p>Each thread remembers its last walk: the network it ended in (the bits it read) and the record
 * there. An address inside that network leads to the same record without a walk, which is what
 * happens when addresses come sorted (the report resolves its sources that way): neighbouring
 * sources share a provider's network, and a country network holds thousands of them.
 *
 * <p>Thread-safe: only absolute reads of a buffer nobody moves, and a memory per thread.
 */
final class RecordLocator {

    /** An address the database has no record for. */
    static final long NONE = -1;
    /** The tree is not what its metadata says (a node past the last bit): let the MaxMind reader judge. */
    static final long INVALID = -2;

    private final ByteBuffer tree;
    private final long nodeCount;
    private final int recordSize;
    private final boolean ipv6Tree;
    private final long ipv4Start;
    /** The last offset an 8-byte read may start at. */
    private final int lastWordAt;
    /** Per thread, the last walk and the answer an enricher made of it. */
    private final ThreadLocal<Walk> lastWalk = ThreadLocal.withInitial(Walk::new);

    /**
     * A thread's last walk: the network it ended in and the record there; and the enricher's last
     * answer for that record, with the origin it was given. Sources resolved in address order
     * come in runs of one network, and an answer depends only on the record and the origin so
     * far: a run then costs one decode lookup and one new origin instead of one per address.
     * The 10M-line bench log's 377,344 sources, sorted, are 1,135 runs of one AS (its addresses
     * are real ones with the last octet varied, so real logs have shorter runs); resolving them
     * took 0.49 s instead of 0.59 s (median of 6 alternated runs, JDK 17). A locator serves one
     * database opened for one enricher, so the answers kept are of one kind.
     */
    private static final class Walk {
        private long high;
        private long low;
        /** Bits read, -1 before the first walk. */
        private int bits = -1;
        private long key;
        private boolean v4;
        private long answerKey = INVALID;
        private Origin answerIn;
        private Origin answerOut;
    }

    /** What an enricher makes of a record: {@code key} {@link #INVALID} when the reader must find it for {@code ip}. */
    @FunctionalInterface
    interface Answer {
        Origin of(long key, IpAddress ip, Origin soFar);
    }

    /**
     * The enricher's answer for {@code ip}'s record, given the origin so far: {@code soFar} when the
     * database has no record, the one kept when the last address of this thread led to the same
     * record with the same origin so far (see {@link Walk}), else {@code answer}'s.
     */
    Origin answer(IpAddress ip, Origin soFar, Answer answer) {
        Walk walk = lastWalk.get();
        long key = locate(ip, walk);
        if (key == NONE) {
            return soFar;
        }
        if (key == INVALID) {
            return answer.of(INVALID, ip, soFar);
        }
        if (key == walk.answerKey && soFar == walk.answerIn) {
            return walk.answerOut;
        }
        Origin origin = answer.of(key, ip, soFar);
        walk.answerKey = key;
        walk.answerIn = soFar;
        walk.answerOut = origin;
        return origin;
    }

    RecordLocator(ByteBuffer database, Metadata metadata) {
        this.tree = database.duplicate().order(ByteOrder.LITTLE_ENDIAN);   // see child()
        this.nodeCount = metadata.nodeCount();
        this.recordSize = metadata.recordSize();
        this.ipv6Tree = metadata.ipVersion() == 6;
        if (recordSize != 24 && recordSize != 28 && recordSize != 32) {
            throw new IllegalArgumentException("unsupported record size " + recordSize);
        }
        this.lastWordAt = database.capacity() - Long.BYTES;
        long node = 0;
        // IPv4 lives at ::a.b.c.d in an IPv6 tree: 96 zero bits from the root, as the reader does it.
        for (int i = 0; i < 96 && ipv6Tree && node < nodeCount; i++) {
            node = child(node, 0);
        }
        this.ipv4Start = node;
    }

    /**
     * The data-section key of {@code ip}'s record (distinct records, distinct keys), {@link #NONE},
     * or {@link #INVALID}. An IPv6 address in an IPv4-only tree is {@link #NONE}.
     */
    long locate(IpAddress ip) {
        return locate(ip, lastWalk.get());
    }

    private long locate(IpAddress ip, Walk last) {
        long node;
        int bits;
        boolean v4 = ip.isV4();
        if (v4) {
            node = ipv4Start;
            bits = 32;
        } else if (ipv6Tree) {
            node = 0;
            bits = 128;
        } else {
            return NONE;
        }
        long high = ip.high();
        long low = ip.low();
        // Same family (an IPv4 walk starts at its own node), and the bits the last walk read agree.
        if (last.bits >= 0 && last.v4 == v4 && sameFirstBits(high, low, last.high, last.low, last.bits)) {
            return last.key;
        }
        int depth = 128 - bits;
        for (; depth < 128 && node < nodeCount; depth++) {
            node = child(node, SearchTree.bit(high, low, depth));
        }
        long key = node == nodeCount ? NONE : node > nodeCount ? node - nodeCount : INVALID;
        if (key != INVALID) {
            last.high = high;
            last.low = low;
            last.bits = depth;
            last.key = key;
            last.v4 = v4;
        }
        return key;
    }

    /** Whether two 128-bit addresses agree in their first {@code bits} bits (0 to 128). */
    static boolean sameFirstBits(long high1, long low1, long high2, long low2, int bits) {
        if (bits <= 64) {
            return bits == 0 || (high1 ^ high2) >>> (64 - bits) == 0;
        }
        return high1 == high2 && (bits == 128 ? low1 == low2 : (low1 ^ low2) >>> (128 - bits) == 0);
    }

    /**
     * One 8-byte read per node, the node's two records and the bytes after (there are always 8:
     * the 16-byte data-section separator follows the tree): three single-byte reads per record,
     * each bounds- and scope-checked by the buffer, were most of the time of resolving the sources.
     */
    private long child(long node, int bit) {
        int at = (int) (node * (recordSize >>> 2));
        if (at > lastWordAt) {
            return childByBytes(at, bit);
        }
        // Read little-endian, the order of the machines this runs on, and the big-endian records
        // picked out byte by byte: a big-endian read swaps the bytes, which C1 (the launcher's
        // JIT) does with a method call, and that swap was half the time of a walk.
        long word = tree.getLong(at);
        switch (recordSize) {
            case 24:
                return bit == 0 ? bigEndian24(word) : bigEndian24(word >>> 24);
            case 28: {
                long middle = (word >>> 24) & 0xff;
                return bit == 0 ? ((middle & 0xf0) << 20) | bigEndian24(word)
                        : ((middle & 0x0f) << 24) | bigEndian24(word >>> 32);
            }
            default:
                return bit == 0 ? bigEndian32(word) : bigEndian32(word >>> 32);
        }
    }

    /** The big-endian 24-bit number in the low three bytes of a little-endian read. */
    private static long bigEndian24(long word) {
        return ((word & 0xff) << 16) | (word & 0xff00) | ((word >>> 16) & 0xff);
    }

    /** The big-endian 32-bit number in the low four bytes of a little-endian read. */
    private static long bigEndian32(long word) {
        return ((word & 0xff) << 24) | ((word & 0xff00) << 8) | ((word >>> 8) & 0xff00) | ((word >>> 24) & 0xff);
    }

    /** A node too near the end of the buffer for an 8-byte read (a file cut short after its tree). */
    private long childByBytes(int at, int bit) {
        switch (recordSize) {
            case 24:
                return uint24(at + bit * 3);
            case 28: {
                int middle = tree.get(at + 3) & 0xff;
                return bit == 0 ? ((long) (middle & 0xf0) << 20) | uint24(at)
                        : ((long) (middle & 0x0f) << 24) | uint24(at + 4);
            }
            default:
                return bigEndian32(tree.getInt(at + bit * 4));
        }
    }

    private long uint24(int at) {
        return ((tree.get(at) & 0xffL) << 16) | ((tree.get(at + 1) & 0xffL) << 8) | (tree.get(at + 2) & 0xffL);
    }
}
