package org.hotline.geo.mmdb;

import com.maxmind.db.DatabaseRecord;
import com.maxmind.db.Networks;
import com.maxmind.db.Reader;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.hotline.event.IpAddress;

/**
 * Records read from a database as plain maps, to see which keys it really has: the first records of
 * the tree plus a few well-known public addresses (the first records alone may all be one odd range).
 */
record RecordSample(List<Map<String, Object>> records, SortedSet<String> keyPaths) {

    private static final int FIRST_RECORDS = 200;

    /** Public resolvers and large networks every real database covers, IPv4 and IPv6. */
    private static final List<String> PROBES = List.of(
        "8.8.8.8", "1.1.1.1", "9.9.9.9", "77.88.8.8", "114.114.114.114", "193.0.6.139", "200.160.2.3",
        "196.216.2.1", "2001:4860:4860::8888", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e");

    @SuppressWarnings({"unchecked", "rawtypes"})
    static RecordSample of(Reader reader) throws IOException, com.maxmind.db.InvalidNetworkException {
        List<Map<String, Object>> records = new ArrayList<>();
        boolean ipv4Only = reader.getMetadata().ipVersion() == 4;
        for (String probe : PROBES) {
            IpAddress ip = IpAddress.parse(probe);
            if (ipv4Only && !ip.isV4()) {
                continue;
            }
            InetAddress address = ip.toInetAddress();
            Map<String, Object> found = reader.get(address, Map.class);
            if (found != null) {
                records.add(found);
            }
        }
        Networks<Map> networks = reader.networks(false, Map.class);
        for (int i = 0; i < FIRST_RECORDS && networks.hasNext(); i++) {
            DatabaseRecord<Map> next = networks.next();
            if (next.data() != null) {
                records.add(next.data());
            }
        }
        SortedSet<String> paths = new TreeSet<>();
        for (Map<String, Object> record : records) {
            for (Map.Entry<String, Object> e : record.entrySet()) {
                paths.add(e.getKey());
                if (e.getValue() instanceof Map<?, ?> sub) {
                    for (Object subKey : sub.keySet()) {
                        paths.add(e.getKey() + "." + subKey);
                    }
                }
            }
        }
        return new RecordSample(Collections.unmodifiableList(records), Collections.unmodifiableSortedSet(paths));
    }

    /** How many sampled records have a non-null value at {@code path} of the given type. */
    int count(String path, Class<?> type) {
        int n = 0;
        for (Map<String, Object> record : records) {
            if (type.isInstance(valueAt(record, path))) {
                n++;
            }
        }
        return n;
    }

    /** How many sampled records hold a two-letter string at {@code path}. */
    int countTwoLetters(String path) {
        int n = 0;
        for (Map<String, Object> record : records) {
            if (valueAt(record, path) instanceof String s && s.length() == 2) {
                n++;
            }
        }
        return n;
    }

    private static Object valueAt(Map<String, Object> record, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            return record.get(path);
        }
        return record.get(path.substring(0, dot)) instanceof Map<?, ?> sub ? sub.get(path.substring(dot + 1)) : null;
    }
}
