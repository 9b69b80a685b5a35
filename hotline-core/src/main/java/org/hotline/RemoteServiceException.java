package org.hotline;

/**
 * A remote service Hotline depends on — the npm registry {@code geo update} reads, a partner's node —
 * could not be reached or answered wrongly (no connection, an unknown host, an HTTP error, a package
 * whose integrity does not match), stated with the address and the reason: {@code "cannot reach the
 * npm registry: GET https://registry.npmjs.org/...: unknown host registry.npmjs.org"}. Neither the
 * user's mistake nor a bug, so the CLI prints the message without a stack trace and exits 69
 * (sysexits' EX_UNAVAILABLE); trying again later, or another registry, may help.
 */
public class RemoteServiceException extends HotlineException {
    private static final long serialVersionUID = 1L;

    public RemoteServiceException(String message) {
        super(message);
    }

    public RemoteServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
