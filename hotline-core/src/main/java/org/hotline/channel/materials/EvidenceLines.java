package org.hotline.channel.materials;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.InputException;
import org.hotline.channel.Materials;
import org.hotline.event.InputPosition;
import org.hotline.source.LineBlock;
import org.hotline.source.Source;
import org.hotline.source.StreamSource;

/**
 * Reads evidence lines back from the analysed files (gzip included) and the SHA-256 of each file
 * as stored, so the counterpart can check it holds the same file. One pass per file.
 *
 * <p>Standard input cannot be read twice: its excerpts are left out (and the materials say how many
 * excerpts they hold); so are those of the inputs the caller names as not to be read again.
 */
public final class EvidenceLines {
    private final Set<String> notReread;

    public EvidenceLines() {
        this(Set.of());
    }

    /**
     * @param notReread inputs whose lines cannot be found again by their numbers: a file followed
     *                  through a rotation or truncation ({@code analyze --follow}) has line numbers
     *                  that run on across files, and its name now holds another file
     */
    public EvidenceLines(Set<String> notReread) {
        this.notReread = Set.copyOf(notReread);
    }

    public List<Materials.LogExcerpt> read(List<InputPosition> positions) {
        Map<String, Set<Long>> byFile = new HashMap<>();
        for (InputPosition p : positions) {
            if (!p.file().equals("-") && !notReread.contains(p.file())) {
                byFile.computeIfAbsent(p.file(), f -> new HashSet<>()).add(p.line());
            }
        }
        Map<InputPosition, String> text = new HashMap<>();
        Map<String, String> digests = new HashMap<>();
        for (Map.Entry<String, Set<Long>> e : byFile.entrySet()) {
            Path path = Path.of(e.getKey());
            digests.put(e.getKey(), sha256(path));
            collect(path, e.getKey(), e.getValue(), text);
        }
        List<Materials.LogExcerpt> out = new ArrayList<>();
        for (InputPosition p : positions) {
            String line = text.get(p);
            if (line != null) {
                out.add(new Materials.LogExcerpt(p.file(), digests.get(p.file()), p.line(), line));
            }
        }
        return out;
    }

    private static void collect(Path path, String name, Set<Long> lines, Map<InputPosition, String> text) {
        try (Source source = StreamSource.open(path, name)) {
            for (LineBlock b = source.next(); b != null; b = source.next()) {
                long first = b.firstLine();
                long last = first + b.lineCount() - 1;
                if (lines.stream().anyMatch(l -> l >= first && l <= last)) {
                    b.forEachLine(l -> {
                        if (lines.contains(l.number())) {
                            text.put(new InputPosition(name, l.number()), l.text());
                        }
                    });
                }
            }
        } catch (IOException e) {
            throw new InputException(name + ": cannot re-read evidence lines (" + e.getMessage() + ")", e);
        }
    }

    static String sha256(Path path) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new InputException(path + ": cannot hash for the materials (" + e.getMessage() + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA-256 is required of every JDK", e);
        }
    }
}
