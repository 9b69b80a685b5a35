package org.hotline.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes lon/lat rings drawable on a flat map: a ring that jumps across the ±180° meridian is made
 * continuous, closed through the pole if it circles one (Antarctica), and cut at ±180° into the
 * pieces on either side (Sutherland–Hodgman against each edge). Development-time map conversion only.
 */
final class Antimeridian {
    private Antimeridian() {}

    static List<List<double[]>> cut(List<double[]> ring) {
        boolean jumps = false;
        for (int i = 1; i < ring.size() && !jumps; i++) {
            jumps = Math.abs(ring.get(i)[0] - ring.get(i - 1)[0]) > 180;
        }
        if (!jumps) {
            return List.of(ring);
        }
        List<double[]> unwrapped = new ArrayList<>();
        double shift = 0;
        double meanLat = 0;
        for (int i = 0; i < ring.size(); i++) {
            double[] p = ring.get(i);
            if (i > 0) {
                double d = p[0] - ring.get(i - 1)[0];
                shift += d > 180 ? -360 : d < -180 ? 360 : 0;
            }
            unwrapped.add(new double[] {p[0] + shift, p[1]});
            meanLat += p[1] / ring.size();
        }
        double[] first = unwrapped.get(0);
        double[] last = unwrapped.get(unwrapped.size() - 1);
        if (Math.abs(last[0] - first[0]) > 180) {
            // The ring goes once around a pole: close it along that pole's line.
            double pole = meanLat < 0 ? -90 : 90;
            unwrapped.add(new double[] {last[0], pole});
            unwrapped.add(new double[] {first[0], pole});
        }
        List<List<double[]>> pieces = new ArrayList<>();
        for (double offset : new double[] {-360, 0, 360}) {
            List<double[]> moved = new ArrayList<>();
            unwrapped.forEach(p -> moved.add(new double[] {p[0] + offset, p[1]}));
            List<double[]> clipped = clip(clip(moved, -180, true), 180, false);
            if (clipped.size() >= 3) {
                pieces.add(clipped);
            }
        }
        return pieces;
    }

    /** Keeps the part of a closed ring with x >= edge ({@code keepAbove}) or x <= edge. */
    private static List<double[]> clip(List<double[]> ring, double edge, boolean keepAbove) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < ring.size(); i++) {
            double[] a = ring.get(i);
            double[] b = ring.get((i + 1) % ring.size());
            boolean ina = keepAbove ? a[0] >= edge : a[0] <= edge;
            boolean inb = keepAbove ? b[0] >= edge : b[0] <= edge;
            if (ina) {
                out.add(a);
            }
            if (ina != inb) {
                double t = (edge - a[0]) / (b[0] - a[0]);
                out.add(new double[] {edge, a[1] + t * (b[1] - a[1])});
            }
        }
        return out;
    }

    /** The area centroid of the largest ring, for a country shown as a dot. */
    static double[] centroidOfLargest(List<List<double[]>> rings) {
        double best = -1;
        double[] centroid = null;
        for (List<double[]> r : rings) {
            double area = 0;
            double cx = 0;
            double cy = 0;
            for (int i = 0; i < r.size(); i++) {
                double[] a = r.get(i);
                double[] b = r.get((i + 1) % r.size());
                double cross = a[0] * b[1] - b[0] * a[1];
                area += cross;
                cx += (a[0] + b[0]) * cross;
                cy += (a[1] + b[1]) * cross;
            }
            if (Math.abs(area) > best && area != 0) {
                best = Math.abs(area);
                centroid = new double[] {cx / (3 * area), cy / (3 * area)};
            } else if (centroid == null) {
                centroid = r.get(0);
            }
        }
        return centroid;
    }
}
