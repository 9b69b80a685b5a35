package org.hotline.geo.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line (RFC 4180 quoting: {@code "Cloudflare, Inc."}, {@code ""} for a quote) into
 * fields, by hand: ip-location-db's organisation names contain commas.
 */
final class CsvFields {

    private CsvFields() {}

    /** The fields of {@code line}, or null when a quoted field is not closed. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>(6);
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        return null;
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                while (i < n && line.charAt(i) != ',') {
                    field.append(line.charAt(i++)); // text after a closing quote: keep it, as most readers do
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }
}
