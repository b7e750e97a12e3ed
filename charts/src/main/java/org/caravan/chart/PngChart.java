package org.caravan.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.caravan.network.Mode;

/**
 * Draws a {@link DistanceChart} with Java2D into a PNG, with the same layout and colours as {@link SvgChart}
 * (for slides and reports that take no SVG). Rendered at twice the SVG's size so text stays sharp.
 */
public final class PngChart {
    private static final double SCALE = 2;

    private PngChart() {}

    public static byte[] render(DistanceChart chart, String title) {
        ChartLayout l = ChartLayout.of(chart);
        BufferedImage img = new BufferedImage((int) (l.width() * SCALE), (int) (l.height() * SCALE),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, l.width(), l.height());
            Font base = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
            g.setFont(base.deriveFont(Font.BOLD, 13f));
            g.setColor(rgb("#212121"));
            g.drawString(title, l.left(), 18);
            g.setFont(base);
            axes(g, l);
            for (int i = 0; i < chart.series().size(); i++) series(g, chart, l, i);
            g.setFont(base.deriveFont((float) ChartLayout.LABEL_SIZE));
            for (ChartLayout.Label lb : l.labels(chart)) {
                g.setColor(rgb(ChartLayout.jumpColour(lb.type())));
                float w = g.getFontMetrics().stringWidth(lb.text());
                g.drawString(lb.text(), (float) (lb.anchorEnd() ? lb.x() - w : lb.x()), (float) lb.y());
            }
            g.setFont(base);
            legend(g, chart, l);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail in practice
        }
        return out.toByteArray();
    }

    private static void axes(Graphics2D g, ChartLayout l) {
        int x0 = l.left();
        int y0 = l.top() + l.plotHeight();
        g.setStroke(new BasicStroke(1f));
        for (ChartLayout.Tick t : l.xTicks()) {
            double x = l.x(t.value());
            g.setColor(rgb("#eeeeee"));
            g.draw(new Line2D.Double(x, l.top(), x, y0));
            g.setColor(rgb("#424242"));
            centred(g, t.label(), x, y0 + 16);
        }
        for (ChartLayout.Tick t : l.yTicks()) {
            double y = l.y(t.value());
            g.setColor(rgb("#eeeeee"));
            g.draw(new Line2D.Double(x0, y, x0 + l.plotWidth(), y));
            g.setColor(rgb("#424242"));
            g.drawString(t.label(), (float) (x0 - 6 - g.getFontMetrics().stringWidth(t.label())), (float) (y + 4));
        }
        g.setColor(rgb("#9e9e9e"));
        g.drawLine(x0, y0, x0 + l.plotWidth(), y0);
        g.drawLine(x0, l.top(), x0, y0);
        g.setColor(rgb("#212121"));
        centred(g, l.xTitle(), x0 + l.plotWidth() / 2.0, y0 + 40);
        AffineTransform saved = g.getTransform();
        int cy = l.top() + l.plotHeight() / 2;
        g.rotate(-Math.PI / 2, 20, cy);
        centred(g, l.yTitle(), 20, cy);
        g.setTransform(saved);
    }

    private static void series(Graphics2D g, DistanceChart chart, ChartLayout l, int i) {
        DistanceChart.Series se = chart.series().get(i);
        BasicStroke stroke = stroke(3f, ChartLayout.dash(i));
        g.setStroke(stroke);
        for (DistanceChart.Segment s : se.segments()) {
            g.setColor(rgb(ChartLayout.colour(s.mode())));
            g.draw(new Line2D.Double(l.x(s.km0()), l.y(s.value0()), l.x(s.km1()), l.y(s.value1())));
        }
        for (DistanceChart.Jump j : se.jumps()) {
            g.setColor(rgb(ChartLayout.jumpColour(j.type())));
            g.setStroke(stroke);
            g.draw(new Line2D.Double(l.x(j.km0()), l.y(j.value0()), l.x(j.km1()), l.y(j.value1())));
        }
        g.setColor(rgb("#212121"));
        double cx = l.x(se.endKm());
        double cy = l.y(se.endValue());
        g.fill(new java.awt.geom.Ellipse2D.Double(cx - 4, cy - 4, 8, 8));
    }

    private static void legend(Graphics2D g, DistanceChart chart, ChartLayout l) {
        int x = l.left() + l.plotWidth() + 20;
        int y = l.top() + 10;
        Font base = g.getFont();
        ChartLayout.LegendRows rows = l.legendRows(chart.series().size());
        for (int i = 0; i < rows.shown(); i++) {
            DistanceChart.Series se = chart.series().get(i);
            g.setColor(rgb("#212121"));
            g.setStroke(stroke(2.5f, ChartLayout.dash(i)));
            g.drawLine(x, y, x + 28, y);
            g.drawString(SvgChart.legendName(se.name()), x + 34, y + 4);
            if (rows.withTotals()) {
                g.setFont(base.deriveFont(10f));
                g.setColor(rgb("#616161"));
                g.drawString(SvgChart.totalLabel(chart, se), x + 34, y + 18);
                g.setFont(base);
            }
            y += rows.rowHeight();
        }
        if (rows.shown() < chart.series().size()) {
            g.setColor(rgb("#616161"));
            g.drawString("+" + (chart.series().size() - rows.shown()) + " more routes", x + 34, y + 4);
            y += rows.rowHeight();
        }
        y += 6;
        g.setStroke(new BasicStroke(3f));
        for (Mode m : Mode.CARRIER_MODES) {
            g.setColor(rgb(ChartLayout.colour(m)));
            g.drawLine(x, y, x + 28, y);
            g.setColor(rgb("#212121"));
            g.drawString(m.name().toLowerCase(Locale.ROOT), x + 34, y + 4);
            y += 18;
        }
        for (DistanceChart.Jump.Type t : DistanceChart.Jump.Type.values()) {
            g.setColor(rgb(ChartLayout.jumpColour(t)));
            g.drawLine(x + 14, y - 7, x + 14, y + 7);
            g.setColor(rgb("#212121"));
            g.drawString(t == DistanceChart.Jump.Type.CROSSING ? "border crossing" : "transshipment / gauge break",
                    x + 34, y + 4);
            y += 18;
        }
    }

    private static BasicStroke stroke(float width, String dash) {
        if (dash.isEmpty()) return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        String[] parts = dash.split(" ");
        float[] d = new float[parts.length];
        for (int k = 0; k < parts.length; k++) d[k] = Float.parseFloat(parts[k]);
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, d, 0f);
    }

    private static void centred(Graphics2D g, String s, double x, double y) {
        g.drawString(s, (float) (x - g.getFontMetrics().stringWidth(s) / 2.0), (float) y);
    }

    private static Color rgb(String hex) {
        return new Color(Integer.parseInt(hex.substring(1), 16));
    }
}
