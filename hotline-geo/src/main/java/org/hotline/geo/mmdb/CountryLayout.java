package org.hotline.geo.mmdb;

import org.hotline.geo.mmdb.CountryRecords.CountryRecord;

/** Where a MaxMind-format file keeps the country, and the record class that reads it. */
public enum CountryLayout {
    /** GeoLite2/GeoIP2 Country and City, DB-IP: {@code country.iso_code}, else {@code registered_country.iso_code}. */
    GEOIP2(CountryRecords.Geoip2Country.class),
    /** ip-location-db and IPinfo Lite: {@code country_code}. */
    FLAT_COUNTRY_CODE(CountryRecords.FlatCountryCode.class),
    /** IPinfo free Country / Country+ASN: {@code country} holds the code itself. */
    IPINFO_COUNTRY(CountryRecords.FlatCountry.class);

    final Class<? extends CountryRecord> recordClass;

    CountryLayout(Class<? extends CountryRecord> recordClass) {
        this.recordClass = recordClass;
    }
}
