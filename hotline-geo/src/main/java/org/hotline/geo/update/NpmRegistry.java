package org.hotline.geo.update;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import org.hotline.HotlineException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads package documents from an npm registry ({@code GET <registry>/<name>}, the abbreviated
 * install form) and downloads a version's tarball, verifying its {@code dist.integrity} (SHA-512)
 * before anyone reads it.
 *
 * <p>Hazard: a tarball URL on another host than the registry is refused, so a tampered package
 * document cannot send the download elsewhere; integrity other than sha512 is refused too.
 */
final class NpmRegistry {

    /** A version of a package as the registry describes it. */
    record PackageVersion(String name, String version, URI tarball, String integrity) {}

    /** Called as bytes arrive; {@code total} is -1 when the server does not say. */
    interface DownloadProgress {
        void bytes(long done, long total);
    }

    private final HttpClient http;
    private final URI registry;

    NpmRegistry(HttpClient http, URI registry) {
        this.http = http;
        this.registry = registry;
    }

    /** The {@code version} of {@code name}, or its {@code latest} dist-tag when {@code version} is null. */
    PackageVersion resolve(String name, String version) {
        URI uri = URI.create(registry.toString().replaceAll("/$", "") + "/"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("%40", "@"));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8").GET().build();
        JsonNode doc;
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new HotlineException("npm registry " + uri + ": HTTP " + response.statusCode());
                }
                doc = JsonMapper.shared().readTree(body);
            }
        } catch (IOException e) {
            throw new HotlineException("reading package document " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HotlineException("interrupted reading " + uri, e);
        } catch (JacksonException e) {
            throw new HotlineException("package document " + uri + " is not JSON: " + e.getOriginalMessage(), e);
        }
        String wanted = version != null ? version : doc.path("dist-tags").path("latest").asString(null);
        if (wanted == null) {
            throw new HotlineException("package document " + uri + " has no dist-tags.latest");
        }
        JsonNode dist = doc.path("versions").path(wanted).path("dist");
        String tarball = dist.path("tarball").asString(null);
        String integrity = dist.path("integrity").asString(null);
        if (tarball == null || integrity == null) {
            throw new HotlineException("package document " + uri + " has no dist.tarball/dist.integrity for version " + wanted);
        }
        URI tarballUri = URI.create(tarball);
        if (!registry.getHost().equalsIgnoreCase(tarballUri.getHost())
                || !registry.getScheme().equalsIgnoreCase(tarballUri.getScheme())) {
            throw new HotlineException("package " + name + " " + wanted + ": tarball " + tarball
                    + " is not on the registry " + registry + "; refused");
        }
        return new PackageVersion(name, wanted, tarballUri, integrity);
    }

    /** Downloads the tarball to {@code target} and checks it against {@code dist.integrity}. */
    void download(PackageVersion v, Path target, DownloadProgress progress) {
        if (!v.integrity().startsWith("sha512-")) {
            throw new HotlineException(v.name() + " " + v.version() + ": unsupported integrity '" + v.integrity() + "' (want sha512-...)");
        }
        byte[] expected = Base64.getDecoder().decode(v.integrity().substring("sha512-".length()));
        HttpRequest request = HttpRequest.newBuilder(v.tarball()).timeout(Duration.ofMinutes(10)).GET().build();
        MessageDigest sha512;
        try {
            sha512 = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-512", e);
        }
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            try (InputStream in = new DigestInputStream(response.body(), sha512); OutputStream out = Files.newOutputStream(target)) {
                if (response.statusCode() != 200) {
                    throw new HotlineException("downloading " + v.tarball() + ": HTTP " + response.statusCode());
                }
                byte[] buffer = new byte[1 << 16];
                long done = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    done += n;
                    progress.bytes(done, total);
                }
            }
        } catch (IOException e) {
            throw new HotlineException("downloading " + v.tarball(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HotlineException("interrupted downloading " + v.tarball(), e);
        }
        if (!MessageDigest.isEqual(expected, sha512.digest())) {
            throw new HotlineException(v.name() + " " + v.version() + ": tarball " + v.tarball()
                    + " does not match its dist.integrity " + v.integrity() + "; refused");
        }
    }
}
