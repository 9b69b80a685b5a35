package org.hotline.geo;

import java.util.List;
import org.hotline.enrich.DatabaseInfo;
import org.hotline.enrich.Enricher;
import org.hotline.enrich.Origin;
import org.hotline.enrich.OriginFlag;
import org.hotline.event.IpAddress;

/**
 * Flags addresses that cannot be a real Internet source as {@link OriginFlag#NON_ROUTABLE}: the
 * IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and the RFCs that added to them),
 * multicast, and IPv6 space outside global unicast {@code 2000::/3}. Built in: these change by RFC,
 * not by day. Such a source is inside the operator's network, a misconfiguration or forged; it has no
 * country, and the country and ASN enrichers after this one skip it.
 *
 * <p>The lists are read top to bottom and the first block that contains the address decides, so a
 * globally reachable exception (NAT64's {@code 64:ff9b::/96}) comes before the catch-all that holds it.
 * Blocks the registry marks globally reachable (AS112, AMT, 6to4 {@code 2002::/16}, Teredo
 * {@code 2001::/32}) are deliberately absent: their sources are real. IPv4-mapped IPv6
 * ({@code ::ffff:0:0/96}) never reaches the IPv6 list: {@link IpAddress} holds it as IPv4.
 */
public final class NonRoutableEnricher implements Enricher {

    static final List<SpecialPurposeBlock> IPV4 = List.of(
        SpecialPurposeBlock.of("0.0.0.0/8", "\"this network\"", "RFC 791 §3.2, RFC 6890"),
        SpecialPurposeBlock.of("10.0.0.0/8", "private use", "RFC 1918"),
        SpecialPurposeBlock.of("100.64.0.0/10", "shared address space (CGNAT)", "RFC 6598"),
        SpecialPurposeBlock.of("127.0.0.0/8", "loopback", "RFC 1122 §3.2.1.3"),
        SpecialPurposeBlock.of("169.254.0.0/16", "link local", "RFC 3927"),
        SpecialPurposeBlock.of("172.16.0.0/12", "private use", "RFC 1918"),
        SpecialPurposeBlock.of("192.0.0.0/24", "IETF protocol assignments", "RFC 6890 §2.1"),
        SpecialPurposeBlock.of("192.0.2.0/24", "documentation (TEST-NET-1)", "RFC 5737"),
        SpecialPurposeBlock.of("192.88.99.0/24", "6to4 relay anycast (deprecated)", "RFC 7526"),
        SpecialPurposeBlock.of("192.168.0.0/16", "private use", "RFC 1918"),
        SpecialPurposeBlock.of("198.18.0.0/15", "benchmarking", "RFC 2544"),
        SpecialPurposeBlock.of("198.51.100.0/24", "documentation (TEST-NET-2)", "RFC 5737"),
        SpecialPurposeBlock.of("203.0.113.0/24", "documentation (TEST-NET-3)", "RFC 5737"),
        SpecialPurposeBlock.of("224.0.0.0/4", "multicast", "RFC 5771"),
        SpecialPurposeBlock.of("240.0.0.0/4", "reserved, and limited broadcast 255.255.255.255", "RFC 1112 §4, RFC 919"));

