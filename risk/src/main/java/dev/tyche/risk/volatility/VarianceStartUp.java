package dev.tyche.risk.volatility;

/**
 * How the conditional variance recursion is started and which observations enter the
 * log-likelihood. The two packages the references come from differ only here.
 *
 * <p>Immutable and thread-safe.
 */
public enum VarianceStartUp {
  /**
   * fGarch's default {@code init.rec = "mci"}: with {@code e_t = x_t - mu} at the current {@code
   * mu} and {@code s = mean(e_1^2 .. e_N^2)}, {@code h_1 = omega + (alpha1 + beta1) s} (for GJR
   * too, {@code alpha1} multiplies the plain mean square); the log-likelihood sums over {@code t =
   * 1..N}. This is the convention of the Fiorentini, Calzolari and Panattoni (1996) benchmark.
   */
  FGARCH_MCI(0),
  /**
   * {@code tseries::garch}: {@code h_1 = mean(e_1^2 .. e_N^2)} (uncentred when the mean is zero)
   * and the log-likelihood sums over {@code t = 2..N}.
   */
  TSERIES(1);

  private final int firstLikelihoodIndex;

  VarianceStartUp(int firstLikelihoodIndex) {
    this.firstLikelihoodIndex = firstLikelihoodIndex;
  }

  /**
   * The 0-based index of the first observation whose density enters the log-likelihood.
   *
   * @return 0 for {@link #FGARCH_MCI}, 1 for {@link #TSERIES}
   */
  public int firstLikelihoodIndex() {
    return firstLikelihoodIndex;
  }
}
