package dev.tyche.backtest.report;

import dev.tyche.backtest.result.RegimeSeries;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Inline SVG charts as well-formed XML text: time-series line/area charts with nice axis ticks and
 * optional regime shading.
 *
 * <p>Immutable and thread-safe (a static utility).
 */
final class Svg {

  static final String[] REGIME_COLORS = {
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2", "#edc948", "#9c755f"
  };

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final int LEFT = 80;
  private static final int RIGHT = 20;
  private static final int TOP = 26;
  private static final int BOTTOM = 34;

  private Svg() {}

  /** One series of a chart. */
  static final class Series {
    final String label;
    final double[] y;
    final String color;
    final boolean area;
    final boolean dashed;

    Series(String label, double[] y, String color, boolean area) {
      this(label, y, color, area, false);
    }

    Series(String label, double[] y, String color, boolean area, boolean dashed) {
      this.label = label;
      this.y = y;
      this.color = color;
      this.area = area;
      this.dashed = dashed;
    }
  }

  /**
   * A time-series chart.
   *
   * @param id element id
   * @param title accessible title
   * @param x times, UTC ms, increasing
   * @param series the series, each as long as {@code x}
   * @param width width in px
   * @param height height in px
   * @param yFormat format of axis labels, e.g. "%.0f" or percent via {@code percent}
   * @param percent whether to show y values as percentages (values are fractions)
   * @param regimes optional shading
   * @param includeZero whether the y range must include 0
   */
  static String timeChart(
      String id,
      String title,
      long[] x,
      List<Series> series,
      int width,
      int height,
      boolean percent,
      Optional<RegimeSeries> regimes,
      boolean includeZero) {
    StringBuilder sb = new StringBuilder();
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"")
        .append(id)
        .append("\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" role=\"img\" aria-label=\"")
        .append(Html.escape(title))
        .append("\">");
    sb.append("<title>").append(Html.escape(title)).append("</title>");
    sb.append("<rect x=\"0\" y=\"0\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" fill=\"#ffffff\"/>");
    if (x.length < 2) {
      sb.append("<text x=\"")
          .append(width / 2)
          .append("\" y=\"")
          .append(height / 2)
          .append("\" text-anchor=\"middle\" font-size=\"13\">not enough samples to draw</text>");
      return sb.append("</svg>").toString();
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (double v : s.y) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (includeZero) {
      lo = Math.min(lo, 0.0);
      hi = Math.max(hi, 0.0);
    }
    if (!(hi > lo)) {
      double pad = Math.abs(hi) > 0 ? Math.abs(hi) * 0.01 : 1.0;
      lo -= pad;
      hi += pad;
    }
    double[] ticks = niceTicks(lo, hi, 5);
    lo = Math.min(lo, ticks[0]);
    hi = Math.max(hi, ticks[ticks.length - 1]);
    double x0 = x[0];
    double x1 = x[x.length - 1];
    int plotW = width - LEFT - RIGHT;
    int plotH = height - TOP - BOTTOM;
    Scale sx = new Scale(x0, x1, LEFT, LEFT + plotW);
    Scale sy = new Scale(lo, hi, TOP + plotH, TOP);

    if (regimes.isPresent()) {
      shade(sb, regimes.get(), x[0], x[x.length - 1], sx, TOP, plotH);
    }
    // Grid and y labels.
    for (double t : ticks) {
      double py = sy.map(t);
      sb.append("<line x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(LEFT + plotW)
          .append("\" y1=\"")
          .append(fmt(py))
          .append("\" y2=\"")
          .append(fmt(py))
          .append("\" stroke=\"#dddddd\" stroke-width=\"1\"/>");
      sb.append("<text x=\"")
          .append(LEFT - 6)
          .append("\" y=\"")
          .append(fmt(py + 4))
          .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"#333333\">")
          .append(Html.escape(percent ? pct(t, ticks) : num(t, ticks)))
          .append("</text>");
    }
    // X labels: about 6 evenly spaced dates.
    int labels = Math.max(2, Math.min(7, plotW / 150));
    boolean shortSpan = x1 - x0 < 3L * 86_400_000L;
    for (int i = 0; i < labels; i++) {
      double t = x0 + (x1 - x0) * i / (labels - 1);
      double px = sx.map(t);
      String anchor = i == 0 ? "start" : i == labels - 1 ? "end" : "middle";
      sb.append("<line x1=\"")
          .append(fmt(px))
          .append("\" x2=\"")
          .append(fmt(px))
          .append("\" y1=\"")
          .append(TOP + plotH)
          .append("\" y2=\"")
          .append(TOP + plotH + 4)
          .append("\" stroke=\"#555555\"/>");
      sb.append("<text x=\"")
          .append(fmt(px))
          .append("\" y=\"")
          .append(TOP + plotH + 18)
          .append("\" text-anchor=\"")
          .append(anchor)
          .append("\" font-size=\"11\" fill=\"#333333\">")
          .append((shortSpan ? MINUTE : DAY).format(Instant.ofEpochMilli(Math.round(t))))
          .append("</text>");
    }
    // Axes.
    sb.append("<line x1=\"")
        .append(LEFT)
        .append("\" x2=\"")
        .append(LEFT)
        .append("\" y1=\"")
        .append(TOP)
        .append("\" y2=\"")
        .append(TOP + plotH)
        .append("\" stroke=\"#555555\"/>");
    sb.append("<line x1=\"")
        .append(LEFT)
        .append("\" x2=\"")
        .append(LEFT + plotW)
        .append("\" y1=\"")
        .append(TOP + plotH)
        .append("\" y2=\"")
        .append(TOP + plotH)
        .append("\" stroke=\"#555555\"/>");
    for (Series s : series) {
      String pts = points(x, s.y, sx, sy, plotW);
      if (s.area) {
        double base = sy.map(Math.max(lo, Math.min(hi, 0.0)));
        sb.append("<polygon points=\"")
            .append(fmt(sx.map(x[0])))
            .append(',')
            .append(fmt(base))
            .append(' ')
            .append(pts)
            .append(' ')
            .append(fmt(sx.map(x[x.length - 1])))
            .append(',')
            .append(fmt(base))
            .append("\" fill=\"")
            .append(s.color)
            .append("\" fill-opacity=\"0.35\" stroke=\"none\"/>");
      }
      sb.append("<polyline points=\"")
          .append(pts)
          .append("\" fill=\"none\" stroke=\"")
          .append(s.color)
          .append(s.dashed ? "\" stroke-dasharray=\"5,3" : "")
          .append("\" stroke-width=\"1.5\"/>");
    }
    // Legend (series), in the top margin above the plot, so it never hides data.
    int lx = LEFT;
    for (Series s : series) {
      sb.append("<rect x=\"")
          .append(lx)
          .append("\" y=\"")
          .append(TOP - 15)
          .append("\" width=\"12\" height=\"3\" fill=\"")
          .append(s.color)
          .append("\"/>");
      sb.append("<text x=\"")
          .append(lx + 16)
          .append("\" y=\"")
          .append(TOP - 10)
          .append("\" font-size=\"11\" fill=\"#222222\">")
          .append(Html.escape(s.label))
          .append("</text>");
      lx += 24 + 7 * s.label.length();
    }
    return sb.append("</svg>").toString();
  }

