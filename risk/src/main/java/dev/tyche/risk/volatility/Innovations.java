package dev.tyche.risk.volatility;

/**
 * The distribution of the standardised innovations {@code z_t = e_t / sqrt(h_t)}.
 *
 * <p>Immutable and thread-safe.
 */
public enum Innovations {
  /** Standard normal. */
  NORMAL,
  /**
   * Standardised Student-t with unit variance and shape {@code nu > 2} (Bollerslev 1987): {@code ln
   * f(z) = lnGamma((nu+1)/2) - lnGamma(nu/2) - 0.5 ln(pi (nu-2)) - (nu+1)/2 ln(1 + z^2/(nu-2))}.
   */
  STUDENT_T
}
