package org.hotline.parse;

import org.hotline.event.Event;

/**
 * Where a parser puts its verdict on a line. The pipeline behind it counts every line and keeps the
 * first malformed line numbers with their reasons in one place ({@code InputAccounting}), so no
 * parser decides on its own to drop a line silently.
 */
public interface ParseSink {

    void event(Event event);

    /**
     * One line that stands for {@code count} identical events, such as rsyslog's "message repeated 5
     * times: [...]": one verdict on the line, {@code count} events for the detectors and the tallies.
     * A sink that only judges lines (format detection) may count it as one.
     */
    default void repeated(Event event, int count) {
        event(event);
    }

    /**
     * The line's timestamp had no year (a classic syslog line) and took one from the input's year
     * rule; said before the line's verdict. The report states the rule only for inputs where a line
     * used it: an RFC 5424 or ISO-stamped auth.log carries its own years.
     */
    default void yearInferred() {
    }

    /** A well-formed line that carries no event (header, other program's syslog line, banner). */
    void ignored();

    /**
     * A line this format leaves aside that is another format's: a kernel packet-log line in what was
     * taken for an sshd log, or an sshd line in what was taken for a packet log (a syslog file whose
     * first lines came from one program). Counted as ignored, and the report says how many and which
     * format they are, so they are not lost without a word.
     */
    default void leftAside(String otherFormat) {
        ignored();
    }

    /** A line this format cannot have produced; {@code reason} says where and why. */
    void malformed(String reason);
}
