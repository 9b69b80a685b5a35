package org.hotline.report.html;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A reader for the TopoJSON of world-atlas (quantised topology, one object "countries" of Polygon
 * and MultiPolygon geometries): arcs are delta-encoded integer positions scaled by the topology's
 * transform, and a ring is a list of arc indices where {@code ~i} means arc i reversed. Part of the
 * development-time map conversion only.
 */
final class TopoJson {
    private final List<List<double[]>> arcs = new ArrayList<>();
    private final JsonNode geometries;

    /** A country: ISO numeric id (null for some disputed areas), name, rings in lon/lat degrees. */
    record Country(String id, String name, List<List<double[]>> rings) {}

    TopoJson(JsonNode topology) {
        double sx = topology.get("transform").get("scale").get(0).asDouble();
        double sy = topology.get("transform").get("scale").get(1).asDouble();
        double tx = topology.get("transform").get("translate").get(0).asDouble();
        double ty = topology.get("transform").get("translate").get(1).asDouble();
        for (JsonNode arc : topology.get("arcs")) {
            List<double[]> points = new ArrayList<>();
            long x = 0;
            long y = 0;
            for (JsonNode delta : arc) {
                x += delta.get(0).asLong();
                y += delta.get(1).asLong();
                points.add(new double[] {x * sx + tx, y * sy + ty});
            }
            arcs.add(points);
        }
        geometries = topology.get("objects").get("countries").get("geometries");
    }

    List<Country> countries() {
        List<Country> out = new ArrayList<>();
        for (JsonNode g : geometries) {
            List<List<double[]>> rings = new ArrayList<>();
            String type = g.get("type").asString();
            if (type.equals("Polygon")) {
                polygon(g.get("arcs"), rings);
            } else if (type.equals("MultiPolygon")) {
                for (JsonNode p : g.get("arcs")) {
                    polygon(p, rings);
                }
            } else {
                throw new IllegalStateException("unexpected geometry type " + type);
            }
            JsonNode id = g.get("id");
            out.add(new Country(id == null || id.isNull() ? null : id.asString(), g.get("properties").get("name").asString(), rings));
        }
        return out;
    }

    private void polygon(JsonNode polygon, List<List<double[]>> rings) {
        for (JsonNode ring : polygon) {
            List<double[]> points = new ArrayList<>();
            for (JsonNode index : ring) {
                int i = index.asInt();
                List<double[]> arc = arcs.get(i >= 0 ? i : ~i);
                List<double[]> ordered = new ArrayList<>(arc);
                if (i < 0) {
                    java.util.Collections.reverse(ordered);
                }
                points.addAll(points.isEmpty() ? ordered : ordered.subList(1, ordered.size()));
            }
            rings.add(points);
        }
    }
}
