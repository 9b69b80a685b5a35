package org.hotline.taxii;

import java.util.Locale;

/**
 * The two media types of TAXII 2.1, written exactly as the specification registers them, and the
 * one comparison both the client and the server need.
 *
 * <p>Hazard: servers reject anything but the exact TAXII type with 406 (Accept) or 415
 * (Content-Type); OpenCTI's ingester sent {@code application/json} and got 406 from medallion
 * (CHANNEL-NOTES c.4 items 1-2). Send these constants verbatim; compare received values with
 * {@link #isTaxii21}, which tolerates what RFC 9110 allows (case of the type, spaces around {@code ;},
 * extra parameters such as {@code charset}).
 */
public final class TaxiiMediaTypes {
    /** Requests, responses and errors of every TAXII 2.1 endpoint. */
    public static final String TAXII_21 = "application/taxii+json;version=2.1";
    /** The media type of STIX 2.1 content in a collection's {@code media_types} and a manifest's {@code media_type}. */
    public static final String STIX_21 = "application/stix+json;version=2.1";

    private TaxiiMediaTypes() {}

    /** True if a Content-Type or single Accept value names TAXII 2.1. */
    public static boolean isTaxii21(String headerValue) {
        return is(headerValue, "application/taxii+json");
    }

    /** True if any value of an Accept header (a comma-separated list) names TAXII 2.1. */
    public static boolean acceptsTaxii21(String acceptHeader) {
        if (acceptHeader == null) {
            return false;
        }
        for (String value : acceptHeader.split(",")) {
            if (isTaxii21(value)) {
                return true;
            }
        }
        return false;
    }

    /** True if a media type names STIX 2.1. */
    public static boolean isStix21(String headerValue) {
        return is(headerValue, "application/stix+json");
    }

    private static boolean is(String value, String type) {
        if (value == null) {
            return false;
        }
        String[] parts = value.split(";");
        if (!parts[0].trim().toLowerCase(Locale.ROOT).equals(type)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("version")) {
                return kv[1].trim().replace("\"", "").equals("2.1");
            }
        }
        return false;
    }
}
