package org.hotline.parse.netfilter;

import java.util.Locale;
import org.hotline.event.Outcome;

/**
 * What a firewall log prefix says the rule did. The kernel logs only the prefix the rule set
 * chose ({@code --log-prefix}, nftables {@code log prefix}), so the verdict is read from its words:
 * <ul>
 *   <li>BLOCK, DROP, REJECT, DENY (and BLOCKED, DROPPED, DENIED...) → {@link Outcome#BLOCKED}:
 *       {@code [UFW BLOCK]}, {@code IPTABLES:BLOCKED-CONN:}, {@code nft-drop:}, firewalld's
 *       {@code FINAL_REJECT:}, Proxmox's {@code policy DROP:};</li>
 *   <li>ACCEPT, ALLOW, PASS, PERMIT → {@link Outcome#ALLOWED}: {@code [UFW ALLOW]};</li>
 *   <li>AUDIT → {@link Outcome#OTHER}: UFW writes {@code [UFW AUDIT]} before the rules decide,
 *       so it says nothing about the verdict;</li>
 *   <li>anything else, including no prefix at all → {@link Outcome#BLOCKED}, the documented
 *       default: a LOG rule normally sits just before the DROP it documents (iptables' LOG target
 *       does not end rule processing), and the tools and guides that log by default log what they
 *       block. The prefix is kept in the event, so a report can show what was assumed.</li>
 * </ul>
 * Words are split on anything but letters and compared case-insensitively; the first decisive
 * word wins, block words first.
 */
final class FirewallVerdict {
    private FirewallVerdict() {}

    static Outcome of(String prefix) {
        String[] words = prefix.toUpperCase(Locale.ROOT).split("[^A-Z]+");
        for (String w : words) {
            if (w.startsWith("BLOCK") || w.startsWith("DROP") || w.startsWith("REJECT") || w.startsWith("DENY")
                    || w.startsWith("DENIED")) {
                return Outcome.BLOCKED;
            }
        }
        for (String w : words) {
            if (w.startsWith("ACCEPT") || w.startsWith("ALLOW") || w.equals("PASS") || w.equals("PASSED")
                    || w.startsWith("PERMIT")) {
                return Outcome.ALLOWED;
            }
        }
        for (String w : words) {
            if (w.equals("AUDIT")) {
                return Outcome.OTHER;
            }
        }
        return Outcome.BLOCKED;
    }
}
