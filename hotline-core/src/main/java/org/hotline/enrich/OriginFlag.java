package org.hotline.enrich;

/** Facts about a source address that change what its country means. */
public enum OriginFlag {
    /** A Tor exit relay: the traffic's real origin is hidden; report as anonymised. */
    TOR_EXIT,
    /**
     * Not routable on the Internet: private (RFC 1918), shared/CGNAT (RFC 6598), loopback,
     * link-local, documentation, multicast, reserved or bogon space. Such a source is inside the
     * operator's own network or forged; it has no country.
     */
    NON_ROUTABLE
}
