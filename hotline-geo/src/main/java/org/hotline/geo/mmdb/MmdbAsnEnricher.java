package org.hotline.geo.mmdb;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import org.hotline.enrich.DatabaseInfo;
import org.hotline.enrich.Enricher;
import org.hotline.enrich.Origin;
import org.hotline.enrich.OriginFlag;
import org.hotline.event.IpAddress;
import org.hotline.geo.mmdb.AsnRecords.AsnRecord;

/**
 * The autonomous system (number and organisation) of an address from a MaxMind-format file of any
 * vendor: GeoLite2-ASN/DB-IP's {@code autonomous_system_*}, IPinfo's {@code asn}/{@code as_name}, and
 * the ASN file Hotline converts from ip-location-db's CSVs ({@link MmdbWriter}).
 *
 * <p>Non-routable addresses are not looked up; an AS already set by an earlier enricher is kept.
 * Each address is located by walking the tree over the mapped bytes ({@link RecordLocator}); the
 * record it leads to is decoded once and kept ({@link DecodedRecords}; ~91,000 distinct records in
 * the bundled file at most), so neighbouring sources of one network cost a walk and a hash lookup.
 */
public final class MmdbAsnEnricher implements Enricher, Closeable {

    private final MmdbDatabase db;
    private final AsnLayout layout;
    private final boolean ipv4Only;
    private final DatabaseInfo info;
    private final DecodedRecords<AsnRecord> records = new DecodedRecords<>();
    private final Function<IpAddress, AsnRecord> decoder = this::decode;
    private final RecordLocator.Answer answer = this::answer;

    private MmdbAsnEnricher(MmdbDatabase db, LayoutDetector.Detected<AsnLayout> detected, String source) {
        this.db = db;
        this.layout = detected.layout();
        this.ipv4Only = db.metadata().ipVersion() == 4;
        this.info = db.info("asn", detected.name(), source);
    }

    /**
     * Opens {@code path} and detects its layout.
     *
     * @throws org.hotline.InputException naming the file when it is missing, not an mmdb, or has no
     *     AS in a layout Hotline knows (with the keys it found)
     */
    public static MmdbAsnEnricher open(Path path, String source) {
        MmdbDatabase db = MmdbDatabase.open(path, "--asn-db", MmdbDatabase.OWN_DECODE_CACHE);
        try {
            return new MmdbAsnEnricher(db, LayoutDetector.asn(db, "--asn-db"), source);
        } catch (RuntimeException e) {
            MmdbCountryEnricher.closeQuietly(db, e);
            throw e;
        }
    }

    public DatabaseInfo info() {
        return info;
    }

    public AsnLayout layout() {
        return layout;
    }

    @Override
    public Origin enrich(IpAddress ip, Origin soFar) {
        if (soFar.asn() >= 0 || soFar.has(OriginFlag.NON_ROUTABLE) || (ipv4Only && !ip.isV4())) {
            return soFar;
        }
        RecordLocator locator = db.locator();
        return locator == null ? answer(RecordLocator.INVALID, ip, soFar) : locator.answer(ip, soFar, answer);
    }

    /** The origin with the AS of record {@code key} ({@link RecordLocator#INVALID}: as the reader finds it for {@code ip}). */
    private Origin answer(long key, IpAddress ip, Origin soFar) {
        return withAsn(soFar, key == RecordLocator.INVALID ? decode(ip) : records.get(key, ip, decoder));
    }

    private static Origin withAsn(Origin soFar, AsnRecord record) {
        return record == null || record.number() < 0 ? soFar : soFar.withAsn(record.number(), record.organization());
    }

    private AsnRecord decode(IpAddress ip) {
        try {
            return db.reader().get(ip.toInetAddress(), layout.recordClass);
        } catch (IOException | RuntimeException e) {
            // Opening checked a sample of the records; the rest of a damaged file shows only here.
            throw db.corrupt(e, " (found looking up " + ip + "; opening the file checks only a sample of its records)");
        }
    }

    @Override
    public void close() throws IOException {
        db.close();
    }
}
