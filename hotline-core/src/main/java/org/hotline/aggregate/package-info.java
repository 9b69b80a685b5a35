/**
 * Aggregation and the origin report model.
 *
 * <p>During a run, each pipeline worker feeds its own {@link org.hotline.aggregate.SourceTally} (the
 * {@link org.hotline.aggregate.Aggregator}) with every parsed event; the tallies are merged at the
 * end. After the run, {@link org.hotline.aggregate.OriginReportBuilder} takes the tally, the
 * detectors' attacks, the inputs' accounting, an enrichment function and the databases' provenance
 * ({@link org.hotline.aggregate.ReportInput}) and builds the immutable
 * {@link org.hotline.aggregate.OriginReport}, whose record tree is also the public JSON contract.
 *
 * <p>The method it follows is ATTRIBUTION-NOTES §c: only handshake-verified, routable, non-Tor
 * sources make the origin share ({@code Placement}); every share is counted three ways with its
 * denominator ({@code AttackGroup}, {@code Percent}); each country row carries spread,
 * concentration and a confidence grade ({@code ConfidenceGrade}); the caveats are written with the
 * run's own figures ({@code MethodStatements}, {@code ReportWarnings}).
 */
package org.hotline.aggregate;
