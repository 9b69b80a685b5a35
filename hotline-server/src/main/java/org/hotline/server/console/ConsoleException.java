package org.hotline.server.console;

/** A request the console refuses, with the status and the reason it answers with. */
final class ConsoleException extends RuntimeException {
    private final int status;

    ConsoleException(int status, String reason) {
        super(reason);
        this.status = status;
    }

    int status() {
        return status;
    }
}
