package dev.tyche.examples.chart;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A tiny, dependency-free line and scatter chart that renders itself as a standalone SVG document,
 * for notebooks ({@code display(chart.toSvg(), "image/svg+xml")} in IJava or JJava) and for files.
 *
 * <p>Axes are linear. The x values are plain numbers, or epoch milliseconds (UTC) after {@link
 * #timeAxis()}, in which case the ticks fall on whole days and are labelled {@code yyyy-MM-dd}.
 * Non-finite values are skipped: a line breaks at a NaN instead of drawing through it. Tick steps
 * are 1, 2 or 5 times a power of ten (days for a time axis), the usual "nice numbers" choice (P. S.
 * Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990).
 *
 * <p>The output is a well-formed XML document with text escaped; it carries no script and no
 * external reference.
 *
 * <p>Mutable; confined to one thread.
 */
public final class Chart {

  private static final String[] PALETTE = {
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf", "#7f7f7f"
  };
  private static final long DAY_MILLIS = 86_400_000L;
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final int LEFT = 72;
  private static final int RIGHT = 20;
  private static final int TOP = 36;
  private static final int BOTTOM = 48;

  private final String title;
  private final List<Series> series = new ArrayList<>();
  private String xLabel = "";
  private String yLabel = "";
  private int width = 760;
  private int height = 360;
  private boolean timeAxis;

  private Chart(String title) {
    this.title = Objects.requireNonNull(title, "title");
  }

  /**
   * An empty chart.
   *
   * @param title the title printed above the plot, not null (may be empty)
   * @return the chart
   */
  public static Chart of(String title) {
    return new Chart(title);
  }

  /**
   * Sets the x-axis label.
   *
   * @param label the label, not null
   * @return this chart
   */
  public Chart xLabel(String label) {
    this.xLabel = Objects.requireNonNull(label, "label");
    return this;
  }

  /**
   * Sets the y-axis label.
   *
   * @param label the label, not null
   * @return this chart
   */
  public Chart yLabel(String label) {
    this.yLabel = Objects.requireNonNull(label, "label");
    return this;
  }

  /**
   * Sets the size of the SVG canvas in pixels.
   *
   * @param newWidth the width, at least 200
   * @param newHeight the height, at least 120
   * @return this chart
   * @throws IllegalArgumentException if a dimension is too small
   */
  public Chart size(int newWidth, int newHeight) {
    if (newWidth < 200) {
      throw new IllegalArgumentException("width must be >= 200 but was " + newWidth);
    }
    if (newHeight < 120) {
      throw new IllegalArgumentException("height must be >= 120 but was " + newHeight);
    }
    this.width = newWidth;
    this.height = newHeight;
    return this;
  }

  /**
   * Treats x values as epoch milliseconds (UTC): ticks on whole days, labelled {@code yyyy-MM-dd}.
   *
   * @return this chart
   */
  public Chart timeAxis() {
    this.timeAxis = true;
    return this;
  }

  /**
   * Adds a line through the points {@code (x[i], y[i])} in the given order.
   *
   * @param name the legend entry, not null
   * @param x the x values, not null
   * @param y the y values, same length as {@code x}
   * @return this chart
   * @throws IllegalArgumentException if the lengths differ
   */
  public Chart line(String name, double[] x, double[] y) {
    return add(name, x, y, false);
  }

  /**
   * Adds a line through {@code (i, y[i])}, {@code i = 0..n-1}.
   *
   * @param name the legend entry, not null
   * @param y the y values, not null
   * @return this chart
   */
  public Chart line(String name, double[] y) {
    return add(name, indices(y.length), y, false);
  }

  /**
   * Adds a line through {@code (x[i], y[i])} with epoch-millisecond x values; combine with {@link
   * #timeAxis()}.
   *
   * @param name the legend entry, not null
   * @param epochMillis the times, not null
   * @param y the y values, same length
   * @return this chart
   * @throws IllegalArgumentException if the lengths differ
   */
  public Chart line(String name, long[] epochMillis, double[] y) {
    return add(name, toDouble(epochMillis), y, false);
  }

  /**
   * Adds unconnected markers at {@code (x[i], y[i])}.
   *
   * @param name the legend entry, not null
   * @param x the x values, not null
   * @param y the y values, same length as {@code x}
   * @return this chart
   * @throws IllegalArgumentException if the lengths differ
   */
  public Chart points(String name, double[] x, double[] y) {
    return add(name, x, y, true);
  }

  /**
   * Number of series added so far.
   *
   * @return the count
   */
  public int seriesCount() {
    return series.size();
  }

  private Chart add(String name, double[] x, double[] y, boolean markers) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "x and y must have the same length but had " + x.length + " and " + y.length);
    }
    series.add(new Series(name, x.clone(), y.clone(), markers, PALETTE[series.size() % 8]));
    return this;
  }

  /**
   * Renders the chart as a standalone SVG document.
   *
   * @return the SVG text, starting with {@code <svg}
   */
  public String toSvg() {
    double[] xr = range(true);
    double[] yr = range(false);
    double[] xTicks = timeAxis ? timeTicks(xr) : ticks(xr[0], xr[1]);
    double[] yTicks = ticks(yr[0], yr[1]);
    // Widen the axes to the outer ticks so that every point sits inside the frame.
    xr = new double[] {Math.min(xr[0], xTicks[0]), Math.max(xr[1], xTicks[xTicks.length - 1])};
    yr = new double[] {Math.min(yr[0], yTicks[0]), Math.max(yr[1], yTicks[yTicks.length - 1])};
    Frame f = new Frame(xr, yr, width, height);

    StringBuilder s = new StringBuilder(4096);
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    text(s, width / 2.0, 20, "middle", "13", title);
    // Grid and tick labels.
    for (double t : yTicks) {
      double py = f.py(t);
      s.append(
              String.format(
                  Locale.ROOT,
                  "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"",
                  LEFT,
                  py,
                  width - RIGHT,
                  py))
          .append(" stroke=\"#e0e0e0\"/>\n");
      text(s, LEFT - 6, py + 4, "end", null, number(t, yTicks));
    }
    for (double t : xTicks) {
      double px = f.px(t);
      s.append(
              String.format(
                  Locale.ROOT,
                  "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"",
                  px,
                  TOP,
                  px,
                  height - BOTTOM))
          .append(" stroke=\"#e0e0e0\"/>\n");
      String label = timeAxis ? DATE.format(Instant.ofEpochMilli((long) t)) : number(t, xTicks);
      text(s, px, height - BOTTOM + 16, "middle", null, label);
    }
    s.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>\n",
            LEFT,
            TOP,
            width - LEFT - RIGHT,
            height - TOP - BOTTOM));
    text(s, (LEFT + width - RIGHT) / 2.0, height - 10, "middle", null, xLabel);
    s.append(
            String.format(
                Locale.ROOT,
                "<text x=\"14\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 14 %.1f)\">",
                (TOP + height - BOTTOM) / 2.0,
                (TOP + height - BOTTOM) / 2.0))
        .append(escape(yLabel))
        .append("</text>\n");
    for (Series ser : series) {
      if (ser.markers) {
        drawPoints(s, f, ser);
      } else {
        drawLine(s, f, ser);
      }
    }
    legend(s);
    s.append("</svg>\n");
    return s.toString();
  }

  private void drawLine(StringBuilder s, Frame f, Series ser) {
    StringBuilder d = new StringBuilder(ser.x.length * 14);
    boolean pen = false;
    for (int i = 0; i < ser.x.length; i++) {
      if (!Double.isFinite(ser.x[i]) || !Double.isFinite(ser.y[i])) {
        pen = false;
        continue;
      }
      d.append(pen ? 'L' : 'M')
          .append(String.format(Locale.ROOT, "%.1f %.1f ", f.px(ser.x[i]), f.py(ser.y[i])));
      pen = true;
    }
    if (d.length() > 0) {
      s.append("<path fill=\"none\" stroke-width=\"1.4\" stroke=\"")
          .append(ser.color)
          .append("\" d=\"")
          .append(d.toString().trim())
          .append("\"/>\n");
    }
  }

  private static void drawPoints(StringBuilder s, Frame f, Series ser) {
    for (int i = 0; i < ser.x.length; i++) {
      if (Double.isFinite(ser.x[i]) && Double.isFinite(ser.y[i])) {
        s.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\" fill-opacity=\"0.85\"/>\n",
                f.px(ser.x[i]),
                f.py(ser.y[i]),
                ser.color));
      }
    }
  }

  private void legend(StringBuilder s) {
    double y = TOP + 14;
    for (Series ser : series) {
      double x = LEFT + 10;
      if (ser.markers) {
        s.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>\n",
                x + 9,
                y - 4,
                ser.color));
      } else {
        s.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                    + " stroke-width=\"2\"/>\n",
                x,
                y - 4,
                x + 18,
                y - 4,
                ser.color));
      }
      text(s, x + 24, y, "start", null, ser.name);
      y += 15;
    }
  }

  private double[] range(boolean xAxis) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Series ser : series) {
      for (int i = 0; i < ser.x.length; i++) {
        double v = xAxis ? ser.x[i] : ser.y[i];
        if (Double.isFinite(ser.x[i]) && Double.isFinite(ser.y[i])) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (lo > hi) {
      // Nothing to draw: an empty unit frame (or one day on a time axis).
      return new double[] {0, timeAxis && xAxis ? DAY_MILLIS : 1};
    }
    if (lo == hi) {
      double pad = lo == 0 ? 1 : Math.abs(lo) * 0.05;
      return new double[] {lo - pad, hi + pad};
    }
    return new double[] {lo, hi};
  }

  /** About five nice ticks covering {@code [lo, hi]}: a step of 1, 2 or 5 times 10^k. */
  static double[] ticks(double lo, double hi) {
    double step = niceStep((hi - lo) / 5.0);
    double first = Math.floor(lo / step) * step;
    double last = Math.ceil(hi / step) * step;
    int n = (int) Math.round((last - first) / step) + 1;
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = first + i * step;
    }
    return t;
  }

  private static double[] timeTicks(double[] xr) {
    double[] dayTicks = ticks(xr[0] / DAY_MILLIS, xr[1] / DAY_MILLIS);
    double step = Math.max(1.0, Math.rint(dayTicks.length > 1 ? dayTicks[1] - dayTicks[0] : 1));
    double first = Math.floor(xr[0] / DAY_MILLIS / step) * step;
    double last = Math.ceil(xr[1] / DAY_MILLIS / step) * step;
    int n = (int) Math.round((last - first) / step) + 1;
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = (first + i * step) * DAY_MILLIS;
    }
    return t;
  }

  static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double m = raw / p;
    double nice = m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10;
    return nice * p;
  }

  /** Formats a tick with as many decimals as the tick step needs. */
  private static String number(double v, double[] ticks) {
    double step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : 1;
    int decimals = (int) Math.max(0, Math.min(8, Math.ceil(-Math.log10(step) - 1e-9)));
    double abs = Math.abs(v);
    if (abs != 0 && (abs >= 1e7 || step < 1e-6)) {
      return String.format(Locale.ROOT, "%.2e", v);
    }
    String out = String.format(Locale.ROOT, "%." + decimals + "f", v);
    return "-0".equals(out) ? "0" : out;
  }

  private static void text(
      StringBuilder s, double x, double y, String anchor, String fontSize, String content) {
    if (content.isEmpty()) {
      return;
    }
    s.append(
        String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"", x, y, anchor));
    if (fontSize != null) {
      s.append(" font-size=\"").append(fontSize).append('"');
    }
    s.append('>').append(escape(content)).append("</text>\n");
  }

  /** Escapes the five XML special characters. */
  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static double[] indices(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    return x;
  }

  private static double[] toDouble(long[] values) {
    Objects.requireNonNull(values, "epochMillis");
    double[] x = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      x[i] = values[i];
    }
    return x;
  }

  private record Series(String name, double[] x, double[] y, boolean markers, String color) {}

  /** Maps data coordinates to pixels inside the plot frame. */
  private record Frame(double[] xr, double[] yr, int width, int height) {
    double px(double x) {
      return LEFT + (x - xr[0]) / (xr[1] - xr[0]) * (width - LEFT - RIGHT);
    }

    double py(double y) {
      return height - BOTTOM - (y - yr[0]) / (yr[1] - yr[0]) * (height - TOP - BOTTOM);
    }
  }
}
