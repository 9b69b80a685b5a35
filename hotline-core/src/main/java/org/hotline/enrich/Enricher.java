package org.hotline.enrich;

import org.hotline.event.IpAddress;

/**
 * Adds what one source of knowledge says about an address to what is known so far.
 *
 * <p>Obligations of implementers: "not found" is data, never an exception and never null — return
 * {@code soFar} unchanged. Must be safe to call from several threads. Enrichers run in the order the
 * composition root lists them, and results are cached per address in front of the chain.
 */
@FunctionalInterface
public interface Enricher {

    Origin enrich(IpAddress ip, Origin soFar);

    /** Runs {@code this}, then {@code next}. */
    default Enricher andThen(Enricher next) {
        return (ip, soFar) -> next.enrich(ip, enrich(ip, soFar));
    }
}
