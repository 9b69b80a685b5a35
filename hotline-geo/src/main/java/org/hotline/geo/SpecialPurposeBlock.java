package org.hotline.geo;

import org.hotline.event.IpAddress;

/**
 * One block of an IANA special-purpose address registry (or an exception to one), with the RFC that
 * defines it.
 *
 * @param network      first address of the block
 * @param prefixLength in the family's bits (≤ 32 for IPv4)
 * @param name         the registry's name for it
 * @param rfc          where it is defined
 * @param routable     false for non-routable space; true for a globally reachable exception listed
 *                     before the block that contains it
 */
public record SpecialPurposeBlock(IpAddress network, int prefixLength, String name, String rfc, boolean routable) {

    static SpecialPurposeBlock of(String cidr, String name, String rfc) {
        return parse(cidr, name, rfc, false);
    }

    static SpecialPurposeBlock reachable(String cidr, String name, String rfc) {
        return parse(cidr, name, rfc, true);
    }

    private static SpecialPurposeBlock parse(String cidr, String name, String rfc, boolean routable) {
        int slash = cidr.indexOf('/');
        return new SpecialPurposeBlock(IpAddress.parse(cidr.substring(0, slash)),
                Integer.parseInt(cidr.substring(slash + 1)), name, rfc, routable);
    }

    /** Whether {@code ip} (of the same family) lies in this block. */
    boolean contains(IpAddress ip) {
        if (network.isV4()) {
            int mask = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
            return ((ip.v4Bits() ^ network.v4Bits()) & mask) == 0;
        }
        long highMask = prefixLength >= 64 ? -1L : prefixLength == 0 ? 0 : -1L << (64 - prefixLength);
        long lowMask = prefixLength <= 64 ? 0 : prefixLength == 128 ? -1L : -1L << (128 - prefixLength);
        return ((ip.high() ^ network.high()) & highMask) == 0 && ((ip.low() ^ network.low()) & lowMask) == 0;
    }

    @Override
    public String toString() {
        return network + "/" + prefixLength + " " + name + " (" + rfc + ")";
    }
}
