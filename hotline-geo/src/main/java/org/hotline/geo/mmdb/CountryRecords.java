package org.hotline.geo.mmdb;

import com.maxmind.db.MaxMindDbConstructor;
import com.maxmind.db.MaxMindDbParameter;

/**
 * The record shapes a country can take in MaxMind-format files, decoded with only the fields Hotline
 * needs (the decoder skips the rest, such as GeoIP2's eight-language {@code names} maps).
 *
 * <p>They are public only because the MaxMind decoder instantiates them by reflection.
 */
public final class CountryRecords {

    private CountryRecords() {}

    /** A decoded record that may name a country. */
    public interface CountryRecord {
        /** The country code as the database writes it, or null. */
        String code();
    }

    /** GeoIP2's {@code {iso_code: "US", names: {...}}} sub-map. */
    public record IsoCode(String isoCode) {
        @MaxMindDbConstructor
        public IsoCode(@MaxMindDbParameter(name = "iso_code") String isoCode) {
            this.isoCode = isoCode;
        }
    }

    /**
     * GeoLite2/GeoIP2 Country and City, DB-IP Lite: {@code country.iso_code}, falling back to
     * {@code registered_country.iso_code} (anycast and satellite networks often carry only the latter).
     */
    public record Geoip2Country(IsoCode country, IsoCode registeredCountry) implements CountryRecord {
        @MaxMindDbConstructor
        public Geoip2Country(@MaxMindDbParameter(name = "country") IsoCode country,
                             @MaxMindDbParameter(name = "registered_country") IsoCode registeredCountry) {
            this.country = country;
            this.registeredCountry = registeredCountry;
        }

        @Override
        public String code() {
            if (country != null && country.isoCode() != null) {
                return country.isoCode();
            }
            return registeredCountry == null ? null : registeredCountry.isoCode();
        }
    }

    /** ip-location-db's and IPinfo Lite's flat {@code country_code: "US"}. */
    public record FlatCountryCode(String countryCode) implements CountryRecord {
        @MaxMindDbConstructor
        public FlatCountryCode(@MaxMindDbParameter(name = "country_code") String countryCode) {
            this.countryCode = countryCode;
        }

        @Override
        public String code() {
            return countryCode;
        }
    }

    /** IPinfo's free Country and Country+ASN databases: {@code country: "US"} (the name is in {@code country_name}). */
    public record FlatCountry(String country) implements CountryRecord {
        @MaxMindDbConstructor
        public FlatCountry(@MaxMindDbParameter(name = "country") String country) {
            this.country = country;
        }

        @Override
        public String code() {
            return country;
        }
    }
}
