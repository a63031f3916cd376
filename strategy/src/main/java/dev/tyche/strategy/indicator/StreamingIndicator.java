package dev.tyche.strategy.indicator;

/**
 * What every streaming indicator reports: a current value, whether it is defined yet, and how many
 * updates it needs before it is.
 *
 * <p>Contract: {@link #isReady()} is false for the first {@code warmUpPeriod() - 1} updates and
 * true from update number {@link #warmUpPeriod()} on; {@link #value()} is {@code NaN} exactly while
 * {@link #isReady()} is false (after that it is a number, except where an implementation documents
 * an undefined case). A failed update (invalid input) leaves the state unchanged.
 *
 * <p>Implementations are mutable; confined to one thread.
 */
public interface StreamingIndicator {

  /**
   * The number of updates after which the primary value is defined (the first defined value is at
   * 0-based input index {@code warmUpPeriod() - 1}).
   *
   * @return the warm-up length, {@code >= 1}
   */
  int warmUpPeriod();

  /**
   * Whether {@link #value()} is defined, that is whether at least {@link #warmUpPeriod()} updates
   * have been accepted.
   *
   * @return true once warmed up
   */
  boolean isReady();

  /**
   * The primary output after the latest update, in the units given by the implementation.
   *
   * @return the current value, or {@code NaN} while not {@link #isReady()}
   */
  double value();
}
