package org.hotline.cli;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hotline.Completion;
import org.hotline.geo.EnricherChain;

/**
 * Opens the geolocation databases on a thread of their own while the first blocks of the input are
 * read: the run needs them only to resolve the sources at the end, and opening them (reading the
 * manifest, each database's metadata, Jackson's first use) was ~0.1 s of start-up in which the
 * second core sat idle. A failure is passed on as soon as it happens ({@link #whenFailed}), so the
 * run can stop reading instead of reporting a bad database after a long input.
 */
final class GeoOpening implements AutoCloseable {

    private final CompletableFuture<EnricherChain> chain;

    private GeoOpening(CompletableFuture<EnricherChain> chain) {
        this.chain = chain;
    }

    static GeoOpening start(Supplier<EnricherChain> open) {
        CompletableFuture<EnricherChain> chain = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                chain.complete(open.get());
            } catch (RuntimeException | Error e) {
                chain.completeExceptionally(e);
            }
        }, "hotline-open-geo");
        t.setDaemon(true);
        t.start();
        return new GeoOpening(chain);
    }

    /** Calls {@code action} with the failure if opening fails: at once if it has failed already. */
    void whenFailed(Consumer<RuntimeException> action) {
        chain.whenComplete((opened, failure) -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof RuntimeException r) {
                action.accept(r);
            }
        });
    }

    /** The opened chain, waiting for it; rethrows what opening threw. */
    EnricherChain get() {
        return Completion.join(chain);
    }

    /** Closes the chain once it is open (waiting for it, so nothing opened is left behind). */
    @Override
    public void close() throws IOException {
        EnricherChain opened;
        try {
            opened = chain.join();
        } catch (CompletionException e) {
            return;   // nothing was opened; the failure is get()'s to report
        }
        opened.close();
    }
}
