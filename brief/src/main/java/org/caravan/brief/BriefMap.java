package org.caravan.brief;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.caravan.geo.CountryShapes;
import org.caravan.network.Link;
import org.caravan.network.Network;
import org.caravan.network.Node;
import org.caravan.routing.Leg;
import org.caravan.routing.Route;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * The brief's static map: country shapes and route lines in an equirectangular projection of the routes'
 * bounding box plus a margin, drawn server-side with no tiles. One model, two renderers ({@link #svg()} for the
 * HTML brief, {@link #png()} for the PDF), so both show the same picture.
 */
public final class BriefMap {
    static final int WIDTH = 680;
    static final String[] COLOURS = {"#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f"};
    static final String[] DASHES = {"", "8 4", "2 3", "10 3 2 3", "5 5", "1 2"};

    /** A route line in pixels. */
    record Line(String name, List<double[]> points, int index) {}

    private final int height;
    private final List<List<double[]>> rings = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final double[] start;
    private final double[] end;
    private final double scaleKm;
    private final double scalePx;

    /** One entry per route: the legend name, the route and the network its node and link ids refer to. */
    public record Item(String name, Route route, Network network) {}

    private BriefMap(List<Item> items, CountryShapes shapes) {
        List<List<Coordinate>> paths = new ArrayList<>();
        Envelope env = new Envelope();
        for (Item it : items) {
            List<Coordinate> p = path(it.route(), it.network());
            p.forEach(env::expandToInclude);
            paths.add(p);
        }
        if (env.isNull()) env.expandToInclude(0, 0);
        double margin = Math.max(1.5, 0.15 * Math.max(env.getWidth(), env.getHeight()));
        env.expandBy(margin);
        double k = Math.cos(Math.toRadians(Math.max(-80, Math.min(80, env.centre().y))));
        double widthDeg = env.getWidth() * k;
        double h = WIDTH * env.getHeight() / widthDeg;
        if (h > 560) { // too tall: widen the box so the map keeps a page-friendly shape
            double need = env.getHeight() * WIDTH / 560 / k;
            env.expandBy((need - env.getWidth()) / 2, 0);
            h = 560;
        } else if (h < 280) {
            double need = 280 * env.getWidth() * k / WIDTH;
            env.expandBy(0, (need - env.getHeight()) / 2);
            h = 280;
        }
        this.height = (int) Math.round(h);
        double pxPerDegX = WIDTH / env.getWidth();
        double pxPerDegY = height / env.getHeight();
        Envelope box = env;
        java.util.function.Function<Coordinate, double[]> proj = c -> new double[] {
            (c.x - box.getMinX()) * pxPerDegX, (box.getMaxY() - c.y) * pxPerDegY};
        for (Geometry g : shapes.geometriesIn(env)) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon poly = (Polygon) g.getGeometryN(i);
                if (!poly.getEnvelopeInternal().intersects(env)) continue;
                rings.add(project(poly.getExteriorRing().getCoordinates(), proj));
                for (int j = 0; j < poly.getNumInteriorRing(); j++) {
                    rings.add(project(poly.getInteriorRingN(j).getCoordinates(), proj));
                }
            }
        }
        for (int i = 0; i < paths.size(); i++) {
            lines.add(new Line(items.get(i).name(), project(paths.get(i).toArray(Coordinate[]::new), proj), i));
        }
        List<double[]> first = lines.isEmpty() ? List.of() : lines.get(0).points();
        start = first.isEmpty() ? null : first.get(0);
        end = first.isEmpty() ? null : first.get(first.size() - 1);
        double kmPerPx = 111.32 * k / pxPerDegX;
        double target = kmPerPx * WIDTH / 5;
        double nice = Math.pow(10, Math.floor(Math.log10(target)));
        double best = nice;
        for (double m : new double[] {1, 2, 5}) if (nice * m <= target) best = nice * m;
        scaleKm = best;
        scalePx = best / kmPerPx;
    }

    public static BriefMap of(List<Item> items, CountryShapes shapes) {
        return new BriefMap(items, shapes);
    }

    int width() { return WIDTH; }

    int height() { return height; }

    private static List<double[]> project(Coordinate[] cs, java.util.function.Function<Coordinate, double[]> proj) {
        List<double[]> out = new ArrayList<>(cs.length);
        for (Coordinate c : cs) out.add(proj.apply(c));
        return out;
    }

    /** The route's coordinates in travel order: each link's geometry where it has one, else its end nodes. */
    static List<Coordinate> path(Route route, Network network) {
        List<Coordinate> out = new ArrayList<>();
        if (route.legs().isEmpty()) {
            for (String id : route.nodes()) network.node(id).ifPresent(n -> out.add(new Coordinate(n.lon(), n.lat())));
            return out;
        }
        for (Leg leg : route.legs()) {
            Node from = network.node(leg.from()).orElse(null);
            Node to = network.node(leg.to()).orElse(null);
            LineString g = network.link(leg.linkId()).flatMap(Link::geometryOpt).orElse(null);
            List<Coordinate> seg = new ArrayList<>();
            if (g != null) {
                Coordinate[] cs = g.getCoordinates();
                Link link = network.link(leg.linkId()).orElseThrow();
                boolean reversed = !link.from().equals(leg.from());
                for (int i = 0; i < cs.length; i++) seg.add(cs[reversed ? cs.length - 1 - i : i]);
            } else {
                if (from != null) seg.add(new Coordinate(from.lon(), from.lat()));
                if (to != null) seg.add(new Coordinate(to.lon(), to.lat()));
            }
            if (!out.isEmpty() && !seg.isEmpty() && out.get(out.size() - 1).equals2D(seg.get(0))) seg.remove(0);
            out.addAll(seg);
        }
        return out;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String scaleLabel(double km) {
        return (km >= 1 ? String.format(Locale.ROOT, "%,d", (long) km) : fmt(km)) + " km";
    }

    /** The map as an SVG element (no XML declaration), for inlining in XHTML. */
    public String svg() {
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"brief-map\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"11\">\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#e3f2fd\"/>\n<g fill=\"#eeeeee\" stroke=\"#9e9e9e\""
                + " stroke-width=\"0.6\">\n");
        for (List<double[]> r : rings) s.append("<path d=\"").append(d(r, true)).append("\"/>\n");
        s.append("</g>\n");
        for (int i = lines.size() - 1; i >= 0; i--) {
            Line l = lines.get(i);
            String dash = DASHES[l.index() % DASHES.length];
            s.append("<path class=\"route\" fill=\"none\" stroke=\"").append(COLOURS[l.index() % COLOURS.length])
                    .append("\" stroke-width=\"").append(i == 0 ? "3" : "2.2").append("\" stroke-linejoin=\"round\"")
                    .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"").append(" d=\"")
                    .append(d(l.points(), false)).append("\"><title>").append(Brief.esc(l.name()))
                    .append("</title></path>\n");
        }
        if (start != null) {
            s.append("<circle cx=\"").append(fmt(start[0])).append("\" cy=\"").append(fmt(start[1]))
                    .append("\" r=\"6\" fill=\"#2e7d32\" stroke=\"#fff\" stroke-width=\"2\"/>\n");
            s.append("<circle cx=\"").append(fmt(end[0])).append("\" cy=\"").append(fmt(end[1]))
                    .append("\" r=\"6\" fill=\"#b71c1c\" stroke=\"#fff\" stroke-width=\"2\"/>\n");
        }
        double y = height - 16;
        s.append("<rect x=\"8\" y=\"").append(fmt(y - 14)).append("\" width=\"").append(fmt(scalePx + 70))
                .append("\" height=\"24\" fill=\"#ffffff\" fill-opacity=\"0.8\"/>\n");
        s.append("<path d=\"M 14 ").append(fmt(y)).append(" h ").append(fmt(scalePx)).append("\" stroke=\"#212121\""
                + " stroke-width=\"2\"/>\n");
        s.append("<text x=\"").append(fmt(20 + scalePx)).append("\" y=\"").append(fmt(y + 4)).append("\">")
                .append(scaleLabel(scaleKm)).append("</text>\n");
        // legend
        int ly = 10;
        for (Line l : lines) {
            String dash = DASHES[l.index() % DASHES.length];
            s.append("<rect x=\"").append(WIDTH - 306).append("\" y=\"").append(ly - 2).append("\" width=\"300\""
                    + " height=\"16\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>\n");
            s.append("<path d=\"M ").append(WIDTH - 300).append(' ').append(ly + 6).append(" h 24\" stroke=\"")
                    .append(COLOURS[l.index() % COLOURS.length]).append("\" stroke-width=\"3\"")
                    .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"").append("/>\n");
            s.append("<text x=\"").append(WIDTH - 270).append("\" y=\"").append(ly + 10).append("\">")
                    .append(Brief.esc(shorten(l.name()))).append("</text>\n");
            ly += 16;
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static String shorten(String name) {
        return name.length() > 40 ? name.substring(0, 39) + "…" : name;
    }

    private static String d(List<double[]> pts, boolean close) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < pts.size(); i++) {
            s.append(i == 0 ? "M" : "L").append(fmt(pts.get(i)[0])).append(' ').append(fmt(pts.get(i)[1]));
        }
        if (close) s.append('Z');
        return s.toString();
    }

    /** The same map as a PNG at twice the size, for the PDF brief. */
    public byte[] png(Font font) {
        double scale = 2;
        BufferedImage img = new BufferedImage((int) (WIDTH * scale), (int) (height * scale), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            g.setColor(Color.decode("#e3f2fd"));
            g.fillRect(0, 0, WIDTH, height);
            g.setStroke(new BasicStroke(0.6f));
            for (List<double[]> r : rings) {
                Path2D p = path2d(r, true);
                g.setColor(Color.decode("#eeeeee"));
                g.fill(p);
                g.setColor(Color.decode("#9e9e9e"));
                g.draw(p);
            }
            for (int i = lines.size() - 1; i >= 0; i--) {
                Line l = lines.get(i);
                g.setColor(Color.decode(COLOURS[l.index() % COLOURS.length]));
                g.setStroke(stroke(i == 0 ? 3f : 2.2f, DASHES[l.index() % DASHES.length]));
                g.draw(path2d(l.points(), false));
            }
            if (start != null) {
                marker(g, start, "#2e7d32");
                marker(g, end, "#b71c1c");
            }
            g.setFont(font.deriveFont(11f));
            double y = height - 16;
            g.setColor(new Color(255, 255, 255, 204));
            g.fill(new java.awt.geom.Rectangle2D.Double(8, y - 14, scalePx + 70, 24));
            g.setColor(Color.decode("#212121"));
            g.setStroke(new BasicStroke(2f));
            g.draw(new java.awt.geom.Line2D.Double(14, y, 14 + scalePx, y));
            g.drawString(scaleLabel(scaleKm), (float) (20 + scalePx), (float) (y + 4));
            int ly = 10;
            for (Line l : lines) {
                g.setColor(new Color(255, 255, 255, 217));
                g.fillRect(WIDTH - 306, ly - 2, 300, 16);
                g.setColor(Color.decode(COLOURS[l.index() % COLOURS.length]));
                g.setStroke(stroke(3f, DASHES[l.index() % DASHES.length]));
                g.draw(new java.awt.geom.Line2D.Double(WIDTH - 300, ly + 6, WIDTH - 276, ly + 6));
                g.setColor(Color.decode("#212121"));
                g.drawString(shorten(l.name()), WIDTH - 270, ly + 10);
                ly += 16;
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void marker(Graphics2D g, double[] p, String colour) {
        Ellipse2D e = new Ellipse2D.Double(p[0] - 6, p[1] - 6, 12, 12);
        g.setColor(Color.decode(colour));
        g.fill(e);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(2f));
        g.draw(e);
    }

    private static BasicStroke stroke(float w, String dash) {
        if (dash.isEmpty()) return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
        String[] parts = dash.split(" ");
        float[] a = new float[parts.length];
        for (int i = 0; i < a.length; i++) a[i] = Float.parseFloat(parts[i]);
        return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, a, 0f);
    }

    private static Path2D path2d(List<double[]> pts, boolean close) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < pts.size(); i++) {
            if (i == 0) p.moveTo(pts.get(i)[0], pts.get(i)[1]);
            else p.lineTo(pts.get(i)[0], pts.get(i)[1]);
        }
        if (close) p.closePath();
        return p;
    }
}
