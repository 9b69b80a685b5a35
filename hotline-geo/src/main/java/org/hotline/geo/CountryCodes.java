package org.hotline.geo;

import org.hotline.enrich.Origin;

/**
 * Turns a database's country value into the canonical two upper-case letters {@link
 * org.hotline.enrich.Origin} holds, without regex or allocation: every code is one shared instance
 * from a 26×26 table, so millions of cached origins share 250-odd strings.
 *
 * <p>Hazard: {@code "ZZ"} (ISO 3166 user-assigned, used by some vendors for "unknown") and anything
 * that is not two ASCII letters mean "no country" and return {@code null}; legacy MaxMind region codes
 * such as {@code "EU"} and {@code "AP"} are kept, because they are what the database says.
 */
public final class CountryCodes {

    private static final String[] CODES = new String[26 * 26];
    private static final Origin[] ORIGINS = new Origin[26 * 26];

    static {
        for (int i = 0; i < 26; i++) {
            for (int j = 0; j < 26; j++) {
                CODES[i * 26 + j] = new String(new char[] {(char) ('A' + i), (char) ('A' + j)});
                ORIGINS[i * 26 + j] = Origin.UNKNOWN.withCountry(CODES[i * 26 + j]);
            }
        }
    }

    private CountryCodes() {}

    /** The canonical code for {@code value} (either case), or {@code null} if it is not a country. */
    public static String canonical(CharSequence value) {
        if (value == null || value.length() != 2) {
            return null;
        }
        int a = letter(value.charAt(0));
        int b = letter(value.charAt(1));
        if (a < 0 || b < 0 || (a == 25 && b == 25)) {
            return null;
        }
        return CODES[a * 26 + b];
    }

    /**
     * {@code soFar} with the country {@code code} (a value {@link #canonical} returned): for the common
     * case of an otherwise unknown origin, one shared instance per country instead of a new one.
     */
    public static Origin withCountry(Origin soFar, String code) {
        if (soFar == Origin.UNKNOWN) {
            return ORIGINS[(code.charAt(0) - 'A') * 26 + code.charAt(1) - 'A'];
        }
        return soFar.withCountry(code);
    }

    private static int letter(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        return -1;
    }
}
