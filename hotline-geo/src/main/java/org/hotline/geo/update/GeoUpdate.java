package org.hotline.geo.update;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.InputException;
import org.hotline.OutputException;
import org.hotline.RemoteServiceException;
import org.hotline.enrich.DatabaseInfo;
import org.hotline.geo.FileDigest;
import org.hotline.geo.csv.AsnCsvConverter;
import org.hotline.geo.mmdb.MmdbAsnEnricher;
import org.hotline.geo.mmdb.MmdbCountryEnricher;
import org.hotline.geo.update.NpmRegistry.PackageVersion;

/**
 * The logic behind {@code hotline geo update}: for each {@link GeoPackage#DEFAULTS} package, ask
 * the npm registry for the latest (or a given) version, download its tarball, verify the registry's
 * SHA-512 integrity, extract what is needed with plain Java, convert the ASN CSVs to an mmdb, check
 * the result opens and has a layout Hotline reads, and only when every package got that far move
 * the files into the target directory and rewrite {@code manifest.json} ({@link StagedInstall}). An
 * unchanged version is not downloaded again.
 *
 * <p>All or nothing: a failure at any step — the registry, a download, the integrity, the
 * conversion, the disk — leaves the previous files and manifest exactly as they were, so the
 * manifest always describes the files beside it. Each file is replaced by an atomic move, so a
 * concurrent reader sees the old or the new file, never half of one. Memory: the ASN conversion
 * needs about 0.5 GB of heap.
 */
public final class GeoUpdate {

    /** The public npm registry; tests pass a local one. */
    public static final URI NPM_REGISTRY = URI.create("https://registry.npmjs.org");

