package org.hotline.source;

/**
 * Tells a binary file from a text log by its first bytes. A NUL alone does not decide it: a syslog
 * file that lived through a crash or a power cut holds a run of NULs where the lost writes were
 * (the file system had grown it, the data never came), and the lines around the run are a log like
 * any other; refusing the whole file for it lost them all, while the same run further in cost one
 * skipped line. Binary formats (images, executables, databases, archives, UTF-16 text) have NULs
 * scattered in many runs, control bytes, or no line at all.
 */
final class TextProbe {
    /** How much of an input's start is looked at: the first 8 KiB. */
    static final int PROBE_BYTES = 8192;
    /** More separate runs of NULs than this in the probe: binary. A crash leaves one or two. */
    static final int MAX_NUL_RUNS = 8;

    private TextProbe() {}

    /**
     * The offset of the first NUL if the start of {@code b[0, length)} (its first {@link #PROBE_BYTES})
     * looks binary; -1 if it is text.
     */
    static int binaryAt(byte[] b, int length) {
        length = Math.min(length, PROBE_BYTES);
        int firstNul = -1;
        int runs = 0;
        int controls = 0;
        int newlines = 0;
        boolean inRun = false;
        for (int i = 0; i < length; i++) {
            byte c = b[i];
            if (c == 0) {
                if (!inRun) {
                    runs++;
                    inRun = true;
                    firstNul = firstNul < 0 ? i : firstNul;
                }
                continue;
            }
            inRun = false;
            if (c == '\n') {
                newlines++;
            } else if (isControl(c)) {
                controls++;
            }
        }
        if (firstNul < 0) {
            return -1;
        }
        // Control bytes other than white space and ESC (colour codes) make up more than 1 %: binary.
        boolean text = runs <= MAX_NUL_RUNS && newlines > 0 && controls * 100L <= length;
        return text ? -1 : firstNul;
    }

    private static boolean isControl(byte c) {
        return (c > 0 && c < 0x20 && c != '\t' && c != '\r' && c != '\f' && c != 0x0b && c != 0x1b) || c == 0x7f;
    }
}
