package org.hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code analyze --follow} on the real thing: nginx writing its access log under a stream of
 * requests, rotated by logrotate the way Debian's own nginx configuration does it (rename, create,
 * then USR1 to make nginx reopen the log), with nginx still writing into the renamed file for half a
 * second. Every line nginx wrote, in both files, must be in the report, and the rotation named at
 * the line where the new file began.
 *
 * <p>Needs {@code /usr/sbin/nginx} and {@code /usr/sbin/logrotate} (Debian: {@code apt-get install
 * nginx-light logrotate}; .ci/run installs them). Without them it is skipped, saying why, unless
 * {@code HOTLINE_NGINX_TESTS=required} (set by .ci/run), where it fails instead.
 */
class FollowNginxIT {
    private static final String NGINX = "/usr/sbin/nginx";
    private static final String LOGROTATE = "/usr/sbin/logrotate";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private Path nginxConf;

    @AfterEach
    void stopNginx() throws Exception {
        if (nginxConf != null && Files.exists(dir.resolve("nginx.pid"))) {
            new ProcessBuilder(NGINX, "-c", nginxConf.toString(), "-s", "stop").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static long lines(Path file) throws Exception {
        try (var s = Files.lines(file)) {
            return s.count();
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), out).isZero();
    }

    @Test
    void everyLineNginxWroteAcrossALogrotateIsInTheReport() throws Exception {
        boolean present = new File(NGINX).canExecute() && new File(LOGROTATE).canExecute();
        if (!present) {
            String why = "no " + NGINX + " or " + LOGROTATE + " (apt-get install nginx-light logrotate)";
            if ("required".equals(System.getenv("HOTLINE_NGINX_TESTS"))) {
                throw new AssertionError("HOTLINE_NGINX_TESTS=required, but " + why);
            }
            Assumptions.abort("nginx test skipped: " + why);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // nginx's workers (not root) reopen the log after USR1: they must be able to reach it.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path log = logs.resolve("access.log");
        Path temp = Files.createDirectories(dir.resolve("tmp"));
        nginxConf = dir.resolve("nginx.conf");
        Files.writeString(nginxConf, """
                daemon on;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 256; }
                http {
                  access_log %2$s combined;
                  client_body_temp_path %3$s; proxy_temp_path %3$s; fastcgi_temp_path %3$s;
                  uwsgi_temp_path %3$s; scgi_temp_path %3$s;
                  server { listen 127.0.0.1:%4$d; return 200 "ok\\n"; }
                }
                """.formatted(dir, log, temp, port));
        // As Debian's /etc/logrotate.d/nginx does it, with the reopening half a second late.
        Path rotateConf = dir.resolve("logrotate.conf");
        Files.writeString(rotateConf, """
                %s {
                  rotate 5
                  create 0644
                  missingok
                  postrotate
                    sleep 0.5; kill -USR1 $(cat %s/nginx.pid)
                  endscript
                }
                """.formatted(log, dir));
        run(NGINX, "-c", nginxConf.toString());

        HttpClient client = HttpClient.newHttpClient();
        // The first request before Hotline starts: the log exists and has a line.
        client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(), HttpResponse.BodyHandlers.discarding());
        Path out = dir.resolve("report.json");
        Path err = dir.resolve("err.txt");
        Process hotline = Cli.start(out, err, "analyze", "--follow", "--json", "--progress-json", log.toString());
        AtomicBoolean sending = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        try {
            while (!Files.readString(err).contains("\"linesRead\":1,")) {
                assertThat(hotline.isAlive()).as(Files.readString(err)).isTrue();
                Thread.sleep(20);
            }
            for (int c = 0; c < 4; c++) {
                int n = c;
                Thread t = new Thread(() -> {
                    for (long i = 0; sending.get(); i++) {
                        // Probes among the pages, so the detectors have something to find.
                        String path = i % 50 == 0 ? "/../../etc/passwd" : i % 7 == 0 ? "/wp-login.php" : "/page/" + n + "/" + i;
                        try {
                            client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                                    HttpResponse.BodyHandlers.discarding());
                        } catch (java.io.IOException e) {
                            // nginx answers "/../" with 400 and closes the connection: logged all the same.
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                t.start();
                clients.add(t);
            }
            Thread.sleep(1500);
            run(LOGROTATE, "-f", "-s", dir.resolve("logrotate.state").toString(), rotateConf.toString());
            Thread.sleep(1500);
            sending.set(false);
            for (Thread t : clients) {
                t.join();
            }
            hotline.destroy();   // SIGTERM: every line nginx wrote is in the log by now (it writes each request at its end)
            assertThat(hotline.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            sending.set(false);
            hotline.destroyForcibly();
        }

        assertThat(hotline.exitValue()).as(Files.readString(err)).isZero();
        long before = lines(logs.resolve("access.log.1"));
        long after = lines(log);
        assertThat(before + after).as("requests nginx logged").isGreaterThan(1000);
        assertThat(before).as("lines nginx wrote before the rotation, some into the renamed file").isPositive();
        assertThat(after).as("lines nginx wrote after it reopened its log").isPositive();
        JsonNode report = JSON.readTree(Files.readString(out));
        JsonNode input = report.path("input").get(0);
        assertThat(input.path("lines").asLong()).isEqualTo(before + after);
        assertThat(input.path("parsed").asLong()).isEqualTo(before + after);
        assertThat(report.path("warnings").get(0).asString()).contains("until SIGTERM")
                .contains("replaced by a new file (rotated) at line " + String.format(Locale.ROOT, "%,d", before + 1) + ":");
        assertThat(report.path("attacks").path("byType").toString()).contains("\"type\":\"web-exploit\"");
    }
}
