package dev.tyche.risk.volatility;

/**
 * The mean equation of a GARCH model: {@code x_t = mu + e_t} with {@code mu} estimated, or {@code
 * x_t = e_t}.
 *
 * <p>Immutable and thread-safe.
 */
public enum MeanEquation {
  /** {@code x_t = e_t}: the returns are the innovations ({@code mu} fixed at 0). */
  ZERO,
  /** {@code x_t = mu + e_t} with a constant {@code mu} estimated jointly with the variance. */
  CONSTANT
}
