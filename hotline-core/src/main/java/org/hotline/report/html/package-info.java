/**
 * The self-contained HTML report: inline CSS ({@code report.css}) and server-drawn SVG (the world
 * map from {@code world-map.tsv}, made by the test-side {@code WorldMapConversion}, and the charts),
 * no script and nothing fetched at view time.
 */
package org.hotline.report.html;
