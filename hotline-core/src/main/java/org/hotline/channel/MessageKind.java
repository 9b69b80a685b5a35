package org.hotline.channel;

import java.util.Locale;

/** The kinds of message in a concern's history, one per {@link MessageBody} record. */
public enum MessageKind {
    FILING, ACKNOWLEDGEMENT, MATERIALS_REQUEST, MATERIALS_PROVIDED, STATUS_UPDATE, RESPONSE, CLOSURE,
    REJECTION, WITHDRAWAL;

    public static MessageKind of(MessageBody body) {
        if (body instanceof MessageBody.Filing) {
            return FILING;
        } else if (body instanceof MessageBody.Acknowledgement) {
            return ACKNOWLEDGEMENT;
        } else if (body instanceof MessageBody.MaterialsRequest) {
            return MATERIALS_REQUEST;
        } else if (body instanceof MessageBody.MaterialsProvided) {
            return MATERIALS_PROVIDED;
        } else if (body instanceof MessageBody.StatusUpdate) {
            return STATUS_UPDATE;
        } else if (body instanceof MessageBody.Response) {
            return RESPONSE;
        } else if (body instanceof MessageBody.Closure) {
            return CLOSURE;
        } else if (body instanceof MessageBody.Rejection) {
            return REJECTION;
        } else if (body instanceof MessageBody.Withdrawal) {
            return WITHDRAWAL;
        }
        throw new AssertionError("unhandled message body " + body);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static MessageKind parse(String id) {
        for (MessageKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown message kind '" + id + "'");
    }
}
