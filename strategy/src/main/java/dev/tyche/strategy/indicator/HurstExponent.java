package dev.tyche.strategy.indicator;

/**
 * Rolling Hurst exponent estimated from the variance ratio of log returns (A. W. Lo and A. C.
 * MacKinlay, "Stock Market Prices Do Not Follow Random Walks: Evidence from a Simple Specification
 * Test", Review of Financial Studies 1(1), 1988, 41-66), not from rescaled-range analysis.
 *
 * <p>Over the last {@code N} one-period log returns {@code r} (from {@code N + 1} prices), with
 * {@code mu = mean(r)} and the {@code M = N - q + 1} overlapping {@code q}-period returns {@code
 * R_k = r_{k-q+1} + ... + r_k} inside the window, the bias-corrected variances of Lo and
 * MacKinlay's overlapping-observation test are {@code var_a = sum (r - mu)^2 / (N - 1)} and {@code
 * var_c = sum (R_k - q mu)^2 / m} with {@code m = q (N - q + 1)(1 - q/N)}; the variance ratio is
 * {@code VR(q) = var_c / var_a}. For a process whose {@code q}-period variance scales as {@code
 * q^(2H)}, {@code VR(q) = q^(2H - 1)}, so {@code H = 1/2 + ln(VR(q)) / (2 ln q)}: 0.5 for a random
 * walk, above 0.5 for trending (positively autocorrelated) returns, below for mean-reverting ones.
 *
 * <p>Undefined cases: {@code NaN} when {@code var_a = 0} (constant returns; a window of zero
 * returns is recognised exactly) and {@code -Infinity} when {@code var_c = 0} but {@code var_a >
 * 0}. Warm-up: {@code N + 1} prices. Units: dimensionless. Sums of {@code r}, {@code r^2}, {@code
 * R} and {@code R^2} slide in {@code O(1)} and are recomputed from the windows once per {@code N}
 * updates; no allocation. Inputs must be positive prices.
 *
 * <p>Accuracy: the one-pass sums carry an absolute rounding error of order {@code N^2 q^2 u
 * max(r^2)} ({@code u = 2^-53}), so the variance ratio's absolute error is about that divided by
 * {@code sum (r - mu)^2}: negligible for ordinary windows, but a large relative error when the
 * {@code q}-period sums are nearly constant and {@code VR} is tiny (returns {@code a, 0, b, 0} with
 * {@code a} close to {@code b} give {@code VR = 7.4e-10}, computed 8e-7 relative off). {@code H}
 * then inherits {@code dH = dVR / (2 VR ln q)}: such values (here {@code H = -14.67}) are only
 * meaningful to a few digits.
 *
 * <p>Mutable; confined to one thread.
 */
public final class HurstExponent implements Indicator {

  /** Variance ratios below this are rounding noise of the running sums and count as 0. */
  private static final double NOISE = 1e-10;

  private final int window;
  private final int q;
  private final RingBuffer returns;
  private final RingBuffer qReturns;
  private final RollingSum lastQ;

  /** Exact count of non-zero returns in the window, so that a flat window is recognised exactly. */
  private int nonZero;

  private double sumR;
  private double sumR2;
  private double sumQ;
  private double sumQ2;
  private double previous;
  private boolean started;
  private int sinceRefresh;

  /**
   * Creates the estimator.
   *
   * @param window the number of one-period returns {@code N}, {@code > q}
   * @param q the aggregation horizon in periods, {@code >= 2}
   * @throws IllegalArgumentException if {@code q < 2} or {@code window <= q}
   */
  public HurstExponent(int window, int q) {
    this.q = Checks.period("q", q, 2);
    if (window <= q) {
      throw new IllegalArgumentException("window must be > q (" + q + ") but was " + window);
    }
    this.window = window;
    returns = new RingBuffer(window);
    qReturns = new RingBuffer(window - q + 1);
    lastQ = new RollingSum(q);
  }

  /**
   * Feeds the next price.
   *
   * @param x the price, finite and {@code > 0}
   * @throws IllegalArgumentException if {@code x} is not finite and positive
   */
  @Override
  public void update(double x) {
    Checks.positive("x", x);
    if (started) {
      addReturn(Math.log(x / previous));
    }
    started = true;
    previous = x;
  }

  private void addReturn(double r) {
    boolean full = returns.isFull();
    double oldR = returns.push(r);
    nonZero += (r != 0.0 ? 1 : 0) - (full && oldR != 0.0 ? 1 : 0);
    sumR += r - (full ? oldR : 0.0);
    sumR2 += r * r - (full ? oldR * oldR : 0.0);
    lastQ.add(r);
    if (lastQ.isFull()) {
      double big = lastQ.sum();
      boolean qFull = qReturns.isFull();
      double oldQ = qReturns.push(big);
      sumQ += big - (qFull ? oldQ : 0.0);
      sumQ2 += big * big - (qFull ? oldQ * oldQ : 0.0);
    }
    if (full && ++sinceRefresh >= window) {
      refresh();
    }
  }

  private void refresh() {
    sinceRefresh = 0;
    double s = 0.0;
    double s2 = 0.0;
    for (int i = 0; i < returns.size(); i++) {
      double v = returns.get(i);
      s += v;
      s2 += v * v;
    }
    sumR = s;
    sumR2 = s2;
    s = 0.0;
    s2 = 0.0;
    for (int i = 0; i < qReturns.size(); i++) {
      double v = qReturns.get(i);
      s += v;
      s2 += v * v;
    }
    sumQ = s;
    sumQ2 = s2;
  }

  /**
   * Lo and MacKinlay's overlapping, bias-corrected variance ratio {@code VR(q)}.
   *
   * @return the variance ratio, or NaN while not ready or when the return variance is zero
   */
  public double varianceRatio() {
    if (!returns.isFull() || nonZero == 0) {
      return Double.NaN;
    }
    double n = window;
    double mu = sumR / n;
    double varA = Math.max(0.0, sumR2 - n * mu * mu) / (n - 1.0);
    double count = window - q + 1.0;
    double m = q * count * (1.0 - q / n);
    double varC = Math.max(0.0, sumQ2 - 2.0 * q * mu * sumQ + count * q * q * mu * mu) / m;
    if (!(varA > 0.0)) {
      return Double.NaN;
    }
    double ratio = varC / varA;
    // The sums carry relative rounding error near 1e-16 of the squared returns, so a ratio this
    // small cannot be told from an exactly zero q-period variance.
    return ratio < NOISE ? 0.0 : ratio;
  }

  @Override
  public int warmUpPeriod() {
    return window + 1;
  }

  @Override
  public boolean isReady() {
    return returns.isFull();
  }

  @Override
  public double value() {
    return 0.5 + Math.log(varianceRatio()) / (2.0 * Math.log(q));
  }
}
