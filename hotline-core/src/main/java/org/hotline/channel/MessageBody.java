package org.hotline.channel;

import java.util.List;

/**
 * What a message of a concern says. One record per kind of message; {@link MessageKind#of} names it.
 */
public sealed interface MessageBody {

    /**
     * The concern itself, as the filer conveys it: the first message of every concern.
     *
     * @param channelId the channel it travels on
     * @param recipient party id of the partner asked to act
     * @param materials evidence filed with it, or null
     */
    record Filing(String channelId, String recipient, ConcernKind kind, String summary, String description,
                  Severity severity, Tlp tlp, Materials materials) implements MessageBody {
        public Filing {
            Ids.require(channelId, "channel");
            Ids.require(recipient, "identity");
            if (summary == null || summary.isBlank()) {
                throw new IllegalArgumentException("a concern needs a summary");
            }
        }
    }

    /** The partner confirms it has taken the concern up. */
    record Acknowledgement(String note) implements MessageBody {}

    /** The partner asks for more materials, saying which. */
    record MaterialsRequest(String request) implements MessageBody {
        public MaterialsRequest {
            requireText(request, "a request for materials must say what is needed");
        }
    }

    /** The filer provides materials (asked for or not). */
    record MaterialsProvided(String note, Materials materials) implements MessageBody {
        public MaterialsProvided {
            if (materials == null) {
                throw new IllegalArgumentException("materials are required");
            }
        }
    }

    /** Either side says where things stand; from the partner it also means "investigating". */
    record StatusUpdate(String note) implements MessageBody {
        public StatusUpdate {
            requireText(note, "a status update needs text");
        }
    }

    /** The partner's answer: what it found, what it did, and the outcome. */
    record Response(String findings, List<String> actions, Outcome outcome) implements MessageBody {
        public Response {
            requireText(findings, "a response needs findings");
            actions = List.copyOf(actions);
            if (outcome == null) {
                throw new IllegalArgumentException("a response needs an outcome");
            }
        }
    }

    /** The filer closes the concern after the response. */
    record Closure(String note) implements MessageBody {}

    /** The partner declines the concern. */
    record Rejection(String reason) implements MessageBody {
        public Rejection {
            requireText(reason, "a rejection must give a reason");
        }
    }

    /** The filer withdraws the concern. */
    record Withdrawal(String reason) implements MessageBody {
        public Withdrawal {
            requireText(reason, "a withdrawal must give a reason");
        }
    }

    /** How a response ends the investigation, after IODEF's and RID's result vocabularies. */
    enum Outcome {
        /** The sources were identified and action was taken (blocked, notified, taken down). */
        ACTION_TAKEN,
        /** The sources were identified; no action was possible or needed. */
        SOURCE_IDENTIFIED,
        /** Nothing confirming the concern was found. */
        NO_EVIDENCE_FOUND,
        /** Passed on to whoever can act (an ISP, a hosting provider, another CERT). */
        REFERRED,
        /** The sources are not under the responding party's jurisdiction. */
        NOT_IN_JURISDICTION;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static Outcome parse(String id) {
            for (Outcome o : values()) {
                if (o.id().equals(id) || o.name().equalsIgnoreCase(id)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown outcome '" + id + "'; known: action-taken, source-identified, "
                    + "no-evidence-found, referred, not-in-jurisdiction");
        }
    }

    private static void requireText(String text, String message) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(message);
        }
    }
}
