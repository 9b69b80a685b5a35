package org.hotline.geo.mmdb;

import org.hotline.geo.mmdb.CountryRecords.CountryRecord;

/** Where a MaxMind-format file keeps the country, and the record class that reads it. */
public enum CountryLayout {
    /** GeoLite2/GeoIP2 Country and City, DB-IP: {@code country.iso_code}, else {@code registered_country.iso_code}. */
    GEOIP2(CountryRecords.Geoip2Country.class, "country.iso_code"),
    /** ip-location-db and IPinfo Lite: {@code country_code}. */
    FLAT_COUNTRY_CODE(CountryRecords.FlatCountryCode.class, "country_code"),
    /** IPinfo free Country / Country+ASN: {@code country} holds the code itself. */
    IPINFO_COUNTRY(CountryRecords.FlatCountry.class, "country");

    final Class<? extends CountryRecord> recordClass;
    final String field;

    CountryLayout(Class<? extends CountryRecord> recordClass, String field) {
        this.recordClass = recordClass;
        this.field = field;
    }
}
