package org.hotline.geo.mmdb;

import com.maxmind.db.Reader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import org.hotline.enrich.DatabaseInfo;
import org.hotline.enrich.Enricher;
import org.hotline.enrich.Origin;
import org.hotline.enrich.OriginFlag;
import org.hotline.event.IpAddress;
import org.hotline.geo.CountryCodes;
import org.hotline.geo.mmdb.CountryRecords.CountryRecord;

/**
 * The country of an address from a MaxMind-format {@code .mmdb} file of any vendor: the layout is
 * detected when the file is opened ({@link LayoutDetector}), so GeoLite2, DB-IP, IPinfo and
 * ip-location-db files all work, and an unknown layout fails at start instead of reporting
 * "Unknown" for everything.
 *
 * <p>Per lookup: the tree walk over the mapped bytes ({@link RecordLocator}) and one hash lookup of
 * the record's answer; the MaxMind reader decodes each distinct record once (a country database
 * has ~250).
 * Non-routable addresses are not looked up: they have no country. A country already set by an
 * earlier enricher is kept. Thread-safe: the reader is.
 */
public final class MmdbCountryEnricher implements Enricher, Closeable {

    private final MmdbDatabase db;
    private final CountryLayout layout;
    private final boolean ipv4Only;
    private final DatabaseInfo info;
    private final DecodedRecords<String> codes = new DecodedRecords<>();
    private final Function<IpAddress, String> decoder = this::decode;
    private final RecordLocator.Answer answer = this::answer;

    private MmdbCountryEnricher(MmdbDatabase db, LayoutDetector.Detected<CountryLayout> detected, String source) {
        this.db = db;
        this.layout = detected.layout();
        this.ipv4Only = db.metadata().ipVersion() == 4;
        this.info = db.info("country", detected.name(), source);
    }

    /**
     * Opens {@code path} and detects its layout; {@code source} says where it came from and its licence.
     *
     * @throws org.hotline.InputException naming the file when it is missing, not an mmdb, or has no
     *     country in a layout Hotline knows (with the keys it found)
     */
    public static MmdbCountryEnricher open(Path path, String source) {
        MmdbDatabase db = MmdbDatabase.open(path, "--geo-db", MmdbDatabase.OWN_DECODE_CACHE);
        try {
            return new MmdbCountryEnricher(db, LayoutDetector.country(db, "--geo-db"), source);
        } catch (RuntimeException e) {
            closeQuietly(db, e);
            throw e;
        }
    }

    public DatabaseInfo info() {
        return info;
    }

    public CountryLayout layout() {
        return layout;
    }

    /** The country code the database gives for {@code ip}, or null. */
    public String countryOf(IpAddress ip) {
        if (ipv4Only && !ip.isV4()) {
            return null;
        }
        RecordLocator locator = db.locator();
        long record = locator == null ? RecordLocator.INVALID : locator.locate(ip);
        if (record == RecordLocator.NONE) {
            return null;
        }
        return record == RecordLocator.INVALID ? decode(ip) : codes.get(record, ip, decoder);
    }

    private String decode(IpAddress ip) {
        Reader reader = db.reader();
        try {
            CountryRecord record = reader.get(ip.toInetAddress(), layout.recordClass);
            return record == null ? null : CountryCodes.canonical(record.code());
        } catch (IOException | RuntimeException e) {
            // Opening checked a sample of the records; the rest of a damaged file shows only here.
            throw db.corrupt(e, " (found looking up " + ip + "; opening the file checks only a sample of its records)");
        }
    }

    @Override
    public Origin enrich(IpAddress ip, Origin soFar) {
        if (soFar.country() != null || soFar.has(OriginFlag.NON_ROUTABLE) || (ipv4Only && !ip.isV4())) {
            return soFar;
        }
        RecordLocator locator = db.locator();
        return locator == null ? answer(RecordLocator.INVALID, ip, soFar) : locator.answer(ip, soFar, answer);
    }

    /** The origin with the country of record {@code key} ({@link RecordLocator#INVALID}: as the reader finds it for {@code ip}). */
    private Origin answer(long key, IpAddress ip, Origin soFar) {
        return withCountry(soFar, key == RecordLocator.INVALID ? decode(ip) : codes.get(key, ip, decoder));
    }

    private static Origin withCountry(Origin soFar, String code) {
        return code == null ? soFar : CountryCodes.withCountry(soFar, code);
    }

    @Override
    public void close() throws IOException {
        db.close();
    }

    static void closeQuietly(Closeable c, Exception primary) {
        try {
            c.close();
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }
}
