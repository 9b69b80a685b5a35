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
import org.hotline.OutputException;
import org.hotline.RemoteServiceException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads package documents from an npm registry ({@code GET <registry>/<name>}, the abbreviated
 * install form) and downloads a version's tarball, verifying its {@code dist.integrity} (SHA-512)
 * before anyone reads it.
 *
 * <p>Every way the registry can fail us — no connection, an HTTP error, a document without the
 * version asked for, a tarball that does not match its integrity — is a
 * {@link RemoteServiceException} naming the address and the reason; only writing the tarball to
 * the local disk is an {@link OutputException}.
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
        HttpResponse<InputStream> response = send(request, "the npm registry");
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new RemoteServiceException("the npm registry answered GET " + uri + " with HTTP "
                        + response.statusCode() + (response.statusCode() == 404 ? " (no package " + name + " there)" : ""));
            }
            doc = JsonMapper.shared().readTree(body);
        } catch (IOException e) {
            throw new RemoteServiceException("the npm registry broke off GET " + uri + ": " + NetworkFailure.reason(e, uri), e);
        } catch (JacksonException e) {
            throw new RemoteServiceException("the npm registry's answer to GET " + uri + " is not a package document"
                    + " (not JSON: " + e.getOriginalMessage() + ")", e);
        }
        String latest = doc.path("dist-tags").path("latest").asString(null);
        String wanted = version != null ? version : latest;
        if (wanted == null) {
            throw new RemoteServiceException("the npm registry's package document " + uri + " has no dist-tags.latest");
        }
        JsonNode entry = doc.path("versions").path(wanted);
        if (entry.isMissingNode()) {
            throw new RemoteServiceException("the npm registry " + registry + " has no version " + wanted + " of " + name
                    + (latest == null ? "" : " (its latest is " + latest + ")"));
        }
        JsonNode dist = entry.path("dist");
        String tarball = dist.path("tarball").asString(null);
        String integrity = dist.path("integrity").asString(null);
        if (tarball == null || integrity == null) {
            throw new RemoteServiceException("the npm registry's package document " + uri
                    + " has no dist.tarball/dist.integrity for version " + wanted);
        }
        URI tarballUri;
        try {
            tarballUri = URI.create(tarball);
        } catch (IllegalArgumentException e) {
            throw new RemoteServiceException("package " + name + " " + wanted + ": tarball address '" + tarball
                    + "' is not a URL; refused", e);
        }
        if (!registry.getHost().equalsIgnoreCase(tarballUri.getHost())
                || !registry.getScheme().equalsIgnoreCase(tarballUri.getScheme())) {
            throw new RemoteServiceException("package " + name + " " + wanted + ": tarball " + tarball
                    + " is not on the registry " + registry + "; refused");
        }
        return new PackageVersion(name, wanted, tarballUri, integrity);
    }

    /** Downloads the tarball to {@code target} and checks it against {@code dist.integrity}. */
    void download(PackageVersion v, Path target, DownloadProgress progress) {
        if (!v.integrity().startsWith("sha512-")) {
            throw new RemoteServiceException(v.name() + " " + v.version() + ": unsupported integrity '" + v.integrity()
                    + "' (want sha512-...); refused");
        }
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(v.integrity().substring("sha512-".length()));
        } catch (IllegalArgumentException e) {
            throw new RemoteServiceException(v.name() + " " + v.version() + ": integrity '" + v.integrity()
                    + "' is not base64; refused", e);
        }
        HttpRequest request = HttpRequest.newBuilder(v.tarball()).timeout(Duration.ofMinutes(10)).GET().build();
        MessageDigest sha512;
        try {
            sha512 = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-512", e);
        }
        HttpResponse<InputStream> response = send(request, "the tarball's server");
        try (InputStream in = new DigestInputStream(response.body(), sha512)) {
            if (response.statusCode() != 200) {
                throw new RemoteServiceException("downloading " + v.tarball() + ": HTTP " + response.statusCode());
            }
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            copy(in, target, total, progress);
        } catch (IOException e) {
            throw new RemoteServiceException("downloading " + v.tarball() + " broke off: " + NetworkFailure.reason(e, v.tarball()), e);
        }
        if (!MessageDigest.isEqual(expected, sha512.digest())) {
            throw new RemoteServiceException(v.name() + " " + v.version() + ": tarball " + v.tarball()
                    + " does not match its dist.integrity " + v.integrity() + "; refused");
        }
    }

    /** The body into {@code target}: a read that fails is the network's (thrown), a write the disk's. */
    private static void copy(InputStream in, Path target, long total, DownloadProgress progress) throws IOException {
        OutputStream out;
        try {
            out = Files.newOutputStream(target);
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
        try (out) {
            byte[] buffer = new byte[1 << 16];
            long done = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw cannotWrite(target, e);
                }
                done += n;
                progress.bytes(done, total);
            }
        }
    }

    private static OutputException cannotWrite(Path target, IOException e) {
        return new OutputException("cannot write " + target + " (" + e.getMessage() + ")", e);
    }

    private HttpResponse<InputStream> send(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new RemoteServiceException("cannot reach " + what + ": GET " + request.uri() + ": "
                    + NetworkFailure.reason(e, request.uri()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteServiceException("interrupted waiting for GET " + request.uri(), e);
        }
    }
}
