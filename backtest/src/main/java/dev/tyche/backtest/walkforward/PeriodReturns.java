package dev.tyche.backtest.walkforward;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What one evaluation over a range of periods produced: one return per period and, optionally, the
 * equity at the end of each period.
 *
 * <p>Returns are per-period simple returns {@code r_t = E_t / E_{t-1} - 1} of the strategy's
 * equity, finite and {@code > -1}; the equity, when given, is in account currency and has one value
 * per return. The walk-forward engine uses only the returns; the equity is carried for reports.
 *
 * <p>Immutable and thread-safe (arrays are copied in and out).
 *
 * @param returns the per-period returns, finite and {@code > -1} (copied)
 * @param equity the equity at the end of each period, empty or of the same length as {@code
 *     returns}, finite (copied)
 */
public record PeriodReturns(double[] returns, double[] equity) {

  /** Validates and copies both arrays. */
  public PeriodReturns {
    returns = Objects.requireNonNull(returns, "returns").clone();
    equity = Objects.requireNonNull(equity, "equity").clone();
    for (int i = 0; i < returns.length; i++) {
      if (!Double.isFinite(returns[i]) || returns[i] <= -1.0) {
        throw new IllegalArgumentException(
            "returns[" + i + "] must be finite and > -1 but was " + returns[i]);
      }
    }
    if (equity.length != 0 && equity.length != returns.length) {
      throw new IllegalArgumentException(
          "equity must be empty or have "
              + returns.length
              + " values (one per return) but had "
              + equity.length);
    }
    for (int i = 0; i < equity.length; i++) {
      if (!Double.isFinite(equity[i])) {
        throw new IllegalArgumentException("equity[" + i + "] must be finite but was " + equity[i]);
      }
    }
  }

  /**
   * Returns without an equity curve.
   *
   * @param returns the per-period returns, finite and {@code > -1}
   * @return the value
   */
  public static PeriodReturns of(double... returns) {
    return new PeriodReturns(returns, new double[0]);
  }

  /**
   * The returns (a copy).
   *
   * @return the per-period returns
   */
  @Override
  public double[] returns() {
    return returns.clone();
  }

  /**
   * The equity curve (a copy), empty when none was given.
   *
   * @return the equity at the end of each period, or an empty array
   */
  @Override
  public double[] equity() {
    return equity.clone();
  }

  /**
   * The equity curve, if one was given.
   *
   * @return the equity curve (a copy) or empty
   */
  public Optional<double[]> equityCurve() {
    return equity.length == 0 ? Optional.empty() : Optional.of(equity.clone());
  }

  /**
   * Number of periods.
   *
   * @return the number of returns
   */
  public int length() {
    return returns.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PeriodReturns p
        && Arrays.equals(returns, p.returns)
        && Arrays.equals(equity, p.equity);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(returns) + Arrays.hashCode(equity);
  }

  @Override
  public String toString() {
    return "PeriodReturns[" + returns.length + " periods, equity=" + (equity.length > 0) + "]";
  }
}
