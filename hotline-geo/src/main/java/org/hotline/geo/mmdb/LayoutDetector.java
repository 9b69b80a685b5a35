package org.hotline.geo.mmdb;

import java.io.IOException;
import java.util.Locale;
import org.hotline.InputException;

/**
 * Finds where a database keeps the country or the AS, from its metadata {@code database_type} and
 * from real records decoded as maps — never from the file name.
 *
 * <p>This is the fix for the peers' silent failure: GoAccess and CrowdSec read only GeoIP2 field
 * paths, so given ip-location-db's flat {@code country_code} they report 100 % "Unknown" without a
 * word (ATTRIBUTION-NOTES §d). Here a layout nobody knows is an {@link InputException} naming the
 * file, its database type and the keys it does have.
 */
final class LayoutDetector {

    /** A layout and the name the report prints for it ("geolite2-country", "ipinfo-lite", ...). */
    record Detected<L>(L layout, String name) {}

    private LayoutDetector() {}

    static Detected<CountryLayout> country(MmdbDatabase db, String option) {
        RecordSample sample = sample(db, option);
        String type = db.metadata().databaseType();
        int nested = sample.count("country.iso_code", String.class)
                + sample.count("registered_country.iso_code", String.class);
        int flatCode = sample.countTwoLetters("country_code");
        int flatCountry = sample.countTwoLetters("country");
        if (nested > 0 && nested >= flatCode && nested >= flatCountry) {
            return new Detected<>(CountryLayout.GEOIP2, vendor(type, "country"));
        }
        if (flatCode > 0 && flatCode >= flatCountry) {
            boolean ipinfo = sample.keyPaths().contains("as_name") || lower(type).contains("ipinfo");
            return new Detected<>(CountryLayout.FLAT_COUNTRY_CODE, ipinfo ? "ipinfo-lite" : "ip-location-db-country");
        }
        if (flatCountry > 0) {
            boolean withAsn = sample.keyPaths().contains("asn");
            return new Detected<>(CountryLayout.IPINFO_COUNTRY, withAsn ? "ipinfo-country-asn" : "ipinfo-country");
        }
        throw unknown(db, option, sample, "a country",
                "country.iso_code or registered_country.iso_code (GeoLite2, GeoIP2, DB-IP), "
                        + "country_code (ip-location-db, IPinfo Lite) or a two-letter country (IPinfo)",
                sample.keyPaths().contains("autonomous_system_number") || sample.keyPaths().contains("asn")
                        ? " It looks like an ASN database: give it with --asn-db." : "");
    }

    static Detected<AsnLayout> asn(MmdbDatabase db, String option) {
        RecordSample sample = sample(db, option);
        String type = db.metadata().databaseType();
        int maxmind = sample.count("autonomous_system_number", Number.class);
        int ipinfo = 0;
        for (var record : sample.records()) {
            if (record.get("asn") instanceof String s && org.hotline.geo.AsNumbers.parse(s) >= 0) {
                ipinfo++;
            }
        }
        if (maxmind > 0 && maxmind >= ipinfo) {
            return new Detected<>(AsnLayout.MAXMIND, vendor(type, "asn"));
        }
        if (ipinfo > 0) {
            String name = sample.keyPaths().contains("country_code") ? "ipinfo-lite"
                    : sample.keyPaths().contains("country") ? "ipinfo-country-asn" : "ipinfo-asn";
            return new Detected<>(AsnLayout.IPINFO, name);
        }
        throw unknown(db, option, sample, "an autonomous system",
                "autonomous_system_number (GeoLite2-ASN, GeoIP2-ISP, DB-IP) or asn \"AS123\" (IPinfo)",
                sample.keyPaths().contains("country_code") || sample.keyPaths().contains("country.iso_code")
                        ? " It looks like a country database: give it with --geo-db." : "");
    }

    private static RecordSample sample(MmdbDatabase db, String option) {
        RecordSample sample;
        try {
            sample = RecordSample.of(db.reader());
        } catch (IOException | com.maxmind.db.InvalidNetworkException | RuntimeException e) {
            // The reader on a damaged tree or data section: InvalidDatabaseException, or the same
            // wrapped by the networks iterator, or a record that is a string where a map should be.
            throw db.corrupt(e, "");
        }
        if (sample.records().isEmpty()) {
            throw new InputException(option + " " + db.path() + ": the database has no records (database_type '"
                    + db.metadata().databaseType() + "')");
        }
        return sample;
    }

    /** "geolite2-country", "geoip2-country", "dbip-country", "geolite2-asn", ... from the database type. */
    private static String vendor(String databaseType, String what) {
        String t = lower(databaseType);
        if (t.contains("dbip") || t.contains("db-ip")) {
            return "dbip-" + what;
        }
        if (t.contains("ip-location-db")) {
            return "ip-location-db-" + what;
        }
        if (t.contains("geolite2")) {
            return "geolite2-" + what;
        }
        if (t.contains("geoip2")) {
            return "geoip2-" + what;
        }
        return "geoip2-style-" + what;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static InputException unknown(MmdbDatabase db, String option, RecordSample sample, String what,
                                          String known, String hint) {
        return new InputException(option + " " + db.path() + ": cannot find " + what + " in this database "
                + "(database_type '" + db.metadata().databaseType() + "', " + sample.records().size()
                + " records sampled). Keys found: " + String.join(", ", sample.keyPaths()) + ". Hotline reads "
                + known + "." + hint);
    }
}
