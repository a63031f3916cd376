package dev.tyche.backtest.result;

import java.util.Arrays;
import java.util.Objects;

/**
 * The account sampled at every bar close (or at the runner's sampling grid): time, equity, drawdown
 * and exposure, as parallel arrays.
 *
 * <p>Conventions: equity is in the valuation (quote) asset, marked at the engine's latest marks;
 * drawdown is {@code 1 - E_t / max_{s<=t} E_s} (a fraction in {@code [0, 1]}, 0 at a new high);
 * gross exposure is {@code sum |Q_i| * mark_i / E_t} and net exposure {@code sum Q_i * mark_i /
 * E_t} (multiples of equity; 1 = a long position worth the whole equity).
 *
 * <p>The arrays are copied in and out, so the record is immutable; {@code equals} compares
 * contents.
 *
 * <p>Immutable and thread-safe.
 *
 * @param times sample times, UTC epoch ms, strictly increasing
 * @param equity equity at each time
 * @param drawdown drawdown at each time
 * @param grossExposure gross exposure at each time
 * @param netExposure net exposure at each time
 */
public record EquityCurve(
    long[] times,
    double[] equity,
    double[] drawdown,
    double[] grossExposure,
    double[] netExposure) {

  /** Checks lengths, order and finiteness, and copies the arrays. */
  public EquityCurve {
    Objects.requireNonNull(times, "times must not be null");
    Objects.requireNonNull(equity, "equity must not be null");
    Objects.requireNonNull(drawdown, "drawdown must not be null");
    Objects.requireNonNull(grossExposure, "grossExposure must not be null");
    Objects.requireNonNull(netExposure, "netExposure must not be null");
    int n = times.length;
    if (equity.length != n
        || drawdown.length != n
        || grossExposure.length != n
        || netExposure.length != n) {
      throw new IllegalArgumentException(
          "all arrays must have the length of times "
              + n
              + " but were "
              + equity.length
              + ", "
              + drawdown.length
              + ", "
              + grossExposure.length
              + ", "
              + netExposure.length);
    }
    for (int i = 0; i < n; i++) {
      if (i > 0 && times[i] <= times[i - 1]) {
        throw new IllegalArgumentException(
            "times must be strictly increasing but times["
                + i
                + "] = "
                + times[i]
                + " <= "
                + times[i - 1]);
      }
      if (!Double.isFinite(equity[i])) {
        throw new IllegalArgumentException("equity[" + i + "] must be finite but was " + equity[i]);
      }
    }
    times = times.clone();
    equity = equity.clone();
    drawdown = drawdown.clone();
    grossExposure = grossExposure.clone();
    netExposure = netExposure.clone();
  }

  /**
   * Builds a curve from times, equity and exposures, computing the drawdown.
   *
   * @param times sample times
   * @param equity equity values
   * @param grossExposure gross exposure values
   * @param netExposure net exposure values
   * @return the curve
   */
  public static EquityCurve of(
      long[] times, double[] equity, double[] grossExposure, double[] netExposure) {
    return new EquityCurve(times, equity, drawdowns(equity), grossExposure, netExposure);
  }

  /**
   * The drawdown series {@code 1 - E_t / max_{s<=t} E_s}; 0 while the running peak is not positive
   * (a drawdown from a non-positive peak is undefined).
   *
   * @param equity the equity values
   * @return the drawdowns
   */
  public static double[] drawdowns(double[] equity) {
    double[] dd = new double[equity.length];
    double peak = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < equity.length; i++) {
      peak = Math.max(peak, equity[i]);
      dd[i] = peak > 0.0 ? 1.0 - equity[i] / peak : 0.0;
    }
    return dd;
  }

  /**
   * The number of samples.
   *
   * @return the size
   */
  public int size() {
    return times.length;
  }

  @Override
  public long[] times() {
    return times.clone();
  }

  @Override
  public double[] equity() {
    return equity.clone();
  }

  @Override
  public double[] drawdown() {
    return drawdown.clone();
  }

  @Override
  public double[] grossExposure() {
    return grossExposure.clone();
  }

  @Override
  public double[] netExposure() {
    return netExposure.clone();
  }

  /**
   * The largest drawdown of the curve.
   *
   * @return the maximum of {@link #drawdown()}, 0 for an empty curve
   */
  public double maxDrawdown() {
    double m = 0.0;
    for (double d : drawdown) {
      m = Math.max(m, d);
    }
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EquityCurve
        && Arrays.equals(times, ((EquityCurve) o).times)
        && Arrays.equals(equity, ((EquityCurve) o).equity)
        && Arrays.equals(drawdown, ((EquityCurve) o).drawdown)
        && Arrays.equals(grossExposure, ((EquityCurve) o).grossExposure)
        && Arrays.equals(netExposure, ((EquityCurve) o).netExposure);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        Arrays.hashCode(times),
        Arrays.hashCode(equity),
        Arrays.hashCode(drawdown),
        Arrays.hashCode(grossExposure),
        Arrays.hashCode(netExposure));
  }

  @Override
  public String toString() {
    return "EquityCurve[" + times.length + " samples]";
  }
}
