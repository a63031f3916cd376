package dev.tyche.backtest.overfit;

import dev.tyche.backtest.walkforward.Objective;
import java.util.Objects;

/**
 * Combinatorially symmetric cross-validation (CSCV) and the Probability of Backtest Overfitting
 * (PBO) of D. H. Bailey, J. M. Borwein, M. López de Prado and Q. J. Zhu, "The probability of
 * backtest overfitting", J. Computational Finance 20(4) (2017) 39-69, section 2.
 *
 * <p><b>Input.</b> A {@code T x N} matrix {@code M}: row {@code t} holds the per-period returns of
 * the {@code N} strategy configurations tried (for example every point of a parameter grid) in
 * period {@code t}.
 *
 * <p><b>Procedure.</b>
 *
 * <ol>
 *   <li>Split the rows, in time order, into {@code S} (even) contiguous blocks; block {@code b}
 *       holds rows {@code [floor(b T / S), floor((b + 1) T / S))}, so block sizes differ by at most
 *       one when {@code S} does not divide {@code T} (the paper assumes it does).
 *   <li>For each of the {@code C = binomial(S, S/2)} sets {@code J} of {@code S/2} blocks
 *       (lexicographic order): the training set is the rows of {@code J} in time order, the testing
 *       set the rows of the complement. Compute the performance of every strategy on each ({@code
 *       R^c} and {@code Rbar^c}) with the objective.
 *   <li>{@code n* = argmax_n R^c_n} (first column on ties; a NaN performance ranks last).
 *   <li>Relative rank {@code omega_c = rank(Rbar^c_{n*}) / (N + 1)}, ranks {@code 1..N} in
 *       ascending order of {@code Rbar^c} (1 = worst), ties taking their average rank, NaN values
 *       ranking lowest.
 *   <li>Logit {@code lambda_c = ln(omega_c / (1 - omega_c))}.
 *   <li>{@code PBO = #{c : lambda_c <= 0} / C}, the estimate of {@code integral_{-inf}^{0}
 *       f(lambda) d lambda}: the frequency with which the in-sample best is at or below the median
 *       out-of-sample.
 * </ol>
 *
 * <p><b>Also reported</b> (same paper, section 2, "performance degradation" and "probability of
 * loss"): the OLS regression {@code Rbar_{n*} = alpha + beta R_{n*} + epsilon} over the {@code C}
 * combinations (a negative {@code beta} means in-sample excellence predicts out-of-sample
 * disappointment), and the probability of loss {@code #{c : Rbar^c_{n*} < 0} / C}.
 *
 * <p>The default objective is the per-period Sharpe ratio ({@link Objective#sharpe()}), computed
 * from per-block means and sums of squared deviations merged with the pairwise formula of T. F.
 * Chan, G. H. Golub and R. J. LeVeque (1979, "Updating formulae and a pairwise algorithm for
 * computing sample variances"), so the cost does not grow with {@code T} per combination. Any other
 * objective is applied to the concatenated rows.
 *
 * <p>Immutable and thread-safe.
 */
public final class Cscv {

  /** Largest supported {@code S}: {@code binomial(24, 12) = 2,704,156} combinations. */
  public static final int MAX_PARTITIONS = 24;

  private Cscv() {}

  /**
   * CSCV with the per-period Sharpe ratio as the performance measure.
   *
   * @param returns the {@code T x N} matrix, rows are periods, at least {@code 2 S} rows, at least
   *     2 columns, all finite, rectangular
   * @param partitions {@code S}, even, in {@code [2, 24]}
   * @return the result
   */
  public static CscvResult run(double[][] returns, int partitions) {
    return run(returns, partitions, Objective.sharpe());
  }

