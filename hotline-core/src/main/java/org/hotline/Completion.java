package org.hotline;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work done beside the caller's, with its failure as it was thrown. */
public final class Completion {
    private Completion() {}

    /**
     * The future's value, waiting for it; rethrows the unchecked exception or error the work threw
     * itself, not wrapped in a {@link CompletionException}, so callers handle it as if they had
     * done the work (an {@link InputException} stays a user error with its message).
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
