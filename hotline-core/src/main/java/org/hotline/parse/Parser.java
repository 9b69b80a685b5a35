package org.hotline.parse;

import org.hotline.source.RawLine;

/**
 * Turns one raw line of one format into at most one {@link org.hotline.event.Event}.
 *
 * <p>Obligations of implementers:
 * <ul>
 *   <li>Call exactly one of {@code sink.event}, {@code sink.repeated} (a line that stands for several
 *       identical events), {@code sink.ignored}, {@code sink.malformed} per line.
 *       "Ignored" is a well-formed line that is not an event by design (an sshd "Server listening"
 *       line, a Zeek {@code #fields} header); "malformed" is a line this format cannot have produced,
 *       and its reason says where it broke ("no closing quote after request at column 57").</li>
 *   <li>Never throw for bad input, never keep the line's buffer (see {@link RawLine}).</li>
 *   <li>An instance is used by one thread; the registry's factory makes one per worker and input.
 *       Per-input state (a Zeek header) comes from the {@link FileContext}, so any block of the file
 *       can be parsed by any worker.</li>
 * </ul>
 */
public interface Parser {

    /** The format's name as used in {@code --format} and reports, e.g. "combined". */
    String format();

    void parse(RawLine line, ParseSink sink);
}
