package org.hotline.parse.zeek;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The header of a Zeek ASCII (TSV) log: {@code #separator}, {@code #set_separator},
 * {@code #empty_field}, {@code #unset_field}, {@code #path} and {@code #fields}, and where the
 * conn.log columns sit. Built from the input's first lines ({@code FileContext.head()}), so a
 * worker that starts in the middle of a file knows the columns; a header line met later (files
 * concatenated with {@code cat}) replaces it for the lines that follow in that worker's block.
 *
 * <p>Hazard: blocks are parsed in any order, so a second header with different columns applies
 * reliably only to lines in the same block as that header; Zeek writes one header per file, so
 * this matters only for concatenations of logs written with different settings.
 */
final class ZeekTsvHeader {
    byte separator = '\t';
    String unset = "-";
    String empty = "(empty)";
    String path;
    int fieldCount = -1;
    int ts = -1;
    int originHost = -1;
    int originPort = -1;
    int responderHost = -1;
    int responderPort = -1;
    int proto = -1;
    int service = -1;
    int duration = -1;
    int originBytes = -1;
    int responderBytes = -1;
    int state = -1;
    int history = -1;
    int originPackets = -1;

    static ZeekTsvHeader fromHead(List<String> head) {
        ZeekTsvHeader h = new ZeekTsvHeader();
        for (String line : head) {
            if (!line.startsWith("#")) {
                if (h.fieldCount > 0) {
                    break;
                }
                continue;
            }
            h.update(line);
        }
        return h;
    }

    /** Applies one '#' line; unknown directives (#open, #close, #types, comments) change nothing. */
    void update(String line) {
        if (line.startsWith("#separator ")) {
            separator = unescape(line.substring(11));
            return;
        }
        String sep = String.valueOf((char) (separator & 0xff));
        int cut = line.indexOf(sep);
        if (cut < 0) {
            return;
        }
        String name = line.substring(0, cut);
        String value = line.substring(cut + 1);
        switch (name) {
            case "#unset_field":
                unset = value;
                break;
            case "#empty_field":
                empty = value;
                break;
            case "#path":
                path = value;
                break;
            case "#fields":
                columns(value.split(java.util.regex.Pattern.quote(sep), -1));
                break;
            default:
                break;
        }
    }

    private void columns(String[] names) {
        fieldCount = names.length;
        ts = originHost = originPort = responderHost = responderPort = proto = service = duration = -1;
        originBytes = responderBytes = state = history = originPackets = -1;
        for (int i = 0; i < names.length; i++) {
            switch (names[i]) {
                case "ts": ts = i; break;
                case "id.orig_h": originHost = i; break;
                case "id.orig_p": originPort = i; break;
                case "id.resp_h": responderHost = i; break;
                case "id.resp_p": responderPort = i; break;
                case "proto": proto = i; break;
                case "service": service = i; break;
                case "duration": duration = i; break;
                case "orig_bytes": originBytes = i; break;
                case "resp_bytes": responderBytes = i; break;
                case "conn_state": state = i; break;
                case "history": history = i; break;
                case "orig_pkts": originPackets = i; break;
                default: break;
            }
        }
    }

    /** "\x09" → TAB; a plain character stands for itself. */
    private static byte unescape(String s) {
        if (s.length() == 4 && s.startsWith("\\x")) {
            try {
                return (byte) Integer.parseInt(s.substring(2), 16);
            } catch (NumberFormatException e) {
                return '\t';
            }
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return b.length == 1 ? b[0] : (byte) '\t';
    }
}
