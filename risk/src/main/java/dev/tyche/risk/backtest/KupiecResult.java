package dev.tyche.risk.backtest;

/**
 * Kupiec's proportion-of-failures (POF) test of unconditional coverage (Kupiec, "Techniques for
 * verifying the accuracy of risk measurement models", Journal of Derivatives 3(2), 1995). Built by
 * {@link VarBacktests#kupiec(boolean[], double)}; the formula is given there.
 *
 * <p>Immutable and thread-safe.
 *
 * @param n the number of periods, at least 1
 * @param exceedances the number of exceedances {@code x}, in {@code 0..n}
 * @param expectedRate the expected exceedance rate {@code p = 1 - a}, in (0, 1)
 * @param lr the likelihood-ratio statistic {@code LR_POF >= 0}
 * @param pValue {@code P(chi2_1 > LR_POF)}
 */
public record KupiecResult(int n, int exceedances, double expectedRate, double lr, double pValue) {

  /** Validates the fields. */
  public KupiecResult {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1 but was " + n);
    }
    if (exceedances < 0 || exceedances > n) {
      throw new IllegalArgumentException(
          "exceedances must be in [0, " + n + "] but was " + exceedances);
    }
    Checks.probability("expectedRate", expectedRate);
    Checks.statistic("lr", lr, pValue);
  }

  /**
   * The observed exceedance rate {@code x / n}.
   *
   * @return {@code exceedances / n}
   */
  public double observedRate() {
    return (double) exceedances / n;
  }

  /**
   * Whether the test rejects correct unconditional coverage at the given significance.
   *
   * @param significance the test size, in (0, 1), e.g. 0.05
   * @return {@code pValue < significance}
   */
  public boolean rejects(double significance) {
    return pValue < Checks.probability("significance", significance);
  }
}
