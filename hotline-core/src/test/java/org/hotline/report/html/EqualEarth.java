package org.hotline.report.html;

/**
 * The Equal Earth map projection (Šavrič, Patterson and Jenny, "The Equal Earth map projection",
 * International Journal of Geographical Information Science 33(3), 2019): equal-area with a pleasant
 * shape, so a large country is not made to look larger than it is. Output is on the unit sphere,
 * y pointing north.
 */
final class EqualEarth {
    private static final double A1 = 1.340264;
    private static final double A2 = -0.081106;
    private static final double A3 = 0.000893;
    private static final double A4 = 0.003796;
    private static final double M = Math.sqrt(3) / 2;

    private EqualEarth() {}

    static double[] project(double lonDegrees, double latDegrees) {
        double lambda = Math.toRadians(lonDegrees);
        double theta = Math.asin(M * Math.sin(Math.toRadians(latDegrees)));
        double t2 = theta * theta;
        double t6 = t2 * t2 * t2;
        double x = lambda * Math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
        double y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
        return new double[] {x, y};
    }
}
