package dev.tyche.portfolio.risk;

import java.util.Arrays;

/**
 * The Euler decomposition of portfolio volatility into per-asset contributions, built by {@link
 * RiskDecomposition#contributions(double[], double[][])}. With weights {@code w} and covariance
 * {@code Sigma} (per period):
 *
 * <pre>{@code
 * sigma_p = sqrt(w' Sigma w)
 * MRC_i   = d sigma_p / d w_i = (Sigma w)_i / sigma_p     (marginal contribution)
 * RC_i    = w_i MRC_i = w_i (Sigma w)_i / sigma_p          (component contribution)
 * PRC_i   = RC_i / sigma_p                                 (percentage contribution)
 * }</pre>
 *
 * Volatility is homogeneous of degree one in {@code w}, so by Euler's theorem the components sum to
 * {@code sigma_p} and the percentages to 1 (Litterman, "Hot spots and hedges", J. Portfolio
 * Management, 1996; Maillard, Roncalli and Teiletche, "The properties of equally weighted risk
 * contribution portfolios", J. Portfolio Management 36(4), 2010). A component is negative when the
 * position hedges the rest of the portfolio. Arrays are copied in and out.
 *
 * <p>Immutable and thread-safe.
 *
 * @param volatility the portfolio standard deviation {@code sigma_p}, per period, {@code > 0}
 * @param marginal {@code (Sigma w)_i / sigma_p}, one per asset
 * @param component {@code w_i (Sigma w)_i / sigma_p}; sums to {@code volatility}
 * @param percent {@code component_i / sigma_p}; sums to 1
 */
public record RiskContributions(
    double volatility, double[] marginal, double[] component, double[] percent) {

  /** Validates the fields and copies the arrays. */
  public RiskContributions {
    if (!(volatility > 0.0) || Double.isInfinite(volatility)) {
      throw new IllegalArgumentException("volatility must be finite and > 0 but was " + volatility);
    }
    CovarianceChecks.finiteVector(marginal, "marginal");
    CovarianceChecks.finiteVector(component, "component");
    CovarianceChecks.finiteVector(percent, "percent");
    CovarianceChecks.sameLength(component, "component", marginal.length, "marginal");
    CovarianceChecks.sameLength(percent, "percent", marginal.length, "marginal");
    marginal = marginal.clone();
    component = component.clone();
    percent = percent.clone();
  }

  /**
   * The marginal contributions {@code (Sigma w)_i / sigma_p}.
   *
   * @return a copy, one per asset
   */
  @Override
  public double[] marginal() {
    return marginal.clone();
  }

  /**
   * The component contributions {@code w_i (Sigma w)_i / sigma_p}, in volatility units.
   *
   * @return a copy, one per asset; they sum to {@link #volatility()}
   */
  @Override
  public double[] component() {
    return component.clone();
  }

  /**
   * The percentage contributions {@code RC_i / sigma_p}, as fractions.
   *
   * @return a copy, one per asset; they sum to 1
   */
  @Override
  public double[] percent() {
    return percent.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RiskContributions r
        && Double.compare(volatility, r.volatility) == 0
        && Arrays.equals(marginal, r.marginal)
        && Arrays.equals(component, r.component)
        && Arrays.equals(percent, r.percent);
  }

  @Override
  public int hashCode() {
    int h = Double.hashCode(volatility);
    h = 31 * h + Arrays.hashCode(marginal);
    h = 31 * h + Arrays.hashCode(component);
    return 31 * h + Arrays.hashCode(percent);
  }

  @Override
  public String toString() {
    return "RiskContributions[volatility="
        + volatility
        + ", marginal="
        + Arrays.toString(marginal)
        + ", component="
        + Arrays.toString(component)
        + ", percent="
        + Arrays.toString(percent)
        + "]";
  }
}
