package org.hotline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotline.InputException;
import org.hotline.source.Sources;

/**
 * Refuses, before anything is read or written, an output that would replace a file the user did not
 * mean to lose. A swapped pair of arguments ({@code analyze --html access.log report.html}) replaced
 * the user's log with the HTML report, even though the run could read nothing; an output named like
 * one of the inputs replaced what it was made from; and an events file written into a directory
 * being analysed became one of its inputs while it grew. Two outputs given one file would leave
 * only the one written last.
 *
 * <p>So an output may replace only a file of its own kind (an HTML report, an events file, materials),
 * or an empty one, and never an input. Devices and pipes are written into, never replaced, and are
 * not checked; a directory is refused at once rather than after the analysis.
 */
final class OutputGuard {
    private static final int PROBE_BYTES = 64;

    private OutputGuard() {}

    /**
     * @param inputs  the expanded inputs
     * @param outputs each output's option (which says what kind of file it writes) and the files
     *                it writes: the file, then any it is written to first
     */
    static void check(List<Sources.Input> inputs, Map<String, List<Path>> outputs) {
        Map<Path, String> taken = new HashMap<>();
        outputs.forEach((option, files) -> {
            String other = taken.putIfAbsent(files.get(0).toAbsolutePath().normalize(), option);
            if (other != null) {
                throw new InputException(option + " " + files.get(0) + ": is also the file of " + other
                        + ", and one would replace the other; give each its own file");
            }
        });
        outputs.forEach((option, files) -> {
            Path output = files.get(0);
            if (Files.isDirectory(output)) {
                // Found now, not after an analysis of many gigabytes.
                throw new InputException(option + " " + output + ": is a directory; give a file name");
            }
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    continue;   // not there yet, or a device or pipe
                }
                Sources.Input input = inputAt(file, inputs);
                if (input != null) {
                    throw new InputException(option + " " + output + ": " + (file == output
                            ? "is one of the inputs (" + input.name() + "), and writing it would replace that file;"
                                    + " nothing was read or written: give another file"
                            : file + ", where it is written first, is one of the inputs (left by a killed run?);"
                                    + " nothing was read or written: remove it, or give another file"));
                }
                String head = head(file);
                String start = printable(head);
                Kind kind = Kind.of(option);
                if (file == output && !start.isEmpty() && !kind.startsLikeOne(head)) {
                    throw new InputException(option + " " + output + ": exists and is not " + kind.description
                            + " (it starts '" + start + "'), so it is not replaced; nothing was read or written:"
                            + " remove it first, or give another file (are two arguments swapped?)");
                }
            }
        });
    }

    /** The input that is this file, or null. */
    private static Sources.Input inputAt(Path file, List<Sources.Input> inputs) {
        for (Sources.Input input : inputs) {
            if (input.path() != null && input.problem() == null && sameFile(file, input.path())) {
                return input;
            }
        }
        return null;
    }

    /**
     * What an output writes, to tell a file it may replace: HTML for --html (not any '<': an RFC 5424
     * syslog line starts with its priority, {@code <34>1}); for --events-out, an events file as it
     * writes them, which starts with the time, where a JSON log starts otherwise (EVE with
     * {@code {"timestamp"}, Cowrie with {@code {"eventid"}); for the materials, a STIX grouping as
     * they are written (any JSON was let through, and a JSON log given there was replaced). Compared
     * without white space: the materials are indented.
     */
    private enum Kind {
        HTML("an HTML report", "<!doctype html", "<html", "<!--"),
        EVENTS("an events file", "{\"time\":"),
        MATERIALS("materials", "{\"id\":\"grouping--");

        final String description;
        private final List<String> starts;

        Kind(String description, String... starts) {
            this.description = description;
            this.starts = List.of(starts);
        }

        static Kind of(String option) {
            return switch (option) {
                case "--html" -> HTML;
                case "--events-out" -> EVENTS;
                default -> MATERIALS;
            };
        }

        boolean startsLikeOne(String head) {
            String s = compact(head);
            return starts.stream().anyMatch(start -> s.startsWith(compact(start)));
        }

        private static String compact(String text) {
            return text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        }
    }

    /** The file's first bytes; empty for an empty file. */
    private static String head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(PROBE_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";   // unreadable: replacing it fails or succeeds on its own terms
        }
    }

    /** The start of {@code head} after any white space, printable, for the message; empty for an empty file. */
    private static String printable(String head) {
        StringBuilder sb = new StringBuilder();
        String text = head.strip();
        for (int i = 0; i < text.length() && sb.length() < 30; i++) {
            char c = text.charAt(i);
            sb.append(c >= 0x20 && c != 0x7f ? c : '.');
        }
        return sb.toString();
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;   // an input that cannot be read is reported as such when its turn comes
        }
    }
}
