/**
 * Detection: events in, attacks out.
 *
 * <p>The built-in detectors are listed in {@link org.hotline.detect.Detectors}; a
 * {@link org.hotline.detect.DetectionPlan} picks them and sets their parameters from
 * {@code --detectors} and {@code --detect name.param=value}. Defaults, and where they come from:
 * <table>
 *   <caption>Detectors and their default thresholds</caption>
 *   <tr><th>detector</th><th>attack when</th><th>default</th><th>why</th></tr>
 *   <tr><td>brute-force</td><td>failed logins from one source to one target</td>
 *       <td>5 in 10m</td><td>fail2ban jail.conf maxretry 5, findtime 10m; CrowdSec ssh-bf capacity 5</td></tr>
 *   <tr><td>request-flood</td><td>HTTP requests from one source to one site</td>
 *       <td>600 in 1m</td><td>10/s sustained: 5x CrowdSec's aggressive-crawl rate (http-crawl-non_statics),
 *       10x nginx's documented limit_req example; the busiest client of a real 10,000-line log makes 108</td></tr>
 *   <tr><td>port-scan</td><td>distinct ports of one host / hosts on one port, probed by one source</td>
 *       <td>15 ports or 25 hosts in 1h</td><td>Zeek scan.zeek thresholds (and CrowdSec
 *       iptables-scan-multi_ports, 15); an hour instead of Zeek's 5 minutes, see PortScanDetector</td></tr>
 *   <tr><td>path-scan</td><td>distinct missing or refused (404/403/400), non-static paths</td>
 *       <td>10 in 1m</td><td>CrowdSec http-probing: capacity 10 distinct paths</td></tr>
 *   <tr><td>web-exploit</td><td>requests matching an exploit or attack-tool signature</td>
 *       <td>1 (grouped by 1h)</td><td>one exploit attempt is an attack</td></tr>
 *   <tr><td>ids</td><td>alerts of one rule from one source against one host</td>
 *       <td>1 (grouped by 1h)</td><td>the IDS already judged each alert</td></tr>
 *   <tr><td>honeypot</td><td>any honeypot event from one source</td>
 *       <td>1 (grouped by 1h)</td><td>a honeypot has no legitimate users</td></tr>
 * </table>
 *
 * <p>Counting rule shared by all ({@link org.hotline.detect.tally.WindowedTallies}): windows are
 * tumbling and aligned to the epoch; a window counts when it meets the threshold alone or together
 * with a neighbour, so a burst that fits in one window length is never lost at a boundary; adjacent
 * counting windows of one source, target and signature make one attack. Evidence is the earliest
 * {@link org.hotline.detect.Attack#MAX_EVIDENCE} lines in input order (file name, then line), so
 * results do not depend on how the pipeline split the work.
 */
package org.hotline.detect;