  /**
   * CSCV with a user-supplied performance measure.
   *
   * @param returns the {@code T x N} matrix, rows are periods, at least {@code S} rows (at least
   *     {@code 2 S} for the Sharpe objective), at least 2 columns, all finite, rectangular
   * @param partitions {@code S}, even, in {@code [2, 24]}
   * @param objective the performance measure, higher is better; NaN ranks last
   * @return the result
   */
  public static CscvResult run(double[][] returns, int partitions, Objective objective) {
    Objects.requireNonNull(objective, "objective");
    boolean sharpe = objective == Objective.sharpe();
    int t = validate(returns, partitions, sharpe ? 2 * partitions : partitions);
    int n = returns[0].length;
    int s = partitions;
    int[] start = new int[s + 1];
    for (int b = 0; b <= s; b++) {
      start[b] = (int) ((long) b * t / s);
    }
    Performance perf =
        sharpe ? new BlockSharpe(returns, start, n) : new Concatenated(returns, start, objective);

    int half = s / 2;
    int combos = (int) binomial(s, half);
    double[] logits = new double[combos];
    double[] isBest = new double[combos];
    double[] oosBest = new double[combos];
    int[] best = new int[combos];
    boolean[] inSample = new boolean[s];
    int[] comb = new int[half];
    for (int i = 0; i < half; i++) {
      comb[i] = i;
    }
    for (int c = 0; c < combos; c++) {
      java.util.Arrays.fill(inSample, false);
      for (int b : comb) {
        inSample[b] = true;
      }
      double[] is = perf.of(inSample, true);
      double[] oos = perf.of(inSample, false);
      int star = 0;
      for (int j = 1; j < n; j++) {
        if (Objective.better(is[j], is[star])) {
          star = j;
        }
      }
      double omega = rank(oos, star) / (n + 1.0);
      logits[c] = Math.log(omega / (1.0 - omega));
      isBest[c] = is[star];
      oosBest[c] = oos[star];
      best[c] = star;
      nextCombination(comb, s);
    }

    int overfit = 0;
    int losses = 0;
    for (int c = 0; c < combos; c++) {
      if (logits[c] <= 0.0) {
        overfit++;
      }
      if (oosBest[c] < 0.0) {
        losses++;
      }
    }
    double[] fit = regression(isBest, oosBest);
    return new CscvResult(
        s,
        n,
        t,
        (double) overfit / combos,
        logits,
        isBest,
        oosBest,
        best,
        fit[1],
        fit[0],
        (double) losses / combos);
  }

  /** Average ascending rank (1-based) of x[target] among x, NaN lowest. */
  private static double rank(double[] x, int target) {
    double v = x[target];
    int below = 0;
    int equal = 0;
    for (double w : x) {
      if (Double.isNaN(v)) {
        if (Double.isNaN(w)) {
          equal++;
        }
      } else if (Double.isNaN(w) || w < v) {
        below++;
      } else if (w == v) {
        equal++;
      }
    }
    // Ranks below+1 .. below+equal, averaged.
    return below + (equal + 1) / 2.0;
  }

