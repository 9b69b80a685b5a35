package org.hotline.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals in TAXII's form. Some requests never reach Javalin: a malformed URI
 * ({@code %zz}, an encoded NUL), a URI or header too long, a request line Jetty cannot parse. Jetty
 * answered those with an HTML page, which TAXII clients cannot read; every answer of the server,
 * errors included, must be {@code application/taxii+json;version=2.1}. The status stays Jetty's.
 */
final class TaxiiErrorHandler extends ErrorHandler {
    private static final HttpField TAXII = new HttpField(HttpHeader.CONTENT_TYPE, TaxiiMedia.TAXII_21);

    /** Errors raised once a request exists (a bad URI, for one). */
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(TAXII);
        response.write(true, body(code, message), callback);
    }

    /** Errors raised while the request is parsed (a URI or header too long), before any request exists. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(TAXII);
        return body(status, reason);
    }

    private static ByteBuffer body(int code, String message) {
        String title = HttpStatus.getMessage(code);
        String description = message == null || message.isBlank() ? title : message;
        TaxiiException e = new TaxiiException(code, title, "the request could not be read: " + description);
        return ByteBuffer.wrap(TaxiiJson.write(TaxiiJson.error(e)).getBytes(StandardCharsets.UTF_8));
    }
}
