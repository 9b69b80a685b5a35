package org.hotline.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs one directory or pattern argument stands for: a file for each file the walk found, and
 * an input that failed for each path it could not list or examine, so the report names it, the run
 * ends with exit 1, and everything readable beside it is still analysed.
 */
final class WalkedInputs implements TreeWalk.Found {
    private final Path relativeTo;
    private final List<Sources.Input> inputs = new ArrayList<>();

    /** @param relativeTo null to name each input by its path as walked; else the root to name them from */
    WalkedInputs(Path relativeTo) {
        this.relativeTo = relativeTo;
    }

    @Override
    public void file(Path file) {
        Path path = name(file);
        inputs.add(new Sources.Input(path.toString(), path, null));
    }

    @Override
    public void failed(Path path, String problem) {
        Path name = name(path);
        inputs.add(new Sources.Input(name.toString(), name, problem));
    }

    private Path name(Path path) {
        if (relativeTo == null) {
            return path;
        }
        Path relative = relativeTo.relativize(path);
        return relative.toString().isEmpty() ? path : relative;   // the root itself failed: "."
    }

    /**
     * @param argument as given, for when the walk found nothing and nothing failed
     * @param nothing  what to say then, e.g. "no file matches this pattern"
     */
    List<Sources.Input> inputs(String argument, Path path, String nothing) {
        return inputs.isEmpty() ? List.of(new Sources.Input(argument, path, nothing)) : List.copyOf(inputs);
    }
}
