package org.hotline;

/**
 * An output Hotline was asked to write could not be written — a full disk, a directory without
 * write permission, a closed pipe — stated with the output named: {@code "cannot write --events-out
 * events.jsonl: No space left on device"}. Not a bug, so, like {@link InputException}, the CLI
 * prints the message without a stack trace; it exits 74 (sysexits' EX_IOERR).
 */
public class OutputException extends HotlineException {
    private static final long serialVersionUID = 1L;

    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
