package org.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CompletionTest {
    @Test
    void rethrowsWhatTheWorkThrewUnwrapped() {
        InputException bad = new InputException("--geo-db x.mmdb: no such file");
        assertThatThrownBy(() -> Completion.join(CompletableFuture.supplyAsync(() -> {
            throw bad;
        }))).isSameAs(bad);
        StackOverflowError error = new StackOverflowError();
        assertThatThrownBy(() -> Completion.join(CompletableFuture.supplyAsync(() -> {
            throw error;
        }))).isSameAs(error);
        assertThat(Completion.join(CompletableFuture.supplyAsync(() -> 42))).isEqualTo(42);
    }
}
