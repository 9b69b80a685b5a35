package org.hotline.parse.syslog;

import org.hotline.event.Event;
import org.hotline.parse.FileContext;
import org.hotline.parse.ForwardingSink;
import org.hotline.parse.ParseSink;
import org.hotline.parse.Parser;
import org.hotline.parse.netfilter.NetfilterLogParser;
import org.hotline.parse.sshd.SshdAuthParser;
import org.hotline.source.RawLine;

/**
 * A syslog file in which sshd and the kernel's packet log both write ({@code /var/log/syslog},
 * {@code messages}, a journal export): each line goes to the sshd parser, and a line sshd leaves
 * aside goes to the netfilter parser. An input gets one format, and before this one such a file
 * got whichever program wrote most of its head: the other's lines were only counted as ignored,
 * and a port scan in them went unseen.
 *
 * <p>Format detection prefers the single formats on files of one program (they are listed first
 * and read the same events), and this one where both write.
 */
public final class MixedSyslogParser implements Parser {
    private final Parser sshd;
    private final Parser netfilter;
    private final SshdFirst probe = new SshdFirst();
    private final NoneLeftAside rest = new NoneLeftAside();

    public MixedSyslogParser(FileContext context) {
        this.sshd = new SshdAuthParser(context);
        this.netfilter = new NetfilterLogParser(context);
    }

    @Override
    public String format() {
        return "syslog";
    }

    @Override
    public void parse(RawLine line, ParseSink sink) {
        probe.sink = sink;
        probe.passed = false;
        probe.yearInferred = false;
        sshd.parse(line, probe);
        if (probe.passed) {
            // An sshd line the sshd parser found no event in (a banner) is no line another format reads.
            netfilter.parse(line, rest.to(sink));
        }
    }

    /**
     * Hands sshd's verdicts on, except "not mine", which the netfilter parser then gives its own
     * (with its own word on the year, so a line's year is told once).
     */
    private static final class SshdFirst implements ParseSink {
        ParseSink sink;
        boolean passed;
        boolean yearInferred;

        @Override
        public void yearInferred() {
            yearInferred = true;
        }

        @Override
        public void event(Event event) {
            year();
            sink.event(event);
        }

        @Override
        public void repeated(Event event, int count) {
            year();
            sink.repeated(event, count);
        }

        @Override
        public void ignored() {
            passed = true;
        }

        @Override
        public void leftAside(String otherFormat) {
            passed = true;
        }

        @Override
        public void malformed(String reason) {
            year();
            sink.malformed(reason);
        }

        private void year() {
            if (yearInferred) {
                sink.yearInferred();
            }
        }
    }

    /** Everything read, both programs: what one parser leaves aside the other has had. */
    private static final class NoneLeftAside extends ForwardingSink {
        @Override
        public void leftAside(String otherFormat) {
            sink.ignored();
        }
    }
}
