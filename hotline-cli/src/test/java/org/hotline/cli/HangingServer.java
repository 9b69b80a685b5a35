package org.hotline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A partner's address that accepts connections and never answers, until the test
 * {@linkplain #release releases} it: then it closes every connection it holds and, from then on, each
 * new one at once. Plain, it never answers the TLS handshake either (a middlebox that black-holes
 * the traffic); with the partner's own TLS key it completes the handshake, reads the request and
 * never answers that (a node that hangs). It counts the connections made and those still open, so
 * a test can tell how often a client tried, and whether it gave up, without measuring time.
 */
final class HangingServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Semaphore accepted = new Semaphore(0);
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean released;

    /** Never answers the TLS handshake. */
    HangingServer(int port) throws IOException {
        this(port, null);
    }

    /** With {@code tls} (the partner's key), completes the handshake and never answers the request. */
    HangingServer(int port, SSLContext tls) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        socket = tls == null ? new ServerSocket(port, 50, loopback) : tls.getServerSocketFactory().createServerSocket(port, 50, loopback);
        Thread acceptor = new Thread(this::acceptUntilClosed, "hanging-server-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptUntilClosed() {
        try {
            while (true) {
                Socket s = socket.accept();
                held.add(s);
                open.incrementAndGet();
                accepted.release();
                Thread reader = new Thread(() -> readUntilClosed(s), "hanging-connection");
                reader.setDaemon(true);
                reader.start();
                if (released) {
                    closeHeld();
                }
            }
        } catch (IOException e) {
            // Closed by the test: nothing more to accept.
        }
    }

    /** Takes whatever the client sends (the TLS handshake, the request) and answers nothing, until it hangs up. */
    private void readUntilClosed(Socket s) {
        byte[] buffer = new byte[8192];
        try (InputStream in = s.getInputStream()) {
            while (in.read(buffer) >= 0) {
                // Never answered.
            }
        } catch (IOException e) {
            // The client gave up, or the test released the connection.
        } finally {
            open.decrementAndGet();
        }
    }

    /** Connections accepted so far. */
    int connections() {
        return accepted.availablePermits();
    }

    /** Connections accepted and not yet closed by the client or released. */
    int open() {
        return open.get();
    }

    /** Waits until {@code n} connections have been made in all. */
    void awaitConnections(int n) throws InterruptedException {
        accepted.acquire(n);
        accepted.release(n);
    }

    /** Stops hanging: closes the connections held and every later one as it comes. */
    void release() {
        released = true;
        closeHeld();
    }

    private void closeHeld() {
        for (Socket s : held) {
            try {
                s.close();
            } catch (IOException e) {
                // Closing is all this does; a socket already gone is fine.
            }
        }
    }

    @Override
    public void close() throws IOException {
        release();
        socket.close();
    }
}
