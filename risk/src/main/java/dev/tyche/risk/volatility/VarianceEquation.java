package dev.tyche.risk.volatility;

/**
 * The conditional variance equation.
 *
 * <p>Immutable and thread-safe.
 */
public enum VarianceEquation {
  /**
   * GARCH(1,1), Bollerslev (1986), eq. (5): {@code h_t = omega + alpha1 e_{t-1}^2 + beta1 h_{t-1}}.
   */
  GARCH,
  /**
   * GJR-GARCH(1,1) in fGarch's APARCH(1,1) form with {@code delta = 2} (Ding, Granger and Engle
   * 1993, eq. (13)): {@code h_t = omega + alpha1 (|e_{t-1}| - gamma1 e_{t-1})^2 + beta1 h_{t-1}},
   * {@code -1 < gamma1 < 1}. It equals Glosten, Jagannathan and Runkle (1993) {@code h_t = omega +
   * (a + g 1[e < 0]) e^2 + beta1 h} with {@code a = alpha1 (1 - gamma1)^2} and {@code g = 4 alpha1
   * gamma1}.
   */
  GJR
}