  private static void shade(
      StringBuilder sb, RegimeSeries r, long from, long to, Scale sx, int top, int plotH) {
    long[] t = r.times();
    List<String> distinct = r.distinctLabels();
    for (int i = 0; i < t.length; i++) {
      long a = Math.max(t[i], from);
      long b = Math.min(i + 1 < t.length ? t[i + 1] : to, to);
      if (b <= a) {
        continue;
      }
      String color = REGIME_COLORS[distinct.indexOf(r.labels().get(i)) % REGIME_COLORS.length];
      double pa = sx.map(a);
      double pb = sx.map(b);
      sb.append("<rect x=\"")
          .append(fmt(pa))
          .append("\" y=\"")
          .append(top)
          .append("\" width=\"")
          .append(fmt(Math.max(0.5, pb - pa)))
          .append("\" height=\"")
          .append(plotH)
          .append("\" fill=\"")
          .append(color)
          .append("\" fill-opacity=\"0.13\"><title>")
          .append(Html.escape(r.labels().get(i)))
          .append("</title></rect>");
    }
  }

  /**
   * Polyline points; with more samples than 2 per pixel column, each column keeps its first, min,
   * max and last values so that spikes stay visible.
   */
  private static String points(long[] x, double[] y, Scale sx, Scale sy, int plotW) {
    StringBuilder sb = new StringBuilder();
    if (x.length <= 2 * plotW) {
      for (int i = 0; i < x.length; i++) {
        if (Double.isFinite(y[i])) {
          sb.append(fmt(sx.map(x[i]))).append(',').append(fmt(sy.map(y[i]))).append(' ');
        }
      }
      return sb.toString().trim();
    }
    int i = 0;
    while (i < x.length) {
      int col = (int) Math.floor(sx.map(x[i]));
      int j = i;
      int min = i;
      int max = i;
      while (j < x.length && (int) Math.floor(sx.map(x[j])) == col) {
        if (y[j] < y[min]) {
          min = j;
        }
        if (y[j] > y[max]) {
          max = j;
        }
        j++;
      }
      List<Integer> keep =
          new ArrayList<>(List.of(i, Math.min(min, max), Math.max(min, max), j - 1));
      int last = -1;
      for (int k : keep) {
        if (k != last && Double.isFinite(y[k])) {
          sb.append(fmt(sx.map(x[k]))).append(',').append(fmt(sy.map(y[k]))).append(' ');
        }
        last = k;
      }
      i = j;
    }
    return sb.toString().trim();
  }

