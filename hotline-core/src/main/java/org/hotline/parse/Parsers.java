package org.hotline.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotline.InputException;
import org.hotline.parse.accesslog.CombinedLogParser;
import org.hotline.parse.accesslog.CommonLogParser;
import org.hotline.parse.cowrie.CowrieJsonParser;
import org.hotline.parse.journald.JournaldJsonParser;
import org.hotline.parse.netfilter.NetfilterLogParser;
import org.hotline.parse.sshd.SshdAuthParser;
import org.hotline.parse.suricata.EveJsonParser;
import org.hotline.parse.syslog.MixedSyslogParser;
import org.hotline.parse.zeek.ZeekConnJsonParser;
import org.hotline.parse.zeek.ZeekConnTsvParser;

/**
 * The built-in formats, listed in one place. Order matters: when two formats read the first lines
 * of an input equally well, {@link FormatDetector} picks the one listed first.
 */
public final class Parsers {
    private static final List<ParserSpec> BUILT_INS = List.of(
            // common before combined: on a common-format file both read every line (combined
            // tolerates missing referer and user agent) and the first listed wins; on a combined
            // file common refuses the extra fields, so it never takes one.
            new ParserSpec("common", "Apache/nginx Common Log Format access log (no referer, no user agent)",
                    false, CommonLogParser::new),
            new ParserSpec("combined", "Apache/nginx combined access log (common plus referer and user agent)",
                    false, CombinedLogParser::new),
            new ParserSpec("sshd", "OpenSSH server lines in syslog (auth.log, secure, messages): BSD, ISO or RFC 5424",
                    true, SshdAuthParser::new),
            new ParserSpec("netfilter", "iptables/nftables/UFW kernel packet log lines (SRC= DST= PROTO=) in syslog",
                    true, NetfilterLogParser::new),
            // After sshd and netfilter: on a file of one of them it reads the same events, and the
            // one listed first wins; where both write, it reads more and is chosen.
            new ParserSpec("syslog", "sshd and kernel packet-log lines mixed in one syslog file (syslog, messages)",
                    true, MixedSyslogParser::new),
            new ParserSpec("journald-json", "systemd journal as JSON (journalctl -o json): its sshd and kernel packet-log records",
                    false, JournaldJsonParser::new),
            new ParserSpec("suricata-eve", "Suricata EVE JSON, one object per line (alert, flow, http, dns, tls, ssh...)",
                    false, EveJsonParser::new),
            new ParserSpec("zeek-conn", "Zeek conn.log, ASCII/TSV with #fields header",
                    false, ZeekConnTsvParser::new),
            new ParserSpec("zeek-conn-json", "Zeek conn.log written as JSON, one object per line",
                    false, ZeekConnJsonParser::new),
            new ParserSpec("cowrie", "Cowrie SSH/Telnet honeypot JSON log (cowrie.json)",
                    false, CowrieJsonParser::new)
    );

    private static final Map<String, ParserSpec> BY_NAME = index(BUILT_INS);

    private Parsers() {}

    public static List<ParserSpec> all() {
        return BUILT_INS;
    }

    /** The spec for {@code --format name}; an unknown name is a user error listing the known ones. */
    public static ParserSpec byName(String name) {
        ParserSpec spec = BY_NAME.get(name);
        if (spec == null) {
            throw new InputException("unknown format '" + name + "'; known: " + String.join(", ", BY_NAME.keySet()));
        }
        return spec;
    }

    private static Map<String, ParserSpec> index(List<ParserSpec> specs) {
        Map<String, ParserSpec> map = new LinkedHashMap<>();
        for (ParserSpec s : specs) {
            if (map.put(s.format(), s) != null) {
                throw new IllegalStateException("format registered twice: " + s.format());
            }
        }
        return map;
    }

    static String names() {
        return BUILT_INS.stream().map(ParserSpec::format).collect(Collectors.joining(", "));
    }
}
