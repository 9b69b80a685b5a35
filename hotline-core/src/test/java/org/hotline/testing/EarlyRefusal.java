package org.hotline.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * POSTs a body a server is expected to refuse before reading it (413 Content Too Large), over a
 * plain TLS socket. The server answers and closes while the client may still be writing, and a
 * client library then reports a reset instead of the answer, at random. Here a failed write just
 * stops the writing, and the answer already sent is read. Shared by the server and node tests.
 */
public final class EarlyRefusal {

    /** A status, the Content-Type, and the (de-chunked) body, as read off the wire. */
    public record Response(int status, String contentType, String body) {}

    private EarlyRefusal() {}

    public static Response post(SSLContext tls, URI uri, String accept, String contentType, String authorization,
                                String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAccept: " + accept + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + bytes.length
                    + (authorization == null ? "" : "\r\nAuthorization: " + authorization) + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                for (int i = 0; i < bytes.length; i += 16_384) {
                    out.write(bytes, i, Math.min(16_384, bytes.length - i));
                }
                out.flush();
            } catch (IOException refusedWhileWriting) {
                // The server has answered and closed; its answer is waiting to be read.
            }
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headerEnd = response.indexOf("\r\n\r\n");
            String headers = response.substring(0, headerEnd);
            String type = null;
            for (String line : headers.split("\r\n")) {
                if (line.regionMatches(true, 0, "Content-Type:", 0, 13)) {
                    type = line.substring(13).trim();
                }
            }
            String payload = response.substring(headerEnd + 4);
            if (headers.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                payload = dechunk(payload);
            }
            return new Response(Integer.parseInt(headers.substring(9, 12)), type, payload);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int eol = chunked.indexOf("\r\n", i);
            int size = Integer.parseInt(chunked.substring(i, eol).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(chunked, eol + 2, eol + 2 + size);
            i = eol + 2 + size + 2;
        }
    }
}
