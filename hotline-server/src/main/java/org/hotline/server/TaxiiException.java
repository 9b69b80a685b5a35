package org.hotline.server;

import java.time.Duration;

/**
 * A refused TAXII request: the HTTP status and the error resource of TAXII 2.1 section 3.6.1
 * ({@code title}, {@code description}, {@code http_status}), which the server always answers in the
 * TAXII media type. The description is for a person; say what was wrong and what would be right.
 */
public final class TaxiiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String title;
    private final String errorCode;
    private final Duration retryAfter;

    public TaxiiException(int status, String title, String description) {
        this(status, title, null, description);
    }

    /** @param errorCode a machine-readable reason (TAXII's optional {@code error_code}), e.g. "bad-signature" */
    public TaxiiException(int status, String title, String errorCode, String description) {
        this(status, title, errorCode, description, null);
    }

    private TaxiiException(int status, String title, String errorCode, String description, Duration retryAfter) {
        super(description);
        this.status = status;
        this.title = title;
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
    }

    /** 429: too many requests of a kind from this client; it may try again after {@code retryAfter}. */
    public static TaxiiException tooManyRequests(String description, Duration retryAfter) {
        return new TaxiiException(429, "Too Many Requests", null, description, retryAfter);
    }

    /** How long the client should wait before asking again (the Retry-After header), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The machine-readable reason, or null. */
    public String errorCode() {
        return errorCode;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public static TaxiiException badRequest(String description) {
        return new TaxiiException(400, "Bad Request", description);
    }

    public static TaxiiException unauthorized(String description) {
        return new TaxiiException(401, "Unauthorized", description);
    }

    public static TaxiiException forbidden(String description) {
        return new TaxiiException(403, "Forbidden", description);
    }

    public static TaxiiException notFound(String description) {
        return new TaxiiException(404, "Not Found", description);
    }
}
