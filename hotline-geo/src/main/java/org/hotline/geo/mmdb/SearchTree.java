package org.hotline.geo.mmdb;

import java.util.Arrays;

/**
 * The binary trie of a MaxMind DB over the 128-bit IPv6 space, IPv4 at {@code ::a.b.c.d} (the
 * {@code ::/96} subtree), as the specification lays out an {@code ip_version 6} file.
 *
 * <p>Held in two growable {@code int} arrays, one per child. A child slot is {@link #EMPTY}, a node
 * index (> 0; the root, 0, is never a child) or a data id encoded as {@code -(id + 1)}.
 *
 * <p>Inserting a network over a shorter one already present splits it (the rest keeps the old data);
 * inserting over longer ones replaces them: the last insert wins. {@link #compact()} then folds every
 * node whose two children hold the same data, so adjacent ranges with one value cost no nodes.
 */
final class SearchTree {

    static final int EMPTY = 0;

    private int[] left = new int[1 << 16];
    private int[] right = new int[1 << 16];
    private int size = 1;

    static int data(int id) {
        return -(id + 1);
    }

    static boolean isData(int slot) {
        return slot < 0;
    }

    static int dataId(int slot) {
        return -slot - 1;
    }

    int nodeCount() {
        return size;
    }

    int child(int node, int bit) {
        return bit == 0 ? left[node] : right[node];
    }

    /** Sets {@code network/prefix} (prefix 1..128, in the 128-bit space) to data {@code id}. */
    void insert(long high, long low, int prefix, int id) {
        if (prefix < 1 || prefix > 128) {
            throw new IllegalArgumentException("prefix length must be 1..128: " + prefix);
        }
        int node = 0;
        for (int depth = 0; depth < prefix - 1; depth++) {
            int bit = bit(high, low, depth);
            int slot = child(node, bit);
            if (slot > 0) {
                node = slot;
                continue;
            }
            int next = newNode(slot, slot);
            set(node, bit, next);
            node = next;
        }
        set(node, bit(high, low, prefix - 1), data(id));
    }

    /**
     * Points {@code alias/prefix} at whatever {@code target/prefix} holds, e.g. {@code ::ffff:0:0/96}
     * at the IPv4 subtree {@code ::/96}, so an IPv4-mapped IPv6 lookup finds the IPv4 answer.
     */
    void alias(long aliasHigh, long aliasLow, long targetHigh, long targetLow, int prefix) {
        int node = 0;
        int target = 0;
        for (int depth = 0; depth < prefix; depth++) {
            target = child(node, bit(targetHigh, targetLow, depth));
            if (target <= 0) {
                break; // data or nothing covers the whole target network
            }
            node = target;
        }
        node = 0;
        for (int depth = 0; depth < prefix - 1; depth++) {
            int bit = bit(aliasHigh, aliasLow, depth);
            int slot = child(node, bit);
            if (slot <= 0) {
                slot = newNode(slot, slot);
                set(node, bit, slot);
            }
            node = slot;
        }
        set(node, bit(aliasHigh, aliasLow, prefix - 1), target);
    }

    /** Folds nodes whose children are equal non-node slots into that slot, bottom up. */
    void compact() {
        left[0] = fold(left[0]);
        right[0] = fold(right[0]);
    }

    private int fold(int slot) {
        if (slot <= 0) {
            return slot;
        }
        left[slot] = fold(left[slot]);
        right[slot] = fold(right[slot]);
        return left[slot] == right[slot] && left[slot] <= 0 ? left[slot] : slot;
    }

    /** Bit {@code depth} (0 = most significant) of the 128-bit address. */
    static int bit(long high, long low, int depth) {
        return (int) (depth < 64 ? high >>> (63 - depth) : low >>> (127 - depth)) & 1;
    }

    private int newNode(int l, int r) {
        if (size == left.length) {
            left = Arrays.copyOf(left, size * 2);
            right = Arrays.copyOf(right, size * 2);
        }
        left[size] = l;
        right[size] = r;
        return size++;
    }

    private void set(int node, int bit, int slot) {
        if (bit == 0) {
            left[node] = slot;
        } else {
            right[node] = slot;
        }
    }
}
