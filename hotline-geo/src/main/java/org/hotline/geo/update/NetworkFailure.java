package org.hotline.geo.update;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/**
 * Why an HTTP request got no answer, in words: the JDK's HTTP client says
 * {@code ConnectException: null} for a refused connection and for a host name that does not
 * resolve alike (the difference is a cause further down: {@code ClosedChannelException} or
 * {@code UnresolvedAddressException}), which told a user nothing.
 */
final class NetworkFailure {

    private NetworkFailure() {}

    static String reason(Throwable failure, URI uri) {
        String host = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "unknown host " + uri.getHost() + " (the name does not resolve; is there a network?)";
            }
            if (t instanceof HttpTimeoutException) {
                return "no answer from " + host + " in time";
            }
            if (t instanceof SSLException) {
                return "TLS with " + host + " failed (" + deepestMessage(t) + ")";
            }
        }
        String detail = deepestMessage(failure);
        if (failure instanceof ConnectException) {
            return "cannot connect to " + host + (detail == null ? " (connection refused)" : " (" + detail + ")");
        }
        return failure.getClass().getSimpleName() + (detail == null ? "" : ": " + detail);
    }

    private static String deepestMessage(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message;
    }
}
