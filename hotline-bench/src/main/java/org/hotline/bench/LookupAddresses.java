package org.hotline.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hotline.event.IpAddress;
import org.hotline.source.RawLine;

/**
 * The addresses the lookup benchmarks ask about: real sources, not uniform random ones, because
 * uniform random IPv4 lands mostly in a few huge allocations and says little about the tree paths a
 * log's sources take.
 *
 * <ul>
 *   <li>the distinct client addresses of samples/logs/web/access.log.gz (1,753);</li>
 *   <li>for each IPv4 one, its neighbour in the other half of the /24 (last octet XOR 0x80): usually the
 *       same network, a different leaf, and a new key for the lookup cache;</li>
 *   <li>a few IPv6 and non-routable addresses, so the v6 tree and the non-routable short cut are in the mix.</li>
 * </ul>
 *
 * The pool is shuffled with a fixed seed (log order would flatter the CPU caches) and repeated to a
 * fixed {@link #BATCH}, so {@code @OperationsPerInvocation} does not depend on the sample.
 */
public final class LookupAddresses {

    public static final int BATCH = 4096;

    /** IPv6 sources (Google, Cloudflare, RIPE NCC, a Hetzner range) and non-routable ones. */
    static final List<String> EXTRA = List.of(
            "2001:4860:4860::8888", "2a00:1450:4001:80b::200e", "2606:4700:4700::1111", "2001:67c:2e8:22::c100:68b",
            "2a01:4f8:c17:1ab::1", "10.0.0.1", "192.168.1.20", "172.16.5.4", "127.0.0.1", "100.64.0.9", "fe80::1");

    private LookupAddresses() {}

    /** The distinct client addresses of the sample access log, in first-seen order. */
    public static List<IpAddress> sampleClients() {
        Set<IpAddress> distinct = new LinkedHashSet<>();
        for (RawLine line : SampleLog.load(AccessLogParseBenchmark.SAMPLE).lines()) {
            byte[] b = line.bytes();
            int end = line.offset();
            while (end < line.end() && b[end] != ' ') {
                end++;
            }
            IpAddress ip = IpAddress.parseOrNull(b, line.offset(), end);
            if (ip == null) {
                throw new IllegalStateException("line " + line.number() + " of " + AccessLogParseBenchmark.SAMPLE
                        + " does not start with an address: " + line.text());
            }
            distinct.add(ip);
        }
        return new ArrayList<>(distinct);
    }

    /** The benchmark batch: {@link #BATCH} addresses drawn from the pool above. */
    public static IpAddress[] batch() {
        List<IpAddress> pool = new ArrayList<>();
        for (IpAddress ip : sampleClients()) {
            pool.add(ip);
            if (ip.isV4()) {
                pool.add(IpAddress.ofV4(ip.v4Bits() ^ 0x80));
            }
        }
        EXTRA.forEach(text -> pool.add(IpAddress.parse(text)));
        Collections.shuffle(pool, new Random(42));
        IpAddress[] batch = new IpAddress[BATCH];
        for (int i = 0; i < BATCH; i++) {
            batch[i] = pool.get(i % pool.size());
        }
        return batch;
    }
}
