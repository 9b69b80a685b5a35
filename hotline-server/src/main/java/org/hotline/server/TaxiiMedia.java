package org.hotline.server;

import java.util.regex.Pattern;

/**
 * The media types of TAXII 2.1 and how requests must name them. Clients have been refused for
 * sending {@code application/json} (OpenCTI#4246), and servers broke clients by answering errors in
 * another type (CHANNEL-NOTES c.4 items 1-2), so the checks are exactly medallion's: the Accept header
 * must list {@code application/taxii+json} with version 2.1 or no version, else 406; a POST body must
 * be declared {@code application/taxii+json;version=2.1}, else 415.
 */
public final class TaxiiMedia {
    /** Every response of the TAXII API, errors included. */
    public static final String TAXII_21 = "application/taxii+json;version=2.1";
    /** What collections hold and manifests describe. */
    public static final String STIX_21 = "application/stix+json;version=2.1";

    private static final Pattern ACCEPTABLE = Pattern.compile("application/taxii\\+json(;version=2\\.1)?");

    private TaxiiMedia() {}

    /** True if the Accept header lists a TAXII 2.1 media type (spaces and parameter case ignored). */
    public static boolean accepts(String acceptHeader) {
        if (acceptHeader == null) {
            return false;
        }
        for (String item : acceptHeader.replace(" ", "").split(",")) {
            String type = stripQuality(item).toLowerCase(java.util.Locale.ROOT);
            if (ACCEPTABLE.matcher(type).matches()) {
                return true;
            }
        }
        return false;
    }

    /** True if a Content-Type header declares a TAXII 2.1 body. */
    public static boolean isTaxii21(String contentType) {
        return contentType != null && contentType.replace(" ", "").toLowerCase(java.util.Locale.ROOT).equals(TAXII_21);
    }

    private static String stripQuality(String item) {
        int q = item.indexOf(";q=");
        return q < 0 ? item : item.substring(0, q);
    }
}
