package org.hotline.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotline.InputException;

/**
 * The built-in formats, listed in one place. Order matters: when two formats read the first lines
 * of an input equally well, {@link FormatDetector} picks the one listed first.
 */
public final class Parsers {
    private static final List<ParserSpec> BUILT_INS = List.of(
            // Filled in by the per-format packages: parse.accesslog, parse.sshd, parse.netfilter,
            // parse.suricata, parse.zeek, parse.cowrie.
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
