package org.hotline.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.InputException;

/**
 * Turns what the user typed (files, directories, quoted globs, "-") into inputs, in a stable order.
 * Expansion never fails as a whole: an argument that names nothing, and a directory below one that
 * cannot be listed, becomes an {@link Input} with a problem, reported for itself while everything
 * else is analysed.
 */
public final class Sources {
    private Sources() {}

    /**
     * One input to analyse.
     *
     * @param name    how reports refer to it: the path as given, or "-"
     * @param path    null for standard input
     * @param problem why it cannot be read, or null
     */
    public record Input(String name, Path path, String problem) {
        public boolean isStdin() {
            return path == null && problem == null;
        }
    }

    public static List<Input> expand(List<String> arguments) {
        List<Input> inputs = new ArrayList<>();
        for (String arg : arguments) {
            if (arg.equals("-")) {
                inputs.add(new Input("-", null, null));
                continue;
            }
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                WalkedInputs found = new WalkedInputs(null);
                TreeWalk.walk(path, DIRECTORY, found);
                inputs.addAll(found.inputs(arg, path, "directory holds no readable files"));
            } else if (!Files.exists(path) && isGlob(arg)) {
                inputs.addAll(glob(arg, path));
            } else {
                inputs.add(new Input(arg, path, Files.exists(path) ? null : "no such file"));
            }
        }
        return inputs;
    }

    /**
     * The inputs with each file once, and a line for each one dropped. A file named twice (a
     * directory and a file in it, overlapping globs, a link beside its target, a hard link) was read
     * twice: every event counted twice, and a detector's threshold met by half the real attempts.
     *
     * @param inputs  as {@link #expand} gives them; the first of each file is kept, in order
     * @param repeats what was dropped and why, e.g. "logs/a.log is the same file as a.log: read once"
     */
    public record Once(List<Input> inputs, List<String> repeats) {}

    public static Once once(List<Input> inputs) {
        List<Input> kept = new ArrayList<>();
        List<String> repeats = new ArrayList<>();
        Map<Object, String> seen = new HashMap<>();
        String stdin = null;
        for (Input in : inputs) {
            if (in.isStdin()) {
                if (stdin != null) {
                    repeats.add("standard input (-) is given more than once: read once");
                    continue;
                }
                stdin = in.name();
            } else if (in.problem() == null) {
                String first = seen.putIfAbsent(identity(in.path()), in.name());
                if (first != null) {
                    repeats.add(first.equals(in.name()) ? in.name() + " is given more than once: read once"
                            : in.name() + " is the same file as " + first + ": read once");
                    continue;
                }
            } else if (in.path() != null && seen.putIfAbsent(List.of("failed", identity(in.path())), in.name()) != null) {
                // An unreadable directory inside two arguments (logs and logs/web) failed once: listing
                // it twice made two failures of one.
                continue;
            }
            kept.add(in);
        }
        return new Once(List.copyOf(kept), List.copyOf(repeats));
    }

    /** What makes two paths one file: its device and inode where the system has them, else its real path. */
    private static Object identity(Path path) {
        try {
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            return key != null ? key : path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();   // opening it will say what is wrong
        }
    }

    /** Opens an input; throws {@link InputException} naming it if it cannot be read. */
    public static Source open(Input input, InputStream stdin) {
        return open(input, stdin, null);
    }

    /** Like {@link #open(Input, InputStream)}, its block buffers from {@code buffers} (null: new ones). */
    public static Source open(Input input, InputStream stdin, BlockBuffers buffers) {
        if (input.problem() != null) {
            throw new InputException(input.name() + ": " + input.problem());
        }
        return input.isStdin() ? StreamSource.stdin(stdin, buffers) : StreamSource.open(input.path(), input.name(), buffers);
    }

    static boolean isGlob(String arg) {
        return arg.indexOf('*') >= 0 || arg.indexOf('?') >= 0 || arg.indexOf('[') >= 0 || arg.indexOf('{') >= 0;
    }

    /**
     * What a directory argument stands for: every file below it, with hidden files and directories
     * (names starting with ".") left out. Hidden directories were walked into while dotfiles were
     * skipped, so a git checkout among the logs gave an error for each file in .git (25 of them). The
     * directory named on the command line is read whatever its name: the rule is for what it holds.
     */
    static final TreeWalk.Scope DIRECTORY = new TreeWalk.Scope() {
        @Override
        public boolean takes(Path relative) {
            return !hidden(relative);
        }

        @Override
        public boolean enters(Path relative) {
            return !hidden(relative);
        }

        private boolean hidden(Path relative) {
            return relative.getFileName().toString().startsWith(".");
        }
    };

    private static List<Input> glob(String argument, Path path) {
        GlobPattern pattern = GlobPattern.parse(argument);
        if (!Files.isDirectory(pattern.base())) {
            return List.of(new Input(argument, path, "no file matches this pattern"));
        }
        WalkedInputs found = new WalkedInputs(pattern.namedFrom());
        TreeWalk.walk(pattern.base(), pattern, found);
        return found.inputs(argument, path, "no file matches this pattern");
    }
}
