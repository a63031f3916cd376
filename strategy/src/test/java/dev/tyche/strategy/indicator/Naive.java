package dev.tyche.strategy.indicator;

import java.util.Arrays;

/**
 * Full recomputations of each indicator from its textbook definition, written independently of the
 * streaming code: every output at index {@code t} is computed from the whole prefix {@code x[0..t]}
 * by loops over arrays. Undefined positions are NaN. Recursive averages are re-run from the start
 * of the series.
 */
final class Naive {

  private Naive() {}

  static double[] nan(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }

  private static double mean(double[] x, int from, int to) {
    double s = 0.0;
    for (int i = from; i <= to; i++) {
      s += x[i];
    }
    return s / (to - from + 1);
  }

  private static boolean allEqual(double[] x, int from, int to) {
    for (int i = from + 1; i <= to; i++) {
      if (x[i] != x[from]) {
        return false;
      }
    }
    return true;
  }

  static double[] sma(double[] x, int n) {
    double[] out = nan(x.length);
    for (int t = n - 1; t < x.length; t++) {
      out[t] = mean(x, t - n + 1, t);
    }
    return out;
  }

  /** SMA-seeded exponential average of a series whose undefined values (NaN) are all leading. */
  static double[] ema(double[] x, int n, double alpha) {
    double[] out = nan(x.length);
    int first = 0;
    while (first < x.length && Double.isNaN(x[first])) {
      first++;
    }
    int seedAt = first + n - 1;
    if (seedAt >= x.length) {
      return out;
    }
    out[seedAt] = mean(x, first, seedAt);
    for (int t = seedAt + 1; t < x.length; t++) {
      out[t] = out[t - 1] + alpha * (x[t] - out[t - 1]);
    }
    return out;
  }

  static double[] ema(double[] x, int n) {
    return ema(x, n, 2.0 / (n + 1));
  }

  static double[] wilder(double[] x, int n) {
    return ema(x, n, 1.0 / n);
  }

  static double[] wma(double[] x, int n) {
    double[] out = nan(x.length);
    for (int t = n - 1; t < x.length; t++) {
      double num = 0.0;
      double den = 0.0;
      for (int w = 1; w <= n; w++) {
        num += w * x[t - n + w];
        den += w;
      }
      out[t] = num / den;
    }
    return out;
  }

  static double[] dema(double[] x, int n) {
    double[] e1 = ema(x, n);
    double[] e2 = ema(e1, n);
    double[] out = new double[x.length];
    for (int t = 0; t < x.length; t++) {
      out[t] = 2 * e1[t] - e2[t];
    }
    return out;
  }

  static double[] tema(double[] x, int n) {
    double[] e1 = ema(x, n);
    double[] e2 = ema(e1, n);
    double[] e3 = ema(e2, n);
    double[] out = new double[x.length];
    for (int t = 0; t < x.length; t++) {
      out[t] = 3 * e1[t] - 3 * e2[t] + e3[t];
    }
    return out;
  }

  static double[] rsi(double[] x, int n) {
    double[] up = nan(x.length);
    double[] down = nan(x.length);
    for (int t = 1; t < x.length; t++) {
      up[t] = Math.max(x[t] - x[t - 1], 0.0);
      down[t] = Math.max(x[t - 1] - x[t], 0.0);
    }
    double[] au = wilder(up, n);
    double[] ad = wilder(down, n);
    double[] out = nan(x.length);
    for (int t = 0; t < x.length; t++) {
      if (!Double.isNaN(au[t])) {
        out[t] = au[t] + ad[t] == 0.0 ? 50.0 : 100.0 * au[t] / (au[t] + ad[t]);
      }
    }
    return out;
  }

  static double[] trueRange(double[] h, double[] l, double[] c) {
    double[] out = nan(c.length);
    for (int t = 1; t < c.length; t++) {
      out[t] = Math.max(h[t], c[t - 1]) - Math.min(l[t], c[t - 1]);
    }
    return out;
  }

  static double[] atr(double[] h, double[] l, double[] c, int n) {
    return wilder(trueRange(h, l, c), n);
  }

