package dev.tyche.risk.backtest;

/**
 * Christoffersen's independence test of the exceedance sequence against a first-order Markov
 * alternative (Christoffersen, "Evaluating interval forecasts", International Economic Review
 * 39(4), 1998, section 3.2). Built by {@link VarBacktests#christoffersen(boolean[])}; the formula
 * is given there.
 *
 * <p>{@code n_ij} counts the transitions {@code t = 2..n} with {@code I_{t-1} = i} and {@code I_t =
 * j}, so the four counts sum to {@code n - 1}. A transition probability whose state never occurs
 * before the last period ({@code n00 + n01 = 0} or {@code n10 + n11 = 0}) is {@code NaN}; its terms
 * vanish in the statistic.
 *
 * <p>Immutable and thread-safe.
 *
 * @param n00 transitions from no exceedance to no exceedance
 * @param n01 transitions from no exceedance to exceedance
 * @param n10 transitions from exceedance to no exceedance
 * @param n11 transitions from exceedance to exceedance
 * @param pi01 {@code n01 / (n00 + n01)}, or NaN
 * @param pi11 {@code n11 / (n10 + n11)}, or NaN
 * @param pi {@code (n01 + n11) / (n - 1)}, the exceedance rate over the transitions
 * @param lr the likelihood-ratio statistic {@code LR_ind >= 0}
 * @param pValue {@code P(chi2_1 > LR_ind)}
 */
public record ChristoffersenResult(
    int n00,
    int n01,
    int n10,
    int n11,
    double pi01,
    double pi11,
    double pi,
    double lr,
    double pValue) {

  /** Validates the fields. */
  public ChristoffersenResult {
    Checks.count("n00", n00);
    Checks.count("n01", n01);
    Checks.count("n10", n10);
    Checks.count("n11", n11);
    if (n00 + n01 + n10 + n11 < 1) {
      throw new IllegalArgumentException("the transition counts must sum to at least 1 but were 0");
    }
    if (!(pi >= 0.0 && pi <= 1.0)) {
      throw new IllegalArgumentException("pi must be in [0, 1] but was " + pi);
    }
    Checks.statistic("lr", lr, pValue);
  }

  /**
   * Whether the test rejects independence of the exceedances at the given significance.
   *
   * @param significance the test size, in (0, 1), e.g. 0.05
   * @return {@code pValue < significance}
   */
  public boolean rejects(double significance) {
    return pValue < Checks.probability("significance", significance);
  }
}
