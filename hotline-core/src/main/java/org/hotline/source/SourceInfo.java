package org.hotline.source;

/**
 * What is known about an input before reading it.
 *
 * @param name         as the user gave it ("-" for stdin)
 * @param size         bytes on disk (compressed size for .gz), -1 when unknown (pipes)
 * @param lastModified epoch millis of the file's mtime, -1 when unknown; syslog lines without a year
 *                     take theirs from it unless {@code --year} is given
 * @param compressed   true when the input is gzip data (detected by its magic bytes, not its name)
 */
public record SourceInfo(String name, long size, long lastModified, boolean compressed) {

    /** An input that could not be opened: only its name is known. */
    public static SourceInfo unopened(String name) {
        return new SourceInfo(name, -1, -1, false);
    }
}
