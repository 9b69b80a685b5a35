package org.hotline.geo.mmdb;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes values in the MaxMind DB data format 2.0 ("MaxMind DB File Format Specification", section
 * "Output Data Section"), de-duplicating: a string or map already written is replaced by a pointer
 * when the pointer is shorter, so 400,000 ranges naming 80,000 organisations store each name once.
 *
 * <p>Java types map to MaxMind types as follows: {@code String} → utf8_string; {@code Integer} 0..65535
 * → uint16, other {@code Integer} → int32; {@code Long} 0..2³²−1 → uint32, other non-negative
 * {@code Long} → uint64; {@code BigInteger} → uint128; {@code Double} → double; {@code Float} → float;
 * {@code Boolean} → boolean; {@code Map<String, ?>} → map (keys sorted, so output is reproducible);
 * {@code List<?>} → array. Hazard: GeoLite2-ASN stores AS numbers as uint32, so pass a {@code Long}.
 *
 * <p>Not thread-safe; one instance per file written.
 */
final class DataSection {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    private final Map<Object, Integer> written = new HashMap<>();
    private final boolean pointers;

    /** @param pointers false for the metadata section, where readers do not expect pointers */
    DataSection(boolean pointers) {
        this.pointers = pointers;
    }

    int size() {
        return out.size();
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** Writes {@code value} (or finds it already written) and returns its offset in this section. */
    int add(Object value) {
        Integer known = pointers ? written.get(value) : null;
        if (known != null) {
            return known;
        }
        int offset = out.size();
        encode(value);
        if (pointers) {
            written.put(value, offset);
        }
        return offset;
    }

    /** An unsigned integer of an exact MaxMind type, as the metadata requires (uint16/32/64). */
    record Uint(int bits, long value) {}

    private void encode(Object value) {
        if (value instanceof Uint u) {
            unsigned(u.bits() == 16 ? 5 : u.bits() == 32 ? 6 : 9, u.value(), u.bits() / 8);
        } else if (value instanceof String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            control(2, utf8.length);
            out.writeBytes(utf8);
        } else if (value instanceof Map<?, ?> map) {
            control(7, map.size());
            List<String> keys = new ArrayList<>();
            for (Object k : map.keySet()) {
                keys.add((String) k);
            }
            keys.sort(null);
            for (String key : keys) {
                nested(key);
                nested(map.get(key));
            }
        } else if (value instanceof List<?> list) {
            control(11, list.size());
            for (Object item : list) {
                nested(item);
            }
        } else if (value instanceof Integer i) {
            if (i >= 0 && i <= 0xffff) {
                unsigned(5, i, 2);
            } else {
                unsigned(8, i & 0xffff_ffffL, 4);
            }
        } else if (value instanceof Long l) {
            if (l < 0) {
                throw new IllegalArgumentException("negative Long " + l + ": use Integer for int32");
            }
            unsigned(l <= 0xffff_ffffL ? 6 : 9, l, l <= 0xffff_ffffL ? 4 : 8);
        } else if (value instanceof BigInteger b) {
            byte[] raw = b.toByteArray();
            int skip = raw.length > 1 && raw[0] == 0 ? 1 : 0;
            if (b.signum() < 0 || raw.length - skip > 16) {
                throw new IllegalArgumentException("uint128 out of range: " + b);
            }
            int len = b.signum() == 0 ? 0 : raw.length - skip;
            control(10, len);
            out.write(raw, skip, len);
        } else if (value instanceof Double d) {
            control(3, 8);
            writeBigEndian(Double.doubleToLongBits(d), 8);
        } else if (value instanceof Float f) {
            control(15, 4);
            writeBigEndian(Float.floatToIntBits(f) & 0xffff_ffffL, 4);
        } else if (value instanceof Boolean b) {
            control(14, b ? 1 : 0);
        } else {
            throw new IllegalArgumentException("no MaxMind DB type for " + (value == null ? "null" : value.getClass()));
        }
    }

    /** A value inside a map or array: a pointer to an earlier copy when that is shorter. */
    private void nested(Object value) {
        Integer known = pointers ? written.get(value) : null;
        if (known == null) {
            add(value);
        } else if (pointerLength(known) < encodedLength(value)) {
            pointer(known);
        } else {
            encode(value); // a copy is no longer than a pointer (numbers, short strings)
        }
    }

    private static int encodedLength(Object value) {
        if (value instanceof String s) {
            int n = s.getBytes(StandardCharsets.UTF_8).length;
            return n + (n < 29 ? 1 : n < 285 ? 2 : n < 65_821 ? 3 : 4);
        }
        return value instanceof Map<?, ?> || value instanceof List<?> ? Integer.MAX_VALUE : 0;
    }

    private static int pointerLength(int offset) {
        return offset < 2048 ? 2 : offset < 526_336 ? 3 : offset < 134_744_064 ? 4 : 5;
    }

    private void pointer(int offset) {
        if (offset < 2048) {
            out.write(0x20 | (offset >>> 8));
            out.write(offset);
        } else if (offset < 526_336) {
            int v = offset - 2048;
            out.write(0x28 | (v >>> 16));
            out.write(v >>> 8);
            out.write(v);
        } else if (offset < 134_744_064) {
            int v = offset - 526_336;
            out.write(0x30 | (v >>> 24));
            out.write(v >>> 16);
            out.write(v >>> 8);
            out.write(v);
        } else {
            out.write(0x38);
            writeBigEndian(offset & 0xffff_ffffL, 4);
        }
    }

    /** Integer types drop leading zero bytes; the size field says how many remain. */
    private void unsigned(int type, long value, int maxBytes) {
        int len = 0;
        for (int i = maxBytes - 1; i >= 0; i--) {
            if (((value >>> (8 * i)) & 0xff) != 0) {
                len = i + 1;
                break;
            }
        }
        control(type, len);
        writeBigEndian(value, len);
    }

    private void control(int type, int size) {
        int typeBits = type <= 7 ? type << 5 : 0;
        int sizeBits = size < 29 ? size : size < 285 ? 29 : size < 65_821 ? 30 : 31;
        out.write(typeBits | sizeBits);
        if (type > 7) {
            out.write(type - 7);
        }
        if (size >= 65_821) {
            writeBigEndian(size - 65_821, 3);
        } else if (size >= 285) {
            writeBigEndian(size - 285, 2);
        } else if (size >= 29) {
            out.write(size - 29);
        }
    }

    private void writeBigEndian(long value, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) {
            out.write((int) (value >>> (8 * i)));
        }
    }
}