  /** Population standard deviation over the window ending at each t (0 for equal values). */
  static double[] populationSd(double[] x, int n) {
    double[] out = nan(x.length);
    for (int t = n - 1; t < x.length; t++) {
      if (allEqual(x, t - n + 1, t)) {
        out[t] = 0.0;
        continue;
      }
      double m = mean(x, t - n + 1, t);
      double ss = 0.0;
      for (int i = t - n + 1; i <= t; i++) {
        ss += (x[i] - m) * (x[i] - m);
      }
      out[t] = Math.sqrt(ss / n);
    }
    return out;
  }

  static double[] max(double[] x, int n) {
    double[] out = nan(x.length);
    for (int t = n - 1; t < x.length; t++) {
      double m = Double.NEGATIVE_INFINITY;
      for (int i = t - n + 1; i <= t; i++) {
        m = Math.max(m, x[i]);
      }
      out[t] = m;
    }
    return out;
  }

  static double[] min(double[] x, int n) {
    double[] out = nan(x.length);
    for (int t = n - 1; t < x.length; t++) {
      double m = Double.POSITIVE_INFINITY;
      for (int i = t - n + 1; i <= t; i++) {
        m = Math.min(m, x[i]);
      }
      out[t] = m;
    }
    return out;
  }

  static double[] typical(double[] h, double[] l, double[] c) {
    double[] tp = new double[c.length];
    for (int t = 0; t < c.length; t++) {
      tp[t] = (h[t] + l[t] + c[t]) / 3.0;
    }
    return tp;
  }

  /** Returns {plusDi, minusDi, dx, adx}. */
  static double[][] adx(double[] h, double[] l, double[] c, int n) {
    int len = c.length;
    double[] pdm = nan(len);
    double[] mdm = nan(len);
    for (int t = 1; t < len; t++) {
      double up = h[t] - h[t - 1];
      double down = l[t - 1] - l[t];
      pdm[t] = up > down && up > 0 ? up : 0.0;
      mdm[t] = down > up && down > 0 ? down : 0.0;
    }
    double[] sp = wilder(pdm, n);
    double[] sm = wilder(mdm, n);
    double[] st = wilder(trueRange(h, l, c), n);
    double[] pdi = nan(len);
    double[] mdi = nan(len);
    double[] dx = nan(len);
    for (int t = 0; t < len; t++) {
      if (!Double.isNaN(st[t])) {
        pdi[t] = st[t] > 0 ? 100 * sp[t] / st[t] : 0.0;
        mdi[t] = st[t] > 0 ? 100 * sm[t] / st[t] : 0.0;
        double s = pdi[t] + mdi[t];
        dx[t] = s > 0 ? 100 * Math.abs(pdi[t] - mdi[t]) / s : 0.0;
      }
    }
    return new double[][] {pdi, mdi, dx, wilder(dx, n)};
  }

  static double[] stochasticK(double[] h, double[] l, double[] c, int n) {
    double[] hh = max(h, n);
    double[] ll = min(l, n);
    double[] out = nan(c.length);
    for (int t = n - 1; t < c.length; t++) {
      out[t] = hh[t] > ll[t] ? 100 * (c[t] - ll[t]) / (hh[t] - ll[t]) : 50.0;
    }
    return out;
  }

  static double[] cci(double[] h, double[] l, double[] c, int n) {
    double[] tp = typical(h, l, c);
    double[] out = nan(c.length);
    for (int t = n - 1; t < c.length; t++) {
      if (allEqual(tp, t - n + 1, t)) {
        out[t] = 0.0;
        continue;
      }
      double m = mean(tp, t - n + 1, t);
      double md = 0.0;
      for (int i = t - n + 1; i <= t; i++) {
        md += Math.abs(tp[i] - m);
      }
      // The documented policy: a mean deviation within rounding noise of the mean counts as 0.
      out[t] = md / n <= 1e-12 * Math.abs(m) ? 0.0 : (tp[t] - m) / (0.015 * md / n);
    }
    return out;
  }

  static double[] vwap(double[] h, double[] l, double[] c, double[] v, int n) {
    double[] tp = typical(h, l, c);
    double[] out = nan(c.length);
    for (int t = n - 1; t < c.length; t++) {
      double pv = 0.0;
      double vol = 0.0;
      for (int i = t - n + 1; i <= t; i++) {
        pv += tp[i] * v[i];
        vol += v[i];
      }
      out[t] = vol > 0 ? pv / vol : mean(tp, t - n + 1, t);
    }
    return out;
  }

