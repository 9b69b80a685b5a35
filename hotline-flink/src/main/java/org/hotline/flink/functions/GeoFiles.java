package org.hotline.flink.functions;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.hotline.geo.DatabaseFile;
import org.hotline.geo.GeoSources;

/**
 * The geo databases the client chose (the user's files, else the defaults {@code hotline analyze}
 * uses), as text, for the subtask that enriches: a function travels to the cluster by Java
 * serialisation, which a {@link Path} does not survive. The files must be readable at these paths
 * where that subtask runs.
 */
public record GeoFiles(List<File> country, List<File> asn, String torExits) implements Serializable {

    /** One database file and its provenance, as in {@link DatabaseFile}. */
    public record File(String path, String source) implements Serializable {}

    public GeoFiles {
        country = List.copyOf(country);
        asn = List.copyOf(asn);
    }

    public static GeoFiles of(GeoSources sources) {
        return new GeoFiles(files(sources.country()), files(sources.asn()),
                sources.torExits() == null ? null : sources.torExits().toString());
    }

    public GeoSources toSources() {
        return new GeoSources(databases(country), databases(asn), torExits == null ? null : Path.of(torExits));
    }

    private static List<File> files(List<DatabaseFile> databases) {
        return databases.stream().map(d -> new File(d.path().toString(), d.source())).toList();
    }

    private static List<DatabaseFile> databases(List<File> files) {
        return files.stream().map(f -> new DatabaseFile(Path.of(f.path()), f.source())).toList();
    }
}
