package org.hotline.geo.mmdb;

import org.hotline.geo.mmdb.AsnRecords.AsnRecord;

/** Where a MaxMind-format file keeps the autonomous system, and the record class that reads it. */
public enum AsnLayout {
    /** GeoLite2-ASN, GeoIP2-ISP, DB-IP ASN: {@code autonomous_system_number} + {@code autonomous_system_organization}. */
    MAXMIND(AsnRecords.MaxmindAsn.class),
    /** IPinfo Lite, Country+ASN and ASN: {@code asn: "AS15169"} + {@code as_name} or {@code name}. */
    IPINFO(AsnRecords.IpinfoAsn.class);

    final Class<? extends AsnRecord> recordClass;

    AsnLayout(Class<? extends AsnRecord> recordClass) {
        this.recordClass = recordClass;
    }
}
