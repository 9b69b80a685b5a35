package org.hotline;

/**
 * A problem with what the user gave us — a missing, unreadable, truncated, binary or unknown-format
 * input, a bad option value — stated so the user can fix it: the message names the file (and line,
 * where there is one) and the rule. The CLI prints the message without a stack trace and exits
 * non-zero; whatever was analysed before is still reported.
 */
public class InputException extends HotlineException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
