package org.hotline.stix.mapping;

import org.hotline.channel.MessageBody;

/**
 * The human-readable {@code abstract} and {@code content} of a message's note, for STIX consumers
 * that show notes but do not read Hotline's extension. STIX requires {@code content}, so messages
 * whose text is optional get a fixed sentence. Pure functions of the body (both nodes render them).
 */
final class NoteText {
    private NoteText() {}

    static String headline(MessageBody body) {
        if (body instanceof MessageBody.Acknowledgement) {
            return "Acknowledgement";
        } else if (body instanceof MessageBody.MaterialsRequest) {
            return "Request for materials";
        } else if (body instanceof MessageBody.MaterialsProvided) {
            return "Materials provided";
        } else if (body instanceof MessageBody.StatusUpdate) {
            return "Status update";
        } else if (body instanceof MessageBody.Response r) {
            return "Response: " + r.outcome().id();
        } else if (body instanceof MessageBody.Closure) {
            return "Closure";
        } else if (body instanceof MessageBody.Rejection) {
            return "Rejection";
        } else if (body instanceof MessageBody.Withdrawal) {
            return "Withdrawal";
        }
        throw new IllegalArgumentException("a filing is an incident, not a note");
    }

    static String content(MessageBody body) {
        if (body instanceof MessageBody.Acknowledgement a) {
            return orElse(a.note(), "The concern is acknowledged and taken up.");
        } else if (body instanceof MessageBody.MaterialsRequest r) {
            return r.request();
        } else if (body instanceof MessageBody.MaterialsProvided p) {
            return orElse(p.note(), "Materials provided: " + orElse(p.materials().description(), p.materials().id()) + ".");
        } else if (body instanceof MessageBody.StatusUpdate u) {
            return u.note();
        } else if (body instanceof MessageBody.Response r) {
            StringBuilder sb = new StringBuilder(r.findings());
            if (!r.actions().isEmpty()) {
                sb.append("\n\nActions taken:");
                r.actions().forEach(a -> sb.append("\n- ").append(a));
            }
            return sb.append("\n\nOutcome: ").append(r.outcome().id()).toString();
        } else if (body instanceof MessageBody.Closure c) {
            return orElse(c.note(), "The concern is closed.");
        } else if (body instanceof MessageBody.Rejection r) {
            return r.reason();
        } else if (body instanceof MessageBody.Withdrawal w) {
            return w.reason();
        }
        throw new IllegalArgumentException("a filing is an incident, not a note");
    }

    private static String orElse(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text;
    }
}
