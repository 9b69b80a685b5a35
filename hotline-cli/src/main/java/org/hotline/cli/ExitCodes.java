package org.hotline.cli;

/**
 * What {@code hotline} returns, so scripts can tell a clean run from a partial one. Documented in
 * {@code --help}.
 */
public final class ExitCodes {
    /** Everything asked for was done. */
    public static final int OK = 0;
    /**
     * Some input could not be read or parsed to the end: the report names it in its input section
     * (the terminal prints no report at all when no input could be read, only the errors). Or a
     * concern stored on the node could not be read: the others are shown, and it is named with why.
     */
    public static final int INPUT_PROBLEM = 1;
    /** The command line or configuration was wrong; nothing was done. */
    public static final int USAGE = 2;
    /** A channel action was refused (illegal transition, unknown concern, partner refused). */
    public static final int REFUSED = 3;
    /**
     * A remote service — the npm registry of {@code geo update}, a partner node — could not be reached
     * or answered wrongly (sysexits' EX_UNAVAILABLE); what was installed or stored before is unchanged.
     */
    public static final int UNAVAILABLE = 69;
    /** An output could not be written: a full disk, no permission, a closed pipe (sysexits' EX_IOERR). */
    public static final int OUTPUT_PROBLEM = 74;
    /** A bug in Hotline (please report it with the message). */
    public static final int INTERNAL = 70;
    /**
     * Stopped by a signal before any report (as a shell reports a command Ctrl-C ended: 128 + 2).
     * Under {@code analyze --follow} the first Ctrl-C or SIGTERM only ends the following, and the
     * run ends with its report and its own code; this is the second.
     */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}

    static final String HELP = """
            Exit codes:
              0   done
              1   some input failed: see the report's input section (no report on the
                  terminal when no input could be read at all, only the errors); or a
                  stored concern could not be read (the others are shown, it is named)
              2   wrong command line or configuration; nothing was done
              3   a channel action was refused (the message says why)
              69  a remote service (the npm registry, a partner node) could not be reached
                  or answered wrongly (the message names it and says why)
              70  internal error: a bug in Hotline, please report it
              74  an output could not be written (full disk, no permission; the message names it)
              130 interrupted by Ctrl-C: no report (under analyze --follow the first Ctrl-C
                  or SIGTERM ends the following and the report comes; a second one quits)""";
}
