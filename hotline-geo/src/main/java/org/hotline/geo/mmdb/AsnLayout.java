package org.hotline.geo.mmdb;

import org.hotline.geo.mmdb.AsnRecords.AsnRecord;

/** Where a MaxMind-format file keeps the autonomous system, and the record class that reads it. */
public enum AsnLayout {
    /** GeoLite2-ASN, GeoIP2-ISP, DB-IP ASN: {@code autonomous_system_number} + {@code autonomous_system_organization}. */
    MAXMIND(AsnRecords.MaxmindAsn.class, "autonomous_system_number"),
    /** IPinfo Lite, Country+ASN and ASN: {@code asn: "AS15169"} + {@code as_name} or {@code name}. */
    IPINFO(AsnRecords.IpinfoAsn.class, "asn");

    final Class<? extends AsnRecord> recordClass;
    final String field;

    AsnLayout(Class<? extends AsnRecord> recordClass, String field) {
        this.recordClass = recordClass;
        this.field = field;
    }
}
