package dev.tyche.core.num;

/**
 * What every exact number shares: a {@code long} count of {@code 10^-scale} units.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface Fixed {

  /**
   * The raw count of {@code 10^-scale()} units.
   *
   * @return the units
   */
  long units();

  /**
   * The number of decimal places.
   *
   * @return the scale, in [0, 18]
   */
  int scale();

  /**
   * The nearest {@code double}, for analytics.
   *
   * @return the value as a double
   */
  default double toDouble() {
    return FixedPoint.toDouble(units(), scale());
  }

  /**
   * The value as plain decimal text with exactly {@link #scale()} decimal places, the form
   * exchanges accept (for example {@code 61800.20}).
   *
   * @return the text
   */
  default String toPlainString() {
    return FixedPoint.format(units(), scale());
  }

  /**
   * Compares values exactly, whatever their scales.
   *
   * @param other the other number
   * @return negative, zero or positive as this value is below, equal to or above {@code other}
   */
  default int compareValue(Fixed other) {
    return FixedPoint.compare(units(), scale(), other.units(), other.scale());
  }

  /**
   * Whether the values are equal, whatever their scales ({@code 1.0} equals {@code 1.00} here,
   * unlike {@code equals}).
   *
   * @param other the other number
   * @return true if the values are equal
   */
  default boolean isEqualTo(Fixed other) {
    return compareValue(other) == 0;
  }

  /**
   * The sign of the value.
   *
   * @return -1, 0 or 1
   */
  default int signum() {
    return Long.signum(units());
  }

  /**
   * Whether the value lies on the grid of the given step, i.e. is an integer multiple of it.
   *
   * @param step the grid step, positive
   * @return true if {@code this} is a whole multiple of {@code step}
   */
  default boolean isMultipleOf(Fixed step) {
    if (step.units() <= 0) {
      throw new IllegalArgumentException("step must be > 0 but was " + step.toPlainString());
    }
    int s = Math.max(scale(), step.scale());
    long a = FixedPoint.rescaleExact(units(), scale(), s, "value");
    long b = FixedPoint.rescaleExact(step.units(), step.scale(), s, "step");
    return a % b == 0;
  }
}
