package org.hotline.server;

import java.util.Locale;
import org.hotline.channel.ChannelException;

/**
 * How a refused channel object is answered over TAXII. The status tells a client whether to retry:
 * 409 for a message that does not (yet) fit the concern here (out of order, a concern or channel this
 * node does not know yet: a later delivery may succeed); 422 for content that can never be taken
 * (malformed, badly signed, a step the lifecycle forbids, a fork settled against it: "diverged",
 * which a 409 had the sender retry for ever); 403 for an author or terms the channel
 * does not allow. The reason goes in the error's {@code error_code}, e.g. "bad-signature".
 */
public final class ChannelRefusals {
    private ChannelRefusals() {}

    public static int status(ChannelException.Reason reason) {
        return switch (reason) {
            case INVALID, BAD_SIGNATURE, ILLEGAL_TRANSITION, DIVERGED -> 422;
            case FORBIDDEN, NOT_ALLOWED_BY_TERMS -> 403;
            case BROKEN_CHAIN, CONFLICT, NOT_FOUND -> 409;
        };
    }

    public static String code(ChannelException.Reason reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static TaxiiException toTaxii(ChannelException e) {
        String title = switch (status(e.reason())) {
            case 403 -> "Forbidden";
            case 409 -> "Conflict";
            default -> "Unprocessable Content";
        };
        return new TaxiiException(status(e.reason()), title, code(e.reason()), e.getMessage());
    }
}