    static final List<SpecialPurposeBlock> IPV6 = List.of(
        SpecialPurposeBlock.of("2001:2::/48", "benchmarking", "RFC 5180"),
        SpecialPurposeBlock.of("2001:10::/28", "ORCHID (deprecated)", "RFC 4843"),
        SpecialPurposeBlock.of("2001:db8::/32", "documentation", "RFC 3849"),
        SpecialPurposeBlock.of("3fff::/20", "documentation", "RFC 9637"),
        SpecialPurposeBlock.reachable("2000::/3", "global unicast", "RFC 4291 §2.4"),
        SpecialPurposeBlock.reachable("64:ff9b::/96", "IPv4-IPv6 translation (NAT64)", "RFC 6052"),
        SpecialPurposeBlock.of("::/128", "unspecified address", "RFC 4291 §2.5.2"),
        SpecialPurposeBlock.of("::1/128", "loopback", "RFC 4291 §2.5.3"),
        SpecialPurposeBlock.of("::/96", "IPv4-compatible (deprecated)", "RFC 4291 §2.5.5.1"),
        SpecialPurposeBlock.of("64:ff9b:1::/48", "local-use IPv4-IPv6 translation", "RFC 8215"),
        SpecialPurposeBlock.of("100::/64", "discard-only", "RFC 6666"),
        SpecialPurposeBlock.of("5f00::/16", "segment routing (SRv6) SIDs", "RFC 9602"),
        SpecialPurposeBlock.of("fc00::/7", "unique local", "RFC 4193"),
        SpecialPurposeBlock.of("fe80::/10", "link-local unicast", "RFC 4291 §2.5.6"),
        SpecialPurposeBlock.of("fec0::/10", "site-local (deprecated)", "RFC 3879"),
        SpecialPurposeBlock.of("ff00::/8", "multicast", "RFC 4291 §2.7"),
        SpecialPurposeBlock.of("::/0", "outside global unicast: reserved by the IETF", "RFC 4291 §2.4, IANA IPv6 Address Space"));

    /** The lists as arrays, read with an index: a for-each over a List made an iterator per lookup. */
    private static final SpecialPurposeBlock[] IPV4_BLOCKS = IPV4.toArray(new SpecialPurposeBlock[0]);
    private static final SpecialPurposeBlock[] IPV6_BLOCKS = IPV6.toArray(new SpecialPurposeBlock[0]);
    /**
     * The first octets that some IPv4 block covers: an address outside them (most public sources)
     * needs no walk through the list. The report looks up every distinct source once, 377,000 on
     * the 10M-line bench log, and each walk was 15 comparisons.
     */
    private static final boolean[] V4_OCTET_HAS_BLOCK = octetsWithBlocks(IPV4_BLOCKS);

    private static final NonRoutableEnricher INSTANCE = new NonRoutableEnricher();

    private NonRoutableEnricher() {}

    public static NonRoutableEnricher builtIn() {
        return INSTANCE;
    }

    /** The block that decides {@code ip}: a non-routable one, a reachable exception, or null (routable). */
    public static SpecialPurposeBlock blockOf(IpAddress ip) {
        if (ip.isV4() && !V4_OCTET_HAS_BLOCK[ip.v4Bits() >>> 24]) {
            return null;
        }
        SpecialPurposeBlock[] blocks = ip.isV4() ? IPV4_BLOCKS : IPV6_BLOCKS;
        for (int i = 0; i < blocks.length; i++) {
            if (blocks[i].contains(ip)) {
                return blocks[i];
            }
        }
        return null;
    }

    private static boolean[] octetsWithBlocks(SpecialPurposeBlock[] blocks) {
        boolean[] has = new boolean[256];
        for (SpecialPurposeBlock b : blocks) {
            int first = b.network().v4Bits() >>> 24;
            int span = b.prefixLength() >= 8 ? 1 : 1 << (8 - b.prefixLength());
            for (int octet = first; octet < first + span; octet++) {
                has[octet] = true;
            }
        }
        return has;
    }

    public static boolean isNonRoutable(IpAddress ip) {
        SpecialPurposeBlock block = blockOf(ip);
        return block != null && !block.routable();
    }

    @Override
    public Origin enrich(IpAddress ip, Origin soFar) {
        return isNonRoutable(ip) && !soFar.has(OriginFlag.NON_ROUTABLE) ? soFar.withFlag(OriginFlag.NON_ROUTABLE) : soFar;
    }

    public DatabaseInfo info() {
        return new DatabaseInfo("non-routable", "built-in IANA special-purpose registries", "special-purpose-blocks",
                null, null, IPV4.size() + IPV6.size(),
                "RFC 6890 and successors (RFC 1918, 6598, 5737, 3849, 9637, 4193, ...); built into Hotline");
    }
}
