package org.hotline.geo.tor;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hotline.HotlineException;
import org.hotline.InputException;
import org.hotline.event.IpAddress;
import org.hotline.geo.FileProblem;

/**
 * A list of Tor exit addresses read from a file in either form the Tor Project publishes:
 *
 * <ul>
 *   <li>TorDNSEL's {@code exit-addresses} (check.torproject.org, CollecTor's exit lists), blocks of
 *       <pre>
 * ExitNode 0011BD2485AD45D984EC4159C88FC066E5E3300E
 * Published 2024-01-01 01:01:01
 * LastStatus 2024-01-01 02:00:00
 * ExitAddress 192.0.2.7 2024-01-01 02:04:11</pre>
 *       where only {@code ExitAddress} lines carry addresses (measured by building circuits through the
 *       exit, so they catch relays that exit from another address than they listen on);</li>
 *   <li>a plain list, one address per line ({@code torbulkexitlist}), {@code #} comments allowed.</li>
 * </ul>
 *
 * <p>A line that is neither is counted and reported with its number; it never stops the load.
 */
public record TorExitList(Set<IpAddress> addresses, String format, String newestDate, long lines,
                          long skipped, List<String> firstProblems) {

    private static final int MAX_PROBLEMS = 10;

    public TorExitList {
        addresses = Set.copyOf(addresses);
        firstProblems = List.copyOf(firstProblems);
    }

    /** Reads {@code file}; throws {@link InputException} naming it when it is missing or holds no address. */
    public static TorExitList read(Path file) {
        String problem = FileProblem.of(file);
        if (problem != null) {
            throw new InputException("--tor-exits " + file + ": " + problem);
        }
        Set<IpAddress> addresses = new HashSet<>();
        List<String> problems = new ArrayList<>();
        boolean exitAddresses = false;
        String newest = null;
        long number = 0;
        long skipped = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                number++;
                String t = line.strip();
                int hash = t.indexOf('#');
                if (hash >= 0) {
                    t = t.substring(0, hash).strip();
                }
                if (t.isEmpty()) {
                    continue;
                }
                String[] words = t.split("\\s+");
                String reason = null;
                switch (words[0]) {
                    case "ExitNode", "Published", "LastStatus" -> {
                        exitAddresses = true;
                        if (!words[0].equals("ExitNode") && words.length >= 2) {
                            newest = later(newest, words[1]);
                        }
                    }
                    case "ExitAddress" -> {
                        exitAddresses = true;
                        IpAddress ip = words.length >= 2 ? IpAddress.parseOrNull(words[1]) : null;
                        if (ip == null) {
                            reason = "ExitAddress without a valid address";
                        } else {
                            addresses.add(ip);
                            if (words.length >= 3) {
                                newest = later(newest, words[2]);
                            }
                        }
                    }
                    default -> {
                        IpAddress ip = words.length == 1 ? IpAddress.parseOrNull(words[0]) : null;
                        if (ip == null) {
                            reason = "neither an address nor an exit-addresses keyword: '"
                                    + (t.length() > 60 ? t.substring(0, 60) + "…" : t) + "'";
                        } else {
                            addresses.add(ip);
                        }
                    }
                }
                if (reason != null) {
                    skipped++;
                    if (problems.size() < MAX_PROBLEMS) {
                        problems.add(file.getFileName() + " line " + number + ": " + reason);
                    }
                }
            }
        } catch (NoSuchFileException e) {
            throw new InputException("--tor-exits " + file + ": no such file", e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputException("--tor-exits " + file + ": not a text file", e);
        } catch (IOException e) {
            throw new HotlineException("reading " + file, e);
        }
        if (addresses.isEmpty()) {
            throw new InputException("--tor-exits " + file + ": no exit address found"
                    + (problems.isEmpty() ? "" : "; first problem: " + problems.get(0)));
        }
        return new TorExitList(addresses, exitAddresses ? "tor-exit-addresses" : "address-list", newest, number,
                skipped, problems);
    }

    /** ISO dates compare as text: "2024-01-02" > "2024-01-01". */
    private static String later(String a, String b) {
        if (b.length() != 10 || b.charAt(4) != '-' || b.charAt(7) != '-') {
            return a;
        }
        return a == null || b.compareTo(a) > 0 ? b : a;
    }
}