  /**
   * About {@code count} round tick values covering {@code [lo, hi]}: steps of 1, 2 or 5 times a
   * power of ten (P. S. Heckbert, "Nice Numbers for Graph Labels", Graphics Gems, 1990).
   */
  static double[] niceTicks(double lo, double hi, int count) {
    double range = nice(hi - lo, false);
    double step = nice(range / (count - 1), true);
    double start = Math.floor(lo / step) * step;
    double end = Math.ceil(hi / step) * step;
    int n = (int) Math.round((end - start) / step) + 1;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = start + i * step;
    }
    return out;
  }

  private static double nice(double x, boolean round) {
    double exp = Math.floor(Math.log10(x));
    double f = x / Math.pow(10, exp);
    double nf;
    if (round) {
      nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
    } else {
      nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    }
    return nf * Math.pow(10, exp);
  }

  private static int decimals(double[] ticks, double factor) {
    double step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) * factor : 1.0;
    return step >= 1 ? 0 : (int) Math.min(6, Math.ceil(-Math.log10(step)));
  }

  private static String num(double v, double[] ticks) {
    int d = decimals(ticks, 1.0);
    return String.format(Locale.ROOT, "%,." + d + "f", v);
  }

  private static String pct(double v, double[] ticks) {
    int d = decimals(ticks, 100.0);
    return String.format(Locale.ROOT, "%." + d + "f%%", 100 * v);
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** A linear map from data to pixels. */
  static final class Scale {
    final double d0;
    final double d1;
    final double p0;
    final double p1;

    Scale(double d0, double d1, double p0, double p1) {
      this.d0 = d0;
      this.d1 = d1;
      this.p0 = p0;
      this.p1 = p1;
    }

    double map(double d) {
      return d1 == d0 ? (p0 + p1) / 2 : p0 + (d - d0) * (p1 - p0) / (d1 - d0);
    }
  }
}
