package org.hotline.geo.tor;

import java.nio.file.Path;
import org.hotline.enrich.DatabaseInfo;
import org.hotline.enrich.Enricher;
import org.hotline.enrich.Origin;
import org.hotline.enrich.OriginFlag;
import org.hotline.event.IpAddress;

/**
 * Flags sources found in a Tor exit list ({@code --tor-exits FILE}) as {@link OriginFlag#TOR_EXIT}:
 * their traffic's real origin is hidden, so the report counts them as anonymised, not as their country.
 *
 * <p>Hazard: the match is by address only. Exits come and go daily and the Tor Project keeps an
 * address in {@code exit-addresses} only up to 48 hours after it was last seen, so a list fetched today
 * both misses exits of last month and flags addresses that were not exits at the time of an old event
 * (ATTRIBUTION-NOTES C4.13). Use a list from the events' dates (CollecTor archives them); the report's
 * {@link DatabaseInfo} states the list's newest date so the mismatch is visible. No list is bundled.
 */
public final class TorExitEnricher implements Enricher {

    private final TorExitList list;
    private final DatabaseInfo info;

    private TorExitEnricher(TorExitList list, DatabaseInfo info) {
        this.list = list;
        this.info = info;
    }

    public static TorExitEnricher open(Path file) {
        TorExitList list = TorExitList.read(file);
        DatabaseInfo info = new DatabaseInfo("tor-exits", file.getFileName().toString(), list.format(),
                list.newestDate(), org.hotline.geo.FileDigest.sha256(file), list.addresses().size(),
                "user file (--tor-exits); matched by address, not by event time: a list should date from the events");
        return new TorExitEnricher(list, info);
    }

    public TorExitList list() {
        return list;
    }

    public DatabaseInfo info() {
        return info;
    }

    @Override
    public Origin enrich(IpAddress ip, Origin soFar) {
        return list.addresses().contains(ip) && !soFar.has(OriginFlag.TOR_EXIT) ? soFar.withFlag(OriginFlag.TOR_EXIT) : soFar;
    }
}
