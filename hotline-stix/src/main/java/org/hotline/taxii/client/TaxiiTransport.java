package org.hotline.taxii.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotline.channel.Channel;
import org.hotline.channel.Message;
import org.hotline.channel.Party;
import org.hotline.channel.port.Transport;
import org.hotline.stix.mapping.ConcernExport;
import org.hotline.stix.validate.Problem;
import org.hotline.stix.validate.StixValidator;
import org.hotline.taxii.TaxiiCollections;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delivers a concern's history to the partner's node over TAXII 2.1: renders the whole history as
 * STIX (with both parties' identities, the marking and the definitions it uses), checks every object
 * against the STIX validator, POSTs one envelope to the channel's inbox collection on the partner's
 * API root ({@link TaxiiCollections#inbox}), and follows the status resource until it is complete.
 * It returns only when the partner's node accepted every object.
 *
 * <p>Failures say who, where, which attempt, the HTTP status and the cause, and are permanent when
 * retrying cannot help: a 4xx other than 408/409/429, objects the partner refused, or objects we would
 * not send. 5xx, 408, 409, 429, no response, or a status still pending after polling are retryable;
 * redelivery is harmless because the partner applies each object once (id and version). Of those, no
 * response, 408, 429, 502, 503 and 504 say the partner's node is unavailable as a whole
 * ({@link DeliveryException#partnerUnavailable}), so the outbox stops trying its other messages for
 * that pass; a 409 or a 500 concerns this envelope only.
 *
 * <p>Thread-safe if the credentials lookup is.
 */
public final class TaxiiTransport implements Transport {
    private final HttpClient http;
    private final Function<Party, Optional<TaxiiCredentials>> credentials;
    private final Duration requestTimeout;
    private final StatusPolling polling;
    private final StixValidator validator;

    /**
     * How long to wait for a {@code pending} status to complete.
     *
     * @param polls    how many times to ask after the first answer
     * @param interval the wait before each
     */
    public record StatusPolling(int polls, Duration interval) {
        public static StatusPolling standard() {
            return new StatusPolling(10, Duration.ofSeconds(1));
        }
    }

    /**
     * @param credentials the Basic credentials the partner issued to this node, by partner
     */
    public TaxiiTransport(HttpClient http, Function<Party, Optional<TaxiiCredentials>> credentials, Duration requestTimeout,
                          StatusPolling polling, StixValidator validator) {
        this.http = Objects.requireNonNull(http);
        this.credentials = Objects.requireNonNull(credentials);
        this.requestTimeout = Objects.requireNonNull(requestTimeout);
        this.polling = Objects.requireNonNull(polling);
        this.validator = Objects.requireNonNull(validator);
    }

    @Override
    public void deliver(Channel channel, List<Message> history) {
        deliver(channel, history, 1);
    }

    @Override
    public void deliver(Channel channel, List<Message> history, int attempt) {
        Party partner = channel.partner();
        String collection = TaxiiCollections.inbox(channel.id());
        String where = "delivering concern " + history.get(0).concernId() + " (" + history.size() + (history.size() == 1 ? " message" : " messages") + ") to "
                + partner.name() + ", collection " + collection + " at " + partner.taxiiUrl() + ", attempt " + attempt + ": ";
        if (partner.taxiiUrl() == null) {
            throw new DeliveryException(where + partner.name() + " has no TAXII API root configured", true, null);
        }
        List<ObjectNode> objects = ConcernExport.objects(history, List.of(channel.local(), partner));
        List<Problem> problems = objects.stream().flatMap(o -> validator.problems(o).stream()).toList();
        if (!problems.isEmpty()) {
            throw new DeliveryException(where + "refusing to send invalid STIX: " + problems.stream().limit(3)
                    .map(Problem::toString).collect(Collectors.joining("; ")), true, null);
        }
        URI apiRoot = partner.taxiiUrl();
        TaxiiClient client = new TaxiiClient(http, credentials.apply(partner).orElse(null), requestTimeout);
        try {
            TaxiiStatus status = client.addObjects(apiRoot, collection, ConcernExport.envelope(objects));
            for (int poll = 0; !status.isComplete() && poll < polling.polls(); poll++) {
                sleep(polling.interval());
                status = client.status(apiRoot, status.id());
            }
            check(status, objects.size(), where);
        } catch (TaxiiException e) {
            throw e.serverUnavailable() ? DeliveryException.partnerUnavailable(where + e.getMessage(), e)
                    : new DeliveryException(where + e.getMessage(), !e.isRetryable(), e);
        }
    }

    private static void check(TaxiiStatus status, int sent, String where) {
        if (status.failureCount() > 0) {
            throw new DeliveryException(where + "HTTP 202 but " + partnerRefused(status), true, null);
        }
        if (!status.isComplete()) {
            throw new DeliveryException(where + "HTTP 202 but status " + status.id() + " is still " + status.status() + " ("
                    + status.pendingCount() + " of " + status.totalCount() + " objects pending); will try again", false, null);
        }
        if (!status.allSucceeded(sent)) {
            throw new DeliveryException(where + "HTTP 202 but status " + status.id() + " reports " + status.successCount()
                    + " successes of " + status.totalCount() + " for " + sent + " objects sent", false, null);
        }
    }

    private static String partnerRefused(TaxiiStatus status) {
        return "the partner refused " + status.failureCount() + " of " + status.totalCount() + " objects: "
                + status.failures().stream().limit(3).map(f -> f.id() + (f.message() == null ? "" : " (" + f.message() + ")"))
                .collect(Collectors.joining("; "));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while waiting for a TAXII status", false, e);
        }
    }
}
