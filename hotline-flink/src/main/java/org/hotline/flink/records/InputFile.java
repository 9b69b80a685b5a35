package org.hotline.flink.records;

import java.nio.file.Path;
import org.hotline.source.Sources;

/**
 * One input as it travels from the client, which expanded the arguments, to the subtask that reads
 * it: core's {@link Sources.Input} with its path as text, because a {@link Path} is neither a Flink
 * type nor Java-serialisable.
 *
 * @param index   the input's place in the order given, which the report keeps
 * @param name    as the user gave it (the name evidence and the report use)
 * @param path    the file to read
 * @param problem why it cannot be read (from expansion), or null
 */
public record InputFile(int index, String name, String path, String problem) {

    public static InputFile of(int index, Sources.Input input) {
        return new InputFile(index, input.name(), input.path() == null ? null : input.path().toString(), input.problem());
    }

    public Sources.Input toInput() {
        return new Sources.Input(name, path == null ? null : Path.of(path), problem);
    }
}