  /** {intercept, slope} of y on x by OLS, NaN if undefined. */
  private static double[] regression(double[] x, double[] y) {
    int c = x.length;
    double mx = 0.0;
    double my = 0.0;
    for (int i = 0; i < c; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= c;
    my /= c;
    double sxx = 0.0;
    double sxy = 0.0;
    for (int i = 0; i < c; i++) {
      sxx += (x[i] - mx) * (x[i] - mx);
      sxy += (x[i] - mx) * (y[i] - my);
    }
    if (!(sxx > 0.0) || Double.isNaN(sxy)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double slope = sxy / sxx;
    return new double[] {my - slope * mx, slope};
  }

  /** Advances comb to the next k-subset of [0, s) in lexicographic order (no-op after the last). */
  private static void nextCombination(int[] comb, int s) {
    int k = comb.length;
    int i = k - 1;
    while (i >= 0 && comb[i] == s - k + i) {
      i--;
    }
    if (i < 0) {
      return;
    }
    comb[i]++;
    for (int j = i + 1; j < k; j++) {
      comb[j] = comb[j - 1] + 1;
    }
  }

  static long binomial(int n, int k) {
    long r = 1;
    for (int i = 1; i <= k; i++) {
      r = r * (n - k + i) / i;
    }
    return r;
  }

  private static int validate(double[][] m, int s, int minRows) {
    Objects.requireNonNull(m, "returns");
    if (s < 2 || s % 2 != 0 || s > MAX_PARTITIONS) {
      throw new IllegalArgumentException(
          "partitions must be even and in [2, " + MAX_PARTITIONS + "] but was " + s);
    }
    if (m.length < minRows) {
      throw new IllegalArgumentException(
          "returns must have at least "
              + minRows
              + " rows for "
              + s
              + " partitions but had "
              + m.length);
    }
    int n = Objects.requireNonNull(m[0], "returns[0]").length;
    if (n < 2) {
      throw new IllegalArgumentException("returns must have at least 2 columns but had " + n);
    }
    for (int t = 0; t < m.length; t++) {
      double[] row = Objects.requireNonNull(m[t], "returns[" + t + "]");
      if (row.length != n) {
        throw new IllegalArgumentException(
            "returns must be rectangular: row 0 has "
                + n
                + " columns but row "
                + t
                + " has "
                + row.length);
      }
      for (int j = 0; j < n; j++) {
        if (!Double.isFinite(row[j])) {
          throw new IllegalArgumentException(
              "returns[" + t + "][" + j + "] must be finite but was " + row[j]);
        }
      }
    }
    return m.length;
  }

  /** Performance of every strategy on the in-sample or out-of-sample rows of a block selection. */
  private interface Performance {
    double[] of(boolean[] inSample, boolean wantInSample);
  }

  /** Any objective, on the selected rows concatenated in time order. */
  private static final class Concatenated implements Performance {
    private final double[][] m;
    private final int[] start;
    private final Objective objective;

    Concatenated(double[][] m, int[] start, Objective objective) {
      this.m = m;
      this.start = start;
      this.objective = objective;
    }

    @Override
    public double[] of(boolean[] inSample, boolean wantInSample) {
      int rows = 0;
      for (int b = 0; b < inSample.length; b++) {
        if (inSample[b] == wantInSample) {
          rows += start[b + 1] - start[b];
        }
      }
      int n = m[0].length;
      double[] out = new double[n];
      double[] column = new double[rows];
      for (int j = 0; j < n; j++) {
        int k = 0;
        for (int b = 0; b < inSample.length; b++) {
          if (inSample[b] == wantInSample) {
            for (int t = start[b]; t < start[b + 1]; t++) {
              column[k++] = m[t][j];
            }
          }
        }
        out[j] = objective.score(column.clone());
      }
      return out;
    }
  }

  /** Sharpe ratio from per-block count, mean and sum of squared deviations, merged pairwise. */
  private static final class BlockSharpe implements Performance {
    private final int[] count;
    private final double[][] mean;
    private final double[][] m2;

    BlockSharpe(double[][] m, int[] start, int n) {
      int s = start.length - 1;
      count = new int[s];
      mean = new double[s][n];
      m2 = new double[s][n];
      for (int b = 0; b < s; b++) {
        count[b] = start[b + 1] - start[b];
        for (int j = 0; j < n; j++) {
          double sum = 0.0;
          for (int t = start[b]; t < start[b + 1]; t++) {
            sum += m[t][j];
          }
          double mu = sum / count[b];
          double ss = 0.0;
          for (int t = start[b]; t < start[b + 1]; t++) {
            double d = m[t][j] - mu;
            ss += d * d;
          }
          mean[b][j] = mu;
          m2[b][j] = ss;
        }
      }
    }

    @Override
    public double[] of(boolean[] inSample, boolean wantInSample) {
      int n = mean[0].length;
      double[] out = new double[n];
      for (int j = 0; j < n; j++) {
        long cnt = 0;
        double mu = 0.0;
        double ss = 0.0;
        for (int b = 0; b < count.length; b++) {
          if (inSample[b] != wantInSample) {
            continue;
          }
          long nb = count[b];
          long total = cnt + nb;
          double delta = mean[b][j] - mu;
          mu += delta * nb / total;
          ss += m2[b][j] + delta * delta * cnt * nb / total;
          cnt = total;
        }
        out[j] = ss > 0.0 ? mu / Math.sqrt(ss / (cnt - 1)) : Double.NaN;
      }
      return out;
    }
  }
}
