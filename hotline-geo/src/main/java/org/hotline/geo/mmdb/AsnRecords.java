package org.hotline.geo.mmdb;

import com.maxmind.db.MaxMindDbConstructor;
import com.maxmind.db.MaxMindDbParameter;
import org.hotline.geo.AsNumbers;

/**
 * The record shapes an autonomous system can take in MaxMind-format files.
 *
 * <p>They are public only because the MaxMind decoder instantiates them by reflection.
 */
public final class AsnRecords {

    private AsnRecords() {}

    /** A decoded record that may name an autonomous system. */
    public interface AsnRecord {
        /** The AS number, or -1 when the record has none. */
        long number();

        /** The AS organisation, or null. */
        String organization();
    }

    /** GeoLite2-ASN, GeoIP2-ISP, DB-IP ASN Lite: {@code autonomous_system_number} (uint32) and {@code _organization}. */
    public record MaxmindAsn(Long autonomousSystemNumber, String autonomousSystemOrganization) implements AsnRecord {
        @MaxMindDbConstructor
        public MaxmindAsn(@MaxMindDbParameter(name = "autonomous_system_number") Long autonomousSystemNumber,
                          @MaxMindDbParameter(name = "autonomous_system_organization") String autonomousSystemOrganization) {
            this.autonomousSystemNumber = autonomousSystemNumber;
            this.autonomousSystemOrganization = autonomousSystemOrganization;
        }

        @Override
        public long number() {
            return autonomousSystemNumber == null ? -1 : autonomousSystemNumber;
        }

        @Override
        public String organization() {
            return autonomousSystemOrganization;
        }
    }

    /**
     * IPinfo: {@code asn: "AS15169"} with the organisation in {@code as_name} (Lite, Country+ASN) or
     * {@code name} (free ASN database).
     */
    public record IpinfoAsn(String asn, String asName, String name) implements AsnRecord {
        @MaxMindDbConstructor
        public IpinfoAsn(@MaxMindDbParameter(name = "asn") String asn,
                         @MaxMindDbParameter(name = "as_name") String asName,
                         @MaxMindDbParameter(name = "name") String name) {
            this.asn = asn;
            this.asName = asName;
            this.name = name;
        }

        @Override
        public long number() {
            return AsNumbers.parse(asn);
        }

        @Override
        public String organization() {
            return asName != null ? asName : name;
        }
    }
}
