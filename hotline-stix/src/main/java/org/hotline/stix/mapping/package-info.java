/**
 * The channel domain as STIX 2.1, both ways, as a pure function of the signed history.
 *
 * <table>
 *   <caption>What each part of a concern becomes</caption>
 *   <tr><th>domain</th><th>STIX 2.1</th><th>id</th></tr>
 *   <tr><td>filing</td><td>{@code incident}; name = summary; Hotline extension: message kind, concern kind,
 *       severity, TLP, signed message</td><td>the concern id</td></tr>
 *   <tr><td>any later message</td><td>{@code note} with abstract and content, {@code object_refs} = incident
 *       (+ grouping); Hotline extension: message kind, signed message</td><td>the message id</td></tr>
 *   <tr><td>materials</td><td>{@code grouping} (suspicious-activity) of the incident and the objects below;
 *       origin report as an external reference with its SHA-256</td><td>the materials id</td></tr>
 *   <tr><td>sighted source</td><td>{@code ipv4-addr}/{@code ipv6-addr} → {@code autonomous-system};
 *       {@code observed-data} (time range, count); {@code indicator} ({@code [ipv4-addr:value = '…']});
 *       {@code sighting} of it by the author</td><td>SCO: UUIDv5 (STIX); others: derived (StixIds)</td></tr>
 *   <tr><td>log excerpt</td><td>{@code file} (name, SHA-256 of the input) and {@code artifact} (the line,
 *       its SHA-256)</td><td>UUIDv5 (STIX)</td></tr>
 *   <tr><td>party</td><td>{@code identity} with country, Ed25519 key, TAXII API root in the extension</td>
 *       <td>the party id</td></tr>
 *   <tr><td>TLP</td><td>the OASIS TLP 2.0 {@code marking-definition}, in {@code object_marking_refs} of every
 *       object of the concern</td><td>OASIS's</td></tr>
 * </table>
 *
 * <p>{@link org.hotline.stix.mapping.ConcernExport} renders a whole history (a bundle for files, an
 * envelope for TAXII); {@link org.hotline.stix.mapping.StixReader} reads objects back and refuses any
 * that differ from what their signed message renders.
 */
package org.hotline.stix.mapping;
