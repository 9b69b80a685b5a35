package org.hotline.taxii.client;

import java.net.URI;
import org.hotline.HotlineException;
import org.hotline.taxii.TaxiiError;

/**
 * A TAXII request that failed: which request, the HTTP status (0 when no response came), the server's
 * TAXII error if it sent one, and whether trying again later can help.
 *
 * <p>Retryable: no response (connection refused or reset, timeout, TLS failure), 5xx, 408, 429, and
 * 409: a Hotline node answers 409 when an envelope does not (yet) continue what it holds — its
 * partner is behind — which the next attempt, carrying the whole history, can mend. Everything else
 * (other 4xx, a response that is not TAXII 2.1) needs a person or a fix first.
 */
public class TaxiiException extends HotlineException {
    private static final long serialVersionUID = 1L;
    private final String method;
    private final URI uri;
    private final int status;
    private final transient TaxiiError error;
    private final boolean retryable;

    public TaxiiException(String method, URI uri, int status, TaxiiError error, boolean retryable, String problem, Throwable cause) {
        super(method + " " + uri + ": " + problem, cause);
        this.method = method;
        this.uri = uri;
        this.status = status;
        this.error = error;
        this.retryable = retryable;
    }

    /** Whether an HTTP status is worth retrying: 5xx, 408 Request Timeout, 409 Conflict, 429 Too Many Requests. */
    public static boolean retryable(int status) {
        return status >= 500 || status == 408 || status == 409 || status == 429;
    }

    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    /** The HTTP status, or 0 if no response was received. */
    public int status() {
        return status;
    }

    /** The server's TAXII error message, or null. */
    public TaxiiError error() {
        return error;
    }

    public boolean isRetryable() {
        return retryable;
    }

    /**
     * Whether the failure is the server's as a whole rather than this request's: no response at all
     * (refused, reset, timed out, TLS handshake failed; not our own thread being interrupted), or
     * 408, 429, 502, 503, 504. A 409 or a 500 answers this request, whose content may be the cause,
     * so it is left out: see {@code Transport.DeliveryException.partnerUnavailable}.
     */
    public boolean serverUnavailable() {
        if (!retryable) {
            return false;
        }
        if (status == 0) {
            return !(getCause() instanceof InterruptedException);
        }
        return status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
    }
}
