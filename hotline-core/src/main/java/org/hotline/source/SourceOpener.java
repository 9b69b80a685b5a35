package org.hotline.source;

import java.io.InputStream;

/**
 * How the pipeline opens each input: {@link #PLAIN} reads it to its end as it is now; a
 * {@link Following} reads a file on as it grows.
 */
@FunctionalInterface
public interface SourceOpener {
    SourceOpener PLAIN = Sources::open;

    /**
     * Opens an input; throws {@link org.hotline.InputException} naming it if it cannot be read.
     *
     * @param buffers where its block buffers come from, or null for new ones
     */
    Source open(Sources.Input input, InputStream stdin, BlockBuffers buffers);
}
