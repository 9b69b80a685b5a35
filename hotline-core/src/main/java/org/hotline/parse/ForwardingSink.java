package org.hotline.parse;

import org.hotline.event.Event;

/**
 * A sink that hands every verdict on to another, for a parser that reads a line through another
 * parser and changes only some verdicts (a reason's wording, what counts as left aside). Reused
 * line after line: {@link #sink} is set before each.
 */
public abstract class ForwardingSink implements ParseSink {
    protected ParseSink sink;

    /** Where the verdicts go from now on; returns this. */
    public ForwardingSink to(ParseSink sink) {
        this.sink = sink;
        return this;
    }

    @Override
    public void event(Event event) {
        sink.event(event);
    }

    @Override
    public void repeated(Event event, int count) {
        sink.repeated(event, count);
    }

    @Override
    public void yearInferred() {
        sink.yearInferred();
    }

    @Override
    public void ignored() {
        sink.ignored();
    }

    @Override
    public void leftAside(String otherFormat) {
        sink.leftAside(otherFormat);
    }

    @Override
    public void malformed(String reason) {
        sink.malformed(reason);
    }
}
