package org.hotline.channel;

import java.util.List;
import org.hotline.channel.ConcernLifecycle.Role;

/**
 * Steps for tests that wander through the lifecycle at random: which kinds a side may send in a
 * state, and a valid body for each kind.
 */
public final class SampleSteps {
    private static final Materials MATERIALS = new Materials(Ids.random("grouping"), "auth.log lines", List.of(),
            List.of(new Materials.LogExcerpt("auth.log", "ab".repeat(32), 3,
                    "Sep 17 10:05:03 gw sshd[812]: Failed password for root from 198.51.100.23 port 51022 ssh2")), null);

    private SampleSteps() {}

    /** What {@code role} may send in {@code state}: the lifecycle's steps, the filer's status note included. */
    public static List<MessageKind> sendable(ConcernState state, Role role) {
        return ConcernLifecycle.allowed(state, role);
    }

    /** A valid body of {@code kind}. */
    public static MessageBody body(MessageKind kind) {
        return switch (kind) {
            case ACKNOWLEDGEMENT -> new MessageBody.Acknowledgement(null);
            case MATERIALS_REQUEST -> new MessageBody.MaterialsRequest("the firewall log");
            case MATERIALS_PROVIDED -> new MessageBody.MaterialsProvided("attached", MATERIALS);
            case STATUS_UPDATE -> new MessageBody.StatusUpdate("still looking");
            case RESPONSE -> new MessageBody.Response("a compromised VPS", List.of("taken offline"), MessageBody.Outcome.ACTION_TAKEN);
            case CLOSURE -> new MessageBody.Closure("thanks");
            case REJECTION -> new MessageBody.Rejection("not ours");
            case WITHDRAWAL -> new MessageBody.Withdrawal("filed in error");
            case FILING -> throw new IllegalArgumentException("a filing starts a concern");
        };
    }
}