    /** Where the update reports what it is doing; lines are complete sentences for a terminal. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = line -> {};

        void message(String line);

        /** Download progress of {@code what}; {@code total} is -1 when unknown. Default: silent. */
        default void bytes(String what, long done, long total) {}
    }

    /** What happened to one database. */
    public record Change(String role, String packageName, String oldVersion, String newVersion,
                         String file, String sha256, boolean changed) {

        /** One line for the terminal: "asn: @ip-location-db/asn 2.3.1 → 2.3.2 (asn.mmdb, sha256 …)". */
        public String describe() {
            String versions = changed ? (oldVersion == null ? "new " : oldVersion + " → ") + newVersion
                    : newVersion + " (unchanged)";
            return role + ": " + packageName + " " + versions + ", " + file + ", sha256 " + sha256;
        }
    }

    /** The directory written and a change per package, in {@link GeoPackage#DEFAULTS} order. */
    public record Result(Path directory, List<Change> changes) {

        public Result {
            changes = List.copyOf(changes);
        }
    }

    private final NpmRegistry registry;
    private final List<GeoPackage> packages;
    private final Progress progress;

    public GeoUpdate(URI registryUri, Progress progress) {
        this(registryUri, GeoPackage.DEFAULTS, progress);
    }

    GeoUpdate(URI registryUri, List<GeoPackage> packages, Progress progress) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.registry = new NpmRegistry(http, registryUri);
        this.packages = List.copyOf(packages);
        this.progress = progress;
    }

    /**
     * Brings {@code directory} up to date, all packages or none: every version is asked of the
     * registry before anything is downloaded, every new file is downloaded, verified, converted and
     * opened in a staging folder, and only then are the files and the manifest moved into place
     * ({@link StagedInstall}). Any failure leaves the directory as it was.
     *
     * @param versions package name → version to install; a package not named gets its {@code latest}
     */
    public Result update(Path directory, Map<String, String> versions) {
        checkPins(versions);
        Path manifestFile = directory.resolve(GeoManifest.FILE_NAME);
        GeoManifest old = Files.isRegularFile(manifestFile) ? GeoManifest.read(manifestFile) : null;
        Map<String, GeoManifest.Entry> entries = new LinkedHashMap<>();
        if (old != null) {
            old.databases().forEach(e -> entries.put(e.role(), e));
        }
        // A version the registry does not have stops the update here, before any download.
        List<PackageVersion> wanted = new ArrayList<>();
        for (GeoPackage pkg : packages) {
            wanted.add(registry.resolve(pkg.name(), versions.get(pkg.name())));
        }
        List<Change> changes = new ArrayList<>();
        try (StagedInstall staged = StagedInstall.in(directory)) {
            for (int i = 0; i < packages.size(); i++) {
                GeoPackage pkg = packages.get(i);
                PackageVersion v = wanted.get(i);
                GeoManifest.Entry before = entries.get(pkg.role());
                if (installed(before, v, directory)) {
                    progress.message(pkg.role() + ": " + pkg.name() + " " + v.version() + " is already installed");
                    changes.add(new Change(pkg.role(), pkg.name(), before.version(), v.version(), before.file(), before.sha256(), false));
                    continue;
                }
                GeoManifest.Entry after = stage(pkg, v, staged);
                entries.put(pkg.role(), after);
                changes.add(new Change(pkg.role(), pkg.name(), before == null ? null : before.version(), v.version(),
                        after.file(), after.sha256(), true));
            }
            if (old == null || changes.stream().anyMatch(Change::changed)) {
                staged.commit(new GeoManifest(1, new ArrayList<>(entries.values())));
            }
        }
        return new Result(directory, changes);
    }

    /**
     * Every pin names a package this update installs and a version, checked before the registry is
     * asked anything: a misspelt name was ignored, and the latest version installed in its place.
     */
    private void checkPins(Map<String, String> versions) {
        List<String> names = packages.stream().map(GeoPackage::name).toList();
        for (Map.Entry<String, String> pin : versions.entrySet()) {
            if (!names.contains(pin.getKey())) {
                throw new InputException("--pin " + pin.getKey() + "=" + pin.getValue() + ": " + pin.getKey()
                        + " is not a package geo update installs; the packages that can be pinned are "
                        + String.join(", ", names));
            }
            if (pin.getValue() == null || pin.getValue().isBlank()) {
                throw new InputException("--pin " + pin.getKey() + "=: no version given (e.g. " + pin.getKey() + "="
                        + packages.get(names.indexOf(pin.getKey())).pinned() + ")");
            }
        }
    }

    /**
     * Whether {@code before} is version {@code v} and its file is still the one it describes: a file
     * replaced behind the manifest's back (or by a run killed midway, see {@link StagedInstall}) is
     * installed again rather than reported under the wrong version.
     */
    private static boolean installed(GeoManifest.Entry before, PackageVersion v, Path directory) {
        if (before == null || !v.version().equals(before.version()) || !v.integrity().equals(before.integrity())) {
            return false;
        }
        Path file = directory.resolve(before.file());
        return Files.isRegularFile(file) && FileDigest.sha256(file).equals(before.sha256());
    }

    /** Downloads, verifies, extracts, converts and opens one package in its own staging folder. */
    private GeoManifest.Entry stage(GeoPackage pkg, PackageVersion v, StagedInstall staged) {
        Path work = staged.workspace(pkg.role());
        Path tgz = work.resolve("package.tgz");
        progress.message(pkg.role() + ": downloading " + v.tarball());
        registry.download(v, tgz, (done, total) -> progress.bytes(pkg.name(), done, total));
        progress.message(pkg.role() + ": integrity verified (" + v.integrity().substring(0, 20) + "…)");
        Map<String, Path> wanted = new LinkedHashMap<>();
        for (String entry : pkg.entries()) {
            wanted.put(entry, work.resolve(entry.substring(entry.lastIndexOf('/') + 1)));
        }
        Map<String, Long> found = unpack(v, tgz, wanted);
        for (String entry : pkg.entries()) {
            if (!found.containsKey(entry)) {
                throw new RemoteServiceException(pkg.name() + " " + v.version() + ": tarball " + v.tarball() + " has no "
                        + entry + " (found " + found.keySet() + "); the package layout changed");
            }
        }
        Path file = work.resolve(pkg.output());
        String source = pkg.source(v.version());
        DatabaseInfo info;
        try {
            if (pkg.convertCsv()) {
                progress.message(pkg.role() + ": converting " + String.join(", ", pkg.entries()) + " to " + pkg.output());
                var conversion = AsnCsvConverter.convert(new ArrayList<>(wanted.values()), file,
                        buildTime(v.version()), description(pkg, v.version()));
                conversion.inputs().forEach(r -> progress.message(pkg.role() + ": " + r.file() + ": " + r.rows()
                        + " ranges, " + r.skipped() + " skipped, " + r.clipped() + " clipped"
                        + (r.firstProblems().isEmpty() ? "" : "; first: " + r.firstProblems().get(0))));
            } else {
                Files.move(wanted.values().iterator().next(), file);
            }
            info = check(pkg, file, source);
        } catch (InputException e) {
            // The package's data is what Hotline cannot read: the registry's answer is at fault, not the user.
            throw new RemoteServiceException(pkg.name() + " " + v.version() + " is not usable: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new OutputException("cannot prepare " + file + " (" + e.getMessage() + ")", e);
        }
        progress.message(pkg.role() + ": " + pkg.name() + " " + v.version() + " is ready (" + pkg.output() + ", layout "
                + info.layout() + ", built " + info.buildDate() + ")");
        staged.add(pkg.output(), file);
        return new GeoManifest.Entry(pkg.role(), pkg.output(), pkg.name(), v.version(), v.integrity(),
                info.sha256(), info.buildDate(), Instant.now().toString(), source);
    }

    /** The wanted entries of a verified tarball; one that is not a whole tar.gz is the package's fault. */
    private static Map<String, Long> unpack(PackageVersion v, Path tgz, Map<String, Path> wanted) {
        try {
            return TarGzArchive.extract(tgz, wanted);
        } catch (IOException e) {
            throw new RemoteServiceException(v.name() + " " + v.version() + ": tarball " + v.tarball()
                    + " cannot be unpacked: " + e.getMessage(), e);
        }
    }

    /** Opens the new file as the enricher will, so a file Hotline cannot read never replaces a good one. */
    private static DatabaseInfo check(GeoPackage pkg, Path staged, String source) throws IOException {
        if (pkg.role().equals("country")) {
            try (MmdbCountryEnricher e = MmdbCountryEnricher.open(staged, source)) {
                return e.info();
            }
        }
        try (MmdbAsnEnricher e = MmdbAsnEnricher.open(staged, source)) {
            return e.info();
        }
    }

    /** The mmdb description of a converted database. */
    public static String description(GeoPackage pkg, String version) {
        return "AS numbers and organisations from npm " + pkg.name() + " " + version + " (" + pkg.licence() + ")";
    }

    /**
     * ip-location-db versions end in the data's date and hour ({@code 2.3.2026061719} → 2026-06-17T19:00Z);
     * that is the build time recorded, so converting the same version twice gives the same bytes.
     */
    public static Instant buildTime(String version) {
        String last = version.substring(version.lastIndexOf('.') + 1);
        try {
            return LocalDateTime.parse(last, DateTimeFormatter.ofPattern("yyyyMMddHH")).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS); // a version without a date
        }
    }
}
