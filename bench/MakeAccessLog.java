import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Builds a large access log from the real 10,000-line elastic/examples Apache log, for benchmarks:
 * copy k of the file has every timestamp moved forward by 4·k days (so the file stays in time order,
 * as a real log is) and, for IPv4 clients, the last octet XORed with k (k mod 256; the address stays
 * in its /24, so almost always in the same country and AS, but the number of distinct sources grows
 * like a real log's). Everything else in each line is the real line, byte for byte.
 *
 * <p>Usage: {@code java bench/MakeAccessLog.java samples/web/access.log.gz LINES OUT}
 */
public final class MakeAccessLog {
    private static final DateTimeFormatter APACHE = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java MakeAccessLog.java SOURCE.log[.gz] LINES OUT");
            System.exit(2);
        }
        List<String> real = read(Path.of(args[0]));
        long wanted = Long.parseLong(args[1]);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[2])), 1 << 20)) {
            long written = 0;
            for (int copy = 0; written < wanted; copy++) {
                for (String line : real) {
                    if (written++ == wanted) {
                        break;
                    }
                    out.write(vary(line, copy).getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
            }
        }
    }

    private static List<String> read(Path path) throws Exception {
        var in = Files.newInputStream(path);
        var stream = path.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String l; (l = reader.readLine()) != null; ) {
                lines.add(l);
            }
            return lines;
        }
    }

    static String vary(String line, int copy) {
        if (copy == 0) {
            return line;
        }
        int open = line.indexOf('[');
        int close = line.indexOf(']', open + 1);
        String out = line;
        if (open > 0 && close > open) {
            ZonedDateTime t = ZonedDateTime.parse(line.substring(open + 1, close), APACHE).plusDays(4L * copy);
            out = line.substring(0, open + 1) + APACHE.format(t) + line.substring(close);
        }
        int space = out.indexOf(' ');
        String ip = out.substring(0, space);
        String[] octets = ip.split("\\.");
        if (octets.length == 4) {
            int last = Integer.parseInt(octets[3]) ^ (copy & 0xff);
            out = octets[0] + "." + octets[1] + "." + octets[2] + "." + last + out.substring(space);
        }
        return out;
    }
}
