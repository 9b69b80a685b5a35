package org.hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hotline serve} in its own process starts the operator console beside the TAXII server: its
 * address in the log, and with the token in {@code console.url}; the token kept owner-only across
 * restarts; the API closed without it. A non-loopback {@code --console} is refused before anything starts.
 */
class ServeConsoleIT {
    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serveOpensTheConsoleOnLoopbackWithItsTokenAndKeepsTheTokenAcrossRestarts() throws Exception {
        try (TestNode ru = new TestNode(dir, "RU-CERT", "RU")) {
            Path urlFile = ru.home.resolve("console.url");
            String first = null;
            for (int run = 0; run < 2; run++) {
                Files.deleteIfExists(urlFile);
                if (run == 1) {
                    // A home made before party init made it owner-only: serve says so, once, at start.
                    Files.setPosixFilePermissions(ru.home, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
                Path err = dir.resolve("serve" + run + ".err");
                Process serve = Cli.start(dir.resolve("serve" + run + ".out"), err, "serve", "--home", ru.home.toString());
                try {
                    while (!Files.exists(urlFile)) {
                        assertThat(serve.isAlive()).as("serve is running: %s", Files.readString(err)).isTrue();
                        Thread.sleep(20);
                    }
                    String url = Files.readString(urlFile).trim();
                    assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/#token=[A-Za-z0-9_-]{43}");
                    String base = url.substring(0, url.indexOf('#'));
                    String token = url.substring(url.indexOf("#token=") + 7);
                    // The log says where, not the token: logs are read by more people than the node's home.
                    assertThat(Files.readString(err)).contains("operator console at " + base + " ", "console.url").doesNotContain(token);
                    assertThat(Files.readString(ru.home.resolve("console.token")).trim()).isEqualTo(token);
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ru.home.resolve("console.token")))).isEqualTo("rw-------");
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(urlFile))).isEqualTo("rw-------");
                    // The store beside them holds what the console shows, to whoever can read it.
                    if (run == 0) {
                        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ru.home))).as("the home").isEqualTo("rwx------");
                        assertThat(Files.readString(err)).doesNotContain("chmod");
                    } else {
                        assertThat(Files.readString(err)).contains("readable by other users", "chmod 700 " + ru.home);
                    }
                    if (first == null) {
                        first = token;
                    } else {
                        assertThat(token).as("the same token after a restart").isEqualTo(first);
                    }

                    HttpResponse<String> node = get(base + "api/node", token);
                    assertThat(node.statusCode()).isEqualTo(200);
                    assertThat(Json.MAPPER.readTree(node.body()).get("party").get("name").asString()).isEqualTo("RU-CERT");
                    assertThat(get(base + "api/concerns", null).statusCode()).isEqualTo(401);
                    assertThat(get(base, null).body()).contains("console.js");
                } finally {
                    serve.destroy();
                    assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
                }
            }
        }
    }

    @Test
    void aConsoleAddressOffLoopbackIsRefusedWithTheWayToReachItInstead() throws Exception {
        try (TestNode ru = new TestNode(dir, "RU-CERT", "RU")) {
            Cli.Run r = Cli.run("serve", "--home", ru.home.toString(), "--console", "0.0.0.0:8470");
            assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("loopback only", "ssh -L").doesNotContain("Exception");
            assertThat(ru.home.resolve("console.url")).doesNotExist();
        }
    }
}
