package dev.tyche.risk.var;

import java.util.Arrays;
import java.util.Objects;

/**
 * Streaming historical VaR and CVaR over the most recent {@code window} returns: after every {@link
 * #update(double)} the queries give exactly what {@link ValueAtRisk#historicalReport(double[],
 * double)} gives on the last {@code min(updates, window)} returns, bit for bit, without copying or
 * sorting the window again.
 *
 * <p>Conventions are those of the package: simple returns as fractions, confidence {@code a} in (0,
 * 1), tail probability {@code p = 1 - a}, VaR and CVaR as positive losses; the quantile and CVaR
 * rules are {@link QuantileRule} and {@link CvarRule} (Hyndman and Fan 1996 types 7 and 1).
 *
 * <p>Data structure: a ring buffer holds the window in arrival order and a second array holds the
 * same values sorted ascending (in the total order of {@link Double#compare}, the order of {@link
 * Arrays#sort(double[])}). When the window is full, an update finds the leaving value and the
 * position of the arriving one by binary search ({@code O(log w)}) and shifts only the values
 * between those two positions by one slot with {@link System#arraycopy}, so the cost is {@code
 * O(log w + d)} with {@code d} the rank distance between the leaving and the arriving value: {@code
 * O(w)} in the worst case, about {@code w / 3} on average for exchangeable returns. Both arrays are
 * allocated once in the constructor; {@link #update(double)}, {@link #quantile(QuantileRule)},
 * {@link #var(QuantileRule)} and {@link #cvar(CvarRule)} allocate nothing. Quantile queries are
 * {@code O(1)}; CVaR queries sum the tail, {@code O(k)} with {@code k ~ n p}.
 *
 * <p>Mutable; confined to one thread.
 */
public final class RollingHistoricalVar {

  private final int window;
  private final double confidence;
  private final double p;

  /** The window in arrival order; {@code next} is where the next return goes. */
  private final double[] ring;

  /** The first {@code size} entries are the window sorted ascending. */
  private final double[] sorted;

  private int next;
  private int size;
  private long updates;

