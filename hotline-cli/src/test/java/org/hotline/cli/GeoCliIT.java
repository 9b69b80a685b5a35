package org.hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code hotline geo ...} as a user runs it. {@code geo update} always gets {@code --dir} in a
 * temporary directory and a registry on this machine, so no test touches the network or the user's
 * installed databases.
 */
class GeoCliIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path BUNDLED = Cli.HOME.resolve("data/geo");

    @TempDir
    Path dir;

    /** A copy of the bundled installation (manifest and databases), as `geo update` would find one. */
    private Path installed() throws Exception {
        Path geo = Files.createDirectories(dir.resolve("geo"));
        try (Stream<Path> files = Files.list(BUNDLED)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, geo.resolve(f.getFileName()));
            }
        }
        return geo;
    }

    /** Every file of a directory with its bytes, to compare an installation before and after. */
    private static Map<String, String> contents(Path directory) throws Exception {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.toList()) {
                all.put(f.getFileName().toString(), Files.isRegularFile(f)
                        ? java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)))
                        : "(not a file)");
            }
        }
        return all;
    }

    /**
     * No registry listening, and one that answers 404: exit 69 with one line naming the address and the
     * reason, no stack trace, and the installation as it was (it was exit 70, "a bug in Hotline").
     */
    @Test
    void aRegistryThatCannotBeReachedOrAnswersWronglyExits69AndChangesNothing() throws Exception {
        Path geo = installed();
        Map<String, String> before = contents(geo);
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }

        Cli.Run refused = Cli.run("geo", "update", "--dir", geo.toString(), "--registry", "http://127.0.0.1:" + port);

        assertThat(refused.exit()).as(refused.err()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(refused.err()).isEqualTo("hotline: cannot reach the npm registry: GET http://127.0.0.1:" + port
                + "/@ip-location-db%2Fgeo-whois-asn-country-mmdb: cannot connect to 127.0.0.1:" + port + " (connection refused)\n");
        assertThat(refused.out()).isEmpty();
        assertThat(contents(geo)).isEqualTo(before);

        HttpServer empty = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        empty.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        empty.start();
        try {
            String registry = "http://127.0.0.1:" + empty.getAddress().getPort();
            Cli.Run missing = Cli.run("geo", "update", "--dir", geo.toString(), "--registry", registry);
            assertThat(missing.exit()).as(missing.err()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(missing.err()).isEqualTo("hotline: the npm registry answered GET " + registry
                    + "/@ip-location-db%2Fgeo-whois-asn-country-mmdb with HTTP 404"
                    + " (no package @ip-location-db/geo-whois-asn-country-mmdb there)\n");
        } finally {
            empty.stop(0);
        }
        assertThat(contents(geo)).isEqualTo(before);
    }

    /**
     * A pin of a package geo update does not install was ignored (exit 0, the latest installed): now a
     * usage error naming the packages that can be pinned, found before the registry is asked (it is
     * not even listening). A version the registry does not have: exit 69, nothing downloaded or changed.
     */
    @Test
    void pinsAreCheckedBeforeAnyDownload() throws Exception {
        Path geo = installed();
        Map<String, String> before = contents(geo);
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        Cli.Run unknown = Cli.run("geo", "update", "--dir", geo.toString(), "--registry", "http://127.0.0.1:" + port,
                "--pin", "nosuch/pkg=1.0");
        assertThat(unknown.exit()).as(unknown.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).isEqualTo("hotline: --pin nosuch/pkg=1.0: nosuch/pkg is not a package geo update installs;"
                + " the packages that can be pinned are @ip-location-db/geo-whois-asn-country-mmdb, @ip-location-db/asn\n");

        // Package documents of both packages with their real latest version only; the tarballs are never asked for.
        java.util.List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer npm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        npm.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            asked.add(path);
            String name = java.net.URLDecoder.decode(path.substring(1), java.nio.charset.StandardCharsets.UTF_8);
            byte[] body = ("{\"name\":\"" + name + "\",\"dist-tags\":{\"latest\":\"2.3.2026061719\"},\"versions\":"
                    + "{\"2.3.2026061719\":{\"dist\":{\"integrity\":\"sha512-AAAA\",\"tarball\":\"http://127.0.0.1:"
                    + exchange.getLocalAddress().getPort() + "/x.tgz\"}}}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(path.endsWith(".tgz") ? 404 : 200, path.endsWith(".tgz") ? -1 : body.length);
            if (!path.endsWith(".tgz")) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        npm.start();
        try {
            String registry = "http://127.0.0.1:" + npm.getAddress().getPort();
            Cli.Run missing = Cli.run("geo", "update", "--dir", geo.toString(), "--registry", registry,
                    "--pin", "@ip-location-db/asn=0.0.0-nonexistent");
            assertThat(missing.exit()).as(missing.err()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(missing.err()).isEqualTo("hotline: the npm registry " + registry + " has no version 0.0.0-nonexistent"
                    + " of @ip-location-db/asn (its latest is 2.3.2026061719)\n");
            assertThat(asked).containsExactly("/@ip-location-db%2Fgeo-whois-asn-country-mmdb", "/@ip-location-db%2Fasn");
        } finally {
            npm.stop(0);
        }
        assertThat(contents(geo)).isEqualTo(before);
    }

    /**
     * A range CSV with rows out of order and a malformed row: every good row answers (1.1.1.1 had no
     * country, and geo info said 2 entries), and the skipped row is counted with its line number in
     * geo info, as text and JSON, and among the analyze report's warnings (it was dropped silently).
     */
    @Test
    void rangeCsvRowsInAnyOrderLoadAndMalformedOnesAreReported() throws Exception {
        Path csv = Files.writeString(dir.resolve("t.csv"), "8.8.8.0,8.8.8.255,US\n1.1.1.0,1.1.1.255,AU\n9.9.9.0,9.9.9.255,CH\ngarbage\n");
        String warning = "t.csv: 1 of 4 rows skipped (line 4; first: expected at least 3 columns (start,end,value...), found 1)";

        Cli.Run lookup = Cli.run("geo", "lookup", "--json", "--geo-db", csv.toString(), "8.8.8.8", "1.1.1.1", "9.9.9.9");
        assertThat(lookup.exit()).as(lookup.err()).isZero();
        assertThat(JSON.readTree(lookup.out()).findValuesAsString("country")).containsExactly("US", "AU", "CH");

        Cli.Run info = Cli.run("geo", "info", "--geo-db", csv.toString());
        assertThat(info.exit()).as(info.err()).isZero();
        assertThat(info.out()).contains("layout ip-location-db-country-csv, built (unknown), 3 entries")
                .contains("warning: " + warning);
        Cli.Run infoJson = Cli.run("geo", "info", "--json", "--geo-db", csv.toString());
        JsonNode country = JSON.readTree(infoJson.out()).get(1);
        assertThat(country.path("name").asString()).isEqualTo("t.csv");
        assertThat(country.path("entries").asLong()).isEqualTo(3);
        assertThat(country.path("warning").asString()).isEqualTo(warning);

        Cli.Run analyze = Cli.run("analyze", "--json", "--geo-db", csv.toString(), Cli.HOME.resolve("samples/logs/ssh/secure.log").toString());
        assertThat(analyze.exit()).as(analyze.err()).isZero();
        assertThat(JSON.readTree(analyze.out()).path("warnings").get(0).asString()).isEqualTo("country database " + warning);
    }

    /**
     * A directory, a device and a directory named like a CSV given as a database: each says what is
     * wrong (all were "no such file", the last an internal error with a stack trace), exit 2.
     */
    @Test
    void aDatabasePathThatIsNotAFileSaysWhatItIs() throws Exception {
        Cli.Run directory = Cli.run("geo", "lookup", "--geo-db", dir.toString(), "8.8.8.8");
        assertThat(directory.exit()).as(directory.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(directory.err()).isEqualTo("hotline: --geo-db " + dir + ": is a directory, not a file\n");

        Cli.Run device = Cli.run("geo", "info", "--asn-db", "/dev/null");
        assertThat(device.exit()).as(device.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(device.err()).isEqualTo("hotline: --asn-db /dev/null: is not a regular file but a character device\n");

        Path csvDirectory = Files.createDirectory(dir.resolve("country.csv"));
        Cli.Run csv = Cli.run("analyze", "--geo-db", csvDirectory.toString(), Cli.HOME.resolve("samples/logs/ssh/secure.log").toString());
        assertThat(csv.exit()).as(csv.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(csv.err()).contains(csvDirectory + ": is a directory, not a file").doesNotContain("\tat ");
    }

    /**
     * A country database with intact metadata but a damaged search tree (exit 70, "a bug in Hotline",
     * and a stack trace): damaged throughout, it is refused on opening; with only the record of
     * 83.149.9.216 damaged (a client in samples/logs/web), it opens and the analysis meets it when it
     * resolves the sources, and says so. Exit 2 and one line naming the file, each time.
     */
    @Test
    void aDamagedDatabaseIsNamedAsCorruptWithoutATrace() throws Exception {
        Path throughout = gunzip(BUNDLED.resolve("geo-whois-asn-country.mmdb.gz"), dir.resolve("corrupt.mmdb"));
        byte[] bytes = Files.readAllBytes(throughout);
        for (int i = 0; i < bytes.length * 6 / 10; i += 7) {
            bytes[i] = (byte) 0xff;
        }
        Files.write(throughout, bytes);
        String tree = " is corrupt: The MaxMind DB file's search tree is corrupt: contains pointer larger than the database.";
        for (String command : List.of("analyze", "geo lookup")) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.addAll(List.of("--geo-db", throughout.toString(), command.equals("analyze") ? Cli.HOME.resolve("samples/logs").toString() : "8.8.8.8"));
            Cli.Run run = Cli.run(args.toArray(String[]::new));
            assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(command).isEqualTo("hotline: --geo-db " + throughout + tree + "\n");
        }

        Path oneRecord = gunzip(BUNDLED.resolve("geo-whois-asn-country.mmdb.gz"), dir.resolve("one-record.mmdb"));
        pointPastTheEnd(oneRecord, new int[] {83, 149, 9, 216});
        Cli.Run analyze = Cli.run("analyze", "--geo-db", oneRecord.toString(), Cli.HOME.resolve("samples/logs").toString());
        assertThat(analyze.exit()).as(analyze.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(analyze.err()).isEqualTo("hotline: --geo-db " + oneRecord + tree + " (found looking up 83.149.9.216;"
                + " opening the file checks only a sample of its records); found after the inputs were read, so no report was made\n");
        assertThat(analyze.out()).isEmpty();
    }

    private static Path gunzip(Path gz, Path to) throws Exception {
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz))) {
            Files.copy(in, to);
        }
        return to;
    }

    /**
     * Sets the search-tree record on which an IPv4 address's walk ends to 0xffffff, a data pointer past
     * the end of the file (MaxMind DB spec, "Search Tree": 24-bit records, IPv4 at ::a.b.c.d), as
     * hotline-geo's DamagedDatabaseTest does.
     */
    private static void pointPastTheEnd(Path file, int[] v4) throws Exception {
        long nodeCount;
        try (com.maxmind.db.Reader reader = new com.maxmind.db.Reader(file.toFile())) {
            assertThat(reader.getMetadata().recordSize()).isEqualTo(24);
            nodeCount = reader.getMetadata().nodeCount();
        }
        byte[] b = Files.readAllBytes(file);
        long node = 0;
        for (int depth = 0; depth < 128; depth++) {
            int bit = depth < 96 ? 0 : (v4[(depth - 96) / 8] >> (7 - (depth - 96) % 8)) & 1;
            int at = (int) (node * 6 + bit * 3);
            long record = ((b[at] & 0xffL) << 16) | ((b[at + 1] & 0xffL) << 8) | (b[at + 2] & 0xffL);
            if (record >= nodeCount) {
                b[at] = (byte) 0xff;
                b[at + 1] = (byte) 0xff;
                b[at + 2] = (byte) 0xff;
                Files.write(file, b);
                return;
            }
            node = record;
        }
        throw new AssertionError("no record found");
    }

    /**
     * The report's databases can be checked with sha256sum on the file each names: the bundled
     * country database is named as the uncompressed file its hash is of (it was named
     * geo-whois-asn-country.mmdb.gz beside the hash of the unpacked bytes), and two CSVs for one role
     * are two entries with a hash each (they were one entry whose sha256 was "hash + hash").
     */
    @Test
    void eachDatabaseEntryNamesTheFileItsHashIsOf() throws Exception {
        Path v4 = Files.writeString(dir.resolve("v4.csv"), "8.8.8.0,8.8.8.255,US\n");
        Path v6 = Files.writeString(dir.resolve("v6.csv"), "2001:4860::,2001:4860:ffff:ffff:ffff:ffff:ffff:ffff,US\n");
        Cli.Run run = Cli.run("analyze", "--json", "--geo-db", v4.toString(), "--geo-db", v6.toString(),
                Cli.HOME.resolve("samples/logs/ssh/secure.log").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> entries = new ArrayList<>();
        for (JsonNode d : JSON.readTree(run.out()).path("databases")) {
            entries.add(d.path("role").asString() + " " + d.path("name").asString() + " " + d.path("sha256").asString(null));
        }
        assertThat(entries).contains("country v4.csv " + sha256(Files.readAllBytes(v4)), "country v6.csv " + sha256(Files.readAllBytes(v6)));

        Cli.Run bundled = Cli.run("geo", "info", "--json");
        JsonNode country = JSON.readTree(bundled.out()).get(1);
        Path unpacked = gunzip(BUNDLED.resolve("geo-whois-asn-country.mmdb.gz"), dir.resolve("geo-whois-asn-country.mmdb"));
        assertThat(country.path("name").asString() + " " + country.path("sha256").asString())
                .isEqualTo(unpacked.getFileName() + " " + sha256(Files.readAllBytes(unpacked)));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** geo lookup spells the flags in text as in JSON (the text said [NON_ROUTABLE] and [TOR_EXIT]). */
    @Test
    void lookupSpellsFlagsTheSameInTextAndJson() throws Exception {
        Path tor = Files.writeString(dir.resolve("exits.txt"), "192.0.2.7\n185.220.101.1\n");
        String[] args = {"geo", "lookup", "--tor-exits", tor.toString(), "10.1.2.3", "192.0.2.7", "185.220.101.1"};
        Cli.Run text = Cli.run(args);
        assertThat(text.exit()).as(text.err()).isZero();
        List<String> lines = text.out().lines().toList();
        assertThat(lines.get(0)).startsWith("10.1.2.3 ").endsWith("  [non-routable]");
        assertThat(lines.get(1)).startsWith("192.0.2.7 ").endsWith("  [tor-exit, non-routable]");
        assertThat(lines.get(2)).startsWith("185.220.101.1 ").endsWith("  [tor-exit]");
        assertThat(text.out()).doesNotContain("NON_ROUTABLE").doesNotContain("TOR_EXIT");

        List<String> jsonArgs = new ArrayList<>(List.of(args));
        jsonArgs.add(2, "--json");
        JsonNode rows = JSON.readTree(Cli.run(jsonArgs.toArray(String[]::new)).out());
        assertThat(rows.get(1).path("flags").toString()).isEqualTo("[\"tor-exit\",\"non-routable\"]");
    }

    @Test
    void theExitCodesListNamesTheRemoteFailure() throws Exception {
        Cli.Run help = Cli.run("--help");
        assertThat(help.out()).contains("69  a remote service (the npm registry, a partner node) could not be reached");
    }
}
