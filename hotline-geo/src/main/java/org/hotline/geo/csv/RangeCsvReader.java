package org.hotline.geo.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotline.HotlineException;
import org.hotline.InputException;
import org.hotline.event.IpAddress;
import org.hotline.geo.FileProblem;

/**
 * Reads an ip-location-db range CSV — {@code start,end,value...}, inclusive, no header — in its
 * text form ({@code 1.0.0.0,1.0.0.255,...}, {@code 2001:200::,...}) or its {@code -num} form
 * ({@code 16777216,16777471,...}, IPv6 as a 128-bit decimal), and hands each row on.
 *
 * <p>A bad row is counted and skipped with its line number and the column at fault; it never stops
 * the load. Rows may come in any order: sorting them and settling overlaps is {@link RangeTable}'s.
 *
 * <p>Hazard of the {@code -num} form: a number below 2³² is taken as IPv4, so an IPv6 file
 * with addresses in {@code ::/96} would be misread (ip-location-db publishes none there).
 */
public final class RangeCsvReader {

    private static final BigInteger MAX_128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    /** Receives each good row and its line number; returns null to accept it or a reason (naming the column) to skip it. */
    @FunctionalInterface
    public interface RowSink {
        String row(IpAddress first, IpAddress last, List<String> values, long line);
    }

    private RangeCsvReader() {}

    /**
     * Reads {@code file}, requiring at least {@code minValues} columns after start and end.
     *
     * @throws InputException when the file cannot be read at all; bad rows are only counted
     */
    public static LoadReport read(Path file, int minValues, RowSink sink) {
        String problem = FileProblem.of(file);
        if (problem != null) {
            throw new InputException(file + ": " + problem);
        }
        String name = file.getFileName().toString();
        long rows = 0;
        long skipped = 0;
        List<LoadReport.Problem> problems = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String reason = parse(line, number, minValues, sink);
                if (reason == null) {
                    rows++;
                } else {
                    skipped++;
                    if (problems.size() < LoadReport.KEPT_PROBLEMS) {
                        problems.add(new LoadReport.Problem(number, reason, false));
                    }
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(file + ": no such file", e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputException(file + ": not a UTF-8 text file", e);
        } catch (IOException e) {
            throw new HotlineException("reading " + file, e);
        }
        LoadReport report = new LoadReport(name, rows, skipped, 0, problems);
        if (rows == 0) {
            throw new InputException(file + ": no usable range rows (start,end,value...)"
                    + (problems.isEmpty() ? "" : "; first problem: " + report.firstProblems().get(0)));
        }
        return report;
    }

    private static String parse(String line, long number, int minValues, RowSink sink) {
        List<String> fields = CsvFields.split(line);
        if (fields == null) {
            return "unclosed quote";
        }
        if (fields.size() < 2 + minValues) {
            return "expected at least " + (2 + minValues) + " columns (start,end,value...), found " + fields.size();
        }
        IpAddress first = address(fields.get(0));
        if (first == null) {
            return "column 1 (start): not an IP address or number: '" + clip(fields.get(0)) + "'";
        }
        IpAddress last = address(fields.get(1));
        if (last == null) {
            return "column 2 (end): not an IP address or number: '" + clip(fields.get(1)) + "'";
        }
        if (first.isV4() != last.isV4()) {
            return "columns 1-2: start and end are of different address families";
        }
        if (first.compareTo(last) > 0) {
            return "columns 1-2: start " + first + " is after end " + last;
        }
        return sink.row(first, last, fields.subList(2, fields.size()), number);
    }

    /** Text address, or a decimal number: ≤ 2³²−1 is IPv4, larger is IPv6 (ip-location-db's {@code -num} files). */
    static IpAddress address(String text) {
        String t = text.strip();
        if (t.indexOf('.') >= 0 || t.indexOf(':') >= 0) {
            return IpAddress.parseOrNull(t);
        }
        if (t.isEmpty() || t.length() > 39) {
            return null;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return null;
            }
        }
        if (t.length() <= 10) {
            long v = Long.parseLong(t);
            if (v <= 0xffff_ffffL) {
                return IpAddress.ofV4((int) v);
            }
        }
        BigInteger v = new BigInteger(t);
        if (v.compareTo(MAX_128) > 0) {
            return null;
        }
        return new IpAddress(v.shiftRight(64).longValue(), v.longValue());
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
