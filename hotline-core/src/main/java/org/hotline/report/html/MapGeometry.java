package org.hotline.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The world map's outlines as the HTML report draws them (see {@code world-map.tsv.license}), for
 * other faces that draw the same map: the operator console serves this file to its page.
 * Lines: {@code #viewBox 0 0 W H}, then {@code CODE<TAB>NAME<TAB>SVG path data}, or
 * {@code @X,Y} for a country too small at this scale (a dot); comments start with #.
 */
public final class MapGeometry {
    private MapGeometry() {}

    public static byte[] tsv() {
        try (InputStream in = MapGeometry.class.getResourceAsStream("world-map.tsv")) {
            if (in == null) {
                throw new IllegalStateException("world-map.tsv missing from the classpath: the build is broken");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read world-map.tsv", e);
        }
    }
}
