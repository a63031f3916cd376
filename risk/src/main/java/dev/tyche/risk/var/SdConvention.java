package dev.tyche.risk.var;

/**
 * Which standard deviation scales a parametric quantile.
 *
 * <p>Immutable and thread-safe.
 */
public enum SdConvention {
  /** Population standard deviation, divisor {@code n}: {@code sqrt(m2)}. */
  POPULATION,
  /** Sample standard deviation, divisor {@code n - 1}. */
  SAMPLE
}