  /**
   * An empty estimator.
   *
   * @param window the number of most recent returns used, {@code >= 1}
   * @param confidence the confidence level {@code a}, in (0, 1)
   * @throws IllegalArgumentException if an argument is out of range
   */
  public RollingHistoricalVar(int window, double confidence) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be >= 1 but was " + window);
    }
    this.p = Samples.tailProbability(confidence);
    this.window = window;
    this.confidence = confidence;
    this.ring = new double[window];
    this.sorted = new double[window];
  }

  /**
   * Folds in return {@code r}; once the window is full the oldest return leaves it. Does not
   * allocate.
   *
   * @param r the simple return of the period, finite
   * @throws IllegalArgumentException if {@code r} is not finite (the state is left unchanged)
   */
  public void update(double r) {
    if (!Double.isFinite(r)) {
      throw new IllegalArgumentException("return must be finite but was " + r);
    }
    if (size == window) {
      replace(ring[next], r);
    } else {
      int pos = insertionPoint(r, 0, size);
      System.arraycopy(sorted, pos, sorted, pos + 1, size - pos);
      sorted[pos] = r;
      size++;
    }
    ring[next] = r;
    next = next + 1 == window ? 0 : next + 1;
    updates++;
  }

  /**
   * Replaces {@code old} (present in the sorted window) by {@code r}, shifting only the values
   * whose rank lies between the two.
   */
  private void replace(double old, double r) {
    int i = Arrays.binarySearch(sorted, 0, size, old);
    // The leaving value is in the sorted window by construction; a miss would be a bug here.
    if (i < 0) {
      throw new IllegalStateException("sorted window lost the value " + old);
    }
    int c = Double.compare(r, old);
    if (c > 0) {
      // r belongs to the right of i: slide (i, pos) one slot left and drop r into the gap.
      int pos = insertionPoint(r, i + 1, size);
      System.arraycopy(sorted, i + 1, sorted, i, pos - i - 1);
      sorted[pos - 1] = r;
    } else if (c < 0) {
      // r belongs to the left of i: slide [pos, i) one slot right.
      int pos = insertionPoint(r, 0, i);
      System.arraycopy(sorted, pos, sorted, pos + 1, i - pos);
      sorted[pos] = r;
    }
    // c == 0: same value in the same slot, nothing moves.
  }

  /** The index in [from, to] at which {@code r} can be inserted keeping the range sorted. */
  private int insertionPoint(double r, int from, int to) {
    int found = Arrays.binarySearch(sorted, from, to, r);
    return found >= 0 ? found : -(found + 1);
  }

  /**
   * The sample quantile {@code Q(p)} of the current window under {@code rule}, read from the sorted
   * window exactly as {@link QuantileRule#quantileOfSorted(double[], double)} reads it.
   *
   * @param rule the quantile rule
   * @return the quantile, in return units (negative in the loss tail)
   * @throws IllegalStateException if no return has been folded in
   */
  public double quantile(QuantileRule rule) {
    Objects.requireNonNull(rule, "rule");
    requireData();
    int n = size;
    if (rule == QuantileRule.TYPE_1_INVERSE_ECDF) {
      return sorted[Samples.tailCount(n, p) - 1];
    }
    double h = (n - 1) * p;
    int j = (int) Math.floor(h);
    if (j >= n - 1) {
      return sorted[n - 1];
    }
    return sorted[j] + (h - j) * (sorted[j + 1] - sorted[j]);
  }

  /**
   * Historical VaR of the current window, {@code -Q(p)}.
   *
   * @param rule the quantile rule
   * @return the VaR, positive = loss
   * @throws IllegalStateException if no return has been folded in
   */
  public double var(QuantileRule rule) {
    return -quantile(rule);
  }

  /**
   * Historical CVaR of the current window under {@code rule} (see {@link CvarRule}): minus the mean
   * of the {@code k = ceil(n p)} smallest returns, or minus the mean of all returns at or below the
   * type-7 quantile.
   *
   * @param rule the CVaR definition
   * @return the CVaR, positive = loss
   * @throws IllegalStateException if no return has been folded in
   */
  public double cvar(CvarRule rule) {
    Objects.requireNonNull(rule, "rule");
    requireData();
    if (rule == CvarRule.WORST_K_MEAN) {
      int k = Samples.tailCount(size, p);
      double s = 0.0;
      for (int i = 0; i < k; i++) {
        s += sorted[i];
      }
      return -(s / k);
    }
    double q7 = quantile(QuantileRule.TYPE_7_LINEAR);
    double s = 0.0;
    int m = 0;
    // Bounded by size: the slots past it hold stale values from before a clear().
    while (m < size && sorted[m] <= q7) {
      s += sorted[m];
      m++;
    }
    // Q7 interpolates between sorted values, so sorted[0] <= Q7 and m >= 1.
    return -(s / m);
  }

  /**
   * Every historical VaR and CVaR of the current window (allocates; for reporting, not the hot
   * path).
   *
   * @return the report, equal to {@link ValueAtRisk#historicalReport(double[], double)} on {@link
   *     #windowReturns()}
   * @throws IllegalStateException if no return has been folded in
   */
  public HistoricalVarReport report() {
    requireData();
    return new HistoricalVarReport(
        confidence,
        size,
        quantile(QuantileRule.TYPE_7_LINEAR),
        quantile(QuantileRule.TYPE_1_INVERSE_ECDF),
        Samples.tailCount(size, p),
        cvar(CvarRule.WORST_K_MEAN),
        cvar(CvarRule.BELOW_TYPE_7_QUANTILE));
  }

  /**
   * The returns in the window, oldest first (allocates).
   *
   * @return a new array of {@link #size()} returns
   */
  public double[] windowReturns() {
    double[] out = new double[size];
    int start = size == window ? next : 0;
    for (int i = 0; i < size; i++) {
      int j = start + i;
      out[i] = ring[j >= window ? j - window : j];
    }
    return out;
  }

  /**
   * The returns in the window, sorted ascending (allocates).
   *
   * @return a new array of {@link #size()} returns
   */
  public double[] sortedReturns() {
    return Arrays.copyOf(sorted, size);
  }

  /** Empties the window; the capacity and confidence stay. */
  public void clear() {
    next = 0;
    size = 0;
    updates = 0;
  }

  /**
   * The number of returns in the window, at most {@link #window()}.
   *
   * @return the current window size
   */
  public int size() {
    return size;
  }

  /**
   * Whether the window holds {@link #window()} returns.
   *
   * @return {@code size() == window()}
   */
  public boolean isFull() {
    return size == window;
  }

  /**
   * The configured window length.
   *
   * @return the maximum number of returns used
   */
  public int window() {
    return window;
  }

  /**
   * The confidence level.
   *
   * @return {@code a}
   */
  public double confidence() {
    return confidence;
  }

  /**
   * The number of returns folded in since construction or the last {@link #clear()}, including
   * those that have left the window.
   *
   * @return the total number of updates
   */
  public long updates() {
    return updates;
  }

  private void requireData() {
    if (size == 0) {
      throw new IllegalStateException(
          "RollingHistoricalVar needs at least 1 return before a query but has none");
    }
  }
}