  static double[] zScore(double[] x, int n) {
    double[] sd = populationSd(x, n);
    double[] out = nan(x.length);
    for (int t = n - 1; t < x.length; t++) {
      out[t] = sd[t] > 0 ? (x[t] - mean(x, t - n + 1, t)) / sd[t] : 0.0;
    }
    return out;
  }

  static double[] logReturns(double[] x) {
    double[] r = nan(x.length);
    for (int t = 1; t < x.length; t++) {
      r[t] = Math.log(x[t] / x[t - 1]);
    }
    return r;
  }

  static double[] volatility(double[] x, int n, double periodsPerYear) {
    double[] r = logReturns(x);
    double[] out = nan(x.length);
    for (int t = n; t < x.length; t++) {
      if (allEqual(r, t - n + 1, t)) {
        out[t] = 0.0;
        continue;
      }
      double m = mean(r, t - n + 1, t);
      double ss = 0.0;
      for (int i = t - n + 1; i <= t; i++) {
        ss += (r[i] - m) * (r[i] - m);
      }
      out[t] = Math.sqrt(ss / (n - 1) * periodsPerYear);
    }
    return out;
  }

  static double[] slope(double[] x, int n) {
    double[] out = nan(x.length);
    double iBar = (n - 1) / 2.0;
    for (int t = n - 1; t < x.length; t++) {
      double yBar = mean(x, t - n + 1, t);
      double sxy = 0.0;
      double sxx = 0.0;
      for (int i = 0; i < n; i++) {
        sxy += (i - iBar) * (x[t - n + 1 + i] - yBar);
        sxx += (i - iBar) * (i - iBar);
      }
      out[t] = sxy / sxx;
    }
    return out;
  }

  /** Variance-ratio Hurst exponent over the last {@code window} returns (Lo-MacKinlay divisors). */
  static double[] hurst(double[] x, int window, int q) {
    double[] ratio = varianceRatio(x, window, q)[0];
    double[] out = nan(x.length);
    for (int t = 0; t < x.length; t++) {
      if (!Double.isNaN(ratio[t])) {
        out[t] = 0.5 + Math.log(ratio[t] < 1e-10 ? 0.0 : ratio[t]) / (2 * Math.log(q));
      }
    }
    return out;
  }

  /**
   * Two-pass Lo-MacKinlay variance ratio over the last {@code window} returns: row 0 is the ratio
   * (not clamped to 0 below the noise level), row 1 the centred sum of squares {@code sum (r -
   * mu)^2} it divides by, row 2 the largest {@code |r|} over the last {@code 2 window} returns. NaN
   * before warm-up and for flat windows.
   */
  static double[][] varianceRatio(double[] x, int window, int q) {
    double[] r = logReturns(x);
    double[] ratio = nan(x.length);
    double[] centred = nan(x.length);
    double[] maxAbs = nan(x.length);
    for (int t = window; t < x.length; t++) {
      int from = t - window + 1;
      boolean flat = true;
      for (int i = from; i <= t; i++) {
        flat &= r[i] == 0.0;
      }
      if (flat) {
        continue;
      }
      double mu = mean(r, from, t);
      double varA = 0.0;
      for (int i = from; i <= t; i++) {
        varA += (r[i] - mu) * (r[i] - mu);
      }
      centred[t] = varA;
      varA /= window - 1;
      double varC = 0.0;
      for (int k = from + q - 1; k <= t; k++) {
        double big = 0.0;
        for (int j = k - q + 1; j <= k; j++) {
          big += r[j];
        }
        varC += (big - q * mu) * (big - q * mu);
      }
      double m = q * (window - q + 1.0) * (1.0 - (double) q / window);
      varC /= m;
      ratio[t] = varC / varA;
      double mx = 0.0;
      for (int i = Math.max(1, t - 2 * window + 1); i <= t; i++) {
        mx = Math.max(mx, Math.abs(r[i]));
      }
      maxAbs[t] = mx;
    }
    return new double[][] {ratio, centred, maxAbs};
  }
}
