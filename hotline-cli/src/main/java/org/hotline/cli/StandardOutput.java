package org.hotline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.InputException;

/**
 * An output file option (--events-out, --html, --materials-out) that names standard output: {@code -},
 * as inputs take it for standard input, {@code /dev/stdout} and its aliases, or the file standard
 * output is redirected to. Before, {@code --events-out -} wrote a file named "-" in the current
 * directory, and {@code --events-out /dev/stdout} put the events and the report into one stream,
 * which neither a SIEM nor a JSON reader could take apart.
 *
 * <p>So one output at most may take standard output, and then the report goes to standard error
 * (the terminal table, beside the progress bar and messages), or, asked for as JSON or CSV, which
 * scripts read from standard output, the run is refused before anything is read.
 */
final class StandardOutput {
    /** Where an output that takes standard output is written: a device, written into, not replaced ({@link OutputFile}). */
    static final Path DEVICE = Path.of("/dev/stdout");
    private static final Set<String> NAMES = Set.of("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1");

    private StandardOutput() {}

    /** Whether {@code file} names standard output. */
    static boolean named(Path file) {
        if (NAMES.contains(file.toString())) {
            return true;
        }
        // The file standard output was redirected to (`> out.jsonl --events-out out.jsonl`); a device
        // such as /dev/null may be standard output too, but writing to it twice mixes nothing.
        try {
            return Files.isRegularFile(file) && Files.isSameFile(file, DEVICE);
        } catch (IOException | SecurityException e) {
            return false;   // standard output closed, or not a file: not this one
        }
    }

    /**
     * The option among {@code outputs} (option → file, null when not given) that takes standard
     * output, or null when none does.
     *
     * @param reportFormat the report's format on standard output: terminal, json or csv
     * @throws InputException when two outputs name it, or one does beside a JSON or CSV report
     */
    static String claimant(Map<String, Path> outputs, String reportFormat) {
        List<String> claimants = new ArrayList<>();
        outputs.forEach((option, file) -> {
            if (file != null && named(file)) {
                claimants.add(option);
            }
        });
        if (claimants.isEmpty()) {
            return null;
        }
        String first = claimants.get(0) + " " + outputs.get(claimants.get(0));
        if (claimants.size() > 1) {
            throw new InputException(first + " and " + claimants.get(1) + " " + outputs.get(claimants.get(1))
                    + ": both name standard output, where only one can go; give the other a file");
        }
        if (!reportFormat.equals("terminal")) {
            throw new InputException(first + ": names standard output, where the --" + reportFormat
                    + " report goes; give it a file, or leave out --" + reportFormat + " to have the report on"
                    + " standard error");
        }
        return claimants.get(0);
    }
}
