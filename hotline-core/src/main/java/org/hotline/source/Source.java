package org.hotline.source;

import java.io.Closeable;
import java.io.IOException;

/**
 * A finite input read to its end as blocks of whole lines.
 *
 * <p>Obligations of implementers: {@link #next()} returns blocks in input order with line numbers
 * continuing across blocks, and null at the end; a problem with the input itself (truncated
 * compressed data, a binary file) is an {@link org.hotline.InputException} naming the input, thrown
 * only after every complete block before it has been returned.
 */
public interface Source extends Closeable {

    SourceInfo info();

    LineBlock next() throws IOException;

    /**
     * True for an input read on as it grows ({@code --follow}): its blocks come as its lines are
     * written, a few lines each, so its format is told from as many of its first blocks as it takes.
     */
    default boolean growing() {
        return false;
    }
}
