package org.hotline.report.html;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotline.report.Cells;

/**
 * The world map of the HTML report: country outlines from {@code world-map.tsv} (pre-projected
 * Natural Earth 1:110m shapes, see its .license file), each filled by a class of its share. Small
 * countries missing at that scale are dots. Inline SVG without any external reference.
 */
final class WorldMap {
    /** Upper bounds (percent) of the fill classes and their colours (ColorBrewer "Reds"). */
    static final double[] BOUNDS = {1, 2, 5, 10, 20, Double.POSITIVE_INFINITY};
    static final String[] FILLS = {"#fee5d9", "#fcbba1", "#fc9272", "#fb6a4a", "#de2d26", "#a50f15"};
    static final String NO_SHARE = "#e4e4e4";

    /** One drawable area: path data, or a dot at (x, y) when {@code path} is null. */
    record Shape(String code, String name, String path, double x, double y) {}

    private static WorldMap instance;

    final int width;
    final int height;
    final List<Shape> shapes;
    private final Map<String, String> names = new HashMap<>();

    private WorldMap(int width, int height, List<Shape> shapes) {
        this.width = width;
        this.height = height;
        this.shapes = List.copyOf(shapes);
        shapes.forEach(s -> names.putIfAbsent(s.code(), s.name()));
    }

    static synchronized WorldMap get() {
        if (instance == null) {
            instance = load();
        }
        return instance;
    }

    /** Whether the map has an area or a dot for this code. */
    boolean draws(String code) {
        return names.containsKey(code);
    }

    /** The country's short name for a code, or the code itself when the map does not know it. */
    String name(String code) {
        return code == null ? "unknown" : names.getOrDefault(code, code);
    }

    static String fill(Double percent) {
        if (percent == null || percent <= 0) {
            return NO_SHARE;
        }
        for (int i = 0; i < BOUNDS.length; i++) {
            if (percent < BOUNDS[i]) {
                return FILLS[i];
            }
        }
        return FILLS[FILLS.length - 1];
    }

    /**
     * @param share   percent per country code (absent = no share)
     * @param tooltip text per country code for its {@code <title>}
     */
    void render(StringBuilder sb, Map<String, Double> share, Map<String, String> tooltip) {
        sb.append("<svg class=\"map\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"world map of the origin share by country\">\n");
        for (Shape s : shapes) {
            Double p = share.get(s.code());
            String title = tooltip.getOrDefault(s.code(), s.name() + ": no verified attacking source");
            String attrs = " data-cc=\"" + Html.esc(s.code()) + "\" data-share=\"" + (p == null ? "0" : p.toString())
                    + "\" fill=\"" + fill(p) + "\"";
            if (s.path() == null) {
                sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%s\"", s.x(), s.y(),
                        p == null ? "1.5" : "3.5"));
            } else {
                sb.append("<path d=\"").append(s.path()).append('"');
            }
            sb.append(attrs).append("><title>").append(Html.esc(title)).append("</title>")
                    .append(s.path() == null ? "</circle>\n" : "</path>\n");
        }
        sb.append("</svg>\n");
    }

    void legend(StringBuilder sb) {
        sb.append("<div class=\"legend\"><span><i style=\"background:").append(NO_SHARE).append("\"></i>none</span>");
        double lower = 0;
        for (int i = 0; i < BOUNDS.length; i++) {
            String label = Double.isInfinite(BOUNDS[i]) ? "&#8805; " + fmt(lower) + " %"
                    : (lower == 0 ? "&lt; " : fmt(lower) + "&#8211;") + fmt(BOUNDS[i]) + " %";
            sb.append("<span><i style=\"background:").append(FILLS[i]).append("\"></i>").append(label).append("</span>");
            lower = BOUNDS[i];
        }
        sb.append("</div>\n");
    }

    private static String fmt(double d) {
        return Cells.count((long) d);
    }

    private static WorldMap load() {
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(MapGeometry.tsv()), StandardCharsets.UTF_8));
            int w = 0;
            int h = 0;
            List<Shape> shapes = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#viewBox ")) {
                    String[] v = line.substring(9).split(" ");
                    w = Integer.parseInt(v[2]);
                    h = Integer.parseInt(v[3]);
                } else if (!line.startsWith("#") && !line.isEmpty()) {
                    String[] f = line.split("\t", 3);
                    if (f[2].startsWith("@")) {
                        String[] xy = f[2].substring(1).split(",");
                        shapes.add(new Shape(f[0], f[1], null, Double.parseDouble(xy[0]), Double.parseDouble(xy[1])));
                    } else {
                        shapes.add(new Shape(f[0], f[1], f[2], 0, 0));
                    }
                }
            }
            return new WorldMap(w, h, shapes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read world-map.tsv", e);
        }
    }
}
