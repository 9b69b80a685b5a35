package org.hotline;

/**
 * An internal failure, wrapped with what Hotline was doing and the cause kept:
 * {@code new HotlineException("reading " + path, e)}. The CLI prints its message chain and, unlike
 * {@link InputException}, asks the user to report it.
 */
public class HotlineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HotlineException(String message) {
        super(message);
    }

    public HotlineException(String message, Throwable cause) {
        super(message, cause);
    }
}
