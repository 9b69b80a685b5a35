package org.hotline.enrich;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an address is registered or routed, as far as the databases say. It is the address's
 * location, not the attacker's: the report says so in its caveats.
 *
 * @param country        ISO 3166-1 alpha-2 code in upper case, or null when no database knows
 * @param asn            autonomous system number, or -1 when unknown
 * @param asOrganization the AS's organisation name, or null
 * @param flags          facts that qualify the country (Tor exit, non-routable)
 */
public record Origin(String country, long asn, String asOrganization, Set<OriginFlag> flags) {

    public static final Origin UNKNOWN = new Origin(null, -1, null, Set.of());

    public Origin {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        if (country != null && !isCountryCode(country)) {
            throw new IllegalArgumentException("country must be two upper-case letters: '" + country + "'");
        }
    }

    /** Two letters A-Z, checked by hand: String.matches compiles a regex on every call. */
    private static boolean isCountryCode(String s) {
        return s.length() == 2 && s.charAt(0) >= 'A' && s.charAt(0) <= 'Z' && s.charAt(1) >= 'A' && s.charAt(1) <= 'Z';
    }

    public Origin withCountry(String code) {
        return new Origin(code, asn, asOrganization, flags);
    }

    public Origin withAsn(long number, String organization) {
        return new Origin(country, number, organization, flags);
    }

    public Origin withFlag(OriginFlag flag) {
        EnumSet<OriginFlag> set = flags.isEmpty() ? EnumSet.noneOf(OriginFlag.class) : EnumSet.copyOf(flags);
        set.add(flag);
        return new Origin(country, asn, asOrganization, set);
    }

    public boolean has(OriginFlag flag) {
        return flags.contains(flag);
    }
}
