package org.caravan.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A log-log scatter of published figures (x, with the published range as a horizontal bar) against Caravan's
 * (y), with the diagonal and the ±20 % band: how far the model is from what sources say, over quantities of
 * different units at once. SVG and PNG share one layout and the look of {@link SvgChart} / {@link PngChart}
 * (white page, grey grid, sans-serif, bold title, legend on the right). Points in the band are filled, misses
 * hollow.
 */
public final class LogScatterChart {
    static final int WIDTH = 900;
    static final int HEIGHT = 680;
    static final int LEFT = 70;
    static final int TOP = 40;
    static final int PLOT = 560;
    static final double SCALE = 2;

    /** One observation: {@code group} decides the colour (e.g. "distance", "time", "cost", "co2"). */
    public record Point(String label, String group, double low, double high, double caravan, boolean inRange) {
        double published() { return Math.sqrt(low * high); }
    }

    private final List<Point> points;
    private final double band;
    private final double logMin;
    private final double logMax;
    private final Map<String, String> colours = new LinkedHashMap<>();

    /** @param band the relative tolerance drawn around the diagonal (0.2 for ±20 %) */
    public LogScatterChart(List<Point> points, double band) {
        this.points = List.copyOf(points);
        this.band = band;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            for (double v : new double[] {p.low(), p.high(), p.caravan()}) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(lo <= hi)) {
            lo = 1;
            hi = 10;
        }
        logMin = Math.floor(Math.log10(lo));
        logMax = Math.max(logMin + 1, Math.ceil(Math.log10(hi)));
        String[] palette = {"#0277bd", "#f57c00", "#2e7d32", "#6d4c41", "#6a1b9a", "#c62828"};
        for (Point p : points) colours.putIfAbsent(p.group(), palette[colours.size() % palette.length]);
    }

    public List<Point> points() { return points; }

    double x(double v) { return LEFT + (Math.log10(v) - logMin) / (logMax - logMin) * PLOT; }

    double y(double v) { return TOP + PLOT - (Math.log10(v) - logMin) / (logMax - logMin) * PLOT; }

    public String svg(String title) {
        SvgCanvas c = new SvgCanvas();
        draw(c, title);
        return c.finish(title);
    }

    public byte[] png(String title) {
        BufferedImage img = new BufferedImage((int) (WIDTH * SCALE), (int) (HEIGHT * SCALE),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            draw(new PngCanvas(g), title);
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

    private void draw(Canvas c, String title) {
        c.text(LEFT, 22, title, "#212121", 13, false, true, false);
        int bottom = TOP + PLOT;
        for (int e = (int) logMin; e <= (int) logMax; e++) {
            for (int m : new int[] {1, 2, 5}) {
                double v = m * Math.pow(10, e);
                if (Math.log10(v) > logMax + 1e-9) break;
                String grid = m == 1 ? "#e0e0e0" : "#f3f3f3";
                c.line(x(v), TOP, x(v), bottom, grid, 1, null);
                c.line(LEFT, y(v), LEFT + PLOT, y(v), grid, 1, null);
                if (m == 1 || logMax - logMin <= 2) {
                    c.text(x(v), bottom + 16, label(v), "#424242", 11, true, false, false);
                    c.text(LEFT - 6, y(v) + 4, label(v), "#424242", 11, false, false, true);
                }
            }
        }
        c.line(LEFT, bottom, LEFT + PLOT, bottom, "#9e9e9e", 1, null);
        c.line(LEFT, TOP, LEFT, bottom, "#9e9e9e", 1, null);
        double a = Math.pow(10, logMin);
        double b = Math.pow(10, logMax);
        c.line(x(a), y(a), x(b), y(b), "#616161", 1, null);
        c.line(x(a), y(a * (1 + band)), x(b / (1 + band)), y(b), "#9e9e9e", 1, "5 4");
        c.line(x(a / (1 - band)), y(a), x(b), y(b * (1 - band)), "#9e9e9e", 1, "5 4");
        c.text(LEFT + PLOT / 2.0, bottom + 40, "published (geometric middle of the range; bar = published range)",
                "#212121", 11, true, false, false);
        c.verticalText(20, TOP + PLOT / 2.0, "Caravan", "#212121");
        for (Point p : points) {
            if (!(p.caravan() > 0) || !(p.low() > 0)) continue;
            String col = colours.get(p.group());
            double py = y(p.caravan());
            if (p.high() > p.low()) c.line(x(p.low()), py, x(p.high()), py, col, 1.5, null);
            c.circle(x(p.published()), py, 3.5, col, p.inRange() ? col : "#ffffff", p.label());
        }
        int lx = LEFT + PLOT + 30;
        int ly = TOP + 10;
        c.text(lx, ly, "Key", "#212121", 11, false, true, false);
        for (Map.Entry<String, String> e : colours.entrySet()) {
            ly += 20;
            long n = points.stream().filter(p -> p.group().equals(e.getKey())).count();
            c.circle(lx + 5, ly - 4, 4, e.getValue(), e.getValue(), null);
            c.text(lx + 16, ly, e.getKey() + " (" + n + ")", "#424242", 11, false, false, false);
        }
        ly += 26;
        c.circle(lx + 5, ly - 4, 4, "#424242", "#424242", null);
        c.text(lx + 16, ly, "within ±" + Math.round(band * 100) + " %", "#424242", 11, false, false, false);
        ly += 20;
        c.circle(lx + 5, ly - 4, 4, "#424242", "#ffffff", null);
        c.text(lx + 16, ly, "outside", "#424242", 11, false, false, false);
        ly += 20;
        c.line(lx, ly - 4, lx + 12, ly - 4, "#616161", 1, null);
        c.text(lx + 16, ly, "Caravan = published", "#424242", 11, false, false, false);
        ly += 20;
        c.line(lx, ly - 4, lx + 12, ly - 4, "#9e9e9e", 1, "5 4");
        c.text(lx + 16, ly, "±" + Math.round(band * 100) + " % band", "#424242", 11, false, false, false);
    }

    static String label(double v) {
        if (v >= 1_000_000) return String.format(Locale.ROOT, "%.0fM", v / 1_000_000);
        if (v >= 10_000) return String.format(Locale.ROOT, "%.0fk", v / 1000);
        if (v >= 1) return String.format(Locale.ROOT, "%.0f", v);
        return new java.math.BigDecimal(v).round(new java.math.MathContext(1)).stripTrailingZeros().toPlainString();
    }

    /** The few drawing operations the chart needs, once for SVG and once for Java2D. */
    private interface Canvas {
        void line(double x1, double y1, double x2, double y2, String colour, double width, String dash);

        void circle(double cx, double cy, double r, String stroke, String fill, String tooltip);

        void text(double x, double y, String s, String colour, int size, boolean middle, boolean bold, boolean end);

        void verticalText(double x, double y, String s, String colour);
    }

    private static final class SvgCanvas implements Canvas {
        final StringBuilder s = new StringBuilder(32_768);

        @Override
        public void line(double x1, double y1, double x2, double y2, String colour, double width, String dash) {
            s.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                    .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(colour).append("\" stroke-width=\"")
                    .append(n(width)).append('"').append(dash == null ? "" : " stroke-dasharray=\"" + dash + "\"")
                    .append("/>\n");
        }

        @Override
        public void circle(double cx, double cy, double r, String stroke, String fill, String tooltip) {
            s.append("<circle class=\"").append(tooltip == null ? "key" : "obs").append("\" cx=\"").append(n(cx))
                    .append("\" cy=\"").append(n(cy)).append("\" r=\"")
                    .append(n(r)).append("\" stroke=\"").append(stroke).append("\" fill=\"").append(fill).append('"');
            if (tooltip == null) {
                s.append("/>\n");
            } else {
                s.append("><title>").append(SvgChart.esc(tooltip)).append("</title></circle>\n");
            }
        }

        @Override
        public void text(double x, double y, String t, String colour, int size, boolean middle, boolean bold,
                boolean end) {
            s.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" fill=\"").append(colour)
                    .append("\" font-size=\"").append(size).append('"')
                    .append(middle ? " text-anchor=\"middle\"" : end ? " text-anchor=\"end\"" : "")
                    .append(bold ? " font-weight=\"bold\"" : "").append('>').append(SvgChart.esc(t))
                    .append("</text>\n");
        }

        @Override
        public void verticalText(double x, double y, String t, String colour) {
            s.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" transform=\"rotate(-90 ")
                    .append(n(x)).append(' ').append(n(y)).append(")\" text-anchor=\"middle\" fill=\"").append(colour)
                    .append("\">").append(SvgChart.esc(t)).append("</text>\n");
        }

        String finish(String title) {
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                    + "class=\"validation-chart\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" width=\"" + WIDTH
                    + "\" height=\"" + HEIGHT + "\" font-family=\"sans-serif\" font-size=\"11\">\n<title>"
                    + SvgChart.esc(title) + "</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
                    + s + "</svg>\n";
        }

        static String n(double v) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
    }

    private static final class PngCanvas implements Canvas {
        final Graphics2D g;
        final Font base = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

        PngCanvas(Graphics2D g) { this.g = g; }

        @Override
        public void line(double x1, double y1, double x2, double y2, String colour, double width, String dash) {
            g.setColor(Color.decode(colour));
            float[] pattern = null;
            if (dash != null) {
                String[] parts = dash.split(" ");
                pattern = new float[parts.length];
                for (int i = 0; i < parts.length; i++) pattern[i] = Float.parseFloat(parts[i]);
            }
            g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, pattern, 0f));
            g.draw(new Line2D.Double(x1, y1, x2, y2));
        }

        @Override
        public void circle(double cx, double cy, double r, String stroke, String fill, String tooltip) {
            Ellipse2D e = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
            g.setColor(Color.decode(fill));
            g.fill(e);
            g.setColor(Color.decode(stroke));
            g.setStroke(new BasicStroke(1.2f));
            g.draw(e);
        }

        @Override
        public void text(double x, double y, String t, String colour, int size, boolean middle, boolean bold,
                boolean end) {
            g.setFont(base.deriveFont(bold ? Font.BOLD : Font.PLAIN, (float) size));
            g.setColor(Color.decode(colour));
            float w = g.getFontMetrics().stringWidth(t);
            float at = (float) (middle ? x - w / 2 : end ? x - w : x);
            g.drawString(t, at, (float) y);
        }

        @Override
        public void verticalText(double x, double y, String t, String colour) {
            AffineTransform saved = g.getTransform();
            g.setFont(base);
            g.setColor(Color.decode(colour));
            g.rotate(-Math.PI / 2, x, y);
            float w = g.getFontMetrics().stringWidth(t);
            g.drawString(t, (float) (x - w / 2), (float) y);
            g.setTransform(saved);
        }
    }
}
