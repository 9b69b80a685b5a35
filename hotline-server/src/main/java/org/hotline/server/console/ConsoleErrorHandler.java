package org.hotline.server.console;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jetty's own refusals, of requests that never reach Javalin (a URI that is no percent-encoding, a
 * request line naming another host than its Host header, a header too long), with the console's
 * headers and in its API's form. Any web site can open such an address in a frame or a window; Jetty
 * answered with an HTML page without the CSP, the frame refusal or nosniff.
 */
final class ConsoleErrorHandler extends ErrorHandler {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Errors raised once a request exists (a bad URI, for one). */
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        headers(response.getHeaders());
        response.write(true, body(code, message), callback);
    }

    /** Errors raised while the request is parsed (a header too long), before any request exists. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        headers(fields);
        return body(status, reason);
    }

    private static void headers(HttpFields.Mutable fields) {
        ConsoleServer.HEADERS.forEach(fields::put);
        fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    }

    private static ByteBuffer body(int code, String message) {
        ObjectNode o = JSON.createObjectNode();
        o.put("status", code);
        o.put("reason", "the request could not be read: " + (message == null || message.isBlank() ? HttpStatus.getMessage(code) : message));
        return ByteBuffer.wrap(JSON.writeValueAsString(o).getBytes(StandardCharsets.UTF_8));
    }
}
